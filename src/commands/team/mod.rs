//! `hubint team ...`: the team store (OpenBao or Vault).

pub(crate) mod login;

use anyhow::Result;
use clap::Subcommand;

use crate::context::Ctx;
use crate::docs;
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum TeamCommand {
    /// Get a client token as team-auth says (or reuse the cached one); print its TTL and policies
    #[command(after_help = docs::examples_help("team login"))]
    Login(login::LoginArgs),
}

pub fn run(ctx: &Ctx, command: &TeamCommand) -> Result<Output> {
    match command {
        TeamCommand::Login(args) => login::run(ctx, args),
    }
}
