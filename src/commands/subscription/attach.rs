//! `hubint subscription attach SUBSCRIPTION INTEGRATION`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::{self, integrations, subscriptions};
use crate::output::Output;
use crate::{similar, validate};

#[derive(Args, Debug, Default)]
pub struct AttachArgs {
    /// The subscription (created if it does not exist)
    #[arg(value_name = "SUBSCRIPTION", add = crate::complete::subscriptions())]
    pub subscription: String,

    /// The integration to attach
    #[arg(
        value_name = "INTEGRATION",
        add = crate::complete::integrations_of_subscription(false)
    )]
    pub integration: String,
}

pub fn run(ctx: &Ctx, args: &AttachArgs) -> Result<Output> {
    validate::flag("SUBSCRIPTION", &args.subscription, validate::name)?;
    let mut db = ctx.open_db()?;
    integrations::get(&db.conn, &args.integration)?;
    similar::check_new_subscription(ctx, &db.conn, &args.subscription)?;
    let now = db::now();
    let tx = db.write()?;
    let integration = integrations::get(&tx, &args.integration)?;
    let (sub_id, sub_name, created) = subscriptions::get_or_create(&tx, &args.subscription, &now)?;
    let attached = subscriptions::attach(&tx, sub_id, &integration.id, &now)?;
    tx.commit()?;
    if created {
        ctx.ui.status(format!("Created subscription {sub_name}."));
    }
    ctx.ui.status(if attached {
        format!("Attached {} to {sub_name}.", integration.name)
    } else {
        format!("{} is already attached to {sub_name}.", integration.name)
    });
    Ok(Output::SubscriptionChanged(subscriptions::summary(
        &db.conn, &sub_name,
    )?))
}
