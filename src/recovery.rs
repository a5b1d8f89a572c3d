//! Secrets that no row owns, and what may be done about each.
//!
//! hubint deletes a secret only when it can prove it is garbage: a pending
//! entry of this database names it (an add or delete of this database was
//! interrupted), or it is a second copy of a row's secret whose own store
//! still has it (an interrupted move). Any other secret without a row is a
//! **recovery case**: the database is new, empty or was replaced, and the
//! details kept next to the secret ([`Meta`]) rebuild its row
//! (`hubint doctor --recover`). Secrets written before hubint kept those
//! details are kept and reported, never deleted.

use std::collections::BTreeMap;

use anyhow::Result;

use crate::context::Ctx;
use crate::secret::{Meta, SecretStore, StoreKind, passphrase};
use crate::service::catalog::{CatalogRead, CatalogWrite, Pending};
use crate::service::model::{Integration, IntegrationId, Timestamp};

/// The details kept next to the secret of `i`, to rebuild its row from the
/// store if the database is lost (see the module documentation).
pub fn meta(ctx: &Ctx, i: &Integration) -> Meta {
    i.meta(&home(ctx))
}

/// This database's data directory, as recorded next to its secrets.
pub fn home(ctx: &Ctx) -> String {
    let dir = &ctx.paths.data_dir;
    std::fs::canonicalize(dir)
        .unwrap_or_else(|_| dir.clone())
        .display()
        .to_string()
}

/// Why a secret sits in a store without a row that keeps it there.
#[derive(Debug, Clone)]
pub enum Why {
    /// A pending entry of this database names it: garbage.
    Pending,
    /// A copy of the secret of `owner`, which keeps it in the other store.
    /// Garbage only if that store has it (`only_copy` false).
    Stray { owner: String, only_copy: bool },
    /// No row, no pending entry: to be recovered, with its details if the
    /// secret was written with them.
    Unowned(Option<Meta>),
}

/// A secret without a row that keeps it in its store.
#[derive(Debug, Clone)]
pub struct Leftover {
    pub kind: StoreKind,
    pub id: String,
    pub why: Why,
}

impl Leftover {
    /// Whether hubint can prove it is garbage, so `doctor --fix` removes it.
    pub fn garbage(&self) -> bool {
        matches!(
            self.why,
            Why::Pending
                | Why::Stray {
                    only_copy: false,
                    ..
                }
        )
    }
}

/// The leftovers in one store. The encrypted file belongs to this data
/// directory: everything in it counts. The OS keyring is shared with every
/// other hubint database of the user: only what this database can vouch
/// for counts (its pending secrets, copies of its rows' secrets, and
/// secrets recorded with this data directory).
pub fn leftovers(
    ctx: &Ctx,
    store: &dyn SecretStore,
    rows: &[Integration],
    pending: &[Pending],
) -> Result<Vec<Leftover>> {
    let kind = store.kind();
    let home = home(ctx);
    let mut candidates: BTreeMap<String, Option<Meta>> = BTreeMap::new();
    for stored in store.entries()? {
        let ours = kind == StoreKind::File || stored.meta.as_ref().is_some_and(|m| m.home == home);
        if ours {
            candidates.insert(stored.id, stored.meta);
        }
    }
    if kind == StoreKind::Keyring {
        let vouched = (pending.iter())
            .filter(|p| p.store == kind)
            .map(|p| p.id.to_string())
            .chain(rows.iter().map(|r| r.id.to_string()));
        for id in vouched {
            if !candidates.contains_key(&id) && store.get(&id)?.is_some() {
                candidates.insert(id, None);
            }
        }
    }
    let mut found = Vec::new();
    for (id, meta) in candidates {
        let owner = rows.iter().find(|r| *r.id == *id);
        let why = match owner {
            Some(row) if row.secret_store == kind => continue,
            Some(row) => Why::Stray {
                owner: row.name.clone(),
                only_copy: !has_secret(ctx, row),
            },
            None if pending.iter().any(|p| *p.id == *id && p.store == kind) => Why::Pending,
            None => Why::Unowned(meta),
        };
        found.push(Leftover { kind, id, why });
    }
    // By integration name where known, for a stable report.
    found.sort_by_cached_key(|l| match &l.why {
        Why::Unowned(Some(meta)) => (0, meta.details.name.clone()),
        Why::Stray { owner, .. } => (0, owner.clone()),
        _ => (1, l.id.clone()),
    });
    Ok(found)
}

/// Whether the store a row names holds its secret (`false` when it cannot
/// be asked: then nothing is proven).
fn has_secret(ctx: &Ctx, row: &Integration) -> bool {
    ctx.store(row.secret_store)
        .and_then(|store| store.get(&row.id))
        .is_ok_and(|s| s.is_some())
}

/// Rebuild the row of an unowned secret from its details, in `tx`. Fails
/// (and changes nothing) if the name is taken.
pub fn rebuild(
    tx: &dyn CatalogWrite,
    kind: StoreKind,
    id: &str,
    meta: &Meta,
) -> Result<Integration> {
    tx.ensure_name_free(&meta.details.name, None)?;
    let row = meta.details.row(IntegrationId::recorded(id), kind)?;
    tx.insert_integration(&row)?;
    Ok(row)
}

/// Put a row whose secret is only in the other store on that store.
pub fn rehome(tx: &dyn CatalogWrite, row: &Integration, kind: StoreKind) -> Result<()> {
    let moved = Integration {
        secret_store: kind,
        updated_at: Timestamp::now(),
        ..row.clone()
    };
    tx.update_integration(row, &moved)
}

/// For `list` on a database without integrations, and any command that
/// finds a 0-byte database: if the stores hold passwords it does not know
/// (a new, empty or replaced database), say so once on stderr. The file store is looked at only when its passphrase
/// comes from the environment (never a prompt for a listing); a store that
/// does not answer is skipped silently.
pub fn warn_if_empty(ctx: &Ctx, db: &dyn CatalogRead) {
    if ctx.warned_empty.replace(true) {
        return;
    }
    let rows = db.integrations(&Default::default());
    let (Ok(rows), Ok(pending)) = (rows, db.pending()) else {
        return;
    };
    if !rows.is_empty() {
        return;
    }
    let mut count = 0;
    for kind in [StoreKind::Keyring, StoreKind::File] {
        if kind == StoreKind::File && (!ctx.file_store().exists() || !passphrase::in_environment())
        {
            continue;
        }
        let found = ctx
            .store(kind)
            .and_then(|store| leftovers(ctx, &*store, &[], &pending));
        count += found
            .map(|list| {
                let unowned = |l: &&Leftover| matches!(l.why, Why::Unowned(_));
                list.iter().filter(unowned).count()
            })
            .unwrap_or(0);
    }
    if count > 0 {
        ctx.ui.warn(format!(
            "{}; `hubint doctor --recover` rebuilds them",
            empty_database(count)
        ));
    }
}

/// The message for a database without integrations while the stores hold
/// `count` passwords it does not know.
pub fn empty_database(count: usize) -> String {
    format!(
        "the database has no integrations, but the secret stores hold {count} password{} \
         of integrations it does not know (a new, emptied or replaced database)",
        if count == 1 { "" } else { "s" }
    )
}
