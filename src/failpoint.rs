//! Crash points for tests, compiled into debug builds only.
//!
//! With `HUBINT_FAILPOINT=NAME`, the process announces on stderr that it
//! reached the point `NAME` and then stops there (sleeps), so that a test can
//! `kill -9` it at exactly that point and check what is left on disk. The
//! points are named where they are used (`file-store-before-rename`,
//! `move-before-commit`, `move-before-old-delete`).

/// The environment variable naming the point to stop at.
pub const ENV: &str = "HUBINT_FAILPOINT";

/// Stop here if `HUBINT_FAILPOINT` names this point (debug builds only).
pub fn hit(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var(ENV).is_ok_and(|v| v == name) {
        eprintln!("failpoint {name}: stopped, waiting to be killed");
        std::thread::sleep(std::time::Duration::from_secs(120));
        // Nobody killed us: die the same way, without cleaning up.
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
