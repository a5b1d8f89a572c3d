//! moto's server (PyPI `moto[server]`, in the venv `tests/run` creates)
//! behind the counting proxy of `tests/ecr/aws.py`, and the ECR
//! integrations the ECR tests add against it. Include it with
//! `#[path = "common/aws.rs"] mod aws;` next to `mod common;`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::common::TestEnv;

/// moto's `GetAuthorizationToken` password for its default account.
pub const MOTO_PASSWORD: &str = "123456789012-auth-token";
pub const KEY_ID: &str = "AKIDEXAMPLE";
pub const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// An ECR host of moto's default account (the registry host names the
/// account and region, as the catalog requires).
pub const HOST: &str = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

/// moto's server behind the counting proxy; stopped when dropped.
pub struct Aws {
    child: Child,
    stdin: Option<ChildStdin>,
    port: u16,
}

impl Drop for Aws {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python() -> PathBuf {
    std::env::var_os("HUBINT_TEST_MOTO_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| "python3".into())
}

impl Aws {
    pub fn start() -> Aws {
        Aws::start_with(&[])
    }

    /// With `--tls CERT KEY`: also an HTTPS (CONNECT) proxy for the real
    /// ECR API host.
    pub fn start_with(args: &[&Path]) -> Aws {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ecr/aws.py");
        let mut child = Command::new(python())
            .arg(script)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // moto logs every request; run tests/ecr/aws.py by hand to see why it fails.
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto (python3 with moto[server]; `bash tests/run` installs it)");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(60)).unwrap_or_default();
        let port = line
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("moto did not start: {line:?}"));
        Aws { child, stdin, port }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// One request to the proxy's control API; the answer's body.
    fn control(&self, method: &str, path: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "{method} {path} HTTP/1.0\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        answer.split("\r\n\r\n").nth(1).unwrap_or("").to_string()
    }

    /// How many ECR calls reached the proxy.
    pub fn calls(&self) -> u32 {
        self.control("GET", "/_hubint/count")
            .trim()
            .parse()
            .unwrap()
    }

    /// Tokens expire `secs` from now (moto's own answer is long expired).
    pub fn expire_in(&self, secs: u64) {
        self.control("POST", &format!("/_hubint/expires/{secs}"));
    }

    pub fn mode(&self, mode: &str) {
        self.control("POST", &format!("/_hubint/mode/{mode}"));
    }
}

pub fn env_for(aws: &Aws) -> TestEnv {
    TestEnv::new()
        .with_env("AWS_ENDPOINT_URL_ECR", &aws.endpoint())
        .with_env("AWS_REGION", "us-east-1")
}

/// The access key id as the username, the secret access key as the secret.
pub fn add_ecr(env: &TestEnv, name: &str, url: &str) {
    add_ecr_as(env, name, url, KEY_ID, SECRET_KEY);
}

pub fn add_ecr_as(env: &TestEnv, name: &str, url: &str, username: &str, keys: &str) {
    let out = env.run(
        &[
            "add",
            "--type",
            "ecr",
            "--name",
            name,
            "--url",
            url,
            "--username",
            username,
            "--password-stdin",
        ],
        keys,
    );
    assert!(out.status.success(), "{}", text(&out));
}

/// Neither a key id nor a secret: the AWS default credential chain.
pub fn add_ecr_chain(env: &TestEnv, name: &str, url: &str) {
    let out = env.run(&["add", "--type", "ecr", "--name", name, "--url", url], "");
    assert!(out.status.success(), "{}", text(&out));
}

pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
