//! `hubint edit NAME` without a terminal: every change flag, the secret kept
//! across a rename, and the refusals that change nothing.

mod common;

use common::TestEnv;

#[test]
fn rename_keeps_the_same_secret() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id(
        "before-rename",
        "rename-secret",
        &["--subscription", "keep-sub"],
    );
    snapshot!(env, env.cmd(&["edit", "before-rename", "--name", "after-rename", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "id": "[ID]",
      "name": "after-rename",
      "family": "hub",
      "type": "docker",
      "registry": "https://index.docker.io/v1/",
      "username": "user",
      "email": null,
      "subscriptions": [
        "keep-sub"
      ],
      "secret_store": "keyring",
      "created_at": "[TIME]",
      "updated_at": "[TIME]",
      "last_verified_at": null,
      "last_verification": null
    }

    ----- stderr -----
    Updated integration after-rename.
    "#);
    assert_eq!(env.id("after-rename"), id);
    assert_eq!(env.names(), ["after-rename"]);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("rename-secret"));
    assert_eq!(env.stored_items(&id), 1);
    snapshot!(env, env.cmd(&["show", "before-rename"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no integration named 'before-rename'
    hint: run `hubint integration list` to see the integrations
    ");
}

#[test]
fn rename_changing_only_the_case_is_allowed() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("case-only", "pw", &[]);
    snapshot!(env, env.cmd(&["edit", "CASE-ONLY", "--name", "Case-Only"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            Case-Only
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        https://index.docker.io/v1/
     username        user
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    Updated integration Case-Only.
    ");
    assert_eq!(env.names(), ["Case-Only"]);
}

#[test]
fn url_username_and_email_change() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id(
        "edit-fields",
        "fields-secret",
        &["--email", "old@example.com"],
    );
    snapshot!(env, env.cmd(&[
        "integration", "edit", "edit-fields", "--url", "https://Registry.Example.com:5000/v2/",
        "--username", "new-user", "--email", "new@example.com",
    ]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            edit-fields
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        registry.example.com:5000
     username        new-user
     email           new@example.com
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    Updated integration edit-fields.
    ");
    snapshot!(env, env.cmd(&["edit", "edit-fields", "--clear-email", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "id": "[ID]",
      "name": "edit-fields",
      "family": "hub",
      "type": "docker",
      "registry": "registry.example.com:5000",
      "username": "new-user",
      "email": null,
      "subscriptions": [],
      "secret_store": "keyring",
      "created_at": "[TIME]",
      "updated_at": "[TIME]",
      "last_verified_at": null,
      "last_verification": null
    }

    ----- stderr -----
    Updated integration edit-fields.
    "#);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("fields-secret"));
}

#[test]
fn email_and_clear_email_conflict() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["edit", "whatever", "--email", "a@example.com", "--clear-email"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the argument '--email <EMAIL>' cannot be used with '--clear-email'

    Usage: hubint edit --email <EMAIL> <NAME>

    For more information, try '--help'.
    ");
}

#[test]
fn password_change_updates_the_keyring() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("edit-pw", "old-password", &[]);
    snapshot!(env, env.cmd(&["edit", "edit-pw", "--password-stdin"]).pass_stdin("new-password\n"), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            edit-pw
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        https://index.docker.io/v1/
     username        user
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    Updated integration edit-pw and its password.
    ");
    assert_eq!(env.stored_secret(&id).as_deref(), Some("new-password"));
    assert_eq!(env.stored_items(&id), 1);

    let file = env.path().join("pw");
    std::fs::write(&file, "file-password\n").unwrap();
    let out = env
        .cmd(&["edit", "edit-pw", "--password-file"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(env.stored_secret(&id).as_deref(), Some("file-password"));

    snapshot!(env, env.cmd(&["edit", "edit-pw", "--password", "argv-password"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            edit-pw
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        https://index.docker.io/v1/
     username        user
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    warning: --password is insecure: the password is visible to other processes. Use --password-stdin instead
    Updated integration edit-pw and its password.
    ");
    assert_eq!(env.stored_secret(&id).as_deref(), Some("argv-password"));
    for password in [
        "old-password",
        "new-password",
        "file-password",
        "argv-password",
    ] {
        env.assert_no_password_in_db(password);
    }
}

#[test]
fn rename_and_password_change_together() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("both-old", "both-old-pw", &[]);
    let out = env.run(
        &["edit", "both-old", "--name", "both-new", "--password-stdin"],
        "both-new-pw",
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(env.id("both-new"), id);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("both-new-pw"));
}

#[test]
fn empty_new_password_is_rejected_and_the_old_one_kept() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("edit-empty-pw", "kept-password", &[]);
    snapshot!(env, env.cmd(&["edit", "edit-empty-pw", "--password-stdin"]).pass_stdin("\n"), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid password from --password-stdin: the password cannot be empty
    ");
    assert_eq!(env.stored_secret(&id).as_deref(), Some("kept-password"));
}

#[test]
fn no_change_flags_without_a_terminal_is_a_usage_error() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("edit-nothing", "pw", &[]);
    let before = env.json(&["show", "edit-nothing"]);
    snapshot!(env, env.cmd(&["edit", "edit-nothing"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: nothing to change for 'edit-nothing'
    hint: pass --name, --type, --url, --username, --email, --clear-email, --default, --no-default, --password-stdin or --password-file
    ");
    assert_eq!(env.json(&["show", "edit-nothing"]), before);
}

#[test]
fn same_values_change_nothing() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("edit-same", "pw", &[]);
    let before = env.json(&["show", "edit-same"]);
    snapshot!(env, env.cmd(&["edit", "edit-same", "--username", "user"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            edit-same
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        https://index.docker.io/v1/
     username        user
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    Nothing changed for edit-same.
    ");
    assert_eq!(env.json(&["show", "edit-same"]), before);
}

#[test]
fn edit_to_a_taken_name_is_a_conflict_and_changes_nothing() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("edit-a", "secret-a", &[]);
    env.add("edit-b", "secret-b", &[]);
    let before = env.json(&["list"]);
    let db = env.db_file();
    snapshot!(env, env.cmd(&["edit", "edit-a", "--name", "EDIT-B", "--password-stdin"])
        .pass_stdin("not-stored"), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: an integration named 'edit-b' already exists
    hint: choose another --name, or change the existing one with `hubint integration edit`
    ");
    assert_eq!(env.json(&["list"]), before);
    assert_eq!(env.db_file(), db);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("secret-a"));
}

#[test]
fn invalid_values_are_usage_errors_and_change_nothing() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("edit-invalid", "pw", &[]);
    let before = env.json(&["show", "edit-invalid"]);
    snapshot!(env, env.cmd(&["edit", "edit-invalid", "--name", "bad name"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --name: a name holds only letters, digits, '-', '_' and '.', not a space
    hint: run the command with --help to see what --name accepts
    ");
    snapshot!(env, env.cmd(&["edit", "edit-invalid", "--url", "https://"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid registry URL: it has no host name
    hint: pass --url with a host such as registry.example.com:5000, or leave it out for Docker Hub
    ");
    snapshot!(env, env.cmd(&["edit", "edit-invalid", "--email", "nope@"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --email: expected an address like name@example.com
    hint: run the command with --help to see what --email accepts
    ");
    snapshot!(env, env.cmd(&["edit", "edit-invalid", "--username", ""]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --username: the username cannot be empty
    hint: run the command with --help to see what --username accepts
    ");
    assert_eq!(env.json(&["show", "edit-invalid"]), before);
}

#[test]
fn editing_a_missing_integration_is_not_found() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["edit", "no-such-integration", "--username", "x"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no integration named 'no-such-integration'
    hint: run `hubint integration list` to see the integrations
    ");
}
