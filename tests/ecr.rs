//! Amazon ECR with minted tokens, against moto's server (PyPI `moto[server]`,
//! in the venv `tests/run` creates) behind a counting proxy
//! (`tests/ecr/aws.py`, started by tests/common/aws.rs): the token cache,
//! the AWS default credential chain, the account in the host, and the
//! failures (refused keys, throttling, a stopped or silent endpoint).
//! Real clients (skopeo, docker-credential-ecr-login) are in
//! tests/ecr_clients.rs.

#[path = "common/aws.rs"]
mod aws;
mod common;

use std::time::Duration;

use aws::{
    Aws, HOST, KEY_ID, MOTO_PASSWORD, SECRET_KEY, add_ecr, add_ecr_as, add_ecr_chain, env_for, text,
};
use common::TestEnv;
use common::creds;

#[test]
fn get_mints_a_token_and_caches_it_until_the_margin() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws);
    add_ecr(&env, "ecr", HOST);
    let want = creds(HOST, "AWS", MOTO_PASSWORD);

    // moto's token is long expired: served, never cached.
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(aws.calls(), 2);

    // Ten minutes left is inside the margin: still minted every time.
    aws.expire_in(600);
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(aws.calls(), 4);

    // A 12-hour token is cached: the warm get makes no AWS call, and every
    // command that serves the password (env too) uses the cache.
    aws.expire_in(12 * 3600);
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(aws.calls(), 5);
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    let out = env.run(&["env", "ecr"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains(MOTO_PASSWORD), "{}", text(&out));
    assert_eq!(aws.calls(), 5);

    // The token and the keys are in the secret store, never in SQLite.
    env.assert_no_password_in_db(MOTO_PASSWORD);
    env.assert_no_password_in_db("wJalrXUtnFEMI");
}

#[test]
fn failures_are_one_sentence_with_the_fix_exit_5_or_1_in_the_helper() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws);
    add_ecr(&env, "ecr", HOST);

    aws.mode("deny");
    let (code, out) = env.helper_get(HOST);
    assert_eq!(code, 1);
    assert!(out.contains("AWS refused the keys"), "{out}");
    let out = env.run(&["env", "ecr"], "");
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(
        text(&out).contains("hint: check the access key id"),
        "{}",
        text(&out)
    );

    aws.mode("throttle");
    let out = env.run(&["env", "ecr"], "");
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(text(&out).contains("throttling"), "{}", text(&out));

    // A stopped endpoint: a plain sentence at once, no hang.
    drop(aws);
    let out = env.run(&["env", "ecr"], "");
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(
        text(&out).contains("cannot reach the ECR endpoint"),
        "{}",
        text(&out)
    );
    let (code, out) = env.helper_get(HOST);
    assert_eq!(code, 1);
    assert!(out.contains("cannot reach the ECR endpoint"), "{out}");
}

#[test]
fn the_default_credential_chain_reads_the_profile() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws).with_env("AWS_PROFILE", "ci");
    add_ecr_chain(&env, "ecr", HOST);
    // No keys anywhere: one sentence naming the fix.
    let (code, out) = env.helper_get(HOST);
    assert_eq!(code, 1);
    assert!(out.contains("found no AWS credentials"), "{out}");
    let aws_dir = env.root().join("home/.aws");
    std::fs::create_dir_all(&aws_dir).unwrap();
    std::fs::write(
        aws_dir.join("credentials"),
        "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s3cr3t\n",
    )
    .unwrap();
    let want = creds(HOST, "AWS", MOTO_PASSWORD);
    assert_eq!(env.helper_get(HOST), (0, want));
    assert_eq!(aws.calls(), 1);
}

/// As the AWS SDKs: the profile's keys may stand in ~/.aws/config (under
/// `[profile NAME]`), and its `region` there names the region of a host
/// that does not (a local proxy), when AWS_REGION is unset.
#[test]
fn the_default_credential_chain_reads_the_config_file() {
    needs_keyring!();
    let aws = Aws::start();
    let env = TestEnv::new()
        .with_env("AWS_ENDPOINT_URL_ECR", &aws.endpoint())
        .with_env("AWS_PROFILE", "ci");
    let mirror = "127.0.0.1:5999";
    add_ecr_chain(&env, "ecr", mirror);
    let (code, out) = env.helper_get(mirror);
    assert_eq!(code, 1);
    assert!(out.contains("cannot tell the AWS region"), "{out}");
    let aws_dir = env.root().join("home/.aws");
    std::fs::create_dir_all(&aws_dir).unwrap();
    std::fs::write(
        aws_dir.join("config"),
        "[default]\nregion = us-west-2\n\n[profile ci]\nregion = eu-west-1 # CI\n\
         aws_access_key_id = AKIDCI\naws_secret_access_key = s3cr3t\n",
    )
    .unwrap();
    let want = creds(mirror, "AWS", MOTO_PASSWORD);
    assert_eq!(env.helper_get(mirror), (0, want));
    assert_eq!(aws.calls(), 1);
}

#[test]
fn an_ecr_host_names_the_account_and_region() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws);
    let host = "210987654321.dkr.ecr.us-east-1.amazonaws.com";
    add_ecr(&env, "ecr", host);
    let want = creds(host, "AWS", "210987654321-auth-token");
    assert_eq!(env.helper_get(host), (0, want.clone()));

    // Username `AWS` and ACCESS_KEY_ID:SECRET_ACCESS_KEY as the secret:
    // the registry gets `AWS` and the token too, in env as well.
    let other = "111122223333.dkr.ecr.us-east-1.amazonaws.com";
    add_ecr_as(
        &env,
        "by-key-id",
        other,
        "AWS",
        &format!("{KEY_ID}:{SECRET_KEY}"),
    );
    let want = creds(other, "AWS", "111122223333-auth-token");
    assert_eq!(env.helper_get(other), (0, want));
    let out = env.run(&["env", "by-key-id"], "");
    let vars = text(&out);
    assert!(
        vars.contains("BYKEYID_INTEGRATION_USERNAME='AWS'"),
        "{vars}"
    );
    assert!(vars.contains("111122223333-auth-token"), "{vars}");
}

#[test]
fn a_docker_login_never_replaces_the_aws_keys() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws);
    // Username `AWS`, as `aws ecr get-login-password | docker login -u AWS`
    // sends it: the same username as the integration's.
    add_ecr_as(&env, "ecr", HOST, "AWS", &format!("{KEY_ID}:{SECRET_KEY}"));
    let json =
        serde_json::json!({"ServerURL": HOST, "Username": "AWS", "Secret": "a-12-hour-token"});
    let out = env.run_helper(&["store"], &json.to_string());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("mints its own tokens"), "{said}");
    // The keys are still there: get mints as before, and nothing was added.
    let want = creds(HOST, "AWS", MOTO_PASSWORD);
    assert_eq!(env.helper_get(HOST), (0, want));
    let list = env.run(&["list", "--json"], "");
    assert_eq!(
        text(&list).matches("\"name\"").count(),
        1,
        "{}",
        text(&list)
    );
}

/// The token cache is written back into the secret under the database's
/// write lock: an edit of the keys made meanwhile waits for it, and is
/// never undone by the old keys coming back with the token.
#[test]
fn a_token_written_back_never_undoes_an_edit_of_the_keys() {
    needs_keyring!();
    local_store_only!("the team store has no lock across machines");
    let aws = Aws::start();
    aws.expire_in(12 * 3600);
    let env = env_for(&aws);
    add_ecr(&env, "ecr", HOST);
    let point = "ecr-before-store-back:pause";
    let mut get = env.spawn(&["credential-helper", "get"], HOST, Some(point));
    // The get has minted, compared and waits (2 s) to write the token back.
    assert!(common::wait_for(
        &mut get,
        "failpoint ecr-before-store-back: pausing"
    ));
    let new_key = "NEWSECRETKEYEXAMPLE";
    let edit = env.run(&["edit", "ecr", "--password-stdin"], new_key);
    assert!(edit.status.success(), "{}", text(&edit));
    assert!(get.wait().unwrap().success());
    let id = common::id_of(&env.show("ecr"));
    let stored = env.stored_secret(&id).expect("the secret");
    assert!(stored.contains(new_key), "the edit was undone");
}

/// An endpoint that accepts the connection and never answers: the mint
/// gives up after its deadline with one sentence, never hangs.
#[test]
fn a_silent_endpoint_times_out() {
    needs_keyring!();
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", silent.local_addr().unwrap());
    let env = TestEnv::new()
        .with_env("AWS_ENDPOINT_URL_ECR", &endpoint)
        .with_env("AWS_REGION", "us-east-1");
    add_ecr(&env, "ecr", HOST);
    let started = std::time::Instant::now();
    let out = env.run(&["env", "ecr"], "");
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(
        text(&out).contains("did not answer in time"),
        "{}",
        text(&out)
    );
    assert!(started.elapsed() < Duration::from_secs(60));
    drop(silent);
}
