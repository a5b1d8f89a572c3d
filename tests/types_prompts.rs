//! The interactive add of each kind of type (issue #16): the type select
//! lists the types with their labels, then each type asks for its own
//! fields and checks them as its catalog entry says.
#![cfg(unix)]

mod common;

use common::TestEnv;
use common::terminal::{DOWN, ENTER, Pty};

/// Pick the type `downs` rows below docker, then type a name.
fn start(env: &TestEnv, downs: usize, label: &str, name: &str) -> Pty {
    let mut p = Pty::spawn(env, &["add"]);
    p.expect("Integration family · hub")
        .expect("Integration type");
    for _ in 0..downs {
        p.send(DOWN);
    }
    p.send(ENTER)
        .expect(&format!("Integration type: {label}"))
        .expect("Name:")
        .line(name);
    p
}

/// No subscription, then Save.
fn save(p: &mut Pty, added: &str) {
    p.expect("Attach to subscriptions")
        .send(ENTER)
        .expect("Save? [Y/n]")
        .send(ENTER)
        .expect(added)
        .exits_with(0);
}

#[test]
fn the_type_select_lists_every_type_with_its_label() {
    needs_keyring!();
    let env = TestEnv::new();
    let mut p = Pty::spawn(&env, &["add"]);
    p.expect("Integration type");
    for label in [
        "docker: Docker Hub or any Registry v2",
        "ghcr: GitHub Container Registry (ghcr.io)",
        "quay: Quay.io or self-hosted Quay",
        "gitlab: GitLab container registry",
        "acr: Azure Container Registry (<name>.azurecr.io)",
        "gcr: Google Artifact Registry / Container Registry (service-account key)",
        "ecr: Amazon ECR (tokens minted from AWS credentials)",
    ] {
        p.expect(label);
    }
}

#[test]
fn ghcr_prompts_for_a_github_user_and_token() {
    needs_keyring!();
    let env = TestEnv::new();
    let mut p = start(&env, 1, "ghcr: GitHub Container Registry", "gh");
    p.expect("Registry URL [ghcr.io]:")
        .line("quay.io")
        .expect("error: GitHub's registry is ghcr.io, not quay.io")
        .expect("Registry URL [ghcr.io]:")
        .send(ENTER)
        .expect("GitHub username:")
        .line("octo cat")
        .expect("error: a GitHub username holds only letters, digits and '-'")
        .expect("GitHub username:")
        .line("octocat")
        .expect_password("Personal access token:")
        .line("not-a-pat")
        .expect_password("Repeat password:")
        .line("not-a-pat")
        .expect("warning: the token does not look like a GitHub personal access token");
    save(&mut p, "Added integration gh (hub/ghcr for ghcr.io)");
    assert!(!p.transcript.contains("Email"), "{}", p.transcript);
    let gh = env.show("gh");
    assert_eq!(gh["username"], "octocat");
    assert_eq!(
        env.stored_secret(gh["id"].as_str().unwrap()).as_deref(),
        Some("not-a-pat")
    );
}

#[test]
fn quay_takes_a_robot_account() {
    needs_keyring!();
    let env = TestEnv::new();
    let mut p = start(&env, 2, "quay: Quay.io or self-hosted Quay", "q");
    p.expect("Registry URL [quay.io]:")
        .send(ENTER)
        .expect("Username or robot account (org+name):")
        .line("acme+")
        .expect("error: a Quay robot account is written org+name")
        .expect("Username or robot account (org+name):")
        .line("acme+ci")
        .expect_password("Password or robot token:")
        .line("robot-token")
        .expect_password("Repeat password:")
        .line("robot-token");
    save(&mut p, "Added integration q (hub/quay for quay.io)");
    let q = env.show("q");
    assert_eq!(q["username"], "acme+ci");
    assert_eq!(
        env.stored_secret(q["id"].as_str().unwrap()).as_deref(),
        Some("robot-token")
    );
}

#[test]
fn gitlab_takes_a_job_token_user() {
    needs_keyring!();
    let env = TestEnv::new();
    let mut p = start(&env, 3, "gitlab: GitLab container registry", "gl");
    p.expect("Registry URL [registry.gitlab.com]:")
        .send(ENTER)
        .expect("Username, deploy-token user or gitlab-ci-token:")
        .line("gitlab ci")
        .expect("error:")
        .expect("Username, deploy-token user or gitlab-ci-token:")
        .line("gitlab-ci-token")
        .expect_password("Access token, deploy token or job token:")
        .line("job-token")
        .expect_password("Repeat password:")
        .line("job-token");
    save(
        &mut p,
        "Added integration gl (hub/gitlab for registry.gitlab.com)",
    );
    assert_eq!(env.show("gl")["username"], "gitlab-ci-token");
}

#[test]
fn acr_asks_for_the_host_by_its_pattern() {
    needs_keyring!();
    let env = TestEnv::new();
    let mut p = start(&env, 4, "acr: Azure Container Registry", "az");
    p.expect("Registry URL (<name>.azurecr.io):")
        .line("contoso.example.com")
        .expect("error: an Azure registry is <name>.azurecr.io, not contoso.example.com")
        .line("contoso.azurecr.io")
        .expect("for a refresh token:")
        .line("00000000-0000-0000-0000-000000000000")
        .expect_password("Secret or token:")
        .line("refresh-token")
        .expect_password("Repeat password:")
        .line("refresh-token");
    save(
        &mut p,
        "Added integration az (hub/acr for contoso.azurecr.io)",
    );
}

#[test]
fn gcr_reads_the_key_file_whose_path_is_asked() {
    needs_keyring!();
    let env = TestEnv::new();
    let dir = env.home.join("keys");
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("key.json");
    std::fs::write(&key, common::JSON_KEY).unwrap();
    let bad = dir.join("user.json");
    std::fs::write(&bad, r#"{"type":"authorized_user"}"#).unwrap();

    let mut p = start(&env, 5, "gcr: Google Artifact Registry", "gar");
    p.expect("Registry URL [gcr.io]:")
        .line("europe-west1-docker.pkg.dev")
        .expect("Username · _json_key")
        .expect("Path to the service-account JSON key file:")
        .line(bad.to_str().unwrap())
        .expect("error: the key's \"type\" is not \"service_account\"")
        .line(key.to_str().unwrap());
    save(
        &mut p,
        "Added integration gar (hub/gcr for europe-west1-docker.pkg.dev)",
    );
    let gar = env.show("gar");
    assert_eq!(gar["username"], "_json_key");
    let id = gar["id"].as_str().unwrap();
    assert_eq!(env.stored_secret(id).as_deref(), Some(common::JSON_KEY));
}

#[test]
fn ecr_without_a_key_id_uses_the_default_chain() {
    needs_keyring!();
    let env = TestEnv::new();
    let mut p = start(&env, 6, "ecr: Amazon ECR", "aws");
    p.expect("Registry URL (<account>.dkr.ecr.<region>.amazonaws.com):")
        .line("123456789012.dkr.ecr.eu-west-1.amazonaws.com")
        .expect("AWS access key id (Enter: the AWS default credential chain):")
        .send(ENTER);
    save(
        &mut p,
        "Added integration aws (hub/ecr for 123456789012.dkr.ecr.eu-west-1.amazonaws.com)",
    );
    assert!(
        !p.transcript.contains("secret access key"),
        "{}",
        p.transcript
    );
    assert_eq!(env.show("aws")["username"], "aws-default-chain");
}

/// The interactive edit offers the type too, the current one first; a new
/// type offers its own registry. The summary names both changes.
#[test]
fn edit_at_a_terminal_changes_the_type() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add(
        "gh",
        "ghp_0123456789abcdef",
        &["--url", "registry.example.com:5000"],
    );
    let mut p = Pty::spawn(&env, &["edit", "gh"]);
    p.expect("Integration type").send(DOWN).send(ENTER);
    p.expect("Integration type: ghcr")
        .expect("Name [gh]:")
        .send(ENTER)
        .expect("Registry URL [ghcr.io]:")
        .send(ENTER)
        .expect("Username [user]:")
        .send(ENTER)
        .expect_password("Password (leave empty to keep the current one):")
        .send(ENTER)
        .expect("Changes to gh:")
        .expect("Type      docker → ghcr")
        .expect("Registry  registry.example.com:5000 → ghcr.io")
        .expect("Save? [Y/n]")
        .send(ENTER)
        .expect("Updated integration gh.")
        .exits_with(0);
    let after = env.show("gh");
    assert_eq!(after["type"], "ghcr");
    assert_eq!(after["registry"], "ghcr.io");
}

/// The interactive edit of a key-file type asks for the new key's path (as
/// add does), never for the key at a hidden prompt; Enter keeps the key.
#[test]
fn gcr_edit_asks_for_the_key_files_path() {
    needs_keyring!();
    let env = TestEnv::new();
    let key = env.home.join("key.json");
    std::fs::write(&key, common::JSON_KEY).unwrap();
    let args = ["add", "--type", "gcr", "--name", "gar", "--password-file"];
    let out = env.run(&[&args[..], &[key.to_str().unwrap()]].concat(), "");
    assert!(out.status.success(), "{}", common::stderr(&out));
    let new_key = common::JSON_KEY.replace("0123456789abcdef", "fedcba9876543210");
    let rotated = env.home.join("rotated.json");
    std::fs::write(&rotated, &new_key).unwrap();
    const PATH: &str = "Path to the service-account JSON key file (Enter keeps the current key):";

    let edit = |path: &str| {
        let mut p = Pty::spawn(&env, &["edit", "gar"]);
        p.expect("Integration type")
            .send(ENTER)
            .expect("Name [gar]:")
            .send(ENTER)
            .expect("Registry URL [gcr.io]:")
            .send(ENTER)
            .expect("Username [_json_key]:")
            .send(ENTER)
            .expect(PATH)
            .line(path);
        p
    };
    let mut p = edit("");
    p.expect("Nothing changed for gar.").exits_with(0);
    let mut p = edit(rotated.to_str().unwrap());
    p.expect("Save? [Y/n]")
        .send(ENTER)
        .expect("Updated integration gar and its password.")
        .exits_with(0);
    assert!(!p.transcript.contains("leave empty"), "{}", p.transcript);
    let id = env.show("gar")["id"].as_str().unwrap().to_string();
    assert_eq!(env.stored_secret(&id).as_deref(), Some(new_key.as_str()));
}
