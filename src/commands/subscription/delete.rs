//! `hubint subscription delete NAME [--detach-all] [--yes]`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::error::Failure;
use crate::output::Output;
use crate::prompt;
use crate::service::Service;
use crate::service::catalog::Subscription;

#[derive(Args, Debug, Default)]
pub struct DeleteArgs {
    /// The subscription to delete
    #[arg(value_name = "NAME", add = crate::complete::subscriptions())]
    pub name: String,

    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Detach every integration attached to it, then delete it (the
    /// integrations themselves are kept)
    #[arg(long)]
    pub detach_all: bool,
}

pub fn run(ctx: &Ctx, args: &DeleteArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let seen = service.subscription(&args.name)?;
    if !seen.integrations.is_empty() && !args.detach_all {
        return Err(in_use_error(&seen).into());
    }
    // Asked before the write lock is taken, as `integration delete` does:
    // a whole-line `y`, or the name typed when integrations would be detached.
    if !args.yes {
        if !ctx.ui.interactive() {
            return Err(prompt::refuse_unconfirmed(format!("subscription '{}'", seen.name)).into());
        }
        if !confirmed(ctx, &seen)? {
            return Err(Failure::cancelled().into());
        }
    }
    // Decided under the write lock: an integration attached meanwhile counts.
    let current = service.delete_subscription(&args.name, |current| {
        if !current.integrations.is_empty() && !args.detach_all {
            return Err(in_use_error(current).into());
        }
        if !args.yes && current.integrations != seen.integrations {
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
            count(n),
            current.name
        ),
    });
    Ok(Output::SubscriptionChanged(current))
}

/// Ask on the terminal. Nothing attached: a whole-line `y`. Integrations
/// attached (with --detach-all): list them and have the user type the
/// subscription's name.
fn confirmed(ctx: &Ctx, s: &Subscription) -> Result<bool> {
    if s.integrations.is_empty() {
        return prompt::confirm_line(&format!("Delete subscription {}?", s.name));
    }
    let ui = &ctx.ui;
    ui.status(format!(
        "Subscription {} has {} attached:",
        s.name,
        count(s.integrations.len())
    ));
    for integration in &s.integrations {
        ui.status(format!("  - {integration}"));
    }
    ui.status(format!(
        "Deleting it detaches {} (the integrations are kept).",
        if s.integrations.len() == 1 {
            "it"
        } else {
            "them all"
        }
    ));
    prompt::confirm_name(&s.name)
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 integration".into()
    } else {
        format!("{n} integrations")
    }
}

/// The refusal while integrations are attached (exit 4), naming them and
/// the commands that detach them.
fn in_use_error(s: &Subscription) -> Failure {
    let commands: Vec<String> = s
        .integrations
        .iter()
        .map(|i| format!("  hubint subscription detach {} {i}", s.name))
        .collect();
    let what = match s.integrations.len() {
        1 => "1 integration is".to_string(),
        n => format!("{n} integrations are"),
    };
    Failure::conflict(format!(
        "subscription '{}' is still in use: {what} attached: {}",
        s.name,
        s.integrations.join(", ")
    ))
    .hint(format!(
        "detach them first:\n{}\nor detach them all and delete it with \
         `hubint subscription delete {} --detach-all`",
        commands.join("\n"),
        s.name
    ))
}
