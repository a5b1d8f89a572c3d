//! The Secret Service (Linux and the BSDs): the one keyring path there.
//!
//! Every call runs on the process's one session (`session.rs`). Where hubint
//! may prompt (a person at a terminal), a locked item or collection is
//! unlocked through the Secret Service's prompt; where it may not (the
//! credential helper, scripts, CI), a locked keyring fails at once instead
//! ("never prompt, never hang"): the session's prompt timeout is zero, so no
//! prompt is ever shown.
//!
//! Lock checks cost no extra round trip: a search answers with the locked
//! and the unlocked items at once, and a new item is created without asking
//! first whether the collection is locked (the creation fails if it is).
//!
//! Items look exactly as the keyring crates make them (attributes `service`
//! and `username`, the integration id; the label hubint gives; content type
//! `application/octet-stream`), so items written by earlier versions, or by
//! `secret-tool`, are found.

use std::collections::HashMap;

use dbus_secret_service::{Collection, Error as SsError, Item, SecretService};
use keyring_core::Error as KError;

use super::SERVICE;
use super::session;

/// The content type the keyring crates give their items.
const CONTENT_TYPE: &str = "application/octet-stream";

/// The D-Bus error of a call on a locked collection or item.
const IS_LOCKED: &str = "org.freedesktop.Secret.Error.IsLocked";

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

fn is_locked(err: &SsError) -> bool {
    matches!(err, SsError::Dbus(e) if e.name() == Some(IS_LOCKED))
}

/// The items that match `id` (every hubint item with `None`). Locked ones
/// are unlocked where hubint may prompt, else they are an error.
fn items<'a>(
    ss: &'a SecretService,
    may_prompt: bool,
    id: Option<&str>,
) -> keyring_core::Result<Vec<Item<'a>>> {
    let found = ss.search_items(attributes(id)).map_err(failure)?;
    if found.locked.is_empty() {
        return Ok(found.unlocked);
    }
    if !may_prompt {
        return Err(locked("the keyring item"));
    }
    let locked: Vec<&Item<'_>> = found.locked.iter().collect();
    ss.unlock_all(&locked).map_err(failure)?;
    Ok(found.unlocked.into_iter().chain(found.locked).collect())
}

fn several(n: usize) -> KError {
    KError::NoStorageAccess(format!("{n} keyring items match one integration").into())
}

/// The secret of integration `id`, or `None`.
pub fn get(may_prompt: bool, id: &str) -> keyring_core::Result<Option<Vec<u8>>> {
    session::with(may_prompt, |ss| {
        match items(ss, may_prompt, Some(id))?.as_slice() {
            [] => Ok(None),
            [item] => item.get_secret().map(Some).map_err(failure),
            many => Err(several(many.len())),
        }
    })
}

/// Create or replace the secret of `id`, shown as `label`, with `extra`
/// attributes besides `service` and `username` (an existing item gets the
/// label and the extra attributes too; with none it keeps its label).
pub fn set(
    may_prompt: bool,
    id: &str,
    label: &str,
    extra: &[(&str, &str)],
    secret: &[u8],
) -> keyring_core::Result<()> {
    let mut all = attributes(Some(id));
    all.extend(extra.iter().copied());
    session::with(may_prompt, |ss| {
        match items(ss, may_prompt, Some(id))?.as_slice() {
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
                match create(&collection, label, &all, secret) {
                    Err(err) if is_locked(&err) && may_prompt => {
                        collection.unlock().map_err(failure)?;
                        create(&collection, label, &all, secret).map_err(failure)
                    }
                    Err(err) if is_locked(&err) => Err(locked("the default keyring collection")),
                    other => other.map_err(failure),
                }
            }
            many => Err(several(many.len())),
        }
    })
}

fn create(
    collection: &Collection<'_>,
    label: &str,
    attributes: &HashMap<&str, &str>,
    secret: &[u8],
) -> Result<(), SsError> {
    collection
        .create_item(label, attributes.clone(), secret, true, CONTENT_TYPE)
        .map(drop)
}

/// Remove every item of `id`; `false` if there was none.
pub fn delete(may_prompt: bool, id: &str) -> keyring_core::Result<bool> {
    session::with(may_prompt, |ss| {
        let items = items(ss, may_prompt, Some(id))?;
        for item in &items {
            item.delete().map_err(failure)?;
        }
        Ok(!items.is_empty())
    })
}

/// Show `label` for the item of `id`, with `extra` attributes besides
/// `service` and `username`; nothing if there is none.
pub fn relabel(
    may_prompt: bool,
    id: &str,
    label: &str,
    extra: &[(&str, &str)],
) -> keyring_core::Result<()> {
    let mut all = attributes(Some(id));
    all.extend(extra.iter().copied());
    session::with(may_prompt, |ss| {
        for item in items(ss, may_prompt, Some(id))? {
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
pub fn entries(may_prompt: bool) -> keyring_core::Result<Vec<(String, HashMap<String, String>)>> {
    session::with(may_prompt, |ss| {
        let mut all = Vec::new();
        for item in items(ss, may_prompt, None)? {
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
