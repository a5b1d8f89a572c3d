//! Renaming a subscription on the team store while another machine
//! attaches to it (src/team/catalog/rename.rs): no attach is lost, and a
//! rename cut short is named by doctor and finished by `--fix`.

mod common;

use common::{Bao, add_as_user as add, exit_of as code, hubint_ok as ok, stderr};

/// The integrations of the one subscription there is, and its name.
fn the_subscription(env: &common::TestEnv) -> (String, Vec<String>) {
    let subs = env.json(&["subscription", "list"]);
    let subs = subs.as_array().expect("a list");
    assert_eq!(subs.len(), 1, "{subs:?}");
    let names = subs[0]["integrations"]
        .as_array()
        .expect("integrations")
        .iter()
        .map(|v| v.as_str().expect("a name").to_string())
        .collect();
    (subs[0]["name"].as_str().unwrap().to_string(), names)
}

/// The integrations attached to `sub` (none if it does not exist).
fn members(env: &common::TestEnv, sub: &str) -> Vec<String> {
    let subs = env.json(&["subscription", "list"]);
    subs.as_array()
        .expect("a list")
        .iter()
        .filter(|s| s["name"] == sub)
        .flat_map(|s| s["integrations"].as_array().cloned().unwrap_or_default())
        .map(|v| v.as_str().expect("a name").to_string())
        .collect()
}

#[test]
fn no_attach_is_lost_to_a_concurrent_rename() {
    needs_bao!();
    let bao = Bao::start();
    let (a, b) = (bao.machine(), bao.machine());
    for round in 0..10 {
        let (from, to) = (format!("s{round}"), format!("t{round}"));
        ok(&a, &["subscription", "create", &from], "");
        let batch: Vec<String> = (0..3).map(|i| format!("r{round}i{i}")).collect();
        for name in &batch {
            add(&a, name, "pw", &[]);
        }
        std::thread::scope(|scope| {
            scope.spawn(|| ok(&b, &["subscription", "rename", &from, &to], ""));
            for name in &batch {
                let out = a.run(&["subscription", "attach", &from, name], "");
                match code(&out) {
                    0 => {}
                    // Renamed meanwhile: as the hint says, the new name.
                    4 => drop(ok(&a, &["subscription", "attach", &to, name], "")),
                    _ => panic!("attach {from} {name}: {}", stderr(&out)),
                }
            }
        });
        // Each attach is in the renamed subscription, or in a new one of
        // the old name that an attach after the rename created.
        let mut all = members(&a, &from);
        all.extend(members(&a, &to));
        all.sort();
        assert_eq!(all, batch, "round {round}");
        for name in &batch {
            let links = a.show(name)["subscriptions"].clone();
            assert_eq!(links.as_array().map(Vec::len), Some(1), "{name}: {links}");
        }
    }
    let out = a.run(&["doctor"], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn doctor_finishes_a_rename_cut_short() {
    needs_bao!();
    let bao = Bao::start();
    let env = bao.machine();
    add(&env, "hub", "pw", &[]);
    env.attach("old", "hub");
    // What a crash right after the mark leaves: the old document, marked.
    let doc = bao.ok(&[
        "kv",
        "get",
        "-mount=hubint",
        "-format=json",
        "subscriptions/old",
    ]);
    let mut data: serde_json::Value = serde_json::from_str(&doc).unwrap();
    let mut data = data["data"]["data"].take();
    data["renamed_to"] = "new".into();
    let out = bao.run_with(
        &["kv", "put", "-mount=hubint", "subscriptions/old", "-"],
        &data.to_string(),
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let out = env.run(&["subscription", "attach", "old", "hub", "--no-input"], "");
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("renamed to 'new' meanwhile"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["doctor"], "");
    assert_ne!(code(&out), 0);
    assert!(
        stderr(&out).contains("the rename of subscription old to new was interrupted")
            || common::stdout(&out)
                .contains("the rename of subscription old to new was interrupted"),
        "{}{}",
        common::stdout(&out),
        stderr(&out)
    );
    ok(&env, &["doctor", "--fix"], "");
    for key in ["subscriptions/old", "subscriptions/new"] {
        let out = bao.run(&["kv", "get", "-mount=hubint", "-format=json", key]);
        eprintln!("{key}: {}{}", common::stdout(&out), stderr(&out));
    }
    let (sub, attached) = the_subscription(&env);
    assert_eq!((sub.as_str(), attached), ("new", vec!["hub".to_string()]));
    assert_eq!(env.show("hub")["subscriptions"], serde_json::json!(["new"]));
    ok(&env, &["doctor"], "");
}
