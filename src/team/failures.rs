//! How the team store's answers become hubint failures: every one a store
//! failure (exit 5) with one sentence and the fix, naming the kind of path
//! (`integrations`, `secrets`, ...) and never a value, a secret or the
//! token.

use std::time::Duration;

use serde_json::Value;

use super::Endpoint;
use crate::error::Failure;

/// The kind of a key, for errors: `integrations`, `secrets`, ...
pub fn kind_of(key: &str) -> &str {
    key.split('/').next().unwrap_or(key)
}

/// No HTTP answer: unreachable, no answer in time, or a TLS handshake that
/// failed (rustls' reason is inside the I/O error: an untrusted certificate
/// gets the `VAULT_CACERT` hint).
pub fn unreachable(endpoint: &Endpoint, timeout: Duration, e: &ureq::Error) -> anyhow::Error {
    let why = match e {
        ureq::Error::Timeout(_) => format!(
            "it did not answer within {}",
            humantime::format_duration(timeout)
        ),
        ureq::Error::Io(io) => match io.get_ref() {
            Some(inner) => inner.to_string(),
            None => io.kind().to_string().replace('_', " "),
        },
        ureq::Error::HostNotFound => "its host was not found".to_string(),
        other => other.to_string(),
    };
    let hint = if why.contains("certificate") {
        "if the server's certificate is signed by your own CA, point VAULT_CACERT (or BAO_CACERT) at the CA's PEM file"
    } else {
        "check that the server runs and team-addr (or VAULT_ADDR) points at it; VAULT_CLIENT_TIMEOUT bounds the wait"
    };
    Failure::store(format!(
        "cannot reach the team store at {}: {why}",
        endpoint.addr
    ))
    .hint(hint)
    .into()
}

const CAS_MISMATCH: &str = "check-and-set parameter did not match the current version";

pub fn is_cas_mismatch(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|c| c.downcast_ref::<Failure>())
        .any(|f| f.message.contains("check-and-set"))
}

/// An HTTP error answer as one store failure (exit 5) with the fix.
pub fn failure(endpoint: &Endpoint, mount: &str, status: u16, json: &Value, key: &str) -> Failure {
    let errors: Vec<&str> = json["errors"]
        .as_array()
        .map(|e| e.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let said = errors.join("; ");
    let addr = &endpoint.addr;
    if said.contains(CAS_MISMATCH) || said.contains("check-and-set") {
        return Failure::store(format!("check-and-set failed on {}", kind_of(key)));
    }
    if status == 503 || said.contains("sealed") {
        return Failure::store(format!("the team store at {addr} is sealed"))
            .hint("unseal it (`bao operator unseal`), then run the command again");
    }
    if status == 403 && (said.contains("invalid token") || key == "token") {
        return Failure::store(format!(
            "the team store at {addr} refused the token: it is invalid or expired"
        ))
        .hint("log in again (`bao login`) or set VAULT_TOKEN to a valid token");
    }
    if status == 403 && key == super::client::POLICIES {
        return Failure::store(format!(
            "permission denied by the team store at {addr} on {key}: this token may not manage policies"
        ))
        .hint("use an admin's token, or write the policy yourself: `hubint team policy SUBSCRIPTION | bao policy write NAME -`");
    }
    if status == 403 {
        return Failure::store(format!(
            "permission denied by the team store at {addr} on {mount}/{}",
            kind_of(key)
        ))
        .hint("the token's policy does not allow this; `hubint team policy SUBSCRIPTION` prints the policy for one subscription");
    }
    if said.contains("exceeded maximum number of strings") {
        return Failure::store(format!(
            "the team store at {addr} refused a {} document as too large: \
             it would list more entries than the server accepts in one request",
            kind_of(key)
        ))
        .hint("raise max_request_json_strings (1,000 by default) in the listener block of the server's configuration");
    }
    if said.contains("no handler for route") || said.contains("unsupported path") {
        return Failure::store(format!(
            "the team store at {addr} has no KV v2 mount at {mount}"
        ))
        .hint(format!(
            "enable it with `bao secrets enable -path={mount} kv-v2`, or set team-mount"
        ));
    }
    let said = if said.is_empty() {
        format!("HTTP {status}")
    } else {
        format!("HTTP {status}: {said}")
    };
    Failure::store(format!(
        "the team store at {addr} failed on {}: {}",
        kind_of(key),
        crate::validate::excerpt(&said)
    ))
    .hint("check the server's log; run the command again")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_over_the_string_limit_names_the_setting() {
        let endpoint = Endpoint {
            addr: "http://bao:8200".into(),
            namespace: None,
        };
        let json = serde_json::json!({"errors": [
            "refused JSON input due to high complexity: exceeded maximum number of strings"
        ]});
        let f = failure(&endpoint, "hubint", 400, &json, "registries/docker.io");
        assert!(
            f.message.contains("refused a registries document"),
            "{}",
            f.message
        );
        assert!(f.hint.unwrap().contains("max_request_json_strings"));
    }
}
