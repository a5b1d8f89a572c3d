//! The OS keyring backend: the Secret Service on Linux and the BSDs
//! (`secret_service.rs`, one connection per process, prompting only where
//! hubint may), keyring-core's native store on macOS and Windows
//! (`native.rs`). Both offer the same five calls; this file adds the
//! details kept with each item, the timeout and the error messages.
//!
//! Every call runs on a worker thread and is abandoned after a timeout
//! (the `keyring-timeout` setting, `HUBINT_KEYRING_TIMEOUT`; 5 s by default): a Secret Service that stops
//! answering, or a locked collection waiting for an unlock prompt nobody
//! sees, must not hang a CI job.

use std::collections::HashMap;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use anyhow::Result;
use keyring_core::Error as KError;

use super::{Details, Meta, Secret, SecretStore, StoreKind, Stored};
use crate::error::Failure;
use crate::platform::Os;

pub struct KeyringStore {
    timeout: Duration,
    /// Whether a locked keyring may be unlocked through the Secret Service's
    /// prompt (a person at a terminal); otherwise a locked keyring fails at once.
    may_prompt: bool,
}

#[cfg(not(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd")))]
use super::native as os;
#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
use super::secret_service as os;

impl KeyringStore {
    /// A store whose calls give up after `timeout` (the `keyring-timeout`
    /// setting).
    pub fn new(timeout: Duration, may_prompt: bool) -> KeyringStore {
        KeyringStore {
            timeout,
            may_prompt,
        }
    }

    /// Run `op` on a worker thread and give up after the timeout.
    fn run<T: Send + 'static>(
        &self,
        op: impl FnOnce() -> keyring_core::Result<T> + Send + 'static,
    ) -> Result<T> {
        if cfg!(test) {
            panic!("unit tests use the in-memory store (secret/memory.rs), never the OS keyring");
        }
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

impl SecretStore for KeyringStore {
    fn kind(&self) -> StoreKind {
        StoreKind::Keyring
    }

    fn get(&self, id: &str) -> Result<Option<Secret>> {
        let (id, may_prompt) = (id.to_string(), self.may_prompt);
        self.run(move || match os::get(may_prompt, &id)? {
            None => Ok(None),
            Some(bytes) => String::from_utf8(bytes)
                .map(|p| Some(Secret::new(p)))
                .map_err(|e| KError::BadEncoding(e.into_bytes())),
        })
    }

    fn set(&self, id: &str, meta: &Meta, secret: &str) -> Result<()> {
        let (id, meta, may_prompt) = (id.to_string(), meta.clone(), self.may_prompt);
        let secret = Secret::new(secret.to_string());
        self.run(move || {
            let extra = meta_attributes(&meta);
            os::set(
                may_prompt,
                &id,
                &meta.label(),
                &borrowed(&extra),
                secret.as_bytes(),
            )
        })
    }

    fn relabel(&self, id: &str, meta: &Meta) -> Result<()> {
        let (id, meta, may_prompt) = (id.to_string(), meta.clone(), self.may_prompt);
        self.run(move || {
            let extra = meta_attributes(&meta);
            os::relabel(may_prompt, &id, &meta.label(), &borrowed(&extra))
        })
    }

    fn delete(&self, id: &str) -> Result<bool> {
        let (id, may_prompt) = (id.to_string(), self.may_prompt);
        self.run(move || os::delete(may_prompt, &id))
    }

    fn entries(&self) -> Result<Vec<Stored>> {
        let may_prompt = self.may_prompt;
        self.run(move || {
            let all = os::entries(may_prompt)?.into_iter();
            Ok(all
                .map(|(id, attributes)| Stored {
                    id,
                    meta: meta_from(&attributes),
                })
                .collect())
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
    let (d, none) = (&meta.details, String::new());
    let values = [
        &d.name,
        &d.family,
        &d.kind,
        &d.registry,
        &d.username,
        d.email.as_ref().unwrap_or(&none),
        &meta.home,
    ];
    META_ATTRIBUTES
        .into_iter()
        .zip(values.map(String::clone))
        .collect()
}

/// `attributes` as the borrowed pairs the keyring calls take.
fn borrowed<'a>(attributes: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    attributes.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The details kept in an item's attributes (see [`meta_attributes`]), if
/// it has them.
fn meta_from(attributes: &HashMap<String, String>) -> Option<Meta> {
    let get = |key: &str| attributes.get(key).cloned();
    Some(Meta {
        details: Details {
            name: get("hubint.name")?,
            family: get("hubint.family")?,
            kind: get("hubint.type")?,
            registry: get("hubint.registry")?,
            username: get("hubint.username")?,
            email: get("hubint.email").filter(|e| !e.is_empty()),
        },
        home: get("hubint.home")?,
    })
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
