//! The team catalog: hubint's catalog on a KV v2 mount of OpenBao or
//! HashiCorp Vault, for many machines at once, without multi-key
//! transactions. It implements the traits of `service::catalog`, so every
//! command works on it as on SQLite.
//!
//! # Layout (mount `M`, default `hubint`)
//!
//! Every key segment made of user text is lower case and percent-encoded
//! (`docs::segment`: `/` is `%2F`), so names are unique ignoring case and
//! no text reaches another folder. No document grows with the catalog
//! except a subscription's and a registry's id lists and a row's list of
//! subscriptions, far below the ~1 MiB a Raft server allows per entry. The
//! tighter bound is OpenBao's limit on the strings of one request
//! (`max_request_json_strings`, 1,000 by default): a registry or a
//! subscription with about 990 integrations, or an integration in about
//! 990 subscriptions, is refused with exit 5 and that setting as the fix.
//!
//! - `integrations/<id>`: the row ([`docs::RowDoc`]): everything an
//!   integration holds except the secret, plus its links (the names of its
//!   subscriptions), whether the credential helper made it, and a
//!   tombstone flag (`deleting`). Its KV version is the row's revision,
//!   the `cas` of every write of it.
//! - `names/<lower(name)>` → `{"id"}`: the name index, created with `cas: 0`
//!   (that is what keeps names unique across machines).
//! - `subscriptions/<lower(name)>` → `{"name", "created_at", "integrations":
//!   [ids]}`: what a token scoped to the subscription reads.
//! - `registries/<registry>` → `{"integrations": [ids], "default", "logged_out"}`:
//!   the index the credential helper's `get` reads, and the registry marks.
//! - `secrets/<id>` → `{"password", "meta"}`: the secrets (`team::secrets`).
//! - `pending/<id>` → `{"store"}`: the pending journal.
//! - `policies/<lower(subscription)>` → `{"policy"}`: hubint wrote that
//!   subscription's ACL policy and keeps it current (`service::policies`).
//!
//! # Order of writes (every crash prefix is safe)
//!
//! A unit of work applies its writes at commit in the order the service
//! gives them (`tx.rs`, `apply.rs`), each with check-and-set:
//!
//! - add: `pending/<id>`, then the secret, then `names/` (cas 0), the row
//!   (cas 0), the registry index, the links, and `pending/<id>` goes;
//! - edit: the new name key (cas 0), the row at the version read (else
//!   "changed meanwhile", exit 4, and the new key goes), the old name key;
//! - attach: the row's link (cas; refused on a tombstone), then the
//!   subscription's list; detach: the subscription's list, then the row's;
//! - delete: the row becomes a tombstone at the version the in-use check
//!   read (an attach meanwhile fails it), its ids leave the subscriptions,
//!   its name key goes, the registry index, the row; then the secret.
//!
//! So a link in a subscription always has its row (no dangling link), a
//! rename keeps the id and so the secret, and no two rows share a name key.
//!
//! # Invariants (what doctor checks)
//!
//! Every name key points to a live row with that name; every id in a
//! subscription or registry list is a live row that links back; every live
//! row has its name key; no tombstone is left; every `pending/` entry names
//! a secret that either has a row or is garbage.
//!
//! # Differences from SQLite
//!
//! - A link is part of the row, so an attach or detach moves the row's
//!   revision on: an edit read before it fails with "changed meanwhile"
//!   (exit 4, run it again) where SQLite would let it through.
//! - The helper-login mark is a field of the row (`helper`), not of the
//!   registry document.
//! - No lock across machines (`Catalog::adding`/`settled` hold nothing):
//!   doctor looks at what seems half done again after a pause.
//! - A subscription rename marks the old document, copies it under the
//!   new name, relinks the rows and deletes the old one (`rename.rs`); an
//!   attach or detach on another machine either lands before the mark (and
//!   is copied) or fails with "renamed meanwhile" (exit 4).
//! - Under `HUBINT_SUBSCRIPTION` the credential helper's candidates come
//!   from the subscription's document, so a token scoped to it
//!   (`hubint team policy`) needs no read of `registries/`; the registry's
//!   default is then unknown to such a token.
//!
//! Reads ask the server every time (no cache: another machine may write
//! meanwhile); lists fetch rows on a few threads (`reads::par_map`), which
//! keeps `list` of 1,000 integrations well under a second on a near server.

mod apply;
pub mod check;
pub mod docs;
pub mod reads;
mod rename;
mod tx;

use std::any::Any;

use anyhow::Result;

use self::reads::Kv;
use self::tx::TeamTx;
use crate::service::catalog::{Catalog, CatalogRead, CatalogTx};
use crate::team::client::Client;

/// The team catalog on one server and mount.
pub struct TeamCatalog {
    kv: Kv,
}

impl TeamCatalog {
    pub fn new(client: Client) -> TeamCatalog {
        TeamCatalog { kv: Kv { client } }
    }
}

impl Catalog for TeamCatalog {
    fn read(&self) -> &dyn CatalogRead {
        &self.kv
    }
    fn begin(&mut self) -> Result<Box<dyn CatalogTx + '_>> {
        Ok(Box::new(TeamTx::new(&self.kv)))
    }
    /// No lock across machines: doctor takes a pending entry for garbage
    /// only when no row owns its id (an add writes its row before it
    /// clears its entry).
    fn adding(&self) -> Result<Box<dyn Any>> {
        Ok(Box::new(()))
    }
    fn settled(&self) -> Result<Box<dyn Any>> {
        Ok(Box::new(()))
    }
    /// No lock across machines either: a token written back as an edit
    /// replaces the keys may undo the edit (the next `get` mints with the
    /// old keys until the edit is made again); see `Service::registry_login`.
    fn holding_writes(&self) -> Result<Box<dyn Any>> {
        Ok(Box::new(()))
    }
}
