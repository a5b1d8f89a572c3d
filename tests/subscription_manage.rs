//! `hubint subscription create|rename|delete`, close names on
//! create-on-attach, `list --subscription` of a missing one, the top-level
//! `attach`/`detach`, completion of the integrations of a subscription, and
//! an attach during an edit.

mod common;

use common::TestEnv;

#[test]
fn create_then_rename_then_delete() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["subscription", "create", "acme-ci"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Created subscription acme-ci.
    ");
    snapshot!(env, env.cmd(&["subscription", "create", "ACME-CI"]), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: subscription 'acme-ci' already exists
    hint: `hubint subscription list` shows the subscriptions
    ");
    snapshot!(env, env.cmd(&["subscription", "create", "bad name"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid NAME: a name holds only letters, digits, '-', '_' and '.', not a space
    hint: run the command with --help to see what NAME accepts
    ");
    snapshot!(env, env.cmd(&["subscription", "rename", "acme-ci", "acme-prod", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "name": "acme-prod",
      "integrations": [],
      "created_at": "[TIME]"
    }

    ----- stderr -----
    Renamed subscription acme-ci to acme-prod.
    "#);
    snapshot!(env, env.cmd(&["subscription", "rename", "acme-ci", "other"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no subscription named 'acme-ci'
    hint: run `hubint subscription list` to see the subscriptions
    ");
    // Without a terminal a deletion needs --yes, as `integration delete` does.
    snapshot!(env, env.cmd(&["subscription", "delete", "acme-prod"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: refusing to delete subscription 'acme-prod' without confirmation
    hint: pass --yes to delete without a prompt
    ");
    snapshot!(env, env.cmd(&["subscription", "delete", "acme-prod", "--no-input"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: refusing to delete subscription 'acme-prod' without confirmation
    hint: pass --yes to delete without a prompt
    ");
    assert_eq!(
        env.json(&["subscription", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    snapshot!(env, env.cmd(&["subscription", "delete", "acme-prod", "--yes"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Deleted subscription acme-prod.
    ");
    assert!(
        env.json(&["subscription", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn rename_keeps_the_links_and_refuses_a_taken_name() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("ren-one", "pw", &["--subscription", "ren-a"]);
    env.add("ren-two", "pw", &["--subscription", "ren-b"]);
    snapshot!(env, env.cmd(&["subscription", "rename", "ren-a", "REN-B"]), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: subscription 'ren-b' already exists
    hint: pick another name, or delete that one first
    ");
    // A change of case alone is a rename.
    let out = env.output(&["subscription", "rename", "ren-a", "Ren-A"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(env.json(&["show", "ren-one"])["subscriptions"][0], "Ren-A");
}

#[test]
fn delete_refuses_while_integrations_are_attached() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("del-one", "pw", &["--subscription", "del-sub"]);
    env.add("del-two", "pw", &["--subscription", "del-sub"]);
    snapshot!(env, env.cmd(&["subscription", "delete", "del-sub"]), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: subscription 'del-sub' is still in use: 2 integrations are attached: del-one, del-two
    hint: detach them first:
      hubint subscription detach del-sub del-one
      hubint subscription detach del-sub del-two
    or detach them all and delete it with `hubint subscription delete del-sub --detach-all`
    ");
    assert_eq!(
        env.json(&["subscription", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    snapshot!(env, env.cmd(&["subscription", "delete", "del-sub", "--detach-all", "-y"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Detached 2 integrations and deleted subscription del-sub.
    ");
    assert!(
        env.json(&["subscription", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    // The integrations stay.
    assert!(
        env.json(&["show", "del-one"])["subscriptions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    snapshot!(env, env.cmd(&["subscription", "delete", "del-sub"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no subscription named 'del-sub'
    hint: run `hubint subscription list` to see the subscriptions
    ");
}

#[test]
fn attach_to_a_new_name_close_to_an_existing_one_warns_and_still_works() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("close-a", "pw", &["--subscription", "team-x"]);
    snapshot!(env, env.cmd(&["subscription", "attach", "team-x2", "close-a"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    warning: there is no subscription 'team-x2' yet, but there is 'team-x', which is close
    Created subscription team-x2.
    Attached close-a to team-x2.
    ");
    snapshot!(env, env.cmd(&["attach", "TeamX", "close-a"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    warning: there is no subscription 'TeamX' yet, but there is 'team-x', which is close
    Created subscription TeamX.
    Attached close-a to TeamX.
    ");
    // An existing subscription, in any case, is no warning.
    snapshot!(env, env.cmd(&["detach", "TEAM-X", "close-a"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Detached close-a from team-x.
    ");
}

#[test]
fn list_of_a_missing_subscription_is_not_found() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("lsub-a", "pw", &["--subscription", "real"]);
    snapshot!(env, env.cmd(&["list", "--subscription", "NOSUCH"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no subscription named 'NOSUCH'
    hint: run `hubint subscription list` to see the subscriptions
    ");
}

/// The values fish would be offered for the last word of `words`.
fn candidates(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let mut args = vec!["--", "hubint"];
    args.extend_from_slice(words);
    let out = env.cmd(&args).env("COMPLETE", "fish").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .filter(|v| !v.starts_with('-'))
        .collect()
}

#[test]
fn completion_offers_the_integrations_that_fit_attach_or_detach() {
    local_store_only!("completion reads only the local SQLite catalog (no network on TAB)");
    needs_keyring!();
    let env = TestEnv::new();
    env.add("cmp-on", "pw", &["--subscription", "cmp-sub"]);
    env.add("cmp-off", "pw", &["--subscription", "elsewhere"]);
    env.add("cmp-free", "pw", &[]);
    let detach = candidates(&env, &["subscription", "detach", "cmp-sub", ""]);
    assert_eq!(detach, ["cmp-on"]);
    let attach = candidates(&env, &["subscription", "attach", "cmp-sub", ""]);
    assert_eq!(attach, ["cmp-free", "cmp-off"]);
    let top = candidates(&env, &["detach", "CMP-SUB", "cmp"]);
    assert_eq!(top, ["cmp-on"]);
    // A new subscription: everything can be attached, nothing detached.
    assert_eq!(candidates(&env, &["attach", "new", ""]).len(), 3);
    assert!(candidates(&env, &["detach", "new", ""]).is_empty());
}

#[cfg(unix)]
#[test]
fn on_a_terminal_a_close_new_name_is_asked_about() {
    needs_keyring!();
    use common::terminal::Pty;
    let env = TestEnv::new();
    env.add("ask-a", "pw", &["--subscription", "team-x"]);
    let args = ["subscription", "attach", "team-x2", "ask-a"];
    let mut pty = Pty::spawn(&env, &args);
    pty.expect("but there is 'team-x', which is close")
        .expect("Create the new subscription team-x2?")
        .line("n")
        .expect("To use the existing subscription, give 'team-x'.")
        .exits_with(130);
    assert_eq!(
        env.json(&["subscription", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let mut pty = Pty::spawn(&env, &args);
    pty.expect("Create the new subscription team-x2?")
        .line("y")
        .expect("Attached ask-a to team-x2.")
        .exits_with(0);
    assert_eq!(
        env.json(&["subscription", "list"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// An attach while an edit is under way (paused between writing the new
/// password and recording the row) is no conflict, on either store: the
/// edit lands and the link stays. Only a change to the integration itself
/// makes an edit fail with "changed meanwhile".
#[test]
fn an_attach_during_an_edit_is_kept() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;

    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("busy", "old-password", &[]);
    let mut child = env
        .cmd(&["edit", "busy", "--password-stdin"])
        .env("HUBINT_FAILPOINT", "update-after-secret:pause")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"new-password\n")
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("failpoint update-after-secret: pausing") {
        let read = stderr.read_line(&mut said).unwrap();
        assert!(read > 0, "edit ended before its failpoint: {said}");
    }
    env.attach("ci", "busy");
    let status = child.wait().unwrap();
    std::io::Read::read_to_string(&mut stderr, &mut said).unwrap();
    assert!(status.success(), "{said}");
    assert_eq!(env.show("busy")["subscriptions"], serde_json::json!(["ci"]));
    assert_eq!(env.stored_secret(&id).as_deref(), Some("new-password"));
}
