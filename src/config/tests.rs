use super::*;

fn layered(file: &str, env: &[(&str, &str)]) -> Result<Layered> {
    let table: Table = toml::from_str(file).unwrap();
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Layered::from_layers(table, PathBuf::from("config.toml"), |var| {
        env.iter().find(|(k, _)| k == var).map(|(_, v)| v.clone())
    })
}

/// The settings shown, without the team store's (tests/team_auth.rs).
fn shown(layered: &Layered) -> Vec<(String, String, String)> {
    layered
        .list()
        .into_iter()
        .filter(|s| !s.key.starts_with("team-"))
        .map(|s| (s.key, s.value, s.source))
        .collect()
}

fn row(key: &str, value: &str, source: &str) -> (String, String, String) {
    (key.into(), value.into(), source.into())
}

#[test]
fn every_field_is_a_documented_key() {
    let fields: Vec<String> = defaults().keys().cloned().collect();
    for field in &fields {
        let var = env_var(field);
        let row = crate::docs::ENVIRONMENT.iter().find(|(v, _)| *v == var);
        assert!(row.is_some(), "{var} is not in docs::ENVIRONMENT");
        assert!(
            crate::docs::setting_help(field).is_some(),
            "{var}: no 'setting {field}:'"
        );
    }
    assert_eq!(
        fields,
        [
            "keyring-timeout",
            "secret-store",
            "store",
            "team-addr",
            "team-auth",
            "team-auth-mount",
            "team-jwt-file",
            "team-jwt-role",
            "team-mount",
            "team-role-id",
            "team-secret-id-file"
        ]
    );
    assert_eq!(env_var("secret-store"), "HUBINT_SECRET_STORE");
    assert_eq!(env_var("keyring-timeout"), "HUBINT_KEYRING_TIMEOUT");
}

#[test]
fn defaults_then_file_then_environment() {
    let only_defaults = layered("", &[]).unwrap();
    assert_eq!(only_defaults.settings, Settings::default());
    assert_eq!(
        shown(&only_defaults),
        [
            row("keyring-timeout", "5", "default"),
            row("secret-store", "auto", "default"),
            row("store", "local", "default"),
        ]
    );

    let file = "secret-store = \"file\"\nkeyring-timeout = 2.5\n";
    let from_file = layered(file, &[]).unwrap();
    assert_eq!(from_file.settings.secret_store, StoreChoice::File);
    assert_eq!(
        from_file.settings.keyring_timeout.duration().as_millis(),
        2500
    );
    assert_eq!(
        shown(&from_file),
        [
            row("keyring-timeout", "2.5", "config"),
            row("secret-store", "file", "config"),
            row("store", "local", "default"),
        ]
    );

    let env = [
        ("HUBINT_SECRET_STORE", "keyring"),
        ("HUBINT_KEYRING_TIMEOUT", ""),
    ];
    let from_env = layered(file, &env).unwrap();
    assert_eq!(from_env.settings.secret_store, StoreChoice::Keyring);
    assert_eq!(
        shown(&from_env),
        [
            row("keyring-timeout", "2.5", "config"),
            row("secret-store", "keyring", "env HUBINT_SECRET_STORE"),
            row("store", "local", "default"),
        ]
    );
    let timeout = layered("", &[("HUBINT_KEYRING_TIMEOUT", " 60 ")]).unwrap();
    assert_eq!(timeout.settings.keyring_timeout.duration().as_secs(), 60);
}

#[test]
fn bad_environment_values_name_the_variable() {
    for (var, value, why) in [
        (
            "HUBINT_SECRET_STORE",
            "vault",
            "'vault' is not one of auto, keyring, file",
        ),
        ("HUBINT_STORE", "vault", "'vault' is not one of local, team"),
        (
            "HUBINT_KEYRING_TIMEOUT",
            "abc",
            "'abc' is not a number of seconds between 0 and 3600",
        ),
        (
            "HUBINT_KEYRING_TIMEOUT",
            "0",
            "'0' is not a number of seconds between 0 and 3600",
        ),
        (
            "HUBINT_KEYRING_TIMEOUT",
            "3601",
            "'3601' is not a number of seconds between 0 and 3600",
        ),
    ] {
        let err = layered("", &[(var, value)]).unwrap_err();
        assert_eq!(err.to_string(), format!("invalid {var}: {why}"));
        let failure = err.downcast_ref::<Failure>().unwrap();
        assert!(
            failure
                .hint
                .as_deref()
                .unwrap()
                .ends_with(&format!("; or unset {var}"))
        );
    }
}

#[test]
fn the_file_is_checked_with_its_types() {
    for file in [
        "secret_store = \"file\"",
        "secret-store = \"vault\"",
        "keyring-timeout = -1",
        "keyring-timeout = \"soon\"",
        "keyring-timeout = true",
    ] {
        assert!(toml::from_str::<Settings>(file).is_err(), "{file}");
    }
    let settings: Settings = toml::from_str("keyring-timeout = \"7\"").unwrap();
    assert_eq!(settings.keyring_timeout.duration().as_secs(), 7);
}

#[test]
fn set_checks_and_writes_the_value_in_its_type() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let mut settings = Layered::from_layers(Table::new(), path.clone(), |_| None).unwrap();
    let bad = settings.set("secret-store", "vault");
    assert_eq!(
        bad.unwrap_err().to_string(),
        "invalid value for secret-store: 'vault' is not one of auto, keyring, file"
    );
    assert!(!path.exists());
    assert!(key("nope").is_err());

    assert_eq!(settings.set("keyring-timeout", "2.5").unwrap(), "2.5");
    assert_eq!(settings.set("secret-store", " file").unwrap(), "file");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, "keyring-timeout = 2.5\nsecret-store = \"file\"\n");
    assert_eq!(settings.get("secret-store").source, "config");
    assert_eq!(load_file(&path).unwrap(), settings.file);

    settings.set("keyring-timeout", "10").unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("keyring-timeout = 10\n"), "{text}");
}

#[test]
fn removed_variables_are_warned_about() {
    assert!(removed_warnings(|_| false).is_empty());
    let warnings = removed_warnings(|var| var == "HUBINT_CONFIG");
    assert_eq!(
        warnings,
        [
            "HUBINT_CONFIG is no longer read: the config file is config.toml in HUBINT_HOME \
          (or the config directory); unset it"
        ]
    );
}
