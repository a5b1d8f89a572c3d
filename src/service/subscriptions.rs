//! The writes on subscriptions and their links, each one unit of work.

use anyhow::Result;

use super::catalog::Subscription;
use super::model::Timestamp;
use super::{Service, get, subscription_key, with_tx};
use crate::error::Failure;

/// What [`Service::attach`] did.
pub struct Attached {
    /// The integration's name.
    pub integration: String,
    /// The subscription's stored name.
    pub subscription: String,
    /// Whether the subscription was created for it.
    pub created: bool,
    /// Whether the link is new (`false`: it was already attached).
    pub attached: bool,
}

impl Service<'_> {
    /// Attach the integration to the subscription, created if missing.
    pub fn attach(&mut self, subscription: &str, integration: &str) -> Result<Attached> {
        let now = Timestamp::now();
        let done = with_tx(&mut *self.catalog, |tx| {
            let i = get(tx, integration)?;
            let (key, created) = tx.subscription_or_create(subscription, now)?;
            let attached = tx.attach(&key, &i.id, now)?;
            Ok(Attached {
                integration: i.name,
                subscription: key.name,
                created,
                attached,
            })
        })?;
        if done.attached {
            self.links_changed(&[&done.subscription]);
        }
        Ok(done)
    }

    /// Detach the integration from the subscription; returns the names of
    /// both as stored. Not found (exit 3) if it was not attached.
    pub fn detach(&mut self, subscription: &str, integration: &str) -> Result<(String, String)> {
        let names = with_tx(&mut *self.catalog, |tx| {
            let key = subscription_key(tx, subscription)?;
            let i = get(tx, integration)?;
            if !tx.detach(&key, &i.id)? {
                return Err(Failure::not_found(format!(
                    "integration '{}' is not attached to subscription '{}'",
                    i.name, key.name
                ))
                .hint(format!(
                    "`hubint subscription list` shows what {} uses",
                    key.name
                ))
                .into());
            }
            Ok((i.name, key.name))
        })?;
        self.links_changed(&[&names.1]);
        Ok(names)
    }

    /// Create a subscription; returns its name. A conflict if it exists.
    pub fn create_subscription(&mut self, name: &str) -> Result<String> {
        let now = Timestamp::now();
        with_tx(&mut *self.catalog, |tx| tx.create_subscription(name, now))
    }

    /// Rename a subscription; returns its old name.
    pub fn rename_subscription(&mut self, old: &str, new: &str) -> Result<String> {
        let was = with_tx(&mut *self.catalog, |tx| tx.rename_subscription(old, new))?;
        // The old name's policy now grants nothing; one for the new name
        // (if written) gets the links.
        self.links_changed(&[was.as_str(), new]);
        Ok(was)
    }

    /// Delete a subscription and its links, once `allow` accepts it as it
    /// is under the write lock (an integration attached meanwhile counts).
    /// Returns it as it was.
    pub fn delete_subscription(
        &mut self,
        name: &str,
        allow: impl FnOnce(&Subscription) -> Result<()>,
    ) -> Result<Subscription> {
        with_tx(&mut *self.catalog, |tx| {
            let key = subscription_key(tx, name)?;
            let Some(current) = tx.subscription_summary(name)? else {
                return Err(super::catalog::not_found("subscription", name).into());
            };
            allow(&current)?;
            tx.delete_subscription(&key)?;
            Ok(current)
        })
        .inspect(|gone| self.links_changed(&[&gone.name]))
    }
}
