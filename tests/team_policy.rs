//! `hubint team policy SUBSCRIPTION [--write]` (src/team/policy.rs,
//! src/service/policies.rs) against a real `bao server -dev`: the HCL is
//! accepted by `bao policy write`; a token with it reads exactly that
//! subscription's documents and gets 403 for any other integration; a
//! policy written with `--write` follows attach, detach, rename and delete;
//! a policy hubint did not write is never touched.

mod common;

use std::process::Output;

use common::{Bao, TestEnv, hubint_ok, stderr, stdout};

/// A team store with hub and ghcr attached to Acme-CI, and quay to other.
fn team() -> (Bao, TestEnv) {
    let bao = Bao::start();
    let env = bao.machine();
    for (name, url) in [
        ("hub", "docker.io"),
        ("ghcr", "ghcr.io"),
        ("quay", "quay.io"),
    ] {
        common::add_as_user(&env, name, &format!("pw-{name}"), &["--url", url]);
    }
    env.attach("Acme-CI", "hub");
    env.attach("Acme-CI", "ghcr");
    env.attach("other", "quay");
    (bao, env)
}

fn policy(env: &TestEnv, subscription: &str) -> String {
    hubint_ok(env, &["team", "policy", subscription], "")
}

/// `bao ARGS...` with `token` instead of the root token.
fn as_token(bao: &Bao, token: &str, args: &[&str]) -> Output {
    bao.command(args)
        .env("VAULT_TOKEN", token)
        .output()
        .unwrap()
}

/// Whether `token` may read the secret of `name` (403 otherwise).
fn reads_secret(bao: &Bao, env: &TestEnv, token: &str, name: &str) -> bool {
    let id = common::id_of(&env.show(name));
    let path = format!("secrets/{id}");
    let out = as_token(
        bao,
        token,
        &["kv", "get", "-mount=hubint", "-field=password", &path],
    );
    if out.status.success() {
        assert_eq!(stdout(&out).trim(), format!("pw-{name}"));
        return true;
    }
    let err = stderr(&out);
    assert!(
        err.contains("403") && err.contains("permission denied"),
        "{name}: {err}"
    );
    false
}

fn token_with(bao: &Bao, policy: &str) -> String {
    bao.ok(&[
        "token",
        "create",
        &format!("-policy={policy}"),
        "-field=token",
    ])
}

#[test]
fn the_policy_names_the_subscription_and_its_integrations() {
    needs_bao!();
    let (_bao, env) = team();
    let _guard = env.settings().bind_to_scope();
    insta::assert_snapshot!(policy(&env, "acme-ci"));
    // An unknown subscription: exit 3.
    let out = env.run(&["team", "policy", "nope"], "");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}

#[test]
fn a_token_with_the_policy_reads_exactly_its_subscription() {
    needs_bao!();
    let (bao, env) = team();
    let hcl = policy(&env, "Acme-CI");
    bao.run_with(&["policy", "write", "by-hand", "-"], &hcl);
    let token = token_with(&bao, "by-hand");
    assert!(reads_secret(&bao, &env, &token, "hub"));
    assert!(reads_secret(&bao, &env, &token, "ghcr"));
    assert!(!reads_secret(&bao, &env, &token, "quay"));
    let read = |path: &str| as_token(&bao, &token, &["read", &format!("hubint/data/{path}")]);
    assert!(read("subscriptions/acme-ci").status.success());
    assert!(!read("subscriptions/other").status.success());
    let quay = common::id_of(&env.show("quay"));
    assert!(!read(&format!("integrations/{quay}")).status.success());
    // Read only: no write, even to its own secret.
    let hub = common::id_of(&env.show("hub"));
    let path = format!("secrets/{hub}");
    let out = as_token(
        &bao,
        &token,
        &["kv", "put", "-mount=hubint", &path, "password=x"],
    );
    assert!(!out.status.success(), "the policy allowed a write");
}

#[test]
fn a_written_policy_follows_the_links() {
    needs_bao!();
    let (bao, env) = team();
    let out = env.run(&["team", "policy", "Acme-CI", "--write"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "hubint-acme-ci\n");
    assert!(stderr(&out).contains("Wrote the team policy hubint-acme-ci (2 integrations)"));
    assert_eq!(
        bao.ok(&["policy", "read", "hubint-acme-ci"]),
        policy(&env, "Acme-CI").trim()
    );
    let token = token_with(&bao, "hubint-acme-ci");
    assert!(!reads_secret(&bao, &env, &token, "quay"));

    // attach: the token (already issued) reads the new one at once.
    let out = env.run(&["subscription", "attach", "Acme-CI", "quay"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Rewrote the team policy hubint-acme-ci (3 integrations)."));
    assert!(reads_secret(&bao, &env, &token, "quay"));

    // detach: access is revoked with the link.
    let out = env.run(&["subscription", "detach", "Acme-CI", "hub"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!reads_secret(&bao, &env, &token, "hub"));
    assert!(reads_secret(&bao, &env, &token, "ghcr"));

    // delete --detach-all of an attached integration, then rename: the old
    // name's policy grants nothing.
    hubint_ok(&env, &["delete", "ghcr", "--detach-all", "--yes"], "");
    assert!(
        !bao.ok(&["policy", "read", "hubint-acme-ci"])
            .contains("# integration ghcr")
    );
    hubint_ok(
        &env,
        &["subscription", "rename", "Acme-CI", "acme-prod"],
        "",
    );
    assert!(!reads_secret(&bao, &env, &token, "quay"));
    assert!(
        !bao.ok(&["policy", "read", "hubint-acme-ci"])
            .contains("secrets/")
    );
}

#[test]
fn a_policy_hubint_did_not_write_is_left_alone() {
    needs_bao!();
    let (bao, env) = team();
    let theirs = "path \"hubint/data/*\" {\n  capabilities = [\"read\"]\n}\n";
    bao.run_with(&["policy", "write", "hubint-other", "-"], theirs);
    hubint_ok(&env, &["subscription", "detach", "other", "quay"], "");
    assert_eq!(bao.ok(&["policy", "read", "hubint-other"]), theirs.trim());
    let out = env.run(&["team", "policy", "other", "--write"], "");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("hubint did not write"),
        "{}",
        stderr(&out)
    );
    assert_eq!(bao.ok(&["policy", "read", "hubint-other"]), theirs.trim());
}

/// A machine with a token that may use the whole mount but not read or
/// write ACL policies (a developer's).
fn kv_only(bao: &Bao) -> TestEnv {
    let kv_only = "path \"hubint/*\" {\n  capabilities = [\"create\", \"read\", \"update\", \"delete\", \"list\"]\n}\n";
    bao.run_with(&["policy", "write", "kv-only", "-"], kv_only);
    let token = token_with(bao, "kv-only");
    bao.machine().with_env("VAULT_TOKEN", &token)
}

#[test]
fn a_token_that_may_not_manage_policies_gets_a_warning_not_a_failure() {
    needs_bao!();
    let (bao, env) = team();
    hubint_ok(&env, &["team", "policy", "Acme-CI", "--write"], "");
    let dev = kv_only(&bao);
    let out = dev.run(&["subscription", "attach", "Acme-CI", "quay"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the team policy hubint-acme-ci may be out of date")
            && err.contains("hubint team policy Acme-CI --write"),
        "{err}"
    );
    // As it says: an admin brings it up to date.
    hubint_ok(&env, &["team", "policy", "Acme-CI", "--write"], "");
    assert!(
        bao.ok(&["policy", "read", "hubint-acme-ci"])
            .contains("# integration quay")
    );
}

/// Where hubint wrote no policy, a token that may not read policies has
/// nothing to keep current: no warning. The mount's `policies/` mark tells
/// the two cases apart; a policy written before hubint kept marks is marked
/// the first time a token that may read it changes the links.
#[test]
fn no_warning_where_hubint_wrote_no_policy() {
    needs_bao!();
    let (bao, env) = team();
    let dev = kv_only(&bao);
    let out = dev.run(&["subscription", "attach", "Acme-CI", "quay"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("policy"), "{}", stderr(&out));

    // Written by hand from `team policy` (so hubint's, but not marked).
    bao.run_with(
        &["policy", "write", "hubint-acme-ci", "-"],
        &policy(&env, "Acme-CI"),
    );
    let out = dev.run(&["subscription", "detach", "Acme-CI", "quay"], "");
    assert!(!stderr(&out).contains("policy"), "{}", stderr(&out));
    // An admin's next change rewrites and marks it ...
    let out = env.run(&["subscription", "detach", "Acme-CI", "ghcr"], "");
    assert!(
        stderr(&out).contains("Rewrote the team policy hubint-acme-ci (1 integration)."),
        "{}",
        stderr(&out)
    );
    // ... so from then on the developer is told it may be stale.
    let out = dev.run(&["subscription", "attach", "Acme-CI", "ghcr"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the team policy hubint-acme-ci may be out of date"),
        "{}",
        stderr(&out)
    );
    // A policy deleted by hand: the mark goes with the next change.
    bao.ok(&["policy", "delete", "hubint-acme-ci"]);
    hubint_ok(&env, &["subscription", "detach", "Acme-CI", "ghcr"], "");
    let out = dev.run(&["subscription", "attach", "Acme-CI", "ghcr"], "");
    assert!(!stderr(&out).contains("policy"), "{}", stderr(&out));
}
