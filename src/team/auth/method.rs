//! The `team-auth` setting: how hubint gets its client token.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// The auth method of the team store (`team-auth`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// A token the user already has: `VAULT_TOKEN`, `BAO_TOKEN`, `~/.vault-token`.
    #[default]
    Token,
    /// AppRole: `team-role-id` and the secret_id in `team-secret-id-file`.
    AppRole,
    /// JWT/OIDC (CI): `team-jwt-role` and the token in `team-jwt-file`.
    Jwt,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Token => "token",
            Method::AppRole => "approle",
            Method::Jwt => "jwt",
        }
    }

    /// The mount of the auth method when `team-auth-mount` is empty.
    pub fn default_mount(self) -> &'static str {
        self.as_str()
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "token" => Ok(Method::Token),
            "approle" => Ok(Method::AppRole),
            "jwt" => Ok(Method::Jwt),
            other => Err(format!("'{other}' is not one of token, approle, jwt")),
        }
    }
}

impl Serialize for Method {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Method {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(de::Error::custom)
    }
}
