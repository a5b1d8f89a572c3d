//! The team secret store: each secret at `secrets/<id>` of the team mount,
//! as `{"password", "meta"}`, its own path so that a policy can grant
//! exactly it. Chosen by `store = team`, never by `--secret-store`.

use anyhow::Result;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use super::catalog::docs::secret_key;
use super::catalog::reads::par_map;
use super::client::Client;
use crate::secret::{Meta, Secret, SecretStore, StoreKind, Stored};

#[derive(Serialize, Deserialize)]
struct SecretDoc {
    password: String,
    #[serde(default)]
    meta: Option<Meta>,
}

impl Drop for SecretDoc {
    fn drop(&mut self) {
        self.password.zeroize();
    }
}

pub struct TeamStore {
    client: Client,
}

impl TeamStore {
    pub fn new(client: Client) -> TeamStore {
        TeamStore { client }
    }
}

impl SecretStore for TeamStore {
    fn kind(&self) -> StoreKind {
        StoreKind::Team
    }
    fn get(&self, id: &str) -> Result<Option<Secret>> {
        Ok(self
            .client
            .read::<SecretDoc>(&secret_key(id))?
            .map(|d| Zeroizing::new(d.data.password.clone())))
    }
    fn set(&self, id: &str, meta: &Meta, secret: &str) -> Result<()> {
        let doc = SecretDoc {
            password: secret.to_string(),
            meta: Some(meta.clone()),
        };
        self.client.write(&secret_key(id), &doc, None).map(drop)
    }
    fn delete(&self, id: &str) -> Result<bool> {
        let had = self
            .client
            .read::<serde_json::Value>(&secret_key(id))?
            .is_some();
        self.client.delete(&secret_key(id))?;
        Ok(had)
    }
    fn entries(&self) -> Result<Vec<Stored>> {
        let ids = self.client.list("secrets/")?;
        let metas = par_map(&self.client, &ids, |c, id| {
            Ok(c.read::<SecretDoc>(&secret_key(id))?
                .and_then(|d| d.data.meta.clone()))
        })?;
        Ok(ids
            .into_iter()
            .zip(metas)
            .map(|(id, meta)| Stored { id, meta })
            .collect())
    }
    fn relabel(&self, id: &str, meta: &Meta) -> Result<()> {
        let Some(doc) = self.client.read::<SecretDoc>(&secret_key(id))? else {
            return Ok(());
        };
        let new = SecretDoc {
            password: doc.data.password.clone(),
            meta: Some(meta.clone()),
        };
        self.client
            .write(&secret_key(id), &new, Some(doc.version))
            .map(drop)
    }
}
