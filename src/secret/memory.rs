//! An in-memory secret store, for unit tests only.

use std::cell::RefCell;
use std::collections::HashMap;

use anyhow::Result;

use super::{Meta, Secret, SecretStore, StoreKind, Stored};

#[derive(Default)]
pub struct MemoryStore {
    /// Zeroized when dropped, as the real stores' copies are.
    secrets: RefCell<HashMap<String, (Meta, Secret)>>,
}

impl SecretStore for MemoryStore {
    fn kind(&self) -> StoreKind {
        StoreKind::Keyring
    }
    fn get(&self, id: &str) -> Result<Option<Secret>> {
        Ok(self.secrets.borrow().get(id).map(|(_, s)| s.clone()))
    }
    fn set(&self, id: &str, meta: &Meta, secret: &str) -> Result<()> {
        let entry = (meta.clone(), Secret::new(secret.to_string()));
        self.secrets.borrow_mut().insert(id.into(), entry);
        Ok(())
    }
    fn relabel(&self, id: &str, meta: &Meta) -> Result<()> {
        if let Some(entry) = self.secrets.borrow_mut().get_mut(id) {
            entry.0 = meta.clone();
        }
        Ok(())
    }
    fn delete(&self, id: &str) -> Result<bool> {
        Ok(self.secrets.borrow_mut().remove(id).is_some())
    }
    fn entries(&self) -> Result<Vec<Stored>> {
        let mut all: Vec<Stored> = (self.secrets.borrow().iter())
            .map(|(id, (meta, _))| Stored {
                id: id.clone(),
                meta: Some(meta.clone()),
            })
            .collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(all)
    }
}
