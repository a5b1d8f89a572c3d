//! The top-level subcommands and their dispatch.

pub mod completions;
pub mod config;
pub mod credential_helper;
pub mod docker_config;
pub mod doctor;
pub mod env;
pub mod exec;
mod group;
pub mod import;
pub mod install_helper;
pub mod integration;
pub mod secret_store;
pub mod subscription;
pub mod team;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::docs;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Add, edit, delete, list, show and verify integrations
    #[command(subcommand, alias = "integrations")]
    Integration(integration::IntegrationCommand),

    /// Attach integrations to subscriptions, detach them, list subscriptions
    #[command(subcommand, alias = "subscriptions")]
    Subscription(subscription::SubscriptionCommand),

    /// The same as `subscription attach`
    #[command(hide = true)]
    Attach(subscription::attach::AttachArgs),

    /// The same as `subscription detach`
    #[command(hide = true)]
    Detach(subscription::detach::DetachArgs),

    /// Get, set, unset and list settings in the config file
    #[command(subcommand, after_help = docs::settings_help())]
    Config(config::ConfigCommand),

    /// Manage the encrypted file secret store
    #[command(subcommand)]
    SecretStore(secret_store::SecretStoreCommand),

    #[command(flatten)]
    TopLevel(integration::IntegrationCommand),

    /// Print the script that enables shell completion, integration names included
    Completions(completions::CompletionsArgs),

    /// Write a docker config.json that gives container tools the integrations
    DockerConfig(docker_config::DockerConfigArgs),

    /// Import credentials from other tools' files
    #[command(subcommand)]
    Import(import::ImportCommand),

    /// Print one integration as environment variables (for `eval`)
    #[command(after_help = crate::env_name::help())]
    Env(env::EnvArgs),

    /// Run a command with one integration in its environment
    #[command(after_help = crate::env_name::help())]
    Exec(exec::ExecArgs),

    /// Install docker-credential-hubint (a symlink to hubint) into a directory
    InstallHelper(install_helper::InstallHelperArgs),

    /// Speak the Docker credential helper protocol (as docker-credential-hubint does)
    CredentialHelper(credential_helper::CredentialHelperArgs),

    /// Check the database, the secret stores and docker's config files; exit 7 on problems
    Doctor(doctor::DoctorArgs),

    /// The team store on OpenBao or Vault: log in, print a subscription's policy
    #[command(subcommand)]
    Team(team::TeamCommand),
}

pub fn run(ctx: &Ctx, command: &Command) -> Result<Output> {
    match command {
        Command::Integration(cmd) | Command::TopLevel(cmd) => integration::run(ctx, cmd),
        Command::Subscription(cmd) => subscription::run(ctx, cmd),
        Command::Attach(args) => subscription::attach::run(ctx, args),
        Command::Detach(args) => subscription::detach::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
        Command::DockerConfig(args) => docker_config::run(ctx, args),
        Command::Import(cmd) => import::run(ctx, cmd),
        Command::Env(args) => env::run(ctx, args),
        Command::Exec(args) => exec::run(ctx, args),
        Command::InstallHelper(args) => install_helper::run(ctx, args),
        Command::CredentialHelper(_) => {
            unreachable!("main_entry serves the credential helper before dispatch")
        }
        Command::Config(cmd) => config::run(ctx, cmd),
        Command::SecretStore(cmd) => secret_store::run(ctx, cmd),
        Command::Doctor(args) => doctor::run(ctx, args),
        Command::Team(cmd) => team::run(ctx, cmd),
    }
}
