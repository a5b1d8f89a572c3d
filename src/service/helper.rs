//! What a container tool's login and logout do to hubint's integrations:
//! the credential helper's `store` and `erase`, scope by scope.
//!
//! A scope is what `get` looks at: `HUBINT_SUBSCRIPTION=S` (the
//! integrations attached to S), `HUBINT_INTEGRATION=NAME` (that one), or
//! none (every integration, the registry default first). The rules:
//!
//! - login: afterwards `get` in the same scope returns exactly what was
//!   stored. A login for the same username that belongs to the scope alone
//!   is updated; otherwise a new integration is created (and marked as the
//!   helper's). Every other login for the registry leaves the scope: under
//!   S it is detached from S; without a scope the new login becomes the
//!   registry default. A replaced login that the helper made and that no
//!   subscription uses any more is deleted with its secret; one made with
//!   `hubint add` is kept.
//! - logout: afterwards `get` in the same scope finds nothing. Under S the
//!   registry's integrations are detached from S (the helper's, left unused,
//!   are deleted). Without a scope the registry's integrations that no
//!   subscription uses are deleted; those that subscriptions use are kept,
//!   and the registry is marked as logged out for tools without a scope
//!   (`CatalogWrite::mark_logout`): they are no longer served it, while S and a pinned
//!   integration still are. A later login without a scope, `hubint add` for
//!   the registry or `hubint integration edit NAME --default` lifts the mark.
//!   Pinned to an integration that subscriptions use, the logout fails and
//!   changes nothing. Nothing to log out of is a success.

use anyhow::Result;

use super::catalog::Catalog;
use super::in_use::in_use_error;
use super::login::{self, Login, Saved};
use super::model::Integration;
use super::write::{self, Maker};
use super::{env, subscription_key, with_tx};
use crate::context::Ctx;
use crate::error::{Code, Failure, exit_code};
use crate::matching::{self, ENV_SUBSCRIPTION, Scope};
use crate::validate;

/// Whether `i` belongs to `scope` alone: attached to exactly S, or (without
/// a subscription) to none.
fn owned(scope: &Scope, i: &Integration) -> bool {
    match &scope.subscription {
        Some(sub) => matches!(i.subscriptions.as_slice(), [only] if only.eq_ignore_ascii_case(sub)),
        None => i.subscriptions.is_empty(),
    }
}

/// Save a client's login in `scope` so that `get` serves it there. Returns
/// what was saved and what else changed (one line each, for stderr).
pub(super) fn login(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    new: &Login,
    scope: &Scope,
) -> Result<(Saved, Vec<String>)> {
    if scope.integration.is_some() {
        // A pinned integration is updated in place, as the user asked.
        let mut saved = login::save_all(ctx, db, &[new], scope)?;
        return Ok((saved.pop().expect("one login, one result"), Vec::new()));
    }
    new.validate()
        .map_err(|why| Failure::usage(format!("invalid credentials: {why}")))?;
    if let Some(sub) = &scope.subscription {
        validate::name(sub)
            .map_err(|why| Failure::usage(format!("{ENV_SUBSCRIPTION} names '{sub}': {why}")))?;
    }
    let candidates = matching::candidates(db.read(), &new.registry, scope)?;
    if let Some(minted) = candidates.iter().find(|c| c.kind.is_ecr()) {
        // Its stored secret is the AWS keys: a login must never replace
        // them with a 12-hour token (docker-credential-ecr-login refuses
        // `store` too).
        return Err(Failure::conflict(format!(
            "{} is served by integration '{}', which mints its own tokens from AWS keys; \
             no login is needed",
            new.registry, minted.name
        ))
        .hint("pull and push without `docker login`; to change the keys, `hubint edit NAME`")
        .into());
    }
    let saved = match same_login(ctx, new, scope, &candidates)? {
        Some(current) => login::update(ctx, db, current, new)?,
        None => login::create(ctx, db, new, scope, Maker::Helper)?,
    };
    if scope.is_unscoped() && saved.integration().logged_out {
        // Logged in again: tools without a scope are served again.
        with_tx(db, |tx| tx.clear_logout(&new.registry))?;
    }
    let kept = saved.integration().clone();
    let mut notes = Vec::new();
    for other in candidates.iter().filter(|c| c.id != kept.id) {
        notes.extend(leave_scope(ctx, db, other, scope)?);
    }
    if scope.subscription.is_none() && !kept.default {
        let rest = matching::candidates(db.read(), &new.registry, scope)?;
        if rest.len() > 1 {
            let current = db.read().integration_by_id(&kept.id)?;
            let updated = Integration {
                default: true,
                ..current.clone()
            };
            write::update(
                &env(ctx, current.secret_store)?,
                db,
                &current,
                &updated,
                None,
            )?;
            notes.push(format!(
                "hubint: {} is now the default integration for {}",
                kept.name, kept.registry
            ));
        }
    }
    Ok((saved, notes))
}

/// The login in `candidates` that this login updates: the same username,
/// owned by the scope alone or already holding this secret.
fn same_login<'a>(
    ctx: &Ctx,
    new: &Login,
    scope: &Scope,
    candidates: &'a [Integration],
) -> Result<Option<&'a Integration>> {
    let same_user = || candidates.iter().filter(|c| c.username == new.username);
    if let Some(mine) = same_user().find(|c| owned(scope, c)) {
        return Ok(Some(mine));
    }
    for c in same_user() {
        let stored = ctx.store(c.secret_store)?.get(&c.id)?;
        if stored.as_deref().map(String::as_str) == Some(new.secret.as_str()) {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

/// Take `i` out of `scope`: detach it from the scope's subscription, then
/// delete it if the helper made it and nothing uses it any more. Without a
/// subscription only such an unused helper login is deleted.
fn leave_scope(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    i: &Integration,
    scope: &Scope,
) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    if let Some(sub) = &scope.subscription {
        with_tx(db, |tx| {
            let key = subscription_key(tx, sub)?;
            if tx.detach(&key, &i.id)? {
                notes.push(format!("hubint: detached {} from {}", i.name, key.name));
            }
            Ok(())
        })?;
    }
    let now = db.read().integration_by_id(&i.id)?;
    if now.subscriptions.is_empty() && db.read().is_helper_login(&i.id)? {
        write::delete(&env(ctx, now.secret_store)?, db, &now, false)?;
        notes.push(format!("hubint: deleted integration {}", i.name));
    }
    Ok(notes)
}

/// Log out of the registry of `server_url` in `scope`. Returns what changed
/// (one line each, for stderr); nothing when there was nothing to log out of.
pub(super) fn logout(
    ctx: &Ctx,
    db: &mut dyn Catalog,
    server_url: &str,
    scope: &Scope,
) -> Result<Vec<String>> {
    // A scope naming nothing holds no login: nothing to do.
    if let Err(err) = scope.check(db.read()) {
        return match exit_code(&err) {
            Code::NotFound => Ok(Vec::new()),
            _ => Err(err),
        };
    }
    let Ok(key) = crate::registry::normalize(server_url) else {
        return Ok(Vec::new());
    };
    let candidates = matching::candidates(db.read(), &key, scope)?;
    if scope.subscription.is_some() {
        let mut notes = Vec::new();
        for i in &candidates {
            notes.extend(leave_scope(ctx, db, i, scope)?);
        }
        return Ok(notes);
    }
    if scope.is_unscoped() && candidates.iter().any(|i| i.logged_out) {
        // Logged out already: `get` without a scope finds nothing.
        return Ok(Vec::new());
    }
    let (unused, used): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|i| i.subscriptions.is_empty());
    if !scope.is_unscoped()
        && unused.is_empty()
        && let Some(first) = used.first()
    {
        return Err(in_use(first).into());
    }
    let mut notes = Vec::new();
    for i in &unused {
        write::delete(&env(ctx, i.secret_store)?, db, i, false)?;
        notes.push(format!("hubint: deleted integration {}", i.name));
    }
    for i in &used {
        notes.push(format!(
            "hubint: {} still serves {key} for {}",
            i.name,
            i.subscriptions.join(", ")
        ));
    }
    if let (true, Some(first)) = (scope.is_unscoped(), used.first()) {
        with_tx(db, |tx| tx.mark_logout(&key))?;
        notes.push(format!(
            "hubint: logged out of {key} for tools without {ENV_SUBSCRIPTION}; \
             `hubint integration edit {} --default` serves it to them again",
            first.name
        ));
    }
    Ok(notes)
}

/// The refusal of a logout pinned to an integration that subscriptions use:
/// it says how to log out of one of them instead.
fn in_use(target: &Integration) -> Failure {
    let first = &target.subscriptions[0];
    in_use_error(target).hint(format!(
        "log out with {ENV_SUBSCRIPTION}={first} to detach it from {first} only, or delete it \
         with `hubint integration delete {} --detach-all`",
        target.name
    ))
}
