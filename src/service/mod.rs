//! The domain service: the one door to storage. Commands, the credential
//! helper, imports and doctor read and change integrations and
//! subscriptions only through [`Service`]; it keeps each row and its secret
//! consistent, over a [`Catalog`] backend (SQLite, `crate::db`) and the
//! secret stores (`crate::secret`).
//!
//! Each write is one operation: the catalog's writes of it go in one unit of
//! work ([`Catalog::begin`] … [`catalog::CatalogTx::commit`], as jj's
//! `start_transaction … finish`), and every write of a row is a
//! check-and-set on the revision the caller read (the one concurrency rule;
//! a conflict is [`changed_meanwhile`], exit 4).
//!
//! A crash (`kill -9`, power loss) can strike between the secret store and
//! the catalog, which cannot share a transaction. The order of the steps
//! makes every such crash leave a row that can read its secret; what it can
//! leave behind is a secret that no row owns, and then a pending entry,
//! committed before the secret is touched, names it so that
//! `hubint doctor --fix` can remove it (even from the OS keyring, which
//! other databases share).

pub mod catalog;
mod check;
pub mod file_store;
mod helper;
mod in_use;
mod login;
pub mod model;
mod policies;
mod relocate;
mod subscriptions;
mod sync;
mod write;

use anyhow::Result;

use self::catalog::{Catalog, CatalogRead, CatalogWrite, Filter, Subscription, SubscriptionKey};
use self::model::{Integration, IntegrationId, Timestamp};
use crate::context::Ctx;
use crate::error::{Failure, fail};
use crate::matching::{self, Scope, Selection};
use crate::secret::{Secret, StoreKind};

pub use self::catalog::changed_meanwhile;
pub use self::check::Candidate;
pub use self::in_use::{in_use_error, subscription_in_use};
pub use self::login::{Login, Saved, TOKEN_USERNAME};
pub use self::policies::TeamPolicy;
pub use self::subscriptions::Attached;
pub use self::sync::Copied;
pub use self::write::{Deleted, Maker, NewIntegration};

/// The username and password a registry gets ([`Service::registry_login`]).
pub struct RegistryLogin {
    pub username: String,
    pub password: Secret,
}

/// What `hubint add` hands the service: the integration to make and, with
/// `--verify`, how to check its credentials before anything is written.
pub struct AddRequest {
    pub new: NewIntegration,
    pub check: Option<crate::verify::Options>,
}

/// The service over one catalog, for one command.
pub struct Service<'a> {
    ctx: &'a Ctx,
    catalog: Box<dyn Catalog>,
    /// On the team store: keep its policies current (`policies`).
    team: bool,
}

impl<'a> Service<'a> {
    /// For a command that writes.
    pub fn open(ctx: &'a Ctx) -> Result<Service<'a>> {
        if ctx.team_mode()? {
            return Service::team(ctx);
        }
        Service::open_local(ctx)
    }

    /// On the local catalog (SQLite) whatever `store` says, for a command
    /// that writes (`hubint team pull`) or copies from it (`team push`).
    pub fn open_local(ctx: &'a Ctx) -> Result<Service<'a>> {
        Ok(Service {
            ctx,
            catalog: Box::new(ctx.open_db()?),
            team: false,
        })
    }

    /// On the team store whatever `store` says (`hubint team push|pull`):
    /// its address and token come from the team settings.
    pub fn open_team(ctx: &'a Ctx) -> Result<Service<'a>> {
        Service::team(ctx)
    }

    /// For a command that only reads: it still works on a full disk or a
    /// read-only data directory.
    pub fn reader(ctx: &'a Ctx) -> Result<Service<'a>> {
        if ctx.team_mode()? {
            return Service::team(ctx);
        }
        Ok(Service {
            ctx,
            catalog: Box::new(ctx.read_db()?),
            team: false,
        })
    }

    /// On the team store (`store = team`): the KV catalog, nothing local.
    fn team(ctx: &'a Ctx) -> Result<Service<'a>> {
        let catalog = crate::team::catalog::TeamCatalog::new(ctx.team_client()?);
        Ok(Service {
            ctx,
            catalog: Box::new(catalog),
            team: true,
        })
    }

    /// The committed catalog, for reads and prompt validators.
    pub fn catalog(&self) -> &dyn CatalogRead {
        self.catalog.read()
    }

    /// The integration called `name`, or not found (exit 3).
    pub fn get(&self, name: &str) -> Result<Integration> {
        get(self.catalog(), name)
    }

    /// The integrations that pass `filter`, sorted by name. A subscription
    /// in the filter must exist (not found, exit 3).
    pub fn list(&self, filter: &Filter<'_>) -> Result<Vec<Integration>> {
        if let Some(sub) = filter.subscription {
            subscription_key(self.catalog(), sub)?;
        }
        self.catalog().integrations(filter)
    }

    /// One subscription with its integrations, or not found (exit 3).
    pub fn subscription(&self, name: &str) -> Result<Subscription> {
        match self.catalog().subscription_summary(name)? {
            Some(s) => Ok(s),
            None => Err(catalog::not_found("subscription", name).into()),
        }
    }

    /// Every subscription.
    pub fn subscriptions(&self) -> Result<Vec<Subscription>> {
        self.catalog().subscriptions()
    }

    /// The secret of an integration as stored, from the store its row
    /// names. A missing one is an error (exit 5), never a prompt.
    pub fn secret_of(&self, i: &Integration) -> Result<Secret> {
        let store = self.ctx.store(i.secret_store)?;
        match store.get(&i.id)? {
            Some(secret) => Ok(secret),
            None => Err(missing_secret(i, store.kind()).into()),
        }
    }

    /// What a registry gets from an integration: its username and password.
    /// A type whose registry takes minted tokens (`ecr`) serves `AWS` and a
    /// token minted from the stored keys, cached in the same store until a
    /// margin before its expiry (`crate::ecr`): commands have no ECR branch.
    pub fn registry_login(&self, i: &Integration) -> Result<RegistryLogin> {
        let store = self.ctx.store(i.secret_store)?;
        let secret = match store.get(&i.id)? {
            Some(secret) => secret,
            None => return Err(missing_secret(i, store.kind()).into()),
        };
        if !i.kind.is_ecr() {
            return Ok(RegistryLogin {
                username: i.username.clone(),
                password: secret,
            });
        }
        let served = crate::ecr::serve(&i.name, &i.username, &secret, &i.registry)?;
        if let Some(back) = served.store_back {
            // A cache: when it cannot be written, the next call mints again.
            // Never over a secret changed meanwhile (an edit of the keys):
            // compared and written under the write lock, which an edit
            // holds while it replaces the secret.
            if let Ok(_writes) = self.catalog.holding_writes()
                && store.get(&i.id).ok().flatten().as_deref() == Some(&*secret)
            {
                crate::failpoint::hit("ecr-before-store-back");
                let _ = store.set(&i.id, &crate::recovery::meta(self.ctx, i), &back);
            }
        }
        Ok(RegistryLogin {
            username: crate::ecr::USERNAME.to_string(),
            password: served.password,
        })
    }

    /// The integration a tool gets for `server_url` within `scope`.
    pub fn resolve(&self, server_url: &str, scope: &Scope) -> Result<Selection> {
        matching::select(self.catalog(), server_url, scope)
    }

    /// Fail if the scope names a subscription or integration that does not exist.
    pub fn check_scope(&self, scope: &Scope) -> Result<()> {
        scope.check(self.catalog())
    }

    /// `hubint add` as one operation: with `request.check` (`--verify`),
    /// check the credentials first (refusing to save on failure, exit 6),
    /// then write the row, its links, its check and its secret.
    pub fn add(&mut self, request: AddRequest) -> Result<Integration> {
        let AddRequest { mut new, check } = request;
        new.verified = self.check_before_save(&Candidate::of(&new), check)?;
        let made = write::create_by(
            &env(self.ctx, new.store)?,
            &mut *self.catalog,
            &new,
            Maker::Hand,
        )?;
        self.links_changed(&made.subscriptions);
        Ok(made)
    }

    /// Write back `updated` (read as `current`) and, if given, a new password.
    pub fn update(
        &mut self,
        current: &Integration,
        updated: &Integration,
        password: Option<&Secret>,
    ) -> Result<Integration> {
        let env = env(self.ctx, current.secret_store)?;
        write::update(&env, &mut *self.catalog, current, updated, password)
    }

    /// Delete an integration and its secret; `detach` removes its links.
    pub fn delete(&mut self, target: &Integration, detach: bool) -> Result<Deleted> {
        let env = env(self.ctx, target.secret_store)?;
        let deleted = write::delete(&env, &mut *self.catalog, target, detach)?;
        self.links_changed(&target.subscriptions);
        Ok(deleted)
    }

    /// Move the secrets of `targets` to the store `to`; returns the moved rows.
    pub fn relocate(&mut self, targets: &[Integration], to: StoreKind) -> Result<Vec<Integration>> {
        relocate::relocate_many(self.ctx, &mut *self.catalog, targets, to)
    }

    /// Record a check of the credentials (not an edit: `updated_at` stays).
    pub fn record_verification(
        &mut self,
        id: &IntegrationId,
        at: Timestamp,
        result: &str,
    ) -> Result<()> {
        with_tx(&mut *self.catalog, |tx| {
            tx.record_verification(id, at, result)
        })
    }

    /// The credential helper's `store`: save a tool's login in `scope`.
    /// Returns what was saved and what else changed (lines for stderr).
    pub fn save_login(&mut self, login: &Login, scope: &Scope) -> Result<(Saved, Vec<String>)> {
        helper::login(self.ctx, &mut *self.catalog, login, scope)
    }

    /// The credential helper's `erase`: log out of a registry in `scope`.
    pub fn erase_login(&mut self, server_url: &str, scope: &Scope) -> Result<Vec<String>> {
        helper::logout(self.ctx, &mut *self.catalog, server_url, scope)
    }

    /// Save many logins (an import) within `scope`, in order.
    pub fn import_logins(&mut self, logins: &[&Login], scope: &Scope) -> Result<Vec<Saved>> {
        login::save_all(self.ctx, &mut *self.catalog, logins, scope)
    }
}

/// The integration called `name`, or not found (exit 3).
fn get(db: &dyn CatalogRead, name: &str) -> Result<Integration> {
    match db.find_integration(name)? {
        Some(i) => Ok(i),
        None => fail(catalog::not_found("integration", name)),
    }
}

/// The subscription called `name`, or not found (exit 3).
fn subscription_key(db: &dyn CatalogRead, name: &str) -> Result<SubscriptionKey> {
    match db.find_subscription(name)? {
        Some(key) => Ok(key),
        None => Err(catalog::not_found("subscription", name).into()),
    }
}

/// The failure when a row's secret is not in its store (exit 5).
fn missing_secret(i: &Integration, store: StoreKind) -> Failure {
    Failure::store(format!(
        "the password of integration '{}' is missing from the {}",
        i.name,
        store.describe()
    ))
    .hint(format!(
        "set it again with `hubint integration edit {} --password-stdin`",
        i.name
    ))
}

/// What the writes of `write` need from the context, for rows whose secrets
/// are in `store`: the service hands it down, so that they never call back.
fn env(ctx: &Ctx, store: StoreKind) -> Result<write::Env<'_>> {
    Ok(write::Env {
        store: ctx.store(store)?,
        home: crate::recovery::home(ctx),
        ui: &ctx.ui,
    })
}

/// Run `work` in one unit of work and commit it.
fn with_tx<T>(
    db: &mut dyn Catalog,
    work: impl FnOnce(&dyn CatalogWrite) -> Result<T>,
) -> Result<T> {
    let tx = db.begin()?;
    let out = work(&*tx)?;
    tx.commit()?;
    Ok(out)
}
