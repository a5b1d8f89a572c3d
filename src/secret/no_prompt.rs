//! Secret Service access that never starts an unlock prompt.
//!
//! The keyring store answers a locked item or collection by asking the
//! Secret Service to unlock it, which on a desktop opens a dialog and waits.
//! A credential helper or a script must fail at once instead ("never prompt,
//! never hang"), so when hubint may not prompt it reads through here, and
//! checks the lock state here before it writes.

use std::collections::HashMap;

use dbus_secret_service::{EncryptionType, Error as SsError, SecretService};
use keyring_core::Error as KError;

use super::SERVICE;

fn attributes(id: Option<&str>) -> HashMap<&str, &str> {
    let mut attributes = HashMap::from([("service", SERVICE)]);
    if let Some(id) = id {
        attributes.insert("username", id);
    }
    attributes
}

fn failure(err: SsError) -> KError {
    match err {
        SsError::Locked | SsError::Prompt | SsError::NoResult => {
            KError::NoStorageAccess(Box::new(err))
        }
        other => KError::PlatformFailure(Box::new(other)),
    }
}

fn locked(what: &str) -> KError {
    KError::NoStorageAccess(format!("{what} is locked and hubint may not prompt here").into())
}

/// The secret of integration `id`, or `None`; an error if it is locked.
pub fn get(id: &str) -> keyring_core::Result<Option<Vec<u8>>> {
    let service = SecretService::connect(EncryptionType::Dh).map_err(failure)?;
    let found = service
        .search_items(attributes(Some(id)))
        .map_err(failure)?;
    match found.unlocked.as_slice() {
        [item] => item.get_secret().map(Some).map_err(failure),
        [] if found.locked.is_empty() => Ok(None),
        [] => Err(locked("the keyring item")),
        several => Err(KError::NoStorageAccess(
            format!("{} keyring items match one integration", several.len()).into(),
        )),
    }
}

/// Fail if the item of `id` (or, with `None`, any hubint item) is locked,
/// or, with `collection`, if the default collection new items go to is.
pub fn ensure_unlocked(id: Option<&str>, collection: bool) -> keyring_core::Result<()> {
    let service = SecretService::connect(EncryptionType::Plain).map_err(failure)?;
    let found = service.search_items(attributes(id)).map_err(failure)?;
    if !found.locked.is_empty() {
        return Err(locked("the keyring item"));
    }
    if collection
        && service
            .get_default_collection()
            .map_err(failure)?
            .is_locked()
            .map_err(failure)?
    {
        return Err(locked("the default keyring collection"));
    }
    Ok(())
}
