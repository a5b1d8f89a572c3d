//! Login and logout through real clients: skopeo, podman, buildah (as root,
//! vfs, private roots), the docker CLI with a private dockerd, and a Go
//! program using the docker-credential-helpers `client` package (what the
//! docker CLI calls helpers with). Each talks to a real `docker-registry`
//! with htpasswd auth on 127.0.0.1 and gets its credentials only from
//! `docker-credential-hubint`. `tests/run` installs every package.
//!
//! For each client: log in, log out, log out again; alice then bob (pull
//! works as bob), log out (pull is anonymous: 401); the same under
//! `HUBINT_SUBSCRIPTION` while another subscription keeps its own
//! integration for the registry; a logout without a subscription of a login
//! that a subscription uses (twice: the subscription keeps pulling, the rest
//! is anonymous); and for docker, `docker build` with a `FROM` on the
//! registry (list, then get). No password and no base64 `user:pass` lands in
//! any file these flows write.
#![cfg(unix)]

mod common;
mod fixtures;
#[path = "login_clients/world.rs"]
mod world;

use std::path::{Path, PathBuf};
use std::process::Output;

use base64::Engine;
use common::{stderr, stdout};
use fixtures::dockerd::Dockerd;
use world::{Client, Setup, ok, run, setup, text};

const USERS: [(&str, &str); 3] = [
    ("alice", "alice-Pa55-word"),
    ("bob", "bob-Pa55-word"),
    ("carol", "carol-Pa55-word"),
];
const ALICE: (&str, &str) = USERS[0];
const BOB: (&str, &str) = USERS[1];
const CAROL: (&str, &str) = USERS[2];
const REPO: &str = "hubint/hello:v1";

/// What hubint's helper serves for the registry in `sub`: the username.
fn served(s: &Setup, sub: Option<&str>) -> Option<String> {
    let mut get = s.env.helper(&["get"]);
    if let Some(sub) = sub {
        get.env("HUBINT_SUBSCRIPTION", sub);
    }
    let out = common::feed(get, &s.host);
    if !out.status.success() {
        assert_eq!(stdout(&out), common::NOT_FOUND, "{}", stderr(&out));
        return None;
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    Some(json["Username"].as_str().unwrap().to_string())
}

/// The usernames of all hubint's integrations.
fn usernames(s: &Setup) -> Vec<String> {
    let out = s.env.run(&["list", "--json"], "");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| i["username"].as_str().unwrap().to_string())
        .collect()
}

fn assert_no_crash(out: &Output, what: &str) {
    let all = text(out);
    assert!(
        !all.contains("goroutine") && !all.contains("stack overflow"),
        "{what} crashed:\n{all}"
    );
}

/// The pull was refused for want of credentials.
fn assert_anonymous_refused(client: &Client, out: &Output) {
    assert!(!out.status.success(), "an anonymous pull worked");
    if let Client::Go(_) = client {
        assert_eq!(
            (out.status.code(), stdout(out)),
            (Some(3), "not-found\n".into())
        );
        return;
    }
    let all = text(out).to_lowercase();
    assert!(
        [
            "401",
            "unauthorized",
            "authentication required",
            "no basic auth credentials"
        ]
        .iter()
        .any(|needle| all.contains(needle)),
        "not a 401:\n{all}"
    );
}

/// Log in, log out, log out again: every step succeeds, nothing crashes.
fn login_logout_twice(s: &Setup, client: &Client) {
    ok(client.login(s, None, ALICE), "login");
    assert_eq!(served(s, None).as_deref(), Some(ALICE.0));
    for round in ["logout", "second logout"] {
        let out = client.logout(s, None);
        assert_no_crash(&out, round);
        ok(out, round);
        assert_eq!(served(s, None), None, "after the {round}");
    }
}

/// alice, then bob: bob is served and pulls; logout makes pulls anonymous.
/// Under `sub`, an integration of another subscription survives it all.
fn second_user_then_logout(s: &Setup, client: &Client, sub: Option<&str>) {
    if sub.is_some() {
        let url = s.host.clone();
        let out = s.env.run(
            &[
                "add",
                "--name",
                "theirs",
                "--url",
                &url,
                "--username",
                CAROL.0,
                "--password-stdin",
                "--subscription",
                "other",
            ],
            CAROL.1,
        );
        ok(out, "hubint add theirs");
    }
    ok(client.login(s, sub, ALICE), "login as alice");
    ok(client.login(s, sub, BOB), "login as bob");
    assert_eq!(served(s, sub).as_deref(), Some(BOB.0));
    // alice's login is gone: what pulls now can only be bob.
    let mut users = usernames(s);
    users.sort();
    let expected: &[&str] = if sub.is_some() {
        &["bob", "carol"]
    } else {
        &["bob"]
    };
    assert_eq!(users, expected);
    let pull = ok(client.pull(s, sub), "pull as bob");
    if let Client::Go(_) = client {
        assert_eq!(stdout(&pull), "bob\n");
    }
    let out = client.logout(s, sub);
    assert_no_crash(&out, "logout");
    ok(out, "logout");
    assert_eq!(served(s, sub), None);
    assert_anonymous_refused(client, &client.pull(s, sub));
    if sub.is_some() {
        assert_eq!(served(s, Some("other")).as_deref(), Some(CAROL.0));
        ok(
            client.pull(s, Some("other")),
            "pull in the other subscription",
        );
        let out = s.env.run(&["list", "--json"], "");
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
        assert_eq!(list[0]["name"], "theirs");
        assert_eq!(list[0]["subscriptions"], serde_json::json!(["other"]));
        let out = s
            .env
            .run(&["delete", "theirs", "--detach-all", "--yes"], "");
        ok(out, "hubint delete theirs");
    }
}

/// Log in, attach the login to a subscription, log out without one twice:
/// both logouts succeed, tools without a subscription then pull
/// anonymously, and the subscription still pulls with the login.
fn unscoped_logout_keeps_what_a_subscription_uses(s: &Setup, client: &Client) {
    ok(client.login(s, None, ALICE), "login");
    let out = s.env.run(&["list", "--json"], "");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let name = list[0]["name"].as_str().unwrap().to_string();
    ok(
        s.env.run(&["subscription", "attach", "ci", &name], ""),
        "hubint subscription attach",
    );
    for round in ["logout", "second logout"] {
        let out = client.logout(s, None);
        assert_no_crash(&out, round);
        ok(out, round);
        assert_eq!(served(s, None), None, "after the {round}");
    }
    assert_anonymous_refused(client, &client.pull(s, None));
    assert_eq!(served(s, Some("ci")).as_deref(), Some(ALICE.0));
    ok(client.pull(s, Some("ci")), "pull in the subscription");
    let out = s.env.run(&["delete", &name, "--detach-all", "--yes"], "");
    ok(out, "hubint delete");
}

/// No password and no base64 `user:pass` in any file of the test: HOME
/// (hubint's database, the auth file, docker's config) and the clients'
/// storage (podman, buildah, dockerd, pulled images).
fn assert_no_secret_in_files(s: &Setup) {
    let b64 = base64::engine::general_purpose::STANDARD;
    for (user, password) in USERS {
        let pair = b64.encode(format!("{user}:{password}"));
        for needle in [password, pair.as_str()] {
            let found = files_containing(s.env.root(), needle.as_bytes());
            assert!(found.is_empty(), "{user}'s secret is in {found:?}");
        }
    }
}

fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            found.extend(files_containing(&path, needle));
        } else if meta.is_file() && common::contains(&std::fs::read(&path).unwrap(), needle) {
            found.push(path);
        }
    }
    found
}

/// Every sequence, each in a fresh hubint home against the same registry.
fn all_sequences(s: &Setup, client: &Client) {
    login_logout_twice(s, client);
    second_user_then_logout(s, client, None);
    second_user_then_logout(s, client, Some("team"));
    unscoped_logout_keeps_what_a_subscription_uses(s, client);
    assert_no_secret_in_files(s);
}

/// From now on the helper is a script that logs each action to the
/// returned file, then runs `hubint credential-helper ACTION`.
fn record_helper_calls(s: &Setup) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let log = s.work.join("helper-calls");
    let helper = s.env.bin_dir.join(common::HELPER);
    std::fs::remove_file(&helper).unwrap();
    let script = format!(
        "#!/bin/sh\necho \"$1\" >> '{}'\nexec '{}' credential-helper \"$@\"\n",
        log.display(),
        common::bin().display()
    );
    std::fs::write(&helper, script).unwrap();
    std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).unwrap();
    log
}

#[test]
fn skopeo_logs_in_and_out() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd", "skopeo");
    let s = setup();
    all_sequences(&s, &Client::Skopeo);
}

#[test]
fn podman_logs_in_and_out() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd", "podman");
    let s = setup();
    all_sequences(&s, &Client::Podman);
}

#[test]
fn buildah_logs_in_and_out() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd", "buildah");
    let s = setup();
    all_sequences(&s, &Client::Buildah);
}

#[test]
fn go_client_logs_in_and_out() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd", "go");
    let s = setup();
    let bin = s.work.join("credclient");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go/credclient");
    let mut build = s
        .env
        .program("go", &["build", "-o", bin.to_str().unwrap(), "."]);
    build
        .current_dir(&src)
        .env("GO111MODULE", "off")
        .env("GOPATH", "/usr/share/gocode")
        .env("GOCACHE", s.work.join("gocache"));
    ok(
        run(build, None),
        "go build (golang-go, golang-github-docker-docker-credential-helpers-dev, golang-golang-x-sys-dev)",
    );
    let client = Client::Go(bin);
    all_sequences(&s, &client);
    // list, as the docker CLI uses it: every registry served, with its user.
    ok(client.login(&s, None, BOB), "store");
    let out = ok(run(client.command(&s, None, &["list"]), None), "list");
    assert_eq!(stdout(&out), format!("{}=bob\n", s.host));
}

#[test]
fn docker_logs_in_and_out_and_builds() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd", "docker", "dockerd");
    let s = setup();
    // docker's config: hubint is the credential store (list serves builds).
    let config = s.env.home.join("docker");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.json"), r#"{"credsStore":"hubint"}"#).unwrap();
    let dockerd = Dockerd::start(s.env.program("dockerd", &[]), &s.work.join("d"));
    let client = Client::Docker(dockerd);
    all_sequences(&s, &client);

    // docker build: the CLI lists the helper's registries, gets each, and
    // the daemon pulls the FROM image with them.
    let context = s.work.join("ctx");
    std::fs::create_dir_all(&context).unwrap();
    std::fs::write(context.join("Dockerfile"), format!("FROM {}\n", s.image)).unwrap();
    let ctx = context.display().to_string();
    let build = |s: &Setup| {
        let mut cmd = client.command(s, None, &["build", "--pull", "-t", "hubint-built:1", &ctx]);
        cmd.env("DOCKER_BUILDKIT", "0");
        run(cmd, None)
    };
    ok(client.login(&s, None, BOB), "login as bob");
    let calls = record_helper_calls(&s);
    ok(build(&s), "docker build");
    let seen = std::fs::read_to_string(&calls).unwrap();
    assert!(seen.starts_with("list\nget\n"), "helper calls: {seen:?}");
    ok(client.logout(&s, None), "logout");
    assert_anonymous_refused(&client, &build(&s));
    assert_no_secret_in_files(&s);
}
