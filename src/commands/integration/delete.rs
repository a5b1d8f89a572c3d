//! `hubint integration delete NAME`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::prompt;
use crate::service::{Service, in_use_error};
use crate::ui::count;

#[derive(Args, Debug, Default)]
pub struct DeleteArgs {
    /// The integration to delete
    #[arg(value_name = "NAME", add = crate::complete::integrations())]
    pub name: String,

    #[command(flatten)]
    pub flags: prompt::DeleteFlags,
}

pub fn run(ctx: &Ctx, args: &DeleteArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let target = service.get(&args.name)?;
    let in_use = !target.subscriptions.is_empty();
    let ui = &ctx.ui;

    // On a terminal (without --yes) the prompt below offers to detach;
    // otherwise an integration in use is refused unless --detach-all.
    let can_offer_detach = ui.interactive() && !args.flags.confirm.yes;
    if in_use && !args.flags.detach_all && !can_offer_detach {
        return Err(in_use_error(&target).into());
    }
    let deletion = prompt::Deletion {
        wording: &WORDING,
        name: &target.name,
        linked: &target.subscriptions,
    };
    prompt::confirm_delete(ui, &args.flags.confirm, deletion)?;

    let deleted = service.delete(&target, args.flags.detach_all || in_use)?;
    if !deleted.had_secret {
        ui.warn(format!(
            "the secret of {} was already missing from the {}",
            target.name,
            target.secret_store.describe()
        ));
    }
    if deleted.detached > 0 {
        ui.status(format!(
            "Detached {} from {}: {}.",
            target.name,
            count(deleted.detached, "subscription"),
            target.subscriptions.join(", ")
        ));
    }
    ui.status(format!("Deleted integration {}.", target.name));
    Ok(Output::Nothing)
}

/// How the confirmation speaks of an integration: unused, a whole-line
/// `y`; in use, it lists the subscriptions and the user types the name.
const WORDING: prompt::Wording = prompt::Wording {
    what: ["integration", "Integration"],
    refused_prefix: "",
    header: ["is used by", "subscription", ""],
    consequence: [
        "Deleting it detaches it from that subscription and deletes its password.",
        "Deleting it detaches it from all of them and deletes its password.",
    ],
};
