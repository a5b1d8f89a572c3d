//! What hubint's plain HTTP clients share (the ECR token endpoint, the team
//! store's logins): an agent whose every request ends within a timeout,
//! and the cause of a request that got no answer, in plain words.

use std::time::Duration;

use ureq::Agent;
use ureq::tls::{RootCerts, TlsConfig};

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
