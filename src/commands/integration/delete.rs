//! `hubint integration delete NAME`

use anyhow::Result;

use crate::context::Ctx;
use crate::output::Output;
use crate::prompt;
use crate::service::{Service, in_use_error};
use crate::ui::count;

pub type DeleteArgs = prompt::DeleteArgs<prompt::Integrations>;

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
    args.confirm(ui, &target.name, &target.subscriptions)?;

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
