//! Crash points for tests, compiled into debug builds only.
//!
//! `HUBINT_FAILPOINT=NAME[:ACTION]` makes the process act when it reaches
//! the point `NAME`:
//!
//! - `sleep` (the default): announce `failpoint NAME: stopped` on stderr and
//!   wait (up to two minutes, then abort), so that a test can `kill -9` it
//!   at exactly that point and check what is left on disk;
//! - `abort`: die at once, as `kill -9` would (no destructor runs, no
//!   transaction is rolled back by hubint);
//! - `panic`: panic, to check what a panic message shows;
//! - `pause`: announce `failpoint NAME: pausing` and carry on two seconds
//!   later (for keys typed ahead of a question, say).
//!
//! The points are named where they are used: `file-store-before-rename`,
//! `create-after-secret`, `update-after-secret`, `delete-after-commit`,
//! `delete-after-secret`, `move-before-commit`, `move-before-old-delete`,
//! `copy-after-create` (`team push|pull`),
//! `before-strict-question`, `ecr-before-store-back`,
//! `link-before-read-back`.

/// The environment variable naming the point to stop at.
#[cfg(debug_assertions)]
pub const ENV: &str = "HUBINT_FAILPOINT";

/// Act here if `HUBINT_FAILPOINT` names this point (debug builds only).
pub fn hit(name: &str) {
    #[cfg(debug_assertions)]
    if let Ok(value) = std::env::var(ENV) {
        let (point, action) = value.split_once(':').unwrap_or((&value, "sleep"));
        if point != name {
            return;
        }
        match action {
            "abort" => std::process::abort(),
            "panic" => panic!("failpoint {name} reached"),
            "pause" => {
                eprintln!("failpoint {name}: pausing");
                std::thread::sleep(std::time::Duration::from_secs(2));
            }
            _ => {
                eprintln!("failpoint {name}: stopped, waiting to be killed");
                std::thread::sleep(std::time::Duration::from_secs(120));
                // Nobody killed us: die the same way, without cleaning up.
                std::process::abort();
            }
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
