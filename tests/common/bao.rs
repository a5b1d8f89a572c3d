//! The one OpenBao dev-server fixture: `bao server -dev` on a free
//! loopback port with a known root token, stopped when dropped. The binary
//! is `$HUBINT_TEST_BAO`, which `tests/run` exports: start a server only
//! after `needs_bao!()` (a test skips by name without it, and fails under
//! `tests/run`).
//!
//! [`Bao::start`] adds a `kv-v2` mount at `hubint` (the team store's
//! default); [`Bao::bare`] has none (auth and policy tests set up their
//! own). The team pass of the local-store tests shares one server per test
//! binary (tests/common/store.rs).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::{TestEnv, bao_binary, stderr, stdout};

/// The dev server's root token (a test value, not a secret).
pub const BAO_ROOT: &str = "hubint-test-root";

pub struct Bao {
    child: Child,
    pub addr: String,
    pub bin: PathBuf,
    /// With TLS (`-dev-tls`): the CA that signed the server's certificate,
    /// in a directory removed with the server.
    pub cacert: Option<(PathBuf, std::sync::Arc<tempfile::TempDir>)>,
}

impl Bao {
    /// A fresh dev server with the `hubint` mount; panics if it does not come up.
    pub fn start() -> Bao {
        for _ in 0..5 {
            let bao = Bao::bare();
            let out = bao.run(&["secrets", "enable", "-path=hubint", "kv-v2"]);
            if out.status.success() {
                return bao;
            }
            // A mount already there: the port was another test's server.
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("already in use"), "enable kv-v2: {err}");
        }
        panic!("no port of its own for bao server -dev");
    }

    /// A fresh dev server with no KV mount.
    pub fn bare() -> Bao {
        Bao::launch(false)
    }

    /// A fresh dev server on https (`-dev-tls`: its own CA, in
    /// [`Bao::cacert`]) with the `hubint` mount.
    pub fn tls() -> Bao {
        let dir = std::sync::Arc::new(tempfile::tempdir().expect("a directory for the CA"));
        let bao = Bao::launch_with(false, Some(dir), None);
        bao.ok(&["secrets", "enable", "-path=hubint", "kv-v2"]);
        bao
    }

    /// A fresh dev server with the `hubint` mount whose file audit device
    /// writes to `log` (OpenBao takes audit devices only from its config
    /// file, not from the API).
    pub fn audited(log: &Path) -> Bao {
        let dir = std::sync::Arc::new(tempfile::tempdir().expect("a directory for the config"));
        let config = dir.path().join("audit.hcl");
        let hcl = format!(
            "audit \"file\" \"test\" {{\n  options {{\n    file_path = {:?}\n  }}\n}}\n",
            log.display().to_string()
        );
        std::fs::write(&config, hcl).expect("write the audit config");
        let bao = Bao::launch_with(false, None, Some(config));
        bao.ok(&["secrets", "enable", "-path=hubint", "kv-v2"]);
        bao
    }

    /// Start a dev server; with `tied`, it gets SIGKILL when the thread
    /// that starts it exits (Linux `PR_SET_PDEATHSIG`).
    pub(crate) fn launch(tied: bool) -> Bao {
        Bao::launch_with(tied, None, None)
    }

    fn launch_with(
        tied: bool,
        tls: Option<std::sync::Arc<tempfile::TempDir>>,
        config: Option<PathBuf>,
    ) -> Bao {
        let bin = bao_binary().expect("needs_bao!() first");
        for _ in 0..5 {
            let port = free_port();
            let mut cmd = Command::new(&bin);
            cmd.args([
                "server",
                "-dev",
                &format!("-dev-listen-address=127.0.0.1:{port}"),
                &format!("-dev-root-token-id={BAO_ROOT}"),
            ]);
            if let Some(config) = &config {
                cmd.arg(format!("-config={}", config.display()));
            }
            if let Some(dir) = &tls {
                cmd.arg("-dev-tls")
                    .arg(format!("-dev-tls-cert-dir={}", dir.path().display()));
            }
            cmd.env_clear()
                .env("HOME", std::env::temp_dir())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            if tied {
                die_with_parent(&mut cmd);
            }
            let scheme = if tls.is_some() { "https" } else { "http" };
            let mut bao = Bao {
                child: cmd.spawn().expect("start bao server -dev"),
                addr: format!("{scheme}://127.0.0.1:{port}"),
                bin: bin.clone(),
                cacert: tls
                    .clone()
                    .map(|dir| (dir.path().join("vault-ca.pem"), dir)),
            };
            if bao.wait_up() {
                return bao;
            }
            bao.stop();
        }
        panic!("bao server -dev did not come up");
    }

    fn wait_up(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            if self.run(&["status"]).status.success() {
                // Another test's server may hold the port while ours,
                // unable to bind it, is about to exit: it must live on.
                std::thread::sleep(Duration::from_millis(300));
                return matches!(self.child.try_wait(), Ok(None));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `bao ARGS...` as root against this server, not yet run.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.args(args)
            .env_clear()
            .env("HOME", std::env::temp_dir())
            .env("VAULT_ADDR", &self.addr)
            .env("VAULT_TOKEN", BAO_ROOT)
            .stdin(Stdio::null());
        if let Some((ca, _)) = &self.cacert {
            cmd.env("VAULT_CACERT", ca);
        }
        cmd
    }

    /// `bao ARGS...` as root against this server.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, "")
    }

    /// `bao ARGS...` with `stdin` piped in.
    pub fn run_with(&self, args: &[&str], stdin: &str) -> Output {
        super::feed(self.command(args), stdin)
    }

    /// `bao ARGS...`, asserting success; its stdout, trimmed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "bao {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// How many tokens the server holds (each login makes one).
    pub fn token_count(&self) -> usize {
        let out = self.ok(&["list", "-format=json", "auth/token/accessors"]);
        serde_json::from_str::<Vec<String>>(&out)
            .expect("accessor list")
            .len()
    }

    /// A machine (its own HUBINT_HOME, no keyring) on this team store.
    pub fn machine(&self) -> TestEnv {
        TestEnv::local()
            .without_keyring()
            .with_env("HUBINT_STORE", "team")
            .with_env("HUBINT_TEAM_ADDR", &self.addr)
            .with_env("VAULT_TOKEN", BAO_ROOT)
    }

    /// Stop the server now.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Bao {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The child gets SIGKILL when the thread that spawned it exits.
#[cfg(target_os = "linux")]
fn die_with_parent(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    unsafe extern "C" {
        fn prctl(option: i32, ...) -> i32;
    }
    const PR_SET_PDEATHSIG: i32 = 1;
    const SIGKILL: i32 = 9;
    // SAFETY: prctl is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn die_with_parent(_cmd: &mut Command) {}

/// A free loopback port (bound, then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Write `text` to a new 0600 file `path` (replacing any).
pub fn write_private(path: &Path, text: &str) {
    use std::io::Write;
    let _ = std::fs::remove_file(path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).expect("create file");
    file.write_all(text.as_bytes()).expect("write file");
}

/// `hubint ARGS...` with `stdin`, asserting success; its stdout.
pub fn hubint_ok(env: &TestEnv, args: &[&str], stdin: &str) -> String {
    let out = env.run(args, stdin);
    assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
    stdout(&out)
}

/// The exit code (-1 for a signal).
pub fn exit_of(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// `add NAME` (user `user`) with the password on stdin, asserting success.
pub fn add_as_user(env: &TestEnv, name: &str, password: &str, extra: &[&str]) {
    let mut args = vec![
        "add",
        "--name",
        name,
        "--username",
        "user",
        "--password-stdin",
    ];
    args.extend_from_slice(extra);
    hubint_ok(env, &args, password);
}
