//! The SQLite catalog backend: [`Catalog`] and its reads and writes over
//! the queries of this module's siblings. Every connection (the database,
//! a transaction) reads and writes; [`Db::begin`] takes the write lock at
//! once, so a unit of work is one SQLite transaction.

use std::any::Any;
use std::ops::Deref;

use anyhow::Result;
use rusqlite::{Connection, Transaction};

use super::{Db, helper_logins, integrations, logouts, pending, subscriptions};
use crate::secret::StoreKind;
use crate::service::catalog::{
    Catalog, CatalogRead, CatalogTx, CatalogWrite, Filter, Pending, Subscription, SubscriptionKey,
};
use crate::service::model::{Integration, IntegrationId, SubscriptionId, Timestamp};

impl Deref for Db {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.conn
    }
}

impl<C: Deref<Target = Connection>> CatalogRead for C {
    fn find_integration(&self, name: &str) -> Result<Option<Integration>> {
        integrations::find(self, name)
    }
    fn integration_by_id(&self, id: &IntegrationId) -> Result<Integration> {
        integrations::by_id(self, id)
    }
    fn integrations(&self, filter: &Filter<'_>) -> Result<Vec<Integration>> {
        integrations::list(self, filter)
    }
    fn integrations_at(&self, registry: &str) -> Result<Vec<Integration>> {
        integrations::by_registry(self, registry)
    }
    fn integration_names(&self) -> Result<Vec<String>> {
        integrations::names(self)
    }
    fn ensure_name_free(&self, name: &str, except: Option<&IntegrationId>) -> Result<()> {
        integrations::ensure_name_free(self, name, except.map(IntegrationId::as_str))
    }
    fn find_subscription(&self, name: &str) -> Result<Option<SubscriptionKey>> {
        Ok(
            subscriptions::find(self, name)?.map(|(id, name)| SubscriptionKey {
                id: SubscriptionId::recorded(id),
                name,
            }),
        )
    }
    fn subscriptions(&self) -> Result<Vec<Subscription>> {
        subscriptions::list(self)
    }
    fn subscription_summary(&self, name: &str) -> Result<Option<Subscription>> {
        subscriptions::summary(self, name)
    }
    fn subscription_names(&self) -> Result<Vec<String>> {
        subscriptions::names(self)
    }
    fn pending(&self) -> Result<Vec<Pending>> {
        pending::list(self)
    }
    fn is_helper_login(&self, id: &IntegrationId) -> Result<bool> {
        helper_logins::is_marked(self, id)
    }
}

impl<C: Deref<Target = Connection>> CatalogWrite for C {
    fn insert_integration(&self, row: &Integration) -> Result<()> {
        integrations::insert(self, row)
    }
    fn update_integration(&self, seen: &Integration, row: &Integration) -> Result<()> {
        integrations::update(self, seen, row)
    }
    fn record_verification(&self, id: &IntegrationId, at: Timestamp, result: &str) -> Result<()> {
        integrations::record_verification(self, id, &at, result)
    }
    fn delete_integration(&self, id: &IntegrationId) -> Result<bool> {
        integrations::delete(self, id)
    }
    fn clear_default(&self, registry: &str, except: &IntegrationId) -> Result<()> {
        integrations::clear_default(self, registry, except)
    }
    fn subscription_or_create(
        &self,
        name: &str,
        now: Timestamp,
    ) -> Result<(SubscriptionKey, bool)> {
        let (id, name, created) = subscriptions::get_or_create(self, name, &now)?;
        let id = SubscriptionId::recorded(id);
        Ok((SubscriptionKey { id, name }, created))
    }
    fn create_subscription(&self, name: &str, now: Timestamp) -> Result<String> {
        subscriptions::create(self, name, &now)
    }
    fn rename_subscription(&self, old: &str, new: &str) -> Result<String> {
        subscriptions::rename(self, old, new)
    }
    fn delete_subscription(&self, key: &SubscriptionKey) -> Result<()> {
        subscriptions::delete(self, key.id.number())
    }
    fn attach(&self, sub: &SubscriptionKey, id: &IntegrationId, now: Timestamp) -> Result<bool> {
        subscriptions::attach(self, sub.id.number(), id, &now)
    }
    fn detach(&self, sub: &SubscriptionKey, id: &IntegrationId) -> Result<bool> {
        subscriptions::detach(self, sub.id.number(), id)
    }
    fn detach_all(&self, id: &IntegrationId) -> Result<usize> {
        subscriptions::detach_all(self, id)
    }
    fn add_pending(&self, id: &IntegrationId, store: StoreKind) -> Result<()> {
        pending::add(self, id, store)
    }
    fn remove_pending(&self, id: &IntegrationId, store: StoreKind) -> Result<()> {
        pending::remove(self, id, store)
    }
    fn mark_helper_login(&self, id: &IntegrationId) -> Result<()> {
        helper_logins::mark(self, id)
    }
    fn mark_logout(&self, registry: &str) -> Result<()> {
        logouts::mark(self, registry)
    }
    fn clear_logout(&self, registry: &str) -> Result<()> {
        logouts::clear(self, registry)
    }
}

impl CatalogTx for Transaction<'_> {
    fn commit(self: Box<Self>) -> Result<()> {
        Ok(Transaction::commit(*self)?)
    }
}

impl Catalog for Db {
    fn read(&self) -> &dyn CatalogRead {
        self
    }
    fn begin(&mut self) -> Result<Box<dyn CatalogTx + '_>> {
        Ok(Box::new(self.write()?))
    }
    fn adding(&self) -> Result<Box<dyn Any>> {
        Ok(Box::new(pending::adding(self)?))
    }
    fn settled(&self) -> Result<Box<dyn Any>> {
        Ok(Box::new(pending::settled(self)?))
    }
    fn holding_writes(&self) -> Result<Box<dyn Any>> {
        Ok(Box::new(super::busy::hold_writes(&self.path)?))
    }
}
