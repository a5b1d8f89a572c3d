//! The team store with many writers: two machines (two HUBINT_HOMEs) on
//! one OpenBao dev server, and doctor on what a crash leaves.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Bao, add_as_user as add, exit_of as code, hubint_ok as ok, stderr, stdout};

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
