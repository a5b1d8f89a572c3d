//! End to end: a real registry (Debian's `docker-registry`, htpasswd basic
//! auth, plain http on 127.0.0.1) and a real client (skopeo) that gets its
//! credentials only from `docker-credential-hubint`, through a config written
//! by `hubint docker-config`. `tests/run` installs the packages.

mod common;
#[path = "common/registry.rs"]
mod registry;

use common::TestEnv;
use registry::{
    PASSWORD, Registry, USER, assert_helper_only, files_containing, make_image, push, skopeo, text,
};

#[test]
fn skopeo_pushes_and_inspects_with_credentials_served_by_hubint() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd", "skopeo");
    let env = TestEnv::new();
    let work = env.root().join("e2e");
    std::fs::create_dir_all(&work).unwrap();
    let registry = Registry::start(&work);
    let host = registry.host();
    let image = format!("docker://{host}/hubint/hello:v1");
    let oci = make_image(&env, &work);

    // Without credentials the registry refuses (so it really checks).
    let anonymous = skopeo(&env, &["inspect", "--tls-verify=false", &image])
        .output()
        .unwrap();
    assert!(!anonymous.status.success());
    assert!(
        text(&anonymous).contains("authentication required"),
        "{}",
        text(&anonymous)
    );

    // The integration, and a config that points the registry at the helper.
    let url = format!("http://{host}");
    let out = env.run(
        &[
            "add",
            "--name",
            "local-registry",
            "--url",
            &url,
            "--username",
            USER,
            "--password-stdin",
        ],
        PASSWORD,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let auth_file = work.join("auth.json");
    let auth = auth_file.to_str().unwrap();
    let out = env.run(&["docker-config", "--output", auth], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_helper_only(&auth_file, &host);

    // Push and inspect, with --authfile and with REGISTRY_AUTH_FILE.
    push(&env, auth, &oci, &image);
    let mut inspect = skopeo(&env, &["inspect", "--tls-verify=false", &image]);
    inspect.env("REGISTRY_AUTH_FILE", auth);
    let out = inspect.output().unwrap();
    assert!(out.status.success(), "inspect failed: {}", text(&out));
    let manifest: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(manifest["Name"], format!("{host}/hubint/hello"));
    assert_eq!(manifest["Layers"].as_array().map(Vec::len), Some(1));

    // No password in any file: the config, hubint's database, the client's
    // files under HOME, the registry's storage (htpasswd holds a bcrypt hash).
    let leaks = files_containing(env.root(), PASSWORD.as_bytes());
    assert!(leaks.is_empty(), "the password is in {leaks:?}");

    // Missing credentials: the helper serves nothing (another, empty home;
    // on the team store, another, empty mount).
    let mut missing = skopeo(
        &env,
        &["inspect", "--tls-verify=false", "--authfile", auth, &image],
    );
    missing.env("HUBINT_HOME", work.join("empty-home"));
    if env.on_team() {
        missing.env(
            "HUBINT_TEAM_MOUNT",
            common::fresh_mount(common::shared_bao()),
        );
    }
    let out = missing.output().unwrap();
    assert!(
        !out.status.success(),
        "inspect without credentials succeeded"
    );
    assert!(
        text(&out).contains("authentication required"),
        "{}",
        text(&out)
    );

    // Wrong credentials: the same client, the same config, a wrong password.
    let out = env.run(
        &["edit", "local-registry", "--password-stdin"],
        "wrong-password",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = skopeo(
        &env,
        &["inspect", "--tls-verify=false", "--authfile", auth, &image],
    )
    .output()
    .unwrap();
    assert!(
        !out.status.success(),
        "inspect with a wrong password succeeded"
    );
    assert!(text(&out).contains("unauthorized"), "{}", text(&out));

    // And the right one again.
    let out = env.run(&["edit", "local-registry", "--password-stdin"], PASSWORD);
    assert!(out.status.success());
    let out = skopeo(
        &env,
        &["inspect", "--tls-verify=false", "--authfile", auth, &image],
    )
    .output()
    .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    drop(registry);
}
