//! `hubint team login`: get the team store's client token as `team-auth`
//! says (a token the user has, or an AppRole or JWT login, cached), look
//! it up and print its TTL and policies. The token itself is never shown.

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::context::Ctx;
use crate::output::Output;
use crate::team::{auth, client};

#[derive(Args, Debug, Default)]
pub struct LoginArgs {}

#[derive(Serialize)]
struct Report {
    addr: String,
    method: String,
    /// Where the token came from: env, token-file, cache or login.
    source: &'static str,
    ttl_seconds: u64,
    policies: Vec<String>,
}

pub fn run(ctx: &Ctx, _args: &LoginArgs) -> Result<Output> {
    let settings = &ctx.settings()?.settings;
    let endpoint = client::endpoint(settings)?;
    let agent = client::agent(client::timeout_from_env()?)?;
    let obtained = auth::obtain(settings, &ctx.paths, &agent, &endpoint)?;
    let info = auth::lookup_self(&agent, &endpoint, &obtained.token)?;
    let source = match obtained.origin {
        auth::Origin::Env(_) => "env",
        auth::Origin::TokenFile => "token-file",
        auth::Origin::Cache => "cache",
        auth::Origin::Login => "login",
    };
    let report = Report {
        addr: endpoint.addr.clone(),
        method: settings.team_auth.to_string(),
        source,
        ttl_seconds: info.ttl,
        policies: info.policies,
    };
    if ctx.json {
        return Ok(Output::Text(format!(
            "{}\n",
            serde_json::to_string_pretty(&report)?
        )));
    }
    let ttl = match report.ttl_seconds {
        0 => "no expiry".to_string(),
        secs => humantime::format_duration(std::time::Duration::from_secs(secs)).to_string(),
    };
    ctx.ui.status(format!(
        "Token for {} from {} ({}).",
        report.addr,
        obtained.origin.describe(),
        report.method
    ));
    Ok(Output::Text(format!(
        "ttl\t{ttl}\npolicies\t{}\n",
        report.policies.join(", ")
    )))
}
