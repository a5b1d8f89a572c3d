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
    /// The OS keyring if there is one, else the encrypted file (with a
    /// notice). A keyring that is there but slow fails the command.
    Auto,
    Keyring,
    File,
}

crate::words::word_enum!(setting StoreChoice {
    Auto => "auto",
    Keyring => "keyring",
    File => "file",
});

impl StoreChoice {
    /// The store this choice names, or `None` for auto.
    pub fn kind(self) -> Option<StoreKind> {
        match self {
            StoreChoice::Auto => None,
            StoreChoice::Keyring => Some(StoreKind::Keyring),
            StoreChoice::File => Some(StoreKind::File),
        }
    }
}

/// Which catalog hubint works on: the local database (and the local secret
/// stores) or the team store on OpenBao/Vault (`crate::team`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreMode {
    Local,
    Team,
}

crate::words::word_enum!(setting StoreMode {
    Local => "local",
    Team => "team",
});

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
