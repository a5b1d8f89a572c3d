//! Choosing the store: `config set secret-store`, `HUBINT_SECRET_STORE`
//! and `--secret-store`, each overriding the one before, as `config list`
//! shows; and the errors of `config` (a bad value, an unknown setting, an
//! invalid config file).

#[path = "common/both_stores.rs"]
mod both_stores;
mod common;

use std::io::Write;

use both_stores::env;
use common::TestEnv;

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
