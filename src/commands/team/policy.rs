//! `hubint team policy SUBSCRIPTION`: print the Vault/OpenBao policy (HCL)
//! that lets a token read exactly that subscription's integrations and
//! their secrets in the team store (see `team::policy`).

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;
use crate::team::{self, policy};

#[derive(Args, Debug, Default)]
pub struct PolicyArgs {
    /// The subscription whose integrations the policy grants
    #[arg(value_name = "SUBSCRIPTION")]
    pub subscription: String,
}

pub fn run(ctx: &Ctx, args: &PolicyArgs) -> Result<Output> {
    let settings = &ctx.settings()?.settings;
    let service = Service::reader(ctx)?;
    let subscription = service.subscription(&args.subscription)?;
    let integrations = subscription
        .integrations
        .iter()
        .map(|name| service.get(name))
        .collect::<Result<Vec<_>>>()?;
    let grants: Vec<policy::Grant<'_>> = integrations
        .iter()
        .map(|i| policy::Grant {
            name: &i.name,
            id: i.id.as_str(),
        })
        .collect();
    let mount = team::mount(settings);
    Ok(Output::Text(policy::render(
        &mount,
        &subscription.name,
        &grants,
    )))
}
