//! `hubint subscription detach SUBSCRIPTION INTEGRATION`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;

/// The two arguments of attach and detach. `ATTACHED`: whether completion
/// offers the integrations attached to the subscription (detach) or the
/// others (attach).
#[derive(Args, Debug, Default)]
pub struct LinkArgs<const ATTACHED: bool> {
    /// The subscription
    #[arg(value_name = "SUBSCRIPTION", add = crate::complete::subscriptions())]
    pub subscription: String,

    /// The integration
    #[arg(
        value_name = "INTEGRATION",
        add = crate::complete::integrations_of_subscription(ATTACHED)
    )]
    pub integration: String,
}

pub type DetachArgs = LinkArgs<true>;

pub fn run(ctx: &Ctx, args: &DetachArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let (name, sub_name) = service.detach(&args.subscription, &args.integration)?;
    ctx.ui.status(format!("Detached {name} from {sub_name}."));
    Ok(Output::SubscriptionChanged(
        service.subscription(&sub_name)?,
    ))
}
