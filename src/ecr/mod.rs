//! Amazon ECR: registries that accept only 12-hour tokens minted from AWS
//! credentials with `ecr:GetAuthorizationToken`.
//!
//! An `ecr` integration's secret (in its secret store, never in SQLite)
//! holds the AWS keys, or a marker for the AWS default credential chain,
//! and the last minted token with its expiry (JSON, see [`Stored`]). The
//! service's secret resolution ([`crate::service::Service::secret_of`])
//! calls [`serve`], so every command that hands out a password (`get`,
//! `env`, `exec`, `verify`, `docker-config --inline`) serves a fresh token
//! without an ECR branch of its own. The registry's username is `AWS`,
//! whatever the integration's username (the access key id) is.

mod chain;
mod mint;
mod profile;

use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::secret::Secret;

pub use self::mint::Target;

/// The username ECR tokens are served with.
pub const USERNAME: &str = "AWS";
/// What a user types (or pipes) as the password to use the AWS default
/// credential chain (environment variables, `AWS_PROFILE`,
/// `~/.aws/credentials` and `~/.aws/config`) instead of stored keys.
pub const DEFAULT_CHAIN: &str = "aws-default-chain";
/// A token is cached only while more than this is left before its expiry.
pub const MARGIN_SECS: u64 = 30 * 60;

/// What an `ecr` integration's secret holds (JSON).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_access_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_token: Option<String>,
    /// Use the AWS default credential chain instead of stored keys.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default_chain: bool,
    /// The last token minted, while it is good for more than the margin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cached: Option<Cached>,
}

/// A minted token and what it was minted for.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cached {
    pub password: String,
    /// Seconds since the Unix epoch.
    pub expires_at: u64,
    /// Endpoint, region, registry id and access key id of the mint: a
    /// token minted for something else is never served.
    pub minted_for: String,
}

/// AWS keys for one signature.
#[derive(Clone)]
pub struct Keys {
    pub access_key_id: String,
    pub secret_access_key: Secret,
    pub session_token: Option<Secret>,
}

/// Parse an `ecr` integration's username and stored secret. Accepted:
/// JSON with `access_key_id` and `secret_access_key` (and optionally
/// `session_token`; what hubint writes back once it caches a token);
/// `aws-default-chain` as the username or the secret; the access key id as
/// the username and the secret access key as the secret; or username `AWS`
/// and `ACCESS_KEY_ID:SECRET_ACCESS_KEY`. The error is a plain sentence
/// (never the secret).
pub fn parse_secret(username: &str, input: &str) -> Result<Stored, String> {
    let input = input.trim();
    let username = username.trim();
    let stored = if input.starts_with('{') {
        serde_json::from_str::<Stored>(input).map_err(|_| {
            "the ECR secret is not JSON with access_key_id and secret_access_key".to_string()
        })?
    } else if input == DEFAULT_CHAIN || username == DEFAULT_CHAIN {
        Stored {
            default_chain: true,
            ..Stored::default()
        }
    } else if !username.is_empty() && username != USERNAME {
        Stored {
            access_key_id: Some(username.to_string()),
            secret_access_key: Some(input.to_string()),
            ..Stored::default()
        }
    } else if let Some((id, key)) = input.split_once(':') {
        Stored {
            access_key_id: Some(id.trim().to_string()),
            secret_access_key: Some(key.trim().to_string()),
            ..Stored::default()
        }
    } else {
        return Err(format!(
            "the ECR secret must be the secret access key (with the access key id as the username), ACCESS_KEY_ID:SECRET_ACCESS_KEY, or {DEFAULT_CHAIN}"
        ));
    };
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
    if stored.default_chain || (filled(&stored.access_key_id) && filled(&stored.secret_access_key))
    {
        Ok(stored)
    } else {
        Err("the ECR secret needs both an access key id and a secret access key".to_string())
    }
}

/// What [`serve`] hands back: the password to serve now, and the secret to
/// write back to the store when a new token is worth caching.
pub struct Served {
    pub password: Secret,
    pub store_back: Option<Secret>,
}

/// The password for `registry` from an `ecr` integration's stored secret:
/// the cached token while it is good for more than [`MARGIN_SECS`],
/// otherwise a freshly minted one.
pub fn serve(name: &str, username: &str, stored: &str, registry: &str) -> Result<Served> {
    let mut stored = parse_secret(username, stored).map_err(|why| bad_secret(name, &why))?;
    let target = Target::for_registry(registry)?;
    let keys = match stored.default_chain {
        true => chain::keys()?,
        false => Keys {
            access_key_id: stored.access_key_id.clone().unwrap_or_default(),
            secret_access_key: stored.secret_access_key.clone().unwrap_or_default().into(),
            session_token: stored.session_token.clone().map(Secret::from),
        },
    };
    let minted_for = target.describe(&keys.access_key_id);
    let now = now_secs();
    if let Some(c) = &stored.cached
        && c.minted_for == minted_for
        && c.expires_at > now + MARGIN_SECS
    {
        return Ok(Served {
            password: c.password.clone().into(),
            store_back: None,
        });
    }
    let token = mint::mint(&target, &keys)?;
    let worth_caching = token.expires_at > now + MARGIN_SECS;
    let had_cache = stored.cached.is_some();
    stored.cached = worth_caching.then(|| Cached {
        password: token.password.to_string(),
        expires_at: token.expires_at,
        minted_for,
    });
    // Write back a new token, or drop a stale one; a secret that needs
    // neither is left as the user wrote it.
    let store_back = (worth_caching || had_cache)
        .then(|| serde_json::to_string(&stored).map(Secret::from))
        .transpose()?;
    Ok(Served {
        password: token.password,
        store_back,
    })
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn bad_secret(name: &str, why: &str) -> anyhow::Error {
    crate::error::Failure::store(format!(
        "cannot mint an ECR token for integration '{name}': {why}"
    ))
    .hint(format!(
        "set the AWS keys again with `hubint integration edit {name} --password-stdin` (ACCESS_KEY_ID:SECRET_ACCESS_KEY or {DEFAULT_CHAIN})"
    ))
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_parse() {
        let s = parse_secret("AWS", "AKIAX:abc/def+g").unwrap();
        assert_eq!(s.access_key_id.as_deref(), Some("AKIAX"));
        assert_eq!(s.secret_access_key.as_deref(), Some("abc/def+g"));
        // The access key id as the username, the secret key as the secret.
        let s = parse_secret("AKIAY", "abc:def").unwrap();
        assert_eq!(s.access_key_id.as_deref(), Some("AKIAY"));
        assert_eq!(s.secret_access_key.as_deref(), Some("abc:def"));
        assert!(
            parse_secret("AWS", "aws-default-chain")
                .unwrap()
                .default_chain
        );
        assert!(
            parse_secret("aws-default-chain", "aws-default-chain")
                .unwrap()
                .default_chain
        );
        let json = r#"{"access_key_id":"A","secret_access_key":"B","session_token":"C"}"#;
        assert_eq!(
            parse_secret("AKIAZ", json)
                .unwrap()
                .session_token
                .as_deref(),
            Some("C")
        );
        assert!(parse_secret("AWS", "justonestring").is_err());
        assert!(parse_secret("AWS", "A:").is_err());
        assert!(parse_secret("AWS", r#"{"access_key_id":"A"}"#).is_err());
        // Errors never echo the secret.
        let err = parse_secret("AWS", "{not json secretvalue").unwrap_err();
        assert!(!err.contains("secretvalue"));
    }
}
