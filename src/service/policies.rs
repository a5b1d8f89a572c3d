//! The team store's policies (`team::policy`): one per subscription,
//! written by `hubint team policy S --write` and kept current by the
//! service. A policy is a list of paths, so it goes stale when the
//! subscription's links change; a stale one either misses a new
//! integration (the pipeline gets a 403) or, worse, still grants one that
//! was detached. So after every change of links on the team store the
//! service rewrites the policy of each subscription concerned, when one
//! that hubint wrote exists, and says what it did. A token that may not
//! read policies gets a note instead; nothing fails, since the change of
//! links itself is committed.

use anyhow::Result;

use super::Service;
use super::model::Integration;
use crate::error::Failure;
use crate::team::policy::{self, Grant};

/// The policy of one subscription, as it should be now.
pub struct TeamPolicy {
    /// Its name on the server: `hubint-<subscription>`.
    pub name: String,
    /// The HCL.
    pub text: String,
    /// How many integrations it grants.
    pub grants: usize,
}

impl Service<'_> {
    /// The policy of `subscription` from its current links; a subscription
    /// that no longer exists grants nothing (`gone`), else not found.
    fn policy_of(&self, subscription: &str, gone: bool) -> Result<TeamPolicy> {
        let (name, integrations): (String, Vec<Integration>) =
            match self.catalog().subscription_summary(subscription)? {
                Some(sub) => (
                    sub.name,
                    sub.integrations
                        .iter()
                        .map(|name| self.get(name))
                        .collect::<Result<_>>()?,
                ),
                None if gone => (subscription.to_string(), Vec::new()),
                None => {
                    return Err(super::catalog::not_found("subscription", subscription).into());
                }
            };
        let grants: Vec<Grant<'_>> = integrations
            .iter()
            .map(|i| Grant {
                name: &i.name,
                id: i.id.as_str(),
            })
            .collect();
        let mount = self.mount()?;
        Ok(TeamPolicy {
            name: policy::name(subscription),
            text: policy::render(&mount, &name, &grants),
            grants: grants.len(),
        })
    }

    fn mount(&self) -> Result<String> {
        Ok(crate::team::mount(&self.ctx.settings()?.settings))
    }

    /// The policy of `subscription` (not found, exit 3, if it does not exist).
    pub fn team_policy(&self, subscription: &str) -> Result<TeamPolicy> {
        self.policy_of(subscription, false)
    }

    /// Write the policy of `subscription` to the server as `hubint-<s>`.
    /// A policy of that name that hubint did not write for this mount and
    /// subscription is left alone (conflict, exit 4).
    pub fn write_team_policy(&self, subscription: &str) -> Result<TeamPolicy> {
        let wanted = self.team_policy(subscription)?;
        let client = self.ctx.team_client()?;
        if let Some(text) = client.policy(&wanted.name)?
            && !policy::is_ours(&text, &self.mount()?, subscription)
        {
            return Err(Failure::conflict(format!(
                "the team store already has a policy {} that hubint did not write for {subscription} on mount {}",
                wanted.name,
                self.mount()?
            ))
            .hint(format!(
                "remove it (`bao policy delete {}`), or write this one under another name: `hubint team policy {subscription} | bao policy write NAME -`",
                wanted.name
            ))
            .into());
        }
        client.write_policy(&wanted.name, &wanted.text)?;
        policy::mark(&client, subscription)?;
        Ok(wanted)
    }

    /// After the links of `subscriptions` changed: on the team store,
    /// rewrite the policy hubint wrote for each, and say so.
    pub(super) fn links_changed(&self, subscriptions: &[impl AsRef<str>]) {
        if !self.team {
            return;
        }
        for sub in subscriptions.iter().map(AsRef::as_ref) {
            match self.refresh_policy(sub) {
                Ok(Some(p)) => self.ctx.ui.status(format!(
                    "Rewrote the team policy {} ({} integration{}).",
                    p.name,
                    p.grants,
                    if p.grants == 1 { "" } else { "s" }
                )),
                Ok(None) => {}
                Err(err) => self.ctx.ui.warn(format!(
                    "the team policy {} may be out of date: {err:#}; \
                     rewrite it with `hubint team policy {sub} --write`",
                    policy::name(sub)
                )),
            }
        }
    }

    /// Rewrite the policy of `subscription` if hubint wrote it; `None` if
    /// there is none (or not ours, or already current).
    ///
    /// The mount's mark says whether hubint wrote one; only then is an
    /// error reading it worth a warning. Without the mark (none written, or
    /// written before hubint kept marks) the policy is looked for, quietly:
    /// one found is rewritten and marked.
    fn refresh_policy(&self, subscription: &str) -> Result<Option<TeamPolicy>> {
        let client = self.ctx.team_client()?;
        let name = policy::name(subscription);
        let marked = policy::marked(&client, subscription)?;
        let text = match client.policy(&name) {
            Ok(text) => text,
            Err(_) if !marked => return Ok(None),
            Err(err) => return Err(err),
        };
        let mount = self.mount()?;
        let Some(text) = text.filter(|t| policy::is_ours(t, &mount, subscription)) else {
            // None (deleted by hand), or no longer ours: nothing to keep.
            if marked {
                policy::unmark(&client, subscription)?;
            }
            return Ok(None);
        };
        if !marked {
            policy::mark(&client, subscription)?;
        }
        let wanted = self.policy_of(subscription, true)?;
        if text.trim_end() == wanted.text.trim_end() {
            return Ok(None);
        }
        client.write_policy(&wanted.name, &wanted.text)?;
        Ok(Some(wanted))
    }
}
