//! The `pending_secrets` table: secrets that may sit in a store without a
//! committed row (see `migrations/0004_pending_secrets.sql` and `ops`).

use anyhow::Result;
use rusqlite::{Connection, params};

use super::Db;
use crate::secret::StoreKind;

/// A secret that may be in `store` under `id` while no row owns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub id: String,
    pub store: String,
}

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
pub fn remove(conn: &Connection, id: &str, store: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM pending_secrets WHERE integration_id = ?1 AND secret_store = ?2",
        params![id, store],
    )?;
    Ok(())
}

/// Record `id` and commit at once, before its secret is written.
pub fn record(db: &mut Db, id: &str, store: StoreKind) -> Result<()> {
    let tx = db.write()?;
    add(&tx, id, store)?;
    tx.commit()?;
    Ok(())
}

/// Forget `id` in a transaction of its own (after its secret was removed,
/// or when it was never written).
pub fn forget(db: &mut Db, id: &str, store: StoreKind) -> Result<()> {
    let tx = db.write()?;
    remove(&tx, id, store.as_str())?;
    tx.commit()?;
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
