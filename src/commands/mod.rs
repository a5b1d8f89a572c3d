//! The top-level subcommands and their dispatch.

pub mod config;
pub mod integration;
pub mod secret_store;
pub mod subscription;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Add, edit, delete, list and show integrations
    #[command(subcommand, alias = "integrations")]
    Integration(integration::IntegrationCommand),

    /// Attach integrations to subscriptions, detach them, list subscriptions
    #[command(subcommand, alias = "subscriptions")]
    Subscription(subscription::SubscriptionCommand),

    /// Get, set and list settings in the config file
    #[command(subcommand)]
    Config(config::ConfigCommand),

    /// Manage the encrypted file secret store
    #[command(subcommand)]
    SecretStore(secret_store::SecretStoreCommand),

    #[command(flatten)]
    TopLevel(integration::IntegrationCommand),
}

pub fn run(ctx: &Ctx, command: &Command) -> Result<Output> {
    match command {
        Command::Integration(cmd) | Command::TopLevel(cmd) => integration::run(ctx, cmd),
        Command::Subscription(cmd) => subscription::run(ctx, cmd),
        Command::Config(cmd) => config::run(ctx, cmd),
        Command::SecretStore(cmd) => secret_store::run(ctx, cmd),
    }
}
