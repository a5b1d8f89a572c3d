//! The real keyring (the private gnome-keyring of `tests/run`), and what
//! happens when there is none: exit 5, nothing changed.

mod common;

use common::{BusWithoutSecrets, NO_BUS, TestEnv, keyring_items, keyring_label, keyring_secret};

#[test]
fn add_stores_the_secret_under_service_hubint_and_the_id() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("kr-add", "kr-add-Secret-1", &["--url", "kr.example.com"]);
    assert_eq!(keyring_items(&id), 1);
    assert_eq!(keyring_secret(&id).as_deref(), Some("kr-add-Secret-1"));
    assert_eq!(
        keyring_label(&id).as_deref(),
        Some("hubint: kr-add (kr.example.com)")
    );
}

#[test]
fn the_database_never_holds_the_password() {
    needs_keyring!();
    let env = TestEnv::new();
    let first = "db-leak-first-Pa55";
    let second = "db-leak-second-Pa55";
    let id = env.add_id("db-leak", first, &["--subscription", "leak-sub"]);
    env.assert_no_password_in_db(first);

    let out = env.run(
        &["edit", "db-leak", "--name", "db-leak-2", "--password-stdin"],
        second,
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(keyring_secret(&id).as_deref(), Some(second));
    env.assert_no_password_in_db(first);
    env.assert_no_password_in_db(second);

    let out = env.output(&["delete", "db-leak-2", "--yes", "--detach-all"]);
    assert!(out.status.success(), "{out:?}");
    env.assert_no_password_in_db(first);
    env.assert_no_password_in_db(second);
    assert_eq!(keyring_items(&id), 0);
}

#[test]
fn no_dbus_session_fails_with_exit_5_and_adds_nothing() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&[
        "add", "--name", "no-bus", "--username", "u", "--password-stdin", "--subscription", "no-bus-sub",
    ]).env("DBUS_SESSION_BUS_ADDRESS", NO_BUS).pass_stdin("pw"), @"
    success: false
    exit_code: 5
    ----- stdout -----

    ----- stderr -----
    note: new secrets go to the encrypted file store [HOME]/hubint/secrets.age because no OS keyring answered: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or names no running bus), so the OS keyring cannot be reached. Choose a store with --secret-store, HUBINT_SECRET_STORE or `hubint config set secret-store keyring|file`; this note is shown again only when the reason changes.
    error: no passphrase for the encrypted secret store [HOME]/hubint/secrets.age: set HUBINT_PASSPHRASE or HUBINT_PASSPHRASE_FILE
    hint: HUBINT_PASSPHRASE_FILE names a file holding the passphrase; hubint asks for it only when stdin and stderr are terminals and --no-input is not set
    ");
    assert!(env.names().is_empty());
    assert!(
        env.json(&["subscription", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn no_dbus_session_leaves_edit_and_delete_unchanged() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("kr-keep", "kr-keep-secret", &["--subscription", "kr-sub"]);
    let list = env.json(&["list"]);
    snapshot!(env, env.cmd(&["edit", "kr-keep", "--name", "kr-renamed", "--password-stdin"])
        .env("DBUS_SESSION_BUS_ADDRESS", NO_BUS).pass_stdin("kr-new-secret"), @"
        success: false
        exit_code: 5
        ----- stdout -----

        ----- stderr -----
        error: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or names no running bus), so the OS keyring cannot be reached
        hint: run hubint in a session with a D-Bus bus and a Secret Service (`dbus-run-session -- $SHELL`, then start gnome-keyring), or use the encrypted file store: HUBINT_SECRET_STORE=file
        ");
    snapshot!(env, env.cmd(&["delete", "kr-keep", "--yes", "--detach-all"])
        .env("DBUS_SESSION_BUS_ADDRESS", NO_BUS), @"
        success: false
        exit_code: 5
        ----- stdout -----

        ----- stderr -----
        error: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or names no running bus), so the OS keyring cannot be reached
        hint: run hubint in a session with a D-Bus bus and a Secret Service (`dbus-run-session -- $SHELL`, then start gnome-keyring), or use the encrypted file store: HUBINT_SECRET_STORE=file
        ");
    assert_eq!(env.json(&["list"]), list);
    assert_eq!(keyring_secret(&id).as_deref(), Some("kr-keep-secret"));
}

#[test]
fn commands_that_need_no_secret_work_without_a_keyring() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("kr-offline", "kr-offline-secret", &[]);
    for args in [
        &["list"][..],
        &["show", "kr-offline"],
        &["subscription", "attach", "offline-sub", "kr-offline"],
        &["subscription", "list"],
        &["subscription", "detach", "offline-sub", "kr-offline"],
        &[
            "edit",
            "kr-offline",
            "--name",
            "kr-offline-2",
            "--email",
            "a@example.com",
        ],
    ] {
        let out = env
            .cmd(args)
            .env("DBUS_SESSION_BUS_ADDRESS", NO_BUS)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
    }
    // The rename kept the secret: it is keyed by id.
    assert_eq!(env.id("kr-offline-2"), id);
    assert_eq!(keyring_secret(&id).as_deref(), Some("kr-offline-secret"));
}

#[test]
fn a_bus_without_a_secret_service_fails_with_exit_5() {
    needs_keyring!();
    let env = TestEnv::new();
    let bus = BusWithoutSecrets::start();
    snapshot!(env, env.cmd(&["add", "--name", "no-service", "--username", "u", "--password-stdin"])
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address).pass_stdin("pw"), @"
        success: false
        exit_code: 5
        ----- stdout -----

        ----- stderr -----
        note: new secrets go to the encrypted file store [HOME]/hubint/secrets.age because no OS keyring answered: no Secret Service (gnome-keyring, KeePassXC) is running on this D-Bus session bus. Choose a store with --secret-store, HUBINT_SECRET_STORE or `hubint config set secret-store keyring|file`; this note is shown again only when the reason changes.
        error: no passphrase for the encrypted secret store [HOME]/hubint/secrets.age: set HUBINT_PASSPHRASE or HUBINT_PASSPHRASE_FILE
        hint: HUBINT_PASSPHRASE_FILE names a file holding the passphrase; hubint asks for it only when stdin and stderr are terminals and --no-input is not set
        ");
    assert!(env.names().is_empty());
}

#[test]
fn an_invalid_keyring_timeout_is_a_usage_error() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["add", "--name", "bad-timeout", "--username", "u", "--password-stdin"])
        .env("HUBINT_KEYRING_TIMEOUT", "abc").pass_stdin("pw"), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid HUBINT_KEYRING_TIMEOUT: 'abc' is not a number of seconds between 0 and 3600
    hint: keyring-timeout: seconds to wait for the OS keyring before failing with exit 5 (more than 0, at most 3600); or unset HUBINT_KEYRING_TIMEOUT
    ");
    for bad in ["0", "-1", "nan", "inf", "3601"] {
        let out = env
            .cmd(&[
                "add",
                "--name",
                "bad-timeout",
                "--username",
                "u",
                "--password",
                "p",
            ])
            .env("HUBINT_KEYRING_TIMEOUT", bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "HUBINT_KEYRING_TIMEOUT={bad:?}");
    }
    assert!(env.names().is_empty());
}

#[test]
fn a_valid_keyring_timeout_is_accepted() {
    needs_keyring!();
    let env = TestEnv::new();
    let mut cmd = env.cmd(&[
        "add",
        "--name",
        "ok-timeout",
        "--username",
        "u",
        "--password-stdin",
    ]);
    cmd.env("HUBINT_KEYRING_TIMEOUT", "2.5");
    let out = common::feed(cmd, "pw");
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn a_rename_updates_the_label_keyring_uis_show() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("before-rename", "pw-label", &[]);
    let out = env.output(&["edit", "before-rename", "--name", "after-rename"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        keyring_label(&id).as_deref(),
        Some("hubint: after-rename (https://index.docker.io/v1/)")
    );
    assert_eq!(keyring_secret(&id).as_deref(), Some("pw-label"));
}
