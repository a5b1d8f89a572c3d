//! `hubint subscription attach SUBSCRIPTION INTEGRATION`

use anyhow::Result;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;
use crate::{similar, validate};

/// The subscription is created if it does not exist.
pub type AttachArgs = super::detach::LinkArgs<false>;

pub fn run(ctx: &Ctx, args: &AttachArgs) -> Result<Output> {
    validate::flag("SUBSCRIPTION", &args.subscription, validate::name)?;
    let mut service = Service::open(ctx)?;
    service.get(&args.integration)?;
    similar::check_new_subscription(ctx, service.catalog(), &args.subscription)?;
    let done = service.attach(&args.subscription, &args.integration)?;
    let (name, sub_name) = (&done.integration, &done.subscription);
    if done.created {
        ctx.ui.status(format!("Created subscription {sub_name}."));
    }
    ctx.ui.status(if done.attached {
        format!("Attached {name} to {sub_name}.")
    } else {
        format!("{name} is already attached to {sub_name}.")
    });
    super::detach::after_change(ctx, &service, sub_name)
}
