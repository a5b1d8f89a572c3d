//! The passphrase file named by `HUBINT_PASSPHRASE_FILE` must be private.

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use common::TestEnv;

const PASS: &str = "correct horse battery staple";

fn chmod(path: &std::path::Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// As ssh does with keys: a passphrase file other users can read is not
/// used, and `doctor` reports it with the command that fixes it.
#[test]
fn a_passphrase_file_others_can_read_is_refused() {
    needs_keyring!();
    let bare = TestEnv::new().without_keyring();
    let pass_file = bare.home.join("passphrase");
    fs::write(&pass_file, PASS).unwrap();
    chmod(&pass_file, 0o644);
    let env = bare.with_env("HUBINT_PASSPHRASE_FILE", pass_file.to_str().unwrap());
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
    snapshot!(env, cmd.pass_stdin("pw-x"), @r"
    success: false
    exit_code: 5
    ----- stdout -----

    ----- stderr -----
    error: HUBINT_PASSPHRASE_FILE [HOME]/passphrase is readable by other users (mode 0644); it was not used
    hint: run `chmod 600 [HOME]/passphrase` (and change the passphrase if others may have read it)
    ");
    assert!(!env.secrets_path().exists());

    let out = env.run(&["doctor", "--json"], "");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains(&format!("{} is mode 0644", pass_file.display())),
        "{report}"
    );
    assert!(report.contains("chmod go-rwx"), "{report}");
    assert!(!out.status.success());

    chmod(&pass_file, 0o600);
    env.add("x", "pw-x", &["--secret-store", "file"]);
    assert_eq!(env.file_secrets(PASS)[&env.id("x")], "pw-x");
}
