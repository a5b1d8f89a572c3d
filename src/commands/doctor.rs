//! `hubint doctor [--fix]`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::doctor;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct DoctorArgs {
    /// Repair what is safe to repair: remove the secrets left by an
    /// interrupted operation of this database, write the details kept next
    /// to each password, tighten permissions (an integration is never
    /// deleted, nor a secret hubint cannot prove is garbage)
    #[arg(long)]
    pub fix: bool,

    /// Rebuild the integrations the database lost (damaged, emptied or
    /// replaced) from the details kept next to their passwords in the
    /// secret stores
    #[arg(long)]
    pub recover: bool,
}

pub fn run(ctx: &Ctx, args: &DoctorArgs) -> Result<Output> {
    let mode = doctor::Mode {
        fix: args.fix,
        recover: args.recover,
    };
    Ok(Output::Doctor(doctor::run(ctx, mode)?))
}
