//! `hubint subscription create NAME`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;
use crate::{similar, validate};

#[derive(Args, Debug, Default)]
pub struct CreateArgs {
    /// The new subscription's name (1-64 letters, digits, '-', '_', '.')
    #[arg(value_name = "NAME")]
    pub name: String,
}

pub fn run(ctx: &Ctx, args: &CreateArgs) -> Result<Output> {
    validate::flag("NAME", &args.name, validate::name)?;
    let mut service = Service::open(ctx)?;
    similar::check_new_subscription(ctx, service.catalog(), &args.name)?;
    let name = service.create_subscription(&args.name)?;
    ctx.ui.status(format!("Created subscription {name}."));
    Ok(Output::SubscriptionChanged(service.subscription(&name)?))
}
