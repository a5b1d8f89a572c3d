//! `hubint subscription delete NAME [--detach-all] [--yes]`

use anyhow::Result;

use crate::context::Ctx;
use crate::error::Failure;
use crate::output::Output;
use crate::prompt;
use crate::service::{Service, subscription_in_use};
use crate::ui::count;

pub type DeleteArgs = prompt::DeleteArgs<prompt::Subscriptions>;

pub fn run(ctx: &Ctx, args: &DeleteArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let seen = service.subscription(&args.name)?;
    if !seen.integrations.is_empty() && !args.flags.detach_all {
        return Err(subscription_in_use(&seen).into());
    }
    // Asked before the write lock is taken, as `integration delete` does:
    // a whole-line `y`, or the name typed when integrations would be detached.
    args.confirm(&ctx.ui, &seen.name, &seen.integrations)?;
    // Decided under the write lock: an integration attached meanwhile counts.
    let current = service.delete_subscription(&args.name, |current| {
        if !current.integrations.is_empty() && !args.flags.detach_all {
            return Err(subscription_in_use(current).into());
        }
        if !args.flags.confirm.yes && current.integrations != seen.integrations {
            return Err(Failure::conflict(format!(
                "subscription '{}' changed while you were being asked; nothing was deleted",
                current.name
            ))
            .hint("run the command again to see what is attached now")
            .into());
        }
        Ok(())
    })?;
    ctx.ui.status(match current.integrations.len() {
        0 => format!("Deleted subscription {}.", current.name),
        n => format!(
            "Detached {} and deleted subscription {}.",
            count(n, "integration"),
            current.name
        ),
    });
    Ok(Output::SubscriptionChanged(current))
}
