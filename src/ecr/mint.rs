//! `ecr:GetAuthorizationToken`: one SigV4-signed POST over the blocking
//! ureq client, with a deadline, and the decoding of `AWS:<password>`.

use std::time::{Duration, SystemTime};

use anyhow::Result;
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use base64::Engine as _;
use serde::Deserialize;

use super::Keys;
use super::profile::Profile;
use crate::error::Failure;
use crate::secret::Secret;

/// No mint takes longer than this (connect, send, answer).
const TIMEOUT: Duration = Duration::from_secs(15);
const TARGET_HEADER: &str = "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken";
const BODY_LIMIT: u64 = 64 * 1024;

/// Where and for which registry a token is minted.
#[derive(Debug, PartialEq)]
pub struct Target {
    pub endpoint: String,
    pub region: String,
    /// The registry id (AWS account) from the host; without it the token
    /// is for the caller's own account.
    pub account: Option<String>,
}

/// A minted token.
pub struct Token {
    pub password: Secret,
    /// Seconds since the Unix epoch.
    pub expires_at: u64,
}

impl Target {
    /// The target for a registry host: account and region from
    /// `<account>.dkr.ecr.<region>.amazonaws.com`; for any other host
    /// (a mirror, a test registry) the region from `AWS_REGION`,
    /// `AWS_DEFAULT_REGION`, or the profile's `region` in `~/.aws/config`. The endpoint is `AWS_ENDPOINT_URL_ECR`, else
    /// `AWS_ENDPOINT_URL`, else the region's ECR API.
    pub fn for_registry(registry: &str) -> Result<Target> {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let (account, region, suffix) = match parse_host(registry) {
            Some((a, r, s)) => (Some(a), r, s),
            None => {
                let region = env("AWS_REGION")
                    .or_else(|| env("AWS_DEFAULT_REGION"))
                    .or_else(|| Profile::current().region().map(str::to_string));
                let Some(region) = region else {
                    return Err(Failure::store(format!(
                        "cannot tell the AWS region of ECR registry '{registry}'"
                    ))
                    .hint("use a host such as 123456789012.dkr.ecr.eu-west-1.amazonaws.com, set AWS_REGION, or set `region` in the profile's section of ~/.aws/config")
                    .into());
                };
                (None, region, "amazonaws.com".to_string())
            }
        };
        let endpoint = env("AWS_ENDPOINT_URL_ECR")
            .or_else(|| env("AWS_ENDPOINT_URL"))
            .unwrap_or_else(|| format!("https://api.ecr.{region}.{suffix}"));
        Ok(Target {
            endpoint: endpoint.trim_end_matches('/').to_string() + "/",
            region,
            account,
        })
    }

    /// What a cached token was minted for (no secret in it).
    pub fn describe(&self, access_key_id: &str) -> String {
        format!(
            "{} {} {} {}",
            self.endpoint,
            self.region,
            self.account.as_deref().unwrap_or("-"),
            access_key_id
        )
    }
}

/// `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]` → account,
/// region and the DNS suffix.
fn parse_host(registry: &str) -> Option<(String, String, String)> {
    let host = registry.split('/').next()?.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    match labels.as_slice() {
        [account, "dkr", ecr, region, rest @ ..]
            if account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && (*ecr == "ecr" || *ecr == "ecr-fips")
                && !region.is_empty()
                && (rest == ["amazonaws", "com"] || rest == ["amazonaws", "com", "cn"]) =>
        {
            Some((account.to_string(), region.to_string(), rest.join(".")))
        }
        _ => None,
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Answer {
    authorization_data: Vec<AuthorizationData>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AuthorizationData {
    authorization_token: String,
    expires_at: f64,
}

#[derive(Deserialize)]
struct AwsError {
    #[serde(rename = "__type", default)]
    kind: String,
}

/// Mint a token for `target` with `keys`.
pub fn mint(target: &Target, keys: &Keys) -> Result<Token> {
    let body = match &target.account {
        Some(a) => format!(r#"{{"registryIds":["{a}"]}}"#),
        None => "{}".to_string(),
    };
    let host = host_of(&target.endpoint)?;
    let mut headers = vec![
        ("content-type", "application/x-amz-json-1.1".to_string()),
        ("x-amz-target", TARGET_HEADER.to_string()),
        ("host", host),
    ];
    signature(target, keys, &body, &mut headers)?;
    let agent = crate::http::agent(TIMEOUT);
    let mut request = agent.post(&target.endpoint);
    for (name, value) in &headers {
        if *name != "host" {
            request = request.header(*name, value);
        }
    }
    let (status, text) = crate::http::answer(request.send(body.as_bytes()), BODY_LIMIT, |e| {
        unreachable_endpoint(target, e)
    })?;
    if !(200..300).contains(&status) {
        let kind = serde_json::from_str::<AwsError>(&text)
            .map(|e| e.kind)
            .unwrap_or_default();
        return Err(refused(target, status, &kind));
    }
    decode(&text).ok_or_else(|| {
        Failure::store(format!(
            "the ECR endpoint {} sent an answer hubint cannot read",
            target.endpoint
        ))
        .hint("check AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL point at the ECR API")
        .into()
    })
}

/// Sign the request: adds the `authorization` and `x-amz-*` headers.
fn signature(
    target: &Target,
    keys: &Keys,
    body: &str,
    headers: &mut Vec<(&'static str, String)>,
) -> Result<()> {
    let identity = Credentials::new(
        keys.access_key_id.clone(),
        keys.secret_access_key.to_string(),
        keys.session_token.as_ref().map(|t| t.to_string()),
        None,
        "hubint",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&target.region)
        .name("ecr")
        .time(SystemTime::now())
        .settings(SigningSettings::default())
        .build()?
        .into();
    let signable = SignableRequest::new(
        "POST",
        &target.endpoint,
        headers.iter().map(|(k, v)| (*k, v.as_str())),
        SignableBody::Bytes(body.as_bytes()),
    )?;
    let (instructions, _) = sign(signable, &params)?.into_parts();
    for (name, value) in instructions.headers() {
        let name: &'static str = match name {
            "authorization" => "authorization",
            "x-amz-date" => "x-amz-date",
            "x-amz-security-token" => "x-amz-security-token",
            "x-amz-content-sha256" => "x-amz-content-sha256",
            _ => continue,
        };
        headers.push((name, value.to_string()));
    }
    Ok(())
}

fn host_of(endpoint: &str) -> Result<String> {
    let uri: ureq::http::Uri = endpoint.parse().map_err(|_| {
        Failure::usage(format!("the ECR endpoint '{endpoint}' is not a URL")).hint(
            "set AWS_ENDPOINT_URL_ECR to a URL such as https://api.ecr.eu-west-1.amazonaws.com",
        )
    })?;
    match uri.authority() {
        Some(a) => Ok(a.to_string()),
        None => Err(Failure::usage(format!("the ECR endpoint '{endpoint}' has no host"))
            .hint("set AWS_ENDPOINT_URL_ECR to a URL such as https://api.ecr.eu-west-1.amazonaws.com")
            .into()),
    }
}

/// The password of `AWS:<password>` and the expiry.
fn decode(text: &str) -> Option<Token> {
    let answer: Answer = serde_json::from_str(text).ok()?;
    let data = answer.authorization_data.into_iter().next()?;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(data.authorization_token.trim())
        .ok()?;
    let pair = String::from_utf8(raw).ok()?;
    let (user, password) = pair.split_once(':')?;
    (user == super::USERNAME).then(|| Token {
        password: password.to_string().into(),
        expires_at: data.expires_at.max(0.0) as u64,
    })
}

fn unreachable_endpoint(target: &Target, e: &ureq::Error) -> anyhow::Error {
    crate::http::unreachable(
        &format!("the ECR endpoint {}", target.endpoint),
        e,
        "check the network, and AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL if set",
    )
}

fn refused(target: &Target, status: u16, kind: &str) -> anyhow::Error {
    let kind = kind.rsplit('#').next().unwrap_or(kind);
    let (what, fix) = match kind {
        "ThrottlingException" | "ThrottledException" | "TooManyRequestsException" => (
            "AWS is throttling token requests".to_string(),
            "wait a moment and try again".to_string(),
        ),
        _ if status == 429 => (
            "AWS is throttling token requests".to_string(),
            "wait a moment and try again".to_string(),
        ),
        _ if (400..500).contains(&status) => (
            format!(
                "AWS refused the keys ({})",
                if kind.is_empty() { status.to_string() } else { kind.to_string() }
            ),
            "check the access key id and secret access key (and that they may call ecr:GetAuthorizationToken)".to_string(),
        ),
        _ => (
            format!("the ECR endpoint failed (HTTP {status})"),
            "try again later".to_string(),
        ),
    };
    Failure::store(format!(
        "cannot mint an ECR token at {}: {what}",
        target.endpoint
    ))
    .hint(fix)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_parse() {
        assert_eq!(
            parse_host("123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
            Some((
                "123456789012".into(),
                "eu-west-1".into(),
                "amazonaws.com".into()
            ))
        );
        assert_eq!(
            parse_host("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn").map(|h| h.2),
            Some("amazonaws.com.cn".into())
        );
        assert_eq!(parse_host("12345.dkr.ecr.eu-west-1.amazonaws.com"), None);
        assert_eq!(parse_host("ghcr.io"), None);
    }

    #[test]
    fn tokens_decode() {
        let token = base64::engine::general_purpose::STANDARD.encode("AWS:pw:with:colons");
        let text = format!(
            r#"{{"authorizationData":[{{"authorizationToken":"{token}","expiresAt":1.7e9,"proxyEndpoint":"x"}}]}}"#
        );
        let t = decode(&text).unwrap();
        assert_eq!(t.password.as_str(), "pw:with:colons");
        assert_eq!(t.expires_at, 1_700_000_000);
        assert!(decode("{}").is_none());
    }
}
