//! The store a [`TestEnv`](super::TestEnv) runs on: `HUBINT_TEST_STORE`.
//!
//! Unset or `local`: the local stores (SQLite catalog, keyring or file),
//! exactly as ever. `team`: every `TestEnv::new()` is a machine on the team
//! store: one `bao server -dev` per test binary, started on first use and
//! killed when the binary exits (an `atexit` kill, and `PR_SET_PDEATHSIG`
//! from a thread that lives as long as the process), and a fresh `kv-v2`
//! mount per environment (`HUBINT_TEAM_MOUNT`), so tests stay isolated and
//! run in parallel. `tests/run` runs the everyday-command test files a
//! second time this way (its team pass).
//!
//! A test about the local store itself (it opens SQLite or the keyring
//! directly, the file store, moving between local stores) starts with
//! `local_store_only!("why")`: in the team pass it returns at once with a
//! note, which is not a skip.

use std::io::{Read, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{BAO_ROOT, Bao, bao_binary};

/// Which store the test environments use: `local` (default) or `team`.
pub const STORE_ENV: &str = "HUBINT_TEST_STORE";

/// Whether this is the team pass (`HUBINT_TEST_STORE=team`).
pub fn team_pass() -> bool {
    match std::env::var(STORE_ENV).as_deref() {
        Err(_) | Ok("") | Ok("local") => false,
        Ok("team") => true,
        Ok(other) => panic!("{STORE_ENV}={other}: expected local or team"),
    }
}

static SHARED: OnceLock<Bao> = OnceLock::new();

/// The team pass's dev server, started on first use.
pub fn shared_bao() -> &'static Bao {
    SHARED.get_or_init(|| {
        assert!(
            bao_binary().is_some(),
            "{STORE_ENV}=team needs OpenBao: run it under tests/run (HUBINT_TEST_BAO)"
        );
        // PR_SET_PDEATHSIG fires when the spawning *thread* exits: spawn
        // from a thread that never does, so the server dies with the process.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("team-pass-bao".into())
            .spawn(move || {
                let _ = tx.send(Bao::launch(true));
                loop {
                    std::thread::park();
                }
            })
            .expect("spawn the bao thread");
        let bao = rx.recv().expect("bao server -dev started");
        // SAFETY: `atexit` takes a plain function that lives as long as the program.
        unsafe { atexit(stop_shared) };
        bao
    })
}

unsafe extern "C" {
    fn atexit(f: extern "C" fn()) -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
}

/// Kill the shared server at exit (statics are never dropped).
extern "C" fn stop_shared() {
    if let Some(bao) = SHARED.get() {
        // SAFETY: a plain syscall on our own child.
        unsafe { kill(bao.pid() as i32, 9) };
    }
}

/// A new, empty `kv-v2` mount on `bao` (HTTP, not the CLI: it is on every
/// test's path); its name.
pub fn fresh_mount(bao: &Bao) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = format!("team-pass-{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let body = r#"{"type":"kv","options":{"version":"2"}}"#;
    let (status, reply) = http(bao, "POST", &format!("sys/mounts/{name}"), body);
    assert!(
        status / 100 == 2,
        "enable kv-v2 at {name}: {status} {reply}"
    );
    name
}

/// `METHOD /v1/PATH` as root on `bao` (HTTP/1.0: no chunked replies):
/// the status and the body.
fn http(bao: &Bao, method: &str, path: &str, body: &str) -> (u16, String) {
    let host = bao.addr.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host).expect("connect to bao");
    write!(
        stream,
        "{method} /v1/{path} HTTP/1.0\r\nHost: {host}\r\nX-Vault-Token: {BAO_ROOT}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("write to bao");
    let mut reply = String::new();
    stream.read_to_string(&mut reply).expect("read from bao");
    let (head, body) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bao replied {reply:?}"));
    (status, body.to_string())
}

/// Every document under `prefix` of `mount` (recursively), as
/// `KEY v VERSION DATA` lines; the secrets under `secrets/` only `with_secrets`.
fn dump(bao: &Bao, mount: &str, prefix: &str, with_secrets: bool, out: &mut Vec<u8>) {
    let (status, body) = http(
        bao,
        "GET",
        &format!("{mount}/metadata/{prefix}?list=true"),
        "",
    );
    if status == 404 {
        return;
    }
    assert_eq!(status, 200, "list {mount}/{prefix}: {body}");
    let list: serde_json::Value = serde_json::from_str(&body).expect("list JSON");
    let mut keys: Vec<String> = list["data"]["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|k| format!("{prefix}{}", k.as_str().expect("key")))
        .collect();
    keys.sort();
    for key in keys {
        if key == "secrets/" && !with_secrets {
            continue;
        }
        if key.ends_with('/') {
            dump(bao, mount, &key, with_secrets, out);
            continue;
        }
        let (status, body) = http(bao, "GET", &format!("{mount}/data/{key}"), "");
        if status == 404 {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&body).expect("document JSON");
        let data = &doc["data"];
        writeln!(
            out,
            "{key} v{} {}",
            data["metadata"]["version"], data["data"]
        )
        .expect("dump");
    }
}

/// Say that the calling test is about the local store and does not run in
/// the team pass (not a skip).
pub fn note_local_only(why: &str) {
    let line = format!("LOCAL ONLY ({why}): {}\n", super::test_name());
    // Straight to the file descriptor: `eprint!` would be captured.
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Return from the calling test in the team pass (`HUBINT_TEST_STORE=team`):
/// its subject is the local store. `local_store_only!("opens hubint.db");`
#[macro_export]
macro_rules! local_store_only {
    ($why:expr) => {
        if $crate::common::team_pass() {
            $crate::common::note_local_only($why);
            return;
        }
    };
}

impl super::TestEnv {
    /// The value of `var` this environment sets for its commands.
    pub fn var(&self, var: &str) -> Option<&str> {
        self.vars
            .iter()
            .rev()
            .find(|(name, _)| name == var)
            .map(|(_, value)| value.as_str())
    }

    /// Whether this environment is on the team pass's store.
    pub fn on_team(&self) -> bool {
        team_pass() && self.var("HUBINT_STORE") == Some("team")
    }

    /// The secret hubint stored for integration `id`, read behind its back:
    /// from the keyring, or in the team pass from the team mount
    /// (`secrets/<id>`, field `password`).
    pub fn stored_secret(&self, id: &str) -> Option<String> {
        if !self.on_team() {
            return super::keyring_secret(id);
        }
        let mount = self.var("HUBINT_TEAM_MOUNT").expect("a team mount");
        let out = shared_bao().run(&[
            "kv",
            "get",
            &format!("-mount={mount}"),
            "-field=password",
            &format!("secrets/{id}"),
        ]);
        out.status
            .success()
            .then(|| String::from_utf8(out.stdout).expect("UTF-8 secret"))
    }

    /// Remove the stored secret of integration `id` behind hubint's back.
    pub fn clear_stored_secret(&self, id: &str) {
        if !self.on_team() {
            return super::keyring_clear(id);
        }
        let mount = self.var("HUBINT_TEAM_MOUNT").expect("a team mount");
        shared_bao().ok(&[
            "kv",
            "metadata",
            "delete",
            &format!("-mount={mount}"),
            &format!("secrets/{id}"),
        ]);
    }

    /// In the team pass, the catalog's documents on the team mount (with
    /// their versions; the secrets too `with_secrets`), the counterpart of
    /// the database's bytes; `None` on the local stores.
    pub fn team_catalog(&self, with_secrets: bool) -> Option<Vec<u8>> {
        if !self.on_team() {
            return None;
        }
        let mount = self.var("HUBINT_TEAM_MOUNT").expect("a team mount");
        let mut out = Vec::new();
        dump(shared_bao(), mount, "", with_secrets, &mut out);
        Some(out)
    }

    /// Where hubint says the passwords are kept: `the OS keyring`, or in
    /// the team pass `the team store`.
    pub fn store_described(&self) -> &'static str {
        if self.on_team() {
            "the team store"
        } else {
            "the OS keyring"
        }
    }

    /// How many stored secrets integration `id` has: keyring items, or in
    /// the team pass 0 or 1.
    pub fn stored_items(&self, id: &str) -> usize {
        if !self.on_team() {
            return super::keyring_items(id);
        }
        usize::from(self.stored_secret(id).is_some())
    }
}

/// What the team store says where the keyring's wording is in the snapshots
/// of the local-store tests: `(team, local)`, exact strings.
const TEAM_WORDING: &[(&str, &str)] = &[
    (r#""secret_store": "team""#, r#""secret_store": "keyring""#),
    (
        "password stored in the team store.",
        "password stored in the OS keyring.",
    ),
    ("(stored in team)", "(stored in keyring)"),
    ("\tteam\t", "\tkeyring\t"),
    (
        "was already missing from the team store",
        "was already missing from the OS keyring",
    ),
];

/// In the team pass, map the team store's wording onto the keyring's
/// (exact strings), so one inline snapshot holds for both stores; the
/// keyring's own wording would be a bug there, and is made to differ.
pub(super) fn add_team_filters(settings: &mut insta::Settings) {
    settings.add_filter(&super::regex_escape(&shared_bao().addr), "[TEAM]");
    settings.add_filter(r"team-pass-\d+", "[MOUNT]");
    for (team, local) in TEAM_WORDING {
        settings.add_filter(
            &super::regex_escape(local),
            format!("[keyring wording in the team pass: {local}]"),
        );
        settings.add_filter(&super::regex_escape(team), *local);
    }
}
