//! Secret stores. Passwords never touch SQLite: each integration row records
//! which store holds its secret, and the secret is keyed by the integration's
//! stable id (never by its name, so a rename keeps it).

mod file;
mod keyring;
#[cfg(test)]
pub mod memory;
#[cfg(not(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd")))]
mod native;
pub mod passphrase;
#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
mod secret_service;
#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
mod session;

use std::str::FromStr;

use anyhow::Result;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

pub use self::file::FileStore;
pub use self::keyring::KeyringStore;

/// A secret held in memory; wiped when dropped.
pub type Secret = Zeroizing<String>;

/// The service name under which hubint files its secrets.
pub const SERVICE: &str = "hubint";

/// The id looked up to see whether a store answers (no secret has it).
pub const PROBE_ID: &str = "hubint-probe";

/// Which store holds a secret. Recorded on every integration row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum StoreKind {
    /// The OS keyring: Secret Service, macOS Keychain or Windows Credential Manager.
    Keyring,
    /// One age-encrypted file in the data directory, unlocked with a passphrase.
    File,
    /// The team store's KV v2 mount (`secrets/<id>`), chosen by `store = team`
    /// rather than by `--secret-store`.
    #[value(skip)]
    Team,
}

crate::words::word_enum!(StoreKind {
    Keyring => "keyring",
    File => "file",
    Team => "team",
});

impl StoreKind {
    /// What people call it: "OS keyring", "encrypted file store".
    pub fn describe(self) -> &'static str {
        match self {
            StoreKind::Keyring => "OS keyring",
            StoreKind::File => "encrypted file store",
            StoreKind::Team => "team store",
        }
    }
}

impl FromStr for StoreKind {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "keyring" => Ok(StoreKind::Keyring),
            "file" => Ok(StoreKind::File),
            "team" => Ok(StoreKind::Team),
            other => anyhow::bail!("unknown secret store '{other}' recorded in the database"),
        }
    }
}

/// What identifies an integration to a person, as stored: next to its
/// secret (in [`Meta`]) and in the team store's row documents. Each field
/// is a string there; parsing back into typed values is
/// `Details::row` (in `service::model`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    pub name: String,
    pub family: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub registry: String,
    pub username: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The non-secret details of an integration, kept next to its secret so
/// that its row can be rebuilt if the database is lost (`hubint doctor
/// --recover`): in the encrypted file inside each entry, in the OS keyring
/// as the item's attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(flatten)]
    pub details: Details,
    /// The data directory of the database the secret belongs to: the OS
    /// keyring is shared by every hubint database of the user.
    #[serde(default)]
    pub home: String,
}

impl Meta {
    /// The label shown for a secret in keyring UIs (Seahorse, Keychain Access).
    pub fn label(&self) -> String {
        format!("hubint: {} ({})", self.details.name, self.details.registry)
    }
}

/// A secret as a store lists it: its id and, when it was written with them,
/// the details of its integration (secrets written before hubint kept them
/// have none).
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: String,
    pub meta: Option<Meta>,
}

/// One secret of a batch write ([`SecretStore::set_many`]).
pub struct NewSecret {
    pub id: String,
    pub meta: Meta,
    pub secret: Secret,
}

/// A place that keeps secrets, keyed by integration id.
///
/// Errors that mean "the store cannot be reached or is locked" carry
/// [`crate::error::Code::SecretStore`]. No error ever contains a secret.
pub trait SecretStore {
    fn kind(&self) -> StoreKind;
    /// The secret for `id`, or `None` if the store has none.
    fn get(&self, id: &str) -> Result<Option<Secret>>;
    /// Create or replace the secret for `id`, with the details of its
    /// integration (its label is shown by keyring UIs).
    fn set(&self, id: &str, meta: &Meta, secret: &str) -> Result<()>;
    /// Remove the secret for `id`; `false` if there was none.
    fn delete(&self, id: &str) -> Result<bool>;
    /// Create or replace every secret of `batch`, at the cost of about one
    /// write: the file store decrypts and rewrites its file once; the keyring
    /// writes them one after the other on the process's one session. After
    /// an error some may be written and some not: the caller records them
    /// as pending first, as for [`SecretStore::set`].
    fn set_many(&self, batch: &[NewSecret]) -> Result<()> {
        for entry in batch {
            self.set(&entry.id, &entry.meta, &entry.secret)?;
        }
        Ok(())
    }
    /// Remove the secrets of `ids` (the file store rewrites its file once);
    /// returns how many there were.
    fn delete_many(&self, ids: &[String]) -> Result<usize> {
        let mut removed = 0;
        for id in ids {
            removed += usize::from(self.delete(id)?);
        }
        Ok(removed)
    }
    /// The ids of every secret the store holds (to find orphans).
    fn list_ids(&self) -> Result<Vec<String>> {
        Ok(self.entries()?.into_iter().map(|s| s.id).collect())
    }
    /// Every secret the store holds, with the details kept next to it.
    fn entries(&self) -> Result<Vec<Stored>>;
    /// Get ready to be used without asking anything later: the file store
    /// asks for its passphrase here and checks it. Callers unlock before
    /// they take a database lock, so that no lock is held during a prompt.
    fn unlock(&self) -> Result<()> {
        Ok(())
    }
    /// Replace the details kept next to the secret of `id` (after an edit
    /// or a rename), and the label keyring UIs show. A missing secret is not
    /// an error.
    fn relabel(&self, id: &str, meta: &Meta) -> Result<()>;
}
