//! The catalog of integration families and types.
//!
//! A family groups types (`hub` holds container registries). A type says which
//! fields it takes, its default URL and how its URL is normalised. Adding a
//! registry type (Quay, GHCR, ECR, ...) is one more entry here: the commands
//! read the catalog and have no per-type control flow.

mod args;
pub mod rules;
mod types;

pub use args::KindArgs;

use crate::error::{Failure, fail};
use crate::registry;

#[derive(Debug)]
pub struct Family {
    pub id: &'static str,
    pub label: &'static str,
    pub types: &'static [IntegrationType],
}

#[derive(Debug)]
pub struct IntegrationType {
    pub id: &'static str,
    pub label: &'static str,
    /// The URL used when the user gives none; `None` when the host has a
    /// pattern (`<name>.azurecr.io`) and must be given.
    pub default_url: Option<&'static str>,
    /// How the host looks, for prompts and hints.
    pub host_hint: &'static str,
    /// Whether the type takes an email address (always optional).
    pub has_email: bool,
    /// Whether a normalised registry key is a host this type serves.
    pub check_host: fn(&str) -> Result<(), String>,
    pub username: UsernameField,
    pub secret: SecretField,
}

/// How a type asks for and checks its username.
#[derive(Debug)]
pub struct UsernameField {
    pub prompt: &'static str,
    /// The username every integration of the type uses (not asked).
    pub fixed: Option<&'static str>,
    /// The username recorded when none is given (and then no secret is
    /// asked either): ECR's "use the AWS default credential chain".
    pub absent: Option<&'static str>,
    pub check: fn(&str) -> Result<(), String>,
}

/// What the secret is, how it is asked and checked.
#[derive(Debug)]
pub struct SecretField {
    pub kind: SecretKind,
    /// What the secret is called in messages: "personal access token".
    pub name: &'static str,
    pub prompt: &'static str,
    /// Refuse the secret, or accept it with a warning.
    pub check: fn(&str) -> rules::SecretCheck,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// A password or access token, typed at a hidden prompt.
    Password,
    /// A token, typed at a hidden prompt.
    Token,
    /// A JSON key, read from a file (the prompt asks for its path).
    JsonKeyFile,
    /// An AWS secret access key (the username is the access key id); the
    /// registry password is minted from it (`src/ecr`).
    AwsSecretKey,
}

pub static FAMILIES: &[Family] = &[Family {
    id: "hub",
    label: "hub: container registries",
    types: types::HUB_TYPES,
}];

pub const DEFAULT_FAMILY: &str = "hub";
pub const DEFAULT_TYPE: &str = "docker";

pub fn family(id: &str) -> anyhow::Result<&'static Family> {
    match FAMILIES.iter().find(|f| f.id.eq_ignore_ascii_case(id)) {
        Some(f) => Ok(f),
        None => fail(
            Failure::usage(format!(
                "unknown integration family '{}'",
                crate::validate::excerpt(id)
            ))
            .hint(format!("families: {}", family_ids().join(", "))),
        ),
    }
}

impl Family {
    pub fn integration_type(&self, id: &str) -> anyhow::Result<&'static IntegrationType> {
        let types: &'static [IntegrationType] = self.types;
        match types.iter().find(|t| t.id.eq_ignore_ascii_case(id)) {
            Some(t) => Ok(t),
            None => fail(
                Failure::usage(format!(
                    "unknown type '{}' in family '{}'",
                    crate::validate::excerpt(id),
                    self.id
                ))
                .hint(format!(
                    "types of {}: {}",
                    self.id,
                    types.iter().map(|t| t.id).collect::<Vec<_>>().join(", ")
                )),
            ),
        }
    }
}

/// Look up a family and type together.
pub fn lookup(
    family_id: &str,
    type_id: &str,
) -> anyhow::Result<(&'static Family, &'static IntegrationType)> {
    let family = family(family_id)?;
    Ok((family, family.integration_type(type_id)?))
}

/// The type a tool's login (`docker login`, an imported config) is
/// recorded as: the first type other than the default whose own host
/// (not a loopback stand-in) this is and whose username and secret rules
/// it passes without a warning, else the default type. Never a minted
/// type: a login to ECR holds a token, not AWS keys.
pub fn type_for_login(registry: &str, username: &str, secret: &str) -> &'static IntegrationType {
    let family = &FAMILIES[0];
    let fits = |t: &IntegrationType| {
        // A type that takes any host (quay, gitlab: self-hosted) claims
        // only its public one.
        let strict = (t.check_host)("registry.example.invalid").is_err();
        let default = t.default_url.and_then(|d| t.check_url(d).ok());
        let host = if strict {
            (t.check_host)(registry).is_ok()
        } else {
            default.as_deref() == Some(registry)
        };
        !t.is_ecr()
            && t.id != DEFAULT_TYPE
            && !rules::is_loopback(registry)
            && host
            && (t.username.check)(username).is_ok()
            && (t.secret.check)(secret) == Ok(None)
    };
    family
        .types
        .iter()
        .find(|t| fits(t))
        .unwrap_or(&family.types[0])
}

pub fn family_ids() -> Vec<&'static str> {
    FAMILIES.iter().map(|f| f.id).collect()
}

/// Every type id across all families (for completion and help).
pub fn type_ids() -> Vec<&'static str> {
    FAMILIES
        .iter()
        .flat_map(|f| f.types.iter().map(|t| t.id))
        .collect()
}

impl IntegrationType {
    /// Normalise a URL for this type and check that the type serves it, or
    /// fail with a usage error naming `--url`.
    pub fn registry_key(&self, url: Option<&str>) -> anyhow::Result<String> {
        let Some(url) = url.or(self.default_url) else {
            return fail(
                Failure::usage(format!("an integration of type {} needs --url", self.id))
                    .hint(format!("pass --url {}", self.host_hint)),
            );
        };
        self.check_url(url).map_err(|why| {
            Failure::usage(format!("invalid registry URL: {why}"))
                .hint(format!("pass --url with a host such as {}", self.host_hint))
                .into()
        })
    }

    /// The registry key of a typed URL, or why this type refuses it.
    pub fn check_url(&self, url: &str) -> Result<String, String> {
        let key = registry::normalize(url)?;
        (self.check_host)(&key)?;
        Ok(key)
    }

    /// Whether the registry password is minted (Amazon ECR) rather than
    /// stored.
    pub fn is_ecr(&self) -> bool {
        self.secret.kind == SecretKind::AwsSecretKey
    }

    /// Whether this username means "no stored secret" (ECR's default chain).
    pub fn secretless(&self, username: &str) -> bool {
        self.username.absent == Some(username)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_defaults_to_hub() {
        let (_, t) = lookup("hub", "docker").unwrap();
        assert_eq!(t.registry_key(None).unwrap(), registry::DOCKER_HUB);
        let (_, acr) = lookup("hub", "acr").unwrap();
        assert!(acr.registry_key(None).is_err());
        assert!(acr.registry_key(Some("quay.io")).is_err());
        assert!(lookup("hub", "ecr").unwrap().1.is_ecr());
        let login = |r, u, s| type_for_login(r, u, s).id;
        assert_eq!(login("ghcr.io", "octocat", "ghp_x"), "ghcr");
        assert_eq!(login("ghcr.io", "octocat", "password"), "docker");
        assert_eq!(login("quay.io", "acme+bot", "t"), "quay");
        assert_eq!(login("quay.example.com", "acme+bot", "t"), "docker");
        assert_eq!(
            login("registry.gitlab.com", "gitlab-ci-token", "t"),
            "gitlab"
        );
        assert_eq!(login("contoso.azurecr.io", "contoso", "t"), "acr");
        assert_eq!(login("gcr.io", "oauth2accesstoken", "ya29"), "docker");
        assert_eq!(login("localhost:5000", "_json_key", "{}"), "docker");
        let ecr = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
        assert_eq!(login(ecr, "AWS", "token"), "docker");
        assert_eq!(login(registry::DOCKER_HUB, "bob", "pw"), "docker");
        assert_eq!(
            t.registry_key(Some("localhost:5000")).unwrap(),
            "localhost:5000"
        );
        assert!(lookup("hub", "nope").is_err());
        assert!(lookup("nope", "docker").is_err());
    }
}
