//! The OS keyring backend (keyring-core with the native store of each OS).
//!
//! Every call runs on a worker thread and is abandoned after a timeout
//! (`HUBINT_KEYRING_TIMEOUT`, 5 s by default): a Secret Service that stops
//! answering, or a locked collection waiting for an unlock prompt nobody
//! sees, must not hang a CI job.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use anyhow::Result;
use keyring_core::{CredentialStore, Entry, Error as KError};

use super::{SERVICE, Secret, SecretStore, StoreKind};
use crate::error::Failure;

pub const ENV_TIMEOUT: &str = "HUBINT_KEYRING_TIMEOUT";
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

pub struct KeyringStore {
    timeout: Duration,
    /// Whether a locked keyring may be unlocked through the Secret Service's
    /// prompt (a person at a terminal); otherwise a locked keyring fails at once.
    #[cfg_attr(
        not(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd")),
        allow(dead_code)
    )]
    may_prompt: bool,
}

#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
use super::no_prompt;

impl KeyringStore {
    pub fn from_env(may_prompt: bool) -> Result<KeyringStore> {
        let timeout =
            match std::env::var(ENV_TIMEOUT) {
                Err(_) => DEFAULT_TIMEOUT,
                Ok(v) => match v.trim().parse::<f64>() {
                    Ok(secs) if secs > 0.0 && secs <= 3600.0 => Duration::from_secs_f64(secs),
                    _ => {
                        return Err(Failure::usage(format!(
                        "{ENV_TIMEOUT} must be a number of seconds between 0 and 3600, not '{v}'"
                    ))
                    .hint(format!("unset {ENV_TIMEOUT} to use the default of 5 seconds"))
                    .into());
                    }
                },
            };
        Ok(KeyringStore {
            timeout,
            may_prompt,
        })
    }

    /// Whether calls go through hubint's own Secret Service session, which
    /// never prompts (`no_prompt.rs`), rather than the keyring store.
    #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
    fn direct(&self) -> bool {
        !self.may_prompt
    }

    /// Run `op` against the native store on a worker thread, with the timeout.
    fn call<T: Send + 'static>(
        &self,
        op: impl FnOnce(&Arc<CredentialStore>) -> keyring_core::Result<T> + Send + 'static,
    ) -> Result<T> {
        self.run(move || native_store().and_then(|store| op(&store)))
    }

    /// Run `op` on a worker thread and give up after the timeout.
    fn run<T: Send + 'static>(
        &self,
        op: impl FnOnce() -> keyring_core::Result<T> + Send + 'static,
    ) -> Result<T> {
        let (tx, rx) = mpsc::channel();
        thread::Builder::new()
            .name("keyring".into())
            .spawn(move || {
                let _ = tx.send(op());
            })?;
        match rx.recv_timeout(self.timeout) {
            Ok(result) => result.map_err(store_error),
            Err(_) => Err(Failure::store(format!(
                "the OS keyring did not answer within {:.1}s",
                self.timeout.as_secs_f64()
            ))
            .hint(format!(
                "{}; or set {ENV_TIMEOUT} to wait longer",
                unavailable_hint()
            ))
            .into()),
        }
    }
}

fn entry(
    store: &Arc<CredentialStore>,
    id: &str,
    label: Option<&str>,
) -> keyring_core::Result<Entry> {
    match label {
        Some(label) => {
            let mods = HashMap::from([("label", label)]);
            Entry::new_in_store_with_modifiers(store, SERVICE, id, &mods)
        }
        None => Entry::new_in_store(store, SERVICE, id),
    }
}

impl SecretStore for KeyringStore {
    fn kind(&self) -> StoreKind {
        StoreKind::Keyring
    }

    fn get(&self, id: &str) -> Result<Option<Secret>> {
        let id = id.to_string();
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        if self.direct() {
            return self.run(move || match no_prompt::get(&id)? {
                None => Ok(None),
                Some(bytes) => String::from_utf8(bytes)
                    .map(|p| Some(Secret::new(p)))
                    .map_err(|e| KError::BadEncoding(e.into_bytes())),
            });
        }
        self.call(move |store| match entry(store, &id, None)?.get_password() {
            Ok(p) => Ok(Some(Secret::new(p))),
            Err(KError::NoEntry) => Ok(None),
            Err(e) => Err(e),
        })
    }

    fn set(&self, id: &str, label: &str, secret: &str) -> Result<()> {
        let (id, label) = (id.to_string(), label.to_string());
        let secret = Secret::new(secret.to_string());
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        if self.direct() {
            return self.run(move || no_prompt::set(&id, &label, &[], secret.as_bytes()));
        }
        self.call(move |store| entry(store, &id, Some(&label))?.set_password(&secret))
    }

    fn relabel(&self, id: &str, label: &str) -> Result<()> {
        let (id, label) = (id.to_string(), label.to_string());
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        if self.direct() {
            return self.run(move || no_prompt::relabel(&id, &label));
        }
        self.call(
            move |store| match set_label(&entry(store, &id, None)?, &label) {
                Err(KError::NoEntry) => Ok(()),
                other => other,
            },
        )
    }

    fn delete(&self, id: &str) -> Result<bool> {
        let id = id.to_string();
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        if self.direct() {
            return self.run(move || no_prompt::delete(&id));
        }
        self.call(
            move |store| match entry(store, &id, None)?.delete_credential() {
                Ok(()) => Ok(true),
                Err(KError::NoEntry) => Ok(false),
                Err(e) => Err(e),
            },
        )
    }

    fn list_ids(&self) -> Result<Vec<String>> {
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        if self.direct() {
            return self.run(|| {
                let ids = no_prompt::entries()?.into_iter().map(|(id, _)| id);
                Ok(ids.collect())
            });
        }
        self.call(|store| {
            let spec = HashMap::from([("service", SERVICE)]);
            let mut ids = Vec::new();
            for entry in store.search(&spec)? {
                let id = match entry.get_specifiers() {
                    Some((_, user)) => Some(user),
                    None => entry.get_attributes()?.remove("username"),
                };
                ids.extend(id);
            }
            ids.sort();
            ids.dedup();
            Ok(ids)
        })
    }
}

/// The platform's native store, created once per process.
fn native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    static STORE: Mutex<Option<Arc<CredentialStore>>> = Mutex::new(None);
    let mut guard = STORE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(store) = guard.as_ref() {
        return Ok(store.clone());
    }
    let store = new_native_store()?;
    *guard = Some(store.clone());
    Ok(store)
}

#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
fn new_native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(dbus_secret_service_keyring_store::Store::new()?)
}

/// Secret Service items carry a label that `set_password` leaves alone.
#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
fn set_label(entry: &Entry, label: &str) -> keyring_core::Result<()> {
    use dbus_secret_service_keyring_store::cred::Specifier;
    match entry.as_any().downcast_ref::<Specifier>() {
        Some(item) => item.set_label(label),
        None => Ok(()),
    }
}

/// Keychain and Credential Manager entries show the service and account.
#[cfg(not(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd")))]
fn set_label(_entry: &Entry, _label: &str) -> keyring_core::Result<()> {
    Ok(())
}

#[cfg(target_os = "macos")]
fn new_native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn new_native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "macos",
    target_os = "windows"
)))]
fn new_native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(KError::NotSupportedByStore(
        "this operating system has no supported keyring".into(),
    ))
}

fn locked_hint() -> &'static str {
    "unlock the keyring (log in to the desktop session, or run hubint at a terminal to be asked); \
     where nothing can unlock it, use the encrypted file store: --secret-store file"
}

fn unavailable_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "unlock your login keychain"
    } else if cfg!(target_os = "windows") {
        "make sure Windows Credential Manager is available to this session"
    } else {
        "start a Secret Service (gnome-keyring, KeePassXC) in this D-Bus session and unlock it"
    }
}

/// Turn a keyring error into a [`Failure`] with exit code 5. Never includes
/// secret bytes (some keyring errors carry them).
fn store_error(err: KError) -> anyhow::Error {
    let message = match &err {
        KError::NoStorageAccess(e) => format!("the OS keyring is locked or refused access: {e}"),
        KError::PlatformFailure(e) => format!("the OS keyring is unavailable: {e}"),
        KError::NoDefaultStore => "no OS keyring is configured".to_string(),
        KError::NotSupportedByStore(why) => format!("the OS keyring cannot do this: {why}"),
        KError::BadEncoding(_) | KError::BadDataFormat(..) => {
            "a secret in the OS keyring is not valid UTF-8".to_string()
        }
        KError::Ambiguous(entries) => format!(
            "the OS keyring holds {} items for one integration",
            entries.len()
        ),
        other => format!("the OS keyring failed: {}", redact(other)),
    };
    let hint = match &err {
        KError::NoStorageAccess(_) => locked_hint(),
        _ => unavailable_hint(),
    };
    Failure::store(message).hint(hint).into()
}

fn redact(err: &KError) -> String {
    match err {
        KError::BadEncoding(_) | KError::BadDataFormat(..) => "bad data".into(),
        other => other.to_string(),
    }
}
