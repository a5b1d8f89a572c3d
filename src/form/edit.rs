//! Interactive `edit`: the same fields as `add`, in the same order, each
//! offering its current value (Enter keeps it). The password may be left
//! empty to keep it; the email is removed with `-`. A summary of the changes
//! is confirmed before anything is saved.

use crate::service::catalog::CatalogRead;
use anyhow::Result;

use crate::catalog::IntegrationType;
use crate::context::Ctx;
use crate::secret::Secret;
use crate::service::model::{Integration, TypeRef};
use crate::ui::Ui;
use crate::{prompt, validate};

/// The answer that removes the email address.
const REMOVE: &str = "-";

pub fn collect(
    ctx: &Ctx,
    conn: &dyn CatalogRead,
    current: &Integration,
) -> Result<(Integration, Option<Secret>)> {
    let ui = &ctx.ui;
    let family = current.family.0;
    {
        let store = current.secret_store;
        super::unlock_first(ctx, store)?;
    }
    prompt::chosen(ui, "Integration family", family.id);
    let kind = ask_type(ui, current)?;
    let mut updated = current.clone();
    updated.kind = TypeRef(kind);
    updated.name = ask_name(ui, conn, current)?;
    // A new type offers its own registry (or the current one if it has none).
    let offered = match kind.default_url {
        Some(own) if kind.id != current.kind.id => kind.check_url(own).unwrap_or_default(),
        _ => current.registry.clone(),
    };
    let url = prompt::input(ui, "Registry URL", Some(&offered), false, |v| {
        kind.check_url(v).map(drop)
    })?;
    updated.registry = kind.registry_key(Some(&url))?;
    updated.default = current.default && updated.registry == current.registry;
    updated.username = prompt::input(ui, "Username", Some(&current.username), false, |v| {
        super::fields::check_username(kind, v)
    })?;
    let password = super::fields::ask_new(ui, kind)?;
    if kind.has_email {
        updated.email = ask_email(ui, current.email.as_deref())?;
    }
    let rows = changes(ctx, current, &updated, password.is_some());
    if !rows.is_empty() {
        super::confirm_save(ui, &format!("Changes to {}:", current.name), &rows)?;
    }
    Ok((updated, password))
}

/// The type, the current one first: those of the family that keep the
/// kind of secret (never to or from ecr, whose secret is AWS keys).
fn ask_type(ui: &Ui, current: &Integration) -> Result<&'static IntegrationType> {
    let types: Vec<&'static IntegrationType> = current
        .family
        .0
        .types
        .iter()
        .filter(|t| t.is_ecr() == current.kind.is_ecr())
        .collect();
    let items: Vec<(&str, &str)> = types.iter().map(|t| (t.id, t.label)).collect();
    if let [(id, _)] = items.as_slice() {
        prompt::chosen(ui, "Integration type", id);
        return Ok(types[0]);
    }
    let labels: Vec<&str> = items.iter().map(|(_, label)| *label).collect();
    let at = types
        .iter()
        .position(|t| t.id == current.kind.id)
        .unwrap_or(0);
    Ok(types[prompt::select(ui, "Integration type", &labels, at)?])
}

fn ask_name(ui: &Ui, conn: &dyn CatalogRead, current: &Integration) -> Result<String> {
    prompt::input(ui, "Name", Some(&current.name), false, |v| {
        validate::name(v)?;
        match conn.find_integration(v) {
            Ok(Some(other)) if other.id != current.id => {
                Err(format!("'{}' is taken; choose another name", other.name))
            }
            _ => Ok(()),
        }
    })
}

/// With an address: Enter keeps it, `-` removes it. Without: optional.
fn ask_email(ui: &Ui, current: Option<&str>) -> Result<Option<String>> {
    let answer = match current {
        Some(email) => prompt::input(
            ui,
            "Email (Enter keeps it, - removes it)",
            Some(email),
            true,
            |v| match v {
                REMOVE => Ok(()),
                v => validate::email(v),
            },
        )?,
        None => prompt::input(
            ui,
            "Email (optional, Enter to skip)",
            None,
            true,
            validate::email,
        )?,
    };
    Ok(Some(answer).filter(|e| !e.is_empty() && e != REMOVE))
}

/// One row per changed field: `old → new`.
fn changes(
    ctx: &Ctx,
    current: &Integration,
    updated: &Integration,
    new_password: bool,
) -> Vec<(&'static str, String)> {
    let change = |old: &str, new: &str| format!("{old} → {new}");
    let none = "(none)";
    let mut rows = Vec::new();
    if updated.name != current.name {
        rows.push(("Name", change(&current.name, &updated.name)));
    }
    if updated.kind != current.kind {
        rows.push(("Type", change(current.kind.id, updated.kind.id)));
    }
    if updated.registry != current.registry {
        rows.push(("Registry", change(&current.registry, &updated.registry)));
    }
    if updated.username != current.username {
        rows.push(("Username", change(&current.username, &updated.username)));
    }
    if new_password {
        let store = super::store_name(ctx, current.secret_store);
        rows.push((
            "Password",
            format!("{} (new, kept in the {store})", super::MASKED),
        ));
    }
    if updated.email != current.email {
        let old = current.email.as_deref().unwrap_or(none);
        let new = updated.email.as_deref().unwrap_or(none);
        rows.push(("Email", change(old, new)));
    }
    rows
}
