//! Issue 12, section 1: losing the database never loses a password.
//! `doctor --fix` removes only what an interrupted operation of this
//! database left; every other secret without a row is a recovery case, and
//! `doctor --recover` rebuilds the rows from the details kept next to the
//! secrets (age file entries, keyring attributes).

mod common;

use common::{TestEnv, keyring_items, keyring_secret, stderr, stdout};

const PASSPHRASE: &str = "long passphrase 123";

fn file_env() -> TestEnv {
    TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASSPHRASE)
}

/// `printf pwN | hubint add --name nN --username u --password-stdin --url rN.example.com ...`
fn add_three(env: &TestEnv, store: &str) {
    for n in 1..=3 {
        let (name, url) = (format!("n{n}"), format!("r{n}.example.com"));
        let args = [
            "add",
            "--name",
            &name,
            "--username",
            "u",
            "--password-stdin",
            "--url",
            &url,
            "--secret-store",
            store,
        ];
        common::assert_ok("add", &env.run(&args, &format!("pw{n}")));
    }
}

/// `doctor ARGS... --json`: (exit code, report, stderr).
fn doctor(env: &TestEnv, args: &[&str]) -> (i32, serde_json::Value, String) {
    let mut all = vec!["doctor", "--json"];
    all.extend_from_slice(args);
    let out = env.output(&all);
    common::assert_sane("doctor", &out);
    let report = serde_json::from_slice(&out.stdout).expect("doctor --json");
    (out.status.code().unwrap(), report, stderr(&out))
}

/// (status, detail, fix) of the findings of `check`.
fn findings(report: &serde_json::Value, check: &str) -> Vec<(String, String, String)> {
    let all = report["checks"].as_array().unwrap();
    all.iter()
        .filter(|f| f["check"] == check)
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("-").to_string();
            (s("status"), s("detail"), s("fix"))
        })
        .collect()
}

/// The password `env NAME` gives.
fn password(env: &TestEnv, name: &str) -> String {
    let out = env.output(&["env", name, "--shell", "posix"]);
    common::assert_ok("env", &out);
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("_PASSWORD="))
        .expect("a password line");
    line.split_once('=')
        .unwrap()
        .1
        .trim_matches('\'')
        .to_string()
}

/// The reproduction of issue 12, verbatim, then the recovery it leads to.
#[test]
fn losing_the_database_and_following_the_hints_loses_no_file_store_password() {
    let env = file_env();
    add_three(&env, "file");
    let db = env.db_path();
    let f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    f.set_len(8192).unwrap();
    drop(f);
    let out = env.output(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("hubint doctor --recover"),
        "{}",
        stderr(&out)
    );
    std::fs::rename(&db, db.with_extension("db.broken")).unwrap();
    let before = std::fs::read(env.secrets_path()).unwrap();

    let (code, report, _) = doctor(&env, &[]);
    assert_eq!(code, 7, "{report:#}");
    let cases = findings(&report, "recovery");
    assert_eq!(cases.len(), 3, "{report:#}");
    assert!(
        cases[0]
            .1
            .contains("password of n1 (r1.example.com, user u)")
    );
    assert_eq!(cases[0].2, "hubint doctor --recover");
    assert!(
        findings(&report, "database")[1]
            .1
            .contains("hold 3 passwords")
    );

    // --fix deletes none of them.
    let (code, _, _) = doctor(&env, &["--fix"]);
    assert_eq!(code, 7);
    assert_eq!(std::fs::read(env.secrets_path()).unwrap(), before);
    assert_eq!(env.file_secrets(PASSPHRASE).len(), 3);

    let (code, report, _) = doctor(&env, &["--recover"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(findings(&report, "recovery").len(), 3);
    assert_eq!(env.names(), ["n1", "n2", "n3"]);
    assert_eq!(env.show("n2")["registry"], "r2.example.com");
    assert_eq!(env.show("n2")["username"], "u");
    assert_eq!(password(&env, "n3"), "pw3");
    assert_eq!(doctor(&env, &[]).0, 0);
    common::summary(
        "data safety: a lost database (damaged, moved away, 0 bytes, replaced) loses no \
         password: doctor --fix deletes none, doctor --recover rebuilds all (file store and keyring)",
    );
}

/// A 0-byte database is not silently a new empty one: `list` says so once
/// on stderr, `doctor` reports it, `--recover` rebuilds.
#[test]
fn an_empty_database_with_secrets_in_the_stores_is_reported_once() {
    let env = file_env();
    add_three(&env, "file");
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", env.db_path().display()));
    }
    std::fs::write(env.db_path(), b"").unwrap();
    let out = env.output(&["list"]);
    common::assert_ok("list", &out);
    let err = stderr(&out);
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
    assert!(
        err.contains("hold 3 passwords") && err.contains("hubint doctor --recover"),
        "{err}"
    );
    let (code, report, _) = doctor(&env, &[]);
    assert_eq!(code, 7);
    assert_eq!(findings(&report, "recovery").len(), 3);
    assert_eq!(doctor(&env, &["--recover"]).0, 0);
    assert_eq!(env.names(), ["n1", "n2", "n3"]);
    let out = env.output(&["list"]);
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

/// Any command that finds a 0-byte database says so, not only `list`.
#[test]
fn an_add_into_a_zero_byte_database_is_not_silent() {
    let env = file_env();
    add_three(&env, "file");
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", env.db_path().display()));
    }
    std::fs::write(env.db_path(), b"").unwrap();
    let args = ["add", "--name", "n4", "--username", "u", "--password-stdin"];
    let out = env.run(&args, "pw4");
    common::assert_ok("add", &out);
    let err = stderr(&out);
    assert_eq!(err.matches("hold 3 passwords").count(), 1, "{err}");
    assert_eq!(doctor(&env, &["--recover"]).0, 0);
    assert_eq!(env.names(), ["n1", "n2", "n3", "n4"]);
}

/// Edits, renames and moves keep the details in step: what is recovered is
/// the integration as it was last saved.
#[test]
fn recovery_rebuilds_the_integration_as_last_edited() {
    let env = file_env();
    add_three(&env, "file");
    let edit = [
        "edit",
        "n1",
        "--name",
        "renamed",
        "--email",
        "e@example.com",
    ];
    common::assert_ok("edit", &env.output(&edit));
    std::fs::rename(env.db_path(), env.hubint_home.join("old.db")).unwrap();
    assert_eq!(doctor(&env, &["--recover"]).0, 0);
    assert_eq!(env.names(), ["n2", "n3", "renamed"]);
    assert_eq!(env.show("renamed")["email"], "e@example.com");
    assert_eq!(password(&env, "renamed"), "pw1");
}

/// Secrets written before hubint kept their details: still readable,
/// never deleted by `--fix`, and `--fix` adds the details of those a row owns.
#[test]
fn secrets_without_details_are_kept_and_their_details_written_by_fix() {
    let env = file_env();
    add_three(&env, "file");
    strip_details(&env);
    assert_eq!(password(&env, "n1"), "pw1");
    let (code, report, _) = doctor(&env, &[]);
    assert_eq!(code, 7);
    assert_eq!(findings(&report, "details").len(), 3, "{report:#}");
    // Lose one row: its secret has no details, so it cannot be rebuilt,
    // and it is kept.
    common::assert_ok("delete", &env.output(&["delete", "n3", "--yes"]));
    add_old_secret(&env, "00000000-0000-4000-8000-000000000001");
    let (code, report, _) = doctor(&env, &["--fix"]);
    assert_eq!(code, 7, "{report:#}");
    assert_eq!(findings(&report, "details")[0].0, "fixed");
    let kept = findings(&report, "recovery");
    assert_eq!(kept.len(), 1, "{report:#}");
    assert!(kept[0].1.contains("hubint keeps it"), "{kept:?}");
    assert_eq!(env.file_secrets(PASSPHRASE).len(), 3);
    // The rows it has are recoverable now.
    std::fs::rename(env.db_path(), env.hubint_home.join("old.db")).unwrap();
    assert_eq!(doctor(&env, &["--recover"]).0, 7);
    assert_eq!(env.names(), ["n1", "n2"]);
}

/// The keyring variant: the keyring is shared, so only secrets recorded
/// with this data directory are recovered, and no other home's secrets.
#[test]
fn losing_the_database_loses_no_keyring_password() {
    needs_keyring!();
    let other = TestEnv::new();
    let theirs = other.add_id("someone-else", "theirs", &[]);
    let env = TestEnv::new().with_env("HUBINT_PASSPHRASE", PASSPHRASE);
    add_three(&env, "keyring");
    let ids: Vec<String> = ["n1", "n2", "n3"].iter().map(|n| env.id(n)).collect();
    // A rename in the keyring and a move to the file store keep the details.
    common::assert_ok("edit", &env.output(&["edit", "n2", "--name", "second"]));
    common::assert_ok("move", &env.output(&["move", "n3", "--to", "file"]));
    std::fs::rename(env.db_path(), env.hubint_home.join("old.db")).unwrap();
    let (code, report, _) = doctor(&env, &["--fix"]);
    assert_eq!(code, 7, "{report:#}");
    assert_eq!(findings(&report, "recovery").len(), 3, "{report:#}");
    for id in &ids[..2] {
        assert_eq!(keyring_items(id), 1);
    }
    assert_eq!(env.file_secrets(PASSPHRASE).len(), 1);
    let out = env.output(&["list"]);
    assert!(
        stderr(&out).contains("hold 3 passwords"),
        "{}",
        stderr(&out)
    );
    assert_eq!(doctor(&env, &["--recover"]).0, 0);
    assert_eq!(env.names(), ["n1", "n3", "second"]);
    assert_eq!(env.id("second"), ids[1]);
    assert_eq!(env.show("n3")["secret_store"], "file");
    assert_eq!(password(&env, "n3"), "pw3");
    assert_eq!(keyring_secret(&ids[1]).as_deref(), Some("pw2"));
    assert_eq!(keyring_secret(&theirs).as_deref(), Some("theirs"));
    assert_eq!(doctor(&other, &[]).0, 0);
}

/// Rewrite secrets.age as an older hubint wrote it: entries without `meta`.
fn strip_details(env: &TestEnv) {
    rewrite(env, |secrets| {
        for entry in secrets.values_mut() {
            entry.as_object_mut().unwrap().remove("meta");
        }
    });
}

/// Add an entry as an older hubint wrote it, with no row.
fn add_old_secret(env: &TestEnv, id: &str) {
    rewrite(env, |secrets| {
        let entry = serde_json::json!({"label": "hubint: old (r.example.com)", "secret": "old"});
        secrets.insert(id.to_string(), entry);
    });
}

fn rewrite(env: &TestEnv, change: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>)) {
    use std::io::Write;
    let bytes = std::fs::read(env.secrets_path()).unwrap();
    let identity = age::scrypt::Identity::new(PASSPHRASE.to_string().into());
    let plain = age::decrypt(&identity, &bytes).unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&plain).unwrap();
    change(json["secrets"].as_object_mut().unwrap());
    let mut recipient = age::scrypt::Recipient::new(PASSPHRASE.to_string().into());
    recipient.set_work_factor(12);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed).unwrap();
    writer
        .write_all(&serde_json::to_vec(&json).unwrap())
        .unwrap();
    writer.finish().unwrap();
    std::fs::write(env.secrets_path(), sealed).unwrap();
}

/// The reproduction of issue 12, run as written in bash, then the recovery
/// its hints lead to: secrets.age keeps its size through `doctor --fix`.
#[test]
fn the_reproduction_of_issue_12_as_written() {
    let env = TestEnv::new().without_keyring();
    let script = r#"
set -u
export HUBINT_HOME=$(mktemp -d) HUBINT_PASSPHRASE='long passphrase 123'
for n in 1 2 3; do printf pw$n | hubint add --name n$n --username u --password-stdin --url r$n.example.com --secret-store file; done
truncate -s 8192 $HUBINT_HOME/hubint.db
hubint list        # hint: move it away, "the passwords stay in their stores"
mv $HUBINT_HOME/hubint.db $HUBINT_HOME/hubint.db.broken
hubint doctor      # three "orphans" from "an interrupted add or delete"
before=$(stat -c %s $HUBINT_HOME/secrets.age)
hubint doctor --fix  # removes all three: secrets.age goes from 515 to 234 bytes
echo "size: $before -> $(stat -c %s $HUBINT_HOME/secrets.age)"
hubint doctor --recover >/dev/null && echo recovered
hubint list --json | grep -c '"name"'
printf 'r2.example.com' | docker-credential-hubint get
"#;
    let out = env
        .program("bash", &["-c", script])
        .env("TMPDIR", env.root())
        .output()
        .unwrap();
    let (text, err) = (stdout(&out), stderr(&out));
    assert!(err.contains("hubint doctor --recover"), "{err}");
    let sizes = text.lines().find(|l| l.starts_with("size: ")).unwrap();
    let (before, after) = sizes[6..].split_once(" -> ").unwrap();
    assert_eq!(before, after, "{text}");
    assert!(text.contains("recovered\n3\n"), "{text}\n{err}");
    assert!(text.contains(r#""Secret":"pw2""#), "{text}");
}
