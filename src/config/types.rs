//! The types of the settings' values. Each deserializes from a string as
//! well as from its TOML type, so that an environment variable, `config set`
//! and the file are checked by the same code, with the same message.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::secret::StoreKind;

/// Where new secrets go when `add` is not given `--secret-store`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreChoice {
    /// The OS keyring if it answers, else the encrypted file (with a notice).
    Auto,
    Keyring,
    File,
}

impl StoreChoice {
    pub fn as_str(self) -> &'static str {
        match self {
            StoreChoice::Auto => "auto",
            StoreChoice::Keyring => "keyring",
            StoreChoice::File => "file",
        }
    }

    /// The store this choice names, or `None` for auto.
    pub fn kind(self) -> Option<StoreKind> {
        match self {
            StoreChoice::Auto => None,
            StoreChoice::Keyring => Some(StoreKind::Keyring),
            StoreChoice::File => Some(StoreKind::File),
        }
    }
}

impl fmt::Display for StoreChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for StoreChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "auto" => Ok(StoreChoice::Auto),
            "keyring" => Ok(StoreChoice::Keyring),
            "file" => Ok(StoreChoice::File),
            other => Err(format!("'{other}' is not one of auto, keyring, file")),
        }
    }
}

impl Serialize for StoreChoice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for StoreChoice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(de::Error::custom)
    }
}

/// Which catalog hubint works on: the local database (and the local secret
/// stores) or the team store on OpenBao/Vault (`crate::team`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreMode {
    Local,
    Team,
}

impl StoreMode {
    pub fn as_str(self) -> &'static str {
        match self {
            StoreMode::Local => "local",
            StoreMode::Team => "team",
        }
    }
}

impl FromStr for StoreMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "local" => Ok(StoreMode::Local),
            "team" => Ok(StoreMode::Team),
            other => Err(format!("'{other}' is not one of local, team")),
        }
    }
}

impl Serialize for StoreMode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for StoreMode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(de::Error::custom)
    }
}

/// A number of seconds, more than 0 and at most an hour (the keyring
/// timeout). Written as a whole number when it is one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seconds(f64);

impl Seconds {
    pub const KEYRING_DEFAULT: Seconds = Seconds(5.0);
    const MAX: f64 = 3600.0;

    pub fn duration(self) -> Duration {
        Duration::from_secs_f64(self.0)
    }

    fn checked(secs: f64, shown: &dyn fmt::Display) -> Result<Seconds, String> {
        if secs > 0.0 && secs <= Self::MAX {
            Ok(Seconds(secs))
        } else {
            Err(format!(
                "'{shown}' is not a number of seconds between 0 and 3600"
            ))
        }
    }
}

impl FromStr for Seconds {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let secs = s.trim().parse::<f64>().unwrap_or(f64::NAN);
        Seconds::checked(secs, &s)
    }
}

impl Serialize for Seconds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Seconds;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number of seconds between 0 and 3600")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Seconds, E> {
                Seconds::checked(v, &v).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Seconds, E> {
                Seconds::checked(v as f64, &v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Seconds, E> {
                Seconds::checked(v as f64, &v).map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Seconds, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}
