//! The `registry_logouts` table: registries that tools without a scope are
//! logged out of (see `migrations/0006_registry_logouts.sql`). Whether a
//! registry is in it is read with each integration (`Integration::logged_out`).

use anyhow::Result;
use rusqlite::Connection;

/// Record that tools without a scope are logged out of `registry`.
pub fn mark(conn: &Connection, registry: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO registry_logouts (registry) VALUES (?1)",
        [registry],
    )?;
    Ok(())
}

/// Serve `registry` to tools without a scope again.
pub fn clear(conn: &Connection, registry: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM registry_logouts WHERE registry = ?1",
        [registry],
    )?;
    Ok(())
}
