//! `hubint import ...`

pub mod docker_config;
pub mod sources;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Import the logins of a docker config.json or a containers auth.json
    DockerConfig(docker_config::ImportDockerConfigArgs),
}

pub fn run(ctx: &Ctx, command: &ImportCommand) -> Result<Output> {
    match command {
        ImportCommand::DockerConfig(args) => docker_config::run(ctx, args),
    }
}
