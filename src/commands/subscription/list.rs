//! `hubint subscription list`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::subscriptions;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct ListArgs {}

pub fn run(ctx: &Ctx, _args: &ListArgs) -> Result<Output> {
    let db = ctx.read_db()?;
    Ok(Output::Subscriptions(subscriptions::list(&db.conn)?))
}
