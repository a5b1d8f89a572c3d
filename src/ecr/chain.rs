//! The part of the AWS default credential chain hubint follows: the
//! environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_SESSION_TOKEN`), then the keys of the profile `AWS_PROFILE` (or
//! `default`) in the shared credentials file, then in the config file
//! (see [`super::profile`]).

use anyhow::Result;
use zeroize::Zeroizing;

use super::Keys;
use super::profile::Profile;
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
    let profile = Profile::current();
    if let Some(keys) = from_profile(&profile) {
        return Ok(keys);
    }
    Err(Failure::store(format!(
        "found no AWS credentials: AWS_ACCESS_KEY_ID is not set and the profile '{}' in ~/.aws/credentials and ~/.aws/config has no keys",
        profile.name
    ))
    .hint("export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set AWS_PROFILE, or store keys with `hubint integration edit NAME --password-stdin`")
    .into())
}

/// The profile's keys, when it has both halves.
fn from_profile(profile: &Profile) -> Option<Keys> {
    Some(Keys {
        access_key_id: profile.get("aws_access_key_id")?.to_string(),
        secret_access_key: Zeroizing::new(profile.get("aws_secret_access_key")?.to_string()),
        session_token: profile
            .get("aws_session_token")
            .map(|t| Zeroizing::new(t.to_string())),
    })
}
