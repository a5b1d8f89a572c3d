//! `hubint add` password sources: --password-stdin (one trailing newline
//! stripped), --password-file, --password (with a warning), and the
//! passwords that are refused. The keyring is read back with secret-tool.

mod common;

use common::TestEnv;

#[test]
fn password_stdin_strips_exactly_one_trailing_newline() {
    needs_keyring!();
    let env = TestEnv::new();
    for (name, typed, stored) in [
        ("nl-one", "pw-one\n", "pw-one"),
        ("nl-two", "pw-two\n\n", "pw-two\n"),
        ("nl-crlf", "pw-crlf\r\n", "pw-crlf"),
        ("nl-none", "pw-none", "pw-none"),
        ("nl-inner", "pw with\nline\n", "pw with\nline"),
    ] {
        let id = env.add_id(name, typed, &[]);
        assert_eq!(env.stored_secret(&id).as_deref(), Some(stored), "{typed:?}");
    }
}

#[test]
fn password_file_is_read_and_one_newline_stripped() {
    needs_keyring!();
    let env = TestEnv::new();
    let file = env.path().join("pw.txt");
    std::fs::write(&file, "from-a-file\n").unwrap();
    let out = env.output(&[
        "add",
        "--name",
        "pw-file",
        "--username",
        "u",
        "--password-file",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    common::assert_no_password_in(&out, "from-a-file");
    assert_eq!(
        env.stored_secret(&env.id("pw-file")).as_deref(),
        Some("from-a-file")
    );
}

#[test]
fn password_flag_works_with_a_warning_naming_password_stdin() {
    needs_keyring!();
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&[
        "add", "--name", "pw-flag", "--username", "u", "--password", "on-the-cmdline", "--json",
    ]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "id": "[ID]",
      "name": "pw-flag",
      "family": "hub",
      "type": "docker",
      "registry": "https://index.docker.io/v1/",
      "username": "u",
      "email": null,
      "subscriptions": [],
      "secret_store": "keyring",
      "created_at": "[TIME]",
      "updated_at": "[TIME]",
      "last_verified_at": null,
      "last_verification": null
    }

    ----- stderr -----
    warning: --password is insecure: the password is visible to other processes. Use --password-stdin instead
    Added integration pw-flag (hub/docker for https://index.docker.io/v1/); password stored in the OS keyring.
    "#);
    assert_eq!(
        env.stored_secret(&env.id("pw-flag")).as_deref(),
        Some("on-the-cmdline")
    );
}

#[test]
fn empty_password_is_rejected() {
    needs_keyring!();
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["add", "--name", "empty-stdin", "--username", "u", "--password-stdin"])
        .pass_stdin("\n"), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid password from --password-stdin: the password cannot be empty
    ");
    snapshot!(env, env.cmd(&["add", "--name", "empty-flag", "--username", "u", "--password", ""]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    warning: --password is insecure: the password is visible to other processes. Use --password-stdin instead
    error: invalid password from --password: the password cannot be empty
    ");
    let file = env.path().join("empty");
    std::fs::write(&file, "").unwrap();
    snapshot!(env, env.cmd(&["add", "--name", "empty-file", "--username", "u", "--password-file"])
        .arg(&file), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid password from --password-file: the password cannot be empty
    ");
    assert!(env.names().is_empty());
}

#[test]
fn password_file_errors() {
    needs_keyring!();
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["add", "--name", "nofile", "--username", "u", "--password-file", "missing.txt"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: cannot read password file missing.txt: No such file or directory (os error 2)
    hint: pass the path of a readable file holding the password
    ");
    let file = env.path().join("latin1");
    std::fs::write(&file, b"caf\xe9").unwrap();
    snapshot!(env, env.cmd(&["add", "--name", "badfile", "--username", "u", "--password-file"])
        .arg(&file), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: password file [HOME]/latin1 is not valid UTF-8
    ");
}

#[test]
fn password_sources_are_exclusive() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&[
        "add", "--name", "two-sources", "--username", "u", "--password-stdin", "--password", "x",
    ]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the argument '--password-stdin' cannot be used with '--password <PASSWORD>'

    Usage: hubint add --name <NAME> --username <USERNAME> --password-stdin

    For more information, try '--help'.
    ");
}

#[test]
fn a_password_on_stdin_that_is_not_utf8_is_a_usage_error() {
    needs_keyring!();
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["add", "--name", "latin1-stdin", "--username", "u", "--password-stdin"])
        .pass_stdin(b"caf\xe9\n".to_vec()), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the password on standard input is not valid UTF-8
    ");
    assert!(env.names().is_empty());
}
