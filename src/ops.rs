//! The write operations on integrations, shared by every command that
//! creates, changes or removes one (the CLI verbs, the credential helper,
//! imports). Each keeps the row and its secret consistent: a failure at any
//! step leaves everything as it was.

use anyhow::Result;

use crate::context::Ctx;
use crate::db::{self, Db, integrations, integrations::Integration, subscriptions};
use crate::error::Failure;
use crate::failpoint;
use crate::secret::{self, Secret, StoreKind};

/// The label shown for a secret in keyring UIs (Seahorse, Keychain Access).
pub fn label(i: &Integration) -> String {
    format!("hubint: {} ({})", i.name, i.registry)
}

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

/// Insert the row and its links, write the secret, then commit; if the
/// commit fails the secret is removed again. Returns the saved integration.
pub fn create(ctx: &Ctx, db: &mut Db, new: &NewIntegration) -> Result<Integration> {
    let store = ctx.store(new.store)?;
    store.unlock()?;
    let now = db::now();
    let integration = Integration {
        id: uuid::Uuid::new_v4().to_string(),
        name: new.name.clone(),
        family: new.family.clone(),
        kind: new.kind.clone(),
        registry: new.registry.clone(),
        username: new.username.clone(),
        email: new.email.clone(),
        subscriptions: Vec::new(),
        secret_store: store.kind().to_string(),
        created_at: now.clone(),
        updated_at: now.clone(),
        last_verified_at: None,
        last_verification: None,
        default: false,
    };
    let tx = db.write()?;
    integrations::insert(&tx, &integration)?;
    let mut created_subs = Vec::new();
    for sub in &new.subscriptions {
        let (sub_id, stored, created) = subscriptions::get_or_create(&tx, sub, &now)?;
        subscriptions::attach(&tx, sub_id, &integration.id, &now)?;
        if created {
            created_subs.push(stored);
        }
    }
    store.set(&integration.id, &label(&integration), &new.password)?;
    if let Err(err) = tx.commit() {
        let _ = store.delete(&integration.id);
        return Err(err.into());
    }
    for sub in created_subs {
        ctx.ui.status(format!("Created subscription {sub}."));
    }
    integrations::by_id(&db.conn, &integration.id)
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
            let store = ctx.store_named(&current.secret_store)?;
            store.unlock()?;
            Some(store)
        }
        None => None,
    };
    let tx = db.write()?;
    if updated.default {
        // One default per registry: taking it unmarks the previous one.
        integrations::clear_default(&tx, &updated.registry, &updated.id)?;
    }
    integrations::update(&tx, &updated)?;
    match (password, store) {
        (Some(password), Some(store)) => {
            let previous = store.get(&current.id)?;
            store.set(&current.id, &label(&updated), password)?;
            if let Err(err) = tx.commit() {
                let _ = match &previous {
                    Some(old) => store.set(&current.id, &label(current), old),
                    None => store.delete(&current.id).map(drop),
                };
                return Err(err.into());
            }
        }
        _ => tx.commit()?,
    }
    integrations::by_id(&db.conn, &updated.id)
}

/// What [`delete`] did.
pub struct Deleted {
    /// How many subscription links were removed.
    pub detached: usize,
    /// Whether the secret was still in its store.
    pub had_secret: bool,
}

/// Remove the links (the caller has checked `--detach-all`), the row and the
/// secret. The secret is removed before the commit and restored if the
/// commit fails; if the store cannot be reached nothing changes.
pub fn delete(ctx: &Ctx, db: &mut Db, target: &Integration) -> Result<Deleted> {
    let store = ctx.store_named(&target.secret_store)?;
    store.unlock()?;
    let tx = db.write()?;
    let detached = subscriptions::detach_all(&tx, &target.id)?;
    integrations::delete(&tx, &target.id)?;
    let previous = store.get(&target.id)?;
    store.delete(&target.id)?;
    if let Err(err) = tx.commit() {
        if let Some(secret) = &previous {
            let _ = store.set(&target.id, &label(target), secret);
        }
        return Err(err.into());
    }
    Ok(Deleted {
        detached,
        had_secret: previous.is_some(),
    })
}

/// Move the secret of `target` to the store `to`. The order makes every crash
/// safe: the secret is written to the new store, then the row is switched
/// and committed, then the old copy is removed. A crash before the commit
/// leaves the row on the old store (which still has the secret); a crash
/// after it leaves the row on the new one. Either way at most a stray copy
/// remains in the other store. Returns the row as saved, or `None` if the
/// secret already was in `to`.
pub fn relocate(
    ctx: &Ctx,
    db: &mut Db,
    target: &Integration,
    to: StoreKind,
) -> Result<Option<Integration>> {
    let from = ctx.store_named(&target.secret_store)?;
    let dest = ctx.store(to)?;
    if from.kind() == to {
        return Ok(None);
    }
    from.unlock()?;
    dest.unlock()?;
    let tx = db.write()?;
    // Re-read under the write lock: another process may have changed it.
    let current = integrations::by_id(&tx, &target.id)?;
    if current.secret_store != target.secret_store {
        return Err(Failure::conflict(format!(
            "the integration '{}' was changed by another process meanwhile",
            target.name
        ))
        .hint("run the command again")
        .into());
    }
    let Some(secret) = from.get(&current.id)? else {
        return Err(Failure::store(format!(
            "the secret of '{}' is missing from the {}; nothing was moved",
            current.name,
            from.kind().describe()
        ))
        .hint(format!(
            "set it again with `hubint integration edit {} --password-stdin`",
            current.name
        ))
        .into());
    };
    dest.set(&current.id, &label(&current), &secret)?;
    failpoint::hit("move-before-commit");
    let moved = Integration {
        secret_store: to.to_string(),
        updated_at: db::now(),
        ..current.clone()
    };
    integrations::update(&tx, &moved)?;
    if let Err(err) = tx.commit() {
        let _ = dest.delete(&current.id);
        return Err(err.into());
    }
    failpoint::hit("move-before-old-delete");
    if let Err(err) = from.delete(&current.id) {
        ctx.ui.warn(format!(
            "the secret of {} is now in the {}, but the old copy could not be removed from              the {}: {err:#}",
            current.name,
            to.describe(),
            secret::describe(&current.secret_store)
        ));
    }
    integrations::by_id(&db.conn, &current.id).map(Some)
}
