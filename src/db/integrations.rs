//! Queries on the `integrations` table.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::{Failure, fail};
use crate::service::catalog::{changed_meanwhile, name_taken};

pub use crate::service::model::Integration;
use crate::service::model::{Timestamp, kind_of};

pub use crate::service::catalog::Filter;

const COLUMNS: &str = "i.id, i.name, i.family, i.type, i.registry, i.username, i.email, \
     i.secret_store, i.created_at, i.updated_at, i.last_verified_at, i.last_verification, i.is_default, \
     (SELECT group_concat(name, char(10)) FROM (SELECT s.name AS name FROM subscription_integrations si \
        JOIN subscriptions s ON s.id = si.subscription_id \
        WHERE si.integration_id = i.id ORDER BY s.name COLLATE NOCASE)), \
     EXISTS (SELECT 1 FROM registry_logouts l WHERE l.registry = i.registry), i.revision";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Integration> {
    let subs: Option<String> = row.get(13)?;
    // Looked up as borrowed text: no copy of either per row.
    let (family, kind) = (row.get_ref(2)?.as_str()?, row.get_ref(3)?.as_str()?);
    let (family, kind) = kind_of(family, kind).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
    })?;
    Ok(Integration {
        id: row.get(0)?,
        name: row.get(1)?,
        family,
        kind,
        registry: row.get(4)?,
        username: row.get(5)?,
        email: row.get(6)?,
        secret_store: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
        revision: row.get(15)?,
        last_verified_at: row.get(10)?,
        last_verification: row.get(11)?,
        default: row.get(12)?,
        logged_out: row.get(14)?,
        subscriptions: subs
            .map(|s| s.split('\n').map(str::to_string).collect())
            .unwrap_or_default(),
    })
}

/// The integration called `name` (case-insensitive), if any.
pub fn find(conn: &Connection, name: &str) -> Result<Option<Integration>> {
    let sql = format!("SELECT {COLUMNS} FROM integrations i WHERE i.name = ?1 COLLATE NOCASE");
    Ok(conn.query_row(&sql, [name], from_row).optional()?)
}

/// The integration with this id (after a write, to read it back).
pub fn by_id(conn: &Connection, id: &str) -> Result<Integration> {
    let sql = format!("SELECT {COLUMNS} FROM integrations i WHERE i.id = ?1");
    match conn.query_row(&sql, [id], from_row).optional()? {
        Some(i) => Ok(i),
        None => fail(Failure::not_found("the integration was deleted meanwhile")),
    }
}

pub fn list(conn: &Connection, filter: &Filter<'_>) -> Result<Vec<Integration>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM integrations i \
         WHERE (?1 IS NULL OR i.family = ?1 COLLATE NOCASE) \
           AND (?2 IS NULL OR i.type = ?2 COLLATE NOCASE) \
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM subscription_integrations si \
                JOIN subscriptions s ON s.id = si.subscription_id \
                WHERE si.integration_id = i.id AND s.name = ?3 COLLATE NOCASE)) \
           AND (?4 IS NULL OR i.registry = ?4) \
         ORDER BY i.name COLLATE NOCASE"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(
        params![
            filter.family,
            filter.kind,
            filter.subscription,
            filter.registry
        ],
        from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The integrations for one normalised registry key, sorted by name. Uses
/// the `(registry, username)` index: this runs on every `docker pull`.
pub fn by_registry(conn: &Connection, registry: &str) -> Result<Vec<Integration>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM integrations i WHERE i.registry = ?1 ORDER BY i.name COLLATE NOCASE"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([registry], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Unmark the default of `registry`, except on `except_id`.
pub fn clear_default(conn: &Connection, registry: &str, except_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE integrations SET is_default = 0 WHERE registry = ?1 AND is_default = 1 AND id <> ?2",
        params![registry, except_id],
    )?;
    Ok(())
}

/// The names of all integrations, sorted (for completion and prompts).
pub fn names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM integrations ORDER BY name COLLATE NOCASE")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Fail with a conflict (exit 4) if another integration already has `name`.
pub fn ensure_name_free(conn: &Connection, name: &str, except_id: Option<&str>) -> Result<()> {
    let taken: Option<String> = conn
        .query_row(
            "SELECT name FROM integrations WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
            params![name, except_id],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(existing) => fail(name_taken(&existing)),
        None => Ok(()),
    }
}

/// Insert a row. A taken name (the unique index) is a conflict (exit 4);
/// callers that must know earlier check [`ensure_name_free`] first.
pub fn insert(conn: &Connection, i: &Integration) -> Result<()> {
    let result = conn.execute(
        "INSERT INTO integrations (id, name, family, type, registry, username, email, \
         secret_store, created_at, updated_at, last_verified_at, last_verification) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            i.id,
            i.name,
            i.family.id,
            i.kind.id,
            i.registry,
            i.username,
            i.email,
            i.secret_store,
            i.created_at,
            i.updated_at,
            i.last_verified_at,
            i.last_verification
        ],
    );
    match result {
        Ok(_) => Ok(()),
        Err(e) if crate::db::is_unique_violation(&e) => fail(name_taken(&i.name)),
        Err(e) => Err(e.into()),
    }
}

/// Write back the editable fields of `i` (matched by id), with its last
/// verification (which an edit of the credentials clears or replaces), if
/// the stored row still has the revision of `seen` (the row as the caller
/// read it); the revision goes up by one. Otherwise a conflict (changed
/// meanwhile), or not found if it is gone.
pub fn update(conn: &Connection, seen: &Integration, i: &Integration) -> Result<()> {
    ensure_name_free(conn, &i.name, Some(&i.id))?;
    let result = conn.execute(
        "UPDATE integrations SET name = ?2, registry = ?3, username = ?4, email = ?5, \
         secret_store = ?6, updated_at = ?7, last_verified_at = ?8, last_verification = ?9, \
         is_default = ?10, type = ?12, revision = revision + 1 WHERE id = ?1 AND revision = ?11",
        params![
            i.id,
            i.name,
            i.registry,
            i.username,
            i.email,
            i.secret_store,
            i.updated_at,
            i.last_verified_at,
            i.last_verification,
            i.default,
            seen.revision,
            i.kind.id
        ],
    );
    match result {
        Ok(1) => Ok(()),
        Ok(_) if exists(conn, &i.id)? => fail(changed_meanwhile(&seen.name)),
        Ok(_) => fail(Failure::not_found("the integration was deleted meanwhile")),
        Err(e) if crate::db::is_unique_violation(&e) => fail(name_taken(&i.name)),
        Err(e) => Err(e.into()),
    }
}

/// Record the time and result of a check of the credentials. This is not an
/// edit: `updated_at` stays, but the revision goes up, so that an edit read
/// before cannot write back the old result. A row deleted meanwhile is
/// silently skipped.
pub fn record_verification(
    conn: &Connection,
    id: &str,
    at: &Timestamp,
    result: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE integrations SET last_verified_at = ?2, last_verification = ?3, \
         revision = revision + 1 WHERE id = ?1",
        params![id, at, result],
    )?;
    Ok(())
}

/// Whether a row with this id exists.
fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM integrations WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Delete the row. Links must be gone first: the schema refuses otherwise.
pub fn delete(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM integrations WHERE id = ?1", [id])? == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    fn insert_row(
        conn: &Connection,
        n: usize,
        registry: &str,
        default: bool,
    ) -> rusqlite::Result<usize> {
        conn.execute(
            "INSERT INTO integrations (id, name, family, type, registry, username, \
             secret_store, created_at, updated_at, is_default) \
             VALUES (?1, ?1, 'hub', 'docker', ?2, 'u', 'keyring', '2024-01-01T00:00:00Z', \
             '2024-01-01T00:00:00Z', ?3)",
            params![format!("i{n}"), registry, default],
        )
    }

    #[test]
    fn registry_lookups_use_an_index_at_scale() {
        let mut db = Db::open_in_memory().unwrap();
        let tx = db.write().unwrap();
        for n in 0..10_000 {
            insert_row(&tx, n, &format!("r{}.example.com", n % 100), false).unwrap();
        }
        tx.commit().unwrap();
        db.conn.execute_batch("ANALYZE").unwrap();
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT {COLUMNS} FROM integrations i WHERE i.registry = ?1 \
             ORDER BY i.name COLLATE NOCASE"
        );
        let mut stmt = db.conn.prepare(&sql).unwrap();
        let plan: Vec<String> = stmt
            .query_map(["r7.example.com"], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            plan.iter()
                .any(|step| step.contains("SEARCH i USING INDEX integrations_registry_username")),
            "{plan:?}"
        );
        assert_eq!(by_registry(&db.conn, "r7.example.com").unwrap().len(), 100);
    }

    #[test]
    fn one_default_per_registry() {
        let db = Db::open_in_memory().unwrap();
        insert_row(&db.conn, 1, "x.io", true).unwrap();
        insert_row(&db.conn, 2, "y.io", true).unwrap();
        let err = insert_row(&db.conn, 3, "x.io", true).unwrap_err();
        assert!(crate::db::is_unique_violation(&err), "{err}");
        clear_default(&db.conn, "x.io", "i3").unwrap();
        insert_row(&db.conn, 3, "x.io", true).unwrap();
        let defaults: Vec<String> = by_registry(&db.conn, "x.io")
            .unwrap()
            .into_iter()
            .filter(|i| i.default)
            .map(|i| i.name)
            .collect();
        assert_eq!(defaults, ["i3"]);
    }
}
