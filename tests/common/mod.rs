//! The one place that builds `hubint` commands for tests.
//!
//! Every command runs with a scrubbed environment (`env_clear`), its own
//! temporary HOME and `HUBINT_HOME`, `NO_COLOR`, a fixed `COLUMNS`, and the
//! private D-Bus session of `tests/run` (so the keyring is the test keyring,
//! never the developer's). An environment made with
//! [`TestEnv::without_keyring`] gets no D-Bus session at all: a machine
//! without an OS keyring. With `HUBINT_TEST_STORE=team` (the team pass of
//! `tests/run`), [`TestEnv::new`] puts the environment on the team store
//! instead (tests/common/store.rs).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use std::io::Write;

#[cfg(unix)]
mod bad;
mod bao;
mod helper;
mod inspect;
mod keyring;
mod keys;
mod skip;
mod store;
mod stress;
#[cfg(unix)]
pub mod terminal;
#[cfg(unix)]
mod user;

#[cfg(unix)]
#[allow(unused_imports)]
pub use bad::*;
#[allow(unused_imports)]
pub use bao::*;
#[allow(unused_imports)]
pub use helper::*;
#[allow(unused_imports)]
pub use inspect::*;
#[allow(unused_imports)]
pub use keyring::*;
#[allow(unused_imports)]
pub use keys::*;
#[allow(unused_imports)]
pub use skip::*;
#[allow(unused_imports)]
pub use store::*;
#[allow(unused_imports)]
pub use stress::*;
#[cfg(unix)]
#[allow(unused_imports)]
pub use user::*;

pub struct TestEnv {
    _tmp: tempfile::TempDir,
    pub home: PathBuf,
    pub hubint_home: PathBuf,
    /// Holds `docker-credential-hubint`, a symlink to the test binary.
    pub bin_dir: PathBuf,
    /// Pass the D-Bus session (and so the OS keyring) through.
    keyring: bool,
    /// Extra variables for every command.
    vars: Vec<(String, String)>,
}

/// The helper's program name: the binary dispatches on it.
pub const HELPER: &str = "docker-credential-hubint";

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_hubint"))
}

/// A D-Bus address where nothing listens.
pub const NO_BUS: &str = "unix:path=/nonexistent";

impl TestEnv {
    /// A fresh environment on the store of `HUBINT_TEST_STORE`: the local
    /// stores by default, or in the team pass a fresh mount of the binary's
    /// shared dev server (tests/common/store.rs).
    pub fn new() -> TestEnv {
        let env = TestEnv::local();
        if !team_pass() {
            return env;
        }
        let bao = shared_bao();
        let mount = fresh_mount(bao);
        env.with_env("HUBINT_STORE", "team")
            .with_env("HUBINT_TEAM_ADDR", &bao.addr)
            .with_env("HUBINT_TEAM_MOUNT", &mount)
            .with_env("VAULT_TOKEN", BAO_ROOT)
    }

    /// A fresh environment on the local stores, whatever `HUBINT_TEST_STORE` says.
    pub fn local() -> TestEnv {
        let tmp = tempfile::tempdir().expect("temp dir");
        let home = tmp.path().join("home");
        std::fs::create_dir(&home).expect("home dir");
        // hubint refuses a data directory under a group- or other-writable
        // parent: whatever the umask, these are not.
        #[cfg(unix)]
        for dir in [tmp.path(), &home] {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
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
            keyring: true,
            vars: Vec::new(),
        }
    }

    /// The temporary directory holding HOME and the bin dir.
    pub fn root(&self) -> &Path {
        self._tmp.path()
    }

    /// PATH with the helper's directory first, then the `hubint` binary's.
    pub fn path_var(&self) -> std::ffi::OsString {
        let hubint_dir = bin().parent().expect("binary directory").to_path_buf();
        let mut dirs = vec![self.bin_dir.clone(), hubint_dir];
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        std::env::join_paths(dirs).expect("PATH")
    }

    /// Commands get no D-Bus session: neither `DBUS_SESSION_BUS_ADDRESS`
    /// nor `XDG_RUNTIME_DIR` (libdbus would find the bus in `$XDG_RUNTIME_DIR/bus`).
    pub fn without_keyring(mut self) -> TestEnv {
        self.keyring = false;
        self
    }

    /// Set `var` for every command of this environment.
    pub fn with_env(mut self, var: &str, value: &str) -> TestEnv {
        self.vars.push((var.into(), value.into()));
        self
    }

    /// `hubint ARGS...` with the scrubbed environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.program(bin(), args)
    }

    /// Any program with the scrubbed environment (PATH has the helper first).
    pub fn program(&self, program: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> Command {
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
        if self.keyring && keyring_available() {
            for var in ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"] {
                if let Some(value) = std::env::var_os(var) {
                    cmd.env(var, value);
                }
            }
        } else {
            // Outside `tests/run` the bus would be the developer's own
            // session: never let a test touch that keyring.
            cmd.env("DBUS_SESSION_BUS_ADDRESS", NO_BUS);
        }
        for (var, value) in &self.vars {
            cmd.env(var, value);
        }
        cmd
    }

    /// Run `hubint ARGS...` with `stdin` piped in.
    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        feed(self.cmd(args), stdin)
    }

    /// `show NAME --json`, parsed.
    pub fn show(&self, name: &str) -> serde_json::Value {
        self.json(&["show", name])
    }

    /// The encrypted file store.
    pub fn secrets_path(&self) -> PathBuf {
        self.hubint_home.join("secrets.age")
    }

    /// The secrets in the encrypted file store, by integration id, decrypted
    /// with the age crate (independently of hubint).
    pub fn file_secrets(&self, passphrase: &str) -> BTreeMap<String, String> {
        let bytes = std::fs::read(self.secrets_path()).expect("read secrets.age");
        let identity = age::scrypt::Identity::new(passphrase.to_string().into());
        let plain = age::decrypt(&identity, &bytes).expect("secrets.age decrypts");
        let json: serde_json::Value = serde_json::from_slice(&plain).expect("JSON inside");
        assert_eq!(json["format"], "hubint-secrets");
        json["secrets"]
            .as_object()
            .expect("secrets")
            .iter()
            .map(|(id, e)| {
                (
                    id.clone(),
                    e["secret"].as_str().expect("secret").to_string(),
                )
            })
            .collect()
    }

    /// Add an integration non-interactively, asserting success.
    /// `subscription attach SUBSCRIPTION INTEGRATION`, which must succeed.
    #[allow(dead_code)]
    pub fn attach(&self, subscription: &str, integration: &str) {
        let out = self.run(&["subscription", "attach", subscription, integration], "");
        assert!(
            out.status.success(),
            "attach failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn add(&self, name: &str, password: &str, extra: &[&str]) {
        require_keyring();
        add_as_user(self, name, password, extra);
    }

    pub fn db_path(&self) -> PathBuf {
        self.hubint_home.join("hubint.db")
    }

    /// The bytes of the database and its WAL, for leak checks (in the team
    /// pass: the catalog's documents on the team mount, not the secrets).
    pub fn db_bytes(&self) -> Vec<u8> {
        if let Some(docs) = self.team_catalog(false) {
            return docs;
        }
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
        // Table cells are padded: trailing blanks are noise in a snapshot.
        settings.add_filter(r"[ \t]+\n", "\n");
        if self.on_team() {
            add_team_filters(&mut settings);
        }
        settings
    }
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
        .expect("spawn hubint");
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    // hubint may exit (on an error) before it reads stdin: that is its answer.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait for hubint")
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

/// The `id` of an integration as `show --json` prints it.
#[allow(dead_code)]
pub fn id_of(integration: &serde_json::Value) -> String {
    integration["id"].as_str().expect("id").to_string()
}
