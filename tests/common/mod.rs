//! The one place that builds `hubint` commands for tests.
//!
//! Every command runs with a scrubbed environment (`env_clear`), its own
//! temporary HOME and `HUBINT_HOME`, `NO_COLOR`, a fixed `COLUMNS`, and the
//! private D-Bus session of `tests/run` (so the keyring is the test keyring,
//! never the developer's).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use std::io::Write;

pub struct TestEnv {
    _tmp: tempfile::TempDir,
    pub home: PathBuf,
    pub hubint_home: PathBuf,
    /// Holds `docker-credential-hubint`, a symlink to the test binary.
    pub bin_dir: PathBuf,
}

/// The helper's program name: the binary dispatches on it.
pub const HELPER: &str = "docker-credential-hubint";

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_hubint"))
}

/// Panics unless the suite runs inside `tests/run` (private gnome-keyring).
pub fn require_keyring() {
    assert!(
        std::env::var_os("HUBINT_TEST_KEYRING").is_some(),
        "this test needs the private Secret Service: run it with `bash tests/run`"
    );
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let tmp = tempfile::tempdir().expect("temp dir");
        let home = tmp.path().join("home");
        std::fs::create_dir(&home).expect("home dir");
        let hubint_home = home.join("hubint");
        let bin_dir = tmp.path().join("bin");
        std::fs::create_dir(&bin_dir).expect("bin dir");
        #[cfg(unix)]
        std::os::unix::fs::symlink(bin(), bin_dir.join(HELPER)).expect("helper symlink");
        TestEnv {
            _tmp: tmp,
            home,
            hubint_home,
            bin_dir,
        }
    }

    /// The temporary directory holding HOME and the bin dir.
    pub fn root(&self) -> &Path {
        self._tmp.path()
    }

    /// PATH with the helper's directory first.
    pub fn path_var(&self) -> std::ffi::OsString {
        let mut dirs = vec![self.bin_dir.clone()];
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        std::env::join_paths(dirs).expect("PATH")
    }

    /// `hubint ARGS...` with the scrubbed environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.program(&bin(), args)
    }

    /// `docker-credential-hubint ARGS...` (the symlink) with the scrubbed environment.
    pub fn helper(&self, args: &[&str]) -> Command {
        self.program(&self.bin_dir.join(HELPER), args)
    }

    /// `helper ARGS...` with `stdin` piped in.
    pub fn run_helper(&self, args: &[&str], stdin: &str) -> Output {
        feed(self.helper(args), stdin)
    }

    /// `docker-credential-hubint store` of these credentials, asserting success.
    pub fn helper_store(&self, url: &str, user: &str, secret: &str) {
        let json = serde_json::json!({"ServerURL": url, "Username": user, "Secret": secret});
        let out = self.run_helper(&["store"], &json.to_string());
        assert!(out.status.success(), "store failed: {}", stdout(&out));
    }

    /// `docker-credential-hubint get` of a server URL: (exit code, stdout).
    pub fn helper_get(&self, url: &str) -> (i32, String) {
        let out = self.run_helper(&["get"], url);
        (out.status.code().unwrap_or(-1), stdout(&out))
    }

    /// Any program with the scrubbed environment (PATH has the helper first).
    pub fn program(&self, program: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(program);
        cmd.args(args)
            .env_clear()
            .env("PATH", self.path_var())
            .env("HOME", &self.home)
            .env("HUBINT_HOME", &self.hubint_home)
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("LANG", "C.UTF-8")
            .current_dir(&self.home)
            .stdin(Stdio::null());
        for var in ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"] {
            if let Some(value) = std::env::var_os(var) {
                cmd.env(var, value);
            }
        }
        cmd
    }

    /// Run `hubint ARGS...` with `stdin` piped in.
    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        feed(self.cmd(args), stdin)
    }

    /// Add an integration non-interactively, asserting success.
    pub fn add(&self, name: &str, password: &str, extra: &[&str]) {
        let mut args = vec![
            "add",
            "--name",
            name,
            "--username",
            "user",
            "--password-stdin",
        ];
        args.extend_from_slice(extra);
        let out = self.run(&args, password);
        assert!(
            out.status.success(),
            "add {name} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn db_path(&self) -> PathBuf {
        self.hubint_home.join("hubint.db")
    }

    /// The bytes of the database and its WAL, for leak checks.
    pub fn db_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        for suffix in ["", "-wal", "-shm"] {
            let path = PathBuf::from(format!("{}{suffix}", self.db_path().display()));
            if let Ok(b) = std::fs::read(&path) {
                bytes.extend(b);
            }
        }
        bytes
    }

    pub fn path(&self) -> &Path {
        &self.home
    }

    /// insta settings that hide what changes between runs: temp paths,
    /// integration ids and timestamps.
    pub fn settings(&self) -> insta::Settings {
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(&regex_escape(&self.home.display().to_string()), "[HOME]");
        settings.add_filter(&regex_escape(&self.root().display().to_string()), "[TMP]");
        let exe = std::fs::canonicalize(bin()).unwrap_or_else(|_| bin());
        settings.add_filter(&regex_escape(&exe.display().to_string()), "[BIN]");
        settings.add_filter(
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[ID]",
        );
        settings.add_filter(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "[TIME]");
        settings.add_filter(r"\d{4}-\d\d-\d\d \d\d:\d\d", "[TIME]");
        settings
    }
}

/// What the helper's `get` prints on a miss; docker compares it verbatim.
pub const NOT_FOUND: &str = "credentials not found in native keychain\n";

/// What the helper's `get` prints: the fields in upstream's order, compact.
pub fn creds(url: &str, user: &str, secret: &str) -> String {
    let s = |v: &str| serde_json::Value::from(v).to_string();
    format!(
        "{{\"ServerURL\":{},\"Username\":{},\"Secret\":{}}}\n",
        s(url),
        s(user),
        s(secret)
    )
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Run `cmd` with `stdin` piped in; capture stdout and stderr.
pub fn feed(mut cmd: Command, stdin: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut pipe = child.stdin.take().expect("stdin");
    // The program may exit without reading (usage errors): ignore EPIPE.
    let _ = pipe.write_all(stdin.as_bytes());
    drop(pipe);
    child.wait_with_output().expect("wait")
}

/// Whether `haystack` contains `needle` anywhere.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Snapshot stdout, stderr and the exit code of a command, with the
/// environment's filters: `snapshot!(env, env.cmd(&[...]), @"...")`.
#[macro_export]
macro_rules! snapshot {
    ($env:expr, $cmd:expr, @$snap:literal) => {{
        let _guard = $env.settings().bind_to_scope();
        insta_cmd::assert_cmd_snapshot!($cmd, @$snap);
    }};
    ($env:expr, $cmd:expr) => {{
        let _guard = $env.settings().bind_to_scope();
        insta_cmd::assert_cmd_snapshot!($cmd);
    }};
}
