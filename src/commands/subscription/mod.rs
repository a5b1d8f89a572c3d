//! `hubint subscription ...`

pub mod attach;
pub mod detach;
pub mod list;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum SubscriptionCommand {
    /// Attach an integration to a subscription (created on first attach)
    Attach(attach::AttachArgs),
    /// Detach an integration from a subscription
    Detach(detach::DetachArgs),
    /// List subscriptions and their integrations
    #[command(alias = "ls")]
    List(list::ListArgs),
}

pub fn run(ctx: &Ctx, command: &SubscriptionCommand) -> Result<Output> {
    match command {
        SubscriptionCommand::Attach(args) => attach::run(ctx, args),
        SubscriptionCommand::Detach(args) => detach::run(ctx, args),
        SubscriptionCommand::List(args) => list::run(ctx, args),
    }
}
