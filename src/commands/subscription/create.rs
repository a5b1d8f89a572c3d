//! `hubint subscription create NAME`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::{self, subscriptions};
use crate::output::Output;
use crate::{similar, validate};

#[derive(Args, Debug, Default)]
pub struct CreateArgs {
    /// The new subscription's name (1-64 letters, digits, '-', '_', '.')
    #[arg(value_name = "NAME")]
    pub name: String,
}

pub fn run(ctx: &Ctx, args: &CreateArgs) -> Result<Output> {
    validate::flag("NAME", &args.name, validate::name)?;
    let mut db = ctx.open_db()?;
    similar::check_new_subscription(ctx, &db.conn, &args.name)?;
    let tx = db.write()?;
    let name = subscriptions::create(&tx, &args.name, &db::now())?;
    tx.commit()?;
    ctx.ui.status(format!("Created subscription {name}."));
    Ok(Output::SubscriptionChanged(subscriptions::summary(
        &db.conn, &name,
    )?))
}
