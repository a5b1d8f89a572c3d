//! The encrypted file store on a machine without an OS keyring (no D-Bus
//! session): add, edit and delete with the passphrase from the environment
//! or a file, wrong and missing passphrases, permissions, leaks, passwd.
#![cfg(unix)] // checks Unix file modes throughout

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use common::{TestEnv, contains};

const PASS: &str = "correct horse battery staple";

/// No keyring, passphrase from HUBINT_PASSPHRASE.
fn env() -> TestEnv {
    TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS)
}

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).expect("stat").permissions().mode() & 0o777
}

/// Neither the database nor the encrypted file holds any of `passwords`.
fn assert_no_leak(env: &TestEnv, passwords: &[&str]) {
    let file = fs::read(env.secrets_path()).unwrap_or_default();
    for pw in passwords {
        assert!(
            !contains(&env.db_bytes(), pw.as_bytes()),
            "{pw} in the database"
        );
        assert!(!contains(&file, pw.as_bytes()), "{pw} in secrets.age");
    }
    assert!(
        !contains(&file, PASS.as_bytes()),
        "passphrase in secrets.age"
    );
    assert!(
        !contains(&env.db_bytes(), PASS.as_bytes()),
        "passphrase in the database"
    );
}

#[test]
fn add_edit_delete_with_passphrase_from_env() {
    let env = env();
    let mut add = env.cmd(&[
        "add",
        "--name",
        "web",
        "--username",
        "ci",
        "--password-stdin",
        "--secret-store",
        "file",
    ]);
    snapshot!(env, add.pass_stdin("hunter2-first\n"), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            web
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        https://index.docker.io/v1/
     username        ci
     email           -
     password        (stored in file)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    Created the encrypted secret store [HOME]/hubint/secrets.age.
    Added integration web (hub/docker for https://index.docker.io/v1/); password stored in the encrypted file store.
    ");
    let id = env.id("web");
    assert_eq!(env.show("web")["secret_store"], "file");
    assert_eq!(env.file_secrets(PASS)[&id], "hunter2-first");
    assert_eq!(mode(&env.secrets_path()), 0o600);
    assert_eq!(mode(&env.hubint_home.join("secrets.age.lock")), 0o600);
    assert_eq!(mode(&env.hubint_home), 0o700);
    assert_no_leak(&env, &["hunter2-first"]);

    let out = env.run(&["edit", "web", "--password-stdin"], "hunter2-second");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.file_secrets(PASS)[&id], "hunter2-second");
    assert_eq!(mode(&env.secrets_path()), 0o600);
    assert!(!env.hubint_home.join("secrets.age.tmp").exists());
    assert_no_leak(&env, &["hunter2-first", "hunter2-second"]);

    // A rename keeps the secret (keyed by id).
    let out = env.run(&["edit", "web", "--name", "web2"], "");
    assert!(out.status.success());
    assert_eq!(env.file_secrets(PASS)[&id], "hunter2-second");

    snapshot!(env, env.cmd(&["delete", "web2", "--yes"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Deleted integration web2.
    ");
    assert!(env.file_secrets(PASS).is_empty());
    assert_no_leak(&env, &["hunter2-first", "hunter2-second"]);
}

fn write(env: &TestEnv, name: &str, text: &str) -> std::path::PathBuf {
    let path = env.home.join(name);
    fs::write(&path, text).expect("write file");
    path
}

#[test]
fn passphrase_from_a_file() {
    needs_keyring!();
    let bare = TestEnv::new().without_keyring();
    let pass_file = write(&bare, "passphrase", &format!("{PASS}\n"));
    fs::set_permissions(&pass_file, fs::Permissions::from_mode(0o600)).unwrap();
    let env = bare.with_env("HUBINT_PASSPHRASE_FILE", pass_file.to_str().unwrap());
    env.add("reg", "pw-from-file-1", &["--secret-store", "file"]);
    let id = env.id("reg");
    // One trailing newline is not part of the passphrase.
    assert_eq!(env.file_secrets(PASS)[&id], "pw-from-file-1");
    let out = env.run(&["edit", "reg", "--password-stdin"], "pw-from-file-2");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.file_secrets(PASS)[&id], "pw-from-file-2");
    let out = env.run(&["delete", "reg", "--yes"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.file_secrets(PASS).is_empty());
    assert_no_leak(&env, &["pw-from-file-1", "pw-from-file-2"]);

    // An unreadable passphrase file is a secret-store error naming it.
    let mut cmd = env.cmd(&[
        "add",
        "--name",
        "x",
        "--username",
        "u",
        "--password-stdin",
        "--secret-store",
        "file",
    ]);
    cmd.env("HUBINT_PASSPHRASE_FILE", env.home.join("missing"));
    snapshot!(env, cmd.pass_stdin("pw-x"), @r"
    success: false
    exit_code: 5
    ----- stdout -----

    ----- stderr -----
    error: HUBINT_PASSPHRASE_FILE: cannot read passphrase file [HOME]/missing: No such file or directory (os error 2)
    hint: HUBINT_PASSPHRASE_FILE must name a readable file holding the passphrase
    ");
}

#[test]
fn wrong_passphrase_changes_nothing() {
    needs_keyring!();
    let env = env();
    env.add("keep", "pw-keep", &["--secret-store", "file"]);
    let before = fs::read(env.secrets_path()).unwrap();
    let db_before = env.cmd(&["list", "--json"]).output().unwrap().stdout;

    let mut cmd = env.cmd(&[
        "add",
        "--name",
        "other",
        "--username",
        "u",
        "--password-stdin",
        "--secret-store",
        "file",
    ]);
    cmd.env("HUBINT_PASSPHRASE", "not the passphrase");
    snapshot!(env, cmd.pass_stdin("pw-other"), @r"
    success: false
    exit_code: 5
    ----- stdout -----

    ----- stderr -----
    error: wrong passphrase for the encrypted secret store [HOME]/hubint/secrets.age (from HUBINT_PASSPHRASE)
    hint: nothing was changed; check the passphrase and try again
    ");
    for args in [
        &["edit", "keep", "--password-stdin"][..],
        &["edit", "keep", "--name", "renamed", "--password-stdin"],
        &["delete", "keep", "--yes"],
        &["secret-store", "passwd", "--new-passphrase-stdin"],
        &["move", "keep", "--to", "keyring"],
    ] {
        let mut cmd = env.cmd(args);
        cmd.env("HUBINT_PASSPHRASE", "not the passphrase");
        let out = common::feed(cmd, "pw-new");
        assert_eq!(
            out.status.code(),
            Some(5),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            fs::read(env.secrets_path()).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    assert_eq!(
        env.cmd(&["list", "--json"]).output().unwrap().stdout,
        db_before
    );
    assert_eq!(env.file_secrets(PASS)[&env.id("keep")], "pw-keep");
    assert!(!env.hubint_home.join("secrets.age.tmp").exists());
}

#[test]
fn missing_passphrase_without_a_terminal() {
    let env = TestEnv::new().without_keyring();
    snapshot!(env, env.cmd(&["add", "--name", "a", "--username", "u", "--password", "pw-a", "--secret-store", "file"]), @r"
    success: false
    exit_code: 5
    ----- stdout -----

    ----- stderr -----
    warning: --password is insecure: the password is visible to other processes. Use --password-stdin instead
    error: no passphrase for the encrypted secret store [HOME]/hubint/secrets.age: set HUBINT_PASSPHRASE or HUBINT_PASSPHRASE_FILE
    hint: HUBINT_PASSPHRASE_FILE names a file holding the passphrase; hubint asks for it only when stdin and stderr are terminals and --no-input is not set
    ");
    assert!(!env.secrets_path().exists());
    assert_eq!(
        env.cmd(&["list", "--json"]).output().unwrap().stdout,
        b"[]\n"
    );

    // Both variables at once is ambiguous.
    let mut cmd = env.cmd(&[
        "add",
        "--name",
        "a",
        "--username",
        "u",
        "--password-stdin",
        "--secret-store",
        "file",
    ]);
    cmd.env("HUBINT_PASSPHRASE", PASS)
        .env("HUBINT_PASSPHRASE_FILE", "/dev/null");
    let out = common::feed(cmd, "pw");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("both HUBINT_PASSPHRASE and HUBINT_PASSPHRASE_FILE are set")
    );
}

#[test]
fn without_a_keyring_auto_says_once_that_it_uses_the_file() {
    let env = env();
    let out = env.run(
        &[
            "add",
            "--name",
            "auto",
            "--username",
            "u",
            "--password-stdin",
        ],
        "pw-auto",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr
            .matches("note: new secrets go to the encrypted file store")
            .count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("because no OS keyring answered"),
        "{stderr}"
    );
    assert!(
        stderr.contains("password stored in the encrypted file store"),
        "{stderr}"
    );
    assert_eq!(env.show("auto")["secret_store"], "file");
    assert_eq!(env.file_secrets(PASS)[&env.id("auto")], "pw-auto");

    // A choice made in the config file is used without a notice.
    assert!(
        env.cmd(&["config", "set", "secret-store", "file"])
            .output()
            .unwrap()
            .status
            .success()
    );
    let out = env.run(
        &[
            "add",
            "--name",
            "chosen",
            "--username",
            "u",
            "--password-stdin",
        ],
        "pw-2",
    );
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("note:"));

    // Reading uses the recorded store: asking for the keyring fails clearly (5).
    let out = env.run(
        &[
            "add",
            "--name",
            "k",
            "--username",
            "u",
            "--password-stdin",
            "--secret-store",
            "keyring",
        ],
        "pw-3",
    );
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(
        env.cmd(&["show", "k"]).output().unwrap().status.code(),
        Some(3)
    );
}

#[test]
fn passwd_reencrypts_under_a_new_passphrase() {
    needs_keyring!();
    let env = env();
    snapshot!(env, env.cmd(&["secret-store", "passwd", "--new-passphrase-stdin"]), @r"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: there is no encrypted secret store at [HOME]/hubint/secrets.age
    hint: it is created when a secret is first stored with `--secret-store file`
    ");
    env.add("p", "pw-p", &["--secret-store", "file"]);
    snapshot!(env, env.cmd(&["secret-store", "passwd"]), @r"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: missing the new passphrase: pass --new-passphrase-stdin or --new-passphrase-file FILE
    hint: hubint prompts only when stdin and stderr are terminals and --no-input is not set
    ");
    let new = "a much better passphrase";
    let out = env.run(
        &["secret-store", "passwd", "--new-passphrase-stdin"],
        &format!("{new}\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.file_secrets(new)[&env.id("p")], "pw-p");
    assert_eq!(mode(&env.secrets_path()), 0o600);
    // The old passphrase no longer opens it; the new one does.
    assert_eq!(
        env.run(&["edit", "p", "--password-stdin"], "pw-q")
            .status
            .code(),
        Some(5)
    );
    let mut cmd = env.cmd(&["edit", "p", "--password-stdin"]);
    cmd.env("HUBINT_PASSPHRASE", new);
    assert!(common::feed(cmd, "pw-q").status.success());
    assert_eq!(env.file_secrets(new)[&env.id("p")], "pw-q");
    assert_no_leak(&env, &["pw-p", "pw-q", new]);
}
