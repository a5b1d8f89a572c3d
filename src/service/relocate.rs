//! Moving secrets between stores (`hubint integration move`), one
//! integration or all of them in one batch per store.

use anyhow::Result;

use super::catalog::{Catalog, CatalogRead};
use super::model::{Integration, IntegrationId, Timestamp};
use super::write::forget_pending;
use super::{changed_meanwhile, missing_secret};
use crate::context::Ctx;
use crate::failpoint;
use crate::recovery::meta;
use crate::secret::{NewSecret, SecretStore, StoreKind};

/// Move the secrets of `targets` to the store `to`. The order makes every
/// crash safe: the secret is written to the new store, then the row is
/// switched and committed, then the old copy is removed. A crash before the
/// commit leaves the row on the old store (which still has the secret); a
/// crash after it leaves the row on the new one. Either way at most a stray
/// copy remains in the other store. Many integrations take one transaction, one batch write to `to` and one batch removal from each
/// old store (per old store). Integrations already in `to` are skipped.
/// Returns the moved rows as saved.
pub(super) fn relocate_many(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    targets: &[Integration],
    to: StoreKind,
) -> Result<Vec<Integration>> {
    let mut groups: Vec<(StoreKind, Vec<&Integration>)> = Vec::new();
    for target in targets {
        match groups.iter_mut().find(|(s, _)| *s == target.secret_store) {
            Some((_, group)) => group.push(target),
            None => groups.push((target.secret_store, vec![target])),
        }
    }
    let mut moved = Vec::new();
    for (from, group) in groups {
        let from = ctx.store(from)?;
        if from.kind() != to {
            moved.extend(relocate_group(ctx, db, &*from, &group, to)?);
        }
    }
    Ok(moved)
}

/// Move `group`, whose secrets are all in `from`, to `to`.
fn relocate_group(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    from: &dyn SecretStore,
    group: &[&Integration],
    to: StoreKind,
) -> Result<Vec<Integration>> {
    let dest = ctx.store(to)?;
    from.unlock()?;
    dest.unlock()?;
    let ids: Vec<IntegrationId> = group.iter().map(|i| i.id.clone()).collect();
    let keys: Vec<String> = ids.iter().map(ToString::to_string).collect();
    // Until the move completes, a crash can leave a copy in either store;
    // once its integration is deleted, these entries are what prove that
    // copy garbage to `doctor --fix`. They are cleared when the move ends.
    let both = [from.kind(), to];
    {
        let tx = db.begin()?;
        for id in &ids {
            for kind in both {
                tx.add_pending(id, kind)?;
            }
        }
        tx.commit()?;
    }
    let tx = db.begin()?;
    // Re-read under the write lock: another process may have changed them.
    let (rows, batch) = read_group(ctx, &*tx, from, group)?;
    let now = Timestamp::now();
    let committed = dest.set_many(&batch).and_then(|()| {
        failpoint::hit("move-before-commit");
        for current in &rows {
            let moved = Integration {
                secret_store: to,
                updated_at: now,
                ..current.clone()
            };
            tx.update_integration(current, &moved)?;
        }
        tx.commit()
    });
    if let Err(err) = committed {
        // The rows still name `from`, which has every secret: the copies
        // written to `to` are strays.
        if dest.delete_many(&keys).is_ok() {
            forget_pending(db, &ids, &both);
        }
        return Err(err);
    }
    failpoint::hit("move-before-old-delete");
    match from.delete_many(&keys) {
        Ok(_) => forget_pending(db, &ids, &both),
        Err(err) => warn_old_copy(ctx, &rows, from, to, &err),
    }
    ids.iter()
        .map(|id| db.read().integration_by_id(id))
        .collect()
}

/// The old copies stay: say so (`doctor --fix` removes them).
fn warn_old_copy(
    ctx: &Ctx,
    rows: &[Integration],
    from: &dyn SecretStore,
    to: StoreKind,
    err: &anyhow::Error,
) {
    let what = match rows {
        [one] => format!("the secret of {} is", one.name),
        many => format!("the secrets of {} integrations are", many.len()),
    };
    ctx.ui.warn(format!(
        "{what} now in the {}, but the old copy could not be removed from the {}: \
         {err:#}; `hubint doctor --fix` removes it",
        to.describe(),
        from.kind().describe()
    ));
}

/// The current rows of `group` (unchanged since the caller read them) and
/// their secrets, read from `from`.
fn read_group(
    ctx: &Ctx,
    tx: &dyn CatalogRead,
    from: &dyn SecretStore,
    group: &[&Integration],
) -> Result<(Vec<Integration>, Vec<NewSecret>)> {
    let mut rows = Vec::with_capacity(group.len());
    let mut batch = Vec::with_capacity(group.len());
    for target in group {
        let current = tx.integration_by_id(&target.id)?;
        if current.revision != target.revision {
            return Err(changed_meanwhile(&target.name).into());
        }
        let Some(secret) = from.get(&current.id)? else {
            return Err(missing_secret(&current, from.kind()).into());
        };
        batch.push(NewSecret {
            id: current.id.to_string(),
            meta: meta(ctx, &current),
            secret,
        });
        rows.push(current);
    }
    Ok((rows, batch))
}
