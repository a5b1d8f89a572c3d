//! AppRole and JWT logins (`POST /v1/auth/<mount>/login`) and the token
//! lookup (`GET /v1/auth/token/lookup-self`), with the server's refusals
//! turned into one sentence and the fix.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;
use zeroize::Zeroizing;

use super::Method;
use crate::config::Settings;
use crate::error::{Failure, fail};
use crate::team::Endpoint;

/// The largest credential file read (a JWT is a few KiB).
const CREDENTIAL_MAX: u64 = 64 * 1024;
/// The largest answer read.
const BODY_MAX: u64 = 1024 * 1024;

/// A login to make: the method, its mount, the role and the file that
/// holds the credential (secret_id or JWT).
pub struct Request {
    pub method: Method,
    pub mount: String,
    /// The AppRole role_id, or the JWT role name.
    pub role: String,
    pub file: PathBuf,
}

impl Request {
    /// The login the settings ask for, or `None` for `team-auth = token`.
    pub fn from_settings(settings: &Settings) -> Result<Option<Request>> {
        let method = settings.team_auth;
        let (role, role_key, file, file_key) = match method {
            Method::Token => return Ok(None),
            Method::AppRole => (
                &settings.team_role_id,
                "team-role-id",
                &settings.team_secret_id_file,
                "team-secret-id-file",
            ),
            Method::Jwt => (
                &settings.team_jwt_role,
                "team-jwt-role",
                &settings.team_jwt_file,
                "team-jwt-file",
            ),
        };
        for (value, key) in [(role, role_key), (file, file_key)] {
            if value.trim().is_empty() {
                return fail(
                    Failure::usage(format!("team-auth is {method} but {key} is not set")).hint(
                        format!(
                            "set it: `hubint config set {key} ...` or {}",
                            crate::config::env_var(key)
                        ),
                    ),
                );
            }
        }
        let mount = match settings.team_auth_mount.trim().trim_matches('/') {
            "" => method.default_mount().to_string(),
            mount => mount.to_string(),
        };
        Ok(Some(Request {
            method,
            mount,
            role: role.trim().to_string(),
            file: PathBuf::from(file.trim()),
        }))
    }

    /// When the credential file last changed (a new secret_id or JWT means
    /// a new login), as text.
    pub fn stamp(&self) -> String {
        use std::time::UNIX_EPOCH;
        let Ok(meta) = std::fs::metadata(&self.file) else {
            return String::new();
        };
        let nanos = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        format!("{nanos}:{}", meta.len())
    }

    fn what(&self) -> &'static str {
        match self.method {
            Method::AppRole => "AppRole",
            _ => "JWT",
        }
    }
}

/// A token from a login and its TTL in seconds.
pub struct Fresh {
    pub token: Zeroizing<String>,
    pub ttl: u64,
}

#[derive(Deserialize)]
struct LoginAnswer {
    auth: Option<Auth>,
}

#[derive(Deserialize)]
struct Auth {
    client_token: Zeroizing<String>,
    #[serde(default)]
    lease_duration: u64,
}

#[derive(Deserialize, Default)]
struct Errors {
    #[serde(default)]
    errors: Vec<String>,
}

/// Log in as `request` asks.
pub fn log_in(agent: &ureq::Agent, endpoint: &Endpoint, request: &Request) -> Result<Fresh> {
    let credential = read_credential(request)?;
    let body = match request.method {
        Method::AppRole => serde_json::json!({"role_id": request.role, "secret_id": *credential}),
        _ => serde_json::json!({"role": request.role, "jwt": *credential}),
    };
    let body = Zeroizing::new(body.to_string());
    let path = format!("auth/{}/login", request.mount);
    let (status, text) = call(agent, endpoint, &path, None, Some(&body))?;
    if status == 200
        && let Ok(LoginAnswer { auth: Some(auth) }) = serde_json::from_str(&text)
    {
        return Ok(Fresh {
            token: auth.client_token,
            ttl: auth.lease_duration,
        });
    }
    Err(refused(endpoint, request, status, &text))
}

/// What the server says about a token.
#[derive(Debug, Clone, Deserialize)]
pub struct TokenInfo {
    /// Seconds left (0: no expiry).
    pub ttl: u64,
    #[serde(default)]
    pub policies: Vec<String>,
}

/// Look `token` up (`auth/token/lookup-self`).
pub fn lookup_self(agent: &ureq::Agent, endpoint: &Endpoint, token: &str) -> Result<TokenInfo> {
    #[derive(Deserialize)]
    struct Answer {
        data: TokenInfo,
    }
    let (status, text) = call(agent, endpoint, "auth/token/lookup-self", Some(token), None)?;
    match serde_json::from_str::<Answer>(&text) {
        Ok(answer) if status == 200 => Ok(answer.data),
        _ if status == 403 => fail(
            Failure::store(format!(
                "the team store at {} refused the token: it is invalid or expired",
                endpoint.addr
            ))
            .hint("log in again (`bao login`), or set a fresh VAULT_TOKEN"),
        ),
        _ => fail(Failure::store(format!(
            "the team store at {} answered the token lookup with status {status}",
            endpoint.addr
        ))),
    }
}

fn read_credential(request: &Request) -> Result<Zeroizing<String>> {
    let what = match request.method {
        Method::AppRole => "secret_id",
        _ => "JWT",
    };
    let unreadable = |why: String| -> anyhow::Error {
        Failure::store(format!(
            "cannot read the {what} file {}: {why}",
            request.file.display()
        ))
        .hint(format!(
            "write the {what} to that file (mode 0600), or point {} at it",
            setting_of(request.method)
        ))
        .into()
    };
    let bytes = read_bounded(&request.file).map_err(|e| unreadable(e.to_string()))?;
    let text =
        String::from_utf8(bytes.to_vec()).map_err(|_| unreadable("it is not text".to_string()))?;
    let text = Zeroizing::new(text);
    let value = Zeroizing::new(text.trim().to_string());
    if value.is_empty() {
        return Err(unreadable("it is empty".to_string()));
    }
    Ok(value)
}

fn read_bounded(path: &Path) -> std::io::Result<Zeroizing<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Zeroizing::new(Vec::new());
    std::fs::File::open(path)?
        .take(CREDENTIAL_MAX + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > CREDENTIAL_MAX {
        return Err(std::io::Error::other("it is larger than 64 KiB"));
    }
    Ok(bytes)
}

fn setting_of(method: Method) -> &'static str {
    match method {
        Method::AppRole => "team-secret-id-file",
        _ => "team-jwt-file",
    }
}

/// One request to `/v1/<path>`: the status and the body.
fn call(
    agent: &ureq::Agent,
    endpoint: &Endpoint,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Result<(u16, Zeroizing<String>)> {
    let url = format!("{}/v1/{path}", endpoint.addr.trim_end_matches('/'));
    let mut headers: Vec<(&str, ureq::http::HeaderValue)> = Vec::new();
    if let Some(namespace) = &endpoint.namespace {
        let value = ureq::http::HeaderValue::from_str(namespace).map_err(|_| {
            Failure::usage("VAULT_NAMESPACE holds characters HTTP cannot carry")
                .hint("set it to the namespace's path, e.g. team/ci")
        })?;
        headers.push(("X-Vault-Namespace", value));
    }
    if let Some(token) = token {
        let mut value = ureq::http::HeaderValue::from_str(token)
            .map_err(|_| Failure::store("the client token holds characters HTTP cannot carry"))?;
        value.set_sensitive(true);
        headers.push(("X-Vault-Token", value));
    }
    let result = match body {
        Some(body) => {
            let mut request = agent.post(&url).content_type("application/json");
            for (name, value) in headers {
                request = request.header(name, value);
            }
            request
                .config()
                .http_status_as_error(false)
                .build()
                .send(body)
        }
        None => {
            let mut request = agent.get(&url);
            for (name, value) in headers {
                request = request.header(name, value);
            }
            request.config().http_status_as_error(false).build().call()
        }
    };
    crate::http::answer(result, BODY_MAX, |e| {
        crate::http::unreachable(
            &format!("the team store at {}", endpoint.addr),
            e,
            "check VAULT_ADDR (or team-addr) and the network; VAULT_CLIENT_TIMEOUT sets the wait",
        )
    })
}

/// The failure for a login the server refused.
fn refused(endpoint: &Endpoint, request: &Request, status: u16, text: &str) -> anyhow::Error {
    let errors = serde_json::from_str::<Errors>(text)
        .unwrap_or_default()
        .errors;
    let said = errors.join("; ").to_lowercase();
    let what = request.what();
    let mount = &request.mount;
    let file = request.file.display();
    // A login path no auth method serves answers 403 "permission denied".
    let no_method = said.contains("no handler for route")
        || status == 404
        || (status == 403 && said == "permission denied");
    let (message, hint) = if no_method {
        (
            format!(
                "no {what} auth method is enabled at auth/{mount} on {}{}",
                endpoint.addr,
                endpoint
                    .namespace
                    .as_ref()
                    .map(|n| format!(" (namespace {n})"))
                    .unwrap_or_default()
            ),
            format!(
                "enable it (`bao auth enable -path={mount} {}`) or set team-auth-mount to its path",
                request.method
            ),
        )
    } else if status == 503 || said.contains("sealed") {
        (
            format!("the team store at {} is sealed", endpoint.addr),
            "unseal it (`bao operator unseal`) and try again".to_string(),
        )
    } else if request.method == Method::AppRole && said.contains("secret id") {
        // The server does not say which of the two it did not know.
        (
            format!(
                "the AppRole login was refused: the role_id (team-role-id) or the secret_id in \
                 {file} is wrong, or the secret_id expired or was used up"
            ),
            "check team-role-id (`bao read auth/approle/role/ROLE/role-id`) and write a new \
             secret_id to that file (`bao write -f auth/approle/role/ROLE/secret-id`)"
                .to_string(),
        )
    } else if request.method == Method::AppRole && said.contains("role") {
        (
            "the AppRole login was refused: no role has the role_id of team-role-id".to_string(),
            "set team-role-id to the output of `bao read auth/approle/role/ROLE/role-id`"
                .to_string(),
        )
    } else if request.method == Method::Jwt && said.contains("expired") {
        (
            format!("the JWT login was refused: the token in {file} has expired"),
            "write a fresh token to that file (a new CI job's id_token)".to_string(),
        )
    } else if request.method == Method::Jwt && said.contains("role") && said.contains("not") {
        (
            format!(
                "the JWT login was refused: the role '{}' does not exist on auth/{mount}",
                request.role
            ),
            format!("set team-jwt-role to a role of `bao list auth/{mount}/role`"),
        )
    } else {
        let detail = if said.is_empty() {
            format!("status {status}")
        } else {
            crate::validate::excerpt(&errors.join("; "))
        };
        (
            format!("the {what} login at auth/{mount} was refused: {detail}"),
            format!("check the role and the credential in {file} (and the role's bound claims)"),
        )
    };
    Failure::store(message).hint(hint).into()
}
