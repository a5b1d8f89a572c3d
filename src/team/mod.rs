//! The team store (issue #15): hubint's catalog and secrets on a KV v2
//! mount of OpenBao or HashiCorp Vault, for a team's machines and CI
//! runners, chosen with `store = team`: the client token ([`auth`]), the
//! HTTP client ([`client`]), the catalog backend ([`catalog`], whose
//! module doc has the layout and its invariants), the secret store
//! ([`secrets`]) and the policy of a subscription ([`policy`]).

pub(crate) mod auth;
pub mod catalog;
pub mod client;
mod failures;
pub(crate) mod policy;
pub mod secrets;

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

/// The KV v2 mount of the team store (the `team-mount` setting).
pub fn mount(settings: &Settings) -> String {
    settings.team_mount.trim().trim_matches('/').to_string()
}
