//! The encrypted file store under concurrent writers and `kill -9`, on a
//! machine without an OS keyring.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Stdio};
use std::time::Duration;

use common::TestEnv;

const PASS: &str = "correct horse battery staple";

fn env() -> TestEnv {
    TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS)
        .with_env("HUBINT_SECRET_STORE", "file")
}

/// Start `hubint ARGS...` with `stdin` written and stderr piped.
fn spawn(env: &TestEnv, args: &[&str], stdin: &str, failpoint: Option<&str>) -> Child {
    let mut cmd = env.cmd(args);
    if let Some(point) = failpoint {
        cmd.env("HUBINT_FAILPOINT", point);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hubint");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child
}

/// Read the child's stderr until a line contains `needle`; panics if it
/// exits first. Returns what was read.
fn wait_for(child: &mut Child, needle: &str) -> String {
    let stderr = child.stderr.as_mut().expect("piped stderr");
    let mut reader = BufReader::new(stderr);
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).expect("read stderr");
        assert!(n > 0, "hubint exited before printing '{needle}':\n{seen}");
        seen.push_str(&line);
        if line.contains(needle) {
            return seen;
        }
    }
}

/// SIGKILL (kill -9) and reap.
fn kill9(mut child: Child) {
    child.kill().expect("kill -9");
    let status = child.wait().expect("wait");
    assert!(!status.success());
}

#[test]
fn concurrent_writers_lose_nothing() {
    let env = env();
    env.add("seed", "pw-seed", &[]);
    let mut expected = vec![("seed".to_string(), "pw-seed".to_string())];
    for round in 0..4 {
        let names: Vec<String> = (0..2).map(|i| format!("r{round}-w{i}")).collect();
        // Both start at once; both read-modify-write the same file.
        let children: Vec<Child> = names
            .iter()
            .map(|name| {
                spawn(
                    &env,
                    &["add", "--name", name, "--username", "u", "--password-stdin"],
                    &format!("pw-{name}"),
                    None,
                )
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        // And two edits of different integrations at once.
        let children: Vec<Child> = expected
            .iter()
            .take(2)
            .map(|(name, _)| {
                spawn(
                    &env,
                    &["edit", name, "--password-stdin"],
                    &format!("pw-{name}-{round}"),
                    None,
                )
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        for (name, pw) in expected.iter_mut().take(2) {
            *pw = format!("pw-{name}-{round}");
        }
        expected.extend(names.into_iter().map(|n| (n.clone(), format!("pw-{n}"))));
    }
    let secrets = env.file_secrets(PASS);
    assert_eq!(secrets.len(), expected.len());
    for (name, pw) in &expected {
        assert_eq!(&secrets[&env.id_of(name)], pw, "{name}");
    }
}

#[test]
fn kill_9_before_the_rename_leaves_the_old_file() {
    let env = env();
    env.add("a", "pw-old", &[]);
    let id = env.id_of("a");
    let before = fs::read(env.secrets_path()).unwrap();

    let mut child = spawn(
        &env,
        &["edit", "a", "--password-stdin"],
        "pw-new",
        Some("file-store-before-rename"),
    );
    wait_for(&mut child, "failpoint file-store-before-rename");
    // The new file is written and synced, but not renamed yet.
    assert!(env.hubint_home.join("secrets.age.tmp").exists());
    kill9(child);

    assert_eq!(fs::read(env.secrets_path()).unwrap(), before);
    assert_eq!(env.file_secrets(PASS)[&id], "pw-old");
    // The lock died with the process; the leftover temp file is replaced.
    let out = env.run(&["edit", "a", "--password-stdin"], "pw-new");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.file_secrets(PASS)[&id], "pw-new");
    assert!(!env.hubint_home.join("secrets.age.tmp").exists());
}

#[test]
fn kill_9_at_any_moment_leaves_a_file_that_decrypts() {
    let env = env();
    env.add("a", "pw-0", &[]);
    let id = env.id_of("a");
    let mut current = "pw-0".to_string();
    for (round, delay_ms) in [0u64, 20, 60, 120, 200, 300, 450, 700]
        .into_iter()
        .enumerate()
    {
        let next = format!("pw-{}", round + 1);
        let child = spawn(&env, &["edit", "a", "--password-stdin"], &next, None);
        std::thread::sleep(Duration::from_millis(delay_ms));
        let mut child = child;
        let _ = child.kill();
        let _ = child.wait();
        // The old secret or the new one, never a torn file.
        let secret = env.file_secrets(PASS)[&id].clone();
        assert!(secret == current || secret == next, "{secret}");
        current = secret;
    }
    let out = env.run(&["edit", "a", "--password-stdin"], "pw-final");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.file_secrets(PASS)[&id], "pw-final");
}

#[test]
fn a_writer_waits_for_the_lock_and_a_killed_holder_releases_it() {
    let env = env();
    env.add("a", "pw-a", &[]);
    // passwd holds the file lock (and no database lock) while it stops.
    let mut holder = spawn(
        &env,
        &["secret-store", "passwd", "--new-passphrase-stdin"],
        "another passphrase",
        Some("file-store-before-rename"),
    );
    wait_for(&mut holder, "failpoint file-store-before-rename");
    let mut writer = spawn(
        &env,
        &["add", "--name", "b", "--username", "u", "--password-stdin"],
        "pw-b",
        None,
    );
    wait_for(
        &mut writer,
        "Waiting for another hubint process to finish writing",
    );
    kill9(holder);
    let out = writer.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let secrets = env.file_secrets(PASS);
    assert_eq!(secrets[&env.id_of("a")], "pw-a");
    assert_eq!(secrets[&env.id_of("b")], "pw-b");
}
