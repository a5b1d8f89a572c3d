//! Saving a registry login that comes from a container tool (the credential
//! helper's `store`) or from a config file (`import`): create or update the
//! integration for that registry and username, through the service's writes.

use std::collections::HashSet;

use anyhow::Result;

use super::catalog::{Catalog, CatalogRead};
use super::model::Integration;
use super::write::{self, Maker, NewIntegration};
use super::{env, get};
use crate::catalog;
use crate::context::Ctx;
use crate::error::Failure;
use crate::matching::{self, ENV_INTEGRATION, Scope, Selection};
use crate::registry;
use crate::secret::Secret;
use crate::validate;

/// The username docker uses for an identity token.
pub const TOKEN_USERNAME: &str = "<token>";

/// A registry login: a normalised registry key, a username (`<token>` for
/// an identity token) and its secret.
pub struct Login {
    pub registry: String,
    pub username: String,
    pub secret: Secret,
    pub email: Option<String>,
}

/// What [`save`] did.
pub enum Saved {
    Created(Integration),
    Updated(Integration),
    Unchanged(Integration),
}

impl Saved {
    pub fn integration(&self) -> &Integration {
        match self {
            Saved::Created(i) | Saved::Updated(i) | Saved::Unchanged(i) => i,
        }
    }
}

impl Login {
    /// Check the parts; errors are short reasons (no secret in them).
    pub fn validate(&self) -> Result<(), String> {
        validate::username(&self.username)?;
        validate::password(&self.secret)?;
        if let Some(email) = &self.email {
            validate::email(email)?;
        }
        Ok(())
    }
}

/// Create or update the integration for each login's registry and
/// username within `scope`, in order. With `HUBINT_INTEGRATION` the pinned
/// integration is updated (it must be for that registry). A new integration
/// gets a name derived from host and username, and is attached to the
/// scope's subscription so that the same scope finds it again.
///
/// For many logins (an import) the updates are made one
/// by one; the new integrations are created in one batch
/// ([`write::create_many_by`]): one write of the secret store however many there
/// are. Stops at the first error; what was saved before it stays.
pub(super) fn save_all(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    logins: &[&Login],
    scope: &Scope,
) -> Result<Vec<Saved>> {
    for login in logins {
        login
            .validate()
            .map_err(|why| Failure::usage(format!("invalid credentials: {why}")))?;
    }
    scope.check(db.read())?;
    let mut saved = Vec::with_capacity(logins.len());
    let (mut news, mut slots, mut names) = (Vec::new(), Vec::new(), HashSet::new());
    for login in logins {
        match target(db.read(), login, scope)? {
            Some(current) => saved.push(Some(update(ctx, db, &current, login)?)),
            None => {
                let new = new_integration(ctx, db.read(), login, scope, &names)?;
                names.insert(new.name.clone());
                news.push(new);
                slots.push(saved.len());
                saved.push(None);
            }
        }
    }
    for (slot, created) in slots.into_iter().zip(create_all(ctx, db, &news)?) {
        saved[slot] = Some(Saved::Created(created));
    }
    Ok(saved.into_iter().flatten().collect())
}

/// Create `news` (made by hand, all in one store) in one batch.
fn create_all(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    news: &[NewIntegration],
) -> Result<Vec<Integration>> {
    match news.first() {
        Some(first) => write::create_many_by(&env(ctx, first.store)?, db, news, Maker::Hand),
        None => Ok(Vec::new()),
    }
}

/// The integration `login` updates within `scope`, if any.
fn target(db: &dyn CatalogRead, login: &Login, scope: &Scope) -> Result<Option<Integration>> {
    match &scope.integration {
        Some(name) => {
            let pinned = get(db, name)?;
            if pinned.registry != login.registry {
                return Err(Failure::conflict(format!(
                    "{ENV_INTEGRATION} names '{}', which is for {}, not {}",
                    pinned.name, pinned.registry, login.registry
                ))
                .into());
            }
            Ok(Some(pinned))
        }
        None => {
            let mut list = matching::candidates(db, &login.registry, scope)?;
            list.retain(|i| i.username == login.username);
            match matching::choose(&login.registry, list) {
                Selection::Found(i) => Ok(Some(*i)),
                Selection::NotFound => Ok(None),
                Selection::Ambiguous(key, list) => Err(matching::ambiguous(&key, &list).into()),
            }
        }
    }
}

/// Give `current` this login's username, email and secret.
pub(super) fn update(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    current: &Integration,
    login: &Login,
) -> Result<Saved> {
    let mut updated = current.clone();
    updated.username = login.username.clone();
    if login.email.is_some() {
        updated.email = login.email.clone();
    }
    let stored = ctx.store(current.secret_store)?.get(&current.id)?;
    let same_secret = stored.as_deref().map(String::as_str) == Some(login.secret.as_str());
    if updated == *current && same_secret {
        return Ok(Saved::Unchanged(current.clone()));
    }
    let password = (!same_secret).then_some(&login.secret);
    let env = env(ctx, current.secret_store)?;
    Ok(Saved::Updated(write::update(
        &env, db, current, &updated, password,
    )?))
}

/// A new integration for this login, attached to the scope's subscription
/// (created if missing), made by `maker`.
pub(super) fn create(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    login: &Login,
    scope: &Scope,
    maker: Maker,
) -> Result<Saved> {
    let new = new_integration(ctx, db.read(), login, scope, &HashSet::new())?;
    let env = env(ctx, new.store)?;
    Ok(Saved::Created(write::create_by(&env, db, &new, maker)?))
}

/// A new integration for `login`, named so that it clashes neither with a
/// row nor with `taken` (the names of the same batch).
fn new_integration(
    ctx: &Ctx,
    db: &dyn CatalogRead,
    login: &Login,
    scope: &Scope,
    taken: &HashSet<String>,
) -> Result<NewIntegration> {
    let kind = catalog::type_for_login(&login.registry, &login.username, &login.secret);
    let (family, kind) = super::model::kind_of(catalog::DEFAULT_FAMILY, kind.id)?;
    Ok(NewIntegration {
        name: free_name(db, &login.registry, &login.username, taken)?,
        family,
        kind,
        registry: login.registry.clone(),
        username: login.username.clone(),
        email: login.email.clone(),
        password: login.secret.clone(),
        subscriptions: scope.subscription.iter().cloned().collect(),
        store: ctx.default_store(None)?,
        verified: None,
    })
}

/// A free integration name made of the registry host and the username:
/// `registry.example.com-5000-alice`, `docker.io-bob`, `quay.io-token`;
/// `-2`, `-3`, ... is appended when it is taken.
#[cfg(test)]
fn derive_name(conn: &dyn CatalogRead, registry_key: &str, username: &str) -> Result<String> {
    free_name(conn, registry_key, username, &HashSet::new())
}

/// [`derive_name`], also avoiding the names in `taken`.
fn free_name(
    conn: &dyn CatalogRead,
    registry_key: &str,
    username: &str,
    taken: &HashSet<String>,
) -> Result<String> {
    let host = if registry::is_docker_hub(registry_key) {
        "docker.io"
    } else {
        registry_key
    };
    let base = slug(&format!("{}-{}", slug(host), slug(username)));
    let base = if base.is_empty() { "registry" } else { &base };
    for n in 1usize.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let room = validate::NAME_MAX - suffix.len();
        let stem: String = base.chars().take(room).collect();
        let candidate = format!("{}{suffix}", stem.trim_end_matches(['-', '.', '_']));
        if validate::name(&candidate).is_ok()
            && !taken.contains(&candidate)
            && conn.find_integration(&candidate)?.is_none()
        {
            return Ok(candidate);
        }
    }
    unreachable!("some suffix is free")
}

/// Keep letters, digits, `.`, `_` and `-`; everything else becomes `-`;
/// runs of `-` collapse; no leading or trailing punctuation.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
            c.to_ascii_lowercase()
        } else {
            '-'
        };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    out.trim_matches(['-', '.', '_']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    #[test]
    fn slugs() {
        for (given, want) in [
            ("<token>", "token"),
            ("localhost:5000", "localhost-5000"),
            ("[::1]:5000", "1-5000"),
            ("Alice@Example.com", "alice-example.com"),
            ("***", ""),
        ] {
            assert_eq!(slug(given), want, "slug of {given}");
        }
    }

    #[test]
    fn derived_names_are_valid_and_unique() {
        let db = Db::open_in_memory().unwrap();
        let name = derive_name(&db, registry::DOCKER_HUB, "<token>").unwrap();
        assert_eq!(name, "docker.io-token");
        let name = derive_name(&db, "localhost:5000", "alice").unwrap();
        assert_eq!(name, "localhost-5000-alice");
        db.conn
            .execute(
                "INSERT INTO integrations (id, name, family, type, registry, username, \
                 secret_store, created_at, updated_at) \
                 VALUES ('x', 'localhost-5000-alice', 'hub', 'docker', 'localhost:5000', \
                 'alice', 'keyring', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                [],
            )
            .unwrap();
        let name = derive_name(&db, "localhost:5000", "alice").unwrap();
        assert_eq!(name, "localhost-5000-alice-2");
        let long = "u".repeat(200);
        let name = derive_name(&db, "localhost:5000", &long).unwrap();
        assert!(validate::name(&name).is_ok(), "{name}");
        let name = derive_name(&db, "[::1]:5000", "!!!").unwrap();
        assert!(validate::name(&name).is_ok(), "{name}");
    }
}
