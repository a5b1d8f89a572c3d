//! The token cache: one 0600 JSON file per login key under
//! `team-tokens/` (0700) in the data directory (see the module doc of
//! [`super`]).

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Result;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::login::Request;
use crate::paths::{self, Paths};
use crate::team::Endpoint;

/// The directory of the cache, under the data directory.
pub const DIR: &str = "team-tokens";
/// The longest time before expiry at which a token is replaced.
const MARGIN_MAX: u64 = 60;

/// What a cached token is for: address, namespace, method, mount, role.
pub struct Key(String);

impl Key {
    pub fn new(endpoint: &Endpoint, request: &Request) -> Key {
        Key(format!(
            "{}\n{}\n{}\n{}\n{}",
            endpoint.addr.trim_end_matches('/'),
            endpoint.namespace.as_deref().unwrap_or(""),
            request.method,
            request.mount,
            request.role
        ))
    }

    fn path(&self, paths: &Paths) -> PathBuf {
        paths
            .data_dir
            .join(DIR)
            .join(format!("{:016x}.json", fnv1a(self.0.as_bytes())))
    }
}

#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    /// The credential file's change stamp at the login.
    stamp: String,
    token: Zeroizing<String>,
    /// Unix seconds after which the token is replaced.
    renew_after: u64,
}

/// The cached token for `key`, if it is still fresh and came from the
/// credential file as it is now (`stamp`).
pub fn load(paths: &Paths, key: &Key, stamp: &str) -> Option<Zeroizing<String>> {
    let path = key.path(paths);
    crate::files::refuse_link(&path).ok()?;
    let bytes = Zeroizing::new(std::fs::read(&path).ok()?);
    let entry: Entry = serde_json::from_slice(&bytes).ok()?;
    (entry.key == key.0 && entry.stamp == stamp && now() < entry.renew_after).then_some(entry.token)
}

/// Keep `token` (valid `ttl` seconds from now) for `key`. A token with no
/// TTL is not kept.
pub fn save(
    paths: &Paths,
    key: &Key,
    stamp: &str,
    token: &Zeroizing<String>,
    ttl: u64,
) -> Result<()> {
    let path = key.path(paths);
    if ttl == 0 {
        forget_path(&path);
        return Ok(());
    }
    let margin = (ttl / 5).min(MARGIN_MAX);
    let entry = Entry {
        key: key.0.clone(),
        stamp: stamp.to_string(),
        token: token.clone(),
        renew_after: now() + ttl - margin,
    };
    let text = Zeroizing::new(serde_json::to_vec(&entry)?);
    paths::write_atomic(&path, &text)
}

/// Drop the cached token for `key`.
pub fn forget(paths: &Paths, key: &Key) {
    forget_path(&key.path(paths));
}

fn forget_path(path: &std::path::Path) {
    let _ = std::fs::remove_file(path);
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// FNV-1a, 64 bits: a stable file name for a key (not a secret).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
