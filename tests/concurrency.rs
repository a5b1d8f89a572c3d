//! 16 processes at once against one `HUBINT_HOME`, each adding, editing,
//! attaching, detaching and deleting integrations round after round, with
//! the OS keyring and with the encrypted file store. Afterwards: no row lost
//! or duplicated, no "database is locked" shown to anyone, no orphan
//! secret, and `hubint doctor` reports healthy.
//!
//! The size runs in seconds on a 2-core CI machine; scale it up with
//! `HUBINT_TEST_STRESS_PROCESSES` and `HUBINT_TEST_STRESS_ROUNDS` (keyring)
//! or `HUBINT_TEST_STRESS_FILE_ROUNDS` (file store, ~0.5 s of scrypt per
//! secret write).

mod common;

use std::collections::BTreeMap;

use common::{TestEnv, assert_ok, keyring_items, scale, summary};

const PASS: &str = "stress test passphrase";
/// Commands per round: add, edit, attach, detach, and delete or keep.
const OPS: usize = 5;

/// What one worker left: the integrations it kept (name → id, password)
/// and the ids of those it deleted.
#[derive(Default)]
struct Outcome {
    kept: BTreeMap<String, (String, String)>,
    deleted: Vec<String>,
}

fn worker(env: &TestEnv, w: usize, rounds: usize) -> Outcome {
    let mut outcome = Outcome::default();
    let own = format!("own-{w:02}");
    for r in 0..rounds {
        let name = format!("w{w:02}-r{r:02}");
        let run = |args: &[&str], stdin: &str| {
            let out = env.run(args, stdin);
            assert_ok(&format!("{name}: hubint {}", args.join(" ")), &out);
            out
        };
        let first = format!("first-{name}-pw");
        let add = [
            "add",
            "--name",
            &name,
            "--username",
            "u",
            "--password-stdin",
            "--subscription",
            &own,
            "--json",
        ];
        let out = run(&add, &first);
        let added: serde_json::Value = serde_json::from_slice(&out.stdout).expect("add --json");
        let id = added["id"].as_str().expect("id").to_string();
        let second = format!("second-{name}-pw");
        run(
            &["edit", &name, "--username", "u2", "--password-stdin"],
            &second,
        );
        run(&["subscription", "attach", "shared", &name], "");
        run(&["subscription", "detach", "shared", &name], "");
        if (w + r).is_multiple_of(2) {
            run(&["delete", &name, "--yes", "--detach-all"], "");
            outcome.deleted.push(id);
        } else {
            outcome.kept.insert(name, (id, second));
        }
    }
    outcome
}

/// Run the workers at once, then check everything they left. Returns
/// (processes, rounds, commands).
fn stress(env: &TestEnv, rounds: usize) -> (usize, usize, Outcome) {
    let processes = scale("HUBINT_TEST_STRESS_PROCESSES", 16);
    let outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..processes)
            .map(|w| s.spawn(move || worker(env, w, rounds)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker"))
            .collect()
    });
    let mut all = Outcome::default();
    for o in outcomes {
        all.kept.extend(o.kept);
        all.deleted.extend(o.deleted);
    }

    // Every kept row is there once, with its last password; nothing else.
    let list = env.json(&["list"]);
    let rows = list.as_array().expect("list --json");
    let listed: Vec<(&str, &str)> = rows
        .iter()
        .map(|i| (i["name"].as_str().unwrap(), i["id"].as_str().unwrap()))
        .collect();
    let expected: Vec<(&str, &str)> = all
        .kept
        .iter()
        .map(|(name, (id, _))| (name.as_str(), id.as_str()))
        .collect();
    assert_eq!(listed, expected, "rows lost, duplicated or left over");
    for row in rows {
        let name = row["name"].as_str().unwrap();
        assert_eq!(row["username"], "u2", "{name}: the edit was lost");
        let own = format!("own-{}", &name[1..3]);
        assert_eq!(row["subscriptions"], serde_json::json!([own]), "{name}");
        let vars = env.json(&["env", name]);
        let key = format!(
            "{}_INTEGRATION_PASSWORD",
            name.to_uppercase().replace('-', "")
        );
        assert_eq!(
            vars[&key],
            all.kept[name].1.as_str(),
            "{name}: wrong password"
        );
    }
    let subs = env.json(&["subscription", "list"]);
    let shared = subs
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "shared")
        .expect("the shared subscription exists");
    assert_eq!(
        shared["integrations"],
        serde_json::json!([]),
        "a detach was lost"
    );

    let doctor = env.output(&["doctor", "--json"]);
    assert_ok("doctor", &doctor);
    let report: serde_json::Value = serde_json::from_slice(&doctor.stdout).unwrap();
    assert_eq!(report["healthy"], true, "{report:#}");
    (processes, rounds, all)
}

#[test]
fn sixteen_processes_with_the_os_keyring() {
    needs_keyring!();
    // This checks consistency under contention, not latency: on a loaded
    // 2-core CI machine a keyring call queued behind 15 others can take
    // longer than the 5 s default timeout.
    let env = TestEnv::new()
        .with_env("HUBINT_SECRET_STORE", "keyring")
        .with_env("HUBINT_KEYRING_TIMEOUT", "60");
    let rounds = scale("HUBINT_TEST_STRESS_ROUNDS", 4);
    let (processes, rounds, all) = stress(&env, rounds);
    for id in &all.deleted {
        assert_eq!(keyring_items(id), 0, "the secret of deleted {id} is left");
    }
    for (name, (id, _)) in &all.kept {
        assert_eq!(keyring_items(id), 1, "{name}: not exactly one keyring item");
    }
    summary(&format!(
        "concurrency, OS keyring: {processes} processes x {rounds} round(s) x {OPS} operations = \
         {} commands held; {} rows kept, {} deleted, nothing lost",
        processes * rounds * OPS,
        all.kept.len(),
        all.deleted.len()
    ));
}

#[test]
fn sixteen_processes_with_the_file_store() {
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS)
        .with_env("HUBINT_SECRET_STORE", "file");
    let rounds = scale("HUBINT_TEST_STRESS_FILE_ROUNDS", 1);
    let (processes, rounds, all) = stress(&env, rounds);
    let secrets = env.file_secrets(PASS);
    let kept: Vec<&String> = all.kept.values().map(|(id, _)| id).collect();
    assert_eq!(secrets.keys().collect::<Vec<_>>().len(), kept.len());
    for (name, (id, password)) in &all.kept {
        assert_eq!(secrets.get(id), Some(password), "{name}");
    }
    summary(&format!(
        "concurrency, file store: {processes} processes x {rounds} round(s) x {OPS} operations = \
         {} commands held; {} rows kept, {} deleted, nothing lost",
        processes * rounds * OPS,
        all.kept.len(),
        all.deleted.len()
    ));
}
