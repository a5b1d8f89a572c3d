//! The team store (issue #15): hubint's catalog and secrets on a KV v2
//! mount of OpenBao or HashiCorp Vault, for a team's machines and CI
//! runners. Work in progress: today this holds how hubint gets a client
//! token ([`auth`]); the HTTP client, the catalog backend and the secret
//! store follow (see `ARCHITECTURE.md`).

// Not wired into a command yet.
#![allow(dead_code)]

pub(crate) mod auth;

/// Where the server is: its address (`VAULT_ADDR`, `BAO_ADDR` or the
/// `team-addr` setting, e.g. `https://bao.example.com:8200`) and the
/// namespace (`VAULT_NAMESPACE`), which every request sends as
/// `X-Vault-Namespace`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub addr: String,
    pub namespace: Option<String>,
}
