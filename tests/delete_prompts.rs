//! `delete` on a terminal: its confirmations cannot be given by stray keys.
//! An unused integration needs a whole line `y` (keys typed before the
//! question are discarded); one in use needs its name typed, as GitHub asks
//! before deleting a repository.
#![cfg(unix)]

mod common;

use common::TestEnv;
use common::terminal::{ENTER, Pty};

#[test]
fn delete_in_use_asks_for_the_name() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("shared", "pw-shared", &[]);
    env.attach("prod", "shared");
    env.attach("staging", "shared");
    let id = common::id_of(&env.show("shared"));
    const ASK: &str = "Type the name shared to confirm (Enter alone cancels):";

    // Enter alone cancels; so does `y`, which is not the name.
    let mut p = Pty::spawn(&env, &["delete", "shared"]);
    p.expect("Integration shared is used by 2 subscriptions:")
        .expect("  - prod")
        .expect("  - staging")
        .expect("Deleting it detaches it from all of them and deletes its password.")
        .expect(ASK)
        .line("y")
        .expect("error: that is not shared; type it exactly, or press Enter to cancel")
        .expect(ASK)
        .send(ENTER)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    let kept = env.show("shared");
    assert_eq!(
        kept["subscriptions"],
        serde_json::json!(["prod", "staging"])
    );
    assert_eq!(env.stored_secret(&id).as_deref(), Some("pw-shared"));

    // The name: detached from both and deleted, secret included.
    let mut p = Pty::spawn(&env, &["delete", "shared"]);
    p.expect(ASK)
        .line("shared")
        .expect("Detached shared from 2 subscriptions: prod, staging.")
        .expect("Deleted integration shared.")
        .exits_with(0);
    assert_eq!(env.json(&["list"]), serde_json::json!([]));
    let subscriptions = env.json(&["subscription", "list"]);
    for sub in subscriptions.as_array().expect("subscription array") {
        assert!(
            !sub.to_string().contains("shared"),
            "still linked: {subscriptions}"
        );
    }
    assert_eq!(env.stored_secret(&id), None);
}

#[test]
fn delete_unused_asks_and_no_keeps_it() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("lonely", "pw-lonely", &[]);
    let id = common::id_of(&env.show("lonely"));

    let mut p = Pty::spawn(&env, &["delete", "lonely"]);
    p.expect("Delete integration lonely? [y/N]")
        .line("n")
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert!(!p.transcript.contains("used by"));
    assert_eq!(env.show("lonely")["id"], id.as_str());
    assert_eq!(env.stored_secret(&id).as_deref(), Some("pw-lonely"));
}

/// A `y` followed by typed-ahead text is not a yes: asked again, and Enter
/// then keeps the integration. A whole line `y` deletes.
#[test]
fn stray_keys_after_y_do_not_delete() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("lonely", "pw-lonely", &[]);
    let id = common::id_of(&env.show("lonely"));

    let mut p = Pty::spawn(&env, &["delete", "lonely"]);
    p.expect("Delete integration lonely? [y/N]")
        .send("y")
        .send("ls -la")
        .send(ENTER)
        .expect("error: answer y or n")
        .expect("Delete integration lonely? [y/N]")
        .send(ENTER)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("pw-lonely"));
    assert_eq!(env.show("lonely")["id"], id.as_str());

    let mut p = Pty::spawn(&env, &["delete", "lonely"]);
    p.expect("Delete integration lonely? [y/N]")
        .line("y")
        .expect("Deleted integration lonely.")
        .exits_with(0);
    assert_eq!(env.stored_secret(&id), None);
}

/// Keys typed before the question appears (here `y` and Enter, typed while
/// hubint pauses just before asking) are discarded, not taken as the answer.
#[test]
fn keys_typed_before_the_question_are_discarded() {
    needs_keyring!();
    let bare = TestEnv::new();
    bare.add("lonely", "pw-lonely", &[]);
    let id = common::id_of(&bare.show("lonely"));
    let env = bare.with_env("HUBINT_FAILPOINT", "before-strict-question:pause");

    let mut p = Pty::spawn(&env, &["delete", "lonely"]);
    p.expect("failpoint before-strict-question: pausing")
        .line("y")
        .expect("Delete integration lonely? [y/N]")
        .send(ENTER)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("pw-lonely"));
}
