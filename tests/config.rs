//! `hubint config get|set|list`: the layers (default < config file <
//! environment), validation, and the variables no longer read.

mod common;

use common::TestEnv;

#[test]
fn each_layer_overrides_the_one_before() {
    let env = TestEnv::new();
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
    snapshot!(env, env.cmd(&["config", "set", "keyring-timeout", " 2.5 "]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Set keyring-timeout to 2.5 in [HOME]/hubint/config.toml.
    ");
    assert_eq!(
        std::fs::read_to_string(env.hubint_home.join("config.toml")).unwrap(),
        "keyring-timeout = 2.5\n"
    );
    snapshot!(env, env.cmd(&["config", "get", "keyring-timeout"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    2.5

    ----- stderr -----
    ");
    let mut cmd = env.cmd(&["config", "list"]);
    cmd.env("HUBINT_KEYRING_TIMEOUT", "60")
        .env("HUBINT_SECRET_STORE", "");
    snapshot!(env, cmd, @"
    success: true
    exit_code: 0
    ----- stdout -----
    keyring-timeout	60	env HUBINT_KEYRING_TIMEOUT
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
    let mut cmd = env.cmd(&["config", "set", "keyring-timeout", "10", "--json"]);
    cmd.env("HUBINT_KEYRING_TIMEOUT", "60");
    snapshot!(env, cmd, @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "key": "keyring-timeout",
      "value": "60",
      "source": "env HUBINT_KEYRING_TIMEOUT"
    }

    ----- stderr -----
    Set keyring-timeout to 10 in [HOME]/hubint/config.toml.
    warning: keyring-timeout is 60 from env HUBINT_KEYRING_TIMEOUT, which overrides the config file
    "#);
    snapshot!(env, env.cmd(&["config", "get", "keyring-timeout", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "key": "keyring-timeout",
      "value": "10",
      "source": "config"
    }

    ----- stderr -----
    "#);
}

#[test]
fn bad_values_change_nothing() {
    let env = TestEnv::new();
    env.cmd(&["config", "set", "secret-store", "file"])
        .output()
        .unwrap();
    let config = env.hubint_home.join("config.toml");
    let before = std::fs::read(&config).unwrap();
    snapshot!(env, env.cmd(&["config", "set", "keyring-timeout", "0"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid value for keyring-timeout: '0' is not a number of seconds between 0 and 3600
    hint: keyring-timeout: seconds to wait for the OS keyring before failing with exit 5 (more than 0, at most 3600)
    ");
    snapshot!(env, env.cmd(&["config", "set", "keyring-timeout", "soon"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid value for keyring-timeout: 'soon' is not a number of seconds between 0 and 3600
    hint: keyring-timeout: seconds to wait for the OS keyring before failing with exit 5 (more than 0, at most 3600)
    ");
    let mut cmd = env.cmd(&["config", "get", "secret-store"]);
    cmd.env("HUBINT_SECRET_STORE", "vault");
    snapshot!(env, cmd, @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid HUBINT_SECRET_STORE: 'vault' is not one of auto, keyring, file
    hint: secret-store: where add keeps new secrets: auto (the OS keyring if there is one, else the encrypted file), keyring or file; or unset HUBINT_SECRET_STORE
    ");
    assert_eq!(std::fs::read(&config).unwrap(), before);
    std::fs::write(&config, "keyring-timeout = -3\n").unwrap();
    snapshot!(env, env.cmd(&["config", "get", "secret-store"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid config file [HOME]/hubint/config.toml (line 1): '-3' is not a number of seconds between 0 and 3600
    hint: fix it, or remove it and use `hubint config set`
    ");
}

#[test]
fn doctor_reports_invalid_settings() {
    let env = TestEnv::new();
    let mut cmd = env.cmd(&["doctor"]);
    cmd.env("HUBINT_KEYRING_TIMEOUT", "never");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout.lines().find(|l| l.starts_with("settings"));
    assert!(
        line.is_some_and(|l| l.contains("invalid HUBINT_KEYRING_TIMEOUT: 'never'")),
        "{stdout}"
    );
}

#[test]
fn removed_variables_are_not_read_and_say_so() {
    let env = TestEnv::new();
    let elsewhere = env.home.join("custom.toml");
    std::fs::write(&elsewhere, "secret-store = \"file\"\n").unwrap();
    let mut cmd = env.cmd(&["config", "get", "secret-store"]);
    cmd.env("HUBINT_CONFIG", &elsewhere)
        .env("HUBINT_CONFIG_DIR", env.home.join("conf"));
    snapshot!(env, cmd, @"
    success: true
    exit_code: 0
    ----- stdout -----
    auto

    ----- stderr -----
    warning: HUBINT_CONFIG is no longer read: the config file is config.toml in HUBINT_HOME (or the config directory); unset it
    warning: HUBINT_CONFIG_DIR is no longer read: the config directory is HUBINT_HOME (or the platform's config directory); unset it
    ");
}

#[test]
fn config_help_lists_the_settings() {
    let env = TestEnv::new();
    let out = env.output(&["config", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    let settings = &help[help.find("Settings:").expect("a Settings section")..];
    insta::assert_snapshot!(settings, @"
    Settings:
      keyring-timeout      seconds to wait for the OS keyring before failing with
                           exit 5 (more than 0, at most 3600) (default: 5;
                           environment: HUBINT_KEYRING_TIMEOUT)
      secret-store         where add keeps new secrets: auto (the OS keyring if
                           there is one, else the encrypted file), keyring or file
                           (default: auto; environment: HUBINT_SECRET_STORE)
      store                where the catalog and secrets live: local (the database
                           here, default) or team (a KV v2 mount of OpenBao or
                           Vault, see team-addr and team-mount) (default: local;
                           environment: HUBINT_STORE)
      team-addr            the team store's address, e.g.
                           https://bao.example.com:8200; when empty, VAULT_ADDR,
                           else BAO_ADDR (default: unset; environment:
                           HUBINT_TEAM_ADDR)
      team-auth            how hubint gets its team store token: token (VAULT_TOKEN,
                           BAO_TOKEN or ~/.vault-token), approle or jwt (a login,
                           its token cached until shortly before it expires)
                           (default: token; environment: HUBINT_TEAM_AUTH)
      team-auth-mount      the path of the approle or jwt auth method (empty:
                           approle or jwt) (default: unset; environment:
                           HUBINT_TEAM_AUTH_MOUNT)
      team-jwt-file        the file holding the CI job's JWT, e.g. a GitLab id_token
                           (team-auth jwt) (default: unset; environment:
                           HUBINT_TEAM_JWT_FILE)
      team-jwt-role        the role of the jwt auth method to log in as (team-auth
                           jwt) (default: unset; environment: HUBINT_TEAM_JWT_ROLE)
      team-mount           the KV v2 mount of the team store (default: hubint;
                           environment: HUBINT_TEAM_MOUNT)
      team-role-id         the AppRole role_id (team-auth approle) (default: unset;
                           environment: HUBINT_TEAM_ROLE_ID)
      team-secret-id-file  the file holding the AppRole secret_id (team-auth
                           approle) (default: unset; environment:
                           HUBINT_TEAM_SECRET_ID_FILE)

    The config file is config.toml in the config directory ($HUBINT_HOME if set;
    see Files in `hubint --help`). The environment overrides it.
    ");
}

#[test]
fn unset_removes_a_setting_from_the_file() {
    let env = TestEnv::new();
    let file = env.hubint_home.join("config.toml");
    snapshot!(env, env.cmd(&["config", "unset", "keyring-timeout"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    keyring-timeout is not set in [HOME]/hubint/config.toml; nothing was changed.
    ");
    assert!(
        !file.exists(),
        "unset of a setting never set wrote the file"
    );
    for (key, value) in [("keyring-timeout", "9"), ("secret-store", "file")] {
        assert!(
            env.cmd(&["config", "set", key, value])
                .output()
                .unwrap()
                .status
                .success()
        );
    }
    snapshot!(env, env.cmd(&["config", "unset", "keyring-timeout"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Removed keyring-timeout from [HOME]/hubint/config.toml; it is now 5 (default).
    ");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "secret-store = \"file\"\n"
    );
    let mut cmd = env.cmd(&["config", "unset", "secret-store", "--json"]);
    cmd.env("HUBINT_SECRET_STORE", "keyring");
    snapshot!(env, cmd, @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "key": "secret-store",
      "value": "keyring",
      "source": "env HUBINT_SECRET_STORE"
    }

    ----- stderr -----
    Removed secret-store from [HOME]/hubint/config.toml; it is now keyring (env HUBINT_SECRET_STORE).
    "#);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "");
    snapshot!(env, env.cmd(&["config", "unset", "no-such-key"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unknown setting 'no-such-key'
    hint: the settings are: keyring-timeout, secret-store, store, team-addr, team-auth, team-auth-mount, team-jwt-file, team-jwt-role, team-mount, team-role-id, team-secret-id-file
    ");
}
