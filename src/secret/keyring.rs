//! The OS keyring backend (keyring-core with the native store of each OS).
//!
//! Every call runs on a worker thread and is abandoned after a timeout
//! (the `keyring-timeout` setting, `HUBINT_KEYRING_TIMEOUT`; 5 s by default): a Secret Service that stops
//! answering, or a locked collection waiting for an unlock prompt nobody
//! sees, must not hang a CI job.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use anyhow::Result;
use keyring_core::{CredentialStore, Entry, Error as KError};

use super::{Meta, SERVICE, Secret, SecretStore, StoreKind, Stored};
use crate::error::Failure;
use crate::platform::Os;

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
    /// A store whose calls give up after `timeout` (the `keyring-timeout`
    /// setting).
    pub fn new(timeout: Duration, may_prompt: bool) -> KeyringStore {
        KeyringStore {
            timeout,
            may_prompt,
        }
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
            Err(_) => Err(crate::keyring_notice::timeout(self.timeout).into()),
        }
    }
}

fn entry(
    store: &Arc<CredentialStore>,
    id: &str,
    label: Option<&str>,
) -> keyring_core::Result<Entry> {
    match label.filter(|_| Os::current().keyring_takes_label()) {
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

    fn set(&self, id: &str, meta: &Meta, secret: &str) -> Result<()> {
        let (id, meta) = (id.to_string(), meta.clone());
        let secret = Secret::new(secret.to_string());
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        if self.direct() {
            return self.run(move || {
                let extra = meta_attributes(&meta);
                no_prompt::set(&id, &meta.label(), &borrowed(&extra), secret.as_bytes())
            });
        }
        self.call(move |store| {
            let label = meta.label();
            let entry = entry(store, &id, Some(&label))?;
            entry.set_password(&secret)?;
            // An item that existed keeps its old label unless told.
            set_label(&entry, &label)?;
            set_meta(&entry, &meta)
        })
    }

    fn relabel(&self, id: &str, meta: &Meta) -> Result<()> {
        let (id, meta) = (id.to_string(), meta.clone());
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        if self.direct() {
            return self.run(move || {
                let extra = meta_attributes(&meta);
                no_prompt::relabel(&id, &meta.label(), &borrowed(&extra))
            });
        }
        self.call(move |store| {
            let entry = entry(store, &id, None)?;
            match set_label(&entry, &meta.label()).and_then(|()| set_meta(&entry, &meta)) {
                Err(KError::NoEntry) => Ok(()),
                other => other,
            }
        })
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

    fn entries(&self) -> Result<Vec<Stored>> {
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        if self.direct() {
            return self.run(|| {
                let all = no_prompt::entries()?.into_iter();
                Ok(all
                    .map(|(id, attributes)| Stored {
                        id,
                        meta: meta_from(&attributes),
                    })
                    .collect())
            });
        }
        self.call(|store| {
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
                    let meta = meta_from(&attributes);
                    all.push(Stored { id, meta });
                }
            }
            all.sort_by(|a, b| a.id.cmp(&b.id));
            all.dedup_by(|a, b| a.id == b.id);
            Ok(all)
        })
    }
}

/// The item attributes that hold an integration's details (see [`Meta`]).
const META_ATTRIBUTES: [&str; 7] = [
    "hubint.name",
    "hubint.family",
    "hubint.type",
    "hubint.registry",
    "hubint.username",
    "hubint.email",
    "hubint.home",
];

/// The item attributes that hold `meta`, in [`META_ATTRIBUTES`] order.
fn meta_attributes(meta: &Meta) -> Vec<(&'static str, String)> {
    let none = String::new();
    let values = [
        &meta.name,
        &meta.family,
        &meta.kind,
        &meta.registry,
        &meta.username,
        meta.email.as_ref().unwrap_or(&none),
        &meta.home,
    ];
    META_ATTRIBUTES
        .into_iter()
        .zip(values.map(String::clone))
        .collect()
}

/// `attributes` as the borrowed pairs the Secret Service calls take.
#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
fn borrowed<'a>(attributes: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    attributes.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Keep `meta` as the item's attributes. Stores without free attributes
/// (Keychain, Credential Manager) keep only the secret.
fn set_meta(entry: &Entry, meta: &Meta) -> keyring_core::Result<()> {
    if !Os::current().keyring_keeps_details() {
        return Ok(());
    }
    let pairs = meta_attributes(meta);
    let attributes: HashMap<&str, &str> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    match entry.update_attributes(&attributes) {
        Err(KError::NotSupportedByStore(_) | KError::Invalid(..)) => Ok(()),
        other => other,
    }
}

/// The details kept by [`set_meta`], if the item has them.
fn meta_from(attributes: &HashMap<String, String>) -> Option<Meta> {
    let get = |key: &str| attributes.get(key).cloned();
    Some(Meta {
        name: get("hubint.name")?,
        family: get("hubint.family")?,
        kind: get("hubint.type")?,
        registry: get("hubint.registry")?,
        username: get("hubint.username")?,
        email: get("hubint.email").filter(|e| !e.is_empty()),
        home: get("hubint.home")?,
    })
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
    Os::current().keyring_unavailable_hint()
}

/// Turn a keyring error into a [`Failure`] with exit code 5. Never includes
/// secret bytes (some keyring errors carry them).
fn store_error(err: KError) -> anyhow::Error {
    if let Some(plain) = crate::keyring_notice::translate(&redact(&err)) {
        return plain.into();
    }
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
