//! The catalog of integration families and types.
//!
//! A family groups types (`hub` holds container registries). A type says which
//! fields it takes, its default URL and how its URL is normalised. Adding a
//! registry type (Quay, GHCR, ECR, ...) is one more entry here: the commands
//! read the catalog and have no per-type control flow.

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
    /// The URL used when the user gives none.
    pub default_url: &'static str,
    /// Whether the type takes an email address (always optional).
    pub has_email: bool,
    /// Turn a user-typed URL into the stored registry key.
    pub normalize_url: fn(&str) -> Result<String, String>,
}

pub static FAMILIES: &[Family] = &[Family {
    id: "hub",
    label: "hub: container registries",
    types: &[
        IntegrationType {
            id: "docker",
            label: "docker: Docker Hub or any Docker Registry v2",
            default_url: registry::DOCKER_HUB,
            has_email: true,
            normalize_url: registry::normalize,
        },
        // Minimal entry for the minted-token side (src/ecr/); the catalog work
        // of issue #16 (host pattern, prompts, validation) replaces it.
        IntegrationType {
            id: "ecr",
            label: "ecr: Amazon ECR (tokens minted from AWS keys)",
            default_url: "",
            has_email: false,
            normalize_url: registry::normalize,
        },
    ],
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
    /// Normalise a URL for this type, or fail with a usage error naming `--url`.
    pub fn registry_key(&self, url: Option<&str>) -> anyhow::Result<String> {
        let url = url.unwrap_or(self.default_url);
        (self.normalize_url)(url).map_err(|why| {
            Failure::usage(format!("invalid registry URL: {why}"))
                .hint("pass --url with a host such as registry.example.com:5000, or leave it out for Docker Hub")
                .into()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_defaults_to_hub() {
        let (_, t) = lookup("hub", "docker").unwrap();
        assert_eq!(t.registry_key(None).unwrap(), registry::DOCKER_HUB);
        assert_eq!(
            t.registry_key(Some("localhost:5000")).unwrap(),
            "localhost:5000"
        );
        assert!(lookup("hub", "nope").is_err());
        assert!(lookup("nope", "docker").is_err());
    }
}
