//! `hubint team policy SUBSCRIPTION [--write]`: print the Vault/OpenBao
//! policy (HCL) that lets a token read exactly that subscription's
//! integrations and their secrets in the team store (see `team::policy`),
//! or write it to the server as `hubint-<subscription>`, after which the
//! service keeps it current on every change of the subscription's links.

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;

#[derive(Args, Debug, Default)]
pub struct PolicyArgs {
    /// The subscription whose integrations the policy grants
    #[arg(value_name = "SUBSCRIPTION", add = crate::complete::subscriptions())]
    pub subscription: String,

    /// Write it to the team store as hubint-SUBSCRIPTION (needs a token that may manage policies); hubint then rewrites it whenever the subscription's links change
    #[arg(long)]
    pub write: bool,
}

pub fn run(ctx: &Ctx, args: &PolicyArgs) -> Result<Output> {
    if !args.write {
        let service = Service::open_team(ctx)?;
        return Ok(Output::Text(service.team_policy(&args.subscription)?.text));
    }
    let service = Service::open_team(ctx)?;
    let written = service.write_team_policy(&args.subscription)?;
    ctx.ui.status(format!(
        "Wrote the team policy {} ({} integration{}); tokens with it read exactly {}'s credentials.",
        written.name,
        written.grants,
        if written.grants == 1 { "" } else { "s" },
        args.subscription
    ));
    Ok(Output::Text(format!("{}\n", written.name)))
}
