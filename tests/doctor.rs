//! `hubint doctor [--fix] [--json]`: what it finds, what `--fix` repairs
//! (orphan secrets, permissions) and what it never does (delete a row,
//! touch another database's secrets, prompt without a terminal).

mod common;

#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use common::{TestEnv, keyring_items, stderr};

/// `doctor --json ARGS...`: (exit code, report).
fn doctor(env: &TestEnv, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["doctor", "--json"];
    all.extend_from_slice(args);
    let out = env.output(&all);
    common::assert_sane("doctor", &out);
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("doctor --json: {e}: {}", stderr(&out));
    });
    (out.status.code().unwrap(), report)
}

/// The findings of one check, as (status, detail, fix).
fn findings(report: &serde_json::Value, check: &str) -> Vec<(String, String, String)> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == check)
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("-").to_string();
            (s("status"), s("detail"), s("fix"))
        })
        .collect()
}

#[test]
fn a_new_home_is_healthy_and_the_table_says_so() {
    let env = TestEnv::new().without_keyring();
    let mut cmd = env.cmd(&["doctor"]);
    cmd.env("COLUMNS", "200");
    if env.on_team() {
        snapshot!(env, cmd, @"
        success: true
        exit_code: 0
        ----- stdout -----
        team store	ok	[TEAM] answers and is unsealed	-
        team token	ok	the token does not expire	-
        team token	ok	the token may read and write [MOUNT]	-
        team layout	ok	every invariant holds on [MOUNT]	-
        secrets	ok	no integrations yet	-
        permissions	ok	no data directory yet at [HOME]/hubint	-
        docker config	ok	no docker config.json or containers auth.json	-
        cred helpers	ok	no credential helpers configured	-

        ----- stderr -----
        ");
        return;
    }
    snapshot!(env, cmd, @"
    success: true
    exit_code: 0
    ----- stdout -----
    database	ok	no database yet at [HOME]/hubint/hubint.db (nothing added)	-
    permissions	ok	no data directory yet at [HOME]/hubint	-
    keyring	ok	not available (there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or names no running bus), so the OS keyring cannot be reached), and nothing uses it	-
    file store	ok	none at [HOME]/hubint/secrets.age	-
    docker config	ok	no docker config.json or containers auth.json	-
    cred helpers	ok	no credential helpers configured	-

    ----- stderr -----
    ");
}

#[test]
fn a_missing_secret_is_named_with_the_command_and_the_row_is_kept() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("lost", "pw", &[]);
    env.clear_stored_secret(&id);
    let out = env.output(&["doctor"]);
    assert_eq!(out.status.code(), Some(7));
    let mut fix = env.cmd(&["doctor", "--fix"]);
    fix.env("COLUMNS", "200");
    if env.on_team() {
        snapshot!(env, fix, @"
        success: false
        exit_code: 7
        ----- stdout -----
        team store	ok	[TEAM] answers and is unsealed	-
        team token	ok	the token does not expire	-
        team token	ok	the token may read and write [MOUNT]	-
        team layout	ok	every invariant holds on [MOUNT]	-
        secrets	problem	lost: its password is missing from the team store	hubint edit lost --password-stdin
        permissions	ok	no data directory yet at [HOME]/hubint	-
        docker config	ok	no docker config.json or containers auth.json	-
        cred helpers	ok	no credential helpers configured	-

        ----- stderr -----
        error: doctor found 1 problem
        hint: the FIX column says what to do about each one
        ");
    } else {
        snapshot!(env, fix, @"
    success: false
    exit_code: 7
    ----- stdout -----
    database	ok	[HOME]/hubint/hubint.db: integrity check passed	-
    schema	ok	version 7 (current)	-
    permissions	ok	[HOME]/hubint and the files in it are private to you	-
    keyring	ok	the OS keyring answers	-
    file store	ok	none at [HOME]/hubint/secrets.age	-
    secrets	problem	lost: its password is missing from the OS keyring	hubint edit lost --password-stdin
    orphans	ok	no secret without its integration	-
    docker config	ok	no docker config.json or containers auth.json	-
    cred helpers	ok	no credential helpers configured	-

    ----- stderr -----
    error: doctor found 1 problem
    hint: the FIX column says what to do about each one
    ");
    }
    assert_eq!(env.names(), ["lost"], "--fix never deletes a row");
    // The fix it names works.
    common::assert_ok(
        "edit",
        &env.run(&["edit", "lost", "--password-stdin"], "new"),
    );
    assert_eq!(doctor(&env, &[]).0, 0);
}

#[test]
fn orphans_from_a_crash_are_found_and_removed_but_never_another_homes() {
    local_store_only!(
        "keyring orphans of a crashed SQLite add; the team store's are in tests/team_race.rs"
    );
    needs_keyring!();
    let other = TestEnv::new();
    let others = other.add_id("someone-else", "theirs", &[]);
    let env = TestEnv::new();
    env.add("kept", "pw", &[]);
    // An add killed after its secret was written, before its row.
    let args = [
        "add",
        "--name",
        "crashed",
        "--username",
        "u",
        "--password-stdin",
    ];
    let out = env
        .spawn(&args, "pw", Some("create-after-secret:abort"))
        .wait_with_output()
        .unwrap();
    assert_eq!(out.status.code(), None, "aborted");
    let (code, report) = doctor(&env, &[]);
    assert_eq!(code, 7);
    let orphans = findings(&report, "orphans");
    assert_eq!(orphans.len(), 1, "{report:#}");
    assert_eq!(orphans[0].0, "problem");
    assert!(orphans[0].1.contains("interrupted"), "{orphans:?}");
    assert_eq!(orphans[0].2, "hubint doctor --fix");
    let (code, report) = doctor(&env, &["--fix"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["fixed"], 1);
    assert_eq!(doctor(&env, &[]).1["healthy"], true);
    assert_eq!(env.names(), ["kept"]);
    // The keyring is shared: the other database's secret is untouched.
    assert_eq!(keyring_items(&others), 1);
    assert_eq!(doctor(&other, &[]).0, 0);
}

#[test]
fn a_stray_copy_left_by_a_move_is_removed() {
    local_store_only!("moves between the keyring and the file store");
    needs_keyring!();
    let env = TestEnv::new().with_env("HUBINT_PASSPHRASE", "doctor test passphrase");
    let id = env.add_id("moved", "pw", &[]);
    let out = env
        .cmd(&["move", "moved", "--to", "file"])
        .env("HUBINT_FAILPOINT", "move-before-old-delete:abort")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), None);
    assert_eq!(keyring_items(&id), 1);
    let (code, report) = doctor(&env, &[]);
    assert_eq!(code, 7);
    assert_eq!(
        findings(&report, "orphans")[0].1,
        "a second copy of the password of moved in the OS keyring (left by an interrupted move)"
    );
    assert_eq!(doctor(&env, &["--fix"]).0, 0);
    assert_eq!(keyring_items(&id), 0);
    assert_eq!(env.show("moved")["secret_store"], "file");
}

/// A stray copy outlives its integration: a move interrupted before its
/// commit leaves a copy in the other store, then the integration is
/// deleted. The copy is still provably garbage (delete records every store).
#[test]
fn a_stray_copy_of_a_deleted_integration_is_still_garbage() {
    local_store_only!("the file store's stray copies");
    needs_keyring!();
    let env = TestEnv::new().with_env("HUBINT_PASSPHRASE", "doctor test passphrase");
    let id = env.add_id("gone", "pw", &["--secret-store", "file"]);
    let out = env
        .cmd(&["move", "gone", "--to", "keyring"])
        .env("HUBINT_FAILPOINT", "move-before-commit:abort")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), None);
    assert_eq!(keyring_items(&id), 1, "the stray copy");
    assert!(env.run(&["delete", "gone", "--yes"], "").status.success());
    let (code, report) = doctor(&env, &[]);
    assert_eq!(code, 7);
    assert!(findings(&report, "recovery").is_empty(), "{report:#}");
    assert_eq!(findings(&report, "orphans").len(), 1, "{report:#}");
    assert_eq!(doctor(&env, &["--fix"]).0, 0);
    assert_eq!(keyring_items(&id), 0);
}

#[cfg(unix)]
#[test]
fn loose_permissions_are_tightened() {
    local_store_only!("the permissions of hubint.db");
    needs_keyring!();
    let env = TestEnv::new();
    env.add("p", "pw", &[]);
    let chmod = |path: &std::path::Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    chmod(&env.db_path(), 0o644);
    chmod(&env.hubint_home, 0o755);
    let (code, report) = doctor(&env, &[]);
    assert_eq!(code, 7);
    let found = findings(&report, "permissions");
    assert!(
        found.len() >= 2,
        "the directory, the database (and its -wal, -shm): {found:?}"
    );
    assert!(
        found[0]
            .1
            .ends_with("hubint is mode 0755: other users can get at it"),
        "{found:?}"
    );
    assert!(found[0].2.starts_with("chmod go-rwx "), "{found:?}");
    let (code, report) = doctor(&env, &["--fix"]);
    assert_eq!(code, 0, "{report:#}");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.hubint_home), 0o700);
    assert_eq!(mode(&env.db_path()), 0o600);
}

#[test]
fn the_file_store_without_a_passphrase_is_not_checked_and_nothing_prompts() {
    local_store_only!("the file store");
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_SECRET_STORE", "file");
    let out = env
        .cmd(&["add", "--name", "f", "--username", "u", "--password-stdin"])
        .env("HUBINT_PASSPHRASE", "file store passphrase")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(b"pw")?;
            c.wait_with_output()
        })
        .unwrap();
    common::assert_ok("add", &out);
    let (code, report) = doctor(&env, &[]);
    assert_eq!(code, 0, "{report:#}");
    let store = findings(&report, "file store");
    assert_eq!(store[0].0, "skipped");
    assert!(
        store[0]
            .1
            .ends_with("not checked: set HUBINT_PASSPHRASE or HUBINT_PASSPHRASE_FILE"),
        "{store:?}"
    );
    assert_eq!(
        findings(&report, "secrets"),
        [(
            "skipped".to_string(),
            "passwords in the encrypted file store not checked".to_string(),
            "-".to_string()
        )]
    );
    // A wrong passphrase is a problem, named.
    let out = env
        .cmd(&["doctor", "--json"])
        .env("HUBINT_PASSPHRASE", "wrong")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        findings(&report, "file store")[0]
            .1
            .contains("wrong passphrase"),
        "{report:#}"
    );
}

#[test]
fn an_unreachable_keyring_matters_only_when_used() {
    local_store_only!("the keyring check (the team store uses no keyring)");
    needs_keyring!();
    let env = TestEnv::new();
    env.add("k", "pw", &[]);
    let out = env
        .cmd(&["doctor", "--json"])
        .env("DBUS_SESSION_BUS_ADDRESS", common::NO_BUS)
        .env_remove("XDG_RUNTIME_DIR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keyring = findings(&report, "keyring");
    assert_eq!(keyring[0].0, "problem", "{keyring:?}");
    assert!(keyring[0].2.contains("Secret Service"), "{keyring:?}");
}

#[test]
fn plaintext_logins_and_missing_helpers_in_docker_and_containers_files() {
    let env = TestEnv::new().without_keyring();
    let docker = env.home.join(".docker");
    std::fs::create_dir(&docker).unwrap();
    std::fs::write(
        docker.join("config.json"),
        r#"{"auths": {"quay.io": {"auth": "dTpw"}, "ghcr.io": {}},
            "credHelpers": {"a.io": "hubint", "b.io": "no-such-helper", "c.io": "no-such-helper"}}"#,
    )
    .unwrap();
    let auth_file = env.root().join("auth.json");
    std::fs::write(
        &auth_file,
        r#"{"auths": {"docker.io": {"username": "u", "password": "p"}}}"#,
    )
    .unwrap();
    let broken = env.root().join("runtime/containers/auth.json");
    std::fs::create_dir_all(broken.parent().unwrap()).unwrap();
    std::fs::write(&broken, "{ not json").unwrap();
    let run = |args: &[&str]| {
        env.cmd(args)
            .env("REGISTRY_AUTH_FILE", &auth_file)
            .env("XDG_RUNTIME_DIR", env.root().join("runtime"))
            .output()
            .unwrap()
    };
    let out = run(&["doctor", "--json"]);
    assert_eq!(out.status.code(), Some(7));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docker_findings = findings(&report, "docker config");
    let details: Vec<&str> = docker_findings.iter().map(|f| f.1.as_str()).collect();
    let root = env.root().display().to_string();
    assert_eq!(docker_findings.len(), 3, "{docker_findings:#?}");
    assert!(
        details[0].starts_with(&format!(
            "{root}/runtime/containers/auth.json is not valid JSON"
        )),
        "{details:?}"
    );
    assert_eq!(
        details[1],
        format!("{root}/home/.docker/config.json holds plaintext passwords for quay.io")
    );
    assert_eq!(
        docker_findings[1].2,
        format!("hubint import docker-config --scrub {root}/home/.docker/config.json")
    );
    assert_eq!(
        details[2],
        format!("{root}/auth.json holds plaintext passwords for docker.io")
    );
    let helpers = findings(&report, "cred helpers");
    assert_eq!(helpers[0].0, "problem", "{helpers:#?}");
    assert_eq!(
        helpers[1],
        (
            "ok".to_string(),
            "on PATH: docker-credential-hubint".to_string(),
            "-".to_string()
        ),
        "hubint's own helper is on PATH"
    );
    assert_eq!(
        helpers[0].1,
        format!(
            "{root}/home/.docker/config.json: .credHelpers[\"b.io\"], .credHelpers[\"c.io\"] name \
             docker-credential-no-such-helper, which is not on PATH"
        )
    );
    // Following the fix clears the finding.
    std::fs::remove_file(&broken).unwrap();
    let fix = docker_findings[2].2.clone();
    let args: Vec<&str> = fix.split(' ').skip(1).collect();
    let out = run(&args);
    if env.on_team() {
        // The team store needs no keyring and no passphrase.
        common::assert_ok("import --scrub", &out);
    } else {
        // Without an OS keyring the import needs the file store's passphrase.
        assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    }
    let out = env
        .cmd(&args)
        .env("HUBINT_PASSPHRASE", "docker test passphrase")
        .output()
        .unwrap();
    common::assert_ok("import --scrub", &out);
    let out = run(&["doctor", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let after = findings(&report, "docker config");
    assert_eq!(after.len(), 2, "{report:#}");
    assert_eq!(
        after[1].1,
        format!("no plaintext passwords in {root}/auth.json")
    );
}

#[test]
fn a_damaged_database_is_a_problem_with_what_to_do() {
    local_store_only!("a damaged hubint.db");
    needs_keyring!();
    let env = TestEnv::new();
    env.add("d", "pw", &[]);
    std::fs::write(env.db_path(), b"not a database").unwrap();
    let (code, report) = doctor(&env, &[]);
    assert_eq!(code, 7);
    let db = findings(&report, "database");
    assert!(
        db[0].1.ends_with("hubint.db is not a SQLite database"),
        "{db:?}"
    );
    assert!(
        db[0].2.starts_with("restore it from a backup, or `mv "),
        "{db:?}"
    );
    assert!(
        findings(&report, "secrets").is_empty(),
        "no row check without rows"
    );
}
