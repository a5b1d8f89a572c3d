//! The team store's client token (src/team/auth) against a real
//! `bao server -dev`: AppRole and JWT logins through `hubint team login`,
//! the token cache (reused, then replaced when it nears expiry), and the
//! failures (exit 5 with the fix; exit 2 for a missing setting).

mod common;

use std::path::Path;
use std::process::Output;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use common::Bao;
use common::TestEnv;

fn login(env: &TestEnv) -> Output {
    env.cmd(&["team", "login", "--json"]).output().unwrap()
}

/// `team login --json`, which must succeed, parsed.
fn login_ok(env: &TestEnv) -> serde_json::Value {
    let out = login(env);
    assert!(
        out.status.success(),
        "team login failed: {}",
        common::stderr(&out)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// The token cache's files.
fn cached_files(env: &TestEnv) -> Vec<std::path::PathBuf> {
    let dir = env.hubint_home.join("team-tokens");
    std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// An AppRole `role` with `ttl`; its role_id, and a secret_id in `file`.
fn approle(server: &Bao, role: &str, ttl: &str, file: &Path) -> String {
    server.ok(&[
        "write",
        &format!("auth/approle/role/{role}"),
        "token_policies=default",
        &format!("token_ttl={ttl}"),
        &format!("token_max_ttl={ttl}"),
    ]);
    let role_id = server.ok(&[
        "read",
        "-field=role_id",
        &format!("auth/approle/role/{role}/role-id"),
    ]);
    let secret_id = server.ok(&[
        "write",
        "-f",
        "-field=secret_id",
        &format!("auth/approle/role/{role}/secret-id"),
    ]);
    common::write_private(file, &format!("{secret_id}\n"));
    role_id
}

/// An environment logging in to `server` with `method` as `role` (the
/// AppRole role_id or the JWT role), the credential in `file`.
fn team_env(server: &Bao, method: &str, role: &str, file: &Path) -> TestEnv {
    let (role_var, file_var) = match method {
        "approle" => ("HUBINT_TEAM_ROLE_ID", "HUBINT_TEAM_SECRET_ID_FILE"),
        _ => ("HUBINT_TEAM_JWT_ROLE", "HUBINT_TEAM_JWT_FILE"),
    };
    TestEnv::new()
        .without_keyring()
        .with_env("VAULT_ADDR", &server.addr)
        .with_env("HUBINT_TEAM_AUTH", method)
        .with_env(role_var, role)
        .with_env(file_var, file.to_str().unwrap())
}

fn approle_env(server: &Bao, role_id: &str, file: &Path) -> TestEnv {
    team_env(server, "approle", role_id, file)
}

/// A dev server with AppRole enabled and a role whose tokens live `ttl`;
/// its secret_id is in `file`, and `env` logs in with it.
struct AppRoleLogin {
    server: Bao,
    file: std::path::PathBuf,
    env: TestEnv,
    _dir: tempfile::TempDir,
}

fn approle_login(role: &str, ttl: &str) -> AppRoleLogin {
    let server = Bao::bare();
    server.ok(&["auth", "enable", "approle"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret-id");
    let role_id = approle(&server, role, ttl, &file);
    let env = approle_env(&server, &role_id, &file);
    AppRoleLogin {
        server,
        file,
        env,
        _dir: dir,
    }
}

#[test]
fn approle_login_is_cached_until_near_expiry() {
    needs_bao!();
    // (`_dir` binds: the secret_id's directory lives as long as the test.)
    let AppRoleLogin {
        server,
        file,
        env,
        _dir,
    } = approle_login("ci", "1h");

    let before = server.token_count();
    let first = login_ok(&env);
    assert_eq!(first["source"], "login");
    assert_eq!(first["method"], "approle");
    assert!(
        first["policies"]
            .as_array()
            .unwrap()
            .contains(&"default".into())
    );
    let ttl = first["ttl_seconds"].as_u64().unwrap();
    assert!(ttl > 3500 && ttl <= 3600, "ttl {ttl}");
    let second = login_ok(&env);
    assert_eq!(second["source"], "cache");
    assert_eq!(
        server.token_count(),
        before + 1,
        "the second call logged in again"
    );

    // The cache: 0700 directory, one 0600 file, never the token on output.
    let files = cached_files(&env);
    assert_eq!(files.len(), 1, "{files:?}");
    #[cfg(unix)]
    {
        assert_eq!(mode(&env.hubint_home.join("team-tokens")), 0o700);
        assert_eq!(mode(&files[0]), 0o600);
    }
    let entry: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    let token = entry["token"].as_str().unwrap().to_string();
    let out = env.cmd(&["team", "login"]).output().unwrap();
    assert!(out.status.success());
    for stream in [&out.stdout, &out.stderr, &login(&env).stdout] {
        assert!(
            !common::contains(stream, token.as_bytes()),
            "the token was printed"
        );
    }
    assert!(
        common::stdout(&out).contains("policies\tdefault"),
        "{}",
        common::stdout(&out)
    );

    // A new secret_id (the file changed) means a new login.
    let secret_id = server.ok(&[
        "write",
        "-f",
        "-field=secret_id",
        "auth/approle/role/ci/secret-id",
    ]);
    common::write_private(&file, &secret_id);
    assert_eq!(login_ok(&env)["source"], "login");
    assert_eq!(server.token_count(), before + 2);
}

#[test]
fn a_short_lived_token_is_replaced_before_it_expires() {
    needs_bao!();
    // A 5 s token is replaced 1 s (a fifth) before it expires.
    let AppRoleLogin {
        server: _server,
        env,
        _dir,
        ..
    } = approle_login("short", "5s");
    assert_eq!(login_ok(&env)["source"], "login");
    assert_eq!(login_ok(&env)["source"], "cache");
    std::thread::sleep(std::time::Duration::from_secs(5));
    let again = login_ok(&env);
    assert_eq!(again["source"], "login");
    assert!(again["ttl_seconds"].as_u64().unwrap() > 3);
}

#[test]
fn approle_failures_exit_5_with_the_fix() {
    needs_bao!();
    let server = Bao::bare();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret-id");
    common::write_private(&file, "00000000-0000-0000-0000-000000000000");

    // The auth method is not enabled.
    let env = approle_env(&server, "some-role-id", &file);
    let out = login(&env);
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("bao auth enable -path=approle approle"));

    server.ok(&["auth", "enable", "approle"]);
    let good = dir.path().join("good");
    let role_id = approle(&server, "ci", "1h", &good);
    // A wrong secret_id.
    let out = login(&approle_env(&server, &role_id, &file));
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    let err = common::stderr(&out);
    assert!(err.contains("secret_id"), "{err}");
    assert!(
        err.contains("bao write -f auth/approle/role/ROLE/secret-id"),
        "{err}"
    );
    // An unknown role_id.
    let out = login(&approle_env(&server, "no-such-role-id", &good));
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("role_id"),
        "{}",
        common::stderr(&out)
    );
    // A missing secret_id file.
    let out = login(&approle_env(&server, &role_id, &dir.path().join("none")));
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("cannot read the secret_id file"));
    // A missing setting is a usage error.
    let env = TestEnv::new()
        .without_keyring()
        .with_env("VAULT_ADDR", &server.addr)
        .with_env("HUBINT_TEAM_AUTH", "approle");
    let out = login(&env);
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("team-role-id is not set"));
}

#[test]
fn an_unreachable_server_exits_5_within_the_timeout() {
    needs_bao!();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret-id");
    common::write_private(&file, "x");
    let port = common::free_port();
    let env = TestEnv::new()
        .without_keyring()
        .with_env("VAULT_ADDR", &format!("http://127.0.0.1:{port}"))
        .with_env("VAULT_CLIENT_TIMEOUT", "3s")
        .with_env("HUBINT_TEAM_AUTH", "approle")
        .with_env("HUBINT_TEAM_ROLE_ID", "r")
        .with_env("HUBINT_TEAM_SECRET_ID_FILE", file.to_str().unwrap());
    let started = std::time::Instant::now();
    let out = login(&env);
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("cannot reach the team store"));
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn token_method_reports_the_token_it_was_given() {
    needs_bao!();
    let server = Bao::bare();
    let env = TestEnv::new()
        .without_keyring()
        .with_env("VAULT_ADDR", &server.addr)
        .with_env("VAULT_TOKEN", common::BAO_ROOT);
    let report = login_ok(&env);
    assert_eq!(report["source"], "env");
    assert_eq!(report["method"], "token");
    assert_eq!(report["policies"], serde_json::json!(["root"]));
    assert!(cached_files(&env).is_empty(), "a user token is not cached");
    // No token at all.
    let env = TestEnv::new()
        .without_keyring()
        .with_env("VAULT_ADDR", &server.addr);
    let out = login(&env);
    assert_eq!(out.status.code(), Some(5));
    assert!(common::stderr(&out).contains("no token for the team store"));
}

// ---- JWT -------------------------------------------------------------------

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A JWT (RS256) with `claims`, signed by `key` with openssl.
fn sign_jwt(key: &Path, claims: &serde_json::Value) -> String {
    let header = b64(br#"{"alg":"RS256","typ":"JWT"}"#);
    let input = format!("{header}.{}", b64(claims.to_string().as_bytes()));
    let mut child = std::process::Command::new("openssl")
        .args(["dgst", "-sha256", "-sign"])
        .arg(key)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("openssl");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "openssl dgst -sign failed");
    format!("{input}.{}", b64(&out.stdout))
}

/// The jwt auth method with a fresh key pair and a role `ci`; the private key.
fn jwt_setup(server: &Bao, dir: &Path) -> std::path::PathBuf {
    let key = dir.join("key.pem");
    let public = dir.join("public.pem");
    let ok = |args: &[&str]| {
        let st = std::process::Command::new("openssl")
            .args(args)
            .output()
            .unwrap();
        assert!(
            st.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&st.stderr)
        );
    };
    ok(&[
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
        "-out",
        key.to_str().unwrap(),
    ]);
    ok(&[
        "pkey",
        "-in",
        key.to_str().unwrap(),
        "-pubout",
        "-out",
        public.to_str().unwrap(),
    ]);
    let pem = std::fs::read_to_string(&public).unwrap();
    server.ok(&["auth", "enable", "jwt"]);
    server.ok(&[
        "write",
        "auth/jwt/config",
        &format!("jwt_validation_pubkeys={pem}"),
    ]);
    server.ok(&[
        "write",
        "auth/jwt/role/ci",
        "role_type=jwt",
        "bound_audiences=hubint",
        "user_claim=sub",
        "token_policies=default",
        "token_ttl=1h",
    ]);
    key
}

fn jwt_env(server: &Bao, role: &str, file: &Path) -> TestEnv {
    team_env(server, "jwt", role, file)
}

#[test]
fn jwt_login_with_a_ci_token() {
    needs_bao!();
    needs_commands!("openssl");
    let server = Bao::bare();
    let dir = tempfile::tempdir().unwrap();
    let key = jwt_setup(&server, dir.path());
    let t = now();
    let jwt = sign_jwt(
        &key,
        &serde_json::json!({"sub": "project/1:job/7", "aud": "hubint", "iat": t, "nbf": t, "exp": t + 600}),
    );
    let file = dir.path().join("id_token");
    common::write_private(&file, &jwt);
    let env = jwt_env(&server, "ci", &file);

    let before = server.token_count();
    let first = login_ok(&env);
    assert_eq!(first["source"], "login");
    assert_eq!(first["method"], "jwt");
    assert!(
        first["policies"]
            .as_array()
            .unwrap()
            .contains(&"default".into())
    );
    assert_eq!(login_ok(&env)["source"], "cache");
    assert_eq!(server.token_count(), before + 1);

    // An unknown role.
    let out = login(&jwt_env(&server, "nope", &file));
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("the role 'nope' does not exist"),
        "{}",
        common::stderr(&out)
    );

    // An expired token (beyond the method's default leeway of 150 s).
    let old = sign_jwt(
        &key,
        &serde_json::json!({"sub": "project/1:job/6", "aud": "hubint", "iat": t - 2000, "nbf": t - 2000, "exp": t - 1000}),
    );
    let expired = dir.path().join("expired");
    common::write_private(&expired, &old);
    let out = login(&jwt_env(&server, "ci", &expired));
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("has expired"),
        "{}",
        common::stderr(&out)
    );
    assert!(
        !common::contains(&out.stderr, old.as_bytes()),
        "the JWT was printed"
    );

    // A token for another audience.
    let other = sign_jwt(
        &key,
        &serde_json::json!({"sub": "x", "aud": "other", "iat": t, "exp": t + 600}),
    );
    common::write_private(&expired, &other);
    let out = login(&jwt_env(&server, "ci", &expired));
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("JWT login at auth/jwt was refused"),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn a_namespace_is_sent_with_the_login_and_keys_the_cache() {
    needs_bao!();
    let server = Bao::bare();
    server.ok(&["namespace", "create", "team"]);
    let in_team = |args: &[&str]| {
        let out = server
            .command(args)
            .env("BAO_NAMESPACE", "team")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
        common::stdout(&out).trim().to_string()
    };
    in_team(&["auth", "enable", "approle"]);
    in_team(&["write", "auth/approle/role/ci", "token_ttl=1h"]);
    let role_id = in_team(&["read", "-field=role_id", "auth/approle/role/ci/role-id"]);
    let secret_id = in_team(&[
        "write",
        "-f",
        "-field=secret_id",
        "auth/approle/role/ci/secret-id",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret-id");
    common::write_private(&file, &secret_id);

    // Outside the namespace there is no AppRole method.
    let env = approle_env(&server, &role_id, &file);
    let out = login(&env);
    assert_eq!(out.status.code(), Some(5), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("no AppRole auth method is enabled at auth/approle"));
    let env = env.with_env("VAULT_NAMESPACE", "team");
    assert_eq!(login_ok(&env)["source"], "login");
    assert_eq!(login_ok(&env)["source"], "cache");
    assert_eq!(cached_files(&env).len(), 1);
}
