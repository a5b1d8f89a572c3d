//! Reading the database where nothing can be written: a full disk, a
//! read-only mount or a directory without write permission. Only for
//! commands that never write.
//!
//! In WAL mode even a reader needs the `-shm` file (the WAL index), which
//! cannot be created or grown there ("disk I/O error ... xShmMap"). So:
//! first a plain read-only connection (enough when the `-wal` and `-shm`
//! files already exist), then, when the WAL holds nothing (so the database
//! file alone is the whole truth), SQLite's `immutable` mode, which reads
//! the file without any lock or WAL index. See SQLite's "WAL mode with
//! read-only databases".

use std::path::Path;

use anyhow::{Result, bail};
use rusqlite::{Connection, OpenFlags};

use super::{Db, READ_ONLY_BUSY_TIMEOUT, SCHEMA_VERSION};
use crate::paths;

/// Open `path` for reading only; a missing file reads as an empty database.
pub fn open(path: &Path) -> Result<Db> {
    if std::fs::symlink_metadata(path).is_err() {
        return Db::open_in_memory();
    }
    attempt(path, "mode=ro").or_else(|err| {
        let wal = std::fs::metadata(paths::sibling(path, "-wal"));
        if wal.is_ok_and(|m| m.len() > 0) {
            return Err(err);
        }
        attempt(path, "immutable=1")
    })
}

fn attempt(path: &Path, query: &str) -> Result<Db> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(format!("{}?{query}", uri(path)), flags)?;
    conn.busy_timeout(READ_ONLY_BUSY_TIMEOUT)?;
    let version: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version != SCHEMA_VERSION {
        bail!("schema version {version}, not {SCHEMA_VERSION}: it needs an upgrade first");
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(Db {
        conn,
        path: path.to_path_buf(),
    })
}

/// `path` as an SQLite `file:` URI (every byte but the plain ones escaped).
fn uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_escapes_what_sqlite_would_parse() {
        assert_eq!(
            uri(Path::new("/a b/x?y#z%.db")),
            "file:/a%20b/x%3Fy%23z%25.db"
        );
    }

    #[test]
    fn reads_a_database_without_its_wal_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hubint.db");
        drop(Db::open(&path).unwrap());
        assert!(!paths::sibling(&path, "-shm").exists());
        let db = open(&path).unwrap();
        let n: i64 = db
            .conn
            .query_row("SELECT count(*) FROM integrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        assert!(db.conn.execute_batch("CREATE TABLE t (x)").is_err());
    }
}
