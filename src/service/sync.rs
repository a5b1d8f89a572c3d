//! Copying one catalog into another (`hubint team push` and `team pull`):
//! every integration with its secret, every subscription and every link of
//! the source service into this one.
//!
//! Integrations are matched by name (ignoring case), never by id: the copy
//! gets a fresh id, so that two data directories sharing one OS keyring
//! never share a secret. An integration already there with the same name is
//! updated when its registry, username, email, family, type or password
//! differ, and otherwise left alone; nothing is ever deleted. The registry
//! marks (default, logged out, helper logins) and recorded checks of
//! existing rows are not copied.
//!
//! Every write goes through the service's own operations, so each keeps its
//! crash order (pending entry, then secret, then row; the row before its
//! links). An interrupted copy leaves a prefix: some integrations copied,
//! some links made, perhaps a pending secret for `hubint doctor --fix`.
//! Running it again completes it, and a second complete run changes nothing.

use anyhow::Result;
use serde::Serialize;

use super::catalog::{CatalogRead, Filter};
use super::model::{Integration, Timestamp};
use super::write::{self, Maker, NewIntegration};
use super::{Service, env, get, with_tx};
use crate::failpoint;
use crate::secret::{Secret, StoreKind};

/// What a copy did (or, with `dry_run`, would do).
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Copied {
    /// Integrations made on this side.
    pub created: usize,
    /// Integrations already here under the same name whose details or
    /// password were brought in line.
    pub updated: usize,
    /// Integrations already here and the same.
    pub unchanged: usize,
    /// Subscriptions made on this side.
    pub subscriptions_created: usize,
    /// Links made on this side.
    pub links_added: usize,
    pub dry_run: bool,
}

/// An integration of the source that differs here.
struct Change {
    current: Integration,
    updated: Integration,
    password: Option<Secret>,
}

impl Service<'_> {
    /// Copy every integration (with its secret, new ones into `store`),
    /// subscription and link of `source` into this service. With `dry_run`
    /// only count what would change.
    pub fn copy_from(
        &mut self,
        source: &Service<'_>,
        store: StoreKind,
        dry_run: bool,
    ) -> Result<Copied> {
        let mut copied = Copied {
            dry_run,
            ..Copied::default()
        };
        let mut news = Vec::new();
        let mut changes = Vec::new();
        for row in source.list(&Filter::default())? {
            let secret = source.secret_of(&row)?;
            match self.catalog().find_integration(&row.name)? {
                None => news.push(new_from(&row, secret, store)),
                Some(current) => match self.change(current, &row, secret)? {
                    Some(change) => changes.push(change),
                    None => copied.unchanged += 1,
                },
            }
        }
        copied.created = news.len();
        copied.updated = changes.len();
        if dry_run {
            let (subs, links) = missing_links(self.catalog(), source)?;
            copied.subscriptions_created = subs;
            copied.links_added = links + links_of_new(source, &news)?;
            return Ok(copied);
        }
        if !news.is_empty() {
            write::create_many_by(
                &env(self.ctx, store)?,
                &mut *self.catalog,
                &news,
                Maker::Hand,
            )?;
        }
        failpoint::hit("copy-after-create");
        for change in &changes {
            self.update(&change.current, &change.updated, change.password.as_ref())?;
        }
        let (subs, links) = self.copy_links(source)?;
        if links > 0 {
            let names: Vec<String> = source
                .subscriptions()?
                .into_iter()
                .map(|s| s.name)
                .collect();
            self.links_changed(&names);
        }
        copied.subscriptions_created = subs;
        copied.links_added = links;
        Ok(copied)
    }

    /// How `current` (here) must change to match `row` (the source's), if at all.
    fn change(
        &self,
        current: Integration,
        row: &Integration,
        secret: Secret,
    ) -> Result<Option<Change>> {
        let updated = Integration {
            family: row.family,
            kind: row.kind,
            registry: row.registry.clone(),
            username: row.username.clone(),
            email: row.email.clone(),
            ..current.clone()
        };
        let same_secret = match self.ctx.store(current.secret_store)?.get(&current.id)? {
            Some(here) => *here == *secret,
            None => false,
        };
        let same_row = updated.family == current.family
            && updated.kind == current.kind
            && updated.registry == current.registry
            && updated.username == current.username
            && updated.email == current.email;
        if same_row && same_secret {
            return Ok(None);
        }
        Ok(Some(Change {
            current,
            updated,
            password: (!same_secret).then_some(secret),
        }))
    }

    /// Make every subscription of `source` and its links here, one unit
    /// of work per subscription; how many subscriptions and links were new.
    fn copy_links(&mut self, source: &Service<'_>) -> Result<(usize, usize)> {
        let now = Timestamp::now();
        let (mut subs, mut links) = (0, 0);
        for sub in source.subscriptions()? {
            let (created, attached) = with_tx(&mut *self.catalog, |tx| {
                let (key, created) = tx.subscription_or_create(&sub.name, now)?;
                let mut attached = 0;
                for name in &sub.integrations {
                    let i = get(tx, name)?;
                    attached += usize::from(tx.attach(&key, &i.id, now)?);
                }
                Ok((created, attached))
            })?;
            subs += usize::from(created);
            links += attached;
        }
        Ok((subs, links))
    }
}

/// A new integration like `row`, with `secret`, in `store`.
fn new_from(row: &Integration, secret: Secret, store: StoreKind) -> NewIntegration {
    NewIntegration {
        name: row.name.clone(),
        family: row.family,
        kind: row.kind,
        registry: row.registry.clone(),
        username: row.username.clone(),
        email: row.email.clone(),
        password: secret,
        // Links are made afterwards, with those of existing integrations.
        subscriptions: Vec::new(),
        store,
        verified: row.last_verified_at.zip(row.last_verification.clone()),
    }
}

/// The subscriptions of `source` missing in `here`, and the links missing
/// between integrations that `here` already has.
fn missing_links(here: &dyn CatalogRead, source: &Service<'_>) -> Result<(usize, usize)> {
    let (mut subs, mut links) = (0, 0);
    for sub in source.subscriptions()? {
        let have = here.subscription_summary(&sub.name)?;
        subs += usize::from(have.is_none());
        let have = have.map(|s| s.integrations).unwrap_or_default();
        for name in &sub.integrations {
            let linked = have.iter().any(|h| h.eq_ignore_ascii_case(name));
            let exists = here.find_integration(name)?.is_some();
            links += usize::from(exists && !linked);
        }
    }
    Ok((subs, links))
}

/// The links of the integrations in `news` in `source`.
fn links_of_new(source: &Service<'_>, news: &[NewIntegration]) -> Result<usize> {
    let mut links = 0;
    for new in news {
        links += source.get(&new.name)?.subscriptions.len();
    }
    Ok(links)
}
