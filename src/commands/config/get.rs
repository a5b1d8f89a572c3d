//! `hubint config get KEY`

use anyhow::Result;
use clap::Args;

use crate::config;
use crate::context::Ctx;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct GetArgs {
    /// The setting (see `hubint config list`)
    #[arg(value_name = "KEY")]
    pub key: String,
}

pub fn run(ctx: &Ctx, args: &GetArgs) -> Result<Output> {
    let key = config::key(&args.key)?;
    Ok(Output::Setting(ctx.settings()?.get(&key)))
}
