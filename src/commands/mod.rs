//! The top-level subcommands and their dispatch.

pub mod integration;
pub mod subscription;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Add, edit, delete, list, show and verify integrations
    #[command(subcommand, alias = "integrations")]
    Integration(integration::IntegrationCommand),

    /// Attach integrations to subscriptions, detach them, list subscriptions
    #[command(subcommand, alias = "subscriptions")]
    Subscription(subscription::SubscriptionCommand),

    #[command(flatten)]
    TopLevel(integration::IntegrationCommand),
}

pub fn run(ctx: &Ctx, command: &Command) -> Result<Output> {
    match command {
        Command::Integration(cmd) | Command::TopLevel(cmd) => integration::run(ctx, cmd),
        Command::Subscription(cmd) => subscription::run(ctx, cmd),
    }
}
