//! A full disk and a read-only data directory (issue 12, section 5): every
//! read (`list`, `show`, `env`, the helper's `get`) keeps working; every
//! write fails with one plain line that says the disk is full or
//! HUBINT_HOME is read-only and names the path; nothing is changed.
//! The disks are small tmpfs mounts (as root); the permission cases run as
//! root and as an unprivileged user.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};

use common::{TestEnv, Tmpfs, Who, assert_ok, assert_sane, summary};

const PASS: &str = "full disk passphrase";

/// A file-store environment whose HUBINT_HOME is `home`, with one
/// integration `base` for r1.example.com (added by `who`).
fn env_at(home: &Path, who: Who) -> TestEnv {
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS)
        .with_env("HUBINT_SECRET_STORE", "file")
        .with_env("HUBINT_HOME", &home.display().to_string());
    if let Who::User { uid, gid } = who {
        env.give_to(who);
        std::fs::create_dir(home).unwrap();
        std::os::unix::fs::chown(home, Some(uid), Some(gid)).unwrap();
        common::chmod(home, 0o700);
    }
    let add = &[
        "add",
        "--name",
        "base",
        "--username",
        "u",
        "--password-stdin",
        "--url",
        "r1.example.com",
    ];
    assert_ok("add", &common::feed(env.cmd_as(who, add), "base-pw"));
    env
}

/// Every read works and says the truth; returns how many were tried.
fn reads_work(env: &TestEnv, who: Who, what: &str) -> usize {
    let run = |args: &[&str]| {
        let out = env.cmd_as(who, args).output().unwrap();
        assert_ok(&format!("{what}: {args:?}"), &out);
        common::stdout(&out)
    };
    assert!(run(&["list"]).contains("base"), "{what}: list");
    assert!(
        run(&["show", "base"]).contains("r1.example.com"),
        "{what}: show"
    );
    assert!(run(&["env", "base"]).contains("base-pw"), "{what}: env");
    let exec = [
        "exec",
        "base",
        "--",
        "sh",
        "-c",
        "printf %s \"$BASE_INTEGRATION_PASSWORD\"",
    ];
    assert_eq!(run(&exec), "base-pw", "{what}: exec");
    run(&["subscription", "list"]);
    let auth = env.home.join("auth.json").display().to_string();
    run(&["docker-config", "--output", &auth]);
    let get = common::feed(env.helper_as(who, &["get"]), "r1.example.com");
    assert_ok(&format!("{what}: get"), &get);
    assert_eq!(
        common::stdout(&get),
        common::creds("r1.example.com", "u", "base-pw"),
        "{what}: get"
    );
    8
}

/// Every write fails with `says` and the path named, and changes nothing;
/// returns how many were tried.
fn writes_fail(env: &TestEnv, who: Who, home: &Path, says: &str, what: &str) -> usize {
    let files: Vec<PathBuf> = ["hubint.db", "secrets.age"]
        .iter()
        .map(|f| home.join(f))
        .collect();
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let writes: &[(&[&str], &str)] = &[
        (
            &[
                "add",
                "--name",
                "new",
                "--username",
                "u",
                "--password-stdin",
            ],
            "pw",
        ),
        (&["edit", "base", "--password-stdin"], "new-pw"),
        (&["edit", "base", "--email", "a@example.com"], ""),
        (&["delete", "base", "--yes"], ""),
        (&["subscription", "attach", "team", "base"], ""),
    ];
    for (args, stdin) in writes {
        let out = common::feed(env.cmd_as(who, args), stdin);
        let label = format!("{what}: {args:?}");
        assert_sane(&label, &out);
        let err = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{label}: {err}");
        assert!(err.contains(says), "{label}: expected {says:?} in:\n{err}");
        assert!(
            err.contains(&home.display().to_string()),
            "{label}: no path in:\n{err}"
        );
        assert!(err.contains("\nhint: "), "{label}: no hint in:\n{err}");
        assert!(
            !err.contains("xShmMap") && !err.contains("os error"),
            "{label}: {err}"
        );
    }
    let json = r#"{"ServerURL":"r2.example.com","Username":"u","Secret":"s"}"#;
    let out = common::feed(env.helper_as(who, &["store"]), json);
    assert_eq!(out.status.code(), Some(1), "{what}: store");
    assert!(
        common::stdout(&out).contains(says),
        "{what}: store: {}",
        common::stdout(&out)
    );
    for (file, bytes) in files.iter().zip(&before) {
        assert!(
            &std::fs::read(file).unwrap() == bytes,
            "{what} changed {}",
            file.display()
        );
    }
    writes.len() + 1
}

#[test]
fn a_full_disk_keeps_reads_working_and_says_so_on_writes() {
    let Some(disk) = Tmpfs::mount("2m") else {
        return;
    };
    let home = disk.path().join("hubint");
    let env = env_at(&home, Who::Root);
    disk.fill();
    let mut tried = reads_work(&env, Who::Root, "full disk");
    tried += writes_fail(&env, Who::Root, &home, "the disk is full", "full disk");
    // A docker config on that disk: the same words.
    let auth = disk.path().join("auth.json");
    let out = env.output(&["docker-config", "--output", &auth.display().to_string()]);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "the disk is full: cannot write {}",
            auth.display()
        )),
        "{err}"
    );
    assert!(!auth.exists());
    tried += 1;
    // Space again: everything works.
    std::fs::remove_file(disk.path().join("filler")).unwrap();
    assert_ok(
        "add after",
        &env.run(
            &[
                "add",
                "--name",
                "later",
                "--username",
                "u",
                "--password-stdin",
            ],
            "pw",
        ),
    );
    summary(&format!(
        "full disk (tmpfs): {tried} reads and writes, reads served, writes refused in plain words"
    ));
}

#[test]
fn a_read_only_mount_keeps_reads_working() {
    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let home = disk.path().join("hubint");
    let env = env_at(&home, Who::Root);
    disk.read_only(true);
    let mut tried = reads_work(&env, Who::Root, "read-only mount");
    tried += writes_fail(
        &env,
        Who::Root,
        &home,
        "HUBINT_HOME is read-only",
        "read-only mount",
    );
    disk.read_only(false);
    summary(&format!(
        "read-only mount: {tried} reads and writes, reads served, writes refused"
    ));
}

#[test]
fn a_read_only_home_keeps_reads_working() {
    let Some(user) = common::test_user() else {
        eprintln!("note: needs root and the test user; skipped");
        return;
    };
    let scratch = tempfile::tempdir().unwrap();
    let home = scratch.path().join("data");
    let env = env_at(&home, user);
    // chmod 500 on the directory, whose -wal and -shm are gone.
    common::chmod(&home, 0o500);
    let mut tried = reads_work(&env, user, "chmod 500");
    tried += writes_fail(&env, user, &home, "HUBINT_HOME is read-only", "chmod 500");
    common::chmod(&home, 0o700);
    // chmod 400 on the database: reads work; writes name the file, and
    // never claim it cannot be created.
    common::chmod(&home.join("hubint.db"), 0o400);
    tried += reads_work(&env, user, "chmod 400 hubint.db");
    let out = env
        .cmd_as(user, &["edit", "base", "--email", "a@example.com"])
        .output()
        .unwrap();
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{} is read-only",
            home.join("hubint.db").display()
        )),
        "{err}"
    );
    assert!(!err.contains("cannot create"), "{err}");
    summary(&format!(
        "read-only HUBINT_HOME as an unprivileged user: {tried} reads and writes"
    ));
}
