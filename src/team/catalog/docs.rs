//! The documents of the layout (see the module doc of `team::catalog`) and
//! how keys are spelled.

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::secret::Details;
use crate::service::model::{Integration, IntegrationId, Revision};

/// `integrations/<id>`: everything an [`Integration`] holds except the
/// secret, the default and the logout mark (in `registries/`). A missing
/// optional field reads as `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowDoc {
    pub id: String,
    #[serde(flatten)]
    pub details: Details,
    pub secret_store: String,
    pub created_at: String,
    pub updated_at: String,
    pub last_verified_at: Option<String>,
    pub last_verification: Option<String>,
    /// The subscriptions it is attached to, as they are spelled.
    #[serde(default)]
    pub subscriptions: Vec<String>,
    /// Made by the credential helper (a tool's login).
    #[serde(default)]
    pub helper: bool,
    /// Being deleted: no new link; reads skip it; doctor finishes it.
    #[serde(default)]
    pub deleting: bool,
}

impl RowDoc {
    /// The document of a row (links, helper mark and tombstone as given).
    pub fn of(i: &Integration) -> RowDoc {
        RowDoc {
            id: i.id.to_string(),
            details: i.details(),
            secret_store: i.secret_store.to_string(),
            created_at: i.created_at.to_string(),
            updated_at: i.updated_at.to_string(),
            last_verified_at: i.last_verified_at.map(|t| t.to_string()),
            last_verification: i.last_verification.clone(),
            subscriptions: i.subscriptions.clone(),
            helper: false,
            deleting: false,
        }
    }

    /// The editable fields of `i` written over this document (the links,
    /// helper mark and creation time stay).
    pub fn edited(&self, i: &Integration) -> RowDoc {
        RowDoc {
            subscriptions: self.subscriptions.clone(),
            helper: self.helper,
            created_at: self.created_at.clone(),
            ..RowDoc::of(i)
        }
    }

    /// The row, with its version as revision and the registry's marks.
    pub fn integration(&self, version: u64, marks: Option<&RegistryDoc>) -> Result<Integration> {
        let id = IntegrationId::recorded(self.id.clone());
        let row = self.details.row(id, self.secret_store.parse()?)?;
        let mut subscriptions = self.subscriptions.clone();
        subscriptions.sort_by_key(|s| s.to_lowercase());
        Ok(Integration {
            subscriptions,
            created_at: self.created_at.parse()?,
            updated_at: self.updated_at.parse()?,
            revision: Revision::recorded(version),
            last_verified_at: self
                .last_verified_at
                .as_deref()
                .map(str::parse)
                .transpose()?,
            last_verification: self.last_verification.clone(),
            default: marks.is_some_and(|m| m.default.as_deref() == Some(self.id.as_str())),
            logged_out: marks.is_some_and(|m| m.logged_out),
            ..row
        })
    }

    /// Whether it is attached to `sub` (ignoring case).
    pub fn linked(&self, sub: &str) -> bool {
        self.subscriptions
            .iter()
            .any(|s| s.eq_ignore_ascii_case(sub))
    }
}

/// `names/<lower(name)>`: which row has the name.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NameDoc {
    pub id: String,
}

/// `subscriptions/<lower(name)>`: the subscription and its links.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SubDoc {
    pub name: String,
    pub created_at: String,
    #[serde(default)]
    pub integrations: Vec<String>,
    /// Set while a rename moves this document to that name (`rename.rs`):
    /// no link may be added to or removed from it any more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_to: Option<String>,
}

/// `registries/<key>`: the rows of one registry and its marks.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct RegistryDoc {
    pub integrations: Vec<String>,
    pub default: Option<String>,
    pub logged_out: bool,
}

/// `pending/<id>`: a secret that may be in `store` without a row.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingDoc {
    pub store: String,
}

/// `policies/<subscription>`: hubint wrote the policy of this subscription
/// (`team policy S --write`), so a change of its links rewrites it. Read
/// with the KV token every command has: a token that may not read ACL
/// policies still tells "keep it current" from "there is none".
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PolicyDoc {
    /// The policy's name on the server.
    pub policy: String,
}

/// One key segment from user text: lower case, every byte outside
/// `[a-z0-9._-]` percent-encoded (`/` is `%2F`), so no text can reach
/// another folder.
pub fn segment(text: &str) -> String {
    let mut out = String::new();
    for b in text.to_lowercase().bytes() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'-' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    // `.` and `..` mean something in a path: never a whole segment.
    if out.starts_with('.') {
        out.replace_range(..1, "%2E");
    }
    out
}

/// One function per folder: the key of `text`'s document there.
macro_rules! folder_keys {
    ($($key:ident => $folder:literal),+ $(,)?) => {
        $(
            pub fn $key(text: &str) -> String {
                format!(concat!($folder, "/{}"), segment(text))
            }
        )+
    };
}

folder_keys! {
    row_key => "integrations",
    name_key => "names",
    sub_key => "subscriptions",
    registry_key => "registries",
    pending_key => "pending",
    secret_key => "secrets",
    policy_key => "policies",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_lower_case_and_stay_in_their_folder() {
        assert_eq!(segment("Prod-CI"), "prod-ci");
        assert_eq!(segment("Acme-CI.v2_x"), "acme-ci.v2_x");
        assert_eq!(segment("a/b c"), "a%2Fb%20c");
        assert_eq!(segment("ghcr.io/Org"), "ghcr.io%2Forg");
        assert_eq!(segment("a b%"), "a%20b%25");
        assert_eq!(segment(".."), "%2E.");
        assert_eq!(name_key("../x"), "names/%2E.%2Fx");
    }
}
