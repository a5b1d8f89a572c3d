//! Errors that are not about one command: the command line itself, the
//! documented exit codes, and a reader that closes the pipe early.

mod common;

use common::TestEnv;

#[test]
fn no_command_is_a_usage_error() {
    let env = TestEnv::new();
    let out = env.output(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("Usage: hubint"), "{stderr}");
}

#[test]
fn unknown_commands_and_flags_are_usage_errors() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["frobnicate"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unrecognized subcommand 'frobnicate'

    Usage: hubint [OPTIONS] <COMMAND>

    For more information, try '--help'.
    ");
    snapshot!(env, env.cmd(&["list", "--bogus"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unexpected argument '--bogus' found

    Usage: hubint list [OPTIONS]

    For more information, try '--help'.
    ");
    snapshot!(env, env.cmd(&["show"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the following required arguments were not provided:
      <NAME>

    Usage: hubint show <NAME>

    For more information, try '--help'.
    ");
    snapshot!(env, env.cmd(&["subscription", "attach", "only-one"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the following required arguments were not provided:
      <INTEGRATION>

    Usage: hubint subscription attach <SUBSCRIPTION> <INTEGRATION>

    For more information, try '--help'.
    ");
}

#[test]
fn help_documents_exit_codes_and_environment() {
    let env = TestEnv::new();
    let out = env.output(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "0    ok",
        "1    other failure",
        "2    usage error or invalid value",
        "3    not found",
        "4    conflict: name taken, or integration still in use",
        "5    secret store unavailable or locked",
        "7    doctor found problems",
        "130  cancelled at a prompt",
        "HUBINT_HOME",
        "HUBINT_KEYRING_TIMEOUT",
        "NO_COLOR",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
    let out = env.output(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("hubint ")
    );
}

#[test]
fn every_command_has_help() {
    let env = TestEnv::new();
    for args in [
        &["add", "--help"][..],
        &["integration", "edit", "--help"],
        &["delete", "--help"],
        &["list", "--help"],
        &["show", "--help"],
        &["subscription", "attach", "--help"],
        &["subscription", "detach", "--help"],
        &["subscription", "list", "--help"],
    ] {
        let out = env.output(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
}

/// One integration attached to enough subscriptions that `list` writes far
/// more than a pipe holds (64 KiB), so the writer must hit the closed pipe.
fn big_env() -> TestEnv {
    let env = TestEnv::new();
    let subs: Vec<String> = (0..1200)
        .map(|i| format!("sub-{i:04}-{}", "x".repeat(55)))
        .collect();
    let mut extra = Vec::new();
    for sub in &subs {
        extra.extend(["--subscription", sub.as_str()]);
    }
    env.add("big", "pw", &extra);
    env
}

#[test]
fn a_reader_closing_the_pipe_early_is_not_an_error() {
    needs_keyring!();
    let env = big_env();
    for args in [
        &["list", "--json"][..],
        &["list"],
        &["show", "big"],
        &["subscription", "list", "--json"],
        &["subscription", "list"],
    ] {
        let mut cmd = env.cmd(args);
        cmd.env_remove("COLUMNS");
        let out = env.head(cmd, 10);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn an_unusable_data_directory_is_named_in_the_error() {
    let env = TestEnv::new();
    let file = env.path().join("not-a-dir");
    std::fs::write(&file, "").unwrap();
    snapshot!(env, env.cmd(&["list"]).env("HUBINT_HOME", &file), @"
    success: false
    exit_code: 1
    ----- stdout -----

    ----- stderr -----
    error: cannot create directory [HOME]/not-a-dir: File exists (os error 17)
    ");
}
