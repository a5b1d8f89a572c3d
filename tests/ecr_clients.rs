//! Amazon ECR through real clients, with moto's server (tests/common/aws.rs)
//! at the real API host behind an HTTPS proxy that holds a test CA's
//! certificate: skopeo pushes to and pulls from a real `docker-registry`
//! (whose htpasswd user `AWS` has the password moto mints) through the
//! credential helper, and hubint serves what Debian's
//! docker-credential-ecr-login serves.

#[path = "common/aws.rs"]
mod aws;
mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use aws::{Aws, HOST, MOTO_PASSWORD, add_ecr, add_ecr_chain, env_for, text};
use common::TestEnv;
use common::creds;

/// A `docker-registry` on a free 127.0.0.1 port whose htpasswd user `AWS`
/// has moto's password; killed when dropped.
struct Registry {
    child: Child,
    port: u16,
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Registry {
    fn start(dir: &Path) -> Registry {
        let hash = Command::new("htpasswd")
            .args(["-Bbn", "AWS", MOTO_PASSWORD])
            .output()
            .unwrap();
        assert!(hash.status.success());
        std::fs::write(dir.join("htpasswd"), &hash.stdout).unwrap();
        let config = dir.join("registry.yml");
        std::fs::write(
            &config,
            format!(
                "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: {}\n\
                 http:\n  addr: 127.0.0.1:0\n  secret: hubint-ecr\n  relativeurls: true\n\
                 auth:\n  htpasswd:\n    realm: hubint-ecr\n    path: {}\n",
                dir.join("storage").display(),
                dir.join("htpasswd").display()
            ),
        )
        .unwrap();
        let mut child = Command::new("docker-registry")
            .arg("serve")
            .arg(&config)
            .env_clear()
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start docker-registry");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on 127.0.0.1:").nth(1) {
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = tx.send(port.parse::<u16>().ok());
                }
            }
        });
        let port = rx.recv_timeout(Duration::from_secs(60)).ok().flatten();
        let port = port.expect("docker-registry did not start");
        Registry { child, port }
    }
}

/// skopeo pushes to and pulls from the ECR host name: an HTTPS proxy (the
/// counting proxy, `--registry`) ends TLS with a test CA's certificate and
/// tunnels to the local `docker-registry`, whose user `AWS` has moto's
/// password.
#[test]
fn skopeo_pushes_and_pulls_through_the_helper_with_a_minted_token() {
    needs_keyring!();
    needs_commands!("docker-registry", "htpasswd", "skopeo", "openssl");
    let dir = tempfile::tempdir().unwrap();
    let (ca, leaf, key) = certificates(dir.path(), &["api.ecr.us-east-1.amazonaws.com", HOST]);
    let registry = Registry::start(dir.path());
    let port = registry.port.to_string();
    let aws = Aws::start_with(&[
        Path::new("--tls"),
        &leaf,
        &key,
        Path::new("--registry"),
        Path::new(&port),
    ]);
    aws.expire_in(12 * 3600);
    let env = env_for(&aws)
        .with_env("HTTPS_PROXY", &aws.endpoint())
        .with_env("NO_PROXY", "127.0.0.1")
        .with_env("SSL_CERT_FILE", ca.to_str().unwrap());
    let work = env.root().join("ecr");
    std::fs::create_dir_all(work.join("rootfs")).unwrap();
    add_ecr(&env, "ecr", HOST);
    let auth = work.join("auth.json");
    let auth = auth.to_str().unwrap();
    let out = env.run(&["docker-config", "--output", auth], "");
    assert!(out.status.success(), "{}", text(&out));

    // A one-layer image from a local tarball, pushed and pulled back.
    std::fs::write(work.join("rootfs/hello.txt"), "hello from ecr\n").unwrap();
    let layer = work.join("layer.tar");
    let tar = Command::new("tar")
        .arg("-C")
        .arg(work.join("rootfs"))
        .arg("-cf")
        .arg(&layer)
        .arg("hello.txt")
        .status()
        .unwrap();
    assert!(tar.success());
    let image = format!("docker://{HOST}/team/hello:v1");
    let skopeo = |args: &[&str]| {
        let mut all = vec!["--insecure-policy"];
        all.extend_from_slice(args);
        env.program("skopeo", &all).output().unwrap()
    };
    let tarball = format!("tarball:{}", layer.display());
    let out = skopeo(&[
        "copy",
        "--dest-tls-verify=false",
        "--authfile",
        auth,
        &tarball,
        &image,
    ]);
    assert!(out.status.success(), "push: {}", text(&out));
    let back = format!("oci:{}:v1", work.join("pulled").display());
    let out = skopeo(&[
        "copy",
        "--src-tls-verify=false",
        "--authfile",
        auth,
        &image,
        &back,
    ]);
    assert!(out.status.success(), "pull: {}", text(&out));

    // verify (through the same proxy, trusting the test CA) and
    // docker-config --inline serve the minted token too.
    let out = env.run(&["verify", "ecr"], "");
    assert!(out.status.success(), "{}", text(&out));
    // `edit --verify` checks a token minted from the keys, not the keys.
    let out = env.run(
        &["edit", "ecr", "--email", "ops@example.com", "--verify"],
        "",
    );
    assert!(out.status.success(), "edit --verify: {}", text(&out));
    let inline = work.join("inline.json");
    let out = env.run(
        &[
            "docker-config",
            "--inline",
            "--output",
            inline.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out));
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&inline).unwrap()).unwrap();
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("AWS:{MOTO_PASSWORD}"));
    assert_eq!(config["auths"][HOST]["auth"], encoded.as_str(), "{config}");
    // The token was minted once and then served from the cache.
    assert_eq!(aws.calls(), 1);

    // Without the helper's token the registry refuses.
    let anonymous = skopeo(&["inspect", "--tls-verify=false", &image]);
    assert!(!anonymous.status.success());
}

/// A test CA and a certificate signed by it for `host`: (ca.pem, leaf.pem, leaf.key).
fn certificates(dir: &Path, hosts: &[&str]) -> (PathBuf, PathBuf, PathBuf) {
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "openssl {args:?}: {}", text(&out));
    };
    let subject = format!("/CN={}", hosts[0]);
    let names: Vec<String> = hosts.iter().map(|h| format!("DNS:{h}")).collect();
    std::fs::write(
        dir.join("ext"),
        format!(
            "subjectAltName={}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
            names.join(",")
        ),
    )
    .unwrap();
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=hubint-test-ca",
    ]);
    openssl(&[
        "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj",
        &subject,
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "leaf.pem",
        "-days",
        "2",
        "-extfile",
        "ext",
    ]);
    (
        dir.join("ca.pem"),
        dir.join("leaf.pem"),
        dir.join("leaf.key"),
    )
}

/// Parity with Debian's amazon-ecr-credential-helper, which has no endpoint
/// override: both reach moto at the real API host through an HTTPS proxy
/// that holds a test CA's certificate, with the same AWS default chain.
#[test]
fn hubint_serves_what_docker_credential_ecr_login_serves() {
    needs_keyring!();
    needs_commands!("docker-credential-ecr-login", "openssl");
    let host = "210987654321.dkr.ecr.us-east-1.amazonaws.com";
    let dir = tempfile::tempdir().unwrap();
    let (ca, leaf, key) = certificates(dir.path(), &["api.ecr.us-east-1.amazonaws.com"]);
    let aws = Aws::start_with(&[Path::new("--tls"), &leaf, &key]);
    aws.expire_in(12 * 3600);
    let ca = ca.to_str().unwrap();
    let env = TestEnv::new()
        .with_env("HTTPS_PROXY", &aws.endpoint())
        .with_env("SSL_CERT_FILE", ca)
        .with_env("AWS_CA_BUNDLE", ca)
        .with_env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
        .with_env(
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        )
        .with_env("AWS_REGION", "us-east-1");
    add_ecr_chain(&env, "ecr", host);

    let upstream = |env: &TestEnv| {
        let out = common::feed(env.program("docker-credential-ecr-login", &["get"]), host);
        assert!(out.status.success(), "{}", text(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let want = creds(host, "AWS", "210987654321-auth-token");
    let theirs = upstream(&env);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&theirs).unwrap(),
        serde_json::from_str::<serde_json::Value>(&want).unwrap(),
    );
    assert_eq!(env.helper_get(host), (0, want.clone()));
    assert_eq!(aws.calls(), 2);
    // Both cache: warm gets make no call.
    assert_eq!(upstream(&env), theirs);
    assert_eq!(env.helper_get(host), (0, want));
    assert_eq!(aws.calls(), 2);
    // Upstream's cache is a plaintext file; hubint's is in the secret store.
    let cache = std::fs::read_to_string(env.root().join("home/.ecr/cache.json")).unwrap();
    assert!(cache.contains("AuthorizationToken"), "{cache}");
    env.assert_no_password_in_db("210987654321-auth-token");
}
