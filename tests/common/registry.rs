//! A real registry for the client tests: Debian's `docker-registry` with
//! htpasswd basic auth on plain http at 127.0.0.1, a one-layer OCI image
//! made locally, and skopeo run with a test's scrubbed environment (so it
//! finds `docker-credential-hubint` first on PATH). `tests/run` installs the
//! packages. Include it with `#[path = "common/registry.rs"] mod registry;`
//! next to `mod common;`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::common::{self, TestEnv};

pub const USER: &str = "alice";
pub const PASSWORD: &str = "e2e-Pa55word";

/// A `docker-registry` process; killed and reaped when dropped.
pub struct Registry {
    child: Child,
    pub port: u16,
    log: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn tool(name: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "`{name}` is not installed: run the suite with `bash tests/run`, \
                 which installs docker-registry, apache2-utils and skopeo"
            )
        })
}

pub fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("spawn");
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

impl Registry {
    /// Start a registry on a free loopback port with one htpasswd user.
    pub fn start(dir: &Path) -> Registry {
        let htpasswd = dir.join("htpasswd");
        let out = run_ok(Command::new(tool("htpasswd")).args(["-Bbn", USER, PASSWORD]));
        std::fs::write(&htpasswd, &out.stdout).unwrap();
        let config = dir.join("registry.yml");
        std::fs::write(
            &config,
            format!(
                "version: 0.1\nlog:\n  level: info\nstorage:\n  filesystem:\n    rootdirectory: {}\n\
                 http:\n  addr: 127.0.0.1:0\n  secret: hubint-e2e\n\
                 auth:\n  htpasswd:\n    realm: hubint-e2e\n    path: {}\n",
                dir.join("storage").display(),
                htpasswd.display()
            ),
        )
        .unwrap();
        let mut child = Command::new(tool("docker-registry"))
            .arg("serve")
            .arg(&config)
            .env_clear()
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start docker-registry");
        // The log says where it listens (port 0 picks a free one); keep
        // draining it so the registry never blocks on a full pipe.
        let stderr = child.stderr.take().unwrap();
        let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on 127.0.0.1:").nth(1) {
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = tx.send(port.parse::<u16>().ok());
                }
                sink.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        let registry = |port| Registry {
            child,
            port,
            log: log.clone(),
        };
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Some(port)) => registry(port),
            _ => {
                let r = registry(0);
                panic!("docker-registry did not start:\n{}", r.log.lock().unwrap());
            }
        }
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

/// A one-layer OCI image made locally from a tarball: no network.
pub fn make_image(env: &TestEnv, dir: &Path) -> String {
    let root = dir.join("rootfs");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("hello.txt"), "hello from hubint\n").unwrap();
    let layer = dir.join("layer.tar");
    run_ok(
        Command::new("tar")
            .arg("-C")
            .arg(&root)
            .arg("-cf")
            .arg(&layer)
            .arg("hello.txt"),
    );
    let oci = format!("oci:{}:v1", dir.join("oci").display());
    let tarball = format!("tarball:{}", layer.display());
    run_ok(&mut skopeo(
        env,
        &["copy", "--insecure-policy", &tarball, &oci],
    ));
    oci
}

/// skopeo with the test's scrubbed environment: PATH starts with the
/// directory holding docker-credential-hubint, and HUBINT_HOME is the test's.
pub fn skopeo(env: &TestEnv, args: &[&str]) -> Command {
    let mut cmd = env.program(tool("skopeo"), args);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd
}

/// Every file under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            found.extend(files_containing(&path, needle));
        } else if meta.is_file() && common::contains(&std::fs::read(&path).unwrap(), needle) {
            found.push(path);
        }
    }
    found
}

pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `docker-config --output AUTH_FILE` as `env` runs it: the config names
/// the helper for `host` and holds no password or `auth` entry.
pub fn assert_helper_only(auth_file: &Path, host: &str) {
    let config = std::fs::read_to_string(auth_file).unwrap();
    let json: serde_json::Value = serde_json::from_str(&config).unwrap();
    assert_eq!(json["credHelpers"][host], "hubint", "{config}");
    assert!(
        !config.contains(PASSWORD) && !config.contains("auth\""),
        "{config}"
    );
}

/// `skopeo copy` of the OCI layout `oci` to `image`, with credentials only
/// from the helper that `auth` names.
pub fn push(env: &TestEnv, auth: &str, oci: &str, image: &str) {
    let copy = skopeo(
        env,
        &[
            "copy",
            "--insecure-policy",
            "--dest-tls-verify=false",
            "--authfile",
            auth,
            oci,
            image,
        ],
    )
    .output()
    .unwrap();
    assert!(copy.status.success(), "push failed: {}", text(&copy));
}
