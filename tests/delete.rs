//! `hubint delete NAME` without a terminal: the refusals that change nothing,
//! `--yes`, `--detach-all`, and the keyring item going away.

mod common;

use common::TestEnv;

#[test]
fn delete_in_use_is_refused_naming_every_subscription() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id(
        "in-use",
        "in-use-secret",
        &["--subscription", "team-b", "--subscription", "Team-A"],
    );
    let list = env.json(&["list"]);
    let subs = env.json(&["subscription", "list"]);
    let db = env.db_file();
    snapshot!(env, env.cmd(&["delete", "in-use", "--yes"]), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: integration 'in-use' is still used by 2 subscriptions: Team-A, team-b
    hint: detach it first:
      hubint subscription detach Team-A in-use
      hubint subscription detach team-b in-use
    or delete it and detach it from all of them with `hubint integration delete in-use --detach-all`
    ");
    snapshot!(env, env.cmd(&["integration", "delete", "in-use"]), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: integration 'in-use' is still used by 2 subscriptions: Team-A, team-b
    hint: detach it first:
      hubint subscription detach Team-A in-use
      hubint subscription detach team-b in-use
    or delete it and detach it from all of them with `hubint integration delete in-use --detach-all`
    ");
    assert_eq!(env.db_file(), db);
    assert_eq!(env.json(&["list"]), list);
    assert_eq!(env.json(&["subscription", "list"]), subs);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("in-use-secret"));
}

#[test]
fn the_suggested_detach_commands_unblock_the_delete() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id(
        "unblock",
        "pw",
        &["--subscription", "s1", "--subscription", "s2"],
    );
    let out = env.output(&["delete", "unblock", "--yes"]);
    assert_eq!(out.status.code(), Some(4));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let commands: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.trim().strip_prefix("hubint "))
        .collect();
    assert_eq!(commands.len(), 2, "{stderr}");
    for command in commands {
        let args: Vec<&str> = command.split(' ').collect();
        let out = env.output(&args);
        assert!(out.status.success(), "{command}: {out:?}");
    }
    let out = env.output(&["delete", "unblock", "--yes"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(env.stored_items(&id), 0);
}

#[test]
fn delete_without_yes_and_without_a_terminal_changes_nothing() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("needs-yes", "needs-yes-secret", &[]);
    let db = env.db_file();
    snapshot!(env, env.cmd(&["delete", "needs-yes"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: refusing to delete 'needs-yes' without confirmation
    hint: pass --yes to delete without a prompt
    ");
    snapshot!(env, env.cmd(&["delete", "needs-yes", "--no-input"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: refusing to delete 'needs-yes' without confirmation
    hint: pass --yes to delete without a prompt
    ");
    assert_eq!(env.db_file(), db);
    assert_eq!(env.names(), ["needs-yes"]);
    assert_eq!(env.stored_items(&id), 1);
}

#[test]
fn delete_with_yes_removes_the_row_and_the_keyring_item() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("delete-me", "delete-me-secret", &[]);
    env.add("keep-me", "keep-me-secret", &[]);
    assert_eq!(env.stored_items(&id), 1);
    snapshot!(env, env.cmd(&["delete", "DELETE-ME", "--yes"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Deleted integration delete-me.
    ");
    assert_eq!(env.names(), ["keep-me"]);
    assert_eq!(env.stored_items(&id), 0);
    assert_eq!(env.stored_secret(&id), None);
    assert_eq!(
        env.stored_secret(&env.id("keep-me")).as_deref(),
        Some("keep-me-secret")
    );
    env.assert_no_password_in_db("delete-me-secret");
}

#[test]
fn short_yes_and_rm_alias_work() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("rm-alias", "pw", &[]);
    let out = env.output(&["integration", "rm", "rm-alias", "-y"]);
    assert!(out.status.success(), "{out:?}");
    assert!(env.names().is_empty());
    assert_eq!(env.stored_items(&id), 0);
}

#[test]
fn detach_all_removes_the_links_then_the_integration() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id(
        "detach-all",
        "detach-all-secret",
        &["--subscription", "sub-x", "--subscription", "sub-y"],
    );
    env.add("other", "pw", &["--subscription", "sub-x"]);
    snapshot!(env, env.cmd(&["delete", "detach-all", "--yes", "--detach-all"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Detached detach-all from 2 subscriptions: sub-x, sub-y.
    Deleted integration detach-all.
    ");
    assert_eq!(env.names(), ["other"]);
    assert_eq!(env.stored_items(&id), 0);
    snapshot!(env, env.cmd(&["subscription", "list"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    sub-x	other
    sub-y	-

    ----- stderr -----
    ");
}

#[test]
fn detach_all_without_yes_still_needs_confirmation() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("detach-no-yes", "pw", &["--subscription", "sub-z"]);
    snapshot!(env, env.cmd(&["delete", "detach-no-yes", "--detach-all"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: refusing to delete 'detach-no-yes' without confirmation
    hint: pass --yes to delete without a prompt
    ");
    assert_eq!(
        env.json(&["show", "detach-no-yes"])["subscriptions"][0],
        "sub-z"
    );
    assert_eq!(env.stored_items(&id), 1);
}

#[test]
fn detach_all_on_an_unused_integration_just_deletes() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("unused", "pw", &[]);
    snapshot!(env, env.cmd(&["delete", "unused", "--yes", "--detach-all"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Deleted integration unused.
    ");
    assert_eq!(env.stored_items(&id), 0);
}

#[test]
fn deleting_a_missing_integration_is_not_found() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["delete", "never-added", "--yes"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no integration named 'never-added'
    hint: run `hubint integration list` to see the integrations
    ");
}

#[test]
fn a_name_is_free_again_after_delete() {
    needs_keyring!();
    let env = TestEnv::new();
    let first = env.add_id("reused", "first", &[]);
    let out = env.output(&["delete", "reused", "--yes"]);
    assert!(out.status.success(), "{out:?}");
    let second = env.add_id("reused", "second", &[]);
    assert_ne!(first, second);
    assert_eq!(env.stored_secret(&first), None);
    assert_eq!(env.stored_secret(&second).as_deref(), Some("second"));
}

#[test]
fn delete_when_the_secret_is_already_gone_warns_and_deletes() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("lost-secret", "pw", &[]);
    env.clear_stored_secret(&id);
    assert_eq!(env.stored_items(&id), 0);
    snapshot!(env, env.cmd(&["delete", "lost-secret", "--yes"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    warning: the secret of lost-secret was already missing from the OS keyring
    Deleted integration lost-secret.
    ");
    assert!(env.names().is_empty());
}
