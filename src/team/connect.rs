//! Stopgap until the team store's HTTP client lands (t15core's
//! `team::client`): the endpoint and a bounded agent from the environment,
//! for `hubint team login`. The address is `HUBINT_TEAM_ADDR`, else
//! `VAULT_ADDR`, else `BAO_ADDR`; the namespace `VAULT_NAMESPACE`; the
//! timeout `VAULT_CLIENT_TIMEOUT` (seconds, or a duration such as `30s`;
//! default 10 s). `VAULT_CACERT` is the client's job and not read here.

use std::time::Duration;

use anyhow::Result;

use super::Endpoint;
use crate::error::{Failure, fail};

const TIMEOUT_DEFAULT: Duration = Duration::from_secs(10);

/// The team store's address and namespace.
pub fn endpoint() -> Result<Endpoint> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let Some(addr) = var(&crate::config::env_var("team-addr"))
        .or_else(|| var("VAULT_ADDR"))
        .or_else(|| var("BAO_ADDR"))
    else {
        return fail(
            Failure::usage("no address for the team store")
                .hint("set VAULT_ADDR (or BAO_ADDR), e.g. https://bao.example.com:8200"),
        );
    };
    Ok(Endpoint {
        addr: addr.trim().trim_end_matches('/').to_string(),
        namespace: var("VAULT_NAMESPACE").map(|n| n.trim().to_string()),
    })
}

/// An agent whose every request ends within `VAULT_CLIENT_TIMEOUT`.
pub fn agent() -> Result<ureq::Agent> {
    let timeout = match std::env::var("VAULT_CLIENT_TIMEOUT") {
        Ok(raw) if !raw.trim().is_empty() => parse_timeout(raw.trim()).ok_or_else(|| {
            Failure::usage(format!("invalid VAULT_CLIENT_TIMEOUT '{}'", raw.trim()))
                .hint("give seconds (10) or a duration (30s, 1m)")
        })?,
        _ => TIMEOUT_DEFAULT,
    };
    Ok(crate::http::agent(timeout))
}

fn parse_timeout(raw: &str) -> Option<Duration> {
    let duration = match raw.parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs > 0.0 => Duration::from_secs_f64(secs),
        Ok(_) => return None,
        Err(_) => humantime::parse_duration(raw).ok()?,
    };
    (!duration.is_zero()).then_some(duration)
}
