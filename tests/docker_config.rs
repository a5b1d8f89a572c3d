//! `hubint docker-config`: helper and inline configs, merging, atomic
//! writes, permissions, and errors that leave the file alone.

mod common;

use std::path::Path;

use common::TestEnv;

fn add(env: &TestEnv, name: &str, url: &str, user: &str, password: &str, extra: &[&str]) {
    let mut args = vec![
        "add",
        "--name",
        name,
        "--url",
        url,
        "--username",
        user,
        "--password-stdin",
    ];
    args.extend_from_slice(extra);
    let out = env.run(&args, password);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The names in a directory, sorted (to see that no temp file is left).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn helper_config_merges_into_the_existing_file() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env, "hub", "docker.io", "bob", "hub-pw", &[]);
    add(
        &env,
        "local",
        "http://localhost:5000",
        "alice",
        "local-pw",
        &[],
    );
    let dir = env.home.join(".docker");
    std::fs::create_dir(&dir).unwrap();
    let path = dir.join("config.json");
    std::fs::write(
        &path,
        r#"{"psFormat": "table {{.ID}}", "credHelpers": {"gcr.io": "gcloud"},
            "auths": {"quay.io": {"auth": "eDp5"}}}"#,
    )
    .unwrap();
    snapshot!(env, env.cmd(&["docker-config"]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Wrote 3 credHelpers entries for 2 registries (Docker Hub under both of its names) to [HOME]/.docker/config.json: https://index.docker.io/v1/, docker.io, localhost:5000.
    ");
    insta::assert_snapshot!(std::fs::read_to_string(&path).unwrap(), @r#"
    {
    	"auths": {
    		"quay.io": {
    			"auth": "eDp5"
    		}
    	},
    	"credHelpers": {
    		"docker.io": "hubint",
    		"gcr.io": "gcloud",
    		"https://index.docker.io/v1/": "hubint",
    		"localhost:5000": "hubint"
    	},
    	"psFormat": "table {{.ID}}"
    }
    "#);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("hub-pw") && !text.contains("local-pw"));
    assert_eq!(names(&dir), ["config.json"]);

    // DOCKER_CONFIG moves the default; a new file is 0600.
    let elsewhere = env.home.join("ci-docker");
    let mut cmd = env.cmd(&["docker-config"]);
    cmd.env("DOCKER_CONFIG", &elsewhere);
    assert!(cmd.output().unwrap().status.success());
    let written = read_json(&elsewhere.join("config.json"));
    assert_eq!(written["credHelpers"]["localhost:5000"], "hubint");
    #[cfg(unix)]
    assert_eq!(mode(&elsewhere.join("config.json")), 0o600);
}

#[test]
fn a_subscription_limits_the_registries() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env, "hub", "docker.io", "bob", "pw", &[]);
    add(
        &env,
        "local",
        "localhost:5000",
        "alice",
        "pw",
        &["--subscription", "ci"],
    );
    let out = env.home.join("config.json");
    let file = out.to_str().unwrap();
    snapshot!(env, env.cmd(&["docker-config", "--subscription", "ci", "-o", file]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Wrote credHelpers for 1 registry to [HOME]/config.json: localhost:5000.
    Set HUBINT_SUBSCRIPTION=ci where the pipeline runs, so that the helper serves ci's integrations.
    ");
    let json = read_json(&out);
    assert_eq!(
        json["credHelpers"],
        serde_json::json!({"localhost:5000": "hubint"})
    );
    snapshot!(env, env.cmd(&["docker-config", "--subscription", "nope", "-o", file]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no subscription named 'nope'
    hint: run `hubint subscription list` to see the subscriptions
    ");
    let out = env.run(&["subscription", "detach", "ci", "local"], "");
    assert!(out.status.success());
    snapshot!(env, env.cmd(&["docker-config", "--subscription", "ci", "-o", file]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: nothing to write: subscription 'ci' has no integrations
    hint: add one with `hubint add`, attach one with `hubint subscription attach`
    ");
}

#[test]
fn inline_config_holds_base64_auths_mode_0600() {
    needs_keyring!();
    let env = TestEnv::new();
    add(
        &env,
        "local",
        "localhost:5000",
        "alice",
        "pa:ss word",
        &["--email", "a@example.com"],
    );
    let out = env.home.join("config.json");
    std::fs::write(
        &out,
        r#"{"credHelpers": {"localhost:5000": "hubint", "gcr.io": "gcloud"}}"#,
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let file = out.to_str().unwrap();
    snapshot!(env, env.cmd(&["docker-config", "--inline", "--output", file]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    warning: [HOME]/config.json now holds 1 password in plaintext (base64, mode 0600); use it only in a throwaway container and delete it afterwards
    ");
    insta::assert_snapshot!(std::fs::read_to_string(&out).unwrap(), @r#"
    {
    	"auths": {
    		"localhost:5000": {
    			"auth": "YWxpY2U6cGE6c3Mgd29yZA==",
    			"email": "a@example.com"
    		}
    	},
    	"credHelpers": {
    		"gcr.io": "gcloud"
    	}
    }
    "#);
    #[cfg(unix)]
    assert_eq!(mode(&out), 0o600);
    snapshot!(env, env.cmd(&["docker-config", "--inline", "--helper", "-o", file]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the argument '--inline' cannot be used with '--helper'

    Usage: hubint docker-config --inline --output <FILE>

    For more information, try '--help'.
    ");
}

#[test]
fn ambiguity_and_malformed_files_change_nothing() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env, "one", "localhost:5000", "alice", "pw1", &[]);
    add(&env, "two", "localhost:5000", "bob", "pw2", &[]);
    let out = env.home.join("config.json");
    let file = out.to_str().unwrap();
    std::fs::write(&out, "{\"keep\": true}\n").unwrap();
    snapshot!(env, env.cmd(&["docker-config", "--inline", "-o", file]), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: 2 integrations match localhost:5000: one, two; choose one with HUBINT_INTEGRATION=NAME or HUBINT_SUBSCRIPTION=SUBSCRIPTION, or make one the default with `hubint integration edit NAME --default`
    ");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "{\"keep\": true}\n");
    // The helper config is fine: the helper itself asks to choose.
    snapshot!(env, env.cmd(&["docker-config", "-o", file]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Wrote credHelpers for 1 registry to [HOME]/config.json: localhost:5000.
    warning: 2 integrations match localhost:5000: one, two; choose one with HUBINT_INTEGRATION=NAME or HUBINT_SUBSCRIPTION=SUBSCRIPTION, or make one the default with `hubint integration edit NAME --default`
    ");

    std::fs::write(&out, "{\"credHelpers\": [\"x\"]}").unwrap();
    snapshot!(env, env.cmd(&["docker-config", "-o", file]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: [HOME]/config.json: .credHelpers: an array is not an object
    hint: fix or remove that entry, then run the command again; nothing was changed
    ");
    std::fs::write(&out, "{\"credHelpers\": {\n  \"x\": }").unwrap();
    snapshot!(env, env.cmd(&["docker-config", "-o", file]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: [HOME]/config.json is not valid JSON: line 2 column 8: expected value
    hint: fix the file, then run the command again; nothing was changed
    ");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "{\"credHelpers\": {\n  \"x\": }"
    );
    // (The team store keeps no data directory.)
    let expected: &[&str] = if env.on_team() {
        &["config.json"]
    } else {
        &["config.json", "hubint"]
    };
    assert_eq!(names(&env.home), expected);
}

/// Run as root on another user's config, `docker-config` and `import
/// --scrub` keep its owner, group and mode (and the backup is theirs too).
#[cfg(unix)]
#[test]
fn docker_config_as_root_keeps_the_owner_and_mode() {
    use common::{Who, assert_ok, chmod, summary};
    use std::os::unix::fs::MetadataExt;
    use std::path::PathBuf;

    let Some(user @ Who::User { uid, gid }) = common::test_user() else {
        eprintln!("note: needs root and the test user; skipped");
        return;
    };
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", "docker config passphrase")
        .with_env("HUBINT_SECRET_STORE", "file");
    assert_ok(
        "add",
        &env.run(
            &[
                "add",
                "--name",
                "base",
                "--username",
                "u",
                "--password-stdin",
            ],
            "base-pw",
        ),
    );
    let docker = env.home.join(".docker");
    std::fs::create_dir(&docker).unwrap();
    let config = docker.join("config.json");
    let auth = base64_of("alice:plain-pw");
    std::fs::write(
        &config,
        format!(r#"{{"auths":{{"quay.io":{{"auth":"{auth}"}}}}}}"#),
    )
    .unwrap();
    chmod(&config, 0o644);
    common::give_path(&docker, user);
    let owner = |p: &Path| {
        let m = std::fs::metadata(p).unwrap();
        (m.uid(), m.gid(), m.mode() & 0o7777)
    };
    let run = |args: &[&str]| {
        let mut cmd = env.cmd(args);
        cmd.env("DOCKER_CONFIG", &docker);
        assert_ok(&format!("{args:?}"), &cmd.output().unwrap());
    };
    run(&["docker-config"]);
    assert_eq!(owner(&config), (uid, gid, 0o644), "docker-config");
    run(&["import", "docker-config", "--scrub"]);
    assert_eq!(owner(&config), (uid, gid, 0o644), "import --scrub");
    let backup = PathBuf::from(format!("{}.hubint-backup", config.display()));
    assert_eq!(owner(&backup), (uid, gid, 0o600), "the backup");
    // The user can still write the file.
    let out = env
        .program_as_user(
            user,
            "sh",
            &["-c", "echo >> \"$0\"", &config.display().to_string()],
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    summary("docker-config and import --scrub as root: the user's config keeps its owner and mode");
}

#[cfg(unix)]
fn base64_of(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}
