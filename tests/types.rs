//! The types of the `hub` family (issue #16): each is added by flags with
//! its own host and username rules, filtered by `list --type`, completed
//! and named in the help, and served by the credential helper. What the
//! rules refuse is in tests/types_rules.rs.

mod common;

use common::{JSON_KEY, TestEnv, creds, stdout};

/// (type, --url, --username, secret, registry key, username served)
type Case = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
);

const CASES: &[Case] = &[
    (
        "docker",
        None,
        Some("bob"),
        "pw-docker",
        "https://index.docker.io/v1/",
        "bob",
    ),
    (
        "ghcr",
        None,
        Some("octocat"),
        "ghp_0123456789abcdef",
        "ghcr.io",
        "octocat",
    ),
    (
        "quay",
        None,
        Some("acme+deployer"),
        "ROBOTTOKEN",
        "quay.io",
        "acme+deployer",
    ),
    (
        "gitlab",
        None,
        Some("gitlab-ci-token"),
        "glcbt-xyz",
        "registry.gitlab.com",
        "gitlab-ci-token",
    ),
    (
        "acr",
        Some("https://Contoso.azurecr.io"),
        Some("00000000-0000-0000-0000-000000000000"),
        "refresh.token.jwt",
        "contoso.azurecr.io",
        "00000000-0000-0000-0000-000000000000",
    ),
    (
        "gcr",
        Some("europe-west1-docker.pkg.dev"),
        None,
        JSON_KEY,
        "europe-west1-docker.pkg.dev",
        "_json_key",
    ),
];

#[test]
fn every_type_is_added_by_flags_and_served_by_the_helper() {
    needs_keyring!();
    let env = TestEnv::new();
    for (kind, url, user, secret, key, served_user) in CASES {
        let name = format!("{kind}-int");
        let mut args = vec![
            "add",
            "--type",
            kind,
            "--name",
            &name,
            "--password-stdin",
            "--json",
        ];
        if let Some(url) = url {
            args.extend(["--url", url]);
        }
        if let Some(user) = user {
            args.extend(["--username", user]);
        }
        let out = env.run(&args, secret);
        assert!(
            out.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["type"], *kind);
        assert_eq!(json["registry"], *key);
        assert_eq!(json["username"], *served_user);
        let (code, got) = env.helper_get(key);
        assert_eq!((code, got), (0, creds(key, served_user, secret)), "{kind}");
    }
    // Each type filters to its own integration; the label shows in `show`.
    for (kind, ..) in CASES {
        let out = env.run(&["list", "--type", kind, "--json"], "");
        let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let names: Vec<_> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].clone())
            .collect();
        assert_eq!(names, [format!("{kind}-int")], "{kind}");
    }
    // `edit` by flags checks the same rules for the integration's type.
    let out = env.run(&["edit", "gcr-int", "--username", "me"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("_json_key"));
    let out = env.run(&["edit", "gcr-int", "--password-stdin"], "{}");
    assert_eq!(out.status.code(), Some(2));
    let out = env.run(&["edit", "ghcr-int", "--password-stdin"], "hunter2");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: the token does not look like"));
    let show = env.run(&["show", "gcr-int"], "");
    assert!(
        stdout(&show).contains("hub/gcr (Google Artifact Registry"),
        "{}",
        stdout(&show)
    );
}

#[test]
fn ghcr_warns_when_the_token_is_not_a_github_token() {
    needs_keyring!();
    let env = TestEnv::new();
    let out = env.run(
        &[
            "add",
            "--type",
            "ghcr",
            "--name",
            "gh",
            "--username",
            "octocat",
            "--password-stdin",
        ],
        "my-account-password",
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: the token does not look like a GitHub personal access token (ghp_... or github_pat_...)"),
        "{err}"
    );
}

#[test]
fn ecr_takes_keys_or_the_default_chain() {
    needs_keyring!();
    let env = TestEnv::new();
    let url = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    let out = env.run(
        &[
            "add",
            "--type",
            "ecr",
            "--name",
            "ecr-keys",
            "--url",
            url,
            "--username",
            "AKIAIOSFODNN7EXAMPLE",
            "--password-stdin",
            "--json",
        ],
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = env.run(
        &[
            "add",
            "--type",
            "ecr",
            "--name",
            "ecr-chain",
            "--url",
            url,
            "--json",
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["username"], "aws-default-chain");
}

/// `--type` completes to every type id, with its label.
#[test]
fn type_ids_complete() {
    let env = TestEnv::new();
    for (words, want) in [
        (
            &["add", "--type", ""][..],
            &["docker", "ghcr", "quay", "gitlab", "acr", "gcr", "ecr"][..],
        ),
        (&["list", "--type", "g"], &["ghcr", "gitlab", "gcr"]),
    ] {
        let mut args = vec!["--", "hubint"];
        args.extend_from_slice(words);
        let out = env.cmd(&args).env("COMPLETE", "fish").output().unwrap();
        let text = stdout(&out);
        let values: Vec<_> = text
            .lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        assert_eq!(values, want, "{text}");
    }
    let out = env
        .cmd(&["--", "hubint", "add", "--type", "ec"])
        .env("COMPLETE", "fish")
        .output()
        .unwrap();
    assert_eq!(
        stdout(&out),
        "ecr\tecr: Amazon ECR (tokens minted from AWS credentials)\n"
    );
}

/// The `--type` help names the catalog's types (its hint is built from it).
#[test]
fn add_help_names_every_type() {
    let env = TestEnv::new();
    let out = env.run(&["list", "--type", "nope"], "");
    let err = String::from_utf8_lossy(&out.stderr);
    let ids = err.split("hint: types: ").nth(1).unwrap().trim();
    let (rest, last) = ids.rsplit_once(", ").unwrap();
    let help = stdout(&env.run(&["add", "--help"], ""));
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains(&format!(
            "Integration type: {rest} or {last} (add: the new one's, default docker;"
        )),
        "{help}"
    );
}

/// A tool's login is recorded as the registry's type when it fits the
/// type's rules, else as docker (never as ecr: a login holds a token).
#[test]
fn helper_logins_are_recorded_as_the_registry_type() {
    needs_keyring!();
    let env = TestEnv::new();
    env.helper_store("ghcr.io", "octocat", "ghp_logintoken");
    env.helper_store("registry.gitlab.com", "gitlab-ci-token", "job-token");
    env.helper_store("quay.example.com", "acme+bot", "robot-token");
    env.helper_store("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "AWS", "tok");
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&env.run(&["list", "--json"], ""))).unwrap();
    let kinds: std::collections::BTreeMap<_, _> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["username"].as_str().unwrap().to_string(),
                i["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("AWS", "docker"),
        ("acme+bot", "docker"),
        ("gitlab-ci-token", "gitlab"),
        ("octocat", "ghcr"),
    ];
    assert_eq!(
        kinds,
        want.iter()
            .map(|(u, t)| (u.to_string(), t.to_string()))
            .collect()
    );
}

/// `edit --type`: the type changes within the family, the registry becomes
/// the new type's own (or --url), the username must pass its rules, and the
/// secret stays. Never to or from ecr; a refusal changes nothing.
#[test]
fn edit_changes_the_type() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("gh", "ghp_0123456789abcdef", &[]);
    snapshot!(env, env.cmd(&["edit", "gh", "--type", "ecr"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: cannot change gh from type docker to ecr: an ecr integration's secret is AWS keys, not a registry password
    hint: add a new integration with `hubint add --type ecr`, then delete gh
    ");
    // acr has no registry of its own, and takes no Docker Hub.
    let out = env.run(&["edit", "gh", "--type", "acr"], "");
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("hint: pass --url with a host such as"));
    // gcr's username is fixed: `user` does not pass.
    let out = env.run(&["edit", "gh", "--type", "gcr"], "");
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("invalid --username for type gcr"));
    let before = env.run(&["show", "gh", "--json"], "");
    assert!(stdout(&before).contains("\"type\": \"docker\""));

    let out = env.run(&["edit", "gh", "--type", "ghcr", "--json"], "");
    assert!(out.status.success(), "{}", common::stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["type"], "ghcr");
    assert_eq!(json["registry"], "ghcr.io");
    assert_eq!(env.id("gh"), id);
    assert_eq!(
        env.helper_get("ghcr.io"),
        (0, creds("ghcr.io", "user", "ghp_0123456789abcdef"))
    );
    // And --url with it: a self-hosted quay.
    let out = env.run(
        &[
            "edit",
            "gh",
            "--type",
            "quay",
            "--url",
            "quay.example.com",
            "--json",
        ],
        "",
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(stdout(&out).contains("\"registry\": \"quay.example.com\""));
}
