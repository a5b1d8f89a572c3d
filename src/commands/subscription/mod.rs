//! `hubint subscription ...`

pub mod attach;
pub mod detach;
pub mod list;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::docs;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum SubscriptionCommand {
    /// Attach an integration to a subscription (created on first attach)
    #[command(after_help = docs::examples_help("subscription attach"))]
    Attach(attach::AttachArgs),
    /// Detach an integration from a subscription
    #[command(after_help = docs::examples_help("subscription detach"))]
    Detach(detach::DetachArgs),
    /// List subscriptions and their integrations
    #[command(alias = "ls", after_help = docs::examples_help("subscription list"))]
    List(list::ListArgs),
}

pub fn run(ctx: &Ctx, command: &SubscriptionCommand) -> Result<Output> {
    match command {
        SubscriptionCommand::Attach(args) => attach::run(ctx, args),
        SubscriptionCommand::Detach(args) => detach::run(ctx, args),
        SubscriptionCommand::List(args) => list::run(ctx, args),
    }
}
