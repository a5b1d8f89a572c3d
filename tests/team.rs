//! The team store (`store = team`) against a real OpenBao dev server
//! (`tests/common/bao.rs`): the commands, the credential helper, scoped
//! tokens, a stopped and a sealed server, and two machines racing.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::Output;
use std::time::{Duration, Instant};

use common::{Bao, NOT_FOUND, TestEnv, creds, stderr, stdout};

fn ok(env: &TestEnv, args: &[&str], stdin: &str) -> String {
    let out = env.run(args, stdin);
    assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
    stdout(&out)
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn add(env: &TestEnv, name: &str, password: &str, extra: &[&str]) {
    let mut args = vec![
        "add",
        "--name",
        name,
        "--username",
        "user",
        "--password-stdin",
    ];
    args.extend_from_slice(extra);
    ok(env, &args, password);
}

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

/// Two machines (two HUBINT_HOMEs), 8 processes of mixed writes on
/// overlapping names: every command succeeds or fails cleanly, names stay
/// unique, and no link points to a missing row.
#[test]
fn two_machines_racing_keep_the_invariants() {
    needs_bao!();
    let bao = Bao::start();
    let machines = [bao.machine(), bao.machine()];
    ok(&machines[0], &["subscription", "create", "shared"], "");
    let done = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for worker in 0..8 {
            let env = &machines[worker % 2];
            let done = &done;
            scope.spawn(move || {
                for round in 0..8 {
                    let name = format!("n{}", (worker + round) % 5);
                    let other = format!("n{}", (worker * 3 + round) % 5);
                    let add = [
                        "add",
                        "--name",
                        &name,
                        "--username",
                        "u",
                        "--password-stdin",
                    ];
                    let out = match (worker + round * 3) % 7 {
                        0 | 1 => env.run(&add, "pw"),
                        2 => env.run(&["subscription", "attach", "shared", &name], ""),
                        3 => env.run(&["subscription", "detach", "shared", &name], ""),
                        4 => env.run(&["edit", &name, "--name", &other, "--no-input"], ""),
                        5 => env.run(&["edit", &name, "--username", "v", "--no-input"], ""),
                        _ => env.run(&["delete", &name, "--yes"], ""),
                    };
                    let c = code(&out);
                    assert!(matches!(c, 0 | 3 | 4), "exit {c}: {}", stderr(&out));
                    if c == 0 {
                        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let done = done.into_inner();
    eprintln!("{done} of 64 commands succeeded");
    assert!(done >= 16, "only {done} of 64 commands succeeded");
    check_invariants(&bao);
    let out = machines[1].run(&["doctor"], "");
    assert!(
        out.status.success(),
        "doctor: {}{}",
        stdout(&out),
        stderr(&out)
    );
}

/// What a crash leaves (a name key without its row, a secret of an
/// interrupted add, a link to a row that is gone): doctor names each one,
/// `--fix` repairs them, and then it is healthy.
#[test]
fn doctor_names_and_fixes_what_a_crash_leaves() {
    needs_bao!();
    let bao = Bao::start();
    let env = bao.machine();
    add(&env, "kept", "pw", &["--subscription", "ci"]);
    let out = env.run(&["doctor"], "");
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("team layout\tok"), "{}", stdout(&out));
    let id = env.show("kept")["id"].as_str().unwrap().to_string();
    bao.ok(&["kv", "put", "hubint/names/ghost", "id=nope"]);
    bao.ok(&["kv", "put", "hubint/pending/orphan", "store=team"]);
    bao.ok(&["kv", "put", "hubint/secrets/orphan", "password=leftover"]);
    let sub = serde_json::json!({"name": "ci", "created_at": "2026-01-01T00:00:00Z",
        "integrations": [id, "gone"]});
    let out = bao.run_with(
        &["kv", "put", "hubint/subscriptions/ci", "-"],
        &sub.to_string(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = env.run(&["doctor"], "");
    assert_eq!(code(&out), 7, "{}", stdout(&out));
    let report = stdout(&out);
    for what in [
        "name key ghost",
        "secret orphan",
        "missing integration gone",
    ] {
        assert!(report.contains(what), "{what}: {report}");
    }
    assert!(!report.contains("leftover"), "{report}");
    let out = env.run(&["doctor", "--fix"], "");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let out = env.run(&["doctor"], "");
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        bao.run(&["kv", "get", "hubint/secrets/orphan"])
            .status
            .code()
            == Some(2)
    );
    assert_eq!(env.show("kept")["subscriptions"], serde_json::json!(["ci"]));
}

/// Names unique (one row per lower-case name, matching its name key), and
/// every link of the subscription names a live row that links back.
fn check_invariants(bao: &Bao) {
    let list = |folder: &str| -> Vec<String> {
        let out = bao.run(&["kv", "list", "-format=json", &format!("hubint/{folder}")]);
        serde_json::from_slice(&out.stdout).unwrap_or_default()
    };
    let get = |key: &str| -> serde_json::Value {
        serde_json::from_str(&bao.ok(&["kv", "get", "-format=json", &format!("hubint/{key}")]))
            .unwrap()
    };
    let mut names = BTreeMap::new();
    for id in list("integrations") {
        let row = &get(&format!("integrations/{id}"))["data"]["data"];
        assert_eq!(row["deleting"], false, "no tombstone left: {row}");
        let lower = row["name"].as_str().unwrap().to_lowercase();
        assert!(
            names.insert(lower.clone(), id.clone()).is_none(),
            "two rows named {lower}"
        );
        assert_eq!(
            get(&format!("names/{lower}"))["data"]["data"]["id"],
            id.as_str()
        );
    }
    let keys: BTreeSet<String> = list("names").into_iter().collect();
    assert_eq!(
        keys,
        names.keys().cloned().collect(),
        "every name key has its row"
    );
    let sub = &get("subscriptions/shared")["data"]["data"];
    for id in sub["integrations"].as_array().unwrap() {
        let id = id.as_str().unwrap();
        assert!(names.values().any(|x| x == id), "dangling link to {id}");
        let row = &get(&format!("integrations/{id}"))["data"]["data"];
        assert!(row["subscriptions"].to_string().contains("shared"), "{row}");
    }
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
