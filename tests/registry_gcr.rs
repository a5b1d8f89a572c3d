//! The `gcr` type end to end: a `docker-registry` on 127.0.0.1 whose one
//! htpasswd user is `_json_key` with a service-account JSON key as its
//! password (as Google's registries take it), an integration added with
//! `--password-file key.json`, and skopeo pushing through the helper.

mod common;
mod fixtures;

use std::process::{Command, Output, Stdio};

use common::TestEnv;
use fixtures::Registry;

/// A service-account-shaped key whose first bytes are unique to the run
/// (bcrypt, and so htpasswd, compares only the first 72 bytes).
fn json_key(dir: &std::path::Path) -> String {
    let unique = dir.file_name().unwrap().to_string_lossy().replace('.', "-");
    common::JSON_KEY.replacen(
        "{\n",
        &format!(
            "{{\n  \"client_id\": \"{unique}-{}\",\n",
            std::process::id()
        ),
        1,
    )
}

fn skopeo(env: &TestEnv, args: &[&str]) -> Output {
    let mut cmd = env.program("skopeo", args);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.output().expect("run skopeo")
}

fn ok(out: &Output) -> bool {
    if !out.status.success() {
        eprintln!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out.status.success()
}

#[test]
fn skopeo_pushes_to_a_gcr_registry_with_a_json_key_served_by_hubint() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd", "skopeo", "tar");
    let env = TestEnv::new();
    let work = env.root().join("gcr");
    std::fs::create_dir_all(work.join("rootfs")).unwrap();
    let key = json_key(env.root());
    let key_file = work.join("key.json");
    std::fs::write(&key_file, &key).unwrap();
    // htpasswd takes at most 255 bytes, and bcrypt reads only the first 72.
    let registry = Registry::start("_json_key", &key[..72]);
    let host = registry.url();

    // The integration: no username (gcr sets _json_key), the key from a file.
    let out = env.run(
        &[
            "add",
            "--type",
            "gcr",
            "--name",
            "gar",
            "--url",
            &format!("http://{host}"),
            "--password-file",
            key_file.to_str().unwrap(),
            "--json",
        ],
        "",
    );
    assert!(ok(&out));
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(added["username"], "_json_key");
    let auth = work.join("auth.json");
    let auth = auth.to_str().unwrap();
    assert!(ok(&env.run(&["docker-config", "--output", auth], "")));

    // A one-layer image made locally, pushed and inspected through the helper.
    std::fs::write(work.join("rootfs/hello.txt"), "hello from gcr\n").unwrap();
    let layer = work.join("layer.tar");
    let tar = Command::new("tar")
        .arg("-C")
        .arg(work.join("rootfs"))
        .arg("-cf")
        .arg(&layer)
        .arg("hello.txt")
        .output()
        .unwrap();
    assert!(ok(&tar));
    let tarball = format!("tarball:{}", layer.display());
    let image = format!("docker://{host}/project/hello:v1");
    assert!(ok(&skopeo(
        &env,
        &[
            "copy",
            "--insecure-policy",
            "--dest-tls-verify=false",
            "--authfile",
            auth,
            &tarball,
            &image
        ],
    )));
    let out = skopeo(
        &env,
        &["inspect", "--tls-verify=false", "--authfile", auth, &image],
    );
    assert!(ok(&out));
    let manifest: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(manifest["Name"], format!("{host}/project/hello"));

    // Another key (same shape, other first bytes) is refused by the registry.
    let other = work.join("other.json");
    std::fs::write(
        &other,
        key.replacen("\"client_id\": \"", "\"client_id\": \"x", 1),
    )
    .unwrap();
    let out = env.run(
        &["edit", "gar", "--password-file", other.to_str().unwrap()],
        "",
    );
    assert!(ok(&out));
    let out = skopeo(
        &env,
        &["inspect", "--tls-verify=false", "--authfile", auth, &image],
    );
    assert!(!out.status.success(), "inspect with another key succeeded");
}
