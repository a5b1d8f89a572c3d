//! The wire format of the Docker credential helper protocol
//! (docker/docker-credential-helpers): what comes in on stdin, what goes out
//! on stdout, and the error messages that clients compare verbatim.

use std::io::{Read, Write};

use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::Value;

use crate::error::Failure;
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
/// reads it).
fn read_input(input: &mut dyn Read) -> Result<Secret> {
    let mut raw = Secret::new(String::new());
    input
        .read_to_string(&mut raw)
        .context("cannot read standard input")?;
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
/// Go's encoding/json does; unknown keys are ignored; `null` is empty.
pub fn read_credentials(input: &mut dyn Read) -> Result<StoredCredentials> {
    let text = read_input(input)?;
    let value = serde_json::Deserializer::from_str(&text)
        .into_iter::<Value>()
        .next()
        .unwrap_or_else(|| Err(serde::de::Error::custom("no input")))
        .map_err(|e| Failure::usage(format!("cannot read the credentials JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(Failure::usage(
            "cannot read the credentials JSON: expected an object with ServerURL, Username and Secret",
        )
        .into());
    };
    let mut fields: [(&str, Secret); 3] = [
        ("ServerURL", Secret::default()),
        ("Username", Secret::default()),
        ("Secret", Secret::default()),
    ];
    for (key, value) in &map {
        let Some((field, slot)) = fields.iter_mut().find(|(f, _)| fold_eq(key, f)) else {
            continue;
        };
        match value {
            Value::String(s) => *slot = Secret::new(s.clone()),
            Value::Null => {}
            other => {
                return Err(Failure::usage(format!(
                    "cannot read the credentials JSON: {field} is {}, not a string",
                    crate::dockerconfig::kind(other)
                ))
                .into());
            }
        }
    }
    let [(_, server_url), (_, username), (_, secret)] = fields;
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
}
