//! The world of `login_clients`: a registry with one image, an auth file
//! for the helper, and the clients under test with their private storage.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::common::{self, TestEnv, stderr, stdout};
use super::fixtures::Registry;
use super::fixtures::dockerd::Dockerd;
use super::{ALICE, REPO, USERS};

/// One test's world: hubint's environment, a registry holding one image,
/// an auth file that sends the registry to hubint, a work dir.
pub struct Setup {
    pub env: TestEnv,
    /// Kept for its lifetime: the registry stops when dropped.
    _registry: Registry,
    pub host: String,
    /// `HOST/hubint/hello:v1`
    pub image: String,
    /// skopeo/podman/buildah `--authfile`: `credHelpers` for the registry.
    pub authfile: PathBuf,
    /// The clients' storage (podman, buildah, dockerd, pulls).
    pub work: PathBuf,
    pub pulls: AtomicUsize,
}

pub fn setup() -> Setup {
    common::require_keyring();
    let env = TestEnv::new();
    let registry = Registry::start_users(&USERS);
    let host = registry.url();
    let work = env.root().join("w");
    std::fs::create_dir_all(&work).unwrap();
    let authfile = env.home.join("auth.json");
    let config = serde_json::json!({"credHelpers": {&host: "hubint"}});
    std::fs::write(&authfile, config.to_string()).unwrap();
    let s = Setup {
        image: format!("{host}/{REPO}"),
        env,
        _registry: registry,
        host,
        authfile,
        work,
        pulls: AtomicUsize::new(0),
    };
    push_image(&s);
    s
}

pub fn ok(out: Output, what: &str) -> Output {
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}{}",
        out.status,
        stdout(&out),
        stderr(&out)
    );
    out
}

/// A one-layer image made here (there is no network), pushed as alice.
fn push_image(s: &Setup) {
    let root = s.work.join("rootfs");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("hello.txt"), "hello from hubint\n").unwrap();
    let layer = s.work.join("layer.tar");
    let tar = Command::new("tar")
        .arg("-C")
        .arg(&root)
        .arg("-cf")
        .arg(&layer)
        .arg("hello.txt")
        .output()
        .unwrap();
    ok(tar, "tar");
    let creds = format!("{}:{}", ALICE.0, ALICE.1);
    let copy = s.env.program(
        "skopeo",
        &[
            "copy",
            "--insecure-policy",
            "--dest-tls-verify=false",
            "--dest-creds",
            &creds,
            &format!("tarball:{}", layer.display()),
            &format!("docker://{}", s.image),
        ],
    );
    ok(run(copy, None), "pushing the test image");
}

pub fn run(mut cmd: Command, stdin: Option<&str>) -> Output {
    match stdin {
        Some(text) => common::feed(cmd, text),
        None => cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("spawn"),
    }
}

pub fn text(out: &Output) -> String {
    format!("{}{}", stdout(out), stderr(out))
}

/// The container tools under test.
pub enum Client {
    Skopeo,
    Podman,
    Buildah,
    Docker(Dockerd),
    /// The docker-credential-helpers Go client, built for this test.
    Go(PathBuf),
}

impl Client {
    /// The client's command with its global options (storage in the work
    /// dir) and `HUBINT_SUBSCRIPTION` when scoped.
    pub fn command(&self, s: &Setup, sub: Option<&str>, args: &[&str]) -> Command {
        let dir = |name: &str| s.work.join(name).display().to_string();
        let (program, mut all): (String, Vec<String>) = match self {
            Client::Skopeo => ("skopeo".into(), vec![]),
            Client::Podman => (
                "podman".into(),
                [
                    "--root",
                    &dir("podman-root"),
                    "--runroot",
                    &dir("podman-run"),
                    "--tmpdir",
                    &dir("podman-tmp"),
                    "--storage-driver",
                    "vfs",
                    "--cgroup-manager",
                    "cgroupfs",
                    "--events-backend",
                    "file",
                ]
                .map(String::from)
                .to_vec(),
            ),
            Client::Buildah => (
                "buildah".into(),
                [
                    "--root",
                    &dir("buildah-root"),
                    "--runroot",
                    &dir("buildah-run"),
                    "--storage-driver",
                    "vfs",
                ]
                .map(String::from)
                .to_vec(),
            ),
            Client::Docker(d) => ("docker".into(), vec!["-H".into(), d.host()]),
            Client::Go(bin) => (bin.display().to_string(), vec![common::HELPER.to_string()]),
        };
        all.extend(args.iter().map(|a| a.to_string()));
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let mut cmd = s.env.program(program, &all);
        cmd.env("DOCKER_CONFIG", s.env.home.join("docker"));
        if let Some(sub) = sub {
            cmd.env("HUBINT_SUBSCRIPTION", sub);
        }
        cmd
    }

    fn authfile(s: &Setup) -> String {
        s.authfile.display().to_string()
    }

    pub fn login(&self, s: &Setup, sub: Option<&str>, (user, password): (&str, &str)) -> Output {
        let auth = Client::authfile(s);
        let args: Vec<&str> = match self {
            Client::Docker(_) => vec!["login", "-u", user, "--password-stdin", &s.host],
            Client::Go(_) => vec!["store", &s.host, user],
            _ => vec![
                "login",
                "--authfile",
                &auth,
                "--tls-verify=false",
                "-u",
                user,
                "--password-stdin",
                &s.host,
            ],
        };
        run(self.command(s, sub, &args), Some(password))
    }

    pub fn logout(&self, s: &Setup, sub: Option<&str>) -> Output {
        let auth = Client::authfile(s);
        let args: Vec<&str> = match self {
            Client::Docker(_) => vec!["logout", &s.host],
            Client::Go(_) => vec!["erase", &s.host],
            _ => vec!["logout", "--authfile", &auth, &s.host],
        };
        run(self.command(s, sub, &args), None)
    }

    /// Pull the image (the Go client: `get` the credentials).
    pub fn pull(&self, s: &Setup, sub: Option<&str>) -> Output {
        let auth = Client::authfile(s);
        let n = s.pulls.fetch_add(1, Ordering::SeqCst);
        let dest = format!("dir:{}", s.work.join(format!("pull-{n}")).display());
        let src = format!("docker://{}", s.image);
        let args: Vec<&str> = match self {
            Client::Skopeo => vec![
                "copy",
                "--authfile",
                &auth,
                "--src-tls-verify=false",
                &src,
                &dest,
            ],
            Client::Podman => vec!["pull", "--authfile", &auth, "--tls-verify=false", &s.image],
            // buildah's default policy is "missing": ask the registry always.
            Client::Buildah => vec![
                "pull",
                "--policy=always",
                "--authfile",
                &auth,
                "--tls-verify=false",
                &s.image,
            ],
            Client::Docker(_) => vec!["pull", &s.image],
            Client::Go(_) => vec!["get", &s.host],
        };
        run(self.command(s, sub, &args), None)
    }
}
