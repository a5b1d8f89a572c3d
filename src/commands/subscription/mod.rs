//! `hubint subscription ...`

pub(crate) mod attach;
pub(crate) mod create;
pub(crate) mod delete;
pub(crate) mod detach;
pub(crate) mod list;
pub(crate) mod rename;

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
    /// Create a subscription (attach also creates one on first use)
    #[command(after_help = docs::examples_help("subscription create"))]
    Create(create::CreateArgs),
    /// Rename a subscription
    #[command(after_help = docs::examples_help("subscription rename"))]
    Rename(rename::RenameArgs),
    /// Delete a subscription; refused while integrations are attached, unless --detach-all
    #[command(alias = "rm", after_help = docs::examples_help("subscription delete"))]
    Delete(delete::DeleteArgs),
    /// List subscriptions and their integrations
    #[command(alias = "ls", after_help = docs::examples_help("subscription list"))]
    List(list::ListArgs),
}

pub fn run(ctx: &Ctx, command: &SubscriptionCommand) -> Result<Output> {
    match command {
        SubscriptionCommand::Attach(args) => attach::run(ctx, args),
        SubscriptionCommand::Detach(args) => detach::run(ctx, args),
        SubscriptionCommand::Create(args) => create::run(ctx, args),
        SubscriptionCommand::Rename(args) => rename::run(ctx, args),
        SubscriptionCommand::Delete(args) => delete::run(ctx, args),
        SubscriptionCommand::List(args) => list::run(ctx, args),
    }
}
