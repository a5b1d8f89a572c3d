//! `hubint team policy SUBSCRIPTION` (src/team/policy.rs): the HCL is
//! accepted by a real `bao policy write`, and a token with that policy
//! reads exactly that subscription's documents in the team store's KV v2
//! layout, and gets 403 for any other integration.

mod common;

use common::Bao;
use common::TestEnv;

/// A local catalog with hub and ghcr attached to Acme-CI, and quay not.
fn catalog() -> TestEnv {
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", "policy-test")
        .with_env("HUBINT_SECRET_STORE", "file");
    for (name, url) in [
        ("hub", "docker.io"),
        ("ghcr", "ghcr.io"),
        ("quay", "quay.io"),
    ] {
        let out = env.run(
            &[
                "add",
                "--name",
                name,
                "--url",
                url,
                "--username",
                "u",
                "--password-stdin",
            ],
            "pw",
        );
        assert!(out.status.success(), "add {name}: {}", common::stderr(&out));
    }
    env.attach("Acme-CI", "hub");
    env.attach("Acme-CI", "ghcr");
    env.attach("other", "quay");
    env
}

fn policy(env: &TestEnv, subscription: &str) -> String {
    let out = env.cmd(&["team", "policy", subscription]).output().unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    common::stdout(&out)
}

#[test]
fn the_policy_names_the_subscription_and_its_integrations() {
    let env = catalog();
    let _guard = env.settings().bind_to_scope();
    insta::assert_snapshot!(policy(&env, "acme-ci"));
    // Another mount.
    let env = env.with_env("HUBINT_TEAM_MOUNT", "/kv/");
    assert!(policy(&env, "other").contains("path \"kv/data/subscriptions/other\""));
    // An unknown subscription: exit 3.
    let out = env.cmd(&["team", "policy", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn a_token_with_the_policy_reads_exactly_its_subscription() {
    needs_bao!();
    let server = Bao::bare();
    server.ok(&["secrets", "enable", "-path=hubint", "kv-v2"]);
    let env = catalog();
    let id = |name: &str| common::id_of(&env.show(name));
    // The team store's documents, as the layout has them.
    for name in ["hub", "ghcr", "quay"] {
        let id = id(name);
        server.ok(&[
            "kv",
            "put",
            "-mount=hubint",
            &format!("integrations/{id}"),
            &format!("name={name}"),
        ]);
        server.ok(&[
            "kv",
            "put",
            "-mount=hubint",
            &format!("secrets/{id}"),
            &format!("password=pw-{name}"),
        ]);
    }
    server.ok(&[
        "kv",
        "put",
        "-mount=hubint",
        "subscriptions/acme-ci",
        "name=Acme-CI",
    ]);
    server.ok(&[
        "kv",
        "put",
        "-mount=hubint",
        "subscriptions/other",
        "name=other",
    ]);

    let hcl = policy(&env, "Acme-CI");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("policy.hcl");
    std::fs::write(&file, &hcl).unwrap();
    server.ok(&["policy", "write", "hubint-acme-ci", file.to_str().unwrap()]);
    let token = server.ok(&["token", "create", "-policy=hubint-acme-ci", "-field=token"]);

    let get = |path: &str| {
        server
            .command(&["kv", "get", "-mount=hubint", "-field=password", path])
            .env("BAO_TOKEN", &token)
            .output()
            .unwrap()
    };
    let read = |path: &str| {
        server
            .command(&["read", "-format=json", &format!("hubint/data/{path}")])
            .env("BAO_TOKEN", &token)
            .output()
            .unwrap()
    };
    for name in ["hub", "ghcr"] {
        let out = get(&format!("secrets/{}", id(name)));
        assert!(out.status.success(), "{name}: {}", common::stderr(&out));
        assert_eq!(common::stdout(&out).trim(), format!("pw-{name}"));
        assert!(read(&format!("integrations/{}", id(name))).status.success());
    }
    assert!(read("subscriptions/acme-ci").status.success());
    // Everything else: 403.
    for path in [
        format!("secrets/{}", id("quay")),
        format!("integrations/{}", id("quay")),
        "subscriptions/other".to_string(),
    ] {
        let out = read(&path);
        assert!(!out.status.success(), "{path} was readable");
        let err = common::stderr(&out);
        assert!(
            err.contains("403") && err.contains("permission denied"),
            "{path}: {err}"
        );
        assert!(!common::stdout(&out).contains("pw-quay"));
    }
    // Read only: no write, even to its own secret.
    let out = server
        .command(&[
            "kv",
            "put",
            "-mount=hubint",
            &format!("secrets/{}", id("hub")),
            "password=x",
        ])
        .env("BAO_TOKEN", &token)
        .output()
        .unwrap();
    assert!(!out.status.success(), "the policy allowed a write");
}
