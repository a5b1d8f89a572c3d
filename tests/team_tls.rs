//! The team store over https, against a dev server with its own CA (`bao
//! server -dev-tls`). hubint trusts that CA only when told: by
//! `VAULT_CACERT`, or by OpenBao's `BAO_CACERT` with `BAO_ADDR` and
//! `BAO_TOKEN` (what the server prints to export). Otherwise the command
//! fails with exit 5 on one line that names the untrusted certificate and
//! the fix, and nothing is written.

mod common;

use common::{Bao, TestEnv, add_as_user as add, creds, exit_of as code, hubint_ok as ok, stderr};

#[test]
fn https_needs_the_servers_ca_from_vault_or_bao_variables() {
    needs_bao!();
    let bao = Bao::tls();
    let ca = bao.cacert.as_ref().expect("a TLS server").0.clone();
    let ca = ca.to_str().unwrap();
    assert!(bao.addr.starts_with("https://"), "{}", bao.addr);

    let trusted = bao.machine().with_env("VAULT_CACERT", ca);
    add(&trusted, "ci", "pw-ci", &["--url", "ghcr.io"]);
    assert_eq!(
        trusted.helper_get("ghcr.io"),
        (0, creds("ghcr.io", "user", "pw-ci"))
    );

    // OpenBao's spelling of every variable, as `bao server -dev-tls` says.
    let openbao = TestEnv::local()
        .without_keyring()
        .with_env("HUBINT_STORE", "team")
        .with_env("BAO_ADDR", &bao.addr)
        .with_env("BAO_TOKEN", common::BAO_ROOT)
        .with_env("BAO_CACERT", ca);
    assert!(ok(&openbao, &["list"], "").starts_with("ci\t"));

    // The OS roots alone do not trust the dev CA.
    let untrusted = bao.machine();
    let out = untrusted.run(
        &["add", "--name", "x", "--username", "u", "--password-stdin"],
        "pw-x",
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 5, "{err}");
    assert_eq!(err.lines().count(), 2, "one error line and its hint: {err}");
    assert!(
        err.contains("invalid peer certificate") && err.contains("VAULT_CACERT"),
        "{err}"
    );
    assert!(!err.contains("pw-x"), "{err}");
    assert_eq!(ok(&trusted, &["list"], "").lines().count(), 1);
}
