//! `subscription delete` on a terminal asks as `integration delete` does: a
//! whole-line `y` (keys typed before the question are discarded), or, with
//! --detach-all and integrations attached, the subscription's name typed.
//! `--yes` asks nothing; `--no-input` (or `HUBINT_NO_INPUT`) never asks.
//! And the add form's "new subscription..." warns about a name close to an
//! existing one, as `subscription attach` does.
#![cfg(unix)]

mod common;

use common::TestEnv;
use common::terminal::{DOWN, ENTER, Pty, SPACE};

fn ok(env: &TestEnv, args: &[&str]) {
    let out = env.run(args, "");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The subscriptions' names, and the integrations attached to each.
fn subscriptions(env: &TestEnv) -> Vec<(String, Vec<String>)> {
    let list = env.json(&["subscription", "list"]);
    list.as_array()
        .expect("subscription array")
        .iter()
        .map(|s| {
            let names = s["integrations"].as_array().expect("integrations");
            (
                s["name"].as_str().expect("name").to_string(),
                names
                    .iter()
                    .map(|n| n.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn empty(name: &str) -> (String, Vec<String>) {
    (name.to_string(), Vec::new())
}

#[test]
fn delete_asks_a_whole_line_y() {
    let env = TestEnv::new();
    ok(&env, &["subscription", "create", "solo"]);
    const ASK: &str = "Delete subscription solo? [y/N]";

    // `y` followed by typed-ahead text is not a yes; Enter alone is a no.
    let mut p = Pty::spawn(&env, &["subscription", "delete", "solo"]);
    p.expect(ASK)
        .send("y")
        .send("es please")
        .send(ENTER)
        .expect("error: answer y or n")
        .expect(ASK)
        .send(ENTER)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert_eq!(subscriptions(&env), [empty("solo")]);

    let mut p = Pty::spawn(&env, &["subscription", "delete", "solo"]);
    p.expect(ASK)
        .line("n")
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert_eq!(subscriptions(&env), [empty("solo")]);

    let mut p = Pty::spawn(&env, &["subscription", "delete", "solo"]);
    p.expect(ASK)
        .line("y")
        .expect("Deleted subscription solo.")
        .exits_with(0);
    assert!(subscriptions(&env).is_empty());
}

#[test]
fn detach_all_asks_for_the_name() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("one", "pw-one", &["--subscription", "team"]);
    env.add("two", "pw-two", &["--subscription", "team"]);
    let attached = ("team".to_string(), vec!["one".into(), "two".into()]);
    const ASK: &str = "Type the name team to confirm (Enter alone cancels):";
    let args = ["subscription", "delete", "team", "--detach-all"];

    let mut p = Pty::spawn(&env, &args);
    p.expect("Subscription team has 2 integrations attached:")
        .expect("  - one")
        .expect("  - two")
        .expect("Deleting it detaches them all (the integrations are kept).")
        .expect(ASK)
        .line("y")
        .expect("error: that is not team; type it exactly, or press Enter to cancel")
        .expect(ASK)
        .send(ENTER)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert_eq!(subscriptions(&env), [attached]);

    let mut p = Pty::spawn(&env, &args);
    p.expect(ASK)
        .line("team")
        .expect("Detached 2 integrations and deleted subscription team.")
        .exits_with(0);
    assert!(subscriptions(&env).is_empty());
    assert_eq!(env.names(), ["one", "two"]);
}

/// Without --detach-all a subscription in use is refused (exit 4) before
/// anything is asked, on a terminal too.
#[test]
fn in_use_without_detach_all_is_refused_without_a_question() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("busy", "pw", &["--subscription", "team"]);
    let mut p = Pty::spawn(&env, &["subscription", "delete", "team"]);
    p.expect("error: subscription 'team' is still in use: 1 integration is attached: busy")
        .exits_with(4);
    assert!(!p.transcript.contains("[y/N]"));
    assert_eq!(subscriptions(&env).len(), 1);
}

#[test]
fn yes_asks_nothing_and_no_input_never_asks() {
    let env = TestEnv::new();
    ok(&env, &["subscription", "create", "quiet"]);

    let quiet = env.with_env("HUBINT_NO_INPUT", "1");
    let mut p = Pty::spawn(&quiet, &["subscription", "delete", "quiet"]);
    p.expect("error: refusing to delete subscription 'quiet' without confirmation")
        .expect("hint: pass --yes to delete without a prompt")
        .exits_with(2);
    assert_eq!(subscriptions(&quiet), [empty("quiet")]);

    let mut p = Pty::spawn(&quiet, &["subscription", "delete", "quiet", "--yes"]);
    p.expect("Deleted subscription quiet.").exits_with(0);
    assert!(!p.transcript.contains("[y/N]"));
    assert!(subscriptions(&quiet).is_empty());
}

/// Keys typed before the question appears are discarded, not taken as the
/// answer.
#[test]
fn keys_typed_before_the_question_are_discarded() {
    let bare = TestEnv::new();
    ok(&bare, &["subscription", "create", "early"]);
    let env = bare.with_env("HUBINT_FAILPOINT", "before-strict-question:pause");

    let mut p = Pty::spawn(&env, &["subscription", "delete", "early"]);
    p.expect("failpoint before-strict-question: pausing")
        .line("y")
        .expect("Delete subscription early? [y/N]")
        .send(ENTER)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert_eq!(subscriptions(&env), [empty("early")]);
}

/// The add form's subscription step, up to the name typed at "new
/// subscription..." (prod is selected too).
fn add_form_to_new_name(env: &TestEnv, name: &str, new: &str) -> Pty {
    let mut p = Pty::spawn(
        env,
        &[
            "add",
            "--type",
            "docker",
            "--name",
            name,
            "--username",
            "me",
        ],
    );
    p.expect("Registry URL [https://index.docker.io/v1/]:")
        .send(ENTER)
        .expect_password("Password:")
        .line("pw")
        .expect_password("Repeat password:")
        .line("pw")
        .expect("Email (optional, Enter to skip):")
        .send(ENTER)
        .expect("Attach to subscriptions")
        .expect("new subscription...")
        .send(SPACE)
        .expect("[x] prod")
        .send(DOWN)
        .send(DOWN)
        .send(SPACE)
        .expect("[x] new subscription...")
        .send(ENTER)
        .expect("New subscription name:")
        .line(new)
        .expect(&format!(
            "warning: there is no subscription '{new}' yet, but there is 'team-x', which is close"
        ))
        .expect(&format!("Create the new subscription {new}? [y/N]"));
    p
}

/// A new name close to an existing one: no goes back to the list (prod
/// still selected) to pick the close one; yes creates the new one.
#[test]
fn add_form_warns_about_a_close_new_subscription() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("base", "pw", &["--subscription", "prod"]);
    ok(&env, &["subscription", "attach", "team-x", "base"]);

    let mut p = add_form_to_new_name(&env, "hub-a", "team-x2");
    p.line("n")
        .expect("Pick team-x from the list, or choose \"new subscription...\"")
        .expect("Attach to subscriptions")
        .expect("[x] prod")
        .send(DOWN)
        .send(SPACE)
        .expect("[x] team-x")
        .send(ENTER)
        .expect("Subscriptions  prod, team-x")
        .expect("Save? [Y/n]")
        .send(ENTER)
        .expect("Added integration hub-a")
        .exits_with(0);
    assert_eq!(
        env.show("hub-a")["subscriptions"],
        serde_json::json!(["prod", "team-x"])
    );

    let mut p = add_form_to_new_name(&env, "hub-b", "Team_X2");
    p.line("y")
        .expect("Subscriptions  prod, Team_X2 (new)")
        .expect("Save? [Y/n]")
        .send(ENTER)
        .expect("Added integration hub-b")
        .exits_with(0);
    assert_eq!(
        env.show("hub-b")["subscriptions"],
        serde_json::json!(["prod", "Team_X2"])
    );
    let names: Vec<String> = subscriptions(&env).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["prod", "team-x", "Team_X2"]);
}
