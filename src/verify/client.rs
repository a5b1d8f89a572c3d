//! The HTTP side of a check: one ureq agent (rustls, OS trust store), a
//! deadline shared by every request of a check, and the translation of
//! transport errors into results.

use std::io;
use std::time::{Duration, Instant};

use ureq::http::{HeaderValue, Response};
use ureq::tls::{RootCerts, TlsConfig};
use ureq::{Agent, Body};

use super::Outcome;

/// The largest response body read (token responses are small).
const BODY_LIMIT: u64 = 256 * 1024;

pub struct Client {
    agent: Agent,
    timeout: Duration,
    deadline: Instant,
}

/// Why a request got no HTTP response.
pub struct Failed {
    pub outcome: Outcome,
    /// What went wrong, e.g. "connection refused".
    pub cause: String,
    /// The failure happened on an https connection before any HTTP answer
    /// (handshake, certificate, or the server does not speak TLS), so plain
    /// http may still work where it is allowed.
    pub tls: bool,
}

impl Client {
    /// A client whose requests all end by `timeout` from now.
    pub fn new(timeout: Duration) -> Client {
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .user_agent(concat!("hubint/", env!("CARGO_PKG_VERSION")))
            .tls_config(
                TlsConfig::builder()
                    .root_certs(RootCerts::PlatformVerifier)
                    .build(),
            )
            .build();
        Client {
            agent: config.into(),
            timeout,
            deadline: Instant::now() + timeout,
        }
    }

    /// `GET url` with an optional `Authorization` header and query pairs.
    pub fn get(
        &self,
        url: &str,
        authorization: Option<&str>,
        query: &[(&str, &str)],
    ) -> Result<Response<Body>, Failed> {
        let remaining = self.deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(self.timed_out());
        }
        let mut request = self.agent.get(url).query_pairs(query.iter().copied());
        if let Some(value) = authorization {
            let mut value = HeaderValue::from_str(value).map_err(|_| Failed {
                outcome: Outcome::Unauthorized,
                cause: "the username or password contains characters that HTTP cannot carry".into(),
                tls: false,
            })?;
            // Kept out of any debug output of the HTTP stack.
            value.set_sensitive(true);
            request = request.header("Authorization", value);
        }
        request
            .config()
            .timeout_global(Some(remaining))
            .build()
            .call()
            .map_err(|e| self.failed(e, url.starts_with("https://")))
    }

    /// The body as text (bounded), or why it could not be read.
    pub fn body_text(&self, response: &mut Response<Body>) -> Result<String, Failed> {
        response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_string()
            .map_err(|e| self.failed(e, false))
    }

    fn timed_out(&self) -> Failed {
        Failed {
            outcome: Outcome::Timeout,
            cause: format!(
                "no answer within {} (--timeout)",
                humantime::format_duration(self.timeout)
            ),
            tls: false,
        }
    }

    fn failed(&self, err: ureq::Error, https: bool) -> Failed {
        let failed = classify(err, https);
        if failed.outcome == Outcome::Timeout {
            self.timed_out()
        } else {
            failed
        }
    }
}

/// The values of a header, as text (values that are not text are skipped).
pub fn header_values<'a>(response: &'a Response<Body>, name: &str) -> Vec<&'a str> {
    response
        .headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect()
}

fn classify(err: ureq::Error, https: bool) -> Failed {
    use ureq::Error as E;
    let (outcome, cause, tls) = match err {
        // The cause is filled in by `Client::failed`, which knows the timeout.
        E::Timeout(_) => (Outcome::Timeout, String::new(), false),
        E::HostNotFound => (
            Outcome::Unreachable,
            "host not found (DNS)".to_string(),
            false,
        ),
        E::Io(e) => io_failure(&e, https),
        E::Rustls(e) => (Outcome::Unreachable, format!("TLS: {e}"), true),
        E::Tls(e) => (Outcome::Unreachable, format!("TLS: {e}"), true),
        E::Protocol(e) if https => (Outcome::Unreachable, format!("TLS: {e}"), true),
        E::Protocol(e) => (
            Outcome::NotARegistry,
            format!("not an HTTP answer ({e})"),
            false,
        ),
        E::TooManyRedirects => (
            Outcome::NotARegistry,
            "too many redirects".to_string(),
            false,
        ),
        E::ConnectionFailed => (Outcome::Unreachable, "connection failed".to_string(), false),
        other => (Outcome::Unreachable, other.to_string(), false),
    };
    Failed {
        outcome,
        cause,
        tls,
    }
}

fn io_failure(e: &io::Error, https: bool) -> (Outcome, String, bool) {
    use io::ErrorKind as K;
    let kind = e.kind();
    if matches!(kind, K::TimedOut | K::WouldBlock) {
        return (Outcome::Timeout, String::new(), false);
    }
    // What a failed handshake looks like: rustls errors come as InvalidData;
    // a server that does not speak TLS may also just close the connection.
    let tls = https
        && matches!(
            kind,
            K::InvalidData
                | K::UnexpectedEof
                | K::ConnectionReset
                | K::ConnectionAborted
                | K::BrokenPipe
        );
    let cause = match kind {
        K::ConnectionRefused => "connection refused".to_string(),
        _ if tls => format!("TLS: {e}"),
        // DNS failures land here too ("failed to lookup address information: ...").
        _ => e.to_string(),
    };
    (Outcome::Unreachable, cause, tls)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io(kind: io::ErrorKind, https: bool) -> (Outcome, bool) {
        let (outcome, _, tls) = io_failure(&io::Error::new(kind, "x"), https);
        (outcome, tls)
    }

    #[test]
    fn io_errors_map_to_results() {
        use io::ErrorKind as K;
        assert_eq!(
            io(K::ConnectionRefused, true),
            (Outcome::Unreachable, false)
        );
        assert_eq!(io(K::TimedOut, true), (Outcome::Timeout, false));
        // A failed handshake may fall back to plain http; the same error on
        // plain http may not.
        assert_eq!(io(K::InvalidData, true), (Outcome::Unreachable, true));
        assert_eq!(io(K::UnexpectedEof, true), (Outcome::Unreachable, true));
        assert_eq!(io(K::InvalidData, false), (Outcome::Unreachable, false));
        // DNS failures are not TLS failures.
        assert_eq!(io(K::Other, true), (Outcome::Unreachable, false));
    }

    #[test]
    fn refused_connections_say_so() {
        let (_, cause, _) = io_failure(&io::ErrorKind::ConnectionRefused.into(), false);
        assert_eq!(cause, "connection refused");
    }
}
