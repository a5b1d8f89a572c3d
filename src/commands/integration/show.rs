//! `hubint integration show NAME`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;

#[derive(Args, Debug, Default)]
pub struct ShowArgs {
    /// The integration to show
    #[arg(value_name = "NAME", add = crate::complete::integrations())]
    pub name: String,
}

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<Output> {
    let service = Service::reader(ctx)?;
    Ok(Output::Integration(Box::new(service.get(&args.name)?)))
}
