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
    after_change(ctx, &service, &sub_name)
}

/// The subscription after attach or detach (stdout with `--json`). If
/// another process renamed or deleted it meanwhile, the change stands (exit
/// 0): a note says so, and stdout stays empty.
pub(super) fn after_change(ctx: &Ctx, service: &Service, sub_name: &str) -> Result<Output> {
    crate::failpoint::hit("link-before-read-back");
    Ok(match service.catalog().subscription_summary(sub_name)? {
        Some(sub) => Output::SubscriptionChanged(sub),
        None => {
            ctx.ui.status(format!(
                "note: subscription {sub_name} was renamed or deleted meanwhile by another \
                 process; `hubint subscription list` shows where the link is now"
            ));
            Output::Nothing
        }
    })
}
