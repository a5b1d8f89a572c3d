//! The prompts, driven through the real binary in a pseudo-terminal
//! (dialoguer refuses to prompt on anything else).
//!
//! Each step waits for the prompt text before typing. Password prompts also
//! wait until the prompt has switched echo off: dialoguer flushes input typed
//! before that point, so typing right after the text appears could race.
#![cfg(unix)]

mod common;

use common::TestEnv;
use common::terminal::{CTRL_C, DOWN, ENTER, Pty, SPACE};
use serde_json::Value;

/// The whole add form, in the order of the integrations page: family and
/// type (the family shown while there is one, the type chosen), name, URL, username, password
/// twice, email; then the subscriptions; then the summary and Save.
#[test]
fn add_walks_the_form_in_the_page_order() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("taken", "pw-taken", &[]);
    env.attach("prod", "taken");

    let mut p = Pty::spawn(&env, &["add"]);
    p.expect("✔ Integration family · hub")
        .expect("Integration type")
        .send(ENTER)
        .expect("Integration type: docker");
    // Empty, invalid, then taken (case-insensitive): asked again each time.
    p.expect("Name:")
        .send(ENTER)
        .expect("error: Name is required")
        .expect("Name:")
        .line("-bad")
        .expect("error: a name starts with a letter or a digit")
        .expect("Name:")
        .line("my hub")
        .expect("error: a name holds only letters, digits, '-', '_' and '.', not a space")
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
    // The password comes before the email. A mismatch asks for both again.
    p.expect_password("Password:")
        .send(ENTER)
        .expect("error: Password is required")
        .expect_password("Password:")
        .line("first-try")
        .expect_password("Repeat password:")
        .line("typo")
        .expect("error: Passwords do not match, try again")
        .expect_password("Password:")
        .line("s3cret pass")
        .expect_password("Repeat password:")
        .line("s3cret pass");
    p.expect("Email (optional, Enter to skip):")
        .line("not-an-address")
        .expect("error: expected an address like name@example.com")
        .expect("Email (optional, Enter to skip):")
        .line("bot@example.com");
    // An existing subscription and a new one.
    p.expect("Attach to subscriptions")
        .expect("new subscription...")
        .send(SPACE)
        .expect("[x] prod")
        .send(DOWN)
        .send(SPACE)
        .expect("[x] new subscription...")
        .send(ENTER)
        .expect("New subscription name:")
        .line("staging");
    p.expect("About to save:")
        .expect("Save? [Y/n]")
        .send(ENTER)
        .expect("Added integration local-hub")
        .exits_with(0);
    let t = &p.transcript;
    assert!(!t.contains("s3cret"), "the password was echoed:\n{t}");
    let at = |text: &str| t.find(text).unwrap_or_else(|| panic!("{text:?} in\n{t}"));
    assert!(at("Name:") < at("Registry URL"), "{t}");
    assert!(at("Registry URL") < at("Username:"), "{t}");
    assert!(at("Username:") < at("Password:"), "{t}");
    assert!(at("Repeat password:") < at("Email (optional"), "{t}");
    assert!(at("Email (optional") < at("Attach to subscriptions"), "{t}");
    let summary = &t[at("About to save:")..at("Save? [Y/n]")];
    let kept = format!(
        "Password       ******** (kept in {})",
        env.store_described()
    );
    for row in [
        "Family         hub",
        "Type           docker",
        "Name           local-hub",
        "Registry       localhost:5000",
        "Username       ci-bot",
        kept.as_str(),
        "Email          bot@example.com",
        "Subscriptions  prod, staging (new)",
    ] {
        assert!(summary.contains(row), "{row:?} in\n{summary}");
    }

    let saved = env.show("local-hub");
    assert_eq!(saved["name"], "local-hub");
    assert_eq!(saved["family"], "hub");
    assert_eq!(saved["type"], "docker");
    assert_eq!(saved["registry"], "localhost:5000");
    assert_eq!(saved["username"], "ci-bot");
    assert_eq!(saved["email"], "bot@example.com");
    assert_eq!(
        saved["subscriptions"],
        serde_json::json!(["prod", "staging"])
    );
    assert_eq!(
        env.stored_secret(&common::id_of(&saved)).as_deref(),
        Some("s3cret pass")
    );
    // The taken one is untouched.
    assert_eq!(
        env.show("taken")["subscriptions"],
        serde_json::json!(["prod"])
    );
}

/// Enter takes the defaults: Docker Hub, no email, no subscription. No at
/// Save saves nothing.
#[test]
fn add_accepts_the_defaults_and_no_at_save_saves_nothing() {
    needs_keyring!();
    let env = TestEnv::new();
    let walk = |answer: &str| {
        let mut p = Pty::spawn(&env, &["add", "--name", "hub", "--username", "me"]);
        p.expect("✔ Integration family · hub")
            .expect("Integration type")
            .send(ENTER)
            .expect("Integration type: docker")
            .expect("Registry URL [https://index.docker.io/v1/]:")
            .send(ENTER)
            .expect_password("Password:")
            .line("pw")
            .expect_password("Repeat password:")
            .line("pw")
            .expect("Email (optional, Enter to skip):")
            .send(ENTER)
            .expect("Attach to subscriptions")
            .expect("new subscription...")
            .send(ENTER)
            .expect("Subscriptions  (none)")
            .expect("Save? [Y/n]")
            .line(answer);
        p
    };
    walk("n")
        .expect("Cancelled; nothing was changed.")
        .exits_with(130);
    assert_eq!(env.json(&["list"]), serde_json::json!([]));

    walk("").expect("Added integration hub").exits_with(0);
    let saved = env.show("hub");
    assert_eq!(saved["registry"], "https://index.docker.io/v1/");
    assert_eq!(saved["email"], Value::Null);
    assert_eq!(saved["subscriptions"], serde_json::json!([]));
    assert_eq!(
        env.stored_secret(&common::id_of(&saved)).as_deref(),
        Some("pw")
    );
}

/// Every required value given as a flag: a script on a terminal, asked nothing.
#[test]
fn add_with_every_required_flag_asks_nothing() {
    needs_keyring!();
    let env = TestEnv::new();
    let pw = env.home.join("pw");
    std::fs::write(&pw, "pw-file").unwrap();
    let mut p = Pty::spawn(
        &env,
        &[
            "add",
            "--name",
            "quiet",
            "--username",
            "me",
            "--password-file",
            pw.to_str().unwrap(),
        ],
    );
    p.expect("Added integration quiet").exits_with(0);
    assert!(!p.transcript.contains("Save?"), "{}", p.transcript);
    assert!(!p.transcript.contains("Attach"), "{}", p.transcript);
}

/// Edit asks the add form's fields in the same order, each offering its
/// current value; `-` removes the email; the changes are confirmed.
#[test]
fn edit_prompts_each_field_with_its_current_value() {
    needs_keyring!();
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
    let id = common::id_of(&before);
    const EMAIL: &str = "Email (Enter keeps it, - removes it) [a@example.com]:";

    // Enter everywhere and an empty password: nothing changes, nothing asked.
    let mut p = Pty::spawn(&env, &["edit", "old-name"]);
    p.expect("✔ Integration family · hub")
        .expect("Integration type")
        .send(ENTER)
        .expect("Integration type: docker")
        .expect("Name [old-name]:")
        .send(ENTER)
        .expect("Registry URL [registry.example.com:5000]:")
        .send(ENTER)
        .expect("Username [user]:")
        .send(ENTER)
        .expect_password("Password (leave empty to keep the current one):")
        .send(ENTER)
        .expect("Password (leave empty to keep the current one): unchanged")
        .expect(EMAIL)
        .send(ENTER)
        .expect("Nothing changed for old-name.")
        .exits_with(0);
    assert!(!p.transcript.contains("Save?"), "{}", p.transcript);
    assert_eq!(env.show("old-name"), before);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("pw-old"));

    // A new name, a new password and the email removed: same id, secret
    // replaced, after a summary of the changes.
    let mut p = Pty::spawn(&env, &["edit", "old-name"]);
    p.expect("Integration type")
        .send(ENTER)
        .expect("Name [old-name]:")
        .line("new-name")
        .expect("Registry URL [registry.example.com:5000]:")
        .send(ENTER)
        .expect("Username [user]:")
        .send(ENTER)
        .expect_password("Password (leave empty to keep the current one):")
        .line("pw-new")
        .expect_password("Repeat password:")
        .line("pw-new")
        .expect(EMAIL)
        .line("-")
        .expect("Changes to old-name:")
        .expect("Name      old-name → new-name")
        .expect(&format!(
            "Password  ******** (new, kept in {})",
            env.store_described()
        ))
        .expect("Email     a@example.com → (none)")
        .expect("Save? [Y/n]")
        .send(ENTER)
        .expect("Updated integration new-name and its password.")
        .exits_with(0);
    assert!(!p.transcript.contains("pw-new"), "{}", p.transcript);
    let after = env.show("new-name");
    assert_eq!(common::id_of(&after), id);
    assert_eq!(after["registry"], "registry.example.com:5000");
    assert_eq!(after["email"], Value::Null);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("pw-new"));
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 1);
}

/// Ctrl-C at a prompt: exit 130, nothing written, terminal restored.
#[test]
fn ctrl_c_at_a_prompt_cancels_cleanly() {
    needs_keyring!();
    let env = TestEnv::new();

    // At a select (the subscriptions), which hides the cursor.
    let args = [
        "add",
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
    ];
    let mut p = Pty::spawn_with(&env, &args, false);
    p.expect_password("Password:")
        .line("pw")
        .expect_password("Repeat password:")
        .line("pw")
        .expect("Attach to subscriptions")
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
    let mut p = Pty::spawn(&env, &args);
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
