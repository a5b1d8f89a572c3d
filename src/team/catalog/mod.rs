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
//! except a subscription's and a registry's id lists, far below the ~1 MiB
//! a Raft server allows per entry.
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
//! Reads ask the server every time (no cache: another machine may write
//! meanwhile); lists fetch rows on a few threads (`reads::par_map`), which
//! keeps `list` of 1,000 integrations well under a second on a near server.

mod apply;
pub mod check;
pub mod docs;
pub mod reads;
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
}
