//! The Docker credential helper protocol, driven through the binary under
//! its helper name (`docker-credential-hubint`, a symlink to the test
//! binary) and as `hubint credential-helper`.

mod common;

use common::{NOT_FOUND, TestEnv, creds, stderr, stdout};

#[test]
fn usage_and_version() {
    let env = TestEnv::new();
    snapshot!(env, env.helper(&[]), @r"
    success: false
    exit_code: 1
    ----- stdout -----
    Usage: docker-credential-hubint <store|get|erase|list|version>

    ----- stderr -----
    ");
    snapshot!(env, env.helper(&["get", "extra"]), @r"
    success: false
    exit_code: 1
    ----- stdout -----
    Usage: docker-credential-hubint <store|get|erase|list|version>

    ----- stderr -----
    ");
    snapshot!(env, env.helper(&["--help"]), @r"
    success: false
    exit_code: 1
    ----- stdout -----
    Unknown credential action `--help`
    Usage: docker-credential-hubint <store|get|erase|list|version>

    ----- stderr -----
    ");
    snapshot!(env, env.helper(&["version"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----
    docker-credential-hubint (hubint) v0.1.0

    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["credential-helper"]), @r"
    success: false
    exit_code: 1
    ----- stdout -----
    Usage: hubint credential-helper <store|get|erase|list|version>

    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["credential-helper", "version"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----
    docker-credential-hubint (hubint) v0.1.0

    ----- stderr -----
    ");
}

#[test]
fn store_rejects_incomplete_credentials_with_upstream_messages() {
    let env = TestEnv::new();
    for (input, expected) in [
        (
            r#"{"Username":"u","Secret":"s"}"#,
            "no credentials server URL\n",
        ),
        (
            r#"{"ServerURL":"","Username":"u","Secret":"s"}"#,
            "no credentials server URL\n",
        ),
        (
            r#"{"ServerURL":"x.io","Secret":"s"}"#,
            "no credentials username\n",
        ),
        (
            r#"{"serverurl":"x.io","USERNAME":null,"Secret":"s"}"#,
            "no credentials username\n",
        ),
    ] {
        let out = env.run_helper(&["store"], input);
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert_eq!(stdout(&out), expected, "{input}");
    }
    for (input, expected) in [
        ("", "cannot read the credentials JSON"),
        ("{not json", "cannot read the credentials JSON"),
        (r#"{"ServerURL":5}"#, "ServerURL is a number, not a string"),
        (
            r#"{"ServerURL":"ftp://x.io","Username":"u","Secret":"s"}"#,
            "invalid credentials server URL 'ftp://x.io'",
        ),
    ] {
        let out = env.run_helper(&["store"], input);
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(stdout(&out).contains(expected), "{input}: {}", stdout(&out));
    }
    // Nothing was created by any of these.
    let out = env.run_helper(&["list"], "");
    assert_eq!(stdout(&out), "{}\n");
}

#[test]
fn not_found_paths() {
    let env = TestEnv::new();
    assert_eq!(env.helper_get("localhost:5000"), (1, NOT_FOUND.into()));
    assert_eq!(
        env.helper_get("https://index.docker.io/v1/"),
        (1, NOT_FOUND.into())
    );
    // Not a registry address at all: still just "not found".
    assert_eq!(env.helper_get("not a url"), (1, NOT_FOUND.into()));
    // Erase of nothing succeeds silently, as upstream's helpers do
    // (containers/image turns an erase failure into a crash).
    let out = env.run_helper(&["erase"], "localhost:5000");
    assert_eq!(
        (out.status.code(), stdout(&out), stderr(&out)),
        (Some(0), String::new(), String::new())
    );
    for action in ["get", "erase"] {
        let out = env.run_helper(&[action], " \n");
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stdout(&out), "no credentials server URL\n");
        assert_eq!(stderr(&out), "hubint: error: no credentials server URL\n");
    }
    snapshot!(env, env.helper(&["list"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----
    {}

    ----- stderr -----
    ");
}

#[test]
fn every_spelling_of_a_registry_finds_the_same_integration() {
    needs_keyring!();
    let env = TestEnv::new();
    let json = r#"{"serverurl":"https://localhost:5000/v2/","USERNAME":"alice","Secret":"pw-1"}"#;
    snapshot!(env, env.helper(&["store"]).pass_stdin(json), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    hubint: created integration localhost-5000-alice for localhost:5000
    ");
    for url in [
        "localhost:5000",
        "http://localhost:5000",
        "https://localhost:5000",
        "https://localhost:5000/v2/",
        "  LOCALHOST:5000 \n",
    ] {
        let trimmed = url.trim();
        assert_eq!(
            env.helper_get(url),
            (0, creds(trimmed, "alice", "pw-1")),
            "{url:?}"
        );
    }
    assert_eq!(env.helper_get("localhost:5001"), (1, NOT_FOUND.into()));
    assert_eq!(env.helper_get("localhost"), (1, NOT_FOUND.into()));
    let out = env.run_helper(&["list"], "");
    assert_eq!(stdout(&out), "{\"localhost:5000\":\"alice\"}\n");
    snapshot!(env, env.cmd(&["show", "localhost-5000-alice"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            localhost-5000-alice
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        localhost:5000
     username        alice
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    ");
}

#[test]
fn docker_hub_spellings_and_identity_tokens_round_trip() {
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store("https://index.docker.io/v1/", "<token>", "identity-token-1");
    for url in [
        "docker.io",
        "index.docker.io",
        "registry-1.docker.io",
        "https://index.docker.io/v1/",
        "https://index.docker.io/v1",
    ] {
        assert_eq!(
            env.helper_get(url),
            (0, creds(url, "<token>", "identity-token-1")),
            "{url}"
        );
    }
    // A second store for the same registry and username updates it in place.
    env.helper_store("docker.io", "<token>", "identity-token-2");
    assert_eq!(
        env.helper_get("docker.io"),
        (0, creds("docker.io", "<token>", "identity-token-2"))
    );
    let out = env.run_helper(&["list"], "");
    assert_eq!(
        stdout(&out),
        "{\"https://index.docker.io/v1/\":\"<token>\"}\n"
    );
    snapshot!(env, env.cmd(&["show", "docker.io-token"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            docker.io-token
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        https://index.docker.io/v1/
     username        <token>
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    ");
}

#[test]
fn erase_removes_and_then_reports_not_found() {
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store("registry.example.com:5000", "bob", "pw");
    snapshot!(env, env.helper(&["erase"]).pass_stdin("https://registry.example.com:5000"), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    hubint: deleted integration registry.example.com-5000-bob
    ");
    assert_eq!(
        env.helper_get("registry.example.com:5000"),
        (1, NOT_FOUND.into())
    );
    // Logging out again is a silent success.
    let out = env.run_helper(&["erase"], "registry.example.com:5000");
    assert_eq!(
        (out.status.code(), stdout(&out), stderr(&out)),
        (Some(0), String::new(), String::new())
    );
    let out = env.run(&["list", "--json"], "");
    assert_eq!(stdout(&out), "[]\n");
}

#[test]
fn erase_keeps_an_integration_that_subscriptions_use() {
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store("localhost:5000", "alice", "pw");
    let out = env.run(
        &["subscription", "attach", "ci", "localhost-5000-alice"],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    snapshot!(env, env.helper(&["erase"]).pass_stdin("localhost:5000"), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    hubint: localhost-5000-alice still serves localhost:5000 for ci
    hubint: logged out of localhost:5000 for tools without HUBINT_SUBSCRIPTION; `hubint integration edit localhost-5000-alice --default` serves it to them again
    ");
    // Tools without a subscription are logged out; ci keeps the login, its
    // link and its secret.
    assert_eq!(env.helper_get("localhost:5000"), (1, NOT_FOUND.into()));
    let mut get = env.helper(&["get"]);
    get.env("HUBINT_SUBSCRIPTION", "ci");
    assert_eq!(
        stdout(&common::feed(get, "localhost:5000")),
        creds("localhost:5000", "alice", "pw")
    );
    snapshot!(env, env.cmd(&["subscription", "list"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    ci	localhost-5000-alice

    ----- stderr -----
    ");
}

#[test]
fn an_unreachable_keyring_is_an_error_not_a_wait() {
    local_store_only!("an unreachable OS keyring (the team store uses none)");
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store("localhost:5000", "alice", "pw");
    let mut cmd = env.helper(&["get"]);
    cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    let out = common::feed(cmd, "localhost:5000");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("there is no D-Bus session bus"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("pw"));
}

#[cfg(unix)] // a pseudo-terminal (rexpect)
#[test]
fn erase_never_prompts_even_on_a_terminal() {
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store("localhost:5000", "alice", "pw");
    // `integration delete` would ask for confirmation on a terminal; the
    // helper must not.
    let mut cmd = env.helper(&["erase"]);
    cmd.stdin(std::process::Stdio::inherit()); // the pty
    let mut session = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn on a pty");
    session.send_line("localhost:5000").unwrap();
    session.send_control('d').unwrap();
    session
        .exp_string("deleted integration localhost-5000-alice")
        .unwrap();
    session.exp_eof().unwrap();
    assert_eq!(env.helper_get("localhost:5000"), (1, NOT_FOUND.into()));
}

/// Locks the shared test keyring, so it runs only on request and alone:
/// `bash tests/run --test credential_helper -- --ignored --exact locked_keyring_is_an_error_not_a_prompt`
#[test]
#[ignore = "locks the keyring of the whole test run; run it alone"]
fn locked_keyring_is_an_error_not_a_prompt() {
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store("localhost:5000", "alice", "pw");
    let lock = std::process::Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.secrets",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            "array:objpath:/org/freedesktop/secrets/collection/login",
        ])
        .output()
        .unwrap();
    assert!(lock.status.success(), "{}", stderr(&lock));
    // Watch the Secret Service calls: on a desktop an `Unlock` call opens a
    // dialog and waits for it, which a credential helper must never do.
    let mut monitor = std::process::Command::new("dbus-monitor")
        .args([
            "--session",
            "type='method_call',interface='org.freedesktop.Secret.Service'",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("dbus-monitor (package dbus)");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (code, out) = env.helper_get("localhost:5000");
    let erase = env.run_helper(&["erase"], "localhost:5000");
    let json = r#"{"ServerURL":"localhost:5001","Username":"bob","Secret":"pw"}"#;
    let store = env.run_helper(&["store"], json);
    std::thread::sleep(std::time::Duration::from_millis(300));
    monitor.kill().unwrap();
    let calls = String::from_utf8_lossy(&monitor.wait_with_output().unwrap().stdout).into_owned();
    assert_eq!(code, 1);
    assert!(out.starts_with("the OS keyring is locked"), "{out}");
    assert_eq!(erase.status.code(), Some(1), "{}", stdout(&erase));
    assert_eq!(store.status.code(), Some(1), "{}", stdout(&store));
    // A new item: the creation itself is refused (no lock check before it).
    assert!(
        stdout(&store).starts_with("the OS keyring is locked"),
        "{}",
        stdout(&store)
    );
    assert!(calls.contains("member=SearchItems"), "{calls}");
    assert!(
        !calls.contains("member=Unlock"),
        "asked to unlock:\n{calls}"
    );
}
