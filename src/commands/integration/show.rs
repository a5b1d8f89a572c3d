//! `hubint integration show NAME`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::integrations;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct ShowArgs {
    /// The integration to show
    #[arg(value_name = "NAME", add = crate::complete::integrations())]
    pub name: String,
}

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<Output> {
    let db = ctx.read_db()?;
    Ok(Output::Integration(Box::new(integrations::get(
        &db.conn, &args.name,
    )?)))
}
