//! `hubint subscription rename OLD NEW`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::subscriptions;
use crate::output::Output;
use crate::validate;

#[derive(Args, Debug, Default)]
pub struct RenameArgs {
    /// The subscription to rename
    #[arg(value_name = "OLD", add = crate::complete::subscriptions())]
    pub old: String,

    /// Its new name (1-64 letters, digits, '-', '_', '.')
    #[arg(value_name = "NEW")]
    pub new: String,
}

pub fn run(ctx: &Ctx, args: &RenameArgs) -> Result<Output> {
    validate::flag("NEW", &args.new, validate::name)?;
    let mut db = ctx.open_db()?;
    let tx = db.write()?;
    let old = subscriptions::rename(&tx, &args.old, &args.new)?;
    tx.commit()?;
    ctx.ui
        .status(format!("Renamed subscription {old} to {}.", args.new));
    Ok(Output::SubscriptionChanged(subscriptions::summary(
        &db.conn, &args.new,
    )?))
}
