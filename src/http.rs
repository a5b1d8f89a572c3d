//! What hubint's plain HTTP clients share (the ECR token endpoint, the team
//! store's logins): an agent whose every request ends within a timeout,
//! the answer of a request (its status and its body, within a limit), and
//! the cause of a request that got no answer, in plain words.

use std::time::Duration;

use ureq::tls::{RootCerts, TlsConfig};
use ureq::{Agent, Body};
use zeroize::Zeroizing;

use crate::error::Failure;

/// An agent (rustls, the OS trust store) whose requests end within
/// `timeout`; an HTTP error status is an answer, not an error.
pub fn agent(timeout: Duration) -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .user_agent(concat!("hubint/", env!("CARGO_PKG_VERSION")))
        .tls_config(
            TlsConfig::builder()
                .root_certs(RootCerts::PlatformVerifier)
                .build(),
        )
        .build()
        .into()
}

/// Why a request got no answer, e.g. "it did not answer in time".
pub fn cause(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "it did not answer in time".to_string(),
        ureq::Error::Io(io) => io.kind().to_string(),
        ureq::Error::HostNotFound => "its host was not found".to_string(),
        other => other.to_string(),
    }
}

/// The status and the body (at most `limit` bytes) of a request's answer;
/// when none came, or its body could not be read, the failure
/// `unreachable` makes of the cause.
pub fn answer(
    result: Result<ureq::http::Response<Body>, ureq::Error>,
    limit: u64,
    unreachable: impl Fn(&ureq::Error) -> anyhow::Error,
) -> anyhow::Result<(u16, Zeroizing<String>)> {
    let mut response = result.map_err(|e| unreachable(&e))?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(limit)
        .read_to_string()
        .map_err(|e| unreachable(&e))?;
    Ok((status, Zeroizing::new(text)))
}

/// No answer from `what` ("the ECR endpoint URL"): a store failure (exit 5)
/// saying why, with `hint`.
pub fn unreachable(what: &str, e: &ureq::Error, hint: &str) -> anyhow::Error {
    Failure::store(format!("cannot reach {what}: {}", cause(e)))
        .hint(hint)
        .into()
}
