//! The top-level subcommands and their dispatch.

pub mod completions;
pub mod generate;
pub mod integration;
pub mod subscription;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::docs;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Add, edit, delete, list, show and verify integrations
    #[command(subcommand, alias = "integrations", after_help = docs::examples_help("integration"))]
    Integration(integration::IntegrationCommand),

    /// Attach integrations to subscriptions, detach them, list subscriptions
    #[command(subcommand, alias = "subscriptions", after_help = docs::examples_help("subscription"))]
    Subscription(subscription::SubscriptionCommand),

    #[command(flatten)]
    TopLevel(integration::IntegrationCommand),

    /// Print the script that enables shell completion, integration names included
    #[command(after_help = docs::examples_help("completions"))]
    Completions(completions::CompletionsArgs),

    /// Regenerate the committed completion scripts and man pages
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

pub fn run(ctx: &Ctx, command: &Command) -> Result<Output> {
    match command {
        Command::Integration(cmd) | Command::TopLevel(cmd) => integration::run(ctx, cmd),
        Command::Subscription(cmd) => subscription::run(ctx, cmd),
        Command::Completions(args) => completions::run(ctx, args),
        Command::Generate(args) => generate::run(ctx, args),
    }
}
