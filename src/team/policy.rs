//! The Vault/OpenBao policy of one subscription: what `hubint team policy
//! SUBSCRIPTION` prints. It grants `read` on exactly the documents a
//! credential helper `get` under `HUBINT_SUBSCRIPTION=S` needs, in the KV v2
//! layout of the team store (mount `M`, see TEAM.md and the catalog
//! backend's module doc):
//!
//! - `M/data/subscriptions/<s>`: the subscription, with its links;
//! - `M/data/integrations/<id>` and `M/data/secrets/<id>` for each
//!   attached integration;
//!
//! and nothing else, so any other integration's secret answers 403. A
//! policy is a snapshot of the links. Written by `hubint team policy S
//! --write` as `hubint-<s>`, it is kept current: after a change of links
//! the service rewrites it (`service::policies`), but only a policy whose
//! first line shows hubint wrote it for this mount and subscription, and
//! only where the KV document `policies/<s>` says hubint wrote one ([`mark`]):
//! so a token that may use the mount but not read ACL policies (a
//! developer's) is warned about a policy that exists, and only then.

use std::fmt::Write;

use anyhow::Result;

use super::catalog::docs::{PolicyDoc, policy_key, row_key, secret_key, segment, sub_key};
use super::client::Client;

/// One attached integration: its name (for a comment) and its id.
pub struct Grant<'a> {
    pub name: &'a str,
    pub id: &'a str,
}

/// The name hubint gives the policy of `subscription`: `hubint-<segment>`.
pub fn name(subscription: &str) -> String {
    format!("hubint-{}", segment(subscription))
}

/// The first line of the policy of `subscription` on `mount`: how a policy
/// that hubint wrote for them is recognised before it is rewritten.
fn header(mount: &str, subscription: &str) -> String {
    format!(
        "# hubint team policy for subscription {} (KV v2 mount {mount}).",
        segment(subscription)
    )
}

/// Whether `text` is the policy hubint wrote for `subscription` on `mount`
/// (any version of it), so that it may be rewritten.
pub fn is_ours(text: &str, mount: &str, subscription: &str) -> bool {
    text.lines().next() == Some(header(mount, subscription).as_str())
}

/// The HCL policy for `subscription` on `mount` with `grants`.
pub fn render(mount: &str, subscription: &str, grants: &[Grant<'_>]) -> String {
    let mut out = header(mount, subscription);
    out.push('\n');
    out.push_str(
        "# It lets a token read exactly this subscription's integrations and\n\
         # their secrets. hubint rewrites it after attach or detach when the\n\
         # token may (written with `--write`); or print it and write it again:\n",
    );
    let _ = writeln!(
        out,
        "#   hubint team policy {subscription} | bao policy write {} -",
        name(subscription)
    );
    out.push('\n');
    path(&mut out, &format!("{mount}/data/{}", sub_key(subscription)));
    for grant in grants {
        let _ = writeln!(out, "\n# integration {}", grant.name);
        path(&mut out, &format!("{mount}/data/{}", row_key(grant.id)));
        path(&mut out, &format!("{mount}/data/{}", secret_key(grant.id)));
    }
    out
}

/// Record on the mount that hubint wrote the policy of `subscription`.
pub fn mark(client: &Client, subscription: &str) -> Result<()> {
    let doc = PolicyDoc {
        policy: name(subscription),
    };
    client
        .write(&policy_key(subscription), &doc, None)
        .map(drop)
}

/// Forget the mark: the policy is gone, or no longer hubint's.
pub fn unmark(client: &Client, subscription: &str) -> Result<()> {
    client.delete(&policy_key(subscription))
}

/// Whether hubint wrote the policy of `subscription` ([`mark`]).
pub fn marked(client: &Client, subscription: &str) -> Result<bool> {
    Ok(client
        .read::<PolicyDoc>(&policy_key(subscription))?
        .is_some())
}

fn path(out: &mut String, path: &str) {
    let _ = writeln!(out, "path \"{path}\" {{\n  capabilities = [\"read\"]\n}}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_path_per_document() {
        let grants = [Grant {
            name: "hub",
            id: "1234",
        }];
        let hcl = render("kv", "CI", &grants);
        assert!(
            hcl.contains("path \"kv/data/subscriptions/ci\" {\n  capabilities = [\"read\"]\n}")
        );
        assert!(hcl.contains("path \"kv/data/integrations/1234\""));
        assert!(hcl.contains("path \"kv/data/secrets/1234\""));
        assert_eq!(hcl.matches("path \"").count(), 3);
    }
}
