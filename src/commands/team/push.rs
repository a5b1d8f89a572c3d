//! `hubint team push`: copy the local catalog (integrations, their secrets,
//! subscriptions and links) into the team store, whatever `store` says.
//! Matching, idempotence and crash order: `service::sync`.

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::secret::StoreKind;
use crate::service::Service;

#[derive(Args, Debug, Default)]
pub struct PushArgs {
    /// Count what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: &PushArgs) -> Result<Output> {
    let local = Service::open_local(ctx)?;
    let mut team = Service::open_team(ctx)?;
    let copied = team.copy_from(&local, StoreKind::Team, args.dry_run)?;
    super::pull::report(ctx, "team store", &copied)
}
