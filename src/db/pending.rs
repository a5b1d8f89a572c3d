//! The `pending_secrets` table: secrets that may sit in a store without a
//! committed row (see `migrations/0004_pending_secrets.sql` and `crate::service`).

use std::fs::File;

use anyhow::{Context, Result};
use rusqlite::{Connection, params};

use super::Db;
use crate::paths;
use crate::secret::StoreKind;

pub use crate::service::catalog::Pending;

/// Record `id` in `conn`'s open transaction.
pub fn add(conn: &Connection, id: &str, store: StoreKind) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO pending_secrets (integration_id, secret_store, created_at) \
         VALUES (?1, ?2, ?3)",
        params![id, store.as_str(), super::now()],
    )?;
    Ok(())
}

/// Forget `id` in `conn`'s open transaction.
pub fn remove(conn: &Connection, id: &str, store: StoreKind) -> Result<()> {
    conn.execute(
        "DELETE FROM pending_secrets WHERE integration_id = ?1 AND secret_store = ?2",
        params![id, store],
    )?;
    Ok(())
}

/// Every pending secret.
pub fn list(conn: &Connection) -> Result<Vec<Pending>> {
    let mut stmt = conn.prepare(
        "SELECT integration_id, secret_store FROM pending_secrets \
         ORDER BY created_at, integration_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Pending {
            id: r.get(0)?,
            store: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A lock beside the database that tells a secret being added from an
/// orphan: every add holds it shared from its pending entry until its row
/// is committed; `hubint doctor` holds it exclusively while it looks for
/// orphans. A crashed process holds nothing, so its leftovers are fair game.
/// Released when dropped.
pub struct Guard(#[allow(dead_code)] File);

fn lock_file(db: &Db) -> Result<(File, std::path::PathBuf)> {
    let path = paths::sibling(&db.path, ".pending-lock");
    paths::ensure_private_file(&path)?;
    let file = File::options()
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    Ok((file, path))
}

/// Held by an add while its secret may exist without its row.
pub fn adding(db: &Db) -> Result<Guard> {
    let (file, path) = lock_file(db)?;
    file.lock_shared()
        .with_context(|| format!("cannot lock {}", path.display()))?;
    Ok(Guard(file))
}

/// Held by doctor: no add is between its pending entry and its row.
pub fn settled(db: &Db) -> Result<Guard> {
    let (file, path) = lock_file(db)?;
    file.lock()
        .with_context(|| format!("cannot lock {}", path.display()))?;
    Ok(Guard(file))
}
