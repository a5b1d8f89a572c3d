//! Several integrations for one registry: the ambiguity error,
//! `HUBINT_INTEGRATION`, `HUBINT_SUBSCRIPTION` and the registry default, as
//! the credential helper (`docker-credential-hubint`) sees them.

mod common;

use common::{NOT_FOUND, TestEnv, creds, stderr, stdout};

#[test]
fn several_integrations_for_one_registry() {
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store("localhost:5000", "alice", "pw-a");
    // A second login through the helper would replace alice's: add bob.
    let out = env.run(
        &[
            "add",
            "--name",
            "localhost-5000-bob",
            "--url",
            "localhost:5000",
            "--username",
            "bob",
            "--password-stdin",
        ],
        "pw-b",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    snapshot!(env, env.helper(&["get"]).pass_stdin("localhost:5000"), @"
    success: false
    exit_code: 1
    ----- stdout -----
    2 integrations match localhost:5000: localhost-5000-alice, localhost-5000-bob; choose one with HUBINT_INTEGRATION=NAME or HUBINT_SUBSCRIPTION=SUBSCRIPTION, or make one the default with `hubint integration edit NAME --default`

    ----- stderr -----
    hubint: error: 2 integrations match localhost:5000: localhost-5000-alice, localhost-5000-bob; choose one with HUBINT_INTEGRATION=NAME or HUBINT_SUBSCRIPTION=SUBSCRIPTION, or make one the default with `hubint integration edit NAME --default`
    ");

    // HUBINT_INTEGRATION pins one.
    let mut pinned = env.helper(&["get"]);
    pinned.env("HUBINT_INTEGRATION", "localhost-5000-bob");
    let out = common::feed(pinned, "localhost:5000");
    assert_eq!(stdout(&out), creds("localhost:5000", "bob", "pw-b"));
    // ... and serves nothing for another registry.
    let mut other = env.helper(&["get"]);
    other.env("HUBINT_INTEGRATION", "localhost-5000-bob");
    assert_eq!(stdout(&common::feed(other, "quay.io")), NOT_FOUND);

    // HUBINT_SUBSCRIPTION restricts to the subscription's integrations.
    let out = env.run(
        &["subscription", "attach", "ci", "localhost-5000-alice"],
        "",
    );
    assert!(out.status.success());
    let mut scoped = env.helper(&["get"]);
    scoped.env("HUBINT_SUBSCRIPTION", "ci");
    assert_eq!(
        stdout(&common::feed(scoped, "localhost:5000")),
        creds("localhost:5000", "alice", "pw-a")
    );
    let mut unknown = env.helper(&["get"]);
    unknown.env("HUBINT_SUBSCRIPTION", "nope");
    snapshot!(env, unknown.pass_stdin("localhost:5000"), @"
    success: false
    exit_code: 1
    ----- stdout -----
    credentials not found in native keychain

    ----- stderr -----
    hubint: HUBINT_SUBSCRIPTION names 'nope', but there is no subscription named 'nope' yet: nothing is served; a login there creates it
    ");
    let mut unknown = env.helper(&["get"]);
    unknown.env("HUBINT_INTEGRATION", "nope");
    snapshot!(env, unknown.pass_stdin("localhost:5000"), @"
    success: false
    exit_code: 1
    ----- stdout -----
    HUBINT_INTEGRATION names 'nope', but there is no integration named 'nope'

    ----- stderr -----
    hubint: error: HUBINT_INTEGRATION names 'nope', but there is no integration named 'nope'; hint: run `hubint integration list` to see the integrations
    ");

    // A default settles it.
    snapshot!(env, env.cmd(&["edit", "localhost-5000-bob", "--default"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            localhost-5000-bob
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        localhost:5000 (default)
     username        bob
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    Updated integration localhost-5000-bob.
    localhost-5000-bob is now the default integration for localhost:5000.
    ");
    assert_eq!(
        env.helper_get("localhost:5000"),
        (0, creds("localhost:5000", "bob", "pw-b"))
    );
    let out = env.run_helper(&["list"], "");
    assert_eq!(stdout(&out), "{\"localhost:5000\":\"bob\"}\n");
    // Only one default per registry: marking alice unmarks bob.
    let out = env.run(&["edit", "localhost-5000-alice", "--default"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        env.helper_get("localhost:5000"),
        (0, creds("localhost:5000", "alice", "pw-a"))
    );
    let out = env.run(&["list", "--json"], "");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let defaults: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["default"] == true)
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(defaults, ["localhost-5000-alice"]);
    // Moving the default to another registry drops it; so does --no-default.
    let out = env.run(
        &["edit", "localhost-5000-alice", "--url", "localhost:5001"],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = env.run(&["show", "localhost-5000-alice", "--json"], "");
    assert!(!stdout(&out).contains("\"default\""), "{}", stdout(&out));
    let out = env.run(
        &["edit", "localhost-5000-alice", "--url", "localhost:5000"],
        "",
    );
    assert!(out.status.success());
    for args in [["--default"], ["--no-default"]] {
        let mut edit = vec!["edit", "localhost-5000-bob"];
        edit.extend_from_slice(&args);
        assert!(env.run(&edit, "").status.success());
    }
    let (code, out) = env.helper_get("localhost:5000");
    assert_eq!(code, 1);
    assert!(
        out.starts_with("2 integrations match localhost:5000"),
        "{out}"
    );
    // Store under a subscription creates the integration attached to it.
    let mut scoped = env.helper(&["store"]);
    scoped.env("HUBINT_SUBSCRIPTION", "ci");
    let out = common::feed(
        scoped,
        r#"{"ServerURL":"quay.io","Username":"carol","Secret":"pw-c"}"#,
    );
    assert!(out.status.success(), "{}", stdout(&out));
    snapshot!(env, env.cmd(&["subscription", "list"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    ci	localhost-5000-alice, quay.io-carol

    ----- stderr -----
    ");
}
