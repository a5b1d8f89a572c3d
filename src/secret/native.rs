//! The OS keyring where there is no Secret Service (macOS Keychain, Windows
//! Credential Manager): keyring-core with the platform's native store. The
//! same calls as `secret_service.rs`, which `keyring.rs` uses on Linux and
//! the BSDs; these stores never prompt on their own, so `may_prompt` is
//! not needed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry, Error as KError, Result};

use super::SERVICE;
use crate::platform::Os;

/// The platform's native store, created once per process.
fn native_store() -> Result<Arc<CredentialStore>> {
    static STORE: Mutex<Option<Arc<CredentialStore>>> = Mutex::new(None);
    let mut guard = STORE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(store) = guard.as_ref() {
        return Ok(store.clone());
    }
    let store = new_native_store()?;
    *guard = Some(store.clone());
    Ok(store)
}

#[cfg(target_os = "macos")]
fn new_native_store() -> Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn new_native_store() -> Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(target_os = "macos", target_os = "windows")))]
fn new_native_store() -> Result<Arc<CredentialStore>> {
    Err(KError::NotSupportedByStore(
        "this operating system has no supported keyring".into(),
    ))
}

fn entry(id: &str, label: Option<&str>) -> Result<Entry> {
    let store = native_store()?;
    match label.filter(|_| Os::current().keyring_takes_label()) {
        Some(label) => {
            let mods = HashMap::from([("label", label)]);
            Entry::new_in_store_with_modifiers(&store, SERVICE, id, &mods)
        }
        None => Entry::new_in_store(&store, SERVICE, id),
    }
}

/// Keep `details` as the item's attributes. Stores without free attributes
/// (Keychain, Credential Manager) keep only the secret.
fn set_details(entry: &Entry, details: &[(&str, &str)]) -> Result<()> {
    if !Os::current().keyring_keeps_details() {
        return Ok(());
    }
    let attributes: HashMap<&str, &str> = details.iter().copied().collect();
    match entry.update_attributes(&attributes) {
        Err(KError::NotSupportedByStore(_) | KError::Invalid(..)) => Ok(()),
        other => other,
    }
}

pub fn get(_may_prompt: bool, id: &str) -> Result<Option<Vec<u8>>> {
    match entry(id, None)?.get_password() {
        Ok(p) => Ok(Some(p.into_bytes())),
        Err(KError::NoEntry) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn set(
    _may_prompt: bool,
    id: &str,
    label: &str,
    details: &[(&str, &str)],
    secret: &[u8],
) -> Result<()> {
    let entry = entry(id, Some(label))?;
    // Always UTF-8 (it came from a `str`); `set_password` keeps the
    // platform's text encoding (UTF-16 in the Credential Manager).
    let secret =
        String::from_utf8(secret.to_vec()).map_err(|e| KError::BadEncoding(e.into_bytes()))?;
    entry.set_password(&secret)?;
    set_details(&entry, details)
}

pub fn relabel(_may_prompt: bool, id: &str, _label: &str, details: &[(&str, &str)]) -> Result<()> {
    match set_details(&entry(id, None)?, details) {
        Err(KError::NoEntry) => Ok(()),
        other => other,
    }
}

pub fn delete(_may_prompt: bool, id: &str) -> Result<bool> {
    match entry(id, None)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(KError::NoEntry) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Every hubint item: its integration id and its attributes (none where
/// the store keeps no details), sorted by id, one per id.
pub fn entries(_may_prompt: bool) -> Result<Vec<(String, HashMap<String, String>)>> {
    let store = native_store()?;
    let (key, value) = Os::current().keyring_search(SERVICE);
    let spec = HashMap::from([(key, value.as_str())]);
    let mut all = Vec::new();
    for entry in store.search(&spec)? {
        let attributes = match Os::current().keyring_keeps_details() {
            true => entry.get_attributes().unwrap_or_default(),
            false => HashMap::new(),
        };
        let id = match entry.get_specifiers() {
            Some((_, user)) => Some(user),
            None => attributes.get("username").cloned(),
        };
        if let Some(id) = id {
            all.push((id, attributes));
        }
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all.dedup_by(|a, b| a.0 == b.0);
    Ok(all)
}
