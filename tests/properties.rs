//! Property tests (proptest): name validation, registry normalisation, and
//! the two parsers that read what other programs hand hubint, the
//! credential helper's stdin and docker config files. They must never
//! panic, whatever the bytes, and never quote a secret in an error.
//!
//! `PROPTEST_CASES` raises the number of cases (default 256 per property).

mod common;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use hubint::commands::credential_helper::protocol::read_credentials;
use hubint::commands::import::sources;
use hubint::context::Ctx;
use hubint::dockerconfig::ConfigFile;
use hubint::doctor::docker::inspect;
use hubint::paths::Paths;
use hubint::registry::{DOCKER_HUB, normalize};
use hubint::ui::Ui;
use hubint::validate;
use proptest::prelude::*;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

/// A string made of `alphabet`, `len` characters long.
fn from(alphabet: &'static str, len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(prop::sample::select(chars), len).prop_map(String::from_iter)
}

/// What people type as a registry: scheme, host labels, port, path; and
/// junk around it.
fn registry_like() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec![
        "", "", "https://", "http://", "HTTPS://", "ftp://", "//",
    ]);
    let label = from("abcXYZ019-_", 0..12);
    let host = prop::collection::vec(label, 1..5).prop_map(|l| l.join("."));
    let hub = prop::sample::select(vec![
        "docker.io",
        "index.docker.io",
        "Registry-1.Docker.IO",
        "[::1]",
        "[fe80::1",
        "127.0.0.1",
    ]);
    let host = prop_oneof![3 => host, 1 => hub.prop_map(str::to_string)];
    let port = prop::sample::select(vec!["", "", ":5000", ":0", ":65535", ":65536", ":x", ":"]);
    let path = prop::sample::select(vec![
        "",
        "/",
        "/v1/",
        "/v2/owner/repo",
        "?q=1",
        "#frag",
        "/a b",
    ]);
    let junk = prop::sample::select(vec!["", "", " ", "\t", "user:pw@", "\u{7}", "é"]);
    (junk.clone(), scheme, host, port, path, junk)
        .prop_map(|(a, s, h, p, q, b)| format!("{a}{s}{h}{p}{q}{b}"))
}

fn name_spec(s: &str) -> bool {
    let n = s.chars().count();
    (1..=64).contains(&n)
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

/// Keys that the parsers look for, and others.
fn key() -> impl Strategy<Value = String> {
    let known = prop::sample::select(vec![
        "auths",
        "auth",
        "credHelpers",
        "credsStore",
        "username",
        "password",
        "identitytoken",
        "email",
        "ServerURL",
        "Username",
        "Secret",
        "serverurl",
        "SECRET",
        "docker.io",
        "https://index.docker.io/v1/",
        "quay.io",
        "localhost:5000",
    ]);
    prop_oneof![3 => known.prop_map(str::to_string), 1 => any::<String>(), 1 => registry_like()]
}

/// Any JSON value, with objects keyed mostly by what the parsers look for
/// and strings that are sometimes base64 of `user:password`.
fn json() -> impl Strategy<Value = Value> {
    let auth = (from("abc:", 0..6), from("xyz:", 0..6)).prop_map(|(u, p)| {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"))
    });
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        auth.prop_map(Value::String),
        registry_like().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn ctx() -> Ctx {
    let dir = PathBuf::from("/nonexistent/hubint-proptest");
    let paths = Paths {
        data_dir: dir.clone(),
        config_dir: dir.clone(),
        config_file: dir.join("config.toml"),
    };
    Ctx::new(paths, Ui::detect(true), false)
}

/// Parse `bytes` as a config file, then run everything that reads one:
/// the importer's `auths` and the doctor's inspection. Never panics.
fn read_config(bytes: &[u8]) -> Result<(), String> {
    let path = Path::new("/fuzz/config.json");
    let config =
        ConfigFile::parse(path, Zeroizing::new(bytes.to_vec())).map_err(|e| format!("{e:#}"))?;
    let _ = inspect(&config.root);
    sources::auths(&ctx(), &config)
        .map(drop)
        .map_err(|e| format!("{e:#}"))
}

proptest! {
    #[test]
    fn names_follow_the_documented_rule(s in prop_oneof![any::<String>(), from("aZ09-_.é ;'", 0..70)]) {
        prop_assert_eq!(validate::name(&s).is_ok(), name_spec(&s), "{:?}", s);
    }

    #[test]
    fn normalising_never_panics_and_is_idempotent(s in prop_oneof![any::<String>(), registry_like()]) {
        if let Ok(key) = normalize(&s) {
            prop_assert_eq!(normalize(&key), Ok(key.clone()), "{:?}", s);
            prop_assert!(!key.chars().any(|c| c.is_whitespace() || c.is_control()), "{:?}", key);
            prop_assert!(!key.is_empty());
            if key != DOCKER_HUB {
                prop_assert!(!key.contains('/') && !key.contains('@'), "{:?} from {:?}", key, s);
                prop_assert_eq!(key.to_ascii_lowercase(), key.clone());
            }
        }
    }

    #[test]
    fn helper_stdin_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_credentials(&mut Cursor::new(bytes));
    }

    #[test]
    fn helper_stdin_never_panics_on_json(value in json()) {
        let text = value.to_string();
        let _ = read_credentials(&mut Cursor::new(text.into_bytes()));
    }

    #[test]
    fn helper_stdin_round_trips_and_never_quotes_the_secret(
        url in registry_like(),
        user in any::<String>(),
        secret in any::<String>(),
        break_at in any::<prop::sample::Index>(),
    ) {
        let secret = format!("SeCrEt{secret}");
        let json = serde_json::json!({"ServerURL": url, "Username": user, "Secret": secret}).to_string();
        match read_credentials(&mut Cursor::new(json.clone().into_bytes())) {
            Ok(c) => {
                // Line breaks are removed from the input first, as upstream does.
                let strip = |s: &str| s.replace(['\n', '\r'], "");
                prop_assert_eq!(c.server_url, strip(&url));
                prop_assert_eq!(c.username, strip(&user));
                prop_assert_eq!(c.secret.as_str(), strip(&secret));
            }
            Err(e) => prop_assert!(!format!("{e:#}").contains("SeCrEt"), "{e:#}"),
        }
        // Cut anywhere: an error, which never quotes the secret.
        let cut = &json.as_bytes()[..break_at.index(json.len())];
        if let Err(e) = read_credentials(&mut Cursor::new(cut.to_vec())) {
            prop_assert!(!format!("{e:#}").contains("SeCrEt"), "{e:#}");
        }
    }

    #[test]
    fn config_files_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_config(&bytes);
    }

    #[test]
    fn config_files_never_panic_on_json(value in json()) {
        let _ = read_config(value.to_string().as_bytes());
    }

    #[test]
    fn config_errors_never_quote_a_password(
        registry in registry_like(),
        user in from("abc", 1..5),
        password in any::<String>(),
        field in prop::sample::select(vec!["auth", "password", "identitytoken"]),
    ) {
        use base64::Engine;
        let password = format!("SeCrEt{password}");
        let value = match field {
            "auth" => base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")),
            _ => password.clone(),
        };
        let json = serde_json::json!({"auths": {registry: {field: value, "username": user}}});
        if let Err(e) = read_config(json.to_string().as_bytes()) {
            prop_assert!(!e.contains("SeCrEt"), "{}", e);
        }
    }
}

/// How many cases ran (for the summary that `tests/run` prints).
#[test]
fn properties_summary() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse::<u32>().ok())
        .unwrap_or(ProptestConfig::default().cases);
    common::summary(&format!(
        "property tests: 8 properties x {cases} cases (names, registry normalisation, credential \
         helper stdin, docker config files): no panic, no secret in an error"
    ));
}
