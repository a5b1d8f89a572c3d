//! A throwaway OpenBao dev server for the team store tests: `bao server
//! -dev` on a free loopback port with a known root token and a `kv-v2`
//! mount at `hubint`, stopped when dropped. Start it after `needs_bao!()`.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::{TestEnv, bao_binary, stderr, stdout};

/// The dev server's root token (a test value, not a secret).
pub const BAO_ROOT: &str = "hubint-test-root";

pub struct Bao {
    child: Child,
    pub addr: String,
    bin: PathBuf,
}

impl Bao {
    /// A fresh dev server with the `hubint` mount; panics if it does not come up.
    pub fn start() -> Bao {
        let bin = bao_binary().expect("needs_bao!() first");
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let child = Command::new(&bin)
                .args([
                    "server",
                    "-dev",
                    &format!("-dev-listen-address=127.0.0.1:{port}"),
                    &format!("-dev-root-token-id={BAO_ROOT}"),
                ])
                .env_clear()
                .env("HOME", std::env::temp_dir())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start bao");
            let mut bao = Bao {
                child,
                addr: format!("http://127.0.0.1:{port}"),
                bin: bin.clone(),
            };
            // A mount already there: the port was another test's server
            // (ours could not bind it), so try another port.
            if bao.wait_up() {
                let out = bao.run(&["secrets", "enable", "-path=hubint", "kv-v2"]);
                if out.status.success() {
                    return bao;
                }
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(err.contains("already in use"), "enable kv-v2: {err}");
            }
            let _ = bao.child.kill();
            let _ = bao.child.wait();
        }
        panic!("bao server -dev did not come up");
    }

    fn wait_up(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            if self.run(&["status"]).status.success() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    /// `bao ARGS...` as root against this server.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, "")
    }

    /// `bao ARGS...` with `stdin` piped in.
    pub fn run_with(&self, args: &[&str], stdin: &str) -> Output {
        let mut cmd = Command::new(&self.bin);
        cmd.args(args)
            .env_clear()
            .env("HOME", std::env::temp_dir())
            .env("VAULT_ADDR", &self.addr)
            .env("VAULT_TOKEN", BAO_ROOT);
        super::feed(cmd, stdin)
    }

    /// `bao ARGS...`, asserting success; its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "bao {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// A machine (its own HUBINT_HOME, no keyring) on this team store.
    pub fn machine(&self) -> TestEnv {
        TestEnv::new()
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
