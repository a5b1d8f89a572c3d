//! `hubint subscription list`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::subscriptions;
use crate::output::Output;
use crate::table::View;

#[derive(Args, Debug, Default)]
pub struct ListArgs {
    /// Show every integration name in full, even wider than the terminal
    #[arg(long)]
    pub wide: bool,
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Output> {
    let db = ctx.read_db()?;
    Ok(Output::Subscriptions(
        subscriptions::list(&db.conn)?,
        View::new(args.wide, &[]),
    ))
}
