//! The credential helper's login and logout rules (`store` and `erase`),
//! scope by scope: a login replaces the login of its scope, a logout undoes
//! it there and nowhere else. `tests/login_clients.rs` drives the same
//! sequences through docker, podman, skopeo, buildah and the Go client.

mod common;

use std::process::Output;

use common::{NOT_FOUND, TestEnv, creds, stderr, stdout};

const REG: &str = "localhost:5000";

fn scoped(env: &TestEnv, sub: &str, action: &str, stdin: &str) -> Output {
    let mut cmd = env.helper(&[action]);
    cmd.env("HUBINT_SUBSCRIPTION", sub);
    common::feed(cmd, stdin)
}

fn store_json(user: &str, secret: &str) -> String {
    serde_json::json!({"ServerURL": REG, "Username": user, "Secret": secret}).to_string()
}

/// The integrations' names, from `hubint list --json`.
fn names(env: &TestEnv) -> Vec<String> {
    let out = env.run(&["list", "--json"], "");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect()
}

fn add(env: &TestEnv, name: &str, user: &str, secret: &str, sub: Option<&str>) {
    let mut args = vec![
        "add",
        "--name",
        name,
        "--url",
        REG,
        "--username",
        user,
        "--password-stdin",
    ];
    if let Some(sub) = sub {
        args.extend(["--subscription", sub]);
    }
    let out = env.run(&args, secret);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn assert_silent_success(out: &Output) {
    assert_eq!(
        (out.status.code(), stdout(out), stderr(out)),
        (Some(0), String::new(), String::new())
    );
}

#[test]
fn a_second_login_replaces_the_first_and_logout_undoes_it() {
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store(REG, "alice", "pw-a");
    let out = env.run_helper(&["store"], &store_json("bob", "pw-b"));
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        "hubint: created integration localhost-5000-bob for localhost:5000\n\
         hubint: deleted integration localhost-5000-alice\n"
    );
    assert_eq!(env.helper_get(REG), (0, creds(REG, "bob", "pw-b")));
    assert_eq!(names(&env), ["localhost-5000-bob"]);
    // The same login again changes nothing.
    let out = env.run_helper(&["store"], &store_json("bob", "pw-b"));
    assert_eq!(
        stderr(&out),
        "hubint: integration localhost-5000-bob is up to date\n"
    );
    let out = env.run_helper(&["erase"], REG);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out),
        "hubint: deleted integration localhost-5000-bob\n"
    );
    assert_eq!(env.helper_get(REG), (1, NOT_FOUND.into()));
    assert_silent_success(&env.run_helper(&["erase"], REG));
    assert!(names(&env).is_empty());
}

#[test]
fn a_client_login_over_an_added_integration() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env, "mine", "alice", "pw-1", None);
    // The same username: the added integration gets the new password.
    env.helper_store(REG, "alice", "pw-2");
    assert_eq!(env.helper_get(REG), (0, creds(REG, "alice", "pw-2")));
    assert_eq!(names(&env), ["mine"]);
    // Another username: a new login, made the registry default; mine stays.
    let out = env.run_helper(&["store"], &store_json("bob", "pw-b"));
    assert_eq!(
        stderr(&out),
        "hubint: created integration localhost-5000-bob for localhost:5000\n\
         hubint: localhost-5000-bob is now the default integration for localhost:5000\n"
    );
    assert_eq!(env.helper_get(REG), (0, creds(REG, "bob", "pw-b")));
    assert_eq!(names(&env), ["localhost-5000-bob", "mine"]);
    // Logout without a subscription forgets every login for the registry
    // that no subscription uses.
    let out = env.run_helper(&["erase"], REG);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(env.helper_get(REG), (1, NOT_FOUND.into()));
    assert!(names(&env).is_empty());
}

#[test]
fn scoped_login_and_logout_leave_other_subscriptions_alone() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env, "theirs", "carol", "pw-c", Some("other"));
    // A subscription that does not exist yet serves nothing (and says so:
    // clients ask before they store) ...
    for (action, empty) in [("get", NOT_FOUND), ("list", "{}\n")] {
        let out = scoped(&env, "team", action, REG);
        assert_eq!(stdout(&out), empty);
        assert_eq!(
            stderr(&out),
            "hubint: HUBINT_SUBSCRIPTION names 'team', but there is no subscription named \
             'team' yet: nothing is served; a login there creates it\n"
        );
    }
    // ... and is created by the login.
    let out = scoped(&env, "team", "store", &store_json("alice", "pw-a"));
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        "Created subscription team.\n\
         hubint: created integration localhost-5000-alice for localhost:5000\n"
    );
    let out = scoped(&env, "team", "store", &store_json("bob", "pw-b"));
    assert_eq!(
        stderr(&out),
        "hubint: created integration localhost-5000-bob for localhost:5000\n\
         hubint: detached localhost-5000-alice from team\n\
         hubint: deleted integration localhost-5000-alice\n"
    );
    let get = |sub| stdout(&scoped(&env, sub, "get", REG));
    assert_eq!(get("team"), creds(REG, "bob", "pw-b"));
    assert_eq!(get("other"), creds(REG, "carol", "pw-c"));
    // A login the team shares with another subscription is only detached.
    let out = env.run(&["subscription", "attach", "team", "theirs"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = env.run(&["edit", "localhost-5000-bob", "--default"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = scoped(&env, "team", "erase", REG);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        "hubint: detached localhost-5000-bob from team\n\
         hubint: deleted integration localhost-5000-bob\n\
         hubint: detached theirs from team\n"
    );
    assert_eq!(get("team"), NOT_FOUND);
    assert_eq!(get("other"), creds(REG, "carol", "pw-c"));
    assert_silent_success(&scoped(&env, "team", "erase", REG));
    assert_eq!(names(&env), ["theirs"]);
    // Logout in a subscription that does not exist: nothing to do.
    assert_silent_success(&scoped(&env, "nope", "erase", REG));
    // Without a subscription, a login that subscriptions use is kept: tools
    // without one are logged out of the registry (see the next test).
    let out = env.run_helper(&["erase"], REG);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(env.helper_get(REG), (1, NOT_FOUND.into()));
    assert_eq!(get("other"), creds(REG, "carol", "pw-c"));
}

/// The state of `theirs` as `hubint show --json` and `list` give it.
fn logged_out(env: &TestEnv) -> bool {
    env.show("theirs")["logged_out"] == serde_json::json!(true)
}

#[test]
fn an_unscoped_logout_keeps_what_subscriptions_use() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env, "theirs", "carol", "pw-c", Some("other"));
    let pinned = |action: &str, stdin: &str| {
        let mut cmd = env.helper(&[action]);
        cmd.env("HUBINT_INTEGRATION", "theirs");
        common::feed(cmd, stdin)
    };
    let served_elsewhere = || {
        assert_eq!(
            stdout(&scoped(&env, "other", "get", REG)),
            creds(REG, "carol", "pw-c")
        );
        assert_eq!(stdout(&pinned("get", REG)), creds(REG, "carol", "pw-c"));
    };
    let logged_out_now = |out: Output| {
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        assert_eq!(env.helper_get(REG), (1, NOT_FOUND.into()));
        assert_eq!(stdout(&env.run_helper(&["list"], "")), "{}\n");
        assert!(logged_out(&env));
        served_elsewhere();
        // Logging out again is nothing to do.
        assert_silent_success(&env.run_helper(&["erase"], REG));
    };
    // Only a login that a subscription uses: it is kept and the logout works.
    assert_eq!(env.helper_get(REG), (0, creds(REG, "carol", "pw-c")));
    let out = env.run_helper(&["erase"], REG);
    assert_eq!(
        stderr(&out),
        "hubint: theirs still serves localhost:5000 for other\n\
         hubint: logged out of localhost:5000 for tools without HUBINT_SUBSCRIPTION; \
         `hubint integration edit theirs --default` serves it to them again\n"
    );
    logged_out_now(out);
    let shown = stdout(&env.run(&["show", "theirs"], ""));
    assert!(
        shown.contains("localhost:5000 (logged out for tools without HUBINT_SUBSCRIPTION)"),
        "{shown}"
    );
    // A login without a subscription serves the registry again ...
    env.helper_store(REG, "alice", "pw-a");
    assert!(!logged_out(&env));
    assert_eq!(env.helper_get(REG), (0, creds(REG, "alice", "pw-a")));
    // ... and its logout deletes it and keeps what the subscription uses.
    let out = env.run_helper(&["erase"], REG);
    assert!(
        stderr(&out).starts_with("hubint: deleted integration localhost-5000-alice\n"),
        "{}",
        stderr(&out)
    );
    logged_out_now(out);
    assert_eq!(names(&env), ["theirs"]);
    // `edit --default` serves it again.
    let out = env.run(&["edit", "theirs", "--default"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(env.helper_get(REG), (0, creds(REG, "carol", "pw-c")));
    logged_out_now(env.run_helper(&["erase"], REG));
    // So does `hubint add` for the registry.
    add(&env, "mine", "dave", "pw-d", None);
    assert!(!logged_out(&env));
    // A login under a subscription leaves the unscoped state alone.
    logged_out_now(env.run_helper(&["erase"], REG));
    let out = scoped(&env, "team", "store", &store_json("erin", "pw-e"));
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(logged_out(&env));
    assert_eq!(env.helper_get(REG), (1, NOT_FOUND.into()));
    assert_eq!(
        stdout(&scoped(&env, "team", "get", REG)),
        creds(REG, "erin", "pw-e")
    );
}

#[test]
fn a_login_in_an_invalid_subscription_name_fails_visibly() {
    needs_keyring!();
    let env = TestEnv::new();
    let out = scoped(&env, "no spaces", "store", &store_json("alice", "pw-a"));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("hubint: error: HUBINT_SUBSCRIPTION names 'no spaces'"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(names(&env).is_empty());
}

#[test]
fn a_login_pinned_with_hubint_integration_updates_that_integration() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env, "pinned", "alice", "pw-1", None);
    add(&env, "other", "carol", "pw-c", None);
    let pinned = |action: &str, stdin: &str| {
        let mut cmd = env.helper(&[action]);
        cmd.env("HUBINT_INTEGRATION", "pinned");
        common::feed(cmd, stdin)
    };
    let out = pinned("store", &store_json("bob", "pw-b"));
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(stdout(&pinned("get", REG)), creds(REG, "bob", "pw-b"));
    assert_eq!(names(&env), ["other", "pinned"]);
    // Logout under the pin removes that integration only.
    let out = pinned("erase", REG);
    assert_eq!(
        (out.status.code(), stderr(&out)),
        (Some(0), "hubint: deleted integration pinned\n".into())
    );
    assert_eq!(names(&env), ["other"]);
    assert_eq!(env.helper_get(REG), (0, creds(REG, "carol", "pw-c")));
    // The pin now names nothing: logging out again is nothing to do.
    assert_silent_success(&pinned("erase", REG));
}
