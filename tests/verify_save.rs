//! `add --verify` and `edit --verify` against a token-auth registry on
//! 127.0.0.1: rejected credentials are not saved unless --no-verify.

mod common;
mod fixtures;

use common::TestEnv;
use fixtures::cases::{PASSWORD, token_registry};

#[test]
fn add_and_edit_with_verify() {
    needs_keyring!();
    let server = token_registry();
    let env = TestEnv::new();
    let url = server.url();
    let add_args = |name: &'static str, extra: &[&'static str]| {
        let mut args = vec![
            "add",
            "--name",
            name,
            "--url",
            url.as_str(),
            "--username",
            "user",
            "--password-stdin",
        ];
        args.extend_from_slice(extra);
        args
    };

    // Rejected credentials are not saved.
    snap!(env, env.cmd(&add_args("rejected", &["--verify"])).pass_stdin("not-it"), @"
    success: false
    exit_code: 6
    ----- stdout -----

    ----- stderr -----
    error: the registry rejected the credentials for 'rejected': unauthorized: token request to http://127.0.0.1:[PORT]/token: 401 Unauthorized
    hint: nothing was saved; check the username and password, or pass --no-verify to save them without checking
    ");
    snap!(env, env.cmd(&["list"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    No integrations. Add one with `hubint add`.
    ");
    // --no-verify (the last one wins) saves them unchecked.
    let out = env.run(
        &add_args("unchecked", &["--verify", "--no-verify"]),
        "not-it",
    );
    assert!(out.status.success());
    // Good credentials are saved with their verification.
    let out = env.run(&add_args("checked", &["--verify"]), PASSWORD);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    snap!(env, env.cmd(&["show", "checked", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "id": "[ID]",
      "name": "checked",
      "family": "hub",
      "type": "docker",
      "registry": "127.0.0.1:[PORT]",
      "username": "user",
      "email": null,
      "subscriptions": [],
      "secret_store": "keyring",
      "created_at": "[TIME]",
      "updated_at": "[TIME]",
      "last_verified_at": "[TIME]",
      "last_verification": "ok"
    }

    ----- stderr -----
    "#);

    // edit --verify refuses a wrong new password and keeps the old one.
    snap!(env, env.cmd(&["edit", "checked", "--password-stdin", "--verify"]).pass_stdin("still-not-it"), @"
    success: false
    exit_code: 6
    ----- stdout -----

    ----- stderr -----
    error: the registry rejected the credentials for 'checked': unauthorized: token request to http://127.0.0.1:[PORT]/token: 401 Unauthorized
    hint: nothing was saved; check the username and password, or pass --no-verify to save them without checking
    ");
    snap!(env, env.cmd(&["verify", "checked"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    checked	127.0.0.1:[PORT]	ok	credentials accepted (bearer token from http://127.0.0.1:[PORT]/token)

    ----- stderr -----
    ");
    // A new password without --verify clears the last verification.
    let out = env.run(&["edit", "checked", "--password-stdin"], "changed");
    assert!(out.status.success());
    snap!(env, env.cmd(&["list"]).env("COLUMNS", "200"), @"
    success: true
    exit_code: 0
    ----- stdout -----
    checked	hub/docker	127.0.0.1:[PORT]	user	-	-	keyring	[TIME]	-
    unchecked	hub/docker	127.0.0.1:[PORT]	user	-	-	keyring	[TIME]	-

    ----- stderr -----
    ");
    // edit --verify with the right password records it.
    let out = env.run(
        &["edit", "unchecked", "--password-stdin", "--verify"],
        PASSWORD,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    snap!(env, env.cmd(&["show", "unchecked"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            unchecked
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        127.0.0.1:[PORT]
     username        user
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  ok ([TIME])

    ----- stderr -----
    ");
}
