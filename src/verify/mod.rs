//! The Docker Registry v2 login check, as `docker login` does it:
//!
//! 1. `GET <registry>/v2/`: 200 means no authentication is needed.
//! 2. On 401, read `WWW-Authenticate`:
//!    - `Bearer realm, service, scope`: ask the realm for a token with HTTP
//!      basic auth (`service`, `scope`, `account`, `client_id=hubint`), then
//!      `GET /v2/` again with the token;
//!    - `Basic`: `GET /v2/` again with basic auth.
//!
//! Docker Hub (`https://index.docker.io/v1/`) is checked at
//! `https://registry-1.docker.io`. Other registries use https; plain http is
//! tried only for loopback addresses or with `--insecure`, and only when
//! https failed before any HTTP answer. The password and the token are never
//! part of a report.

pub mod args;
mod client;
mod login;
pub mod spinner;
pub mod www_authenticate;

use std::net::IpAddr;
use std::time::Duration;

use serde::Serialize;

use crate::registry;
use client::Client;
use login::Check;

/// The registry API endpoint of Docker Hub.
pub const DOCKER_HUB_REGISTRY: &str = "https://registry-1.docker.io";

/// The default time a whole check may take.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// The result of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The credentials work (or the registry needs none).
    Ok,
    /// The registry (or its token service) rejected the credentials.
    Unauthorized,
    /// DNS, connect or TLS failure.
    Unreachable,
    /// No Docker Registry v2 API there.
    NotARegistry,
    /// No answer in time.
    Timeout,
}

crate::words::word_enum!(Outcome {
    Ok => "ok",
    Unauthorized => "unauthorized",
    Unreachable => "unreachable",
    NotARegistry => "not-a-registry",
    Timeout => "timeout",
});

/// The step of the check that decided the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    /// `GET /v2/` without credentials.
    Probe,
    /// The token request to the Bearer realm.
    Token,
    /// `GET /v2/` with basic auth or the token.
    Login,
}

/// What a check found. `detail` names the step and, for a failure, its cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub result: Outcome,
    pub step: Step,
    /// The `/v2/` URL that was checked.
    pub endpoint: String,
    pub detail: String,
}

impl Report {
    pub fn is_ok(&self) -> bool {
        self.result == Outcome::Ok
    }
}

/// One integration's check as `hubint verify` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    pub name: String,
    pub registry: String,
    #[serde(flatten)]
    pub report: Report,
    /// When the check ended (RFC 3339, UTC).
    pub verified_at: crate::service::model::Timestamp,
}

/// How to check.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub timeout: Duration,
    /// Allow plain http for registries that are not on loopback.
    pub insecure: bool,
}

/// What is checked. The password is only ever put into an `Authorization` header.
pub struct Credentials<'a> {
    pub username: &'a str,
    pub password: &'a str,
}

/// Check the credentials against the registry with this normalised key.
pub fn check(registry_key: &str, credentials: &Credentials, options: &Options) -> Report {
    let client = Client::new(options.timeout);
    let bases = bases(registry_key, options.insecure);
    let mut last = None;
    for base in &bases {
        let check = Check {
            client: &client,
            endpoint: format!("{base}/v2/"),
            credentials,
            options,
        };
        match check.run() {
            Ok(report) => return report,
            Err(tls_failure) => last = Some(tls_failure),
        }
    }
    let mut report = last.expect("there is always one base URL");
    if bases.len() == 1 && !registry::is_docker_hub(registry_key) {
        report
            .detail
            .push_str(" (pass --insecure to also try plain http)");
    }
    report
}

/// The base URLs to try, in order.
pub fn bases(registry_key: &str, insecure: bool) -> Vec<String> {
    if registry::is_docker_hub(registry_key) {
        return vec![DOCKER_HUB_REGISTRY.to_string()];
    }
    let https = format!("https://{registry_key}");
    if insecure || is_loopback(registry_key) {
        vec![https, format!("http://{registry_key}")]
    } else {
        vec![https]
    }
}

/// Whether a normalised `host[:port]` key names this machine.
pub fn is_loopback(key: &str) -> bool {
    let host = match key.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => key.split(':').next().unwrap_or_default(),
    };
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_hub_is_checked_at_registry_1() {
        assert_eq!(
            bases(registry::DOCKER_HUB, true),
            ["https://registry-1.docker.io"]
        );
    }

    #[test]
    fn plain_http_only_for_loopback_or_insecure() {
        assert_eq!(bases("quay.io", false), ["https://quay.io"]);
        assert_eq!(
            bases("quay.io", true),
            ["https://quay.io", "http://quay.io"]
        );
        for key in [
            "127.0.0.1:5000",
            "localhost:5000",
            "[::1]:5000",
            "127.1.2.3",
        ] {
            assert_eq!(bases(key, false).len(), 2, "{key}");
            assert!(bases(key, false)[1].starts_with("http://"), "{key}");
        }
        for key in ["10.0.0.1:5000", "localhost.example.com", "[fe80::1]:5000"] {
            assert!(!is_loopback(key), "{key}");
        }
    }

    #[test]
    fn results_serialize_in_kebab_case() {
        assert_eq!(
            serde_json::to_string(&Outcome::NotARegistry).unwrap(),
            "\"not-a-registry\""
        );
        assert_eq!(Outcome::NotARegistry.to_string(), "not-a-registry");
    }
}
