//! `hubint verify` against servers on 127.0.0.1: a real Docker registry
//! with htpasswd (Basic), a token-auth fixture (Bearer), a closed port, a
//! server that never answers and a web server that is not a registry.

mod common;
mod fixtures;

use common::{TestEnv, contains};
use fixtures::cases::{PASSWORD, add, run_clean, token_registry};
use fixtures::{HttpServer, Registry, Reply, Request, SilentServer, free_port};

#[test]
fn basic_auth_against_a_real_registry() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd");
    let registry = Registry::start("user", PASSWORD);
    let env = TestEnv::new();
    add(&env, "good", &registry.url(), "user", PASSWORD);
    add(&env, "wrong-password", &registry.url(), "user", "not-it");
    add(&env, "wrong-user", &registry.url(), "nobody", PASSWORD);

    snap!(env, env.cmd(&["verify", "good"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    good	127.0.0.1:[PORT]	ok	credentials accepted (basic auth)

    ----- stderr -----
    ");
    snap!(env, env.cmd(&["integration", "verify", "wrong-password"]), @"
    success: false
    exit_code: 6
    ----- stdout -----
    wrong-password	127.0.0.1:[PORT]	unauthorized	GET http://127.0.0.1:[PORT]/v2/ with basic auth: 401 Unauthorized

    ----- stderr -----
    error: verification of 'wrong-password' failed: unauthorized
    hint: the detail names the step that failed; correct rejected credentials with `hubint integration edit wrong-password --verify` and the right --username or --password-stdin
    ");
    snap!(env, env.cmd(&["verify", "wrong-user", "--json"]), @r#"
    success: false
    exit_code: 6
    ----- stdout -----
    [
      {
        "name": "wrong-user",
        "registry": "127.0.0.1:[PORT]",
        "result": "unauthorized",
        "step": "login",
        "endpoint": "http://127.0.0.1:[PORT]/v2/",
        "detail": "GET http://127.0.0.1:[PORT]/v2/ with basic auth: 401 Unauthorized",
        "verified_at": "[TIME]"
      }
    ]

    ----- stderr -----
    error: verification of 'wrong-user' failed: unauthorized
    hint: the detail names the step that failed; correct rejected credentials with `hubint integration edit wrong-user --verify` and the right --username or --password-stdin
    "#);
    for name in ["good", "wrong-password", "wrong-user"] {
        run_clean(&env, &["verify", name]);
    }
    // The last result is recorded and shown.
    snap!(env, env.cmd(&["show", "good"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            good
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        127.0.0.1:[PORT]
     username        user
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  ok ([TIME])

    ----- stderr -----
    ");
    snap!(env, env.cmd(&["list", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    [
      {
        "id": "[ID]",
        "name": "good",
        "family": "hub",
        "type": "docker",
        "registry": "127.0.0.1:[PORT]",
        "username": "user",
        "email": null,
        "subscriptions": [],
        "secret_store": "keyring",
        "created_at": "[TIME]",
        "updated_at": "[TIME]",
        "last_verified_at": "[TIME]",
        "last_verification": "ok"
      },
      {
        "id": "[ID]",
        "name": "wrong-password",
        "family": "hub",
        "type": "docker",
        "registry": "127.0.0.1:[PORT]",
        "username": "user",
        "email": null,
        "subscriptions": [],
        "secret_store": "keyring",
        "created_at": "[TIME]",
        "updated_at": "[TIME]",
        "last_verified_at": "[TIME]",
        "last_verification": "unauthorized"
      },
      {
        "id": "[ID]",
        "name": "wrong-user",
        "family": "hub",
        "type": "docker",
        "registry": "127.0.0.1:[PORT]",
        "username": "nobody",
        "email": null,
        "subscriptions": [],
        "secret_store": "keyring",
        "created_at": "[TIME]",
        "updated_at": "[TIME]",
        "last_verified_at": "[TIME]",
        "last_verification": "unauthorized"
      }
    ]

    ----- stderr -----
    "#);
    assert!(!contains(&env.db_bytes(), PASSWORD.as_bytes()));
}

#[test]
fn bearer_token_auth() {
    needs_keyring!();
    let server = token_registry();
    let env = TestEnv::new();
    add(&env, "good", &server.url(), "user", PASSWORD);
    add(&env, "bad", &server.url(), "user", "not-it");

    snap!(env, env.cmd(&["verify", "good"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    good	127.0.0.1:[PORT]	ok	credentials accepted (bearer token from http://127.0.0.1:[PORT]/token)

    ----- stderr -----
    ");
    snap!(env, env.cmd(&["verify", "bad"]), @"
    success: false
    exit_code: 6
    ----- stdout -----
    bad	127.0.0.1:[PORT]	unauthorized	token request to http://127.0.0.1:[PORT]/token: 401 Unauthorized

    ----- stderr -----
    error: verification of 'bad' failed: unauthorized
    hint: the detail names the step that failed; correct rejected credentials with `hubint integration edit bad --verify` and the right --username or --password-stdin
    ");
    run_clean(&env, &["verify", "good", "--json"]);

    // The token request carries the challenge's service and scope, the
    // account and client_id, and basic auth; never the password in the URL.
    let token_requests: Vec<Request> = server
        .requests()
        .into_iter()
        .filter(|r| r.path() == "/token")
        .collect();
    assert!(!token_requests.is_empty());
    for r in &token_requests {
        for pair in [
            "service=hubint-fixture",
            "scope=registry%3Acatalog%3A*",
            "account=user",
            "client_id=hubint",
        ] {
            assert!(
                r.query().split('&').any(|p| p == pair),
                "{pair} in {}",
                r.query()
            );
        }
        assert!(!r.target.contains(PASSWORD));
        assert!(
            r.header("authorization")
                .is_some_and(|a| a.starts_with("Basic "))
        );
    }
}

#[test]
fn failures_name_their_step() {
    needs_keyring!();
    let silent = SilentServer::start();
    let web = HttpServer::start(|_: &Request, _| {
        Reply::new(200, "<html><body>Welcome</body></html>").header("Content-Type", "text/html")
    });
    let env = TestEnv::new();
    add(
        &env,
        "closed",
        &format!("127.0.0.1:{}", free_port()),
        "user",
        PASSWORD,
    );
    add(&env, "silent", &silent.url(), "user", PASSWORD);
    add(&env, "website", &web.url(), "user", PASSWORD);

    snap!(env, env.cmd(&["verify", "closed"]), @"
    success: false
    exit_code: 6
    ----- stdout -----
    closed	127.0.0.1:[PORT]	unreachable	GET https://127.0.0.1:[PORT]/v2/: connection refused

    ----- stderr -----
    error: verification of 'closed' failed: unreachable
    hint: the detail names the step that failed
    ");
    snap!(env, env.cmd(&["verify", "silent", "--timeout", "1"]), @"
    success: false
    exit_code: 6
    ----- stdout -----
    silent	127.0.0.1:[PORT]	timeout	GET https://127.0.0.1:[PORT]/v2/: no answer within 1s (--timeout)

    ----- stderr -----
    error: verification of 'silent' failed: timeout
    hint: the detail names the step that failed
    ");
    snap!(env, env.cmd(&["verify", "website"]), @"
    success: false
    exit_code: 6
    ----- stdout -----
    website	127.0.0.1:[PORT]	not-a-registry	GET http://127.0.0.1:[PORT]/v2/: 200 OK without a Docker-Distribution-API-Version header

    ----- stderr -----
    error: verification of 'website' failed: not-a-registry
    hint: the detail names the step that failed
    ");
    snap!(env, env.cmd(&["verify", "--all", "--timeout", "1", "--json"]), @r#"
    success: false
    exit_code: 6
    ----- stdout -----
    [
      {
        "name": "closed",
        "registry": "127.0.0.1:[PORT]",
        "result": "unreachable",
        "step": "probe",
        "endpoint": "https://127.0.0.1:[PORT]/v2/",
        "detail": "GET https://127.0.0.1:[PORT]/v2/: connection refused",
        "verified_at": "[TIME]"
      },
      {
        "name": "silent",
        "registry": "127.0.0.1:[PORT]",
        "result": "timeout",
        "step": "probe",
        "endpoint": "https://127.0.0.1:[PORT]/v2/",
        "detail": "GET https://127.0.0.1:[PORT]/v2/: no answer within 1s (--timeout)",
        "verified_at": "[TIME]"
      },
      {
        "name": "website",
        "registry": "127.0.0.1:[PORT]",
        "result": "not-a-registry",
        "step": "probe",
        "endpoint": "http://127.0.0.1:[PORT]/v2/",
        "detail": "GET http://127.0.0.1:[PORT]/v2/: 200 OK without a Docker-Distribution-API-Version header",
        "verified_at": "[TIME]"
      }
    ]

    ----- stderr -----
    error: 3 of 3 integrations failed verification: closed (unreachable), silent (timeout), website (not-a-registry)
    hint: the detail names the step that failed
    "#);
}
