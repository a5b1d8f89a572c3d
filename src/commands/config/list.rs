//! `hubint config list`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct ListArgs {}

pub fn run(ctx: &Ctx, _args: &ListArgs) -> Result<Output> {
    Ok(Output::Settings(ctx.settings()?.list()))
}
