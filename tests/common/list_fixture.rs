//! The integrations that `list` and `show` are tested on. Include it with
//! `#[path = "common/list_fixture.rs"] mod list_fixture;` next to
//! `mod common;`.

use crate::common::TestEnv;

/// Three integrations on two registries, two subscriptions.
pub fn fixture() -> TestEnv {
    let env = TestEnv::new();
    env.add("zeta", "zeta-password", &["--subscription", "prod"]);
    env.add(
        "Alpha",
        "alpha-password",
        &[
            "--url",
            "registry.example.com:5000",
            "--email",
            "ops@example.com",
            "--subscription",
            "prod",
            "--subscription",
            "dev",
        ],
    );
    env.add("mid", "mid-password", &[]);
    env
}
