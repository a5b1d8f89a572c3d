//! The writes of a unit of work, applied at commit one after the other,
//! each with check-and-set. A write of a row fails on a version other than
//! the one read ("changed meanwhile", exit 4); a merge (a link, a mark, an
//! index entry) reads again and retries, since applying it twice is the
//! same as once.

use std::time::Duration;

use anyhow::{Result, bail};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::docs::{
    NameDoc, PendingDoc, RegistryDoc, RowDoc, SubDoc, name_key, pending_key, registry_key, row_key,
    sub_key,
};
use super::reads::gone;
use super::rename::renamed;
use super::tx::{Op, sub_exists};
use crate::error::{Failure, fail};
use crate::service::catalog::{changed_meanwhile, name_taken, not_found};
use crate::service::model::Integration;
use crate::team::client::{Client, Written};

/// How often a merge retries against concurrent writers.
pub(super) const TRIES: u32 = 64;

pub fn apply(c: &Client, op: Op) -> Result<()> {
    match op {
        Op::Insert { row, helper } => insert(c, &row, helper),
        Op::Update { seen, row } => update(c, &seen, &row),
        Op::Verify { id, at, result } => merge::<RowDoc>(c, &row_key(&id), false, |d| {
            d.last_verified_at = Some(at.to_string());
            d.last_verification = Some(result.clone());
            !d.deleting
        })
        .map(drop),
        Op::Unlink { id, seen } => unlink(c, &id, seen),
        Op::Delete { id } => delete(c, &id),
        Op::ClearDefault { registry, except } => {
            merge::<RegistryDoc>(c, &registry_key(&registry), false, |d| {
                let other = d.default.as_ref().is_some_and(|x| *x != *except);
                if other {
                    d.default = None;
                }
                other
            })
            .map(drop)
        }
        Op::CreateSub { name, now, strict } => {
            let doc = SubDoc {
                name: name.clone(),
                created_at: now.to_string(),
                ..SubDoc::default()
            };
            match c.write(&sub_key(&name), &doc, Some(0))? {
                Written::CasMismatch if strict => fail(sub_exists(&name)),
                _ => Ok(()),
            }
        }
        Op::RenameSub { old, new } => rename_sub(c, &old, &new),
        Op::DeleteSub { name } => {
            let Some(doc) = c.read::<SubDoc>(&sub_key(&name))? else {
                return Ok(());
            };
            if let Some(to) = &doc.data.renamed_to {
                return fail(renamed(&doc.data.name, to));
            }
            c.delete(&sub_key(&name))?;
            for id in &doc.data.integrations {
                merge::<RowDoc>(c, &row_key(id), false, |d| unlink_name(d, &name))?;
            }
            Ok(())
        }
        Op::Attach { sub, id } => attach(c, &sub, &id),
        Op::Detach { sub, id } => {
            let mut moved = None;
            merge::<SubDoc>(c, &sub_key(&sub), false, |d| {
                moved.clone_from(&d.renamed_to);
                moved.is_none() && remove(&mut d.integrations, &id)
            })?;
            if let Some(to) = moved {
                return fail(renamed(&sub, &to));
            }
            merge::<RowDoc>(c, &row_key(&id), false, |d| unlink_name(d, &sub)).map(drop)
        }
        Op::AddPending { id, store } => {
            let doc = PendingDoc {
                store: store.to_string(),
            };
            c.write(&pending_key(&id), &doc, None).map(drop)
        }
        Op::RemovePending { id } => c.delete(&pending_key(&id)),
        Op::MarkHelper { id } => merge::<RowDoc>(c, &row_key(&id), false, |d| {
            !std::mem::replace(&mut d.helper, true)
        })
        .map(drop),
        Op::Logout { registry, out } => {
            merge::<RegistryDoc>(c, &registry_key(&registry), out, |d| {
                std::mem::replace(&mut d.logged_out, out) != out
            })
            .map(drop)
        }
    }
}

/// Read `key`, change it with `change` (which says whether it changed
/// anything) and write it back with check-and-set, again until no one
/// wrote in between. A missing document is created from its default if
/// `create`, else left alone. Whether it existed (or was created).
pub fn merge<T: Serialize + DeserializeOwned + Default>(
    c: &Client,
    key: &str,
    create: bool,
    mut change: impl FnMut(&mut T) -> bool,
) -> Result<bool> {
    for attempt in 0..TRIES {
        let (mut doc, version) = match c.read::<T>(key)? {
            Some(d) => (d.data, d.version),
            None if create => (T::default(), 0),
            None => return Ok(false),
        };
        if !change(&mut doc) {
            return Ok(true);
        }
        if let Written::Version(_) = c.write(key, &doc, Some(version))? {
            return Ok(true);
        }
        backoff(attempt);
    }
    fail(busy())
}

/// Every retry of a check-and-set met another writer.
pub(super) fn busy() -> Failure {
    Failure::store("the team store is too busy: every retry met another writer")
        .hint("run the command again")
}

pub(super) fn backoff(attempt: u32) {
    let jitter = u64::from(std::process::id() % 7) + u64::from(attempt.min(10)) * 3;
    std::thread::sleep(Duration::from_millis(2 + jitter));
}

pub(super) fn remove(list: &mut Vec<String>, id: &str) -> bool {
    let before = list.len();
    list.retain(|x| x != id);
    list.len() != before
}

fn add(list: &mut Vec<String>, id: &str) -> bool {
    let new = !list.iter().any(|x| x == id);
    if new {
        list.push(id.to_string());
    }
    new
}

pub(super) fn unlink_name(d: &mut RowDoc, sub: &str) -> bool {
    let before = d.subscriptions.len();
    d.subscriptions.retain(|s| !s.eq_ignore_ascii_case(sub));
    d.subscriptions.len() != before
}

/// The name key (create only), the row (create only), then the registry
/// index. A crash leaves a name key without a row (doctor removes it).
fn insert(c: &Client, row: &Integration, helper: bool) -> Result<()> {
    let name = NameDoc {
        id: row.id.to_string(),
    };
    if c.write(&name_key(&row.name), &name, Some(0))? == Written::CasMismatch {
        return fail(name_taken(&row.name));
    }
    let doc = RowDoc {
        helper,
        ..RowDoc::of(row)
    };
    if c.write(&row_key(&row.id), &doc, Some(0))? == Written::CasMismatch {
        bail!(
            "integration id {} is already taken in the team store",
            row.id
        );
    }
    merge::<RegistryDoc>(c, &registry_key(&row.registry), true, |d| {
        add(&mut d.integrations, &row.id)
    })?;
    Ok(())
}

/// A new name key first (create only), the row at the version read, then
/// the old name key goes; the registry index and default follow the row.
fn update(c: &Client, seen: &Integration, row: &Integration) -> Result<()> {
    let Some(current) = c
        .read::<RowDoc>(&row_key(&row.id))?
        .filter(|d| !d.data.deleting)
    else {
        return fail(gone());
    };
    // An attach or detach meanwhile changes the row's links and version,
    // not the integration: as on the local store, that is no conflict.
    let as_seen = current.data.edited(seen);
    if current.version != seen.revision.number() && as_seen != current.data {
        return fail(changed_meanwhile(&seen.name));
    }
    let renamed = !current.data.details.name.eq_ignore_ascii_case(&row.name);
    if renamed {
        let name = NameDoc {
            id: row.id.to_string(),
        };
        if c.write(&name_key(&row.name), &name, Some(0))? == Written::CasMismatch {
            return fail(name_taken(&row.name));
        }
    }
    let doc = current.data.edited(row);
    if c.write(&row_key(&row.id), &doc, Some(current.version))? == Written::CasMismatch {
        if renamed {
            c.delete(&name_key(&row.name))?;
        }
        return fail(changed_meanwhile(&seen.name));
    }
    if renamed {
        drop_name_key(c, &current.data.details.name, &row.id)?;
    }
    if current.data.details.registry != row.registry {
        merge::<RegistryDoc>(
            c,
            &registry_key(&current.data.details.registry),
            false,
            |d| {
                let gone = remove(&mut d.integrations, &row.id);
                let was_default = d.default.as_deref() == Some(row.id.as_str());
                if was_default {
                    d.default = None;
                }
                gone || was_default
            },
        )?;
    }
    merge::<RegistryDoc>(c, &registry_key(&row.registry), true, |d| {
        let mut changed = add(&mut d.integrations, &row.id);
        let is_default = d.default.as_deref() == Some(row.id.as_str());
        if row.default && !is_default {
            d.default = Some(row.id.to_string());
            changed = true;
        } else if !row.default && is_default {
            d.default = None;
            changed = true;
        }
        changed
    })?;
    Ok(())
}

/// Remove the name key `name` if it still points to `id`.
fn drop_name_key(c: &Client, name: &str, id: &str) -> Result<()> {
    if c.read::<NameDoc>(&name_key(name))?
        .is_some_and(|d| d.data.id == id)
    {
        c.delete(&name_key(name))?;
    }
    Ok(())
}

/// Tombstone the row at the version the caller judged it by (an attach
/// meanwhile fails this: "changed meanwhile"), then take its links out of
/// the subscriptions. No link can be added to a tombstone.
fn unlink(c: &Client, id: &str, seen: Option<u64>) -> Result<()> {
    let Some(current) = c.read::<RowDoc>(&row_key(id))? else {
        return Ok(());
    };
    if !current.data.deleting {
        if seen.is_some_and(|v| v != current.version) {
            return fail(changed_meanwhile(&current.data.details.name));
        }
        let doc = RowDoc {
            deleting: true,
            ..current.data.clone()
        };
        if c.write(&row_key(id), &doc, Some(current.version))? == Written::CasMismatch {
            return fail(changed_meanwhile(&current.data.details.name));
        }
    }
    for sub in &current.data.subscriptions {
        merge::<SubDoc>(c, &sub_key(sub), false, |d| remove(&mut d.integrations, id))?;
    }
    Ok(())
}

/// The name key first (so that the name is free only once the row is a
/// tombstone), the registry index, then the row.
fn delete(c: &Client, id: &str) -> Result<()> {
    let Some(current) = c.read::<RowDoc>(&row_key(id))? else {
        return Ok(());
    };
    if !current.data.deleting {
        unlink(c, id, Some(current.version))?;
    }
    drop_name_key(c, &current.data.details.name, id)?;
    merge::<RegistryDoc>(
        c,
        &registry_key(&current.data.details.registry),
        false,
        |d| {
            let gone = remove(&mut d.integrations, id);
            let was_default = d.default.as_deref() == Some(id);
            if was_default {
                d.default = None;
            }
            gone || was_default
        },
    )?;
    c.delete(&row_key(id))
}

/// The row first (a tombstone refuses it), then the subscription's
/// document (created if it was deleted meanwhile).
fn attach(c: &Client, sub: &str, id: &str) -> Result<()> {
    let stored = match c.read::<SubDoc>(&sub_key(sub))? {
        Some(doc) => match doc.data.renamed_to {
            Some(to) => return fail(renamed(&doc.data.name, &to)),
            None => doc.data.name,
        },
        None => sub.to_string(),
    };
    let (mut deleting, mut linked) = (false, false);
    let found = merge::<RowDoc>(c, &row_key(id), false, |d| {
        deleting = d.deleting;
        linked = !d.deleting && !d.linked(&stored);
        if linked {
            d.subscriptions.push(stored.clone());
        }
        linked
    })?;
    if !found || deleting {
        return fail(gone());
    }
    let mut moved = None;
    merge::<SubDoc>(c, &sub_key(sub), true, |d| {
        moved.clone_from(&d.renamed_to);
        if moved.is_some() {
            return false;
        }
        if d.name.is_empty() {
            d.name = stored.clone();
            d.created_at = crate::service::model::Timestamp::now().to_string();
        }
        add(&mut d.integrations, id)
    })?;
    match moved {
        // Renamed since it was read: take the row's new link back.
        Some(to) => {
            if linked {
                merge::<RowDoc>(c, &row_key(id), false, |d| unlink_name(d, &stored))?;
            }
            fail(renamed(&stored, &to))
        }
        None => Ok(()),
    }
}

/// A change of case rewrites the document at the version read; any other
/// rename moves it (`rename.rs`).
fn rename_sub(c: &Client, old: &str, new: &str) -> Result<()> {
    if !old.eq_ignore_ascii_case(new) {
        return super::rename::rename(c, old, new);
    }
    let Some(doc) = c.read::<SubDoc>(&sub_key(old))? else {
        return fail(not_found("subscription", old));
    };
    if let Some(to) = &doc.data.renamed_to {
        return fail(renamed(&doc.data.name, to));
    }
    let moved = SubDoc {
        name: new.to_string(),
        ..doc.data.clone()
    };
    if c.write(&sub_key(new), &moved, Some(doc.version))? == Written::CasMismatch {
        bail!(
            Failure::conflict(format!("subscription '{old}' was changed meanwhile"))
                .hint("run the command again")
        );
    }
    for id in &doc.data.integrations {
        merge::<RowDoc>(c, &row_key(id), false, |d| {
            let had = unlink_name(d, old);
            if had {
                d.subscriptions.push(new.to_string());
            }
            had
        })?;
    }
    Ok(())
}
