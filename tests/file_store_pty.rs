//! The file store's passphrase prompts on a terminal (a pseudo-terminal),
//! without an OS keyring, and interoperability with the `age` CLI.
#![cfg(unix)] // a pseudo-terminal (rexpect)

mod common;

use std::fs;

use common::TestEnv;
use common::terminal::{CTRL_C, ENTER, Pty};

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

    // A wrong passphrase is asked again; three wrong ones: exit 5, nothing changed.
    let before = fs::read(env.secrets_path()).unwrap();
    let mut s = Pty::spawn(&env, &["delete", "tty", "--yes"]);
    s.expect_password(PROMPT);
    s.line("wrong");
    s.expect("error: wrong passphrase, try again (2 tries left)");
    s.expect_password(PROMPT);
    s.line("wrong again");
    s.expect("error: wrong passphrase, try again (1 try left)");
    s.expect_password(PROMPT);
    s.line("still wrong");
    s.expect("error: wrong passphrase for the encrypted secret store");
    s.exits_with(5);
    assert_eq!(fs::read(env.secrets_path()).unwrap(), before);

    let mut s = Pty::spawn(&env, &["delete", "tty", "--yes"]);
    s.expect_password(PROMPT);
    s.line("wrong");
    s.expect("try again (2 tries left)");
    s.expect_password(PROMPT);
    s.line(PASS);
    s.expect("Deleted integration tty.");
    s.exits_with(0);
    assert!(env.file_secrets(PASS).is_empty());
}

/// The add form with the encrypted file store: the passphrase is asked
/// before the first field. Creating the store, a short passphrase needs a
/// confirmation; opening it, a wrong one is asked again.
#[test]
fn add_form_asks_the_passphrase_first() {
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_SECRET_STORE", "file");

    let mut s = Pty::spawn(&env, &["add"]);
    s.expect("Creating the encrypted secret store")
        .expect_password(PROMPT)
        .line("short")
        .expect_password("Repeat the passphrase")
        .line("short")
        .expect("warning: a passphrase shorter than 12 characters is easy to guess")
        .expect("Use this short passphrase anyway? [y/N]")
        .send(ENTER)
        .expect_password(PROMPT)
        .line(PASS)
        .expect_password("Repeat the passphrase")
        .line(PASS);
    walk_form(&mut s, "first", "pw-first");
    assert!(
        s.transcript.find(PROMPT) < s.transcript.find("Name:"),
        "{}",
        s.transcript
    );
    assert_eq!(env.file_secrets(PASS)[&env.id("first")], "pw-first");

    // The store exists: asked once, again after a wrong answer, then the form.
    let mut s = Pty::spawn(&env, &["add"]);
    s.expect_password(PROMPT)
        .line("not it")
        .expect("error: wrong passphrase, try again (2 tries left)")
        .expect_password(PROMPT)
        .line(PASS);
    walk_form(&mut s, "second", "pw-second");
    assert!(!s.transcript.contains("Repeat the passphrase"));
    let secrets = env.file_secrets(PASS);
    assert_eq!(secrets[&env.id("second")], "pw-second");
    assert_eq!(secrets.len(), 2);

    // Ctrl-C at the passphrase prompt: exit 130, echo back on.
    let mut s = Pty::spawn(&env, &["add"]);
    s.expect_password(PROMPT)
        .send("half")
        .send(CTRL_C)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert!(s.echo(), "echo was left off after Ctrl-C at the passphrase");
}

/// The fields after the passphrase, with every default taken.
fn walk_form(s: &mut Pty, name: &str, password: &str) {
    s.expect("✔ Integration family · hub")
        .expect("Integration type")
        .send(ENTER)
        .expect("Name:")
        .line(name)
        .expect("Registry URL")
        .send(ENTER)
        .expect("Username:")
        .line("u")
        .expect_password("Password:")
        .line(password)
        .expect_password("Repeat password:")
        .line(password)
        .expect("Email (optional, Enter to skip):")
        .send(ENTER)
        .expect("Attach to subscriptions")
        .send(ENTER)
        .expect("Password       ******** (kept in the encrypted file store ")
        .expect("secrets.age)")
        .expect("Save? [Y/n]")
        .send(ENTER)
        .expect(&format!("Added integration {name}"))
        .exits_with(0);
}

#[test]
fn passwd_on_a_terminal() {
    needs_keyring!();
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
    needs_keyring!();
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
