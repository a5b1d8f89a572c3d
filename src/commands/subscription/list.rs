//! `hubint subscription list`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;
use crate::table::View;

#[derive(Args, Debug, Default)]
pub struct ListArgs {
    /// Show every integration name in full, even wider than the terminal
    #[arg(long)]
    pub wide: bool,
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Output> {
    let service = Service::reader(ctx)?;
    Ok(Output::Subscriptions(
        service.subscriptions()?,
        View::new(args.wide, &[]),
    ))
}
