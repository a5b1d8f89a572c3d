//! `hubint config list`

use anyhow::Result;
use clap::Args;

use crate::config::{self, KEYS};
use crate::context::Ctx;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct ListArgs {}

pub fn run(ctx: &Ctx, _args: &ListArgs) -> Result<Output> {
    let config = config::load(&ctx.paths.config_file)?;
    Ok(Output::Settings(
        KEYS.iter().map(|key| key.effective(&config)).collect(),
    ))
}
