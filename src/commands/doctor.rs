//! `hubint doctor [--fix]`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::doctor;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct DoctorArgs {
    /// Repair what is safe to repair: remove orphan secrets and tighten
    /// permissions (an integration is never deleted)
    #[arg(long)]
    pub fix: bool,
}

pub fn run(ctx: &Ctx, args: &DoctorArgs) -> Result<Output> {
    Ok(Output::Doctor(doctor::run(ctx, args.fix)?))
}
