//! Helpers for the reliability tests: scale knobs, the summary that
//! `tests/run` prints at the end, failpoints, and checks that a command
//! neither panicked nor let "database is locked" through.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Output, Stdio};

use super::{TestEnv, stderr};

/// The variable naming the file that `tests/run` prints after the run.
pub const SUMMARY_ENV: &str = "HUBINT_TEST_SUMMARY";

/// A count from the environment (`HUBINT_TEST_...`), else `default`: CI
/// runs the default size, a developer can scale a test up.
pub fn scale(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// Append one line to the run's summary (printed by `tests/run` after
/// cargo test, which hides the output of passing tests). One `write` per
/// line with O_APPEND, so lines from parallel tests do not interleave.
pub fn summary(line: &str) {
    let Some(path) = std::env::var_os(SUMMARY_ENV) else {
        return;
    };
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("open the test summary");
    file.write_all(format!("{line}\n").as_bytes())
        .expect("write the test summary");
}

/// Panics if the command panicked or let a SQLite lock error through.
pub fn assert_sane(what: &str, out: &Output) {
    let err = stderr(out);
    assert_ne!(out.status.code(), Some(101), "{what} panicked: {err}");
    assert!(!err.contains("panicked at"), "{what} panicked: {err}");
    let lower = err.to_lowercase();
    assert!(
        !lower.contains("database is locked") && !lower.contains("database is busy"),
        "{what}: a lock error reached the user: {err}"
    );
}

/// Panics unless the command succeeded (and is sane).
pub fn assert_ok(what: &str, out: &Output) {
    assert_sane(what, out);
    assert!(
        out.status.success(),
        "{what} failed ({:?}): {}",
        out.status.code(),
        stderr(out)
    );
}

impl TestEnv {
    /// Start `hubint ARGS...` with `stdin` written, stdout discarded and
    /// stderr piped, optionally with `HUBINT_FAILPOINT`.
    pub fn spawn(&self, args: &[&str], stdin: &str, failpoint: Option<&str>) -> Child {
        let mut cmd = self.cmd(args);
        if let Some(point) = failpoint {
            cmd.env("HUBINT_FAILPOINT", point);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn hubint");
        // It may die (or be killed) before reading: that is fine here.
        let _ = child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(stdin.as_bytes());
        child
    }
}

/// Read the child's stderr until a line contains `needle`; `false` if it
/// exited first.
pub fn wait_for(child: &mut Child, needle: &str) -> bool {
    let stderr = child.stderr.as_mut().expect("piped stderr");
    let mut reader = BufReader::new(stderr);
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) if line.contains(needle) => return true,
            Ok(_) => {}
        }
    }
}

/// SIGKILL (kill -9) and reap; whether it was still running.
pub fn kill9(mut child: Child) -> bool {
    let running = child.try_wait().ok().flatten().is_none();
    let _ = child.kill();
    let _ = child.wait();
    running
}

/// A small deterministic random source (xorshift64*), seeded from
/// `HUBINT_TEST_SEED` or the clock; tests print the seed when they fail.
pub struct Rng {
    pub seed: u64,
    state: u64,
}

impl Rng {
    pub fn new() -> Rng {
        let seed = std::env::var("HUBINT_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        Rng {
            seed,
            state: seed.max(1),
        }
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        (self.state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % bound.max(1)
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
