//! A first binary-level test; the full suites live beside it.

mod common;

use common::TestEnv;

#[test]
fn list_is_empty_on_a_new_home() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["list", "--json"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----
    []

    ----- stderr -----
    ");
}
