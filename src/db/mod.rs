//! The SQLite metadata database: opening, pragmas and migrations.
//!
//! The schema changes only through the numbered SQL files in `migrations/`,
//! embedded at build time and tracked with `PRAGMA user_version`.

mod busy;
mod catalog;
mod helper_logins;
mod integrations;
mod logouts;
mod pending;
mod read_only;
mod subscriptions;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::Failure;
use crate::service::model::Timestamp;
use crate::{files, paths};

/// Migrations in order; migration N (1-based) brings `user_version` to N.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_registry_default.sql"),
    include_str!("migrations/0003_verification.sql"),
    include_str!("migrations/0004_pending_secrets.sql"),
    include_str!("migrations/0005_helper_logins.sql"),
    include_str!("migrations/0006_registry_logouts.sql"),
    include_str!("migrations/0007_revision.sql"),
];

/// The schema version this hubint writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// Completion waits at most this long for a writer, then offers nothing.
const READ_ONLY_BUSY_TIMEOUT: Duration = Duration::from_millis(300);

pub struct Db {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
}

impl Db {
    /// Open (creating if needed) the database at `path`, with its directory
    /// 0700 and the file 0600, and bring the schema up to date. For commands
    /// that write; a read-only or full disk is an error that says so.
    pub fn open(path: &Path) -> Result<Db> {
        let dir = files::dir_of(path);
        files::check_data_dir(dir)?;
        files::ensure_writable(dir, path)?;
        Db::open_unchecked(path).map_err(|e| files::explain(dir, path, e))
    }

    fn open_unchecked(path: &Path) -> Result<Db> {
        paths::ensure_private_dir(files::dir_of(path))?;
        // Create the file ourselves so that it is 0600 from the start; SQLite
        // gives the -wal and -shm files the same mode.
        paths::ensure_private_file(path)?;
        busy::retry(|| {
            // Not SQLITE_OPEN_NOFOLLOW: it refuses a linked HUBINT_HOME too.
            // Links for the files themselves are refused before this.
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(path, flags)
                .with_context(|| format!("cannot open database {}", path.display()))?;
            let mut db = Db {
                conn,
                path: path.to_path_buf(),
            };
            db.configure().and_then(|()| db.migrate())?;
            Ok(db)
        })
        .map_err(|e| busy::explain(damaged(e)))
        .with_context(|| format!("cannot use database {}", path.display()))
    }

    /// Open the database for a command that only reads (`list`, `show`,
    /// `env`, the credential helper's `get`). As [`Db::open`], but where the
    /// disk is full or read-only it falls back to a read-only connection
    /// (see [`read_only`]), and a missing database reads as an empty one.
    pub fn open_for_reading(path: &Path) -> Result<Db> {
        let dir = files::dir_of(path);
        files::check_data_dir(dir)?;
        match Db::open_unchecked(path) {
            Ok(db) => Ok(db),
            Err(err) if stuck(dir, path) => {
                read_only::open(path).map_err(|_| files::explain(dir, path, err))
            }
            Err(err) => Err(files::explain(dir, path, err)),
        }
    }

    /// An in-memory database with the full schema (unit tests, and reading
    /// where there is no database and none can be created).
    pub fn open_in_memory() -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: PathBuf::from(":memory:"),
        };
        db.configure()?;
        db.migrate()?;
        Ok(db)
    }

    fn configure(&self) -> Result<()> {
        busy::install(&self.conn)?;
        self.conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let current: usize = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if current > MIGRATIONS.len() {
            return Err(Failure::new(
                crate::error::Code::Failure,
                format!(
                    "the database has schema version {current}, newer than this hubint knows ({})",
                    MIGRATIONS.len()
                ),
            )
            .hint("it was written by a newer hubint: upgrade hubint to use it")
            .into());
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
            let version = index + 1;
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Exclusive)?;
            // Another process may have migrated while we waited for the lock.
            let now: usize = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if now >= version {
                continue;
            }
            tx.execute_batch(sql)
                .with_context(|| format!("migration {version} failed"))?;
            tx.pragma_update(None, "user_version", version)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Start a write transaction that takes the write lock at once, so that
    /// concurrent writers queue on the busy timeout instead of deadlocking.
    pub fn write(&mut self) -> Result<Transaction<'_>> {
        let (dir, path) = (files::dir_of(&self.path).to_path_buf(), self.path.clone());
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| files::explain(&dir, &path, busy::explain(e.into())))
    }
}

/// Whether the disk under the database is full or read-only, or the file is.
fn stuck(dir: &Path, path: &Path) -> bool {
    files::trouble(dir, true).is_some() || (path.exists() && files::trouble(path, true).is_some())
}

/// What to do about a database file SQLite cannot read.
pub const DAMAGED_HINT: &str = "restore it from a backup, or move it away and run \
     `hubint doctor --recover`: it starts a new database and rebuilds the integrations from \
     their passwords' stores";

/// Whether SQLite found the file damaged or not a database at all.
pub fn is_damaged(err: &anyhow::Error) -> bool {
    has_sqlite_code(err, |code| {
        matches!(
            code,
            rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
        )
    })
}

/// Whether a SQLite error in the chain of `err` has a code that passes `wanted`.
fn has_sqlite_code(err: &anyhow::Error, wanted: impl Fn(rusqlite::ErrorCode) -> bool) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<rusqlite::Error>()
            .and_then(rusqlite::Error::sqlite_error_code)
            .is_some_and(&wanted)
    })
}

/// What is wrong with a damaged database (see [`is_damaged`]), as a
/// predicate: "is not a SQLite database" or "is damaged (...)".
pub fn damage(err: &anyhow::Error) -> &'static str {
    match err
        .chain()
        .find_map(|c| c.downcast_ref::<rusqlite::Error>())
    {
        Some(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            "is not a SQLite database"
        }
        _ => "is damaged (SQLite: database disk image is malformed)",
    }
}

/// A damaged or foreign database file as an error that says so and what to do.
fn damaged(err: anyhow::Error) -> anyhow::Error {
    if !is_damaged(&err) {
        return err;
    }
    Failure::new(crate::error::Code::Failure, format!("it {}", damage(&err)))
        .hint(DAMAGED_HINT)
        .into()
}

/// Open an existing database as it is, for `hubint doctor`: never created,
/// configured or migrated, with the usual busy timeout.
/// A link in place of one of its files is refused: SQLite would write through it.
pub fn open_existing(path: &Path) -> Result<Connection> {
    files::refuse_links(files::dir_of(path))?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .with_context(|| format!("cannot open database {}", path.display()))?;
    busy::install(&conn)?;
    Ok(conn)
}

/// Open an existing database read-only, as it is: never created, never
/// configured, never migrated (for shell completion). Fails if the file does
/// not exist or is busy for more than a moment.
pub fn open_read_only(path: &Path) -> Result<Db> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .with_context(|| format!("cannot open database {}", path.display()))?;
    conn.busy_timeout(READ_ONLY_BUSY_TIMEOUT)?;
    Ok(Db {
        conn,
        path: path.to_path_buf(),
    })
}

/// `PRAGMA integrity_check` on the file as it is (nothing is migrated):
/// `["ok"]`, or the problems found.
pub fn integrity_check(path: &Path) -> Result<Vec<String>> {
    let conn = open_existing(path)?;
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The schema version of the file as it is (nothing is migrated).
pub fn schema_version(path: &Path) -> Result<usize> {
    let conn = open_existing(path)?;
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// The current time, to the second.
pub fn now() -> Timestamp {
    Timestamp::now()
}

/// The typed values of a row, as SQLite stores them: text.
mod sql_types {
    use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

    use crate::secret::StoreKind;
    use crate::service::model::{IntegrationId, Revision, Timestamp};

    fn parsed<T: std::str::FromStr<Err = anyhow::Error>>(value: ValueRef<'_>) -> FromSqlResult<T> {
        value
            .as_str()?
            .parse()
            .map_err(|e: anyhow::Error| FromSqlError::Other(e.into()))
    }

    /// A type stored as one column: written as `to(&value)`, read by `from`.
    macro_rules! column {
        ($ty:ty, $to:expr, $from:expr) => {
            impl ToSql for $ty {
                fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                    Ok(ToSqlOutput::from($to(self)))
                }
            }

            impl FromSql for $ty {
                fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                    $from(value)
                }
            }
        };
    }

    column!(IntegrationId, IntegrationId::as_str, |v: ValueRef<'_>| {
        Ok(IntegrationId::recorded(v.as_str()?))
    });
    column!(StoreKind, |k: &StoreKind| k.as_str(), parsed);
    column!(Timestamp, Timestamp::as_str, parsed);

    impl ToSql for Revision {
        fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            let number = i64::try_from(self.number())
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
            Ok(ToSqlOutput::from(number))
        }
    }

    impl FromSql for Revision {
        fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
            u64::column_result(value).map(Revision::recorded)
        }
    }
}

/// Whether a SQLite error is a UNIQUE constraint violation.
pub fn is_unique_violation(err: &rusqlite::Error) -> bool {
    matches!(
        err,
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_and_are_idempotent() {
        let (_dir, path) = crate::testing::temp_path("hubint.db");
        drop(Db::open(&path).unwrap());
        let db = Db::open(&path).unwrap();
        let v: usize = db
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len());
        let fk: i64 = db
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        crate::testing::assert_mode(&path, 0o600);
        crate::testing::assert_mode(path.parent().unwrap(), 0o700);
    }

    #[test]
    fn read_only_never_creates_or_migrates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hubint.db");
        assert!(open_read_only(&path).is_err());
        assert!(!path.exists());
        std::fs::write(&path, b"").unwrap();
        let conn = open_read_only(&path).unwrap();
        let v: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 0);
        assert!(conn.execute_batch("CREATE TABLE t (x)").is_err());
        drop(conn);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hubint.db");
        drop(Db::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        drop(conn);
        let err = Db::open(&path).err().unwrap();
        assert!(format!("{err:#}").contains("newer than this hubint knows"));
    }
}
