//! The per-type checks the catalog entries point at: which hosts a type
//! serves, which usernames it takes and what its secret looks like. Each
//! check gets the normalised value and returns a short reason (without the
//! value) when it is refused.

use crate::registry;

/// Loopback hosts are accepted for every type: a local mirror, a
/// port-forward or a test registry stands in for the real one.
pub fn is_loopback(host: &str) -> bool {
    let name = host_name(host);
    name == "localhost" || name == "[::1]" || name.starts_with("127.")
}

/// The host without its port.
fn host_name(key: &str) -> &str {
    if key.starts_with('[') {
        return key.split_inclusive(']').next().unwrap_or(key);
    }
    key.split(':').next().unwrap_or(key)
}

pub fn any_host(_: &str) -> Result<(), String> {
    Ok(())
}

pub fn ghcr_host(key: &str) -> Result<(), String> {
    only(key, key == "ghcr.io", "GitHub's registry is ghcr.io")
}

pub fn acr_host(key: &str) -> Result<(), String> {
    let name = host_name(key);
    let ok = [".azurecr.io", ".azurecr.cn", ".azurecr.us"]
        .iter()
        .any(|suffix| name.strip_suffix(suffix).is_some_and(label));
    only(key, ok, "an Azure registry is <name>.azurecr.io")
}

pub fn gcr_host(key: &str) -> Result<(), String> {
    let name = host_name(key);
    let ok = name == "gcr.io"
        || name.strip_suffix(".gcr.io").is_some_and(label)
        || name
            .strip_suffix("-docker.pkg.dev")
            .is_some_and(|region| label(region) && region.contains('-'));
    only(
        key,
        ok,
        "a Google registry is gcr.io, <region>.gcr.io or <region>-docker.pkg.dev",
    )
}

pub fn ecr_host(key: &str) -> Result<(), String> {
    only(
        key,
        ecr_account_region(key).is_some(),
        "an ECR registry is <account>.dkr.ecr.<region>.amazonaws.com",
    )
}

/// The AWS account id and region of an ECR registry host (for the ECR
/// module, which signs its requests for that region)
/// (`<account>.dkr.ecr.<region>.amazonaws.com`, or `.amazonaws.com.cn`).
#[cfg_attr(not(test), allow(dead_code))]
pub fn ecr_account_region(key: &str) -> Option<(&str, &str)> {
    let name = host_name(key);
    let rest = name
        .strip_suffix(".amazonaws.com")
        .or_else(|| name.strip_suffix(".amazonaws.com.cn"))?;
    let (account, rest) = rest.split_once(".dkr.ecr.")?;
    let region = rest.strip_suffix(".on.aws").unwrap_or(rest);
    let account_ok = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
    (account_ok && label(region) && region.contains('-')).then_some((account, region))
}

fn only(key: &str, ok: bool, why: &str) -> Result<(), String> {
    if ok || is_loopback(key) {
        Ok(())
    } else if registry::is_docker_hub(key) {
        Err(format!("{why}, not Docker Hub"))
    } else {
        Err(format!("{why}, not {key}"))
    }
}

/// One DNS label of letters, digits and '-'.
fn label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !s.starts_with('-')
}

pub fn any_user(_: &str) -> Result<(), String> {
    Ok(())
}

fn no_spaces(user: &str) -> Result<(), String> {
    if user.contains(char::is_whitespace) {
        Err("the username cannot contain spaces".into())
    } else {
        Ok(())
    }
}

/// A GitHub login: letters, digits and single hyphens, at most 39.
pub fn github_user(user: &str) -> Result<(), String> {
    let ok = user.len() <= 39
        && user.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !user.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err("a GitHub username holds only letters, digits and '-' (at most 39)".into())
    }
}

/// A Quay user, or a robot account `org+name`.
pub fn quay_user(user: &str) -> Result<(), String> {
    no_spaces(user)?;
    let parts: Vec<&str> = user.split('+').collect();
    if parts.len() > 2 || parts.iter().any(|p| p.is_empty()) {
        return Err("a Quay robot account is written org+name".into());
    }
    Ok(())
}

pub fn gitlab_user(user: &str) -> Result<(), String> {
    no_spaces(user)
}

/// A service principal's app id (a GUID), the admin user (the registry
/// name) or a token name: letters, digits and '-'.
pub fn acr_user(user: &str) -> Result<(), String> {
    if user.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(())
    } else {
        Err("an ACR username is an app id (GUID), the admin user or a token name".into())
    }
}

/// The username of a Google service-account JSON key.
pub const JSON_KEY_USER: &str = "_json_key";

pub fn json_key_user(user: &str) -> Result<(), String> {
    if user == JSON_KEY_USER {
        Ok(())
    } else {
        Err(format!(
            "a Google JSON key is used with the username {JSON_KEY_USER}"
        ))
    }
}

/// The username that means "use the AWS default credential chain"
/// (environment variables, profile, instance role) instead of stored keys.
pub const AWS_DEFAULT_CHAIN: &str = "aws-default-chain";

/// An AWS access key id (letters and digits), or [`AWS_DEFAULT_CHAIN`].
pub fn aws_key_id(user: &str) -> Result<(), String> {
    if user == AWS_DEFAULT_CHAIN
        || (user.len() <= 128 && user.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        Ok(())
    } else {
        Err(format!(
            "an AWS access key id holds only letters and digits (or is {AWS_DEFAULT_CHAIN})"
        ))
    }
}

/// What a secret check found: fine, or fine with a warning.
pub type SecretCheck = Result<Option<String>, String>;

pub fn any_secret(_: &str) -> SecretCheck {
    Ok(None)
}

/// A GitHub token: classic (`ghp_`), fine-grained (`github_pat_`), or the
/// Actions/OAuth/app ones. Anything else is kept, with a warning.
pub fn github_token(token: &str) -> SecretCheck {
    let prefixes = ["ghp_", "github_pat_", "ghs_", "gho_", "ghu_"];
    if prefixes.iter().any(|p| token.starts_with(p)) {
        Ok(None)
    } else {
        Ok(Some(
            "the token does not look like a GitHub personal access token (ghp_... or \
             github_pat_...); ghcr.io refuses account passwords"
                .into(),
        ))
    }
}

/// A Google service-account key: a JSON object with `type:
/// service_account`, a `client_email` and a PEM `private_key`.
pub fn service_account_key(key: &str) -> SecretCheck {
    let json: serde_json::Value =
        serde_json::from_str(key).map_err(|_| "the key is not JSON".to_string())?;
    let field = |name: &str| json.get(name).and_then(|v| v.as_str()).unwrap_or("");
    if field("type") != "service_account" {
        return Err("the key's \"type\" is not \"service_account\"".into());
    }
    if !field("client_email").contains('@') {
        return Err("the key has no \"client_email\"".into());
    }
    if !field("private_key").contains("PRIVATE KEY-----") {
        return Err("the key has no PEM \"private_key\"".into());
    }
    Ok(None)
}

pub fn aws_secret_key(key: &str) -> SecretCheck {
    if key.contains(char::is_whitespace) {
        Err("an AWS secret access key has no spaces".into())
    } else {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::sorts;

    #[test]
    fn hosts() {
        sorts(ghcr_host, &["ghcr.io", "127.0.0.1:5000"], &["quay.io"]);
        sorts(acr_host, &["myreg.azurecr.io"], &["azurecr.io"]);
        let gcr_ok = ["gcr.io", "eu.gcr.io", "europe-west1-docker.pkg.dev"];
        sorts(gcr_host, &gcr_ok, &["docker.pkg.dev", registry::DOCKER_HUB]);
        assert_eq!(
            ecr_account_region("123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
            Some(("123456789012", "eu-west-1"))
        );
        sorts(
            ecr_host,
            &["localhost:5000"],
            &["12345.dkr.ecr.eu-west-1.amazonaws.com"],
        );
    }

    #[test]
    fn users_and_secrets() {
        sorts(quay_user, &["org+robot"], &["org+"]);
        sorts(github_user, &["octo-cat"], &["octo cat"]);
        sorts(acr_user, &["00000000-0000-0000-0000-000000000000"], &[]);
        sorts(json_key_user, &[], &["me"]);
        assert_eq!(github_token("ghp_x"), Ok(None));
        assert!(github_token("hunter2").unwrap().is_some());
        let key = r#"{"type":"service_account","client_email":"a@b.iam","private_key":"-----BEGIN PRIVATE KEY-----\n"}"#;
        assert_eq!(service_account_key(key), Ok(None));
        sorts(service_account_key, &[], &["{}", "nope"]);
    }
}
