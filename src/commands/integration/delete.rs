//! `hubint integration delete NAME`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::prompt;
use crate::service::model::Integration;
use crate::service::{Service, in_use_error};
use crate::ui::count;

#[derive(Args, Debug, Default)]
pub struct DeleteArgs {
    /// The integration to delete
    #[arg(value_name = "NAME", add = crate::complete::integrations())]
    pub name: String,

    #[command(flatten)]
    pub confirm: prompt::YesArg,

    /// Detach the integration from every subscription that uses it, then delete it
    #[arg(long)]
    pub detach_all: bool,
}

pub fn run(ctx: &Ctx, args: &DeleteArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let target = service.get(&args.name)?;
    let in_use = !target.subscriptions.is_empty();
    let ui = &ctx.ui;

    // On a terminal (without --yes) the prompt below offers to detach;
    // otherwise an integration in use is refused unless --detach-all.
    let can_offer_detach = ui.interactive() && !args.confirm.yes;
    if in_use && !args.detach_all && !can_offer_detach {
        return Err(in_use_error(&target).into());
    }
    confirm(ctx, args, &target)?;

    let deleted = service.delete(&target, args.detach_all || in_use)?;
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

/// Unless --yes, ask on the terminal. Unused: a whole-line `y`. In use:
/// list the subscriptions and have the user type the integration's name.
fn confirm(ctx: &Ctx, args: &DeleteArgs, target: &Integration) -> Result<()> {
    let subs = &target.subscriptions;
    let deletion = prompt::Deletion {
        what: "integration",
        name: &target.name,
        refused_as: format!("'{}'", target.name),
        linked: subs,
        header: format!(
            "Integration {} is used by {}:",
            target.name,
            count(subs.len(), "subscription")
        ),
        consequence: format!(
            "Deleting it detaches it from {} and deletes its password.",
            if subs.len() == 1 {
                "that subscription"
            } else {
                "all of them"
            }
        ),
    };
    prompt::confirm_delete(&ctx.ui, &args.confirm, deletion)
}
