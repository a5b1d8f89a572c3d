//! `hubint list` and `hubint show NAME`: the tables (non-terminal style),
//! the stable JSON shape, the filters, and the password never shown.

mod common;

use common::TestEnv;

/// Three integrations on two registries, two subscriptions.
fn fixture() -> TestEnv {
    let env = TestEnv::new();
    env.add("zeta", "zeta-password", &["--subscription", "prod"]);
    env.add(
        "Alpha",
        "alpha-password",
        &[
            "--url",
            "registry.example.com:5000",
            "--email",
            "ops@example.com",
            "--subscription",
            "prod",
            "--subscription",
            "dev",
        ],
    );
    env.add("mid", "mid-password", &[]);
    env
}

const PASSWORDS: [&str; 3] = ["zeta-password", "alpha-password", "mid-password"];

#[test]
fn list_prints_a_table_sorted_by_name() {
    needs_keyring!();
    let env = fixture();
    // Piped: every column in full, tab-separated, one line per integration,
    // no header line; COLUMNS makes no difference.
    snapshot!(env, env.cmd(&["list"]).env_remove("COLUMNS"), @"
    success: true
    exit_code: 0
    ----- stdout -----
    Alpha	hub/docker	registry.example.com:5000	user	ops@example.com	dev, prod	keyring	[TIME]	-
    mid	hub/docker	docker.io	user	-	-	keyring	[TIME]	-
    zeta	hub/docker	docker.io	user	-	prod	keyring	[TIME]	-

    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["integration", "ls"]).env("COLUMNS", "160"), @"
    success: true
    exit_code: 0
    ----- stdout -----
    Alpha	hub/docker	registry.example.com:5000	user	ops@example.com	dev, prod	keyring	[TIME]	-
    mid	hub/docker	docker.io	user	-	-	keyring	[TIME]	-
    zeta	hub/docker	docker.io	user	-	prod	keyring	[TIME]	-

    ----- stderr -----
    ");
}

#[test]
fn list_on_an_empty_home_says_how_to_add() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["list"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    No integrations. Add one with `hubint add`.
    ");
}

#[test]
fn list_json_is_an_array_of_stable_objects() {
    needs_keyring!();
    let env = fixture();
    snapshot!(env, env.cmd(&["list", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    [
      {
        "id": "[ID]",
        "name": "Alpha",
        "family": "hub",
        "type": "docker",
        "registry": "registry.example.com:5000",
        "username": "user",
        "email": "ops@example.com",
        "subscriptions": [
          "dev",
          "prod"
        ],
        "secret_store": "keyring",
        "created_at": "[TIME]",
        "updated_at": "[TIME]",
        "last_verified_at": null,
        "last_verification": null
      },
      {
        "id": "[ID]",
        "name": "mid",
        "family": "hub",
        "type": "docker",
        "registry": "https://index.docker.io/v1/",
        "username": "user",
        "email": null,
        "subscriptions": [],
        "secret_store": "keyring",
        "created_at": "[TIME]",
        "updated_at": "[TIME]",
        "last_verified_at": null,
        "last_verification": null
      },
      {
        "id": "[ID]",
        "name": "zeta",
        "family": "hub",
        "type": "docker",
        "registry": "https://index.docker.io/v1/",
        "username": "user",
        "email": null,
        "subscriptions": [
          "prod"
        ],
        "secret_store": "keyring",
        "created_at": "[TIME]",
        "updated_at": "[TIME]",
        "last_verified_at": null,
        "last_verification": null
      }
    ]

    ----- stderr -----
    "#);
}

#[test]
fn json_fields_are_snake_case_with_rfc3339_timestamps() {
    needs_keyring!();
    let env = fixture();
    let list = env.json(&["list"]);
    let show = env.json(&["show", "alpha"]);
    assert_eq!(list[0], show);
    let object = show.as_object().expect("show --json is an object");
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    let mut expected = vec![
        "created_at",
        "email",
        "family",
        "id",
        "last_verification",
        "last_verified_at",
        "name",
        "registry",
        "secret_store",
        "subscriptions",
        "type",
        "updated_at",
        "username",
    ];
    expected.sort_unstable();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected);
    for key in ["created_at", "updated_at"] {
        let value = show[key].as_str().expect("timestamp string");
        humantime::parse_rfc3339(value).unwrap_or_else(|e| panic!("{key}={value}: {e}"));
    }
    assert!(uuid::Uuid::parse_str(show["id"].as_str().unwrap()).is_ok());
}

#[test]
fn list_filters() {
    needs_keyring!();
    let env = fixture();
    let names = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        env.json(&all)
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&[]), ["Alpha", "mid", "zeta"]);
    assert_eq!(names(&["--family", "hub"]), ["Alpha", "mid", "zeta"]);
    assert_eq!(
        names(&["--family", "HUB", "--type", "Docker"]),
        ["Alpha", "mid", "zeta"]
    );
    assert_eq!(names(&["--subscription", "prod"]), ["Alpha", "zeta"]);
    assert_eq!(names(&["--subscription", "DEV"]), ["Alpha"]);
    snapshot!(env, env.cmd(&["list", "--subscription", "dev"]).env_remove("COLUMNS"), @"
    success: true
    exit_code: 0
    ----- stdout -----
    Alpha	hub/docker	registry.example.com:5000	user	ops@example.com	dev, prod	keyring	[TIME]	-

    ----- stderr -----
    ");
    // A subscription that does not exist is not an empty one (exit 3, as
    // the credential helper answers).
    snapshot!(env, env.cmd(&["list", "--subscription", "nobody"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no subscription named 'nobody'
    hint: run `hubint subscription list` to see the subscriptions
    ");
    // An existing one with nothing matching is an empty list.
    let out = env.output(&["subscription", "create", "empty"]);
    assert!(out.status.success(), "{out:?}");
    snapshot!(env, env.cmd(&["list", "--subscription", "empty"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    No integration matches these filters.
    ");
}

#[test]
fn show_prints_one_integration() {
    needs_keyring!();
    let env = fixture();
    snapshot!(env, env.cmd(&["show", "ALPHA"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            Alpha
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        registry.example.com:5000
     username        user
     email           ops@example.com
     password        (stored in keyring)
     subscriptions   dev, prod
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["integration", "show", "zeta", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "id": "[ID]",
      "name": "zeta",
      "family": "hub",
      "type": "docker",
      "registry": "https://index.docker.io/v1/",
      "username": "user",
      "email": null,
      "subscriptions": [
        "prod"
      ],
      "secret_store": "keyring",
      "created_at": "[TIME]",
      "updated_at": "[TIME]",
      "last_verified_at": null,
      "last_verification": null
    }

    ----- stderr -----
    "#);
}

#[test]
fn show_missing_is_not_found() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["show", "ghost"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no integration named 'ghost'
    hint: run `hubint integration list` to see the integrations
    ");
    snapshot!(env, env.cmd(&["show", "ghost", "--json"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no integration named 'ghost'
    hint: run `hubint integration list` to see the integrations
    ");
}

#[test]
fn the_password_never_appears_in_any_output() {
    needs_keyring!();
    let env = fixture();
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--json"],
        &["show", "zeta"],
        &["show", "Alpha", "--json"],
        &["show", "mid"],
        &["subscription", "list"],
        &["subscription", "list", "--json"],
        &["edit", "mid", "--username", "other"],
        &["edit", "mid", "--username", "other2", "--json"],
        &["subscription", "attach", "dev", "mid", "--json"],
        &["subscription", "detach", "dev", "mid"],
        &["delete", "mid", "--yes"],
    ];
    for args in commands {
        let out = env.output(args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        for password in PASSWORDS {
            common::assert_no_password_in(&out, password);
        }
    }
    for password in PASSWORDS {
        env.assert_no_password_in_db(password);
    }
}

#[test]
fn a_misspelt_filter_is_an_error_not_an_empty_list() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["list", "--family", "hbu"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unknown integration family 'hbu'
    hint: families: hub
    ");
    snapshot!(env, env.cmd(&["list", "--type", "dokcer"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unknown integration type 'dokcer'
    hint: types: docker, ghcr, quay, gitlab, acr, gcr, ecr
    ");
    snapshot!(env, env.cmd(&["list", "--family", "hub", "--type", "dokcer"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unknown type 'dokcer' in family 'hub'
    hint: types of hub: docker, ghcr, quay, gitlab, acr, gcr, ecr
    ");
}

#[test]
fn list_columns_pick_and_order_the_columns() {
    needs_keyring!();
    let env = fixture();
    snapshot!(env, env.cmd(&["list", "--columns", "name,EMAIL", "--columns", "subscriptions"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    Alpha	ops@example.com	dev, prod
    mid	-	-
    zeta	-	prod

    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["list", "--columns", "name,colour"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid value 'colour' for '--columns <COLUMN,...>'
      [possible values: name, type, registry, username, email, subscriptions, store, updated, verified]

    For more information, try '--help'.
    ");
    snapshot!(env, env.cmd(&["list", "--wide", "--columns", "name"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the argument '--wide' cannot be used with '--columns <COLUMN,...>'

    Usage: hubint list --wide

    For more information, try '--help'.
    ");
    // --wide changes nothing when piped: every column is there already.
    assert_eq!(
        env.output(&["list", "--wide"]).stdout,
        env.output(&["list"]).stdout
    );
}
