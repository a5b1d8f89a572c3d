//! The config file: a small TOML file of defaults, managed with
//! `hubint config get|set|list`. Its path is `config.toml` in the config
//! directory, or `HUBINT_CONFIG`. A setting can also come from the
//! environment, which wins over the file.
//!
//! ```toml
//! secret-store = "file"
//! ```

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::error::Failure;
use crate::paths::{self, Paths};
use crate::secret::StoreKind;

pub const ENV_SECRET_STORE: &str = "HUBINT_SECRET_STORE";

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_store: Option<StoreChoice>,
}

/// Where new secrets go when `add` is not given `--secret-store`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoreChoice {
    /// The OS keyring if it answers, else the encrypted file (with a notice).
    Auto,
    Keyring,
    File,
}

impl StoreChoice {
    pub fn as_str(self) -> &'static str {
        match self {
            StoreChoice::Auto => "auto",
            StoreChoice::Keyring => "keyring",
            StoreChoice::File => "file",
        }
    }

    /// The store this choice names, or `None` for auto.
    pub fn kind(self) -> Option<StoreKind> {
        match self {
            StoreChoice::Auto => None,
            StoreChoice::Keyring => Some(StoreKind::Keyring),
            StoreChoice::File => Some(StoreKind::File),
        }
    }
}

impl fmt::Display for StoreChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for StoreChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "auto" => Ok(StoreChoice::Auto),
            "keyring" => Ok(StoreChoice::Keyring),
            "file" => Ok(StoreChoice::File),
            other => Err(format!("'{other}' is not one of auto, keyring, file")),
        }
    }
}

/// One setting the config file can hold.
pub struct Key {
    pub name: &'static str,
    pub help: &'static str,
    /// The environment variable that overrides the file, if any.
    pub env: Option<&'static str>,
    pub default: &'static str,
    get: fn(&Config) -> Option<String>,
    set: fn(&mut Config, &str) -> Result<(), String>,
}

pub const KEYS: &[Key] = &[Key {
    name: "secret-store",
    help: "where `add` keeps new secrets: auto (the OS keyring if it answers, else the \
           encrypted file), keyring or file",
    env: Some(ENV_SECRET_STORE),
    default: "auto",
    get: |c| c.secret_store.map(|s| s.to_string()),
    set: |c, v| {
        c.secret_store = Some(v.parse()?);
        Ok(())
    },
}];

/// The key called `name`, or a usage error listing the known ones.
pub fn key(name: &str) -> Result<&'static Key> {
    KEYS.iter().find(|k| k.name == name).ok_or_else(|| {
        let known: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
        Failure::usage(format!("unknown setting '{name}'"))
            .hint(format!("the settings are: {}", known.join(", ")))
            .into()
    })
}

/// A setting's effective value and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
    /// `default`, `config` (the file) or `env NAME`.
    pub source: String,
}

impl Key {
    /// The value in effect: the environment, else the file, else the default.
    pub fn effective(&self, config: &Config) -> Setting {
        let env = self
            .env
            .and_then(|var| Some((var, std::env::var(var).ok().filter(|v| !v.is_empty())?)));
        let (value, source) = match (env, self.stored(config)) {
            (Some((var, value)), _) => (value, format!("env {var}")),
            (None, Some(value)) => (value, "config".to_string()),
            (None, None) => (self.default.to_string(), "default".to_string()),
        };
        Setting {
            key: self.name.to_string(),
            value,
            source,
        }
    }

    /// The value in the file, if it sets one.
    pub fn stored(&self, config: &Config) -> Option<String> {
        (self.get)(config)
    }

    /// Set the key in `config`; an invalid value is a usage error.
    pub fn set(&self, config: &mut Config, value: &str) -> Result<()> {
        (self.set)(config, value).map_err(|why| {
            Failure::usage(format!("invalid value for {}: {why}", self.name))
                .hint(format!("{}: {}", self.name, self.help))
                .into()
        })
    }
}

/// Read the config file; a missing file is an empty config.
pub fn load(path: &Path) -> Result<Config> {
    crate::files::refuse_link_in_home(path)?;
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|span| text[..span.start].matches('\n').count() + 1)
            .unwrap_or(1);
        Failure::usage(format!(
            "invalid config file {} (line {line}): {}",
            path.display(),
            e.message().trim()
        ))
        .hint("fix it, or remove it and use `hubint config set`")
        .into()
    })
}

/// Write the config file (atomically, 0600).
pub fn save(path: &Path, config: &Config) -> Result<()> {
    let text = toml::to_string(config).context("cannot serialise the config")?;
    paths::write_atomic(path, text.as_bytes())
}

/// Where new secrets go, from `HUBINT_SECRET_STORE`, else the config file.
pub fn store_choice(paths: &Paths) -> Result<StoreChoice> {
    if let Some(value) = std::env::var(ENV_SECRET_STORE)
        .ok()
        .filter(|v| !v.is_empty())
    {
        return value.parse().map_err(|why| {
            Failure::usage(format!("invalid {ENV_SECRET_STORE}: {why}"))
                .hint(format!("set {ENV_SECRET_STORE} to auto, keyring or file"))
                .into()
        });
    }
    Ok(load(&paths.config_file)?
        .secret_store
        .unwrap_or(StoreChoice::Auto))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_toml() {
        let config = Config {
            secret_store: Some(StoreChoice::File),
        };
        let text = toml::to_string(&config).unwrap();
        assert_eq!(text, "secret-store = \"file\"\n");
        assert_eq!(toml::from_str::<Config>(&text).unwrap(), config);
        assert_eq!(toml::from_str::<Config>("").unwrap(), Config::default());
    }

    #[test]
    fn unknown_keys_and_values_are_refused() {
        assert!(toml::from_str::<Config>("secret_store = \"file\"").is_err());
        assert!(toml::from_str::<Config>("secret-store = \"vault\"").is_err());
        assert!(key("nope").is_err());
        let mut config = Config::default();
        assert!(
            key("secret-store")
                .unwrap()
                .set(&mut config, "nope")
                .is_err()
        );
        key("secret-store")
            .unwrap()
            .set(&mut config, "keyring")
            .unwrap();
        assert_eq!(config.secret_store, Some(StoreChoice::Keyring));
    }
}
