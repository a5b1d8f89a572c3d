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

mod relocate;

use std::rc::Rc;

use anyhow::Result;

use crate::context::Ctx;
use crate::db::{
    self, Db, helper_logins, integrations, integrations::Integration, logouts, pending,
    subscriptions,
};
use crate::error::Failure;
use crate::failpoint;
use crate::recovery::meta;
use crate::secret::{NewSecret, Secret, SecretStore, StoreKind};
use crate::service::model::{IntegrationId, Timestamp};

pub use self::relocate::{relocate, relocate_many};

/// What a new integration is made of.
pub struct NewIntegration {
    pub name: String,
    pub family: String,
    pub kind: String,
    pub registry: String,
    pub username: String,
    pub email: Option<String>,
    pub password: Secret,
    pub subscriptions: Vec<String>,
    pub store: StoreKind,
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

/// [`create_by`] a person.
pub fn create(ctx: &Ctx, db: &mut Db, new: &NewIntegration) -> Result<Integration> {
    create_by(ctx, db, new, Maker::Hand)
}

/// Record the id as pending (committed), write the secret, then insert the
/// row and its links in a transaction that also clears the pending entry.
/// The secret store is slow (a scrypt round for the encrypted file, a D-Bus
/// round trip for the keyring), so it is written while no database lock is
/// held. If the row cannot be saved the secret is removed again; a crash in
/// between leaves the pending entry, and `hubint doctor --fix` removes the
/// secret. Returns the saved integration.
pub fn create_by(
    ctx: &Ctx,
    db: &mut Db,
    new: &NewIntegration,
    maker: Maker,
) -> Result<Integration> {
    let created = create_many_by(ctx, db, std::slice::from_ref(new), maker)?;
    Ok(created.into_iter().next().expect("one created"))
}

/// [`create`] for many integrations that share one store, in three steps
/// whatever their number: one transaction records every id as pending, one
/// batch write stores the secrets (one scrypt round and one atomic replace
/// for the file store, one D-Bus session for the keyring), one transaction
/// inserts the rows and clears their entries. A crash in between leaves
/// pending entries that `hubint doctor --fix` resolves, as for one. Returns
/// the saved integrations in order.
pub fn create_many(ctx: &Ctx, db: &mut Db, news: &[NewIntegration]) -> Result<Vec<Integration>> {
    create_many_by(ctx, db, news, Maker::Hand)
}

/// [`create_many`], made by `maker`.
fn create_many_by(
    ctx: &Ctx,
    db: &mut Db,
    news: &[NewIntegration],
    maker: Maker,
) -> Result<Vec<Integration>> {
    let Some(first) = news.first() else {
        return Ok(Vec::new());
    };
    let store = ctx.store(first.store)?;
    store.unlock()?;
    let now = db::now();
    let rows: Vec<Integration> = news
        .iter()
        .map(|n| new_row(n, store.kind(), &now))
        .collect();
    // Until the rows are committed, doctor must not take the secrets for orphans.
    let _adding = pending::adding(db)?;
    {
        let tx = db.write()?;
        for (row, new) in rows.iter().zip(news) {
            debug_assert_eq!(new.store, store.kind(), "one store per batch");
            // Fail before a secret is written when a name is already taken.
            integrations::ensure_name_free(&tx, &row.name, None)?;
            pending::add(&tx, &row.id, store.kind())?;
        }
        tx.commit()?;
    }
    let batch: Vec<NewSecret> = rows
        .iter()
        .zip(news)
        .map(|(row, new)| NewSecret {
            id: row.id.to_string(),
            meta: meta(ctx, row),
            secret: new.password.clone(),
        })
        .collect();
    let saved = store.set_many(&batch).and_then(|()| {
        failpoint::hit("create-after-secret");
        insert(db, &rows, news, maker, &now)
    });
    let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
    match saved {
        Ok(created_subs) => {
            for sub in created_subs {
                ctx.ui.status(format!("Created subscription {sub}."));
            }
            ids.iter()
                .map(|id| integrations::by_id(&db.conn, id))
                .collect()
        }
        Err(err) => {
            // Nothing was committed: take the secrets back, then their entries.
            if store.delete_many(&ids).is_ok() {
                let _ = pending::forget_all(db, &ids, store.kind());
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
        family: new.family.clone(),
        kind: new.kind.clone(),
        registry: new.registry.clone(),
        username: new.username.clone(),
        email: new.email.clone(),
        subscriptions: Vec::new(),
        secret_store: store,
        created_at: *now,
        updated_at: *now,
        last_verified_at: None,
        last_verification: None,
        default: false,
        logged_out: false,
    }
}

/// Insert the rows and their links, clear their pending entries and mark
/// helper logins as such, in one transaction. A new integration made by
/// hand, or a login without a subscription, serves its registry to tools
/// without a scope again (see `db::logouts`). Returns the subscriptions it
/// created.
fn insert(
    db: &mut Db,
    rows: &[Integration],
    news: &[NewIntegration],
    maker: Maker,
    now: &Timestamp,
) -> Result<Vec<String>> {
    let tx = db.write()?;
    let mut created_subs = Vec::new();
    for (i, new) in rows.iter().zip(news) {
        integrations::insert(&tx, i)?;
        pending::remove(&tx, &i.id, i.secret_store)?;
        if maker == Maker::Helper {
            helper_logins::mark(&tx, &i.id)?;
        }
        if maker == Maker::Hand || new.subscriptions.is_empty() {
            logouts::clear(&tx, &i.registry)?;
        }
        for sub in &new.subscriptions {
            let (sub_id, stored, created) = subscriptions::get_or_create(&tx, sub, now)?;
            subscriptions::attach(&tx, sub_id, &i.id, now)?;
            if created {
                created_subs.push(stored);
            }
        }
    }
    tx.commit()?;
    Ok(created_subs)
}

/// Write back `updated` (same id as `current`) and, if given, a new password,
/// in one transaction. If the commit fails, the old password is put back.
pub fn update(
    ctx: &Ctx,
    db: &mut Db,
    current: &Integration,
    updated: &Integration,
    password: Option<&Secret>,
) -> Result<Integration> {
    let updated = Integration {
        updated_at: db::now(),
        ..updated.clone()
    };
    let store = match password {
        Some(_) => {
            let store = ctx.store(current.secret_store)?;
            store.unlock()?;
            Some(store)
        }
        None => None,
    };
    // The details kept next to the password follow the row. Their store is
    // unlocked now, so that no passphrase prompt comes after the commit.
    let details = (password.is_none() && meta(ctx, &updated) != meta(ctx, current)).then(|| {
        ctx.store(current.secret_store)
            .and_then(|store| store.unlock().map(|()| store))
    });
    let tx = db.write()?;
    unchanged_since(&tx, current)?;
    if updated.default {
        // One default per registry: taking it unmarks the previous one.
        integrations::clear_default(&tx, &updated.registry, &updated.id)?;
    }
    integrations::update(&tx, &updated)?;
    if current.logged_out && !updated.logged_out {
        // `edit --default`: tools without a scope are served again.
        logouts::clear(&tx, &updated.registry)?;
    }
    match (password, store) {
        (Some(password), Some(store)) => {
            let previous = store.get(&current.id)?;
            store.set(&current.id, &meta(ctx, &updated), password)?;
            failpoint::hit("update-after-secret");
            if let Err(err) = tx.commit() {
                let _ = match &previous {
                    Some(old) => store.set(&current.id, &meta(ctx, current), old),
                    None => store.delete(&current.id).map(drop),
                };
                return Err(err.into());
            }
        }
        _ => tx.commit()?,
    }
    if let Some(store) = details {
        relabel(ctx, store, &updated);
    }
    integrations::by_id(&db.conn, &updated.id)
}

/// Keep the details next to the secret (and the label keyring UIs show) in
/// step with the row. Best effort: the edit stands whether or not the store
/// answers; `hubint doctor --fix` brings them up to date later.
fn relabel(ctx: &Ctx, store: Result<Rc<dyn SecretStore>>, updated: &Integration) {
    let result = store.and_then(|store| store.relabel(&updated.id, &meta(ctx, updated)));
    if let Err(err) = result {
        ctx.ui.warn(format!(
            "the details kept next to the password of {} were not updated ({}); \
             `hubint doctor --fix` updates them",
            updated.name,
            crate::context::one_line(&err)
        ));
    }
}

/// Fail with a conflict (exit 4) if `seen` was changed by another process
/// since it was read. Called under the write lock, before writing it back.
fn unchanged_since(tx: &rusqlite::Connection, seen: &Integration) -> Result<()> {
    let now = integrations::by_id(tx, &seen.id)?;
    if now.updated_at != seen.updated_at {
        return Err(Failure::conflict(format!(
            "integration '{}' was changed by another hubint process meanwhile",
            seen.name
        ))
        .hint("run the command again")
        .into());
    }
    Ok(())
}

/// The refusal when subscriptions still use the integration (exit 4): it
/// names each one and the command that detaches it.
pub fn in_use_error(target: &Integration) -> Failure {
    let commands: Vec<String> = target
        .subscriptions
        .iter()
        // Names hold only shell-safe characters: no quoting needed.
        .map(|sub| format!("  hubint subscription detach {sub} {}", target.name))
        .collect();
    let used_by = match target.subscriptions.len() {
        1 => "1 subscription".to_string(),
        n => format!("{n} subscriptions"),
    };
    Failure::conflict(format!(
        "integration '{}' is still used by {used_by}: {}",
        target.name,
        target.subscriptions.join(", ")
    ))
    .hint(format!(
        "detach it first:\n{}\nor delete it and detach it from all of them with \
         `hubint integration delete {} --detach-all`",
        commands.join("\n"),
        target.name
    ))
}

/// The password of an integration, from the store its row names. A missing
/// one is an error (exit 5), never a prompt.
pub fn secret_of(ctx: &Ctx, i: &Integration) -> Result<Secret> {
    let store = ctx.store(i.secret_store)?;
    match store.get(&i.id)? {
        Some(secret) => Ok(secret),
        None => Err(Failure::store(format!(
            "the password of integration '{}' is missing from the {}",
            i.name,
            store.kind().describe()
        ))
        .hint(format!(
            "set it again with `hubint integration edit {} --password-stdin`",
            i.name
        ))
        .into()),
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
pub fn delete(ctx: &Ctx, db: &mut Db, target: &Integration, detach: bool) -> Result<Deleted> {
    let store = ctx.store(target.secret_store)?;
    store.unlock()?;
    let had_secret = store.get(&target.id)?.is_some();
    let tx = db.write()?;
    // Decide on the links as they are under the write lock: a subscription
    // attached since the caller looked must not be detached silently.
    let current = integrations::by_id(&tx, &target.id)?;
    if !detach && !current.subscriptions.is_empty() {
        return Err(in_use_error(&current).into());
    }
    let detached = subscriptions::detach_all(&tx, &target.id)?;
    integrations::delete(&tx, &target.id)?;
    pending::add(&tx, &target.id, store.kind())?;
    tx.commit()?;
    failpoint::hit("delete-after-commit");
    match store.delete(&target.id) {
        Ok(_) => {
            failpoint::hit("delete-after-secret");
            // A leftover entry names a secret that is gone: harmless.
            let _ = pending::forget(db, &target.id, store.kind());
        }
        Err(err) => ctx.ui.warn(format!(
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

#[cfg(test)]
#[path = "ops_tests.rs"]
mod tests;
