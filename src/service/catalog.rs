//! The catalog backend: what the service stores besides the secrets, behind
//! one trait. SQLite (`crate::db`) is the embedded default and today the only
//! implementation; the next one is a team catalog on OpenBao/Vault KV v2.
//!
//! # What the service needs from a backend, and why
//!
//! - **Integrations by id and by name.** A row is keyed by its
//!   [`IntegrationId`] (the key of its secret, so a rename keeps it); names
//!   are unique ignoring case, and the backend refuses a taken name on insert
//!   or update with the conflict of [`name_taken`] (a Vault backend keeps a
//!   name → id index key, written with check-and-set).
//! - **Check-and-set on every write of a row.** The service's one concurrency
//!   rule: a row is written back only if it is still as the caller read it,
//!   judged by its revision counter ([`Revision`], one more on every write of
//!   the row, including a recorded check of the credentials;
//!   [`CatalogWrite::update_integration`] takes the row as seen). Not by
//!   `updated_at`, which is kept to the second. SQLite checks it in the
//!   `UPDATE … WHERE revision = ?`; Vault KV v2 maps it onto `cas` with the
//!   version read. Links and marks need no
//!   check: attaching twice, or clearing a mark twice, is the same as once.
//! - **A unit of work, not a multi-key transaction.** The service groups the
//!   writes of one operation between [`Catalog::begin`] and
//!   [`CatalogTx::commit`]. SQLite makes that one transaction. A store
//!   without multi-key transactions applies the writes at commit in the
//!   order given, each with check-and-set; the service orders them so that
//!   any prefix is safe (the pending journal entry before the secret, the
//!   row before its links, links gone before the row), which is the same
//!   order the crash tests already hold SQLite to.
//! - **The pending journal** ([`Pending`]): ids whose secret may sit in a
//!   store without a committed row. Entries are committed before a secret is
//!   written and cleared after, so `hubint doctor --fix` can prove a leftover
//!   secret is garbage; it never needs more than put/delete/list.
//! - **Registry marks**: the default integration of a registry (one per
//!   registry), the registries whose unscoped tools are logged out, and which
//!   rows the credential helper made (so its `erase` removes only those).
//! - **An "adding" lock** shared by every add from its pending entries to
//!   its commit, and taken exclusively by doctor while it looks for orphans;
//!   a backend without locks can return a guard that holds nothing, at the
//!   price of doctor needing a second look.
//!
//! Reads see committed data; inside a unit of work, the backend may (SQLite
//! does) show its own writes.

use std::any::Any;

use anyhow::Result;

#[cfg(doc)]
use super::model::Revision;
use super::model::{Integration, IntegrationId, SubscriptionId, Timestamp};
use crate::error::Failure;
use crate::secret::StoreKind;

/// Filters for [`CatalogRead::integrations`]; `None` means any.
#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub family: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub subscription: Option<&'a str>,
    pub registry: Option<&'a str>,
}

/// A subscription and the names of the integrations attached to it.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct Subscription {
    pub name: String,
    pub integrations: Vec<String>,
    pub created_at: Timestamp,
}

/// A subscription's key in the catalog and its stored spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionKey {
    pub id: SubscriptionId,
    pub name: String,
}

/// A secret that may be in `store` under `id` while no row owns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub id: IntegrationId,
    pub store: StoreKind,
}

/// The reads.
pub trait CatalogRead {
    /// The integration called `name` (ignoring case), if any.
    fn find_integration(&self, name: &str) -> Result<Option<Integration>>;
    /// The integration with this id; not found (exit 3) if it was deleted.
    fn integration_by_id(&self, id: &IntegrationId) -> Result<Integration>;
    /// The integrations that pass `filter`, sorted by name.
    fn integrations(&self, filter: &Filter<'_>) -> Result<Vec<Integration>>;
    /// The integrations of one normalised registry key (on every `docker pull`).
    fn integrations_at(&self, registry: &str) -> Result<Vec<Integration>>;
    /// The names of all integrations, sorted.
    fn integration_names(&self) -> Result<Vec<String>>;
    /// A conflict (exit 4) if another integration has `name`.
    fn ensure_name_free(&self, name: &str, except: Option<&IntegrationId>) -> Result<()>;
    /// The subscription called `name` (ignoring case), if any.
    fn find_subscription(&self, name: &str) -> Result<Option<SubscriptionKey>>;
    /// Every subscription with its integrations, sorted by name.
    fn subscriptions(&self) -> Result<Vec<Subscription>>;
    /// One subscription with its integrations, if it exists.
    fn subscription_summary(&self, name: &str) -> Result<Option<Subscription>>;
    /// The names of all subscriptions, sorted.
    fn subscription_names(&self) -> Result<Vec<String>>;
    /// The pending journal.
    fn pending(&self) -> Result<Vec<Pending>>;
    /// Whether the credential helper made this integration (a tool's login).
    fn is_helper_login(&self, id: &IntegrationId) -> Result<bool>;
}

/// The writes of one unit of work.
pub trait CatalogWrite: CatalogRead {
    /// Insert a new row (a taken name is a conflict).
    fn insert_integration(&self, row: &Integration) -> Result<()>;
    /// Write back `row` if the stored row is still as `seen` (same id and
    /// revision), one revision up: the one concurrency rule. Otherwise a conflict
    /// ([`changed_meanwhile`]), or not found if it was deleted.
    fn update_integration(&self, seen: &Integration, row: &Integration) -> Result<()>;
    /// Record a check of the credentials (not an edit: `updated_at` stays;
    /// the revision goes up).
    fn record_verification(&self, id: &IntegrationId, at: Timestamp, result: &str) -> Result<()>;
    /// Delete a row whose links are gone.
    fn delete_integration(&self, id: &IntegrationId) -> Result<bool>;
    /// Unmark the default of `registry`, except on `except`.
    fn clear_default(&self, registry: &str, except: &IntegrationId) -> Result<()>;
    /// The subscription `name`, created if missing; whether it was created.
    fn subscription_or_create(&self, name: &str, now: Timestamp)
    -> Result<(SubscriptionKey, bool)>;
    /// Create a subscription; a conflict if the name is taken.
    fn create_subscription(&self, name: &str, now: Timestamp) -> Result<String>;
    /// Rename a subscription; returns its old stored name.
    fn rename_subscription(&self, old: &str, new: &str) -> Result<String>;
    /// Delete a subscription and its links.
    fn delete_subscription(&self, key: &SubscriptionKey) -> Result<()>;
    /// Link; `false` if it already was.
    fn attach(&self, sub: &SubscriptionKey, id: &IntegrationId, now: Timestamp) -> Result<bool>;
    /// Unlink; `false` if there was no link.
    fn detach(&self, sub: &SubscriptionKey, id: &IntegrationId) -> Result<bool>;
    /// Remove every link of an integration; how many there were.
    fn detach_all(&self, id: &IntegrationId) -> Result<usize>;
    /// Journal `id` as possibly in `store` without a row.
    fn add_pending(&self, id: &IntegrationId, store: StoreKind) -> Result<()>;
    /// Clear a journal entry.
    fn remove_pending(&self, id: &IntegrationId, store: StoreKind) -> Result<()>;
    /// Mark a row as made by the credential helper.
    fn mark_helper_login(&self, id: &IntegrationId) -> Result<()>;
    /// Tools without a scope are logged out of `registry`.
    fn mark_logout(&self, registry: &str) -> Result<()>;
    /// Tools without a scope are served `registry` again.
    fn clear_logout(&self, registry: &str) -> Result<()>;
}

/// A unit of work: its writes land together at [`CatalogTx::commit`], or
/// not at all if it is dropped.
pub trait CatalogTx: CatalogWrite {
    fn commit(self: Box<Self>) -> Result<()>;
}

/// A catalog backend.
pub trait Catalog {
    /// The committed state.
    fn read(&self) -> &dyn CatalogRead;
    /// Start a unit of work (SQLite: take the write lock at once).
    fn begin(&mut self) -> Result<Box<dyn CatalogTx + '_>>;
    /// Held by an add from its pending entries until its rows are committed.
    fn adding(&self) -> Result<Box<dyn Any>>;
    /// Held by doctor while it looks for orphans (no add is half done).
    fn settled(&self) -> Result<Box<dyn Any>>;
    /// Held around a write of a secret outside a unit of work (the ECR
    /// token cache): no unit of work runs meanwhile. Best effort: an error
    /// means "do not write now".
    fn holding_writes(&self) -> Result<Box<dyn Any>>;
}

/// The conflict when another integration has the name (exit 4).
pub fn name_taken(existing: &str) -> Failure {
    Failure::conflict(format!("an integration named '{existing}' already exists"))
        .hint("choose another --name, or change the existing one with `hubint integration edit`")
}

/// Not found (exit 3): no integration or subscription (`what`) is called
/// `name`; the hint names the command that lists them.
pub fn not_found(what: &str, name: &str) -> Failure {
    Failure::not_found(format!(
        "no {what} named '{}'",
        crate::validate::excerpt(name)
    ))
    .hint(format!("run `hubint {what} list` to see the {what}s"))
}

/// The conflict when a row changed since it was read (exit 4).
pub fn changed_meanwhile(name: &str) -> Failure {
    Failure::conflict(format!(
        "integration '{name}' was changed by another hubint process meanwhile"
    ))
    .hint("run the command again")
}
