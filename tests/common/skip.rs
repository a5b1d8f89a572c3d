//! Tests that need a real service (the Secret Service, a program such as
//! `docker-registry`) skip themselves, by name, where it is missing, so that
//! a plain `cargo test` passes on any machine.
//!
//! A skipped test passes, writes `SKIPPED (no Secret Service): keyring::add_and_get`
//! straight to stderr (past the test harness's capture), and is counted in a
//! summary printed when the test binary exits. Under `tests/run`
//! (`HUBINT_TEST_REQUIRE_KEYRING=1`) nothing may be skipped: a missing
//! service fails the test instead.
//!
//! Use the macros at the top of a test, before it starts anything:
//! `needs_keyring!();`, `needs_commands!("docker-registry", "htpasswd");`.

use std::io::Write;
use std::sync::{Mutex, Once};

/// Set by `tests/run`: every skip is a failure.
pub const REQUIRE_ENV: &str = "HUBINT_TEST_REQUIRE_KEYRING";

/// Set by `tests/run` (or by hand, for a private keyring like the one it
/// starts): the D-Bus session's Secret Service is the test keyring. Without
/// it commands get no bus at all, so a test never touches the keyring of
/// the developer's own session.
pub const KEYRING_ENV: &str = "HUBINT_TEST_KEYRING";

/// Whether the private Secret Service of `tests/run` is there.
pub fn keyring_available() -> bool {
    std::env::var_os(KEYRING_ENV).is_some()
        && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

/// Panics unless the private Secret Service is there: for helpers reached
/// only after the test checked with [`needs_keyring!`].
pub fn require_keyring() {
    assert!(
        keyring_available(),
        "this test needs the private Secret Service: start it with `needs_keyring!();` \
         (run the suite with `bash tests/run` to get one)"
    );
}

/// The first of `commands` that is not on PATH.
pub fn missing_command(commands: &[&str]) -> Option<String> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = |c: &str| {
        let file = format!("{c}{}", std::env::consts::EXE_SUFFIX);
        std::env::split_paths(&path).any(|dir| dir.join(&file).is_file())
    };
    commands.iter().find(|c| !found(c)).map(|c| c.to_string())
}

/// The test binary's name: `BINARY` for `tests/BINARY.rs`.
fn binary_name() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .map(|stem| match stem.rsplit_once('-') {
            Some((name, hash)) if hash.chars().all(|c| c.is_ascii_hexdigit()) => name.to_string(),
            _ => stem,
        })
        .unwrap_or_else(|| "?".into())
}

/// This test's name as `BINARY::TEST` (the harness names each test's thread
/// after the test).
pub fn test_name() -> String {
    let thread = std::thread::current();
    format!("{}::{}", binary_name(), thread.name().unwrap_or("?"))
}

static SKIPPED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Whether the calling test must skip because `missing` (e.g. "no Secret
/// Service") is `Some`; says so on stderr. Panics instead under `tests/run`.
pub fn skip(missing: Option<String>) -> bool {
    let Some(why) = missing else {
        return false;
    };
    let name = test_name();
    assert!(
        std::env::var_os(REQUIRE_ENV).is_none(),
        "{name}: {why}, and {REQUIRE_ENV} is set (tests/run): this test may not be skipped"
    );
    let line = format!("SKIPPED ({why}): {name}\n");
    // Straight to the file descriptor: `eprint!` would be captured.
    let _ = std::io::stderr().write_all(line.as_bytes());
    SKIPPED.lock().unwrap_or_else(|e| e.into_inner()).push(line);
    static SUMMARY: Once = Once::new();
    SUMMARY.call_once(|| {
        // SAFETY: `atexit` takes a plain function that lives as long as the
        // program; it runs once, after the harness printed its result.
        unsafe { atexit(summary) };
    });
    true
}

unsafe extern "C" {
    fn atexit(f: extern "C" fn()) -> i32;
}

/// Print the skipped tests of this binary, once, at exit.
extern "C" fn summary() {
    let Ok(skipped) = SKIPPED.try_lock() else {
        return;
    };
    let mut text = format!(
        "{}: {} test(s) skipped for a missing service (`bash tests/run` runs them all):\n",
        binary_name(),
        skipped.len()
    );
    for line in skipped.iter() {
        text.push_str("  ");
        text.push_str(line);
    }
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// Return from the calling test, reported as skipped, unless the private
/// Secret Service of `tests/run` is there.
#[macro_export]
macro_rules! needs_keyring {
    () => {
        if $crate::common::skip(
            (!$crate::common::keyring_available()).then(|| "no Secret Service".to_string()),
        ) {
            return;
        }
    };
}

/// Return from the calling test, reported as skipped, unless every program
/// named is on PATH.
#[macro_export]
macro_rules! needs_commands {
    ($($command:expr),+ $(,)?) => {
        if $crate::common::skip(
            $crate::common::missing_command(&[$($command),+]).map(|c| format!("no {c}")),
        ) {
            return;
        }
    };
}

/// The `bao` binary `tests/run` installs (`HUBINT_TEST_BAO`), if there.
pub fn bao_binary() -> Option<std::path::PathBuf> {
    let path = std::path::PathBuf::from(std::env::var_os("HUBINT_TEST_BAO")?);
    path.is_file().then_some(path)
}

/// Return from the calling test, reported as skipped, unless `tests/run`
/// gave an OpenBao binary (`HUBINT_TEST_BAO`).
#[macro_export]
macro_rules! needs_bao {
    () => {
        if $crate::common::skip(
            $crate::common::bao_binary()
                .is_none()
                .then(|| "no bao (HUBINT_TEST_BAO)".to_string()),
        ) {
            return;
        }
    };
}
