//! Files and directories (issue 12, section 2): directories hubint creates
//! are 0700 whatever the umask; an unsafe data directory or parent is
//! refused ("unsafe permissions on ..."); a symbolic link in place of any
//! file of the data directory is refused, never followed or replaced;
//! `doctor --fix` never chmods through a link and reports foreign owners.
//! Each case runs as root and as an unprivileged user where ownership
//! matters (a docker config rewritten as root: `docker_config.rs`).

#![cfg(unix)]

mod common;

use std::os::unix::fs::{MetadataExt, symlink};
use std::path::Path;

use common::{TestEnv, Who, assert_ok, assert_sane, chmod, summary};

const PASS: &str = "data dir passphrase";

fn file_env() -> TestEnv {
    TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASS)
        .with_env("HUBINT_SECRET_STORE", "file")
}

const ADD: &[&str] = &[
    "add",
    "--name",
    "base",
    "--username",
    "u",
    "--password-stdin",
    "--url",
    "r1.example.com",
];

/// A file-store environment owned by `who`, with `base` added by `who`.
fn env_for(who: Who) -> TestEnv {
    let env = file_env();
    env.give_to(who);
    assert_ok("add", &common::feed(env.cmd_as(who, ADD), "base-pw"));
    env
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().mode() & 0o7777
}

/// `hubint ARGS` as `who` must fail with exit `code` and say all of `says`.
fn refused(env: &TestEnv, who: Who, args: &[&str], stdin: &str, code: i32, says: &[&str]) {
    let out = common::feed(env.cmd_as(who, args), stdin);
    let what = format!("{who:?} {args:?}");
    assert_sane(&what, &out);
    let text = format!("{}{}", common::stdout(&out), common::stderr(&out));
    assert_eq!(out.status.code(), Some(code), "{what}: {text}");
    for s in says {
        assert!(text.contains(s), "{what}: expected {s:?} in:\n{text}");
    }
}

#[test]
fn umask_000_still_gives_private_directories() {
    let env = file_env();
    let run = |vars: &[(&str, &Path)], args: &[&str]| {
        let bin = common::bin().display().to_string();
        let mut all = vec!["-c", "umask 000; exec \"$0\" \"$@\"", &bin];
        all.extend_from_slice(args);
        let mut cmd = env.program("sh", &all);
        cmd.env_remove("HUBINT_HOME");
        for (var, value) in vars {
            cmd.env(var, value);
        }
        assert_ok(&format!("{args:?}"), &common::feed(cmd, "pw"));
    };
    // The default data directory: ~/.local and ~/.local/share are made too.
    run(&[], ADD);
    let h = &env.home;
    let mut dirs = vec![
        h.join(".local"),
        h.join(".local/share"),
        h.join(".local/share/hubint"),
    ];
    // HUBINT_HOME and DOCKER_CONFIG with missing parents.
    let home = h.join("a/b/hubint");
    run(&[("HUBINT_HOME", &home)], ADD);
    let docker = h.join("d/e/docker");
    run(&[("DOCKER_CONFIG", &docker)], &["docker-config"]);
    dirs.extend([
        h.join("a"),
        h.join("a/b"),
        home.clone(),
        h.join("d"),
        h.join("d/e"),
        docker.clone(),
    ]);
    for dir in &dirs {
        assert_eq!(mode(dir), 0o700, "{}", dir.display());
    }
    for file in [
        home.join("hubint.db"),
        home.join("secrets.age"),
        docker.join("config.json"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    summary(&format!(
        "umask 000: {} directories created 0700, files 0600",
        dirs.len()
    ));
}

#[test]
fn an_unsafe_data_directory_or_parent_is_refused() {
    let mut tried = 0;
    for who in common::everyone() {
        let env = env_for(who);
        let (home, parent) = (env.hubint_home.clone(), env.home.clone());
        let db = std::fs::read(env.db_path()).unwrap();
        let word = |p: &Path| format!("unsafe permissions on {}", p.display());
        for (path, bad, why) in [
            (&home, 0o770, "writable by group (mode 0770)"),
            (&home, 0o707, "writable by others"),
            (&parent, 0o777, "writable by group and others (mode 0777)"),
        ] {
            let good = mode(path);
            chmod(path, bad);
            for args in [&["list"][..], &["show", "base"], &["env", "base"]] {
                refused(
                    &env,
                    who,
                    args,
                    "",
                    1,
                    &[&word(path), why, "hint: `chmod go-w"],
                );
                tried += 1;
            }
            refused(
                &env,
                who,
                &["edit", "base", "--password-stdin"],
                "x",
                1,
                &[&word(path)],
            );
            refused(&env, who, &["doctor", "--json"], "", 7, &[&word(path)]);
            tried += 2;
            chmod(path, good);
        }
        // A data directory owned by someone else.
        let other = match (who, common::test_user()) {
            (Who::Root, Some(Who::User { uid, gid })) => Some((uid, gid)),
            (Who::User { .. }, _) => Some((0, 0)),
            _ => None,
        };
        if let Some((uid, gid)) = other {
            let (old_uid, old_gid) = {
                let m = std::fs::metadata(&home).unwrap();
                (m.uid(), m.gid())
            };
            std::os::unix::fs::chown(&home, Some(uid), Some(gid)).unwrap();
            refused(
                &env,
                who,
                &["list"],
                "",
                1,
                &[&word(&home), &format!("owned by uid {uid}, not by you")],
            );
            refused(
                &env,
                who,
                &["doctor", "--json"],
                "",
                7,
                &[&format!("owned by uid {uid}")],
            );
            tried += 2;
            std::os::unix::fs::chown(&home, Some(old_uid), Some(old_gid)).unwrap();
        }
        assert!(
            std::fs::read(env.db_path()).unwrap() == db,
            "{who:?}: the database changed"
        );
        assert_ok("list after", &env.cmd_as(who, &["list"]).output().unwrap());
    }
    summary(&format!(
        "unsafe data directories: {tried} commands refused with the path and the fix"
    ));
}

/// Move `path` to `elsewhere` and put a link to it in its place.
fn link_away(path: &Path, elsewhere: &Path) {
    std::fs::rename(path, elsewhere).unwrap();
    symlink(elsewhere, path).unwrap();
}

#[test]
fn a_link_in_the_data_directory_is_refused_never_followed() {
    let mut tried = 0;
    for who in common::everyone() {
        let env = env_for(who);
        let home = env.hubint_home.clone();
        let away = env.home.join("away");
        std::fs::create_dir(&away).unwrap();
        common::give_path(&away, who);
        let link = |name: &str| (home.join(name), away.join(name));
        let says = |p: &Path| format!("{} is a symbolic link", p.display());

        // secrets.age: refused for reads and writes; the link and its
        // target stay as they were (no forked store).
        let (secrets, target) = link("secrets.age");
        link_away(&secrets, &target);
        let bytes = std::fs::read(&target).unwrap();
        refused(
            &env,
            who,
            &["add", "--name", "n2", "--username", "u", "--password-stdin"],
            "pw",
            1,
            &[&says(&secrets)],
        );
        refused(&env, who, &["env", "base"], "", 1, &[&says(&secrets)]);
        let get = common::feed(env.helper_as(who, &["get"]), "r1.example.com");
        assert_eq!(get.status.code(), Some(1), "{}", common::stdout(&get));
        assert!(common::stdout(&get).contains(&says(&secrets)));
        assert!(std::fs::symlink_metadata(&secrets).unwrap().is_symlink());
        assert!(
            std::fs::read(&target).unwrap() == bytes,
            "{who:?}: secrets.age changed"
        );
        tried += 3;
        std::fs::remove_file(&secrets).unwrap();
        std::fs::rename(&target, &secrets).unwrap();

        // A dangling secrets.age.lock: its target is never created.
        let (lock, target) = link("secrets.age.lock");
        let _ = std::fs::remove_file(&lock);
        symlink(&target, &lock).unwrap();
        refused(
            &env,
            who,
            &["edit", "base", "--password-stdin"],
            "new",
            1,
            &[&says(&lock)],
        );
        assert!(
            !target.exists(),
            "{who:?}: the lock link's target was created"
        );
        std::fs::remove_file(&lock).unwrap();
        tried += 1;

        // The database, its WAL, config.toml.
        for (name, args) in [
            ("hubint.db", &["list"][..]),
            ("hubint.db", &["edit", "base", "--email", "a@example.com"]),
            ("hubint.db-wal", &["show", "base"]),
            ("config.toml", &["config", "set", "secret-store", "file"]),
        ] {
            let (path, target) = link(name);
            if path.exists() {
                link_away(&path, &target);
            } else {
                std::fs::write(&target, "").unwrap();
                symlink(&target, &path).unwrap();
            }
            let bytes = std::fs::read(&target).unwrap();
            refused(&env, who, args, "", 1, &[&says(&path)]);
            assert!(
                std::fs::read(&target).unwrap() == bytes,
                "{who:?} {args:?} changed {name}"
            );
            std::fs::remove_file(&path).unwrap();
            if name == "hubint.db" {
                std::fs::rename(&target, &path).unwrap();
            } else {
                std::fs::remove_file(&target).unwrap();
            }
            tried += 1;
        }
        assert_ok("list after", &env.cmd_as(who, &["list"]).output().unwrap());
    }
    summary(&format!(
        "links in the data directory: {tried} commands refused, no target touched"
    ));
}

#[test]
fn doctor_fix_never_chmods_through_a_link() {
    let mut tried = 0;
    for who in common::everyone() {
        let env = env_for(who);
        // A root-owned 0644 file, linked as the WAL.
        let victim = env.root().join("victim");
        std::fs::write(&victim, "not hubint's").unwrap();
        chmod(&victim, 0o644);
        let wal = env.hubint_home.join("hubint.db-wal");
        let _ = std::fs::remove_file(&wal);
        symlink(&victim, &wal).unwrap();
        // And a loose file of hubint's own, which --fix does tighten.
        chmod(&env.db_path(), 0o644);
        let out = env
            .cmd_as(who, &["doctor", "--fix", "--json"])
            .output()
            .unwrap();
        assert_sane("doctor --fix", &out);
        let text = common::stdout(&out);
        assert_eq!(out.status.code(), Some(7), "{who:?}: {text}");
        assert!(
            text.contains(&format!("{} is a symbolic link", wal.display())),
            "{who:?}: {text}"
        );
        assert_eq!(
            mode(&victim),
            0o644,
            "{who:?}: doctor --fix chmodded the link's target"
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not hubint's");
        assert!(std::fs::symlink_metadata(&wal).unwrap().is_symlink());
        assert_eq!(mode(&env.db_path()), 0o600, "{who:?}: {text}");
        std::fs::remove_file(&wal).unwrap();
        tried += 1;
        // A file of the data directory owned by someone else is reported.
        let other = if who == Who::Root {
            common::test_user()
        } else {
            Some(Who::Root)
        };
        if let Some(other) = other {
            let (uid, gid) = match other {
                Who::User { uid, gid } => (uid, gid),
                Who::Root => (0, 0),
            };
            let lock = env.hubint_home.join("secrets.age.lock");
            std::fs::write(&lock, "").unwrap();
            chmod(&lock, 0o600);
            std::os::unix::fs::chown(&lock, Some(uid), Some(gid)).unwrap();
            let out = env.cmd_as(who, &["doctor", "--json"]).output().unwrap();
            let text = common::stdout(&out);
            assert_eq!(out.status.code(), Some(7), "{who:?}: {text}");
            assert!(
                text.contains(&format!("{} is owned by uid {uid}", lock.display())),
                "{who:?}: {text}"
            );
            std::fs::remove_file(&lock).unwrap();
            tried += 1;
        }
    }
    summary(&format!(
        "doctor --fix and links or foreign owners: {tried} runs, no target changed"
    ));
}

#[test]
fn a_linked_data_directory_is_followed() {
    // HUBINT_HOME itself may be a link to a directory: only the files in
    // it must not be links.
    let env = file_env();
    let real = env.home.join("real");
    std::fs::create_dir(&real).unwrap();
    chmod(&real, 0o700);
    symlink(&real, &env.hubint_home).unwrap();
    assert_ok("add", &env.run(ADD, "base-pw"));
    assert!(common::stdout(&env.output(&["list"])).contains("base"));
    assert!(real.join("hubint.db").is_file() && real.join("secrets.age").is_file());
    assert_ok("doctor", &env.output(&["doctor"]));
}
