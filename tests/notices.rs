//! Notices in plain words: D-Bus errors translated (raw with --verbose),
//! and the file-store note shown once per data directory and reason.

mod common;

use common::{BusWithoutSecrets, NO_BUS, TestEnv};

fn add_without_keyring(env: &TestEnv, name: &str, bus: &str) -> String {
    let mut cmd = env.cmd(&["add", "--name", name, "--username", "u", "--password-stdin"]);
    cmd.env("DBUS_SESSION_BUS_ADDRESS", bus)
        .env("HUBINT_PASSPHRASE", "notice passphrase 1");
    let out = common::feed(cmd, "pw");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_file_store_note_is_shown_once_per_reason() {
    needs_keyring!();
    let env = TestEnv::new();
    let first = add_without_keyring(&env, "note-1", NO_BUS);
    assert!(
        first.contains(
            "note: new secrets go to the encrypted file store [HOME]/hubint/secrets.age"
                .replace("[HOME]", &env.home.display().to_string())
                .as_str()
        ),
        "{first}"
    );
    assert!(first.contains("there is no D-Bus session bus"), "{first}");
    assert!(
        !first.contains("DBus error"),
        "raw error without --verbose: {first}"
    );
    let second = add_without_keyring(&env, "note-2", NO_BUS);
    assert!(!second.contains("note:"), "shown twice: {second}");
    // Another reason: shown again, once.
    let bus = BusWithoutSecrets::start();
    let third = add_without_keyring(&env, "note-3", &bus.address);
    assert!(
        third.contains("no Secret Service (gnome-keyring, KeePassXC) is running"),
        "{third}"
    );
    let fourth = add_without_keyring(&env, "note-4", &bus.address);
    assert!(!fourth.contains("note:"), "shown twice: {fourth}");
}

#[test]
fn dbus_errors_are_one_sentence_with_the_fix_and_raw_with_verbose() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["add", "--name", "nb", "--username", "u", "--password-stdin", "--secret-store", "keyring"])
        .env_remove("DBUS_SESSION_BUS_ADDRESS").env_remove("XDG_RUNTIME_DIR").pass_stdin("pw"), @"
        success: false
        exit_code: 5
        ----- stdout -----

        ----- stderr -----
        error: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or names no running bus), so the OS keyring cannot be reached
        hint: run hubint in a session with a D-Bus bus and a Secret Service (`dbus-run-session -- $SHELL`, then start gnome-keyring), or use the encrypted file store: HUBINT_SECRET_STORE=file
        ");
    snapshot!(env, env.cmd(&["add", "--name", "nb", "--username", "u", "--password-stdin", "--secret-store", "keyring", "--verbose"])
        .env_remove("DBUS_SESSION_BUS_ADDRESS").env_remove("XDG_RUNTIME_DIR").pass_stdin("pw"), @"
        success: false
        exit_code: 5
        ----- stdout -----

        ----- stderr -----
        error: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or names no running bus), so the OS keyring cannot be reached (raw error: Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead)
        hint: run hubint in a session with a D-Bus bus and a Secret Service (`dbus-run-session -- $SHELL`, then start gnome-keyring), or use the encrypted file store: HUBINT_SECRET_STORE=file
        ");
    assert!(env.names().is_empty());
}
