//! The Raft cluster fixture (tests/common/bao_raft.rs) under a leader
//! kill: a writer runs `bao kv put` in a loop against a follower while the
//! leader is killed; every write either completes or fails, nothing
//! acknowledged is lost or written twice, and the cluster serves again
//! after re-election.

#[path = "common/bao_raft.rs"]
mod bao_raft;
mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use bao_raft::{Client, RaftCluster};

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
