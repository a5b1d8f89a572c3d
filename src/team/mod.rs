//! The team store (issue #15): hubint's catalog and secrets on a KV v2
//! mount of OpenBao or HashiCorp Vault, for a team's machines and CI
//! runners. Work in progress: today this holds how hubint gets a client
//! token ([`auth`]) and the policy of a subscription ([`policy`]); the
//! HTTP client, the catalog backend and the secret store follow (see
//! `ARCHITECTURE.md`).

// Parts are used only once the client and the catalog land.
#![allow(dead_code)]

pub(crate) mod auth;
pub(crate) mod connect;
pub(crate) mod policy;

use crate::config::Settings;

/// Where the server is: its address (`VAULT_ADDR`, `BAO_ADDR` or the
/// `team-addr` setting, e.g. `https://bao.example.com:8200`) and the
/// namespace (`VAULT_NAMESPACE`), which every request sends as
/// `X-Vault-Namespace`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub addr: String,
    pub namespace: Option<String>,
}

/// The KV v2 mount of the team store. Until the `team-mount` setting
/// lands (t15core), `HUBINT_TEAM_MOUNT` or `hubint`.
pub fn mount(_settings: &Settings) -> String {
    std::env::var(crate::config::env_var("team-mount"))
        .ok()
        .map(|m| m.trim().trim_matches('/').to_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "hubint".to_string())
}
