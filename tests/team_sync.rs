//! `hubint team push` and `team pull` against a real OpenBao dev server
//! (`tests/common/bao.rs`): a local catalog copied into the team store and
//! back into a fresh data directory, twice (the second run changes
//! nothing), and a push interrupted after its secrets, run again.

mod common;

use common::{
    BAO_ROOT, Bao, TestEnv, add_as_user as add, creds, exit_of as code, hubint_ok as ok, stderr,
};

/// A machine with a local catalog (file store, no keyring) that can reach `bao`.
fn local(bao: &Bao) -> TestEnv {
    TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", "sync-test-passphrase")
        .with_env("HUBINT_TEAM_ADDR", &bao.addr)
        .with_env("VAULT_TOKEN", BAO_ROOT)
}

/// Three integrations, two subscriptions, three links.
fn fill(env: &TestEnv) {
    add(env, "alpha", "pw-alpha", &["--url", "a.example.com"]);
    add(env, "beta", "pw-beta", &["--url", "b.example.com"]);
    add(env, "gamma", "pw-gamma", &["--url", "c.example.com"]);
    env.attach("ci", "alpha");
    env.attach("ci", "beta");
    env.attach("ops", "gamma");
}

/// The counts of `team VERB --json`.
fn counts(env: &TestEnv, verb: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["team", verb, "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(env, &args, "")).expect("json counts")
}

fn expect(
    created: u64,
    updated: u64,
    unchanged: u64,
    subs: u64,
    links: u64,
    dry_run: bool,
) -> serde_json::Value {
    serde_json::json!({
        "created": created, "updated": updated, "unchanged": unchanged,
        "subscriptions_created": subs, "links_added": links, "dry_run": dry_run,
    })
}

/// What `list` and `subscription list` show, the same on every side.
fn catalog_of(env: &TestEnv) -> (String, String) {
    let names = ok(env, &["list"], "")
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect::<Vec<_>>()
        .join(",");
    (names, ok(env, &["subscription", "list"], ""))
}

#[test]
fn push_then_pull_copies_everything_once() {
    needs_bao!();
    let bao = Bao::start();
    let here = local(&bao);
    fill(&here);

    assert_eq!(
        counts(&here, "push", &["--dry-run"]),
        expect(3, 0, 0, 2, 3, true)
    );
    let team = bao.machine();
    assert_eq!(ok(&team, &["list"], ""), "", "a dry run writes nothing");
    assert_eq!(counts(&here, "push", &[]), expect(3, 0, 0, 2, 3, false));

    // The team store has them, secrets and links included.
    assert_eq!(catalog_of(&team), catalog_of(&here));
    assert_eq!(team.show("beta")["secret_store"], "team");
    assert_eq!(
        team.helper_get("b.example.com"),
        (0, creds("b.example.com", "user", "pw-beta"))
    );
    let ci = bao.machine().with_env("HUBINT_SUBSCRIPTION", "ci");
    assert_eq!(
        ci.helper_get("a.example.com"),
        (0, creds("a.example.com", "user", "pw-alpha"))
    );

    // Again: nothing changes.
    assert_eq!(counts(&here, "push", &[]), expect(0, 0, 3, 0, 0, false));
    assert_eq!(catalog_of(&team), catalog_of(&here));

    // A changed password and username are brought in line.
    ok(
        &here,
        &[
            "edit",
            "beta",
            "--username",
            "bob",
            "--password-stdin",
            "--no-input",
        ],
        "pw-new",
    );
    assert_eq!(counts(&here, "push", &[]), expect(0, 1, 2, 0, 0, false));
    assert_eq!(
        team.helper_get("b.example.com"),
        (0, creds("b.example.com", "bob", "pw-new"))
    );

    // Pull into a fresh data directory, with `store = team` not set.
    let fresh = local(&bao);
    assert_eq!(counts(&fresh, "pull", &[]), expect(3, 0, 0, 2, 3, false));
    assert_eq!(catalog_of(&fresh), catalog_of(&here));
    assert_eq!(fresh.show("gamma")["secret_store"], "file");
    assert_ne!(fresh.show("gamma")["id"], here.show("gamma")["id"]);
    assert_eq!(
        fresh.helper_get("b.example.com"),
        (0, creds("b.example.com", "bob", "pw-new"))
    );
    assert_eq!(counts(&fresh, "pull", &[]), expect(0, 0, 3, 0, 0, false));

    // Pull works from a machine whose `store = team` too.
    let out = team.run(&["team", "pull", "--secret-store", "team"], "");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn an_interrupted_push_completes_when_run_again() {
    needs_bao!();
    let bao = Bao::start();
    let here = local(&bao);
    fill(&here);
    for point in ["create-after-secret", "copy-after-create"] {
        let out = here
            .cmd(&["team", "push"])
            .env("HUBINT_FAILPOINT", format!("{point}:abort"))
            .output()
            .expect("run push");
        assert!(!out.status.success(), "{point}: the push was cut short");
    }
    // The first cut left secrets without rows; the second, rows without links.
    let team = bao.machine();
    assert_eq!(ok(&team, &["subscription", "list"], ""), "");
    let counts = counts(&here, "push", &[]);
    assert_eq!(counts, expect(0, 0, 3, 2, 3, false));
    assert_eq!(catalog_of(&team), catalog_of(&here));
    // The secrets the first cut left are pending: doctor --fix removes them.
    ok(&team, &["doctor", "--fix"], "");
    assert_eq!(
        team.helper_get("c.example.com"),
        (0, creds("c.example.com", "user", "pw-gamma"))
    );
}
