//! An in-memory secret store, for unit tests only.

use std::cell::RefCell;
use std::collections::HashMap;

use anyhow::Result;

use super::{Secret, SecretStore, StoreKind};

#[derive(Default)]
pub struct MemoryStore {
    secrets: RefCell<HashMap<String, String>>,
}

impl SecretStore for MemoryStore {
    fn kind(&self) -> StoreKind {
        StoreKind::Keyring
    }
    fn get(&self, id: &str) -> Result<Option<Secret>> {
        Ok(self.secrets.borrow().get(id).cloned().map(Secret::new))
    }
    fn set(&self, id: &str, _label: &str, secret: &str) -> Result<()> {
        self.secrets.borrow_mut().insert(id.into(), secret.into());
        Ok(())
    }
    fn delete(&self, id: &str) -> Result<bool> {
        Ok(self.secrets.borrow_mut().remove(id).is_some())
    }
    fn list_ids(&self) -> Result<Vec<String>> {
        let mut ids: Vec<String> = self.secrets.borrow().keys().cloned().collect();
        ids.sort();
        Ok(ids)
    }
}
