//! The team store's client token (src/team/auth) against a real
//! `bao server -dev`: AppRole logins through `hubint team login`, the
//! token cache (reused, then replaced when it nears expiry), the token
//! method, a namespace, and the failures (exit 5 with the fix; exit 2 for
//! a missing setting). JWT logins are in tests/team_auth_jwt.rs.

mod common;
#[path = "common/team_login.rs"]
mod team_login;

use std::path::Path;

use common::Bao;
use common::TestEnv;
use team_login::{login, login_ok, team_env};

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
