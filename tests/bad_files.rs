//! Broken files: a database that is truncated, not SQLite at all, or
//! written by a newer hubint, and an encrypted secret file that is
//! corrupted. Every command must refuse with a message naming the file and
//! what to do, with its documented exit code (1 for the database, 5 for the
//! secret store, 7 for doctor, 1 on stdout for the credential helper),
//! leave both files byte for byte as they were, and never panic.

mod common;

use std::path::Path;

use common::{TestEnv, assert_sane, summary};

const PASS: &str = "bad files passphrase";

/// What a variant does to the database file.
type DamageFile = fn(&Path);
/// What a variant does to the bytes of the secret file.
type DamageBytes = fn(&mut Vec<u8>);

/// (args, stdin, helper?) of every command that reads the files.
const COMMANDS: &[(&[&str], &str, bool)] = &[
    (&["list"], "", false),
    (&["show", "base"], "", false),
    (&["env", "base"], "", false),
    (
        &[
            "add",
            "--name",
            "new",
            "--username",
            "u",
            "--password-stdin",
        ],
        "pw",
        false,
    ),
    (&["edit", "base", "--password-stdin"], "new-pw", false),
    (&["delete", "base", "--yes", "--detach-all"], "", false),
    (&["subscription", "attach", "team", "base"], "", false),
    (&["docker-config", "--output", "out.json"], "", false),
    (&["get"], "https://index.docker.io/v1/", true),
    (
        &["store"],
        r#"{"ServerURL":"x.io","Username":"u","Secret":"s"}"#,
        true,
    ),
];

/// Run every command against the broken files; each must exit `code` (7
/// for doctor, 1 for the helper) with `says` in its message, and leave
/// `files` as they were. Returns how many commands were tried.
fn refuse_all(env: &TestEnv, code: i32, says: &str, files: &[&Path]) -> usize {
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let mut tried = 0;
    for (args, stdin, helper) in COMMANDS
        .iter()
        .chain([&(&["doctor", "--json"][..], "", false)])
    {
        let cmd = if *helper {
            env.helper(args)
        } else {
            env.cmd(args)
        };
        let out = common::feed(cmd, stdin);
        let what = format!("{args:?}");
        assert_sane(&what, &out);
        let text = format!("{}{}", common::stdout(&out), common::stderr(&out));
        let expected = match (*helper, args[0]) {
            (true, _) => 1,
            (false, "doctor") => 7,
            _ => code,
        };
        assert_eq!(out.status.code(), Some(expected), "{what}: {text}");
        assert!(text.contains(says), "{what}: expected {says:?} in:\n{text}");
        if !*helper && args[0] != "doctor" {
            assert!(text.contains("\nhint: "), "{what}: no hint in:\n{text}");
        }
        for (file, bytes) in files.iter().zip(&before) {
            assert!(
                &std::fs::read(file).unwrap() == bytes,
                "{what} changed {}",
                file.display()
            );
        }
        tried += 1;
    }
    assert!(!env.home.join("out.json").exists());
    tried
}

fn file_env() -> TestEnv {
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS)
        .with_env("HUBINT_SECRET_STORE", "file");
    let out = env.run(
        &[
            "add",
            "--name",
            "base",
            "--username",
            "u",
            "--password-stdin",
        ],
        "base-pw",
    );
    common::assert_ok("add", &out);
    env
}

#[test]
fn a_broken_database_is_named_with_what_to_do() {
    let mut tried = 0;
    let variants: [(&str, DamageFile); 3] = [
        (
            "is damaged (SQLite: database disk image is malformed)",
            |db| {
                let bytes = std::fs::read(db).unwrap();
                std::fs::write(db, &bytes[..4096]).unwrap();
            },
        ),
        ("is not a SQLite database", |db| {
            std::fs::write(db, b"this is not a database, just some text\n".repeat(200)).unwrap();
        }),
        ("newer than this hubint knows", |db| {
            let conn = hubint::db::open_existing(db).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        }),
    ];
    for (says, damage) in variants {
        let env = file_env();
        damage(&env.db_path());
        let db = env.db_path();
        let secrets = env.secrets_path();
        // The message names the file.
        tried += refuse_all(&env, 1, &db.display().to_string(), &[&db, &secrets]);
        tried += refuse_all(&env, 1, says, &[&db, &secrets]);
    }
    summary(&format!(
        "bad input, database files: {tried} commands on truncated, foreign and newer databases, \
         each refused with the file named, files unchanged"
    ));
}

#[test]
fn a_corrupted_secret_file_is_exit_5() {
    let mut tried = 0;
    let variants: [(&str, DamageBytes); 4] = [
        ("cannot decrypt", |b| {
            let last = b.len() - 20;
            b[last] ^= 0x55;
        }),
        ("cannot decrypt", |b| b.truncate(b.len() / 2)),
        ("cannot decrypt", |b| {
            *b = b"garbage, not an age file".to_vec()
        }),
        ("cannot decrypt", |b| b.clear()),
    ];
    for (says, damage) in variants {
        let env = file_env();
        let mut bytes = std::fs::read(env.secrets_path()).unwrap();
        damage(&mut bytes);
        std::fs::write(env.secrets_path(), &bytes).unwrap();
        let db = env.db_path();
        let secrets = env.secrets_path();
        // Commands that never need a secret still work: only those that do.
        let list = env.output(&["list"]);
        common::assert_ok("list", &list);
        let before = (std::fs::read(&db).unwrap(), bytes.clone());
        for (args, stdin, helper) in COMMANDS {
            if matches!(args[0], "list" | "show" | "subscription" | "docker-config") {
                continue;
            }
            let cmd = if *helper {
                env.helper(args)
            } else {
                env.cmd(args)
            };
            let out = common::feed(cmd, stdin);
            assert_sane(&format!("{args:?}"), &out);
            let text = format!("{}{}", common::stdout(&out), common::stderr(&out));
            let code = if *helper { 1 } else { 5 };
            assert_eq!(out.status.code(), Some(code), "{args:?}: {text}");
            assert!(
                text.contains(says) && text.contains(&secrets.display().to_string()),
                "{args:?}: {text}"
            );
            assert!(
                std::fs::read(&db).unwrap() == before.0,
                "{args:?} changed the database"
            );
            assert!(
                std::fs::read(&secrets).unwrap() == before.1,
                "{args:?} changed the secret file"
            );
            tried += 1;
        }
        let doctor = env.output(&["doctor"]);
        assert_eq!(doctor.status.code(), Some(7), "{}", common::stderr(&doctor));
        assert!(common::stdout(&doctor).contains("cannot decrypt"));
        tried += 1;
    }
    // And a wrong passphrase, likewise.
    let env = file_env();
    let out = env
        .cmd(&["env", "base"])
        .env("HUBINT_PASSPHRASE", "wrong")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(common::stderr(&out).contains("wrong passphrase"));
    tried += 1;
    summary(&format!(
        "bad input, encrypted secret file: {tried} commands on corrupted files, each exit 5 \
         (1 from the credential helper), files unchanged"
    ));
}

#[cfg(unix)]
#[test]
fn an_unsafe_or_linked_data_directory_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let mut tried = 0;
    for mode in [0o770, 0o707] {
        let env = file_env();
        let perms = std::fs::Permissions::from_mode(mode);
        std::fs::set_permissions(&env.hubint_home, perms).unwrap();
        let (db, secrets) = (env.db_path(), env.secrets_path());
        let says = format!("unsafe permissions on {}", env.hubint_home.display());
        tried += refuse_all(&env, 1, &says, &[&db, &secrets]);
    }
    for name in [
        "hubint.db",
        "hubint.db-wal",
        "secrets.age",
        "secrets.age.lock",
        "config.toml",
    ] {
        let env = file_env();
        let (link, target) = (env.hubint_home.join(name), env.home.join(name));
        if link.exists() && name != "secrets.age.lock" {
            std::fs::rename(&link, &target).unwrap();
        } else {
            let _ = std::fs::remove_file(&link);
        }
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let (db, secrets) = (env.db_path(), env.secrets_path());
        let says = format!("{} is a symbolic link", link.display());
        let files: Vec<&Path> = [&db, &secrets]
            .into_iter()
            .filter(|f| f.exists())
            .map(|f| f.as_path())
            .collect();
        tried += refuse_all(&env, 1, &says, &files);
        assert!(
            name != "secrets.age.lock" || !target.exists(),
            "the lock link's target was created"
        );
    }
    summary(&format!(
        "bad input, data directory: {tried} commands on a group/other-writable directory or a \
         link for one of its files, each refused with the path named, files unchanged"
    ));
}
