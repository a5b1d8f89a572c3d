//! The write operations on integrations, shared by every command that
//! creates, changes or removes one (the CLI verbs, the credential helper,
//! imports). Each keeps the row and its secret consistent: a failure at any
//! step leaves everything as it was.
//!
//! A crash (`kill -9`, power loss) can strike between the secret store and
//! the database, which cannot share a transaction. The order of the steps
//! makes every such crash leave a row that can read its secret; what it can
//! leave behind is a secret that no row owns, and then a `pending_secrets`
//! entry, committed before the secret is touched, names it so that
//! `hubint doctor --fix` can remove it (even from the OS keyring, which
//! other databases share).

use std::rc::Rc;

use anyhow::Result;

use super::catalog::Catalog;
use super::in_use::in_use_error;
use super::model::{FamilyRef, Integration, IntegrationId, Revision, Timestamp, TypeRef};
use crate::failpoint;
use crate::secret::{Meta, NewSecret, Secret, SecretStore, StoreKind};
use crate::ui::Ui;

/// What a new integration is made of.
pub struct NewIntegration {
    pub name: String,
    pub family: FamilyRef,
    pub kind: TypeRef,
    pub registry: String,
    pub username: String,
    pub email: Option<String>,
    pub password: Secret,
    pub subscriptions: Vec<String>,
    pub store: StoreKind,
    /// A check of the credentials made before saving: when, and its result.
    pub verified: Option<(Timestamp, String)>,
}

/// What a write needs besides the catalog, handed down by the service
/// (`service::env`) so that this module only calls downwards, into the
/// catalog and the secret store: the store that holds (or will hold) the
/// rows' secrets, this database's data directory (recorded next to each
/// secret, for the recovery of lost rows) and where notices go.
pub(super) struct Env<'a> {
    pub store: Rc<dyn SecretStore>,
    pub home: String,
    pub ui: &'a Ui,
}

impl Env<'_> {
    /// The details kept next to the secret of `row`.
    fn meta(&self, row: &Integration) -> Meta {
        row.meta(&self.home)
    }
}

/// Who makes a new integration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Maker {
    /// A person (`hubint add`, an import).
    Hand,
    /// The credential helper, for a container tool's login: marked in
    /// `helper_logins` in the transaction that inserts the row, so that no
    /// crash can make it look hand-made.
    Helper,
}

/// Record the id as pending (committed), write the secret, then insert the
/// row and its links in a transaction that also clears the pending entry.
/// The secret store is slow (a scrypt round for the encrypted file, a D-Bus
/// round trip for the keyring), so it is written while no database lock is
/// held. If the row cannot be saved the secret is removed again; a crash in
/// between leaves the pending entry, and `hubint doctor --fix` removes the
/// secret. Returns the saved integration.
pub(super) fn create_by(
    env: &Env,
    db: &mut dyn Catalog,
    new: &NewIntegration,
    maker: Maker,
) -> Result<Integration> {
    let created = create_many_by(env, db, std::slice::from_ref(new), maker)?;
    Ok(created.into_iter().next().expect("one created"))
}

/// [`create_by`] for many integrations that share one store, in three steps
/// whatever their number: one transaction records every id as pending, one
/// batch write stores the secrets (one scrypt round and one atomic replace
/// for the file store, one D-Bus session for the keyring), one transaction
/// inserts the rows and clears their entries. A crash in between leaves
/// pending entries that `hubint doctor --fix` resolves, as for one. Returns
/// the saved integrations in order.
pub(super) fn create_many_by(
    env: &Env,
    db: &mut dyn Catalog,
    news: &[NewIntegration],
    maker: Maker,
) -> Result<Vec<Integration>> {
    if news.is_empty() {
        return Ok(Vec::new());
    }
    let store = &env.store;
    store.unlock()?;
    let now = Timestamp::now();
    let rows: Vec<Integration> = news
        .iter()
        .map(|n| new_row(n, store.kind(), &now))
        .collect();
    // Until the rows are committed, doctor must not take the secrets for orphans.
    let _adding = db.adding()?;
    {
        let tx = db.begin()?;
        for (row, new) in rows.iter().zip(news) {
            debug_assert_eq!(new.store, store.kind(), "one store per batch");
            // Fail before a secret is written when a name is already taken.
            tx.ensure_name_free(&row.name, None)?;
            tx.add_pending(&row.id, store.kind())?;
        }
        tx.commit()?;
    }
    let batch: Vec<NewSecret> = rows
        .iter()
        .zip(news)
        .map(|(row, new)| NewSecret {
            id: row.id.to_string(),
            meta: env.meta(row),
            secret: new.password.clone(),
        })
        .collect();
    let saved = store.set_many(&batch).and_then(|()| {
        failpoint::hit("create-after-secret");
        insert(db, &rows, news, maker, &now)
    });
    match saved {
        Ok(created_subs) => {
            for sub in created_subs {
                env.ui.status(format!("Created subscription {sub}."));
            }
            rows.iter()
                .map(|r| db.read().integration_by_id(&r.id))
                .collect()
        }
        Err(err) => {
            // Nothing was committed: take the secrets back, then their entries.
            let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
            if store.delete_many(&ids).is_ok() {
                let ids: Vec<IntegrationId> = rows.iter().map(|r| r.id.clone()).collect();
                forget_pending(db, &ids, &[store.kind()]);
            }
            Err(err)
        }
    }
}

/// The row of a new integration, with a fresh id.
fn new_row(new: &NewIntegration, store: StoreKind, now: &Timestamp) -> Integration {
    Integration {
        id: IntegrationId::fresh(),
        name: new.name.clone(),
        family: new.family,
        kind: new.kind,
        registry: new.registry.clone(),
        username: new.username.clone(),
        email: new.email.clone(),
        subscriptions: Vec::new(),
        secret_store: store,
        created_at: *now,
        updated_at: *now,
        revision: Revision::FIRST,
        last_verified_at: new.verified.as_ref().map(|(at, _)| *at),
        last_verification: new.verified.as_ref().map(|(_, result)| result.clone()),
        default: false,
        logged_out: false,
    }
}

/// Insert the rows and their links, clear their pending entries and mark
/// helper logins as such, in one transaction. A new integration made by
/// hand, or a login without a subscription, serves its registry to tools
/// without a scope again (see `service::helper`). Returns the subscriptions it
/// created.
fn insert(
    db: &mut dyn Catalog,
    rows: &[Integration],
    news: &[NewIntegration],
    maker: Maker,
    now: &Timestamp,
) -> Result<Vec<String>> {
    let tx = db.begin()?;
    let mut created_subs = Vec::new();
    for (i, new) in rows.iter().zip(news) {
        tx.insert_integration(i)?;
        tx.remove_pending(&i.id, i.secret_store)?;
        if maker == Maker::Helper {
            tx.mark_helper_login(&i.id)?;
        }
        if maker == Maker::Hand || new.subscriptions.is_empty() {
            tx.clear_logout(&i.registry)?;
        }
        for sub in &new.subscriptions {
            let (key, created) = tx.subscription_or_create(sub, *now)?;
            tx.attach(&key, &i.id, *now)?;
            if created {
                created_subs.push(key.name);
            }
        }
    }
    tx.commit()?;
    Ok(created_subs)
}

/// Write back `updated` (same id as `current`) and, if given, a new password,
/// in one transaction. If the commit fails, the old password is put back.
pub(super) fn update(
    env: &Env,
    db: &mut dyn Catalog,
    current: &Integration,
    updated: &Integration,
    password: Option<&Secret>,
) -> Result<Integration> {
    debug_assert_eq!(env.store.kind(), current.secret_store, "the row's store");
    let updated = Integration {
        updated_at: Timestamp::now(),
        ..updated.clone()
    };
    let store = match password {
        Some(_) => {
            env.store.unlock()?;
            Some(&env.store)
        }
        None => None,
    };
    // The details kept next to the password follow the row. Their store is
    // unlocked now, so that no passphrase prompt comes after the commit.
    let details =
        (password.is_none() && env.meta(&updated) != env.meta(current)).then(|| env.store.unlock());
    let tx = db.begin()?;
    if updated.name != current.name {
        // Fail before a secret is written when the new name is taken (the
        // team catalog finds out only at the commit).
        tx.ensure_name_free(&updated.name, Some(&updated.id))?;
    }
    if updated.default {
        // One default per registry: taking it unmarks the previous one.
        tx.clear_default(&updated.registry, &updated.id)?;
    }
    tx.update_integration(current, &updated)?;
    if current.logged_out && !updated.logged_out {
        // `edit --default`: tools without a scope are served again.
        tx.clear_logout(&updated.registry)?;
    }
    match (password, store) {
        (Some(password), Some(store)) => {
            let previous = store.get(&current.id)?;
            store.set(&current.id, &env.meta(&updated), password)?;
            failpoint::hit("update-after-secret");
            if let Err(err) = tx.commit() {
                let _ = match &previous {
                    Some(old) => store.set(&current.id, &env.meta(current), old),
                    None => store.delete(&current.id).map(drop),
                };
                return Err(err);
            }
        }
        _ => tx.commit()?,
    }
    if let Some(unlocked) = details {
        relabel(env, unlocked, &updated);
    }
    db.read().integration_by_id(&updated.id)
}

/// Keep the details next to the secret (and the label keyring UIs show) in
/// step with the row. Best effort: the edit stands whether or not the store
/// answers; `hubint doctor --fix` brings them up to date later.
fn relabel(env: &Env, unlocked: Result<()>, updated: &Integration) {
    let result = unlocked.and_then(|()| env.store.relabel(&updated.id, &env.meta(updated)));
    if let Err(err) = result {
        env.ui.warn(format!(
            "the details kept next to the password of {} were not updated ({}); \
             `hubint doctor --fix` updates them",
            updated.name,
            crate::error::one_line(&err)
        ));
    }
}

/// What [`delete`] did.
pub struct Deleted {
    /// How many subscription links were removed.
    pub detached: usize,
    /// Whether the secret was still in its store.
    pub had_secret: bool,
}

/// Remove the links (the caller has checked `--detach-all`) and the row,
/// recording the secret as pending in the same transaction; then remove the
/// secret and its pending entry. The store is checked first: if it cannot
/// be reached nothing changes. If it fails after the commit, the secret is
/// left for `hubint doctor --fix`, with a warning.
pub(super) fn delete(
    env: &Env,
    db: &mut dyn Catalog,
    target: &Integration,
    detach: bool,
) -> Result<Deleted> {
    let store = &env.store;
    store.unlock()?;
    let had_secret = store.get(&target.id)?.is_some();
    let tx = db.begin()?;
    // Decide on the links as they are under the write lock: a subscription
    // attached since the caller looked must not be detached silently.
    let current = tx.integration_by_id(&target.id)?;
    if !detach && !current.subscriptions.is_empty() {
        return Err(in_use_error(&current).into());
    }
    let detached = tx.detach_all(&target.id)?;
    tx.delete_integration(&target.id)?;
    tx.add_pending(&target.id, store.kind())?;
    tx.commit()?;
    failpoint::hit("delete-after-commit");
    match store.delete(&target.id) {
        Ok(_) => {
            failpoint::hit("delete-after-secret");
            // A leftover entry names a secret that is gone: harmless.
            forget_pending(db, std::slice::from_ref(&target.id), &[store.kind()]);
        }
        Err(err) => env.ui.warn(format!(
            "{} is deleted, but its secret could not be removed from the {}: {err:#}; \
             `hubint doctor --fix` removes it later",
            target.name,
            store.kind().describe()
        )),
    }
    Ok(Deleted {
        detached,
        had_secret,
    })
}

/// Clear the pending entries of `ids` in `kinds` once their secrets are
/// settled. Best effort: a leftover entry names a secret that is gone, and
/// is harmless.
pub(super) fn forget_pending(db: &mut dyn Catalog, ids: &[IntegrationId], kinds: &[StoreKind]) {
    let _ = db.begin().and_then(|tx| {
        for kind in kinds {
            for id in ids {
                tx.remove_pending(id, *kind)?;
            }
        }
        tx.commit()
    });
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
