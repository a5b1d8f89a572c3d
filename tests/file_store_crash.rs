//! The encrypted file store under concurrent writers and `kill -9`, on a
//! machine without an OS keyring.

mod common;

use std::fs;
use std::process::Child;
use std::time::Duration;

use common::{TestEnv, kill9, wait_for};

const PASS: &str = "correct horse battery staple";

fn env() -> TestEnv {
    TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS)
        .with_env("HUBINT_SECRET_STORE", "file")
}

#[test]
fn concurrent_writers_lose_nothing() {
    needs_keyring!();
    let env = env();
    env.add("seed", "pw-seed", &[]);
    let mut expected = vec![("seed".to_string(), "pw-seed".to_string())];
    for round in 0..4 {
        let names: Vec<String> = (0..2).map(|i| format!("r{round}-w{i}")).collect();
        // Both start at once; both read-modify-write the same file.
        let children: Vec<Child> = names
            .iter()
            .map(|name| {
                env.spawn(
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
                env.spawn(
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
        assert_eq!(&secrets[&env.id(name)], pw, "{name}");
    }
}

#[test]
fn kill_9_before_the_rename_leaves_the_old_file() {
    needs_keyring!();
    let env = env();
    env.add("a", "pw-old", &[]);
    let id = env.id("a");
    let before = fs::read(env.secrets_path()).unwrap();

    let mut child = env.spawn(
        &["edit", "a", "--password-stdin"],
        "pw-new",
        Some("file-store-before-rename"),
    );
    assert!(wait_for(&mut child, "failpoint file-store-before-rename"));
    // The new file is written and synced, but not renamed yet.
    assert!(env.hubint_home.join("secrets.age.tmp").exists());
    assert!(kill9(child), "it was still running");

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
    needs_keyring!();
    let env = env();
    env.add("a", "pw-0", &[]);
    let id = env.id("a");
    let mut current = "pw-0".to_string();
    for (round, delay_ms) in [0u64, 20, 60, 120, 200, 300, 450, 700]
        .into_iter()
        .enumerate()
    {
        let next = format!("pw-{}", round + 1);
        let child = env.spawn(&["edit", "a", "--password-stdin"], &next, None);
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
    needs_keyring!();
    let env = env();
    env.add("a", "pw-a", &[]);
    // passwd holds the file lock (and no database lock) while it stops.
    let mut holder = env.spawn(
        &["secret-store", "passwd", "--new-passphrase-stdin"],
        "another passphrase",
        Some("file-store-before-rename"),
    );
    assert!(wait_for(&mut holder, "failpoint file-store-before-rename"));
    let mut writer = env.spawn(
        &["add", "--name", "b", "--username", "u", "--password-stdin"],
        "pw-b",
        None,
    );
    assert!(wait_for(
        &mut writer,
        "Waiting for another hubint process to finish writing",
    ));
    assert!(kill9(holder), "it was still running");
    let out = writer.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let secrets = env.file_secrets(PASS);
    assert_eq!(secrets[&env.id("a")], "pw-a");
    assert_eq!(secrets[&env.id("b")], "pw-b");
}
