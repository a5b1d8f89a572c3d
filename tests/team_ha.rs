//! The Raft cluster fixture (tests/common/bao_raft.rs) under a leader
//! kill: a writer runs `bao kv put` in a loop against a follower while the
//! leader is killed; every write either completes or fails, nothing
//! acknowledged is lost or written twice, and the cluster serves again
//! after re-election. The same with hubint itself: `hubint add` in a loop
//! against a follower while the leader is killed.

#[path = "common/bao_raft.rs"]
mod bao_raft;
mod common;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use bao_raft::{Client, RaftCluster};
use common::{TestEnv, creds, exit_of as code, stderr, stdout};

/// What the writer saw: the keys acknowledged and the ones that failed.
#[derive(Default)]
struct Writes {
    acknowledged: Vec<usize>,
    failed: Vec<usize>,
    /// Acknowledged after the new leader was elected.
    after: usize,
}

/// Write `ha/k<i>` for i = 0, 1, ... until `elected` is set and then ten
/// writes in a row succeeded (or two minutes passed).
fn writer(client: Client, elected: &AtomicBool) -> Writes {
    let mut writes = Writes::default();
    let deadline = Instant::now() + Duration::from_secs(120);
    // Successes in a row since the new leader was elected.
    let mut streak = 0;
    let mut i = 0;
    while Instant::now() < deadline && streak < 10 {
        let (key, value) = (format!("ha/k{i}"), format!("v=value-{i}"));
        // Read the flag before the write: a write counts as after the
        // election only if it started after it.
        let after = elected.load(Ordering::SeqCst);
        let out = client.run(&["kv", "put", "-mount=hubint", &key, &value]);
        if out.status.success() {
            writes.acknowledged.push(i);
            if after {
                writes.after += 1;
                streak += 1;
            }
        } else {
            writes.failed.push(i);
            streak = 0;
            std::thread::sleep(Duration::from_millis(100));
        }
        i += 1;
    }
    writes
}

#[test]
fn writes_survive_a_leader_kill() {
    let Some(bao) = bao_raft::bao_or_skip() else {
        return;
    };
    let mut cluster = RaftCluster::start(&bao);
    // The writer talks to a follower, which forwards to the leader and
    // outlives it.
    let node = cluster.follower();
    let client = cluster.client(node);
    let elected = AtomicBool::new(false);
    let (writes, old, new) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| writer(client, &elected));
        std::thread::sleep(Duration::from_secs(2));
        let (old, new) = cluster.kill_leader();
        elected.store(true, Ordering::SeqCst);
        (handle.join().unwrap(), old, new)
    });
    assert_ne!(old, new);
    assert!(cluster.alive(node), "the writer's node was killed");
    assert!(writes.after >= 10, "the cluster did not serve writes again");

    // Nothing acknowledged is lost, nothing is written twice.
    for &i in &writes.acknowledged {
        let key = format!("ha/k{i}");
        let out = cluster.run(new, &["kv", "get", "-mount=hubint", "-format=json", &key]);
        assert!(
            out.status.success(),
            "{key} is lost: {}",
            common::stderr(&out)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["data"]["data"]["v"], format!("value-{i}"), "{key}");
        assert_eq!(
            doc["data"]["metadata"]["version"], 1,
            "{key} was written twice"
        );
    }
    // A failed write may or may not have landed, but never twice.
    for &i in &writes.failed {
        let key = format!("ha/k{i}");
        let out = cluster.run(
            new,
            &[
                "kv",
                "metadata",
                "get",
                "-mount=hubint",
                "-format=json",
                &key,
            ],
        );
        if out.status.success() {
            let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(doc["data"]["current_version"], 1, "{key} was written twice");
        }
    }
    eprintln!(
        "leader node{} killed, node{} elected; {} writes acknowledged ({} after the election), \
         {} failed",
        old + 1,
        new + 1,
        writes.acknowledged.len(),
        writes.after,
        writes.failed.len()
    );
}

/// Each `hubint add` is bounded: a few requests, each within
/// VAULT_CLIENT_TIMEOUT (2 s here).
const ADD_BOUND: Duration = Duration::from_secs(30);

/// `hubint add ha-<i>` (registry `r<i>.example.com`, password `pw-<i>`)
/// for i = 0, 1, ... until `elected` is set and then ten adds in a row
/// succeeded (or two minutes passed). Each exits 0 or 5 (one line and a
/// hint), within [`ADD_BOUND`].
fn hubint_writer(env: &TestEnv, elected: &AtomicBool) -> Writes {
    let mut writes = Writes::default();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut streak = 0;
    let mut i = 0;
    while Instant::now() < deadline && streak < 10 {
        let (name, url) = (format!("ha-{i}"), format!("r{i}.example.com"));
        let after = elected.load(Ordering::SeqCst);
        let started = Instant::now();
        let args = [
            "add",
            "--name",
            &name,
            "--url",
            &url,
            "--username",
            "user",
            "--password-stdin",
        ];
        let out = env.run(&args, &format!("pw-{i}"));
        let took = started.elapsed();
        assert!(took < ADD_BOUND, "add {name} took {took:?}");
        match code(&out) {
            0 => {
                writes.acknowledged.push(i);
                if after {
                    writes.after += 1;
                    streak += 1;
                }
            }
            5 => {
                let err = stderr(&out);
                assert!(err.starts_with("error: "), "add {name}: {err}");
                assert!(err.lines().count() <= 2, "one line and a hint: {err}");
                writes.failed.push(i);
                streak = 0;
                std::thread::sleep(Duration::from_millis(100));
            }
            c => panic!("add {name} exited {c}: {}", stderr(&out)),
        }
        i += 1;
    }
    writes
}

/// The names `list --json` shows, asserting none appears twice.
fn listed(env: &TestEnv) -> BTreeSet<String> {
    let out = env.run(&["list", "--json"], "");
    assert!(out.status.success(), "list: {}", stderr(&out));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut names = BTreeSet::new();
    for row in &rows {
        let name = row["name"].as_str().unwrap().to_string();
        assert!(names.insert(name.clone()), "{name} is listed twice");
    }
    names
}

/// Integration `ha-<i>` is whole: shown, and the helper gives its password.
fn assert_whole(env: &TestEnv, i: usize) {
    let shown = env.show(&format!("ha-{i}"));
    assert_eq!(shown["username"], "user", "{shown}");
    let url = format!("r{i}.example.com");
    assert_eq!(
        env.helper_get(&url),
        (0, creds(&url, "user", &format!("pw-{i}"))),
        "ha-{i}"
    );
}

#[test]
fn hubint_adds_survive_a_leader_kill() {
    let Some(bao) = bao_raft::bao_or_skip() else {
        return;
    };
    let mut cluster = RaftCluster::start(&bao);
    let node = cluster.follower();
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_STORE", "team")
        .with_env("HUBINT_TEAM_ADDR", &cluster.nodes[node].addr)
        .with_env("VAULT_TOKEN", &cluster.root_token)
        .with_env("VAULT_CLIENT_TIMEOUT", "2s");
    let elected = AtomicBool::new(false);
    let (writes, old, new) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| hubint_writer(&env, &elected));
        std::thread::sleep(Duration::from_secs(3));
        let (old, new) = cluster.kill_leader();
        elected.store(true, Ordering::SeqCst);
        (handle.join().unwrap(), old, new)
    });
    assert_ne!(old, new);
    assert!(cluster.alive(node), "the writer's node was killed");
    assert!(
        writes.after >= 10,
        "hubint did not add again after re-election"
    );
    eprintln!(
        "leader node{} killed, node{} elected; {} adds acknowledged ({} after the election), \
         {} failed",
        old + 1,
        new + 1,
        writes.acknowledged.len(),
        writes.after,
        writes.failed.len()
    );

    // Nothing acknowledged is lost.
    let names = listed(&env);
    for &i in &writes.acknowledged {
        assert!(names.contains(&format!("ha-{i}")), "ha-{i} is lost");
        assert_whole(&env, i);
    }
    // Doctor is healthy, or `--fix` repairs what the failed adds left.
    let out = env.run(&["doctor"], "");
    if !out.status.success() {
        eprintln!("doctor after the kill:\n{}", stdout(&out));
        assert_eq!(code(&out), 7, "{}{}", stdout(&out), stderr(&out));
        let out = env.run(&["doctor", "--fix"], "");
        assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
        let out = env.run(&["doctor"], "");
        assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    }
    // The repair lost nothing acknowledged; a failed add is whole or gone.
    let names = listed(&env);
    for &i in &writes.acknowledged {
        assert!(names.contains(&format!("ha-{i}")), "ha-{i} lost by the fix");
        assert_whole(&env, i);
    }
    for &i in &writes.failed {
        if names.contains(&format!("ha-{i}")) {
            assert_whole(&env, i);
        } else {
            assert_eq!(code(&env.run(&["show", &format!("ha-{i}")], "")), 3);
        }
    }
}
