//! The typed rows the service hands out and the catalog backends store.
//! Strings from the database, the command line or a JSON file are parsed
//! into these types at the edge; inside, nothing compares strings.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;
use std::time::SystemTime;

use serde::{Serialize, Serializer};

use crate::catalog;
use crate::secret::{Details, Meta, StoreKind};

/// The stable id of an integration: a UUID, the key of its secret in every
/// store (never its name, so a rename keeps it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct IntegrationId(String);

impl IntegrationId {
    /// A fresh id.
    pub fn fresh() -> IntegrationId {
        IntegrationId(uuid::Uuid::new_v4().to_string())
    }

    /// An id as recorded (a row, the pending journal, a store's key).
    pub fn recorded(id: impl Into<String>) -> IntegrationId {
        IntegrationId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for IntegrationId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IntegrationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A subscription's key in the catalog (SQLite: its row id), as the
/// backend gave it; the service never makes one up or does arithmetic on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubscriptionId(i64);

impl SubscriptionId {
    /// The key as stored.
    pub fn recorded(number: i64) -> SubscriptionId {
        SubscriptionId(number)
    }

    /// Its number, for the backend that made it.
    pub fn number(self) -> i64 {
        self.0
    }
}

/// The revision of a row: 1 when inserted, one more on every write. It is
/// the check-and-set token of the one concurrency rule (`updated_at` is kept
/// to the second and cannot tell two edits in one second apart), and the
/// version a Vault KV v2 backend passes as `cas`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Revision(u64);

impl Revision {
    /// The revision of a row just inserted.
    pub const FIRST: Revision = Revision(1);

    /// The revision as stored.
    pub fn recorded(number: u64) -> Revision {
        Revision(number)
    }

    /// Its number.
    pub fn number(self) -> u64 {
        self.0
    }
}

impl Default for Revision {
    fn default() -> Revision {
        Revision::FIRST
    }
}

/// A point in time, to the second, written as RFC 3339 in UTC
/// (`2024-05-01T12:00:00Z`) in the database and in `--json`. It is kept as
/// that text, which sorts as the times do: a list of thousands of rows
/// checks each one as it is read and writes it out again without a
/// calendar computation.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp([u8; 20]);

impl Timestamp {
    /// Now, to the second.
    pub fn now() -> Timestamp {
        Timestamp::at(SystemTime::now())
    }

    fn at(time: SystemTime) -> Timestamp {
        let text = humantime::format_rfc3339_seconds(time).to_string();
        Timestamp(text.as_bytes().try_into().expect("20 bytes of RFC 3339"))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII")
    }

    /// `YYYY-MM-DD HH:MM`, for tables.
    pub fn short(&self) -> String {
        let text = self.as_str();
        let mut short = String::with_capacity(16);
        short.push_str(&text[..10]);
        short.push(' ');
        short.push_str(&text[11..16]);
        short
    }

    /// The text if it is already `YYYY-MM-DDTHH:MM:SSZ` with a real date
    /// and time (as every time this program writes is).
    fn canonical(s: &str) -> Option<[u8; 20]> {
        let b: [u8; 20] = s.as_bytes().try_into().ok()?;
        let seps = [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (19, b'Z'),
        ];
        if seps.iter().any(|&(i, c)| b[i] != c) {
            return None;
        }
        let number = |at: usize, len: usize| {
            b[at..at + len].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let (year, month, day) = (number(0, 4)?, number(5, 2)?, number(8, 2)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        let time_ok = number(11, 2)? < 24 && number(14, 2)? < 60 && number(17, 2)? < 60;
        (year >= 1970 && (1..=days).contains(&day) && time_ok).then_some(b)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.as_str())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Timestamp {
    type Err = anyhow::Error;
    /// The canonical text as it is; any other RFC 3339 time (a space for
    /// the `T`, fractions of a second) written canonically, to the second.
    fn from_str(s: &str) -> anyhow::Result<Timestamp> {
        if let Some(text) = Timestamp::canonical(s) {
            return Ok(Timestamp(text));
        }
        humantime::parse_rfc3339_weak(s)
            .map(Timestamp::at)
            .map_err(|e| anyhow::anyhow!("invalid time '{s}' recorded in the database: {e}"))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A family of the catalog, as a row holds it: compared and written by id.
#[derive(Debug, Clone, Copy)]
pub struct FamilyRef(pub &'static catalog::Family);

/// A type of the catalog (within its family), as a row holds it.
#[derive(Debug, Clone, Copy)]
pub struct TypeRef(pub &'static catalog::IntegrationType);

/// The family and type recorded as `family` and `kind`, or a usage error
/// naming the unknown one (exit 2).
pub fn kind_of(family: &str, kind: &str) -> anyhow::Result<(FamilyRef, TypeRef)> {
    let (family, kind) = catalog::lookup(family, kind)?;
    Ok((FamilyRef(family), TypeRef(kind)))
}

macro_rules! catalog_ref {
    ($name:ident, $target:ty) => {
        impl Deref for $name {
            type Target = $target;
            fn deref(&self) -> &$target {
                self.0
            }
        }
        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.0.id == other.0.id
            }
        }
        impl Eq for $name {}
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0.id)
            }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0.id)
            }
        }
    };
}

catalog_ref!(FamilyRef, catalog::Family);
catalog_ref!(TypeRef, catalog::IntegrationType);

/// An integration as stored (no secret) plus the names of its subscriptions.
/// This is also the stable `--json` shape.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Integration {
    pub id: IntegrationId,
    pub name: String,
    pub family: FamilyRef,
    #[serde(rename = "type")]
    pub kind: TypeRef,
    pub registry: String,
    pub username: String,
    pub email: Option<String>,
    pub subscriptions: Vec<String>,
    pub secret_store: StoreKind,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The row's revision: 1 when inserted, one more on every write. The
    /// token of check-and-set (see `service::catalog`); not part of `--json`.
    #[serde(skip)]
    pub revision: Revision,
    /// When the credentials were last checked against the registry, if ever.
    pub last_verified_at: Option<Timestamp>,
    /// The result of that check (`ok`, `unauthorized`, ...), if ever.
    pub last_verification: Option<String>,
    /// The registry's default integration, served by the credential helper
    /// when several match. Omitted from JSON when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
    /// Tools without a scope are logged out of the registry (an unscoped
    /// `docker logout` while subscriptions use it): the credential helper
    /// serves it only under `HUBINT_SUBSCRIPTION` or `HUBINT_INTEGRATION`.
    /// Omitted from JSON when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub logged_out: bool,
}

impl Integration {
    /// The details kept next to its secret, to rebuild the row from the
    /// store if the database is lost (`crate::recovery`); `home` is the
    /// data directory of its database.
    pub fn meta(&self, home: &str) -> Meta {
        Meta {
            details: self.details(),
            home: home.to_string(),
        }
    }

    /// What identifies it, as stored.
    pub fn details(&self) -> Details {
        Details {
            name: self.name.clone(),
            family: self.family.to_string(),
            kind: self.kind.to_string(),
            registry: self.registry.clone(),
            username: self.username.clone(),
            email: self.email.clone(),
        }
    }
}

impl Details {
    /// A new row `id` with these details on `secret_store`: unlinked, made
    /// now, never verified. A stored family or type this build does not know
    /// is a usage error (exit 2).
    pub fn row(&self, id: IntegrationId, secret_store: StoreKind) -> anyhow::Result<Integration> {
        let (family, kind) = kind_of(&self.family, &self.kind)?;
        let now = Timestamp::now();
        Ok(Integration {
            id,
            name: self.name.clone(),
            family,
            kind,
            registry: self.registry.clone(),
            username: self.username.clone(),
            email: self.email.clone(),
            subscriptions: Vec::new(),
            secret_store,
            created_at: now,
            updated_at: now,
            revision: Revision::default(),
            last_verified_at: None,
            last_verification: None,
            default: false,
            logged_out: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_to_the_second() {
        let t: Timestamp = "2024-05-01T12:34:56Z".parse().unwrap();
        assert_eq!(t.to_string(), "2024-05-01T12:34:56Z");
        assert_eq!(t.short(), "2024-05-01 12:34");
        assert_eq!(Timestamp::now().to_string().len(), 20);
        assert!("".parse::<Timestamp>().is_err());
    }

    /// The canonical text is taken as it is only when humantime would take
    /// it too; anything else goes through humantime, to the second.
    #[test]
    fn timestamps_parse_as_humantime_does() {
        for text in [
            "2024-02-29T23:59:59Z",
            "2000-02-29T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2024-12-31T12:00:00Z",
        ] {
            assert_eq!(text.parse::<Timestamp>().unwrap().as_str(), text);
        }
        for bad in [
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T00:60:00Z",
            "2024-01-01T00:00:00",
            "2024-01-01X00:00:00Z",
        ] {
            assert!(Timestamp::canonical(bad).is_none(), "{bad}");
            assert!(
                humantime::parse_rfc3339_weak(bad).is_err() || bad.len() != 20,
                "{bad}"
            );
        }
        let weak: Timestamp = "2024-05-01 12:34:56.789Z".parse().unwrap();
        assert_eq!(weak.to_string(), "2024-05-01T12:34:56Z");
    }
}
