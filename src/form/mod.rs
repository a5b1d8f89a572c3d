//! The interactive forms of `add` and `edit`. They follow the integrations
//! page: family, type, name, URL, username, password, email; then (for
//! `add`) the subscriptions; then a summary of what will be saved and
//! `Save? [Y/n]`. When the encrypted file store will be used, its
//! passphrase is asked before the first field, so that a wrong passphrase
//! never throws away what was typed.

pub mod add;
pub mod edit;
pub mod fields;

use crate::service::catalog::CatalogRead;
use anyhow::Result;

use crate::context::Ctx;
use crate::error::Failure;
use crate::secret::StoreKind;
use crate::ui::Ui;
use crate::{prompt, similar, validate};

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
        StoreKind::Keyring | StoreKind::Team => store.describe().to_string(),
        StoreKind::File => format!(
            "{} {}",
            store.describe(),
            ctx.paths.secrets_path().display()
        ),
    }
}

/// The subscriptions to attach: a multi-select of the existing ones plus
/// "new subscription...", which asks for a name. Choosing none is fine. A
/// new name close to an existing one is warned about; declining to create
/// it goes back to the list, with the other choices kept.
pub fn choose_subscriptions(ui: &Ui, conn: &dyn CatalogRead) -> Result<Vec<String>> {
    let existing = conn.subscription_names()?;
    let mut items = existing.clone();
    items.push(NEW_SUBSCRIPTION.to_string());
    let mut checked = vec![false; items.len()];
    loop {
        let picked = prompt::multi_select(
            ui,
            "Attach to subscriptions (space to select, enter to confirm; none is fine)",
            &items,
            &checked,
        )?;
        let mut chosen: Vec<String> = picked
            .iter()
            .filter_map(|&i| existing.get(i).cloned())
            .collect();
        if !picked.contains(&existing.len()) {
            return Ok(chosen);
        }
        if let Some(name) = new_subscription(ui, &existing)? {
            if !chosen.contains(&name) {
                chosen.push(name);
            }
            return Ok(chosen);
        }
        checked = (0..items.len())
            .map(|i| i < existing.len() && picked.contains(&i))
            .collect();
    }
}

/// The name typed at "new subscription...": an existing one (ignoring case)
/// as it is stored. `None` when the name is close to an existing one and
/// the user declines to create it.
fn new_subscription(ui: &Ui, existing: &[String]) -> Result<Option<String>> {
    let name = prompt::input(ui, "New subscription name", None, false, validate::name)?;
    if let Some(found) = existing.iter().find(|e| e.eq_ignore_ascii_case(&name)) {
        return Ok(Some(found.clone()));
    }
    if let Some(close) = similar::close_match(&name, existing)
        && !similar::create_anyway(ui, &name, close)?
    {
        ui.status(format!(
            "Pick {close} from the list, or choose \"{NEW_SUBSCRIPTION}\" and type another name."
        ));
        return Ok(None);
    }
    Ok(Some(name))
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
