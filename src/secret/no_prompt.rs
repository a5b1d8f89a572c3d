//! Secret Service access that never starts an unlock prompt.
//!
//! The keyring store answers a locked item or collection by asking the
//! Secret Service to unlock it, which on a desktop opens a dialog and waits.
//! A credential helper or a script must fail at once instead ("never prompt,
//! never hang"), so when hubint may not prompt it reads and writes through
//! here, on the process's one session (`session.rs`): the lock check and the
//! write share the connection and the search.
//!
//! Items look exactly as the keyring store makes them (attributes `service`
//! and `username`, the integration id; the label hubint gives; content type
//! `application/octet-stream`), so either path finds what the other wrote.

use std::collections::HashMap;

use dbus_secret_service::{Error as SsError, Item, SecretService};
use keyring_core::Error as KError;

use super::SERVICE;
use super::session;

/// The content type the keyring store gives its items.
const CONTENT_TYPE: &str = "application/octet-stream";

fn attributes(id: Option<&str>) -> HashMap<&str, &str> {
    let mut attributes = HashMap::from([("service", SERVICE)]);
    if let Some(id) = id {
        attributes.insert("username", id);
    }
    attributes
}

pub(super) fn failure(err: SsError) -> KError {
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

/// The unlocked items that match `id` (every hubint item with `None`); an
/// error if any matching item is locked.
fn unlocked_items<'a>(
    ss: &'a SecretService,
    id: Option<&str>,
) -> keyring_core::Result<Vec<Item<'a>>> {
    let found = ss.search_items(attributes(id)).map_err(failure)?;
    if !found.locked.is_empty() {
        return Err(locked("the keyring item"));
    }
    Ok(found.unlocked)
}

fn several(n: usize) -> KError {
    KError::NoStorageAccess(format!("{n} keyring items match one integration").into())
}

/// The secret of integration `id`, or `None`; an error if it is locked.
pub fn get(id: &str) -> keyring_core::Result<Option<Vec<u8>>> {
    session::with(|ss| match unlocked_items(ss, Some(id))?.as_slice() {
        [] => Ok(None),
        [item] => item.get_secret().map(Some).map_err(failure),
        many => Err(several(many.len())),
    })
}

/// Create or replace the secret of `id`, shown as `label`, with `extra`
/// attributes besides `service` and `username` (an existing item gets the
/// label and the extra attributes too; with none it keeps its label, as the
/// keyring store does).
pub fn set(
    id: &str,
    label: &str,
    extra: &[(&str, &str)],
    secret: &[u8],
) -> keyring_core::Result<()> {
    let mut all = attributes(Some(id));
    all.extend(extra.iter().copied());
    session::with(|ss| match unlocked_items(ss, Some(id))?.as_slice() {
        [item] => {
            item.set_secret(secret, CONTENT_TYPE).map_err(failure)?;
            if !extra.is_empty() {
                item.set_label(label).map_err(failure)?;
                item.set_attributes(all.clone()).map_err(failure)?;
            }
            Ok(())
        }
        [] => {
            let collection = ss.get_default_collection().map_err(failure)?;
            if collection.is_locked().map_err(failure)? {
                return Err(locked("the default keyring collection"));
            }
            collection
                .create_item(label, all.clone(), secret, true, CONTENT_TYPE)
                .map(drop)
                .map_err(failure)
        }
        many => Err(several(many.len())),
    })
}

/// Remove every item of `id`; `false` if there was none.
pub fn delete(id: &str) -> keyring_core::Result<bool> {
    session::with(|ss| {
        let items = unlocked_items(ss, Some(id))?;
        for item in &items {
            item.delete().map_err(failure)?;
        }
        Ok(!items.is_empty())
    })
}

/// Show `label` for the item of `id`, with `extra` attributes besides
/// `service` and `username`; nothing if there is none.
pub fn relabel(id: &str, label: &str, extra: &[(&str, &str)]) -> keyring_core::Result<()> {
    let mut all = attributes(Some(id));
    all.extend(extra.iter().copied());
    session::with(|ss| {
        for item in unlocked_items(ss, Some(id))? {
            item.set_label(label).map_err(failure)?;
            if !extra.is_empty() {
                item.set_attributes(all.clone()).map_err(failure)?;
            }
        }
        Ok(())
    })
}

/// Every hubint item: its integration id and all its attributes, sorted by
/// id, one per id.
pub fn entries() -> keyring_core::Result<Vec<(String, HashMap<String, String>)>> {
    session::with(|ss| {
        let mut all = Vec::new();
        for item in unlocked_items(ss, None)? {
            // Another process may delete an item between the search and this
            // read ("Object does not exist"): it is gone, so it is skipped.
            let attributes = match item.get_attributes() {
                Ok(attributes) => attributes,
                Err(SsError::Dbus(_)) => continue,
                Err(err) => return Err(failure(err)),
            };
            if let Some(id) = attributes.get("username").cloned() {
                all.push((id, attributes));
            }
        }
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all.dedup_by(|a, b| a.0 == b.0);
        Ok(all)
    })
}
