//! The team store (`store = team`) against a real OpenBao dev server
//! (`tests/common/bao.rs`): the commands, the credential helper, scoped
//! tokens, a stopped and a sealed server. Two machines racing and doctor
//! are in `tests/team_race.rs`.

mod common;

use std::time::{Duration, Instant};

use common::{
    Bao, NOT_FOUND, TestEnv, add_as_user as add, creds, exit_of as code, hubint_ok as ok, stderr,
    stdout,
};

#[test]
fn commands_work_on_the_team_store() {
    needs_bao!();
    let bao = Bao::start();
    let env = bao.machine();
    add(&env, "Prod", "pw-prod", &["--url", "ghcr.io"]);
    // Names are unique ignoring case.
    let out = env.run(
        &[
            "add",
            "--name",
            "prod",
            "--username",
            "u",
            "--password-stdin",
        ],
        "x",
    );
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    add(&env, "dev", "pw-dev", &[]);
    let list = ok(&env, &["list"], "");
    assert!(
        list.starts_with("dev\t") && list.contains("\nProd\t"),
        "{list}"
    );
    let shown = env.show("prod");
    assert_eq!(shown["secret_store"], "team");
    assert_eq!(shown["registry"], "ghcr.io");
    // Nothing local: no database, no file store.
    assert!(!env.db_path().exists() && !env.secrets_path().exists());

    // A rename keeps the id and the secret.
    ok(&env, &["edit", "prod", "--name", "live", "--no-input"], "");
    let renamed = env.show("live");
    assert_eq!(renamed["id"], shown["id"]);
    assert_eq!(code(&env.output(&["show", "prod"])), 3);
    assert_eq!(
        env.helper_get("ghcr.io"),
        (0, creds("ghcr.io", "user", "pw-prod"))
    );
    let out = env.run(
        &[
            "add",
            "--name",
            "PROD",
            "--username",
            "u",
            "--password-stdin",
        ],
        "x",
    );
    assert!(
        out.status.success(),
        "the old name is free again: {}",
        stderr(&out)
    );

    // Subscriptions, and delete refused while attached.
    ok(&env, &["subscription", "create", "ci"], "");
    ok(&env, &["subscription", "attach", "ci", "live"], "");
    ok(&env, &["subscription", "attach", "CI", "dev"], "");
    assert_eq!(ok(&env, &["subscription", "list"], ""), "ci\tdev, live\n");
    let out = env.run(&["delete", "live", "--yes"], "");
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    ok(&env, &["subscription", "detach", "ci", "live"], "");
    ok(&env, &["delete", "live", "--yes"], "");
    assert_eq!(code(&env.output(&["show", "live"])), 3);
    assert_eq!(env.helper_get("ghcr.io"), (1, NOT_FOUND.to_string()));
    ok(&env, &["subscription", "rename", "ci", "ci-2"], "");
    assert_eq!(
        env.show("dev")["subscriptions"],
        serde_json::json!(["ci-2"])
    );
    ok(&env, &["delete", "dev", "--detach-all", "--yes"], "");
    assert_eq!(ok(&env, &["subscription", "list"], ""), "ci-2\t-\n");
    let secrets = bao.ok(&["kv", "list", "-format=json", "hubint/secrets"]);
    assert_eq!(
        secrets.matches('-').count(),
        4,
        "one secret (PROD) left: {secrets}"
    );

    // env prints the variables from the team store.
    let vars = ok(&env, &["env", "PROD", "--shell", "posix"], "");
    assert!(vars.contains("'x'"), "{vars}");
}

#[test]
fn credential_helper_on_the_team_store() {
    needs_bao!();
    let bao = Bao::start();
    let env = bao.machine();
    env.helper_store("registry.example.com", "bob", "s3cret");
    assert_eq!(
        env.helper_get("https://registry.example.com"),
        (0, creds("https://registry.example.com", "bob", "s3cret"))
    );
    let out = env.run_helper(&["list"], "");
    assert!(
        stdout(&out).contains("registry.example.com"),
        "{}",
        stdout(&out)
    );
    // Another machine sees it at once.
    let other = bao.machine();
    assert_eq!(
        other.helper_get("registry.example.com"),
        (0, creds("registry.example.com", "bob", "s3cret"))
    );
    let out = other.run_helper(&["erase"], "registry.example.com");
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(
        env.helper_get("registry.example.com"),
        (1, NOT_FOUND.to_string())
    );
}

#[test]
fn a_token_scoped_to_one_subscription() {
    needs_bao!();
    let bao = Bao::start();
    let admin = bao.machine();
    add(
        &admin,
        "mine",
        "pw-mine",
        &["--url", "a.example.com", "--subscription", "ci"],
    );
    add(
        &admin,
        "theirs",
        "pw-theirs",
        &["--url", "b.example.com", "--subscription", "other"],
    );
    let id = admin.show("mine")["id"].as_str().unwrap().to_string();
    let policy = format!(
        "path \"hubint/data/subscriptions/ci\" {{ capabilities = [\"read\"] }}\n\
         path \"hubint/data/integrations/{id}\" {{ capabilities = [\"read\"] }}\n\
         path \"hubint/data/secrets/{id}\" {{ capabilities = [\"read\"] }}\n"
    );
    let out = bao.run_with(&["policy", "write", "ci-only", "-"], &policy);
    assert!(out.status.success(), "{}", stderr(&out));
    let token = bao.ok(&["token", "create", "-policy=ci-only", "-field=token"]);
    let ci = bao
        .machine()
        .with_env("VAULT_TOKEN", &token)
        .with_env("HUBINT_SUBSCRIPTION", "ci");
    assert_eq!(
        ci.helper_get("a.example.com"),
        (0, creds("a.example.com", "user", "pw-mine"))
    );
    let out = ci.run(&["doctor"], "");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("team layout\tskipped"),
        "{}",
        stdout(&out)
    );
    let (code_b, text) = ci.helper_get("b.example.com");
    assert_eq!(code_b, 1);
    assert!(!text.contains("pw-theirs"), "{text}");
    // Outside the scope, a clear 403: exit 5, one sentence and the fix.
    let out = ci.run(&["show", "theirs"], "");
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: permission denied by the team store"),
        "{err}"
    );
    assert!(err.contains("hint: "), "{err}");
    assert!(!err.contains(&token) && !err.contains("pw-"), "{err}");
    // A token that is not valid at all says so.
    let out = bao
        .machine()
        .with_env("VAULT_TOKEN", "not-a-token")
        .run(&["list"], "");
    assert_eq!(code(&out), 5);
    assert!(
        stderr(&out).contains("refused the token"),
        "{}",
        stderr(&out)
    );
    // A token that was valid and has expired: the same, within the timeout.
    let short = bao.ok(&["token", "create", "-ttl=1s", "-field=token"]);
    let expiring = bao.machine().with_env("VAULT_TOKEN", &short);
    assert_eq!(code(&expiring.run(&["list"], "")), 0);
    std::thread::sleep(std::time::Duration::from_secs(3));
    let out = expiring.run(&["list"], "");
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("invalid or expired") && err.contains("hint: "),
        "{err}"
    );
    assert!(!err.contains(&short), "{err}");
}

#[test]
fn a_stopped_or_sealed_server_fails_with_exit_5() {
    needs_bao!();
    let mut bao = Bao::start();
    let env = bao.machine();
    add(&env, "one", "pw", &[]);
    bao.ok(&["operator", "seal"]);
    let out = env.run(&["list"], "");
    assert_eq!(code(&out), 5);
    assert!(stderr(&out).contains("is sealed"), "{}", stderr(&out));
    bao.stop();
    let started = Instant::now();
    for args in [&["list"][..], &["show", "one"], &["delete", "one", "--yes"]] {
        let out = env.run(args, "");
        assert_eq!(code(&out), 5, "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("error: cannot reach the team store at http://127.0.0.1:"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 2, "one line and a hint: {err}");
    }
    let (code_get, _) = env.helper_get("docker.io");
    assert_eq!(code_get, 1);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    // A black hole is bounded by VAULT_CLIENT_TIMEOUT.
    let hole = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", hole.local_addr().unwrap());
    let slow = env_with_addr(&addr).with_env("VAULT_CLIENT_TIMEOUT", "1s");
    let started = Instant::now();
    let out = slow.run(&["list"], "");
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        stderr(&out).contains("did not answer within 1s"),
        "{}",
        stderr(&out)
    );
}

fn env_with_addr(addr: &str) -> TestEnv {
    TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_STORE", "team")
        .with_env("HUBINT_TEAM_ADDR", addr)
        .with_env("VAULT_TOKEN", "t")
}

#[test]
fn config_set_store_team_selects_it() {
    needs_bao!();
    let bao = Bao::start();
    let env = TestEnv::new()
        .without_keyring()
        .with_env("VAULT_TOKEN", common::BAO_ROOT);
    ok(&env, &["config", "set", "store", "team"], "");
    ok(&env, &["config", "set", "team-addr", &bao.addr], "");
    add(&env, "x", "pw", &[]);
    assert_eq!(env.show("x")["secret_store"], "team");
    bao.ok(&["kv", "get", "hubint/names/x"]);
    // The team store keeps its secrets itself.
    let out = env.run(
        &[
            "add",
            "--name",
            "y",
            "--username",
            "u",
            "--password-stdin",
            "--secret-store",
            "file",
        ],
        "pw",
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let out = env.run(&["config", "set", "store", "vault"], "");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}
