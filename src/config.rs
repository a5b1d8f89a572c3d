//! Settings: one struct, [`Settings`], read in three layers, each overriding
//! the one before (as atuin's `settings.rs` does):
//!
//! 1. the defaults ([`Settings::default`]);
//! 2. the config file, `config.toml` in the config directory (which is
//!    `HUBINT_HOME` when that is set), managed with `hubint config get|set|unset|list`;
//! 3. the environment: setting `some-key` is read from `HUBINT_SOME_KEY`
//!    ([`env_var`]); an empty variable counts as unset.
//!
//! ```toml
//! secret-store = "file"
//! keyring-timeout = 2.5
//! ```
//!
//! The layering is a small serde layer over `toml` tables rather than the
//! `config` crate or figment: the struct is flat, `config list` must say
//! where each value comes from, errors must name the file and line or the
//! variable, and it costs no new dependency. Every field deserializes from
//! a string too, so an environment variable and `config set` go through the
//! same validation as the file. `config get|set|unset|list` walk the serialized
//! struct, so a new field is a new setting with nothing else to wire up
//! except its row in `docs::ENVIRONMENT`, which documents it (checked by a
//! test).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use toml::{Table, Value};

use crate::error::Failure;
use crate::paths::{self, Paths};

mod types;

pub use types::{Seconds, StoreChoice, StoreMode};

/// The settings in effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub secret_store: StoreChoice,
    pub keyring_timeout: Seconds,
    // Team store (issue #15, core): which catalog, and where.
    pub store: StoreMode,
    pub team_addr: String,
    pub team_mount: String,
    // Team store authentication (src/team/auth): the method and its inputs.
    pub team_auth: crate::team::auth::Method,
    pub team_auth_mount: String,
    pub team_role_id: String,
    pub team_secret_id_file: String,
    pub team_jwt_role: String,
    pub team_jwt_file: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            secret_store: StoreChoice::Auto,
            keyring_timeout: Seconds::KEYRING_DEFAULT,
            store: StoreMode::Local,
            team_addr: String::new(),
            team_mount: "hubint".to_string(),
            // Team store authentication (src/team/auth).
            team_auth: crate::team::auth::Method::Token,
            team_auth_mount: String::new(),
            team_role_id: String::new(),
            team_secret_id_file: String::new(),
            team_jwt_role: String::new(),
            team_jwt_file: String::new(),
        }
    }
}

/// The environment variable of setting `key`: `HUBINT_` and the key in
/// upper case with `_` for `-`.
pub fn env_var(key: &str) -> String {
    format!("HUBINT_{}", key.to_uppercase().replace('-', "_"))
}

/// Variables hubint no longer reads, with what replaces them. Setting one
/// gets a warning when the settings are read, never silence.
pub const REMOVED: &[(&str, &str)] = &[
    (
        "HUBINT_CONFIG",
        "the config file is config.toml in HUBINT_HOME (or the config directory)",
    ),
    (
        "HUBINT_CONFIG_DIR",
        "the config directory is HUBINT_HOME (or the platform's config directory)",
    ),
];

/// The setting called `name`, or a usage error listing the known ones.
pub fn key(name: &str) -> Result<String> {
    let known = defaults();
    if known.contains_key(name) {
        return Ok(name.to_string());
    }
    let known: Vec<&str> = known.keys().map(String::as_str).collect();
    Err(Failure::usage(format!("unknown setting '{name}'"))
        .hint(format!("the settings are: {}", known.join(", ")))
        .into())
}

/// Each setting with its default, as `config list` shows it.
pub fn defaults_shown() -> Vec<(String, String)> {
    defaults()
        .iter()
        .map(|(key, value)| (key.clone(), display(value)))
        .collect()
}

/// Where a setting's value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    Env(String),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File => f.write_str("config"),
            Source::Env(var) => write!(f, "env {var}"),
        }
    }
}

/// A setting's effective value and where it comes from (for output).
#[derive(Debug, Clone, Serialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
    /// `default`, `config` (the file) or `env NAME`.
    pub source: String,
}

/// The settings with the layer each value comes from, and the config file.
#[derive(Debug, Clone)]
pub struct Layered {
    pub settings: Settings,
    /// The file's own values (what `config set` rewrites).
    pub file: Table,
    pub file_path: PathBuf,
    sources: BTreeMap<String, Source>,
}

impl Layered {
    /// Read the three layers: defaults, `paths.config_file`, environment.
    pub fn load(paths: &Paths) -> Result<Layered> {
        let file_path = paths.config_file.clone();
        let file = load_file(&file_path)?;
        Layered::from_layers(file, file_path, |var| std::env::var(var).ok())
    }

    /// The layering itself, with the environment given by `env`.
    fn from_layers(
        file: Table,
        file_path: PathBuf,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Layered> {
        let mut table = defaults();
        let mut sources: BTreeMap<String, Source> =
            table.keys().map(|k| (k.clone(), Source::Default)).collect();
        for (key, value) in &file {
            table.insert(key.clone(), value.clone());
            sources.insert(key.clone(), Source::File);
        }
        for key in defaults().keys() {
            let var = env_var(key);
            let Some(raw) = env(&var).filter(|v| !v.is_empty()) else {
                continue;
            };
            let value = validate(key, Value::String(raw)).map_err(|why| {
                Failure::usage(format!("invalid {var}: {why}"))
                    .hint(format!("{}; or unset {var}", help_of(key)))
            })?;
            table.insert(key.clone(), value);
            sources.insert(key.clone(), Source::Env(var));
        }
        let settings = from_table(table).context("invalid settings")?;
        Ok(Layered {
            settings,
            file,
            file_path,
            sources,
        })
    }

    /// Every setting, in key order.
    pub fn list(&self) -> Vec<Setting> {
        let values = to_table(&self.settings);
        values
            .iter()
            .map(|(key, value)| Setting {
                key: key.clone(),
                value: display(value),
                source: self.sources[key].to_string(),
            })
            .collect()
    }

    /// The setting `key` (a known one, see [`key`]).
    pub fn get(&self, key: &str) -> Setting {
        self.list()
            .into_iter()
            .find(|s| s.key == key)
            .expect("a known key")
    }

    /// Set `key` to `raw` in the config file (checked, then written
    /// atomically, 0600); an invalid value is a usage error and changes
    /// nothing. Returns the value as written.
    pub fn set(&mut self, key: &str, raw: &str) -> Result<String> {
        let value = validate(key, Value::String(raw.to_string())).map_err(|why| {
            Failure::usage(format!("invalid value for {key}: {why}")).hint(help_of(key))
        })?;
        let mut file = self.file.clone();
        file.insert(key.to_string(), value.clone());
        save(&self.file_path, &file)?;
        self.file = file;
        if !matches!(self.sources[key], Source::Env(_)) {
            self.sources.insert(key.to_string(), Source::File);
            let mut table = to_table(&self.settings);
            table.insert(key.to_string(), value.clone());
            self.settings = from_table(table).context("invalid settings")?;
        }
        Ok(display(&value))
    }
}

impl Layered {
    /// Remove `key` from the config file (written atomically, 0600), so
    /// that the environment or the default applies again. `false`, and
    /// nothing written, if the file did not set it.
    pub fn unset(&mut self, key: &str) -> Result<bool> {
        let mut file = self.file.clone();
        if file.remove(key).is_none() {
            return Ok(false);
        }
        save(&self.file_path, &file)?;
        *self = Layered::from_layers(file, self.file_path.clone(), |var| std::env::var(var).ok())?;
        Ok(true)
    }
}

/// The warnings for removed variables that are set.
pub fn removed_warnings(env: impl Fn(&str) -> bool) -> Vec<String> {
    REMOVED
        .iter()
        .filter(|(var, _)| env(var))
        .map(|(var, instead)| format!("{var} is no longer read: {instead}; unset it"))
        .collect()
}

/// "KEY: what it is for", from the environment table.
fn help_of(key: &str) -> String {
    format!(
        "{key}: {}",
        crate::docs::setting_help(key).unwrap_or_default()
    )
}

/// The defaults as a table: the keys of every setting.
fn defaults() -> Table {
    to_table(&Settings::default())
}

fn from_table(table: Table) -> Result<Settings, toml::de::Error> {
    Value::Table(table).try_into()
}

fn to_table(settings: &Settings) -> Table {
    Table::try_from(settings).expect("settings serialize to a table")
}

/// Check `value` for `key`; the value in its own type (as the file holds
/// it), or why it is invalid.
fn validate(key: &str, value: Value) -> Result<Value, String> {
    let mut table = Table::new();
    table.insert(key.to_string(), value);
    let settings = from_table(table).map_err(|e| e.message().trim().to_string())?;
    Ok(to_table(&settings).remove(key).expect("a known key"))
}

/// How a value is shown: strings without quotes.
fn display(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Read the config file's table, checked against [`Settings`]; a missing
/// file is an empty one.
pub fn load_file(path: &Path) -> Result<Table> {
    crate::files::refuse_link_in_home(path)?;
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Table::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let invalid = |e: toml::de::Error| -> anyhow::Error {
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
    };
    toml::from_str::<Settings>(&text).map_err(invalid)?;
    toml::from_str::<Table>(&text).map_err(invalid)
}

/// Write the config file (atomically, 0600).
fn save(path: &Path, file: &Table) -> Result<()> {
    let text = toml::to_string(file).context("cannot serialise the config")?;
    paths::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests;
