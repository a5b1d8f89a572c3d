//! Queries on subscriptions and their links to integrations.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{Failure, fail};
use crate::service::catalog::not_found;
use crate::service::model::Timestamp;

pub use crate::service::catalog::Subscription;

/// The id and stored spelling of the subscription called `name`, if any.
pub fn find(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, name FROM subscriptions WHERE name = ?1 COLLATE NOCASE",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The subscription called `name`, created if missing. Returns its id and
/// stored name, and whether it was created.
pub fn get_or_create(
    conn: &Connection,
    name: &str,
    now: &Timestamp,
) -> Result<(i64, String, bool)> {
    if let Some((id, stored)) = find(conn, name)? {
        return Ok((id, stored, false));
    }
    conn.execute(
        "INSERT INTO subscriptions (name, created_at) VALUES (?1, ?2)",
        params![name, now],
    )?;
    Ok((conn.last_insert_rowid(), name.to_string(), true))
}

/// Link an integration to a subscription; `false` if it already was.
pub fn attach(
    conn: &Connection,
    subscription_id: i64,
    integration_id: &str,
    now: &Timestamp,
) -> Result<bool> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO subscription_integrations (subscription_id, integration_id, attached_at) \
         VALUES (?1, ?2, ?3)",
        params![subscription_id, integration_id, now],
    )?;
    Ok(n == 1)
}

/// Unlink; `false` if there was no such link.
pub fn detach(conn: &Connection, subscription_id: i64, integration_id: &str) -> Result<bool> {
    let n = conn.execute(
        "DELETE FROM subscription_integrations WHERE subscription_id = ?1 AND integration_id = ?2",
        params![subscription_id, integration_id],
    )?;
    Ok(n == 1)
}

/// Remove every link of an integration; returns how many there were.
pub fn detach_all(conn: &Connection, integration_id: &str) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM subscription_integrations WHERE integration_id = ?1",
        [integration_id],
    )?)
}

/// Create the subscription `name`; a conflict (exit 4) if a subscription of
/// that name (ignoring case) exists.
pub fn create(conn: &Connection, name: &str, now: &Timestamp) -> Result<String> {
    if let Some((_, stored)) = find(conn, name)? {
        return fail(
            Failure::conflict(format!("subscription '{stored}' already exists"))
                .hint("`hubint subscription list` shows the subscriptions"),
        );
    }
    get_or_create(conn, name, now).map(|(_, stored, _)| stored)
}

/// Rename the subscription `old` to `new` (a change of case alone is
/// fine); not found (exit 3) or a conflict (exit 4) if `new` is taken.
/// Returns the old stored name.
pub fn rename(conn: &Connection, old: &str, new: &str) -> Result<String> {
    let (id, stored) = get(conn, old)?;
    if let Some((other, taken)) = find(conn, new)?
        && other != id
    {
        return fail(
            Failure::conflict(format!("subscription '{taken}' already exists"))
                .hint("pick another name, or delete that one first"),
        );
    }
    conn.execute(
        "UPDATE subscriptions SET name = ?1 WHERE id = ?2",
        params![new, id],
    )?;
    Ok(stored)
}

/// Delete the subscription (and its links, by cascade).
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM subscription_integrations WHERE subscription_id = ?1",
        [id],
    )?;
    conn.execute("DELETE FROM subscriptions WHERE id = ?1", [id])?;
    Ok(())
}

pub fn list(conn: &Connection) -> Result<Vec<Subscription>> {
    query(conn, None)
}

/// One subscription with its integrations, or not found (exit 3).
pub fn summary(conn: &Connection, name: &str) -> Result<Option<Subscription>> {
    Ok(query(conn, Some(name))?.pop())
}

fn query(conn: &Connection, name: Option<&str>) -> Result<Vec<Subscription>> {
    let mut stmt = conn.prepare(
        "SELECT s.name, s.created_at, \
           (SELECT group_concat(name, char(10)) FROM (SELECT i.name AS name \
              FROM subscription_integrations si JOIN integrations i ON i.id = si.integration_id \
              WHERE si.subscription_id = s.id ORDER BY i.name COLLATE NOCASE)) \
         FROM subscriptions s WHERE (?1 IS NULL OR s.name = ?1 COLLATE NOCASE) \
         ORDER BY s.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([name], |r| {
        let names: Option<String> = r.get(2)?;
        Ok(Subscription {
            name: r.get(0)?,
            created_at: r.get(1)?,
            integrations: names
                .map(|s| s.split('\n').map(str::to_string).collect())
                .unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM subscriptions ORDER BY name COLLATE NOCASE")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The subscription called `name`, or a not-found error (exit 3).
pub fn get(conn: &Connection, name: &str) -> Result<(i64, String)> {
    match find(conn, name)? {
        Some(found) => Ok(found),
        None => fail(not_found("subscription", name)),
    }
}
