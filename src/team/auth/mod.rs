//! How hubint gets a client token for the team store.
//!
//! The contract the rest of the team store uses is [`client_token`]: the
//! token to send as `X-Vault-Token`, or a failure (exit 5, or 2 for a
//! missing setting) with one plain sentence and the fix. The `team-auth`
//! setting chooses the method:
//!
//! - `token` (default): a token the user already has, by Vault's own
//!   conventions: `VAULT_TOKEN`, then `BAO_TOKEN`, then the `~/.vault-token`
//!   file that `vault login` and `bao login` write.
//! - `approle`: `POST /v1/auth/<mount>/login` with `team-role-id` and the
//!   secret_id read from `team-secret-id-file` (mount `team-auth-mount`,
//!   default `approle`).
//! - `jwt`: `POST /v1/auth/<mount>/login` with `{"role", "jwt"}`, the role
//!   `team-jwt-role` and the JWT read from `team-jwt-file` (mount default
//!   `jwt`): the OIDC token of a CI job (GitLab `id_tokens`, GitHub
//!   Actions' `ACTIONS_ID_TOKEN_REQUEST_*`), written to a file by the job.
//!
//! Every request sends `X-Vault-Namespace` when the endpoint has one.
//!
//! # The token cache
//!
//! A credential helper runs once per `docker pull`; logging in on each call
//! would create a token (a storage write on the server) every time. A token
//! from an AppRole or JWT login is therefore kept in a file of its own,
//! `team-tokens/<hash>.json` under the data directory: the directory is
//! 0700, the file 0600 and written atomically, links are refused. An entry
//! is keyed by address, namespace, method, mount and role (the file name is
//! a hash of that key, the key itself is checked inside), and remembers
//! when the credential file last changed, so that a new secret_id or a new
//! CI job's JWT means a new login. It is reused until a fifth of its TTL
//! (at most a minute) before it expires; a token with no TTL is not kept.
//! [`forget`] drops it (the client calls it when the server says the token
//! is invalid, e.g. revoked).
//!
//! Why a file and not the secret store: the cached token is worth less than
//! the secret_id or JWT it came from, which already sits in a plain file
//! beside it (and the `token` method's `~/.vault-token` is such a file
//! too); CI runners, where AppRole and JWT are used, mostly have no OS
//! keyring, and the encrypted file store would need a passphrase on every
//! helper call, which is the cost the cache exists to avoid. The token is
//! held in `Zeroizing` memory, never logged, printed or put in an error.

mod cache;
mod login;
mod method;

use std::path::PathBuf;

use anyhow::Result;
use zeroize::Zeroizing;

use super::Endpoint;
use crate::config::Settings;
use crate::error::{Failure, fail};
use crate::paths::Paths;

pub use login::lookup_self;
pub use method::Method;

/// Where a client token came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// An environment variable (`VAULT_TOKEN` or `BAO_TOKEN`).
    Env(&'static str),
    /// `~/.vault-token`.
    TokenFile,
    /// The token cache (an earlier AppRole or JWT login).
    Cache,
    /// A login just now.
    Login,
}

impl Origin {
    pub fn describe(self) -> String {
        match self {
            Origin::Env(var) => format!("the token in {var}"),
            Origin::TokenFile => "the token in ~/.vault-token".to_string(),
            Origin::Cache => "the cached token of an earlier login".to_string(),
            Origin::Login => "a new login".to_string(),
        }
    }
}

/// A client token and where it came from.
pub struct Obtained {
    pub token: Zeroizing<String>,
    pub origin: Origin,
}

/// The client token for `endpoint`.
pub fn client_token(
    settings: &Settings,
    paths: &Paths,
    agent: &ureq::Agent,
    endpoint: &Endpoint,
) -> Result<Zeroizing<String>> {
    obtain(settings, paths, agent, endpoint).map(|o| o.token)
}

/// The client token for `endpoint`, saying where it came from.
pub fn obtain(
    settings: &Settings,
    paths: &Paths,
    agent: &ureq::Agent,
    endpoint: &Endpoint,
) -> Result<Obtained> {
    let Some(request) = login::Request::from_settings(settings)? else {
        return user_token(endpoint);
    };
    let key = cache::Key::new(endpoint, &request);
    let stamp = request.stamp();
    if let Some(token) = cache::load(paths, &key, &stamp) {
        return Ok(Obtained {
            token,
            origin: Origin::Cache,
        });
    }
    let fresh = login::log_in(agent, endpoint, &request)?;
    // A cache that cannot be written costs a login per call, nothing else.
    let _ = cache::save(paths, &key, &stamp, &fresh.token, fresh.ttl);
    Ok(Obtained {
        token: fresh.token,
        origin: Origin::Login,
    })
}

/// Drop the cached token for `endpoint` (after the server refused it).
pub fn forget(settings: &Settings, paths: &Paths, endpoint: &Endpoint) -> Result<()> {
    if let Some(request) = login::Request::from_settings(settings)? {
        cache::forget(paths, &cache::Key::new(endpoint, &request));
    }
    Ok(())
}

/// `VAULT_TOKEN`, `BAO_TOKEN` or `~/.vault-token`.
fn user_token(endpoint: &Endpoint) -> Result<Obtained> {
    for var in ["VAULT_TOKEN", "BAO_TOKEN"] {
        if let Some(token) = env_token(var) {
            return Ok(Obtained {
                token,
                origin: Origin::Env(var),
            });
        }
    }
    if let Some(token) = token_file().and_then(|path| std::fs::read_to_string(path).ok()) {
        let token = Zeroizing::new(token);
        let token = Zeroizing::new(token.trim().to_owned());
        if !token.is_empty() {
            return Ok(Obtained {
                token,
                origin: Origin::TokenFile,
            });
        }
    }
    fail(
        Failure::store(format!("no token for the team store at {}", endpoint.addr)).hint(
            "set VAULT_TOKEN (or BAO_TOKEN), log in with `bao login` or `vault login`, \
             or set team-auth to approle or jwt",
        ),
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
