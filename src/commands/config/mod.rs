//! `hubint config ...`: the settings in the config file.

pub mod get;
pub mod list;
pub mod set;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print the value of a setting in effect
    Get(get::GetArgs),
    /// Change a setting in the config file
    Set(set::SetArgs),
    /// List every setting, its value in effect and where that comes from
    #[command(alias = "ls")]
    List(list::ListArgs),
}

pub fn run(ctx: &Ctx, command: &ConfigCommand) -> Result<Output> {
    match command {
        ConfigCommand::Get(args) => get::run(ctx, args),
        ConfigCommand::Set(args) => set::run(ctx, args),
        ConfigCommand::List(args) => list::run(ctx, args),
    }
}
