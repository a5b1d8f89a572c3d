//! What a config file holds, walked once: its `auths` entries and the
//! credential helpers it names (`credsStore`, `credHelpers`), each with its
//! JSON path, or what is malformed there. Import stops at the first
//! malformed place; doctor lists them all and goes on.
//!
//! The secret-bearing keys of an `auths` entry are read ([`credentials`]),
//! detected ([`holds_secret`]), written ([`auth_entry`]) and scrubbed
//! ([`SECRET_KEYS`]) here only.

use std::fmt;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Map, Value, json};

use super::{child, kind, malformed};
use crate::secret::Secret;
use crate::service::TOKEN_USERNAME;

/// The keys of an `auths` entry that hold a secret.
pub const SECRET_KEYS: &[&str] = &["auth", "password", "identitytoken"];

/// A place in a file whose structure is wrong: its JSON path and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub path: String,
    pub why: String,
}

impl Malformed {
    fn not_a(path: String, what: &str, value: &Value) -> Malformed {
        Malformed {
            path,
            why: format!("{} is not {what}", kind(value)),
        }
    }

    /// The error naming `file`, the JSON path and why.
    pub fn error(&self, file: &Path) -> anyhow::Error {
        malformed(file, &self.path, &self.why)
    }
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.why)
    }
}

/// One `auths` entry.
pub struct AuthEntry<'a> {
    /// The key (a registry address, in any spelling).
    pub key: &'a str,
    /// `.auths["quay.io"]`
    pub path: String,
    /// The entry's fields; `None` for `null`.
    pub fields: Option<&'a Map<String, Value>>,
}

/// `credsStore` or one `credHelpers` entry.
pub struct HelperEntry<'a> {
    /// `.credsStore` or `.credHelpers["quay.io"]`
    pub path: String,
    /// The `credHelpers` key; `None` for `credsStore`.
    pub registry: Option<&'a str>,
    /// The helper's name (`pass` for docker-credential-pass); `None` for `null`.
    pub name: Option<&'a str>,
}

/// Everything a config's top-level object holds that hubint reads, in file
/// order.
pub struct Contents<'a> {
    pub auths: Vec<Result<AuthEntry<'a>, Malformed>>,
    /// `credsStore` (unless null or empty), then the `credHelpers` entries.
    pub helpers: Vec<Result<HelperEntry<'a>, Malformed>>,
}

impl<'a> Contents<'a> {
    /// Walk `root`. Never fails: a malformed place is an `Err` item.
    pub fn of(root: &'a Map<String, Value>) -> Contents<'a> {
        Contents {
            auths: auths(root),
            helpers: helpers(root),
        }
    }
}

fn auths(root: &Map<String, Value>) -> Vec<Result<AuthEntry<'_>, Malformed>> {
    match root.get("auths") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(auths)) => auths
            .iter()
            .map(|(key, entry)| {
                let path = child(".auths", key);
                let fields = match entry {
                    Value::Object(fields) => Some(fields),
                    Value::Null => None,
                    other => return Err(Malformed::not_a(path, "an object", other)),
                };
                Ok(AuthEntry { key, path, fields })
            })
            .collect(),
        Some(other) => vec![Err(Malformed::not_a(".auths".into(), "an object", other))],
    }
}

fn helpers(root: &Map<String, Value>) -> Vec<Result<HelperEntry<'_>, Malformed>> {
    let mut found = Vec::new();
    match root.get("credsStore") {
        None | Some(Value::Null) => {}
        Some(Value::String(name)) if name.is_empty() => {}
        Some(Value::String(name)) => found.push(Ok(HelperEntry {
            path: ".credsStore".into(),
            registry: None,
            name: Some(name),
        })),
        Some(other) => found.push(Err(Malformed::not_a(
            ".credsStore".into(),
            "a string",
            other,
        ))),
    }
    match root.get("credHelpers") {
        None | Some(Value::Null) => {}
        Some(Value::Object(helpers)) => {
            for (registry, name) in helpers {
                let path = child(".credHelpers", registry);
                found.push(match name {
                    Value::String(name) => Ok(HelperEntry {
                        path,
                        registry: Some(registry),
                        name: Some(name),
                    }),
                    Value::Null => Ok(HelperEntry {
                        path,
                        registry: Some(registry),
                        name: None,
                    }),
                    other => Err(Malformed::not_a(path, "a string", other)),
                });
            }
        }
        Some(other) => found.push(Err(Malformed::not_a(
            ".credHelpers".into(),
            "an object",
            other,
        ))),
    }
    found
}

impl AuthEntry<'_> {
    /// The string at `name`; `None` if missing, null or empty.
    pub fn field(&self, name: &str) -> Result<Option<&str>, Malformed> {
        match self.fields.and_then(|f| f.get(name)) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(Malformed::not_a(child(&self.path, name), "a string", other)),
        }
    }
}

/// The username and secret an `auths` entry holds: `identitytoken` (as
/// [`TOKEN_USERNAME`]), else `auth` (base64 of `USERNAME:PASSWORD`), else
/// `username` and `password`. `None` for an entry without any (its secret is
/// with `credsStore`).
pub fn credentials(entry: &AuthEntry) -> Result<Option<(String, Secret)>, Malformed> {
    if let Some(token) = entry.field("identitytoken")? {
        return Ok(Some((
            TOKEN_USERNAME.to_string(),
            Secret::new(token.to_string()),
        )));
    }
    if let Some(auth) = entry.field("auth")? {
        return decode_auth(auth).map(Some).map_err(|why| Malformed {
            path: child(&entry.path, "auth"),
            why,
        });
    }
    match (entry.field("username")?, entry.field("password")?) {
        (Some(user), Some(password)) => {
            Ok(Some((user.to_string(), Secret::new(password.to_string()))))
        }
        _ => Ok(None),
    }
}

/// Whether an `auths` entry holds a password, token or `auth`.
pub fn holds_secret(fields: &Map<String, Value>) -> bool {
    SECRET_KEYS
        .iter()
        .any(|k| matches!(fields.get(*k), Some(Value::String(s)) if !s.is_empty()))
}

/// The `auths` entry for a login, as docker writes it: an identity token in
/// `identitytoken`, otherwise `auth`; and the email address if any.
pub fn auth_entry(username: &str, secret: &Secret, email: Option<&str>) -> Value {
    let mut entry = if username == TOKEN_USERNAME {
        json!({ "identitytoken": secret.as_str() })
    } else {
        json!({ "auth": encode_auth(username, secret).as_str() })
    };
    if let Some(email) = email {
        entry["email"] = Value::from(email);
    }
    entry
}

/// The `auth` value of an `auths` entry: base64 of `username:password`.
fn encode_auth(username: &str, secret: &str) -> Secret {
    Secret::new(BASE64.encode(format!("{username}:{secret}")))
}

/// Decode an `auth` value into username and password.
fn decode_auth(auth: &str) -> Result<(String, Secret), String> {
    let bytes = zeroize::Zeroizing::new(
        BASE64
            .decode(auth.trim())
            .map_err(|_| "it is not valid base64".to_string())?,
    );
    let text = std::str::from_utf8(&bytes).map_err(|_| "it does not decode to text".to_string())?;
    match text.split_once(':') {
        Some((user, secret)) => Ok((user.to_string(), Secret::new(secret.to_string()))),
        None => Err("it does not decode to USERNAME:PASSWORD".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_round_trip() {
        let auth = encode_auth("alice", "pa:ss");
        let (user, secret) = decode_auth(&auth).unwrap();
        assert_eq!((user.as_str(), secret.as_str()), ("alice", "pa:ss"));
        assert!(decode_auth("!!").is_err());
        assert!(decode_auth(&BASE64.encode("nocolon")).is_err());
    }

    #[test]
    fn written_entries_read_back() {
        for (user, email) in [("alice", Some("a@example.com")), (TOKEN_USERNAME, None)] {
            let secret = Secret::new("s3cret".to_string());
            let value = auth_entry(user, &secret, email);
            let fields = value.as_object().unwrap();
            assert!(holds_secret(fields));
            let entry = AuthEntry {
                key: "quay.io",
                path: ".auths[\"quay.io\"]".into(),
                fields: Some(fields),
            };
            let (got_user, got_secret) = credentials(&entry).unwrap().unwrap();
            assert_eq!((got_user.as_str(), got_secret.as_str()), (user, "s3cret"));
            assert_eq!(entry.field("email").unwrap(), email);
        }
    }

    #[test]
    fn malformed_places_are_listed_in_file_order() {
        let root: Map<String, Value> = serde_json::from_str(
            r#"{"auths": {"a": 1, "b": null, "c": {"auth": ""}},
                "credsStore": 2, "credHelpers": {"q": null, "r": "pass", "s": []}}"#,
        )
        .unwrap();
        let contents = Contents::of(&root);
        let auths: Vec<String> = contents
            .auths
            .iter()
            .map(|a| match a {
                Ok(a) => format!("{} {}", a.path, a.fields.is_some()),
                Err(m) => m.to_string(),
            })
            .collect();
        assert_eq!(
            auths,
            [
                ".auths.a: a number is not an object",
                ".auths.b false",
                ".auths.c true"
            ]
        );
        let helpers: Vec<String> = contents
            .helpers
            .iter()
            .map(|h| match h {
                Ok(h) => format!("{} {:?}", h.path, h.name),
                Err(m) => m.to_string(),
            })
            .collect();
        assert_eq!(
            helpers,
            [
                ".credsStore: a number is not a string",
                ".credHelpers.q None",
                r#".credHelpers.r Some("pass")"#,
                ".credHelpers.s: an array is not a string",
            ]
        );
    }
}
