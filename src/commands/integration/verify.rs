//! `hubint integration verify NAME|--all`

use anyhow::Result;
use clap::{ArgGroup, Args};

use crate::context::Ctx;
use crate::output::Output;
use crate::service::Service;
use crate::service::catalog::Filter;
use crate::service::model::Timestamp;
use crate::verify::{self, Credentials, Verified, args::CheckArgs, spinner};

#[derive(Args, Debug, Default)]
#[command(group(ArgGroup::new("target").required(true).args(["name", "all"])))]
pub struct VerifyArgs {
    /// The integration to check
    #[arg(value_name = "NAME")]
    pub name: Option<String>,

    /// Check every integration
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub check: CheckArgs,
}

pub fn run(ctx: &Ctx, args: &VerifyArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let targets = match &args.name {
        Some(name) => vec![service.get(name)?],
        None => service.list(&Filter::default())?,
    };
    // Every password first: a store problem stops before any network traffic.
    let logins = targets
        .iter()
        .map(|i| service.registry_login(i))
        .collect::<Result<Vec<_>>>()?;
    let options = args.check.options();
    let mut results = Vec::with_capacity(targets.len());
    for (target, login) in targets.iter().zip(&logins) {
        let credentials = Credentials {
            username: &login.username,
            password: &login.password,
        };
        let report = spinner::while_running(
            format!("Checking {} at {}", target.name, target.registry),
            || verify::check(&target.registry, &credentials, &options),
        );
        let verified_at = Timestamp::now();
        service.record_verification(&target.id, verified_at, report.result.as_str())?;
        results.push(Verified {
            name: target.name.clone(),
            registry: target.registry.clone(),
            report,
            verified_at,
        });
    }
    Ok(Output::Verifications(results))
}
