//! `hubint list` and `hubint show NAME`: the tables (non-terminal style),
//! the columns, a missing integration, and the password never shown. The
//! JSON shape and the filters are in tests/list_json_filters.rs.

mod common;
#[path = "common/list_fixture.rs"]
mod list_fixture;

use common::TestEnv;
use list_fixture::fixture;

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
