//! The interactive forms of `add` and `edit`. They follow the integrations
//! page: family, type, name, URL, username, password, email; then (for
//! `add`) the subscriptions; then a summary of what will be saved and
//! `Save? [Y/n]`. When the encrypted file store will be used, its
//! passphrase is asked before the first field, so that a wrong passphrase
//! never throws away what was typed.

pub mod add;
pub mod edit;

use anyhow::Result;
use rusqlite::Connection;

use crate::context::Ctx;
use crate::db::subscriptions;
use crate::error::Failure;
use crate::secret::StoreKind;
use crate::ui::Ui;
use crate::{prompt, validate};

/// How a password shows in a summary: never its length or any character.
pub const MASKED: &str = "********";

/// The choice that lets the user type a new subscription's name.
const NEW_SUBSCRIPTION: &str = "new subscription...";

/// Ask for the file store's passphrase now (and check it) if the secret will
/// go to or come from that store.
pub fn unlock_first(ctx: &Ctx, store: StoreKind) -> Result<()> {
    if store == StoreKind::File {
        ctx.store(StoreKind::File)?.unlock()?;
    }
    Ok(())
}

/// The store as a summary names it: "OS keyring", or the encrypted file
/// store and its path.
pub fn store_name(ctx: &Ctx, store: StoreKind) -> String {
    match store {
        StoreKind::Keyring => store.describe().to_string(),
        StoreKind::File => format!(
            "{} {}",
            store.describe(),
            ctx.paths.secrets_path().display()
        ),
    }
}

/// The subscriptions to attach: a multi-select of the existing ones plus
/// "new subscription...", which asks for a name. Choosing none is fine.
pub fn choose_subscriptions(ui: &Ui, conn: &Connection) -> Result<Vec<String>> {
    let existing = subscriptions::names(conn)?;
    let mut items = existing.clone();
    items.push(NEW_SUBSCRIPTION.to_string());
    let picked = prompt::multi_select(
        ui,
        "Attach to subscriptions (space to select, enter to confirm; none is fine)",
        &items,
    )?;
    let mut chosen: Vec<String> = picked
        .iter()
        .filter_map(|&i| existing.get(i).cloned())
        .collect();
    if picked.contains(&existing.len()) {
        let name = prompt::input(ui, "New subscription name", None, false, validate::name)?;
        match existing.iter().find(|e| e.eq_ignore_ascii_case(&name)) {
            Some(found) if chosen.contains(found) => {}
            Some(found) => chosen.push(found.clone()),
            None => chosen.push(name),
        }
    }
    Ok(chosen)
}

/// Print `title` and the rows (label, value) aligned, then ask
/// `Save? [Y/n]`. No is a cancellation (exit 130, nothing saved).
pub fn confirm_save(ui: &Ui, title: &str, rows: &[(&str, String)]) -> Result<()> {
    let width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    ui.status(title);
    for (label, value) in rows {
        ui.status(format!("  {label:<width$}  {value}"));
    }
    if prompt::confirm_yes("Save?")? {
        Ok(())
    } else {
        Err(Failure::cancelled().into())
    }
}
