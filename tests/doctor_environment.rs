//! `hubint doctor` on what surrounds the catalog: loose permissions on the
//! data directory (tightened by `--fix`), the file store without (or with
//! a wrong) passphrase and nothing prompting, an unreachable keyring that
//! matters only when used, and plaintext logins and missing credential
//! helpers in docker and containers auth files.

mod common;
#[path = "common/doctor_report.rs"]
mod doctor_report;

#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use common::{TestEnv, stderr};
use doctor_report::{doctor, findings};

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
