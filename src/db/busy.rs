//! Waiting for other hubint processes. Many may write at once (parallel CI
//! jobs, a `docker pull` storing credentials while the user edits): each
//! write takes the write lock with `BEGIN IMMEDIATE` and waits its turn
//! here, with jittered pauses so that waiters do not wake in lockstep, for
//! up to [`TIMEOUT`]. A lock that is still held then is reported as an error
//! that says so (exit 1), never as SQLite's bare "database is locked".

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Result;
use rusqlite::Connection;

use crate::error::{Code, Failure};

/// How long a command waits for the other processes' writes.
pub const TIMEOUT: Duration = Duration::from_secs(60);
/// Waiting longer than this is announced on stderr (once per process).
const ANNOUNCE_AFTER: Duration = Duration::from_secs(2);

thread_local! {
    static WAITING_SINCE: Cell<Option<Instant>> = const { Cell::new(None) };
}
static ANNOUNCED: AtomicBool = AtomicBool::new(false);

/// Install the handler on `conn`.
pub fn install(conn: &Connection) -> Result<()> {
    conn.busy_handler(Some(handler))?;
    Ok(())
}

/// SQLite calls this while the lock is taken: `attempt` counts from 0 for
/// each lock it waits for. `true` means "try again".
fn handler(attempt: i32) -> bool {
    let since = WAITING_SINCE.with(|w| {
        if attempt == 0 || w.get().is_none() {
            w.set(Some(Instant::now()));
        }
        w.get().unwrap_or_else(Instant::now)
    });
    let waited = since.elapsed();
    if waited >= TIMEOUT {
        return false;
    }
    if waited >= ANNOUNCE_AFTER && !ANNOUNCED.swap(true, Ordering::Relaxed) {
        eprintln!("Waiting for other hubint processes to finish writing the database...");
    }
    thread::sleep(pause(attempt));
    true
}

/// A short pause that grows with the attempts (1 ms to ~40 ms), jittered.
fn pause(attempt: i32) -> Duration {
    let base = 1 + u64::try_from(attempt.clamp(0, 20)).unwrap_or(0) * 2;
    Duration::from_millis(base + jitter(base))
}

/// A number below `bound` that differs between processes and calls.
fn jitter(bound: u64) -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let mixed =
        u64::from(nanos ^ std::process::id().rotate_left(16)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) % bound.max(1)
}

/// Whether the error is SQLite's "database is locked" or "busy".
pub fn is_busy(err: &anyhow::Error) -> bool {
    super::has_sqlite_code(err, |code| {
        matches!(
            code,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        )
    })
}

/// Run `op` again while it fails with a lock error that the busy handler
/// does not cover (SQLite refuses at once when waiting could deadlock, for
/// example while a new database is switched to WAL), for up to [`TIMEOUT`].
pub fn retry<T>(mut op: impl FnMut() -> Result<T>) -> Result<T> {
    let start = Instant::now();
    let mut attempt = 0;
    loop {
        match op() {
            Err(err) if is_busy(&err) && start.elapsed() < TIMEOUT => {
                thread::sleep(pause(attempt));
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// A lock error turned into one that says what happened and what to do.
pub fn explain(err: anyhow::Error) -> anyhow::Error {
    if !is_busy(&err) {
        return err;
    }
    Failure::new(
        Code::Failure,
        format!(
            "other hubint processes kept the database locked for over {} s",
            TIMEOUT.as_secs()
        ),
    )
    .hint("nothing was changed; run the command again")
    .into()
}

/// How long a best-effort write ([`hold_writes`]) waits for the lock.
const HOLD_WAIT: Duration = Duration::from_secs(2);

/// The database's write lock (`BEGIN IMMEDIATE` on a connection of its
/// own), held until the returned connection is dropped, which rolls the
/// empty transaction back. For a write outside the catalog that must not
/// interleave with a command's transaction: the ECR token cache is written
/// back into the secret only while no `edit` can replace the secret. Waits
/// [`HOLD_WAIT`] at most: the caller's write is best effort.
pub fn hold_writes(path: &std::path::Path) -> Result<Connection> {
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(HOLD_WAIT)?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    Ok(conn)
}
