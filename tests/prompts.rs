//! The prompts, driven through the real binary in a pseudo-terminal
//! (dialoguer refuses to prompt on anything else).
//!
//! Each step waits for the prompt text before typing. Password prompts also
//! wait until the prompt has switched echo off: dialoguer flushes input typed
//! before that point, so typing right after the text appears could race.
#![cfg(unix)]

mod common;

use common::terminal::{CTRL_C, ENTER, Pty, SPACE};
use common::{TestEnv, keyring_secret};
use serde_json::Value;

fn attach(env: &TestEnv, subscription: &str, integration: &str) {
    let out = env.run(&["subscription", "attach", subscription, integration], "");
    assert!(
        out.status.success(),
        "attach failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn id_of(integration: &Value) -> String {
    integration["id"].as_str().expect("id").to_string()
}

#[test]
fn add_asks_every_value_and_asks_again_after_a_bad_answer() {
    common::require_keyring();
    let env = TestEnv::new();
    env.add("taken", "pw-taken", &[]);
    attach(&env, "prod", "taken");

    let mut p = Pty::spawn(&env, &["add"]);
    p.expect("Integration family")
        .expect("hub: container registries")
        .send(ENTER)
        .expect("Integration type")
        .expect("docker: Docker Hub or any Docker Registry v2")
        .send(ENTER);
    // An invalid name, then a taken one (case-insensitive): asked again each time.
    p.expect("Name:")
        .line("-bad")
        .expect("error: a name starts with a letter or a digit")
        .expect("Name:")
        .line("TAKEN")
        .expect("error: 'taken' is taken; choose another name")
        .expect("Name:")
        .line("local-hub");
    // Docker Hub is the default; a private registry is typed instead.
    p.expect("Registry URL [https://index.docker.io/v1/]:")
        .line("localhost:5000")
        .expect("Username:")
        .line("ci-bot");
    p.expect("Email (optional):")
        .line("not-an-address")
        .expect("error: expected an address like name@example.com")
        .expect("Email (optional):")
        .line("bot@example.com");
    // A mismatch asks for both again.
    p.expect_password("Password:")
        .line("first-try")
        .expect_password("Repeat password:")
        .line("typo")
        .expect("error: Passwords do not match, try again")
        .expect_password("Password:")
        .line("s3cret pass")
        .expect_password("Repeat password:")
        .line("s3cret pass");
    p.expect("Attach to subscriptions")
        .expect("prod")
        .send(SPACE)
        .expect("[x] prod")
        .send(ENTER)
        .expect("Added integration local-hub")
        .exits_with(0);
    assert!(
        !p.transcript.contains("s3cret"),
        "the password was echoed:\n{}",
        p.transcript
    );

    let saved = env.show("local-hub");
    assert_eq!(saved["name"], "local-hub");
    assert_eq!(saved["family"], "hub");
    assert_eq!(saved["type"], "docker");
    assert_eq!(saved["registry"], "localhost:5000");
    assert_eq!(saved["username"], "ci-bot");
    assert_eq!(saved["email"], "bot@example.com");
    assert_eq!(saved["subscriptions"], serde_json::json!(["prod"]));
    assert_eq!(
        keyring_secret(&id_of(&saved)).as_deref(),
        Some("s3cret pass")
    );
    // The taken one is untouched.
    assert_eq!(
        env.show("taken")["subscriptions"],
        serde_json::json!(["prod"])
    );
}

#[test]
fn add_accepts_docker_hub_and_no_email_by_default() {
    common::require_keyring();
    let env = TestEnv::new();
    // No subscription exists: no subscription prompt.
    let mut p = Pty::spawn(&env, &["add", "--name", "hub", "--username", "me"]);
    p.expect("Integration family").send(ENTER);
    p.expect("Integration type").send(ENTER);
    p.expect("Registry URL [https://index.docker.io/v1/]:")
        .send(ENTER)
        .expect("Email (optional):")
        .send(ENTER)
        .expect_password("Password:")
        .line("pw")
        .expect_password("Repeat password:")
        .line("pw")
        .expect("Added integration hub")
        .exits_with(0);
    assert!(!p.transcript.contains("Attach to subscriptions"));

    let saved = env.show("hub");
    assert_eq!(saved["registry"], "https://index.docker.io/v1/");
    assert_eq!(saved["email"], Value::Null);
    assert_eq!(saved["subscriptions"], serde_json::json!([]));
    assert_eq!(keyring_secret(&id_of(&saved)).as_deref(), Some("pw"));
}

#[test]
fn delete_in_use_names_the_subscriptions_and_defaults_to_no() {
    common::require_keyring();
    let env = TestEnv::new();
    env.add("shared", "pw-shared", &[]);
    attach(&env, "prod", "shared");
    attach(&env, "staging", "shared");
    let id = id_of(&env.show("shared"));

    // Enter takes the default: No.
    let mut p = Pty::spawn(&env, &["delete", "shared"]);
    p.expect("Integration shared is used by 2 subscriptions:")
        .expect("  - prod")
        .expect("  - staging")
        .expect("Detach shared from all of them and delete it? [y/N]")
        .send(ENTER)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    let kept = env.show("shared");
    assert_eq!(
        kept["subscriptions"],
        serde_json::json!(["prod", "staging"])
    );
    assert_eq!(keyring_secret(&id).as_deref(), Some("pw-shared"));

    // Yes: detached from both and deleted, secret included.
    let mut p = Pty::spawn(&env, &["delete", "shared"]);
    p.expect("Detach shared from all of them and delete it? [y/N]")
        .send("y")
        .send(ENTER)
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
    assert_eq!(keyring_secret(&id), None);
}

#[test]
fn delete_unused_asks_and_no_keeps_it() {
    common::require_keyring();
    let env = TestEnv::new();
    env.add("lonely", "pw-lonely", &[]);
    let id = id_of(&env.show("lonely"));

    let mut p = Pty::spawn(&env, &["delete", "lonely"]);
    p.expect("Delete integration lonely? [y/N]")
        .send("n")
        .send(ENTER)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert!(!p.transcript.contains("used by"));
    assert_eq!(env.show("lonely")["id"], id.as_str());
    assert_eq!(keyring_secret(&id).as_deref(), Some("pw-lonely"));
}

#[test]
fn edit_prompts_each_field_with_its_current_value() {
    common::require_keyring();
    let env = TestEnv::new();
    env.add(
        "old-name",
        "pw-old",
        &[
            "--url",
            "registry.example.com:5000",
            "--email",
            "a@example.com",
        ],
    );
    let before = env.show("old-name");
    let id = id_of(&before);

    // Enter everywhere and an empty password: nothing changes.
    let mut p = Pty::spawn(&env, &["edit", "old-name"]);
    p.expect("Name [old-name]:")
        .send(ENTER)
        .expect("Registry URL [registry.example.com:5000]:")
        .send(ENTER)
        .expect("Username [user]:")
        .send(ENTER)
        .expect("Email (erase to remove): a@example.com")
        .send(ENTER)
        .expect_password("Password (leave empty to keep the current one):")
        .send(ENTER)
        .expect("Password (leave empty to keep the current one): unchanged")
        .expect("Nothing changed for old-name.")
        .exits_with(0);
    assert_eq!(env.show("old-name"), before);
    assert_eq!(keyring_secret(&id).as_deref(), Some("pw-old"));

    // A new name and a new password: same id, secret replaced.
    let mut p = Pty::spawn(&env, &["edit", "old-name"]);
    p.expect("Name [old-name]:")
        .line("new-name")
        .expect("Registry URL [registry.example.com:5000]:")
        .send(ENTER)
        .expect("Username [user]:")
        .send(ENTER)
        .expect("Email (erase to remove): a@example.com")
        .send(ENTER)
        .expect_password("Password (leave empty to keep the current one):")
        .line("pw-new")
        .expect_password("Repeat password:")
        .line("pw-new")
        .expect("Updated integration new-name and its password.")
        .exits_with(0);
    let after = env.show("new-name");
    assert_eq!(id_of(&after), id);
    assert_eq!(after["registry"], "registry.example.com:5000");
    assert_eq!(after["email"], "a@example.com");
    assert_eq!(keyring_secret(&id).as_deref(), Some("pw-new"));
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 1);
}

/// Ctrl-C at a prompt: exit 130, nothing written, terminal restored.
#[test]
fn ctrl_c_at_a_prompt_cancels_cleanly() {
    common::require_keyring();
    let env = TestEnv::new();

    // At a select, which hides the cursor.
    let mut p = Pty::spawn_with(&env, &["add"], false);
    p.expect("Integration family")
        .send(CTRL_C)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    let hidden = p.transcript.rfind("\x1b[?25l");
    let shown = p.transcript.rfind("\x1b[?25h");
    assert!(
        hidden.is_none() || shown > hidden,
        "the cursor was left hidden:\n{:?}",
        p.transcript
    );

    // At a text input.
    let mut p = Pty::spawn(&env, &["add", "--family", "hub", "--type", "docker"]);
    p.expect("Name:")
        .send("half-typed")
        .send(CTRL_C)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);

    // At the password prompt, which turns echo off: it is back on after.
    let mut p = Pty::spawn(
        &env,
        &[
            "add",
            "--family",
            "hub",
            "--type",
            "docker",
            "--name",
            "x",
            "--url",
            "x.io",
            "--username",
            "u",
            "--email",
            "u@x.io",
        ],
    );
    p.expect_password("Password:")
        .send("half")
        .send(CTRL_C)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert!(
        p.echo(),
        "echo was left off after Ctrl-C at the password prompt"
    );

    // At the delete confirmation.
    env.add("kept", "pw-kept", &[]);
    let mut p = Pty::spawn(&env, &["delete", "kept"]);
    p.expect("Delete integration kept? [y/N]")
        .send(CTRL_C)
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);

    let list = env.json(&["list"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["kept"]);
}
