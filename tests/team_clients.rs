//! A real client through the credential helper with a team-store
//! integration: skopeo pushes to and inspects a real registry
//! (`tests/common/registry.rs`: docker-registry with htpasswd) with the
//! credentials `docker-credential-hubint` reads from an OpenBao dev server
//! (`tests/common/bao.rs`). No `docker login`: the client's config only
//! names the helper.

mod common;
#[path = "common/registry.rs"]
mod registry;

use common::{Bao, hubint_ok as ok};
use registry::{
    PASSWORD, Registry, USER, assert_helper_only, files_containing, make_image, push, skopeo, text,
};

#[test]
fn skopeo_pushes_with_a_team_store_integration() {
    needs_bao!();
    needs_commands!("docker-registry", "htpasswd", "skopeo");
    let bao = Bao::start();
    let env = bao.machine();
    let work = env.root().join("e2e");
    std::fs::create_dir_all(&work).unwrap();
    let registry = Registry::start(&work);
    let host = registry.host();
    let image = format!("docker://{host}/hubint/team:v1");
    let oci = make_image(&env, &work);

    // The integration lives in the team store: its secret under secrets/.
    let url = format!("http://{host}");
    let args = [
        "add",
        "--name",
        "team-registry",
        "--url",
        &url,
        "--username",
        USER,
        "--password-stdin",
    ];
    ok(&env, &args, PASSWORD);
    let shown = env.show("team-registry");
    assert_eq!(shown["secret_store"], "team", "{shown}");
    let id = shown["id"].as_str().unwrap();
    let secret = bao.ok(&[
        "kv",
        "get",
        "-field=password",
        &format!("hubint/secrets/{id}"),
    ]);
    assert_eq!(secret, PASSWORD);

    // A config that only names the helper for this registry.
    let auth_file = work.join("auth.json");
    let auth = auth_file.to_str().unwrap();
    ok(&env, &["docker-config", "--output", auth], "");
    assert_helper_only(&auth_file, &host);

    // Push, then inspect.
    push(&env, auth, &oci, &image);
    let out = skopeo(
        &env,
        &["inspect", "--tls-verify=false", "--authfile", auth, &image],
    )
    .output()
    .unwrap();
    assert!(out.status.success(), "inspect failed: {}", text(&out));
    let manifest: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(manifest["Name"], format!("{host}/hubint/team"));
    assert_eq!(manifest["Layers"].as_array().map(Vec::len), Some(1));

    // The password is in no local file: the team store holds it.
    let leaks = files_containing(env.root(), PASSWORD.as_bytes());
    assert!(leaks.is_empty(), "the password is in {leaks:?}");

    // Another machine on the same team store pulls with no setup but the
    // helper config; a stopped server serves nothing.
    let other = bao.machine();
    let mut inspect = skopeo(&other, &["inspect", "--tls-verify=false", &image]);
    inspect.env("REGISTRY_AUTH_FILE", auth);
    let out = inspect.output().unwrap();
    assert!(out.status.success(), "other machine: {}", text(&out));
    drop(bao);
    let out = skopeo(
        &other,
        &["inspect", "--tls-verify=false", "--authfile", auth, &image],
    )
    .output()
    .unwrap();
    assert!(!out.status.success(), "inspect with the store stopped");
    drop(registry);
}
