//! The part of the AWS default credential chain hubint follows: the
//! environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_SESSION_TOKEN`), then the profile `AWS_PROFILE` (or `default`) of
//! the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, or
//! `~/.aws/credentials`).

use std::path::PathBuf;

use anyhow::Result;

use super::Keys;
use crate::error::Failure;

pub fn keys() -> Result<Keys> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let (Some(id), Some(secret)) = (env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY")) {
        return Ok(Keys {
            access_key_id: id,
            secret_access_key: secret.into(),
            session_token: env("AWS_SESSION_TOKEN").map(Into::into),
        });
    }
    let profile = env("AWS_PROFILE").unwrap_or_else(|| "default".to_string());
    let file = env("AWS_SHARED_CREDENTIALS_FILE")
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|b| b.home_dir().join(".aws/credentials")));
    let text = file.and_then(|f| std::fs::read_to_string(f).ok());
    if let Some(keys) = text.as_deref().and_then(|t| from_profile(t, &profile)) {
        return Ok(keys);
    }
    Err(Failure::store(format!(
        "found no AWS credentials: AWS_ACCESS_KEY_ID is not set and ~/.aws/credentials has no profile '{profile}' with keys"
    ))
    .hint("export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set AWS_PROFILE, or store keys with `hubint integration edit NAME --password-stdin`")
    .into())
}

/// The keys of `[profile]` in an INI credentials file.
fn from_profile(text: &str, profile: &str) -> Option<Keys> {
    let mut inside = false;
    let (mut id, mut secret, mut token) = (None, None, None);
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = section.trim() == profile;
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if inside {
            let value = Some(value.trim().to_string());
            match key.trim() {
                "aws_access_key_id" => id = value,
                "aws_secret_access_key" => secret = value,
                "aws_session_token" => token = value,
                _ => {}
            }
        }
    }
    Some(Keys {
        access_key_id: id.filter(|v| !v.is_empty())?,
        secret_access_key: secret.filter(|v| !v.is_empty())?.into(),
        session_token: token.filter(|v| !v.is_empty()).map(Into::into),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_parse() {
        let text = "[default]\naws_access_key_id = A\naws_secret_access_key = B\n\n[ci]\naws_access_key_id=C\naws_secret_access_key=D\naws_session_token=E\n";
        let k = from_profile(text, "ci").unwrap();
        assert_eq!(k.access_key_id, "C");
        assert_eq!(k.secret_access_key.as_str(), "D");
        assert_eq!(k.session_token.as_deref().map(|s| s.as_str()), Some("E"));
        assert_eq!(from_profile(text, "default").unwrap().access_key_id, "A");
        assert!(from_profile(text, "nope").is_none());
    }
}
