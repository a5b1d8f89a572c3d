//! `hubint subscription detach SUBSCRIPTION INTEGRATION`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::{integrations, subscriptions};
use crate::error::Failure;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct DetachArgs {
    /// The subscription
    #[arg(value_name = "SUBSCRIPTION", add = crate::complete::subscriptions())]
    pub subscription: String,

    /// The integration to detach
    #[arg(
        value_name = "INTEGRATION",
        add = crate::complete::integrations_of_subscription(true)
    )]
    pub integration: String,
}

pub fn run(ctx: &Ctx, args: &DetachArgs) -> Result<Output> {
    let mut db = ctx.open_db()?;
    let tx = db.write()?;
    let (sub_id, sub_name) = subscriptions::get(&tx, &args.subscription)?;
    let integration = integrations::get(&tx, &args.integration)?;
    if !subscriptions::detach(&tx, sub_id, &integration.id)? {
        return Err(Failure::not_found(format!(
            "integration '{}' is not attached to subscription '{sub_name}'",
            integration.name
        ))
        .hint(format!(
            "`hubint subscription list` shows what {sub_name} uses"
        ))
        .into());
    }
    tx.commit()?;
    ctx.ui
        .status(format!("Detached {} from {sub_name}.", integration.name));
    Ok(Output::SubscriptionChanged(subscriptions::summary(
        &db.conn, &sub_name,
    )?))
}
