//! Merging hubint's entries into a config file, key by key: what `hubint
//! docker-config` writes, and what it looks at first. Other keys are kept.

use anyhow::Result;
use serde_json::Value;

use super::{ConfigFile, HELPER, config_keys, holds_secret};
use crate::registry;

impl ConfigFile {
    /// Point each registry (a normalised key) at `docker-credential-hubint`
    /// in `credHelpers`, under every key tools look it up by.
    pub fn set_helpers<'a>(&mut self, registries: impl IntoIterator<Item = &'a str>) -> Result<()> {
        let helpers = self.object_mut("credHelpers")?;
        for key in registries {
            for k in config_keys(key) {
                helpers.insert(k.to_string(), Value::from(HELPER));
            }
        }
        Ok(())
    }

    /// Put `auths` entries (by normalised registry key), and drop the
    /// `credHelpers` entries that point those registries at hubint: a helper
    /// entry would win over `auths`, and the file is for a place without
    /// hubint.
    pub fn set_auths(&mut self, entries: Vec<(String, Value)>) -> Result<()> {
        if let Some(Value::Object(helpers)) = self.root.get_mut("credHelpers") {
            for (key, _) in &entries {
                for k in config_keys(key) {
                    if helpers.get(k).and_then(Value::as_str) == Some(HELPER) {
                        helpers.remove(k);
                    }
                }
            }
        }
        let auths = self.object_mut("auths")?;
        for (key, entry) in entries {
            auths.insert(key, entry);
        }
        Ok(())
    }

    /// Whether `auths` holds a password for the registry (a normalised key)
    /// under any spelling.
    pub fn holds_password_for(&self, registry_key: &str) -> bool {
        let Some(Value::Object(auths)) = self.root.get("auths") else {
            return false;
        };
        auths.iter().any(|(k, v)| {
            registry::normalize(k).is_ok_and(|n| n == registry_key)
                && v.as_object().is_some_and(holds_secret)
        })
    }
}
