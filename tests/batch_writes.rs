//! Bulk writes go through the store's batch (issue 17): an import writes
//! every new secret before it commits any row, in one write of the file
//! store, and `move --all` copies every secret before it switches any row.
//! A crash between the two steps leaves what `hubint doctor --fix` repairs.

mod common;

use common::{TestEnv, keyring_items, require_keyring};

const PASS: &str = "batch test passphrase";
const N: usize = 30;

fn env() -> TestEnv {
    require_keyring();
    TestEnv::new().with_env("HUBINT_PASSPHRASE", PASS)
}

/// A docker config.json with `N` logins (plaintext username and password).
fn config(env: &TestEnv) -> std::path::PathBuf {
    let auths: serde_json::Map<String, serde_json::Value> = (0..N)
        .map(|i| {
            let login =
                serde_json::json!({"username": format!("user{i}"), "password": format!("pw-{i}")});
            (format!("registry{i}.example.com"), login)
        })
        .collect();
    let path = env.root().join("config.json");
    let text = serde_json::json!({ "auths": auths }).to_string();
    std::fs::write(&path, text).unwrap();
    path
}

fn import(env: &TestEnv, store: &str, failpoint: Option<&str>) -> std::process::Output {
    let path = config(env);
    let mut cmd = env.cmd(&["import", "docker-config", path.to_str().unwrap()]);
    cmd.env("HUBINT_SECRET_STORE", store);
    if let Some(point) = failpoint {
        cmd.env("HUBINT_FAILPOINT", point);
    }
    cmd.output().unwrap()
}

/// `doctor --json ARGS...`: (exit code, report).
fn doctor(env: &TestEnv, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["doctor", "--json"];
    all.extend_from_slice(args);
    let out = env.output(&all);
    let report = serde_json::from_slice(&out.stdout).expect("doctor --json");
    (out.status.code().unwrap(), report)
}

#[test]
fn an_import_crashed_between_secrets_and_rows_is_repaired_by_doctor() {
    needs_keyring!();
    let env = env();
    // Killed after the batch write, before the rows: every secret is in the
    // file already (one write), no row is.
    let out = import(&env, "file", Some("create-after-secret:abort"));
    assert_eq!(out.status.code(), None, "{}", common::stderr(&out));
    assert_eq!(env.file_secrets(PASS).len(), N);
    assert!(env.names().is_empty());
    let (code, report) = doctor(&env, &["--fix"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["fixed"], N);
    assert!(env.file_secrets(PASS).is_empty());
    assert_eq!(doctor(&env, &[]).1["healthy"], true);

    // Then the import itself: every login, each readable by the helper.
    let out = import(&env, "file", None);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(env.names().len(), N);
    assert_eq!(env.file_secrets(PASS).len(), N);
    let (_, secret) = env.helper_get("registry7.example.com");
    assert!(secret.contains("pw-7"), "{secret}");
}

#[test]
fn an_import_into_the_keyring_uses_the_batch_too() {
    needs_keyring!();
    let env = env();
    let out = import(&env, "keyring", Some("create-after-secret:abort"));
    assert_eq!(out.status.code(), None, "{}", common::stderr(&out));
    assert!(env.names().is_empty());
    let (code, report) = doctor(&env, &["--fix"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["fixed"], N);
    let out = import(&env, "keyring", None);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(env.names().len(), N);
    let (_, secret) = env.helper_get("registry29.example.com");
    assert!(secret.contains("pw-29"), "{secret}");
}

#[test]
fn move_all_copies_every_secret_before_it_switches_a_row() {
    needs_keyring!();
    let env = env();
    let out = import(&env, "keyring", None);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let ids: Vec<String> = env.names().iter().map(|n| env.id(n)).collect();

    // Killed before the commit: every secret is copied, every row still
    // says keyring; the copies are strays that doctor removes.
    let out = env
        .cmd(&["move", "--all", "--to", "file"])
        .env("HUBINT_FAILPOINT", "move-before-commit:abort")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), None, "{}", common::stderr(&out));
    assert_eq!(env.file_secrets(PASS).len(), N);
    for name in env.names() {
        assert_eq!(env.show(&name)["secret_store"], "keyring");
    }
    assert_eq!(doctor(&env, &["--fix"]).0, 0);
    assert!(env.file_secrets(PASS).is_empty());

    // Then the move itself, and back.
    let out = env.output(&["move", "--all", "--to", "file"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(env.file_secrets(PASS).len(), N);
    assert!(ids.iter().all(|id| keyring_items(id) == 0));
    let out = env.output(&["move", "--all", "--to", "keyring"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(env.file_secrets(PASS).is_empty());
    assert!(ids.iter().all(|id| keyring_items(id) == 1));
    let (_, secret) = env.helper_get("registry3.example.com");
    assert!(secret.contains("pw-3"), "{secret}");
}
