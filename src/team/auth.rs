//! How hubint gets a client token for the team store.
//!
//! The contract the rest of the team store uses is [`client_token`]: the
//! token to send as `X-Vault-Token`, or a store failure (exit 5) with one
//! plain sentence and the fix. Today it follows Vault's own conventions
//! for a token the user already has: `VAULT_TOKEN`, then `BAO_TOKEN`, then
//! the `~/.vault-token` file that `vault login` and `bao login` write.
//! AppRole and JWT logins, and the TTL-bound cache of the token they give,
//! come next.

use std::path::PathBuf;

use anyhow::Result;
use zeroize::Zeroizing;

use super::Endpoint;
use crate::config::Settings;
use crate::error::{Failure, fail};
use crate::paths::Paths;

/// The client token for `endpoint`.
pub fn client_token(
    _settings: &Settings,
    _paths: &Paths,
    _agent: &ureq::Agent,
    endpoint: &Endpoint,
) -> Result<Zeroizing<String>> {
    for var in ["VAULT_TOKEN", "BAO_TOKEN"] {
        if let Some(token) = env_token(var) {
            return Ok(token);
        }
    }
    if let Some(token) = token_file().and_then(|path| std::fs::read_to_string(path).ok()) {
        let token = Zeroizing::new(token.trim().to_owned());
        if !token.is_empty() {
            return Ok(token);
        }
    }
    fail(
        Failure::store(format!("no token for the team store at {}", endpoint.addr))
            .hint("set VAULT_TOKEN (or BAO_TOKEN), or log in with `bao login` or `vault login`"),
    )
}

fn env_token(var: &str) -> Option<Zeroizing<String>> {
    let value = Zeroizing::new(std::env::var(var).ok()?);
    let token = value.trim();
    (!token.is_empty()).then(|| Zeroizing::new(token.to_owned()))
}

/// `~/.vault-token`, as the vault and bao CLIs write it.
fn token_file() -> Option<PathBuf> {
    Some(
        directories::BaseDirs::new()?
            .home_dir()
            .join(".vault-token"),
    )
}
