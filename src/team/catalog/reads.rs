//! The reads of the team catalog. Every read asks the server (no cache:
//! another machine may have written meanwhile); a list fetches its rows
//! on a few threads at once, so that `list` at 1,000 integrations stays
//! well under a second on a near server.

use std::collections::{BTreeSet, HashMap};

use anyhow::Result;
use serde::de::DeserializeOwned;

use super::docs::{
    NameDoc, PendingDoc, RegistryDoc, RowDoc, SubDoc, name_key, registry_key, row_key, sub_key,
};
use crate::error::{Failure, fail};
use crate::matching::ENV_SUBSCRIPTION;
use crate::service::catalog::{Filter, Pending, Subscription, SubscriptionKey, name_taken};
use crate::service::model::{Integration, IntegrationId, SubscriptionId};
use crate::team::client::{Client, Doc};

/// How many requests a list keeps in flight.
const THREADS: usize = 16;

/// The committed catalog on the server.
pub struct Kv {
    pub client: Client,
}

/// `f` over `items` on up to [`THREADS`] threads, in order.
pub fn par_map<T: Sync, R: Send>(
    client: &Client,
    items: &[T],
    f: impl Fn(&Client, &T) -> Result<R> + Sync,
) -> Result<Vec<R>> {
    if items.len() < 4 {
        return items.iter().map(|item| f(client, item)).collect();
    }
    let chunk = items.len().div_ceil(THREADS);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let client = client.clone();
                let f = &f;
                scope.spawn(move || {
                    part.iter()
                        .map(|item| f(&client, item))
                        .collect::<Result<Vec<R>>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for handle in handles {
            out.extend(handle.join().expect("a reader thread")?);
        }
        Ok(out)
    })
}

impl Kv {
    pub fn doc<T: DeserializeOwned>(&self, key: &str) -> Result<Option<Doc<T>>> {
        self.client.read(key)
    }

    /// A live row (not being deleted).
    pub fn row(&self, id: &str) -> Result<Option<Doc<RowDoc>>> {
        Ok(self
            .doc::<RowDoc>(&row_key(id))?
            .filter(|d| !d.data.deleting))
    }

    /// The live rows of `ids` (missing ones skipped), fetched in parallel.
    pub fn rows(&self, ids: &[String]) -> Result<Vec<Doc<RowDoc>>> {
        let docs = par_map(&self.client, ids, |c, id| c.read::<RowDoc>(&row_key(id)))?;
        Ok(docs
            .into_iter()
            .flatten()
            .filter(|d| !d.data.deleting)
            .collect())
    }

    /// The rows as integrations, with the marks of their registries.
    pub fn integrations_of(&self, rows: Vec<Doc<RowDoc>>) -> Result<Vec<Integration>> {
        let registries: Vec<String> = rows
            .iter()
            .map(|r| r.data.details.registry.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let marks = par_map(&self.client, &registries, |c, r| {
            c.read::<RegistryDoc>(&registry_key(r))
        })
        .or_else(|err| {
            if is_forbidden(&err) {
                Ok(Vec::new())
            } else {
                Err(err)
            }
        })?;
        let marks: HashMap<&str, RegistryDoc> = registries
            .iter()
            .map(String::as_str)
            .zip(marks)
            .filter_map(|(r, d)| Some((r, d?.data)))
            .collect();
        let mut list = rows
            .iter()
            .map(|r| {
                r.data
                    .integration(r.version, marks.get(r.data.details.registry.as_str()))
            })
            .collect::<Result<Vec<_>>>()?;
        list.sort_by_key(|i| i.name.to_lowercase());
        Ok(list)
    }

    /// Every live row.
    pub fn all_rows(&self) -> Result<Vec<Doc<RowDoc>>> {
        let ids = self.client.list("integrations/")?;
        self.rows(&ids)
    }

    /// The row the name key `name` points to, if it has that name.
    pub fn named(&self, name: &str) -> Result<Option<Doc<RowDoc>>> {
        // No integration has a longer name (add refuses it), and a key that
        // long would not fit in a request's URL.
        if name.chars().count() > crate::validate::NAME_MAX {
            return Ok(None);
        }
        let Some(key) = self.doc::<NameDoc>(&name_key(name))? else {
            return Ok(None);
        };
        Ok(self
            .row(&key.data.id)?
            .filter(|r| r.data.details.name.eq_ignore_ascii_case(name)))
    }

    pub fn one(&self, row: Doc<RowDoc>) -> Result<Integration> {
        Ok(self.integrations_of(vec![row])?.remove(0))
    }

    /// The subscription's document; one being renamed away is gone already.
    pub fn sub(&self, name: &str) -> Result<Option<Doc<SubDoc>>> {
        if name.chars().count() > crate::validate::NAME_MAX {
            return Ok(None);
        }
        Ok(self
            .doc::<SubDoc>(&sub_key(name))?
            .filter(|d| d.data.renamed_to.is_none()))
    }

    fn summary(&self, sub: SubDoc) -> Result<Subscription> {
        let rows = self.rows(&sub.integrations)?;
        Ok(summary_of(sub, &rows))
    }
}

/// A subscription with the names of its live, linked rows.
fn summary_of(sub: SubDoc, rows: &[Doc<RowDoc>]) -> Subscription {
    let mut integrations: Vec<String> = rows
        .iter()
        .filter(|r| sub.integrations.contains(&r.data.id) && r.data.linked(&sub.name))
        .map(|r| r.data.details.name.clone())
        .collect();
    integrations.sort_by_key(|n| n.to_lowercase());
    Subscription {
        name: sub.name,
        integrations,
        created_at: sub
            .created_at
            .parse()
            .unwrap_or_else(|_| crate::service::model::Timestamp::now()),
    }
}

/// Whether the failure is a 403 (a token scoped to one subscription).
pub fn is_forbidden(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|c| c.downcast_ref::<Failure>())
        .any(|f| f.message.starts_with("permission denied"))
}

pub fn key_of(name: String) -> SubscriptionKey {
    SubscriptionKey {
        id: SubscriptionId::recorded(0),
        name,
    }
}

pub fn gone() -> Failure {
    Failure::not_found("the integration was deleted meanwhile")
}

impl crate::service::catalog::CatalogRead for Kv {
    fn find_integration(&self, name: &str) -> Result<Option<Integration>> {
        self.named(name)?.map(|r| self.one(r)).transpose()
    }
    fn integration_by_id(&self, id: &IntegrationId) -> Result<Integration> {
        // Rows are read by id right after they are written (an add reads
        // its row back); during a leader election a standby may answer
        // from a log a moment behind that write. So a missing row is
        // looked for again, briefly, before it counts as deleted.
        for pause_ms in [100, 400, 1000] {
            if let Some(row) = self.row(id)? {
                return self.one(row);
            }
            std::thread::sleep(std::time::Duration::from_millis(pause_ms));
        }
        match self.row(id)? {
            Some(row) => self.one(row),
            None => fail(gone()),
        }
    }
    fn integrations(&self, filter: &Filter<'_>) -> Result<Vec<Integration>> {
        let rows = match filter.subscription {
            Some(sub) => match self.sub(sub)? {
                Some(doc) => self.rows(&doc.data.integrations)?,
                None => Vec::new(),
            },
            None => self.all_rows()?,
        };
        let eq = |want: Option<&str>, have: &str| want.is_none_or(|w| w.eq_ignore_ascii_case(have));
        let rows = rows
            .into_iter()
            .filter(|r| {
                let d = &r.data;
                eq(filter.family, &d.details.family)
                    && eq(filter.kind, &d.details.kind)
                    && filter.registry.is_none_or(|x| x == d.details.registry)
                    && filter.subscription.is_none_or(|s| d.linked(s))
            })
            .collect();
        self.integrations_of(rows)
    }
    fn integrations_at(&self, registry: &str) -> Result<Vec<Integration>> {
        // Under HUBINT_SUBSCRIPTION the candidates are the subscription's
        // (`matching::candidates` keeps only those): its document lists
        // them, and a token scoped to it (`hubint team policy`) may read
        // nothing else.
        let ids = match std::env::var(ENV_SUBSCRIPTION) {
            Ok(sub) if !sub.is_empty() => self.sub(&sub)?.map(|d| d.data.integrations),
            _ => self
                .doc::<RegistryDoc>(&registry_key(registry))?
                .map(|d| d.data.integrations),
        };
        let ids = ids.unwrap_or_default();
        let rows = self
            .rows(&ids)?
            .into_iter()
            .filter(|r| r.data.details.registry == registry)
            .collect();
        self.integrations_of(rows)
    }
    fn integration_names(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> = self
            .all_rows()?
            .into_iter()
            .map(|r| r.data.details.name)
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        Ok(names)
    }
    fn ensure_name_free(&self, name: &str, except: Option<&IntegrationId>) -> Result<()> {
        let Some(key) = self.doc::<NameDoc>(&name_key(name))? else {
            return Ok(());
        };
        if except.is_some_and(|id| id.as_str() == key.data.id) {
            return Ok(());
        }
        let stored = self
            .row(&key.data.id)?
            .map_or_else(|| name.to_string(), |r| r.data.details.name);
        fail(name_taken(&stored))
    }
    fn find_subscription(&self, name: &str) -> Result<Option<SubscriptionKey>> {
        Ok(self.sub(name)?.map(|d| key_of(d.data.name)))
    }
    fn subscriptions(&self) -> Result<Vec<Subscription>> {
        let keys = self.client.list("subscriptions/")?;
        let docs = par_map(&self.client, &keys, |c, k| {
            c.read::<SubDoc>(&format!("subscriptions/{k}"))
        })?;
        let docs: Vec<SubDoc> = docs
            .into_iter()
            .flatten()
            .map(|d| d.data)
            .filter(|d| d.renamed_to.is_none())
            .collect();
        let ids: Vec<String> = docs
            .iter()
            .flat_map(|d| d.integrations.iter().cloned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let rows = self.rows(&ids)?;
        let mut subs: Vec<Subscription> = docs.into_iter().map(|d| summary_of(d, &rows)).collect();
        subs.sort_by_key(|s| s.name.to_lowercase());
        Ok(subs)
    }
    fn subscription_summary(&self, name: &str) -> Result<Option<Subscription>> {
        self.sub(name)?.map(|d| self.summary(d.data)).transpose()
    }
    fn subscription_names(&self) -> Result<Vec<String>> {
        Ok(self.subscriptions()?.into_iter().map(|s| s.name).collect())
    }
    fn pending(&self) -> Result<Vec<Pending>> {
        let ids = self.client.list("pending/")?;
        let docs = par_map(&self.client, &ids, |c, id| {
            c.read::<PendingDoc>(&format!("pending/{id}"))
        })?;
        ids.into_iter()
            .zip(docs)
            .filter_map(|(id, d)| Some((id, d?)))
            .map(|(id, d)| {
                Ok(Pending {
                    id: IntegrationId::recorded(id),
                    store: d.data.store.parse()?,
                })
            })
            .collect()
    }
    fn is_helper_login(&self, id: &IntegrationId) -> Result<bool> {
        Ok(self.row(id)?.is_some_and(|r| r.data.helper))
    }
}
