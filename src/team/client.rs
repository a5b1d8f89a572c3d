//! A small KV v2 client over `ureq`: read (data and version), write with
//! check-and-set, list, delete (the metadata: every version), and
//! `sys/health`. Every request is bounded by `VAULT_CLIENT_TIMEOUT`
//! (default 10 s) and every failure becomes one store failure (exit 5)
//! with one sentence and the fix ([`failure`]); no error carries a secret
//! or the token.

use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use ureq::http::{HeaderValue, Response};
use ureq::tls::{RootCerts, TlsConfig};
use ureq::{Agent, Body};
use zeroize::Zeroizing;

use super::Endpoint;
use super::failures::{failure, is_cas_mismatch, kind_of, unreachable};
use crate::config::Settings;
use crate::error::Failure;
use crate::paths::Paths;

/// The largest answer read: one KV entry of a Raft server is at most ~1 MiB.
const BODY_LIMIT: u64 = 4 * 1024 * 1024;

/// What a policy request names in errors (see `failures::failure`).
pub const POLICIES: &str = "sys/policies/acl";

/// The default bound of every request.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// A document as read: its data and its KV version (the `cas` token).
#[derive(Debug, Clone)]
pub struct Doc<T> {
    pub data: T,
    pub version: u64,
}

/// The answer of a check-and-set write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Written; its new version.
    Version(u64),
    /// The stored version was not the one given (or the key existed, for 0).
    CasMismatch,
}

/// What `sys/health` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Health {
    pub initialized: bool,
    pub sealed: bool,
}

/// One server, one mount, one token. Cheap to clone (for parallel reads).
#[derive(Clone)]
pub struct Client {
    agent: Agent,
    pub endpoint: Endpoint,
    pub mount: String,
    token: Zeroizing<String>,
    timeout: Duration,
    /// What names the token's cache entry, to drop it once the server
    /// refuses the token (the next command logs in again).
    login: (Settings, Paths),
}

impl Client {
    /// The client the settings and the environment describe.
    pub fn connect(settings: &Settings, paths: &Paths) -> Result<Client> {
        let endpoint = endpoint(settings)?;
        let timeout = timeout_from_env()?;
        let agent = agent(timeout)?;
        let token = super::auth::client_token(settings, paths, &agent, &endpoint)?;
        Ok(Client {
            agent,
            endpoint,
            mount: settings.team_mount.trim_matches('/').to_string(),
            token,
            timeout,
            login: (settings.clone(), paths.clone()),
        })
    }

    /// `key` of the mount: its data, version; `None` if missing or deleted.
    pub fn read<T: DeserializeOwned>(&self, key: &str) -> Result<Option<Doc<T>>> {
        let url = self.url("data", key);
        let Some(body) = self.call("GET", &url, None, key)? else {
            return Ok(None);
        };
        let data = &body["data"];
        if data["data"].is_null() {
            return Ok(None);
        }
        let version = data["metadata"]["version"].as_u64().unwrap_or(0);
        let data = serde_json::from_value(data["data"].clone())
            .with_context(|| format!("unreadable document {}", kind_of(key)))?;
        Ok(Some(Doc { data, version }))
    }

    /// Write `data` at `key`; with `cas`, only if the stored version is it
    /// (0: only if the key does not exist).
    pub fn write<T: Serialize>(&self, key: &str, data: &T, cas: Option<u64>) -> Result<Written> {
        let mut body = serde_json::json!({ "data": data });
        if let Some(cas) = cas {
            body["options"] = serde_json::json!({ "cas": cas });
        }
        let text = Zeroizing::new(serde_json::to_string(&body)?);
        drop(body);
        let url = self.url("data", key);
        match self.call("POST", &url, Some(text.as_bytes()), key) {
            Ok(answer) => {
                let answer = answer.unwrap_or_default();
                Ok(Written::Version(
                    answer["data"]["version"].as_u64().unwrap_or(0),
                ))
            }
            Err(err) if is_cas_mismatch(&err) => Ok(Written::CasMismatch),
            Err(err) => Err(err),
        }
    }

    /// The keys directly under `prefix` (a folder ends in `/`); none if the
    /// folder does not exist.
    pub fn list(&self, prefix: &str) -> Result<Vec<String>> {
        let url = format!("{}?list=true", self.url("metadata", prefix));
        let Some(body) = self.call("GET", &url, None, prefix)? else {
            return Ok(Vec::new());
        };
        Ok(body["data"]["keys"]
            .as_array()
            .map(|keys| {
                keys.iter()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Delete `key` with every version.
    pub fn delete(&self, key: &str) -> Result<()> {
        let url = self.url("metadata", key);
        self.call("DELETE", &url, None, key).map(drop)
    }

    /// `sys/health`: answered whatever the seal status.
    pub fn health(&self) -> Result<Health> {
        let url = format!(
            "{}/v1/sys/health?standbyok=true&sealedcode=200&uninitcode=200&perfstandbyok=true",
            self.endpoint.addr
        );
        let body = self
            .call("GET", &url, None, "sys/health")?
            .unwrap_or_default();
        Ok(Health {
            initialized: body["initialized"].as_bool().unwrap_or(false),
            sealed: body["sealed"].as_bool().unwrap_or(true),
        })
    }

    /// What the token may do on each of `keys` of the mount's data
    /// (`sys/capabilities-self`): `read`, `create`, `update`, `deny`, ...
    pub fn capabilities(&self, keys: &[&str]) -> Result<Vec<Vec<String>>> {
        let paths: Vec<String> = keys
            .iter()
            .map(|k| format!("{}/data/{k}", self.mount))
            .collect();
        let url = format!("{}/v1/sys/capabilities-self", self.endpoint.addr);
        let body = serde_json::to_vec(&serde_json::json!({ "paths": paths }))?;
        let answer = self
            .call("POST", &url, Some(&body), "capabilities")?
            .unwrap_or_default();
        Ok(paths
            .iter()
            .map(|p| {
                answer[p.as_str()]
                    .as_array()
                    .map(|caps| {
                        caps.iter()
                            .filter_map(|c| c.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect())
    }

    /// The token's remaining time to live (`auth/token/lookup-self`), in
    /// seconds; 0 for a token that never expires.
    pub fn token_ttl(&self) -> Result<u64> {
        let url = format!("{}/v1/auth/token/lookup-self", self.endpoint.addr);
        let body = self.call("GET", &url, None, "token")?.unwrap_or_default();
        Ok(body["data"]["ttl"].as_u64().unwrap_or(0))
    }

    /// The ACL policy `name` (`sys/policies/acl/NAME`): its text, or `None`
    /// if there is no such policy.
    pub fn policy(&self, name: &str) -> Result<Option<String>> {
        let url = self.policy_url(name);
        let body = self.call("GET", &url, None, POLICIES)?;
        Ok(body.and_then(|b| b["data"]["policy"].as_str().map(str::to_string)))
    }

    /// Write the ACL policy `name` (created or replaced).
    pub fn write_policy(&self, name: &str, text: &str) -> Result<()> {
        let url = self.policy_url(name);
        let body = serde_json::to_vec(&serde_json::json!({ "policy": text }))?;
        self.call("POST", &url, Some(&body), POLICIES).map(drop)
    }

    fn policy_url(&self, name: &str) -> String {
        format!("{}/v1/sys/policies/acl/{name}", self.endpoint.addr)
    }

    fn url(&self, api: &str, key: &str) -> String {
        format!(
            "{}/v1/{}/{api}/{}",
            self.endpoint.addr,
            self.mount,
            key.replace('%', "%25")
        )
    }

    /// One request; the JSON answer, or `None` for a 404. `key` names what
    /// is asked for in errors (its kind, never a value).
    fn call(
        &self,
        method: &str,
        url: &str,
        body: Option<&[u8]>,
        key: &str,
    ) -> Result<Option<Value>> {
        let mut token = HeaderValue::from_str(&self.token).map_err(|_| {
            Failure::store("the team store token holds characters HTTP cannot carry")
                .hint("set VAULT_TOKEN to the token `bao login` printed")
        })?;
        token.set_sensitive(true);
        let result = match (method, body) {
            ("POST", Some(bytes)) => self
                .agent
                .post(url)
                .header("X-Vault-Token", token)
                .header("Content-Type", "application/json")
                .with_namespace(&self.endpoint)
                .send(bytes),
            ("DELETE", _) => self
                .agent
                .delete(url)
                .header("X-Vault-Token", token)
                .with_namespace(&self.endpoint)
                .call(),
            _ => self
                .agent
                .get(url)
                .header("X-Vault-Token", token)
                .with_namespace(&self.endpoint)
                .call(),
        };
        let mut response = result.map_err(|e| unreachable(&self.endpoint, self.timeout, &e))?;
        let status = response.status().as_u16();
        let text =
            read_body(&mut response).map_err(|e| unreachable(&self.endpoint, self.timeout, &e))?;
        let json: Value = serde_json::from_str(&text).unwrap_or_default();
        match status {
            200..=299 => Ok(Some(json)),
            404 if json["errors"].as_array().is_none_or(|e| e.is_empty()) => Ok(None),
            // A denial with a token that is not valid at all says so.
            403 if key != "token" => match self.token_ttl() {
                Err(invalid) => {
                    let (settings, paths) = &self.login;
                    let _ = super::auth::forget(settings, paths, &self.endpoint);
                    Err(invalid)
                }
                Ok(_) => Err(failure(&self.endpoint, &self.mount, status, &json, key).into()),
            },
            _ => Err(failure(&self.endpoint, &self.mount, status, &json, key).into()),
        }
    }
}

/// Adds `X-Vault-Namespace` when a namespace is set.
trait WithNamespace: Sized {
    fn with_namespace(self, endpoint: &Endpoint) -> Self;
}

impl<B> WithNamespace for ureq::RequestBuilder<B> {
    fn with_namespace(self, endpoint: &Endpoint) -> Self {
        match &endpoint.namespace {
            Some(ns) => self.header("X-Vault-Namespace", ns),
            None => self,
        }
    }
}

fn read_body(response: &mut Response<Body>) -> Result<String, ureq::Error> {
    response
        .body_mut()
        .with_config()
        .limit(BODY_LIMIT)
        .read_to_string()
}

/// `VAULT_<name>`, else OpenBao's `BAO_<name>`, when set and not blank:
/// the variable and its value (`bao server -dev-tls` prints `BAO_ADDR` and
/// `BAO_CACERT` to export).
fn client_var(name: &str) -> Option<(String, String)> {
    ["VAULT_", "BAO_"].into_iter().find_map(|prefix| {
        let var = format!("{prefix}{name}");
        let value = std::env::var(&var).ok().filter(|v| !v.trim().is_empty())?;
        Some((var, value))
    })
}

/// The server: `team-addr`, else `VAULT_ADDR` (or `BAO_ADDR`); the
/// namespace from `VAULT_NAMESPACE` (or `BAO_NAMESPACE`).
pub fn endpoint(settings: &Settings) -> Result<Endpoint> {
    let env = |name: &str| client_var(name).map(|(_, value)| value);
    let addr = Some(settings.team_addr.clone())
        .filter(|a| !a.trim().is_empty())
        .or_else(|| env("ADDR"))
        .ok_or_else(|| {
            Failure::store("no address for the team store")
                .hint("set it with `hubint config set team-addr https://bao.example.com:8200`, or VAULT_ADDR")
        })?;
    let addr = addr.trim().trim_end_matches('/').to_string();
    if !addr.starts_with("http://") && !addr.starts_with("https://") {
        return Err(Failure::usage(format!(
            "the team store address '{addr}' is not an http(s) URL"
        ))
        .hint("set team-addr (or VAULT_ADDR) to a URL such as https://bao.example.com:8200")
        .into());
    }
    Ok(Endpoint {
        addr,
        namespace: env("NAMESPACE").map(|n| n.trim().trim_matches('/').to_string()),
    })
}

/// `VAULT_CLIENT_TIMEOUT` (or `BAO_CLIENT_TIMEOUT`): seconds (`30`) or a Go
/// duration (`30s`, `1m`).
pub fn timeout_from_env() -> Result<Duration> {
    let Some((var, raw)) = client_var("CLIENT_TIMEOUT") else {
        return Ok(DEFAULT_TIMEOUT);
    };
    let raw = raw.trim();
    let parsed = match raw.parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs.is_finite() => Some(Duration::from_secs_f64(secs)),
        Ok(_) => None,
        Err(_) => humantime::parse_duration(raw).ok().filter(|d| !d.is_zero()),
    };
    parsed.ok_or_else(|| {
        Failure::usage(format!("invalid {var} '{}'", crate::validate::excerpt(raw)))
            .hint("set it to a number of seconds or a duration such as 30s")
            .into()
    })
}

/// The agent: status codes as answers, the OS roots plus `VAULT_CACERT`
/// (or `BAO_CACERT`).
pub fn agent(timeout: Duration) -> Result<Agent> {
    let roots = match client_var("CACERT") {
        None => RootCerts::PlatformVerifier,
        Some((var, path)) => {
            let pem = std::fs::read(&path).map_err(|e| {
                Failure::store(format!("cannot read {var} {path}: {e}"))
                    .hint(format!("point {var} at the PEM file of the server's CA"))
            })?;
            let certs: Vec<_> = ureq::tls::parse_pem(&pem)
                .filter_map(|item| match item {
                    Ok(ureq::tls::PemItem::Certificate(c)) => Some(c.to_owned()),
                    _ => None,
                })
                .collect();
            if certs.is_empty() {
                return Err(
                    Failure::store(format!("{var} {path} holds no PEM certificate"))
                        .hint(format!("point {var} at the PEM file of the server's CA"))
                        .into(),
                );
            }
            RootCerts::new_with_certs(&certs)
        }
    };
    let config = Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .user_agent(concat!("hubint/", env!("CARGO_PKG_VERSION")))
        .tls_config(TlsConfig::builder().root_certs(roots).build())
        .build();
    Ok(config.into())
}
