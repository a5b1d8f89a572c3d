//! What every command gets: paths, the terminal, the output format, and
//! access to the database and the secret stores (opened on first use, so a
//! command that does not need the keyring never touches it).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use anyhow::Result;

use crate::db::Db;
use crate::paths::Paths;
use crate::secret::{KeyringStore, SecretStore, StoreKind};
use crate::ui::Ui;

pub struct Ctx {
    pub paths: Paths,
    pub ui: Ui,
    /// `--json` was given.
    pub json: bool,
    stores: RefCell<HashMap<StoreKind, Rc<dyn SecretStore>>>,
}

impl Ctx {
    pub fn new(paths: Paths, ui: Ui, json: bool) -> Ctx {
        Ctx {
            paths,
            ui,
            json,
            stores: RefCell::default(),
        }
    }

    /// A context whose secret stores are replaced, for unit tests.
    #[cfg(test)]
    pub fn with_store(paths: Paths, store: Rc<dyn SecretStore>) -> Ctx {
        let ctx = Ctx::new(paths, Ui::non_interactive(), false);
        ctx.stores.borrow_mut().insert(store.kind(), store);
        ctx
    }

    pub fn open_db(&self) -> Result<Db> {
        Db::open(&self.paths.db_path())
    }

    /// The store of the given kind.
    pub fn store(&self, kind: StoreKind) -> Result<Rc<dyn SecretStore>> {
        if let Some(store) = self.stores.borrow().get(&kind) {
            return Ok(store.clone());
        }
        let store: Rc<dyn SecretStore> = match kind {
            StoreKind::Keyring => Rc::new(KeyringStore::from_env()?),
        };
        self.stores.borrow_mut().insert(kind, store.clone());
        Ok(store)
    }

    /// The store that holds the secret recorded on a row.
    pub fn store_named(&self, recorded: &str) -> Result<Rc<dyn SecretStore>> {
        self.store(recorded.parse()?)
    }

    /// The store for new secrets.
    pub fn default_store(&self) -> StoreKind {
        StoreKind::Keyring
    }
}
