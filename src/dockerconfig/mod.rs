//! Docker `config.json` and containers `auth.json` files, in one place for
//! import (`hubint import docker-config`), export (`hubint docker-config`),
//! doctor and the credential helper's `list`:
//!
//! - where they are: [`default_path`], and every file container tools read
//!   ([`files`]);
//! - reading one, with errors that name the file and the JSON path, merging
//!   hubint's entries into it key by key (`ConfigFile::set_helpers`,
//!   `ConfigFile::set_auths`), and writing it atomically ([`ConfigFile`]);
//! - what it holds: its `auths` entries and the helpers it names, walked
//!   once ([`Contents`]); the keys of an entry that hold a secret
//!   ([`SECRET_KEYS`]), read and written by [`entries`] only;
//! - the registries it is written for: integrations grouped by registry,
//!   one chosen per registry ([`by_registry`]), each under the keys tools
//!   look it up by ([`config_keys`]).

mod entries;
mod file;
mod merge;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::Value;

use crate::error::Failure;
use crate::matching::{self, Selection};
use crate::registry;
use crate::service::model::Integration;

pub use entries::{
    AuthEntry, Contents, HelperEntry, Malformed, SECRET_KEYS, auth_entry, credentials, holds_secret,
};
pub use file::{ConfigFile, write_atomic};

pub const ENV_DOCKER_CONFIG: &str = "DOCKER_CONFIG";
/// Where containers tools (podman, skopeo, buildah) keep their logins.
pub const ENV_REGISTRY_AUTH_FILE: &str = "REGISTRY_AUTH_FILE";
/// The helper name written in `credHelpers`: docker runs `docker-credential-hubint`.
pub const HELPER: &str = "hubint";

/// `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
pub fn default_path() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(ENV_DOCKER_CONFIG).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir).join("config.json"));
    }
    let home = directories::BaseDirs::new()
        .map(|b| b.home_dir().to_path_buf())
        .ok_or_else(|| {
            Failure::usage("cannot find the home directory for ~/.docker/config.json")
                .hint(format!("set {ENV_DOCKER_CONFIG} or pass a file"))
        })?;
    Ok(home.join(".docker").join("config.json"))
}

/// The file a command was given (`given`), else [`default_path`].
pub fn given_or_default(given: Option<&Path>) -> Result<PathBuf> {
    given.map_or_else(default_path, |path| Ok(path.to_path_buf()))
}

/// docker's config.json and the containers auth.json files, as container
/// tools look for them, each once (whether they exist or not).
pub fn files() -> Vec<PathBuf> {
    let env = |var: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let mut files = Vec::new();
    files.extend(default_path().ok());
    files.extend(env(ENV_REGISTRY_AUTH_FILE));
    if let Some(runtime) = env("XDG_RUNTIME_DIR") {
        files.push(runtime.join("containers").join("auth.json"));
    }
    let config_home = env("XDG_CONFIG_HOME")
        .or_else(|| directories::BaseDirs::new().map(|b| b.home_dir().join(".config")));
    if let Some(config) = config_home {
        files.push(config.join("containers").join("auth.json"));
    }
    let mut seen = Vec::new();
    files.retain(|f| {
        let new = !seen.contains(f);
        seen.push(f.clone());
        new
    });
    files
}

/// The config keys of a registry: Docker Hub goes by the v1 URL (docker)
/// and by `docker.io` (containers/image); others by `host:port`.
pub fn config_keys(registry_key: &str) -> Vec<&str> {
    if registry::is_docker_hub(registry_key) {
        vec![registry_key, "docker.io"]
    } else {
        vec![registry_key]
    }
}

/// The integrations grouped by registry key, in key order, with the one
/// each registry is served by ([`matching::choose`]: the only one or the
/// default; otherwise ambiguous).
pub fn by_registry(
    integrations: impl IntoIterator<Item = Integration>,
) -> Vec<(String, Selection)> {
    let mut groups: BTreeMap<String, Vec<Integration>> = BTreeMap::new();
    for i in integrations {
        groups.entry(i.registry.clone()).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|(key, list)| {
            let chosen = matching::choose(&key, list);
            (key, chosen)
        })
        .collect()
}

/// The error for a file whose structure is wrong at `json_path`.
pub fn malformed(path: &Path, json_path: &str, why: &str) -> anyhow::Error {
    Failure::usage(format!("{}: {json_path}: {why}", path.display()))
        .hint("fix or remove that entry, then run the command again; nothing was changed")
        .into()
}

/// The JSON path of `key` inside `parent`, jq style: `.auths["quay.io"].auth`.
pub fn child(parent: &str, key: &str) -> String {
    let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", Value::String(key.to_string()))
    }
}

/// What kind of JSON value this is, for error messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_paths() {
        assert_eq!(child("", "auths"), ".auths");
        assert_eq!(child(".auths", "quay.io"), r#".auths["quay.io"]"#);
        assert_eq!(child(r#".auths["x"]"#, "auth"), r#".auths["x"].auth"#);
    }

    #[test]
    fn docker_hub_goes_by_both_names() {
        let hub = "https://index.docker.io/v1/";
        assert_eq!(config_keys(hub), [hub, "docker.io"]);
        assert_eq!(config_keys("quay.io"), ["quay.io"]);
    }
}
