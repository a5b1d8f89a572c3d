//! `hubint subscription detach SUBSCRIPTION INTEGRATION`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;

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
    let mut service = Service::open(ctx)?;
    let (name, sub_name) = service.detach(&args.subscription, &args.integration)?;
    ctx.ui.status(format!("Detached {name} from {sub_name}."));
    Ok(Output::SubscriptionChanged(
        service.subscription(&sub_name)?,
    ))
}
