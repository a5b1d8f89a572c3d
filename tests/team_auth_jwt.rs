//! The team store's JWT login (src/team/auth) against a real
//! `bao server -dev` with the jwt auth method and a key pair made with
//! openssl: a CI token logs in through `hubint team login` and is cached;
//! an unknown role, an expired token and another audience exit 5, and the
//! JWT is never printed. AppRole and the token cache are in
//! tests/team_auth.rs.

mod common;
#[path = "common/team_login.rs"]
mod team_login;

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use common::Bao;
use common::TestEnv;
use team_login::{login, login_ok, team_env};

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
