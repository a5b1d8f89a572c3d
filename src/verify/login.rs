//! The steps of one check against one base URL: the probe, the token
//! request for a Bearer challenge, and the login with credentials.

use base64::Engine;
use serde::Deserialize;
use ureq::http::{Response, StatusCode};
use zeroize::Zeroizing;

use super::client::{self, Client, Failed};
use super::www_authenticate::{self, Challenge};
use super::{Credentials, Options, Outcome, Report, Step, is_loopback};
use crate::registry;

pub(super) struct Check<'a> {
    pub client: &'a Client,
    pub endpoint: String,
    pub credentials: &'a Credentials<'a>,
    pub options: &'a Options,
}

#[derive(Deserialize)]
struct TokenResponse {
    token: Option<String>,
    access_token: Option<String>,
}

impl Check<'_> {
    fn report(&self, result: Outcome, step: Step, detail: String) -> Report {
        Report {
            result,
            step,
            endpoint: self.endpoint.clone(),
            detail,
        }
    }

    /// The report, or `Err` with the report of a TLS failure at the probe
    /// (after which plain http may be tried).
    pub fn run(&self) -> Result<Report, Report> {
        let what = format!("GET {}", self.endpoint);
        let probe = match self.client.get(&self.endpoint, None, &[]) {
            Ok(response) => response,
            Err(failed) => {
                let tls = failed.tls;
                let report = self.failed(Step::Probe, &what, failed);
                return if tls { Err(report) } else { Ok(report) };
            }
        };
        let status = probe.status();
        if status == StatusCode::OK {
            return Ok(if speaks_v2(&probe) {
                self.report(
                    Outcome::Ok,
                    Step::Probe,
                    "no authentication required".into(),
                )
            } else {
                self.report(
                    Outcome::NotARegistry,
                    Step::Probe,
                    format!("{what}: {status} without a Docker-Distribution-API-Version header"),
                )
            });
        }
        if status != StatusCode::UNAUTHORIZED {
            return Ok(self.unexpected(Step::Probe, &what, status));
        }
        let headers = client::header_values(&probe, "www-authenticate");
        let challenges = match www_authenticate::parse_all(headers) {
            Ok(c) => c,
            Err(e) => {
                return Ok(self.report(
                    Outcome::NotARegistry,
                    Step::Probe,
                    format!("{what}: unreadable WWW-Authenticate header: {e}"),
                ));
            }
        };
        let bearer = challenges.iter().find(|c| c.is("bearer"));
        Ok(match bearer {
            Some(challenge) => self.bearer(challenge),
            None if challenges.iter().any(|c| c.is("basic")) => self.basic(),
            None => self.report(
                Outcome::NotARegistry,
                Step::Probe,
                format!("{what}: {status} without a Basic or Bearer challenge"),
            ),
        })
    }

    fn basic(&self) -> Report {
        self.login(&self.basic_authorization(), "basic auth")
    }

    /// `Basic base64(username:password)`.
    fn basic_authorization(&self) -> Zeroizing<String> {
        let plain = Zeroizing::new(format!(
            "{}:{}",
            self.credentials.username, self.credentials.password
        ));
        let mut value = Zeroizing::new(String::with_capacity(8 + plain.len() * 4 / 3));
        value.push_str("Basic ");
        base64::engine::general_purpose::STANDARD.encode_string(plain.as_bytes(), &mut value);
        value
    }

    fn bearer(&self, challenge: &Challenge) -> Report {
        let Some(realm) = challenge.param("realm") else {
            return self.report(
                Outcome::NotARegistry,
                Step::Probe,
                format!("GET {}: Bearer challenge without a realm", self.endpoint),
            );
        };
        let what = format!("token request to {realm}");
        if let Err(problem) = self.realm_allowed(realm) {
            let outcome = if realm.starts_with("http://") {
                Outcome::Unreachable
            } else {
                Outcome::NotARegistry
            };
            return self.report(outcome, Step::Token, format!("{what}: {problem}"));
        }
        let mut query = vec![
            ("account", self.credentials.username),
            ("client_id", "hubint"),
        ];
        for name in ["service", "scope"] {
            if let Some(value) = challenge.param(name) {
                query.push((name, value));
            }
        }
        let authorization = self.basic_authorization();
        let mut response = match self.client.get(realm, Some(&authorization), &query) {
            Ok(r) => r,
            Err(failed) => return self.failed(Step::Token, &what, failed),
        };
        let status = response.status();
        if status != StatusCode::OK {
            return self.unexpected(Step::Token, &what, status);
        }
        let body = match self.client.body_text(&mut response) {
            Ok(text) => Zeroizing::new(text),
            Err(failed) => return self.failed(Step::Token, &what, failed),
        };
        let token = serde_json::from_str::<TokenResponse>(&body)
            .ok()
            .and_then(|t| t.token.or(t.access_token))
            .filter(|t| !t.is_empty())
            .map(Zeroizing::new);
        let Some(token) = token else {
            return self.report(
                Outcome::NotARegistry,
                Step::Token,
                format!("{what}: {status} without a token in the answer"),
            );
        };
        let authorization = Zeroizing::new(format!("Bearer {}", token.as_str()));
        self.login(&authorization, &format!("bearer token from {realm}"))
    }

    /// A realm must be an http(s) URL; plain http only where http is allowed.
    fn realm_allowed(&self, realm: &str) -> Result<(), String> {
        let lower = realm.to_ascii_lowercase();
        if lower.starts_with("https://") {
            return Ok(());
        }
        if !lower.starts_with("http://") {
            return Err("the realm is not an http(s) URL".into());
        }
        let host = registry::normalize(realm).map_err(|e| format!("bad realm URL: {e}"))?;
        if self.options.insecure || is_loopback(&host) {
            Ok(())
        } else {
            Err(
                "the token service uses plain http; pass --insecure to send the password there"
                    .into(),
            )
        }
    }

    /// `GET /v2/` with credentials.
    fn login(&self, authorization: &str, how: &str) -> Report {
        let what = format!("GET {} with {how}", self.endpoint);
        match self.client.get(&self.endpoint, Some(authorization), &[]) {
            Ok(response) if response.status() == StatusCode::OK => self.report(
                Outcome::Ok,
                Step::Login,
                format!("credentials accepted ({how})"),
            ),
            Ok(response) => self.unexpected(Step::Login, &what, response.status()),
            Err(failed) => self.failed(Step::Login, &what, failed),
        }
    }

    fn failed(&self, step: Step, what: &str, failed: Failed) -> Report {
        self.report(failed.outcome, step, format!("{what}: {}", failed.cause))
    }

    fn unexpected(&self, step: Step, what: &str, status: StatusCode) -> Report {
        let (outcome, note) = classify(status);
        self.report(outcome, step, format!("{what}: {status}{note}"))
    }
}

/// The result for an HTTP status that ends a step (anything but the
/// expected 200, or the probe's 401), with a note for the detail.
fn classify(status: StatusCode) -> (Outcome, &'static str) {
    match status.as_u16() {
        401 | 403 => (Outcome::Unauthorized, ""),
        404 => (Outcome::NotARegistry, " (no registry API here)"),
        500..=599 => (Outcome::Unreachable, " (server error)"),
        _ => (Outcome::NotARegistry, " (unexpected answer)"),
    }
}

/// Whether a response declares the Docker Registry v2 API.
fn speaks_v2<B>(response: &Response<B>) -> bool {
    response
        .headers()
        .get("docker-distribution-api-version")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("registry/2"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_results() {
        assert_eq!(classify(StatusCode::UNAUTHORIZED).0, Outcome::Unauthorized);
        assert_eq!(classify(StatusCode::FORBIDDEN).0, Outcome::Unauthorized);
        assert_eq!(classify(StatusCode::NOT_FOUND).0, Outcome::NotARegistry);
        assert_eq!(classify(StatusCode::BAD_GATEWAY).0, Outcome::Unreachable);
        assert_eq!(classify(StatusCode::FOUND).0, Outcome::NotARegistry);
    }

    #[test]
    fn the_v2_header_marks_a_registry() {
        let yes = Response::builder()
            .header("Docker-Distribution-API-Version", "registry/2.0")
            .body(())
            .unwrap();
        let no = Response::builder().body(()).unwrap();
        assert!(speaks_v2(&yes));
        assert!(!speaks_v2(&no));
    }
}
