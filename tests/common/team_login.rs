//! `hubint team login` for the team-store tests: run it, parse its `--json`
//! report, and an environment that logs in with AppRole or JWT. Include it
//! with `#[path = "common/team_login.rs"] mod team_login;` next to
//! `mod common;`.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;

use crate::common::{self, Bao, TestEnv};

pub fn login(env: &TestEnv) -> Output {
    env.cmd(&["team", "login", "--json"]).output().unwrap()
}

/// `team login --json`, which must succeed, parsed.
pub fn login_ok(env: &TestEnv) -> serde_json::Value {
    let out = login(env);
    assert!(
        out.status.success(),
        "team login failed: {}",
        common::stderr(&out)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// An environment logging in to `server` with `method` as `role` (the
/// AppRole role_id or the JWT role), the credential in `file`.
pub fn team_env(server: &Bao, method: &str, role: &str, file: &Path) -> TestEnv {
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
