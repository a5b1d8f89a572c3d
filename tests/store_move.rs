//! Choosing the store and moving secrets between the real OS keyring (the
//! private gnome-keyring of `tests/run`) and the encrypted file store.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use common::{TestEnv, require_keyring};

const PASS: &str = "correct horse battery staple";

fn env() -> TestEnv {
    require_keyring();
    TestEnv::new().with_env("HUBINT_PASSPHRASE", PASS)
}

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

#[test]
fn store_choice_precedence() {
    needs_keyring!();
    let env = env();
    let config = env.hubint_home.join("config.toml");
    snapshot!(env, env.cmd(&["config", "list"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    keyring-timeout	5	default
    secret-store	auto	default
    store	local	default
    team-addr		default
    team-auth	token	default
    team-auth-mount		default
    team-jwt-file		default
    team-jwt-role		default
    team-mount	hubint	default
    team-role-id		default
    team-secret-id-file		default

    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["config", "set", "secret-store", "file"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Set secret-store to file in [HOME]/hubint/config.toml.
    ");
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "secret-store = \"file\"\n"
    );
    snapshot!(env, env.cmd(&["config", "get", "secret-store"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----
    file

    ----- stderr -----
    ");
    // The config file picks the store...
    env.add("by-config", "pw-1", &[]);
    assert_eq!(env.show("by-config")["secret_store"], "file");
    // ...HUBINT_SECRET_STORE overrides it...
    let mut cmd = env.cmd(&[
        "add",
        "--name",
        "by-env",
        "--username",
        "u",
        "--password-stdin",
    ]);
    cmd.env("HUBINT_SECRET_STORE", "keyring");
    assert!(common::feed(cmd, "pw-2").status.success());
    assert_eq!(env.show("by-env")["secret_store"], "keyring");
    // ...and --secret-store overrides both.
    let mut cmd = env.cmd(&[
        "add",
        "--name",
        "by-flag",
        "--username",
        "u",
        "--password-stdin",
        "--secret-store",
        "keyring",
    ]);
    cmd.env("HUBINT_SECRET_STORE", "file");
    assert!(common::feed(cmd, "pw-3").status.success());
    assert_eq!(env.show("by-flag")["secret_store"], "keyring");

    let mut cmd = env.cmd(&["config", "list", "--json"]);
    cmd.env("HUBINT_SECRET_STORE", "keyring");
    snapshot!(env, cmd, @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    [
      {
        "key": "keyring-timeout",
        "value": "5",
        "source": "default"
      },
      {
        "key": "secret-store",
        "value": "keyring",
        "source": "env HUBINT_SECRET_STORE"
      },
      {
        "key": "store",
        "value": "local",
        "source": "default"
      },
      {
        "key": "team-addr",
        "value": "",
        "source": "default"
      },
      {
        "key": "team-auth",
        "value": "token",
        "source": "default"
      },
      {
        "key": "team-auth-mount",
        "value": "",
        "source": "default"
      },
      {
        "key": "team-jwt-file",
        "value": "",
        "source": "default"
      },
      {
        "key": "team-jwt-role",
        "value": "",
        "source": "default"
      },
      {
        "key": "team-mount",
        "value": "hubint",
        "source": "default"
      },
      {
        "key": "team-role-id",
        "value": "",
        "source": "default"
      },
      {
        "key": "team-secret-id-file",
        "value": "",
        "source": "default"
      }
    ]

    ----- stderr -----
    "#);
    let mut cmd = env.cmd(&[
        "add",
        "--name",
        "bad",
        "--username",
        "u",
        "--password-stdin",
    ]);
    cmd.env("HUBINT_SECRET_STORE", "vault");
    let out = common::feed(cmd, "pw");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid HUBINT_SECRET_STORE"));

    for name in ["by-config", "by-env", "by-flag"] {
        assert!(env.run(&["delete", name, "--yes"], "").status.success());
    }
}

#[test]
fn config_errors() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["config", "set", "secret-store", "vault"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid value for secret-store: 'vault' is not one of auto, keyring, file
    hint: secret-store: where add keeps new secrets: auto (the OS keyring if there is one, else the encrypted file), keyring or file
    ");
    snapshot!(env, env.cmd(&["config", "get", "colour"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unknown setting 'colour'
    hint: the settings are: keyring-timeout, secret-store, store, team-addr, team-auth, team-auth-mount, team-jwt-file, team-jwt-role, team-mount, team-role-id, team-secret-id-file
    ");
    std::fs::create_dir_all(&env.hubint_home).unwrap();
    let mut f = std::fs::File::create(env.hubint_home.join("config.toml")).unwrap();
    f.write_all(b"# settings\nsecret_store = \"file\"\n")
        .unwrap();
    snapshot!(env, env.cmd(&["config", "list"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid config file [HOME]/hubint/config.toml (line 2): unknown field `secret_store`, expected one of `secret-store`, `keyring-timeout`, `store`, `team-addr`, `team-mount`, `team-auth`, `team-auth-mount`, `team-role-id`, `team-secret-id-file`, `team-jwt-role`, `team-jwt-file`
    hint: fix it, or remove it and use `hubint config set`
    ");
}
