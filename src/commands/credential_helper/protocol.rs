//! The wire format of the Docker credential helper protocol
//! (docker/docker-credential-helpers): what comes in on stdin, what goes out
//! on stdout, and the error messages that clients compare verbatim.

use std::fmt;
use std::io::{Read, Write};

use anyhow::{Context, Result};
use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, Visitor};

use crate::error::Failure;
use crate::limits;
use crate::secret::Secret;

/// Docker compares this string to tell "no credentials" from a failure.
pub const NOT_FOUND: &str = "credentials not found in native keychain";
pub const MISSING_SERVER_URL: &str = "no credentials server URL";
pub const MISSING_USERNAME: &str = "no credentials username";

pub fn not_found() -> anyhow::Error {
    Failure::not_found(NOT_FOUND).into()
}

/// Credentials as `store` receives them and `get` prints them.
#[derive(Serialize)]
pub struct Credentials<'a> {
    #[serde(rename = "ServerURL")]
    pub server_url: &'a str,
    #[serde(rename = "Username")]
    pub username: &'a str,
    #[serde(rename = "Secret")]
    pub secret: &'a str,
}

/// What `store` read: the three fields, owned.
pub struct StoredCredentials {
    pub server_url: String,
    pub username: String,
    pub secret: Secret,
}

/// All of stdin, its lines joined without their line breaks (as upstream
/// reads it). Reading stops after [`limits::HELPER_INPUT`] bytes: more is
/// an error, never a buffer that grows with the input.
fn read_input(input: &mut dyn Read) -> Result<Secret> {
    let bytes = limits::read_bounded(input, limits::HELPER_INPUT)
        .context("cannot read standard input")?
        .ok_or_else(|| {
            Failure::usage(format!(
                "the input on stdin is too long: at most {} (reading stopped there)",
                limits::describe(limits::HELPER_INPUT)
            ))
        })?;
    let raw = std::str::from_utf8(&bytes)
        .map_err(|_| Failure::usage("the input on stdin is not valid UTF-8"))?;
    Ok(Secret::new(raw.lines().collect::<Vec<_>>().concat()))
}

/// The server URL that `get` and `erase` read: stdin, trimmed.
pub fn read_server_url(input: &mut dyn Read) -> Result<String> {
    let text = read_input(input)?;
    let url = text.trim();
    if url.is_empty() {
        return Err(Failure::usage(MISSING_SERVER_URL).into());
    }
    Ok(url.to_string())
}

/// The JSON object that `store` reads. Keys match case-insensitively, as
/// Go's encoding/json does (the last of duplicate keys wins); unknown keys
/// are ignored; `null` is empty. The values go straight into zeroizing
/// strings (no intermediate JSON tree holds the secret), and no error quotes
/// the input.
pub fn read_credentials(input: &mut dyn Read) -> Result<StoredCredentials> {
    let text = read_input(input)?;
    let fields = serde_json::Deserializer::from_str(&text)
        .into_iter::<Fields>()
        .next()
        .unwrap_or_else(|| Err(serde::de::Error::custom("no input")))
        .map_err(|e| Failure::usage(format!("cannot read the credentials JSON: {e}")))?;
    let [server_url, username, secret] = fields.0;
    if server_url.is_empty() {
        return Err(Failure::usage(MISSING_SERVER_URL).into());
    }
    if username.is_empty() {
        return Err(Failure::usage(MISSING_USERNAME).into());
    }
    Ok(StoredCredentials {
        server_url: server_url.to_string(),
        username: username.to_string(),
        secret,
    })
}

/// The fields `store` knows, in this order.
const FIELDS: [&str; 3] = ["ServerURL", "Username", "Secret"];

/// The values of [`FIELDS`] as read.
#[derive(Default)]
struct Fields([Secret; 3]);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(ObjectVisitor)
    }
}

const NOT_AN_OBJECT: &str = "expected an object with ServerURL, Username and Secret";

/// The top level: an object, or an error that does not quote the input.
struct ObjectVisitor;

macro_rules! not_an_object {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> std::result::Result<Fields, E> {
            Err(E::custom(NOT_AN_OBJECT))
        }
    )*};
}

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Fields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(NOT_AN_OBJECT)
    }

    not_an_object!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);

    fn visit_unit<E: de::Error>(self) -> std::result::Result<Fields, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> std::result::Result<Fields, A::Error> {
        Err(de::Error::custom(NOT_AN_OBJECT))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Fields, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<String>()? {
            match FIELDS.iter().position(|f| fold_eq(&key, f)) {
                Some(i) => fields.0[i] = map.next_value_seed(StringField(FIELDS[i]))?,
                None => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(fields)
    }
}

/// One known field: a string (kept in a zeroizing string) or `null`.
struct StringField(&'static str);

impl StringField {
    fn wrong<E: de::Error>(&self, kind: &str) -> E {
        E::custom(format!("{} is {kind}, not a string", self.0))
    }
}

impl<'de> de::DeserializeSeed<'de> for StringField {
    type Value = Secret;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Secret, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StringField {
    type Value = Secret;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} as a string", self.0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Secret, E> {
        Ok(Secret::new(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> std::result::Result<Secret, E> {
        Ok(Secret::new(v))
    }

    fn visit_unit<E: de::Error>(self) -> std::result::Result<Secret, E> {
        Ok(Secret::default())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Secret, E> {
        Err(self.wrong("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Secret, E> {
        Err(self.wrong("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Secret, E> {
        Err(self.wrong("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Secret, E> {
        Err(self.wrong("a number"))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> std::result::Result<Secret, A::Error> {
        Err(self.wrong("an array"))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> std::result::Result<Secret, A::Error> {
        Err(self.wrong("an object"))
    }
}

/// Case-insensitive key match with Go's folding (which also folds the
/// Kelvin sign to `k` and the long s to `s`).
fn fold_eq(key: &str, field: &str) -> bool {
    let fold = |c: char| match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        c => c.to_ascii_lowercase(),
    };
    key.chars().map(fold).eq(field.chars().map(fold))
}

/// One compact JSON value and a newline, as Go's json.Encoder writes it.
pub fn write_json(out: &mut dyn Write, value: &impl Serialize) -> Result<()> {
    let mut bytes = zeroize::Zeroizing::new(serde_json::to_vec(value)?);
    bytes.push(b'\n');
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<StoredCredentials> {
        read_credentials(&mut text.as_bytes())
    }

    #[test]
    fn keys_are_case_insensitive() {
        let c = parse(r#"{"serverurl":"x.io","USERNAME":"u","secret":"s","extra":1}"#).unwrap();
        assert_eq!((c.server_url.as_str(), c.username.as_str()), ("x.io", "u"));
        assert_eq!(c.secret.as_str(), "s");
        let c =
            parse("{\"ServerURL\":\"x.io\",\n\"Username\":\"u\u{17F}\",\"\u{17F}ecret\":\"s\"}")
                .unwrap();
        assert_eq!(c.secret.as_str(), "s");
    }

    #[test]
    fn upstream_errors() {
        let msg = |t: &str| format!("{:#}", parse(t).err().unwrap());
        assert_eq!(msg(r#"{"Username":"u","Secret":"s"}"#), MISSING_SERVER_URL);
        assert_eq!(msg(r#"{"ServerURL":"x","Secret":"s"}"#), MISSING_USERNAME);
        assert_eq!(
            msg(r#"{"ServerURL":"x","Username":null}"#),
            MISSING_USERNAME
        );
        assert!(msg("").contains("cannot read the credentials JSON"));
        assert!(msg("[]").contains("expected an object"));
        assert!(msg(r#"{"ServerURL":1}"#).contains("ServerURL is a number"));
        let url = read_server_url(&mut " https://x.io/v1/ \n".as_bytes()).unwrap();
        assert_eq!(url, "https://x.io/v1/");
        let err = read_server_url(&mut "  \n".as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), MISSING_SERVER_URL);
    }

    #[test]
    fn errors_never_quote_the_input() {
        let msg = |t: &str| format!("{:#}", parse(t).err().unwrap());
        for text in [
            r#""hunter2-secret""#,
            r#"{"ServerURL":"x","Username":"u","Secret":["hunter2-secret"]}"#,
            r#"{"ServerURL":"x","Username":"u","Secret":"hunter2-secret"#,
            r#"{"Secret":"hunter2-secret\q"}"#,
            r#"{"Secret":"hunter2-secret" "x"}"#,
        ] {
            let m = msg(text);
            assert!(!m.contains("hunter2"), "{text}: {m}");
            assert!(m.starts_with("cannot read the credentials JSON"), "{m}");
        }
    }

    #[test]
    fn the_last_of_duplicate_keys_wins() {
        let c = parse(r#"{"ServerURL":"x","Username":"a","username":"b","Secret":"s"}"#).unwrap();
        assert_eq!(c.username, "b");
        let c = parse(r#"{"ServerURL":"x","Username":"u","Secret":"s","Secret":null}"#);
        assert!(c.is_ok(), "an empty secret is the store's business");
    }
}
