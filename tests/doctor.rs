//! `hubint doctor [--fix] [--json]`: what it finds in the catalog and the
//! stores, what `--fix` repairs (orphan secrets, stray copies left by an
//! interrupted move) and what it never does (delete a row, touch another
//! database's secrets). Its checks of the data directory's permissions,
//! the file store's passphrase, the keyring's reachability and the docker
//! and containers files are in tests/doctor_environment.rs.

mod common;
#[path = "common/doctor_report.rs"]
mod doctor_report;

use common::{TestEnv, keyring_items};
use doctor_report::{doctor, findings};

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
