//! Which integration serves a registry.
//!
//! Several integrations may serve one registry. The credential helper (and
//! everything that hands credentials to a container tool) narrows them down:
//!
//! 1. the registry: the normalised key of what the tool asked for, so every
//!    spelling of Docker Hub, `https://host:port/...`, `http://host:port` and
//!    `host:port` find the same integrations;
//! 2. `HUBINT_SUBSCRIPTION=S`: only integrations attached to S;
//! 3. `HUBINT_INTEGRATION=NAME`: only that integration;
//! 4. without either variable, nothing for a registry that such tools have
//!    logged out of while subscriptions still use its integrations
//!    ([`Integration::logged_out`]);
//! 5. if several remain, the registry's default (`integration edit --default`);
//!    otherwise the choice is ambiguous and nothing is served.

use crate::service::catalog::CatalogRead;
use anyhow::Result;

use crate::error::Failure;
use crate::registry;
use crate::service::model::Integration;

pub const ENV_SUBSCRIPTION: &str = "HUBINT_SUBSCRIPTION";
pub const ENV_INTEGRATION: &str = "HUBINT_INTEGRATION";

/// The restrictions set in the environment.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    pub subscription: Option<String>,
    pub integration: Option<String>,
}

impl Scope {
    /// `HUBINT_SUBSCRIPTION` and `HUBINT_INTEGRATION`; empty means unset.
    pub fn from_env() -> Scope {
        let var = |name| {
            std::env::var(name)
                .ok()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        Scope {
            subscription: var(ENV_SUBSCRIPTION),
            integration: var(ENV_INTEGRATION),
        }
    }

    /// A scope limited to one subscription (the `--subscription` flags).
    pub fn subscription(name: Option<&str>) -> Scope {
        Scope {
            subscription: name.map(str::to_string),
            integration: None,
        }
    }

    /// Fail if a variable names something that does not exist: a typo must
    /// not silently serve nothing (or everything).
    pub fn check(&self, conn: &dyn CatalogRead) -> Result<()> {
        if let Some(sub) = &self.subscription
            && conn.find_subscription(sub)?.is_none()
        {
            return Err(names_nothing(ENV_SUBSCRIPTION, "subscription", sub).into());
        }
        if let Some(name) = &self.integration
            && conn.find_integration(name)?.is_none()
        {
            return Err(names_nothing(ENV_INTEGRATION, "integration", name).into());
        }
        Ok(())
    }

    /// Neither a subscription nor an integration: what tools see by default.
    pub fn is_unscoped(&self) -> bool {
        self.subscription.is_none() && self.integration.is_none()
    }

    /// Whether `i` is served in the scope: inside it, and (without a scope)
    /// for a registry that such tools have not logged out of.
    pub fn serves(&self, i: &Integration) -> bool {
        self.admits(i) && !(self.is_unscoped() && i.logged_out)
    }

    /// Whether `i` is inside the scope.
    pub fn admits(&self, i: &Integration) -> bool {
        let sub_ok = self
            .subscription
            .as_ref()
            .is_none_or(|sub| i.subscriptions.iter().any(|s| s.eq_ignore_ascii_case(sub)));
        let pin_ok = self
            .integration
            .as_ref()
            .is_none_or(|name| i.name.eq_ignore_ascii_case(name));
        sub_ok && pin_ok
    }
}

/// The failure when `var` names a `what` (subscription, integration) that
/// does not exist (exit 3).
fn names_nothing(var: &str, what: &str, name: &str) -> Failure {
    let name = crate::validate::excerpt(name);
    Failure::not_found(format!(
        "{var} names '{name}', but there is no {what} named '{name}'"
    ))
    .hint(format!("run `hubint {what} list` to see the {what}s"))
}

/// The outcome of a lookup.
#[derive(Debug)]
pub enum Selection {
    Found(Box<Integration>),
    NotFound,
    /// Several match and none is the default: the key and the candidates.
    Ambiguous(String, Vec<Integration>),
}

/// The integrations in scope for a normalised registry key, sorted by name.
pub fn candidates(conn: &dyn CatalogRead, key: &str, scope: &Scope) -> Result<Vec<Integration>> {
    let mut list = conn.integrations_at(key)?;
    list.retain(|i| scope.admits(i));
    Ok(list)
}

/// Pick one of several candidates: the only one, or the default.
pub fn choose(key: &str, mut list: Vec<Integration>) -> Selection {
    if list.len() > 1 {
        match list.iter().position(|i| i.default) {
            Some(pos) => return Selection::Found(Box::new(list.swap_remove(pos))),
            None => return Selection::Ambiguous(key.to_string(), list),
        }
    }
    match list.pop() {
        Some(one) => Selection::Found(Box::new(one)),
        None => Selection::NotFound,
    }
}

/// The integration serving `server_url` (any spelling) within `scope`. An
/// address that is not a registry matches nothing.
pub fn select(conn: &dyn CatalogRead, server_url: &str, scope: &Scope) -> Result<Selection> {
    scope.check(conn)?;
    let Ok(key) = registry::normalize(server_url) else {
        return Ok(Selection::NotFound);
    };
    let mut list = candidates(conn, &key, scope)?;
    list.retain(|i| scope.serves(i));
    Ok(choose(&key, list))
}

/// The error for an ambiguous registry: it names the candidates and both
/// ways to choose, on one line (container tools show only the first line).
pub fn ambiguous(key: &str, list: &[Integration]) -> Failure {
    let names: Vec<&str> = list.iter().map(|i| i.name.as_str()).collect();
    Failure::conflict(format!(
        "{} integrations match {key}: {}; choose one with {ENV_INTEGRATION}=NAME or \
         {ENV_SUBSCRIPTION}=SUBSCRIPTION, or make one the default with \
         `hubint integration edit NAME --default`",
        names.len(),
        names.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn integration(name: &str, default: bool, subs: &[&str]) -> Integration {
        Integration {
            id: crate::service::model::IntegrationId::recorded(name),
            name: name.into(),
            family: crate::service::model::kind_of("hub", "docker").unwrap().0,
            kind: crate::service::model::kind_of("hub", "docker").unwrap().1,
            registry: "localhost:5000".into(),
            username: "u".into(),
            email: None,
            subscriptions: subs.iter().map(|s| s.to_string()).collect(),
            secret_store: crate::secret::StoreKind::Keyring,
            created_at: crate::service::model::Timestamp::now(),
            updated_at: crate::service::model::Timestamp::now(),
            revision: Default::default(),
            last_verified_at: None,
            last_verification: None,
            default,
            logged_out: false,
        }
    }

    #[test]
    fn the_only_one_or_the_default_is_chosen() {
        let key = "localhost:5000";
        assert!(matches!(choose(key, vec![]), Selection::NotFound));
        match choose(key, vec![integration("a", false, &[])]) {
            Selection::Found(i) => assert_eq!(i.name, "a"),
            other => panic!("{other:?}"),
        }
        let two = vec![integration("a", false, &[]), integration("b", true, &[])];
        match choose(key, two) {
            Selection::Found(i) => assert_eq!(i.name, "b"),
            other => panic!("{other:?}"),
        }
        let two = vec![integration("a", false, &[]), integration("b", false, &[])];
        match choose(key, two) {
            Selection::Ambiguous(_, list) => {
                let message = ambiguous(key, &list).message;
                for needle in ["a, b", ENV_INTEGRATION, ENV_SUBSCRIPTION, "--default"] {
                    assert!(message.contains(needle), "{message}");
                }
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn scope_filters_by_subscription_and_name() {
        let scope = Scope {
            subscription: Some("CI".into()),
            integration: None,
        };
        assert!(scope.admits(&integration("a", false, &["ci"])));
        assert!(!scope.admits(&integration("a", false, &["other"])));
        let pinned = Scope {
            subscription: None,
            integration: Some("A".into()),
        };
        assert!(pinned.admits(&integration("a", false, &[])));
        assert!(!pinned.admits(&integration("b", false, &[])));
        let logged_out = Integration {
            logged_out: true,
            ..integration("a", false, &["ci"])
        };
        assert!(!Scope::default().serves(&logged_out));
        assert!(scope.serves(&logged_out));
        assert!(pinned.serves(&logged_out));
    }
}
