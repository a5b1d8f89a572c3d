//! The `helper_logins` table: which integrations the credential helper
//! created for a container tool's login (see
//! `migrations/0005_helper_logins.sql`).

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension};

/// Record that the helper created integration `id`.
pub fn mark(conn: &Connection, id: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO helper_logins (integration_id) VALUES (?1)",
        [id],
    )?;
    Ok(())
}

/// Whether the helper created integration `id`.
pub fn is_marked(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM helper_logins WHERE integration_id = ?1",
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}
