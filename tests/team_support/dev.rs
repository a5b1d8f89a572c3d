//! A throwaway `bao server -dev` for the team store's auth and policy
//! tests (t15edge; the lead may fold it into t15core's
//! `tests/common/bao.rs`). The binary is `$HUBINT_TEST_BAO`, which
//! `tests/run` exports; without it a test skips by name (and fails under
//! `tests/run`).
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common;

pub const ROOT_TOKEN: &str = "hubint-test-root";

/// `$HUBINT_TEST_BAO`, or `None` after reporting the skip.
pub fn bao_or_skip() -> Option<PathBuf> {
    let bao = std::env::var_os("HUBINT_TEST_BAO")
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    if common::skip(
        bao.is_none()
            .then(|| "no bao (HUBINT_TEST_BAO)".to_string()),
    ) {
        return None;
    }
    bao
}

/// A free loopback port (bound, then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A running dev server, stopped on drop.
pub struct DevServer {
    pub bao: PathBuf,
    pub addr: String,
    child: Child,
    _dir: tempfile::TempDir,
}

impl DevServer {
    pub fn start(bao: &Path) -> DevServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let addr = format!("http://127.0.0.1:{port}");
        let child = Command::new(bao)
            .args([
                "server",
                "-dev",
                &format!("-dev-listen-address=127.0.0.1:{port}"),
                &format!("-dev-root-token-id={ROOT_TOKEN}"),
            ])
            .env_clear()
            .env("HOME", dir.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start bao server -dev");
        let server = DevServer {
            bao: bao.to_path_buf(),
            addr,
            child,
            _dir: dir,
        };
        server.wait_ready();
        server
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.bao(&["status"]).status.success() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("bao server -dev at {} did not become ready", self.addr);
    }

    /// `bao ARGS...` as root against this server.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bao);
        cmd.args(args)
            .env_clear()
            .env("HOME", self._dir.path())
            .env("BAO_ADDR", &self.addr)
            .env("BAO_TOKEN", ROOT_TOKEN)
            .stdin(Stdio::null());
        cmd
    }

    /// `bao ARGS...` as root, its output.
    pub fn bao(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run bao")
    }

    /// `bao ARGS...` as root, which must succeed: its stdout, trimmed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.bao(args);
        assert!(
            out.status.success(),
            "bao {args:?} failed: {}",
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
}

impl Drop for DevServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Write `text` to a new 0600 file `path`.
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
