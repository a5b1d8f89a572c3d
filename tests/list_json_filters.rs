//! `hubint list --json` and `show --json`: the stable JSON shape (snake
//! case, RFC 3339 timestamps); and list's filters (`--family`, `--type`,
//! `--subscription`), where a misspelt filter is an error, not an empty
//! list.

mod common;
#[path = "common/list_fixture.rs"]
mod list_fixture;

use common::TestEnv;
use list_fixture::fixture;

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
