//! The file store's passphrase prompts on a terminal (a pseudo-terminal),
//! without an OS keyring, and interoperability with the `age` CLI.
#![cfg(unix)] // a pseudo-terminal (rexpect)

mod common;

use std::fs;

use common::TestEnv;
use common::terminal::Pty;

const PASS: &str = "correct horse battery staple";
const PROMPT: &str = "Passphrase for the encrypted secret store";

/// `add` on a terminal with every value given by flag except the passphrase.
fn add_on_tty(env: &TestEnv, name: &str, pw_file: &str) -> Pty {
    Pty::spawn(
        env,
        &[
            "add",
            "--family",
            "hub",
            "--type",
            "docker",
            "--url",
            "docker.io",
            "--name",
            name,
            "--username",
            "u",
            "--email",
            "u@example.com",
            "--password-file",
            pw_file,
            "--secret-store",
            "file",
        ],
    )
}

#[test]
fn passphrase_prompts_create_then_unlock() {
    let env = TestEnv::new().without_keyring();
    let pw1 = env.home.join("pw1");
    fs::write(&pw1, "pw-tty-1").unwrap();

    // Creating the store: the passphrase is asked twice; a mismatch asks again.
    let mut s = add_on_tty(&env, "tty", pw1.to_str().unwrap());
    s.expect("Creating the encrypted secret store");
    s.expect_password(PROMPT);
    s.line(PASS);
    s.expect_password("Repeat the passphrase");
    s.line("something else");
    s.expect("Passphrases do not match");
    s.expect_password(PROMPT);
    s.line(PASS);
    s.expect_password("Repeat the passphrase");
    s.line(PASS);
    s.expect("password stored in the encrypted file store");
    s.exits_with(0);
    let id = env.id("tty");
    assert_eq!(env.file_secrets(PASS)[&id], "pw-tty-1");

    // An existing store: asked once.
    let pw2 = env.home.join("pw2");
    fs::write(&pw2, "pw-tty-2").unwrap();
    let mut s = Pty::spawn(
        &env,
        &["edit", "tty", "--password-file", pw2.to_str().unwrap()],
    );
    s.expect_password(PROMPT);
    s.line(PASS);
    s.exits_with(0);
    let rest = &s.transcript;
    assert!(
        rest.contains("Updated integration tty and its password"),
        "{rest}"
    );
    assert!(!rest.contains("Repeat"), "{rest}");
    assert_eq!(env.file_secrets(PASS)[&id], "pw-tty-2");

    // A wrong passphrase: exit 5, nothing changed.
    let before = fs::read(env.secrets_path()).unwrap();
    let mut s = Pty::spawn(&env, &["delete", "tty", "--yes"]);
    s.expect_password(PROMPT);
    s.line("wrong");
    s.expect("wrong passphrase for the encrypted secret store");
    s.exits_with(5);
    assert_eq!(fs::read(env.secrets_path()).unwrap(), before);

    let mut s = Pty::spawn(&env, &["delete", "tty", "--yes"]);
    s.expect_password(PROMPT);
    s.line(PASS);
    s.expect("Deleted integration tty.");
    s.exits_with(0);
    assert!(env.file_secrets(PASS).is_empty());
}

#[test]
fn passwd_on_a_terminal() {
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS);
    env.add("p", "pw-p", &["--secret-store", "file"]);
    // The current passphrase comes from HUBINT_PASSPHRASE; the new one is asked twice.
    let mut s = Pty::spawn(&env, &["secret-store", "passwd"]);
    s.expect_password("New passphrase");
    s.line("new passphrase here");
    s.expect_password("Repeat the passphrase");
    s.line("new passphrase here");
    s.expect("Re-encrypted");
    s.exits_with(0);
    assert_eq!(
        env.file_secrets("new passphrase here")[&env.id("p")],
        "pw-p"
    );
}

/// The file is a standard age file: the `age` CLI decrypts it.
#[test]
fn age_cli_decrypts_the_store() {
    let age = std::process::Command::new("age").arg("--version").output();
    assert!(
        age.is_ok_and(|o| o.status.success()),
        "this test needs the `age` CLI: run it with `bash tests/run` (which installs it)"
    );
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS);
    env.add("cli", "pw-for-age", &["--secret-store", "file"]);
    let out = env.home.join("decrypted.json");
    let mut cmd = std::process::Command::new("age");
    cmd.arg("--decrypt")
        .arg("--output")
        .arg(&out)
        .arg(env.secrets_path())
        .env("TERM", "dumb");
    let mut s = Pty::spawn_command(cmd, true);
    s.expect("passphrase");
    s.line(PASS);
    s.exits_with(0);
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    let id = env.id("cli");
    assert_eq!(json["secrets"][&id]["secret"], "pw-for-age");
    assert_eq!(
        json["secrets"][&id]["label"],
        "hubint: cli (https://index.docker.io/v1/)"
    );
}
