//! `hubint subscription delete NAME [--detach-all]`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::subscriptions::{self, Subscription};
use crate::error::Failure;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct DeleteArgs {
    /// The subscription to delete
    #[arg(value_name = "NAME", add = crate::complete::subscriptions())]
    pub name: String,

    /// Detach every integration attached to it, then delete it (the
    /// integrations themselves are kept)
    #[arg(long)]
    pub detach_all: bool,
}

pub fn run(ctx: &Ctx, args: &DeleteArgs) -> Result<Output> {
    let mut db = ctx.open_db()?;
    let tx = db.write()?;
    let (id, _) = subscriptions::get(&tx, &args.name)?;
    // Decided under the write lock: an integration attached meanwhile counts.
    let current = subscriptions::summary(&tx, &args.name)?;
    if !current.integrations.is_empty() && !args.detach_all {
        return Err(in_use_error(&current).into());
    }
    subscriptions::delete(&tx, id)?;
    tx.commit()?;
    let n = current.integrations.len();
    ctx.ui.status(match n {
        0 => format!("Deleted subscription {}.", current.name),
        1 => format!(
            "Detached 1 integration and deleted subscription {}.",
            current.name
        ),
        _ => format!(
            "Detached {n} integrations and deleted subscription {}.",
            current.name
        ),
    });
    Ok(Output::SubscriptionChanged(current))
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
