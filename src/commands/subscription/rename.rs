//! `hubint subscription rename OLD NEW`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;
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
    let mut service = Service::open(ctx)?;
    let old = service.rename_subscription(&args.old, &args.new)?;
    ctx.ui
        .status(format!("Renamed subscription {old} to {}.", args.new));
    Ok(Output::SubscriptionChanged(
        service.subscription(&args.new)?,
    ))
}
