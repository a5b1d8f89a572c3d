//! Moving secrets between the real OS keyring (the private gnome-keyring
//! of `tests/run`) and the encrypted file store: one, all, and a move
//! killed at any step. Choosing the store is in tests/store_choice.rs.

#[path = "common/both_stores.rs"]
mod both_stores;
mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use both_stores::{PASS, env};
use common::TestEnv;

#[test]
fn move_to_the_file_and_back() {
    needs_keyring!();
    let env = env();
    // With the keyring answering and no choice made, it is the keyring, silently.
    let out = env.run(
        &["add", "--name", "mv", "--username", "u", "--password-stdin"],
        "pw-move",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("note:"));
    let id = env.id("mv");
    assert_eq!(env.show("mv")["secret_store"], "keyring");
    assert_eq!(common::keyring_secret(&id).as_deref(), Some("pw-move"));

    snapshot!(env, env.cmd(&["integration", "move", "mv", "--to", "file"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Created the encrypted secret store [HOME]/hubint/secrets.age.
    Moved the secret of mv from the OS keyring to the encrypted file store.
    ");
    assert_eq!(env.show("mv")["secret_store"], "file");
    assert_eq!(env.file_secrets(PASS)[&id], "pw-move");
    assert_eq!(common::keyring_secret(&id), None);

    snapshot!(env, env.cmd(&["move", "mv", "--to", "file"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    The secret of mv is already in the encrypted file store.
    ");

    snapshot!(env, env.cmd(&["move", "mv", "--to", "keyring", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    [
      {
        "id": "[ID]",
        "name": "mv",
        "family": "hub",
        "type": "docker",
        "registry": "https://index.docker.io/v1/",
        "username": "u",
        "email": null,
        "subscriptions": [],
        "secret_store": "keyring",
        "created_at": "[TIME]",
        "updated_at": "[TIME]",
        "last_verified_at": null,
        "last_verification": null
      }
    ]

    ----- stderr -----
    Moved the secret of mv from the encrypted file store to the OS keyring.
    "#);
    assert_eq!(env.show("mv")["secret_store"], "keyring");
    assert_eq!(common::keyring_secret(&id).as_deref(), Some("pw-move"));
    assert!(!env.file_secrets(PASS).contains_key(&id));
    assert!(!common::contains(
        &std::fs::read(env.secrets_path()).unwrap(),
        b"pw-move"
    ));
    assert!(!common::contains(&env.db_bytes(), b"pw-move"));

    let out = env.run(&["delete", "mv", "--yes"], "");
    assert!(out.status.success());
    assert_eq!(common::keyring_secret(&id), None);
}

#[test]
fn move_all() {
    needs_keyring!();
    let env = env();
    env.add("all-1", "pw-all-1", &[]);
    env.add("all-2", "pw-all-2", &["--secret-store", "file"]);
    env.add("all-3", "pw-all-3", &["--secret-store", "keyring"]);
    let out = env
        .cmd(&["move", "--all", "--to", "file"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Moved the secret of all-1 from the OS keyring"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Moved the secret of all-3 from the OS keyring"),
        "{stderr}"
    );
    assert!(!stderr.contains("all-2"), "{stderr}");
    let secrets = env.file_secrets(PASS);
    for name in ["all-1", "all-2", "all-3"] {
        let id = env.id(name);
        assert_eq!(env.show(name)["secret_store"], "file");
        assert_eq!(secrets[&id], format!("pw-{name}"));
        assert_eq!(common::keyring_secret(&id), None);
    }
    snapshot!(env, env.cmd(&["move", "--all", "--to", "file"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Every secret is already in the encrypted file store.
    ");
    let out = env
        .cmd(&["move", "--all", "--to", "keyring"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.file_secrets(PASS).is_empty());
    for name in ["all-1", "all-2", "all-3"] {
        assert_eq!(
            common::keyring_secret(&env.id(name)),
            Some(format!("pw-{name}"))
        );
        assert!(env.run(&["delete", name, "--yes"], "").status.success());
    }
}

/// Run `move NAME --to STORE` and kill -9 it at `failpoint`.
fn kill_move_at(env: &TestEnv, name: &str, to: &str, failpoint: &str) {
    let mut child = env
        .cmd(&["move", name, "--to", to])
        .env("HUBINT_FAILPOINT", failpoint)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("failpoint") {
        line.clear();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "exited before {failpoint}"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_move_killed_at_any_step_keeps_the_secret_where_the_row_says() {
    needs_keyring!();
    let env = env();
    env.add("crash", "pw-crash", &["--secret-store", "keyring"]);
    let id = env.id("crash");

    // Killed after writing the file, before the commit: the row still says
    // keyring, which still has it; the file copy is a stray.
    kill_move_at(&env, "crash", "file", "move-before-commit");
    assert_eq!(env.show("crash")["secret_store"], "keyring");
    assert_eq!(common::keyring_secret(&id).as_deref(), Some("pw-crash"));
    assert_eq!(env.file_secrets(PASS)[&id], "pw-crash");

    // Killed after the commit, before removing the old copy: the row says
    // file, which has it; the keyring copy is a stray.
    kill_move_at(&env, "crash", "file", "move-before-old-delete");
    assert_eq!(env.show("crash")["secret_store"], "file");
    assert_eq!(env.file_secrets(PASS)[&id], "pw-crash");
    assert_eq!(common::keyring_secret(&id).as_deref(), Some("pw-crash"));

    // The same the other way; then a full move cleans up.
    kill_move_at(&env, "crash", "keyring", "move-before-commit");
    assert_eq!(env.show("crash")["secret_store"], "file");
    assert_eq!(env.file_secrets(PASS)[&id], "pw-crash");
    let out = env
        .cmd(&["move", "crash", "--to", "keyring"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.show("crash")["secret_store"], "keyring");
    assert_eq!(common::keyring_secret(&id).as_deref(), Some("pw-crash"));
    assert!(!env.file_secrets(PASS).contains_key(&id));
    assert!(env.run(&["delete", "crash", "--yes"], "").status.success());
}
