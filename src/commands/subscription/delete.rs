//! `hubint subscription delete NAME [--detach-all] [--yes]`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::error::Failure;
use crate::output::Output;
use crate::prompt;
use crate::service::catalog::Subscription;
use crate::service::{Service, subscription_in_use};
use crate::ui::count;

#[derive(Args, Debug, Default)]
pub struct DeleteArgs {
    /// The subscription to delete
    #[arg(value_name = "NAME", add = crate::complete::subscriptions())]
    pub name: String,

    #[command(flatten)]
    pub confirm: prompt::YesArg,

    /// Detach every integration attached to it, then delete it (the
    /// integrations themselves are kept)
    #[arg(long)]
    pub detach_all: bool,
}

pub fn run(ctx: &Ctx, args: &DeleteArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let seen = service.subscription(&args.name)?;
    if !seen.integrations.is_empty() && !args.detach_all {
        return Err(subscription_in_use(&seen).into());
    }
    // Asked before the write lock is taken, as `integration delete` does:
    // a whole-line `y`, or the name typed when integrations would be detached.
    confirm(ctx, args, &seen)?;
    // Decided under the write lock: an integration attached meanwhile counts.
    let current = service.delete_subscription(&args.name, |current| {
        if !current.integrations.is_empty() && !args.detach_all {
            return Err(subscription_in_use(current).into());
        }
        if !args.confirm.yes && current.integrations != seen.integrations {
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

/// Unless --yes, ask on the terminal. Nothing attached: a whole-line `y`.
/// Integrations attached (with --detach-all): list them and have the user
/// type the subscription's name.
fn confirm(ctx: &Ctx, args: &DeleteArgs, s: &Subscription) -> Result<()> {
    let attached = &s.integrations;
    let deletion = prompt::Deletion {
        what: "subscription",
        name: &s.name,
        refused_as: format!("subscription '{}'", s.name),
        linked: attached,
        header: format!(
            "Subscription {} has {} attached:",
            s.name,
            count(attached.len(), "integration")
        ),
        consequence: format!(
            "Deleting it detaches {} (the integrations are kept).",
            if attached.len() == 1 {
                "it"
            } else {
                "them all"
            }
        ),
    };
    prompt::confirm_delete(&ctx.ui, &args.confirm, deletion)
}
