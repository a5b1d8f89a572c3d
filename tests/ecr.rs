//! Amazon ECR with minted tokens, against moto's server (PyPI `moto[server]`,
//! in the venv `tests/run` creates) behind a counting proxy
//! (`tests/ecr/aws.py`), a real `docker-registry` whose htpasswd user `AWS`
//! has the password moto mints, and skopeo through the credential helper.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::TestEnv;
use common::creds;

/// moto's `GetAuthorizationToken` password for its default account.
const MOTO_PASSWORD: &str = "123456789012-auth-token";
const KEY_ID: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// An ECR host of moto's default account (the registry host names the
/// account and region, as the catalog requires).
const HOST: &str = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

/// moto's server behind the counting proxy; stopped when dropped.
struct Aws {
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
    fn start() -> Aws {
        Aws::start_with(&[])
    }

    /// With `--tls CERT KEY`: also an HTTPS (CONNECT) proxy for the real
    /// ECR API host.
    fn start_with(args: &[&Path]) -> Aws {
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

    fn endpoint(&self) -> String {
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
    fn calls(&self) -> u32 {
        self.control("GET", "/_hubint/count")
            .trim()
            .parse()
            .unwrap()
    }

    /// Tokens expire `secs` from now (moto's own answer is long expired).
    fn expire_in(&self, secs: u64) {
        self.control("POST", &format!("/_hubint/expires/{secs}"));
    }

    fn mode(&self, mode: &str) {
        self.control("POST", &format!("/_hubint/mode/{mode}"));
    }
}

fn env_for(aws: &Aws) -> TestEnv {
    TestEnv::new()
        .with_env("AWS_ENDPOINT_URL_ECR", &aws.endpoint())
        .with_env("AWS_REGION", "us-east-1")
}

/// The access key id as the username, the secret access key as the secret.
fn add_ecr(env: &TestEnv, name: &str, url: &str) {
    add_ecr_as(env, name, url, KEY_ID, SECRET_KEY);
}

fn add_ecr_as(env: &TestEnv, name: &str, url: &str, username: &str, keys: &str) {
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
fn add_ecr_chain(env: &TestEnv, name: &str, url: &str) {
    let out = env.run(&["add", "--type", "ecr", "--name", name, "--url", url], "");
    assert!(out.status.success(), "{}", text(&out));
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn get_mints_a_token_and_caches_it_until_the_margin() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws);
    add_ecr(&env, "ecr", HOST);
    let want = creds(HOST, "AWS", MOTO_PASSWORD);

    // moto's token is long expired: served, never cached.
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(aws.calls(), 2);

    // Ten minutes left is inside the margin: still minted every time.
    aws.expire_in(600);
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(aws.calls(), 4);

    // A 12-hour token is cached: the warm get makes no AWS call, and every
    // command that serves the password (env too) uses the cache.
    aws.expire_in(12 * 3600);
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    assert_eq!(aws.calls(), 5);
    assert_eq!(env.helper_get(HOST), (0, want.clone()));
    let out = env.run(&["env", "ecr"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains(MOTO_PASSWORD), "{}", text(&out));
    assert_eq!(aws.calls(), 5);

    // The token and the keys are in the secret store, never in SQLite.
    env.assert_no_password_in_db(MOTO_PASSWORD);
    env.assert_no_password_in_db("wJalrXUtnFEMI");
}

#[test]
fn failures_are_one_sentence_with_the_fix_exit_5_or_1_in_the_helper() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws);
    add_ecr(&env, "ecr", HOST);

    aws.mode("deny");
    let (code, out) = env.helper_get(HOST);
    assert_eq!(code, 1);
    assert!(out.contains("AWS refused the keys"), "{out}");
    let out = env.run(&["env", "ecr"], "");
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(
        text(&out).contains("hint: check the access key id"),
        "{}",
        text(&out)
    );

    aws.mode("throttle");
    let out = env.run(&["env", "ecr"], "");
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(text(&out).contains("throttling"), "{}", text(&out));

    // A stopped endpoint: a plain sentence at once, no hang.
    drop(aws);
    let out = env.run(&["env", "ecr"], "");
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(
        text(&out).contains("cannot reach the ECR endpoint"),
        "{}",
        text(&out)
    );
    let (code, out) = env.helper_get(HOST);
    assert_eq!(code, 1);
    assert!(out.contains("cannot reach the ECR endpoint"), "{out}");
}

#[test]
fn the_default_credential_chain_reads_the_profile() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws).with_env("AWS_PROFILE", "ci");
    add_ecr_chain(&env, "ecr", HOST);
    // No keys anywhere: one sentence naming the fix.
    let (code, out) = env.helper_get(HOST);
    assert_eq!(code, 1);
    assert!(out.contains("found no AWS credentials"), "{out}");
    let aws_dir = env.root().join("home/.aws");
    std::fs::create_dir_all(&aws_dir).unwrap();
    std::fs::write(
        aws_dir.join("credentials"),
        "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s3cr3t\n",
    )
    .unwrap();
    let want = creds(HOST, "AWS", MOTO_PASSWORD);
    assert_eq!(env.helper_get(HOST), (0, want));
    assert_eq!(aws.calls(), 1);
}

#[test]
fn an_ecr_host_names_the_account_and_region() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws);
    let host = "210987654321.dkr.ecr.us-east-1.amazonaws.com";
    add_ecr(&env, "ecr", host);
    let want = creds(host, "AWS", "210987654321-auth-token");
    assert_eq!(env.helper_get(host), (0, want.clone()));

    // Username `AWS` and ACCESS_KEY_ID:SECRET_ACCESS_KEY as the secret:
    // the registry gets `AWS` and the token too, in env as well.
    let other = "111122223333.dkr.ecr.us-east-1.amazonaws.com";
    add_ecr_as(
        &env,
        "by-key-id",
        other,
        "AWS",
        &format!("{KEY_ID}:{SECRET_KEY}"),
    );
    let want = creds(other, "AWS", "111122223333-auth-token");
    assert_eq!(env.helper_get(other), (0, want));
    let out = env.run(&["env", "by-key-id"], "");
    let vars = text(&out);
    assert!(
        vars.contains("BYKEYID_INTEGRATION_USERNAME='AWS'"),
        "{vars}"
    );
    assert!(vars.contains("111122223333-auth-token"), "{vars}");
}

#[test]
fn a_docker_login_never_replaces_the_aws_keys() {
    needs_keyring!();
    let aws = Aws::start();
    let env = env_for(&aws);
    // Username `AWS`, as `aws ecr get-login-password | docker login -u AWS`
    // sends it: the same username as the integration's.
    add_ecr_as(&env, "ecr", HOST, "AWS", &format!("{KEY_ID}:{SECRET_KEY}"));
    let json =
        serde_json::json!({"ServerURL": HOST, "Username": "AWS", "Secret": "a-12-hour-token"});
    let out = env.run_helper(&["store"], &json.to_string());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("mints its own tokens"), "{said}");
    // The keys are still there: get mints as before, and nothing was added.
    let want = creds(HOST, "AWS", MOTO_PASSWORD);
    assert_eq!(env.helper_get(HOST), (0, want));
    let list = env.run(&["list", "--json"], "");
    assert_eq!(
        text(&list).matches("\"name\"").count(),
        1,
        "{}",
        text(&list)
    );
}

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

/// An endpoint that accepts the connection and never answers: the mint
/// gives up after its deadline with one sentence, never hangs.
#[test]
fn a_silent_endpoint_times_out() {
    needs_keyring!();
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", silent.local_addr().unwrap());
    let env = TestEnv::new()
        .with_env("AWS_ENDPOINT_URL_ECR", &endpoint)
        .with_env("AWS_REGION", "us-east-1");
    add_ecr(&env, "ecr", HOST);
    let started = std::time::Instant::now();
    let out = env.run(&["env", "ecr"], "");
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(
        text(&out).contains("did not answer in time"),
        "{}",
        text(&out)
    );
    assert!(started.elapsed() < Duration::from_secs(60));
    drop(silent);
}
