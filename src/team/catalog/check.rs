//! The layout's invariants, as `hubint doctor` checks them on the team
//! store (see the module doc of `team::catalog`), and their repairs. A
//! crash at any point of a write leaves one of these findings, each safe
//! to repair: what looks half done is looked at again after a pause, so
//! that an add or delete in flight on another machine is not taken for
//! a crash's leftover.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use anyhow::Result;

use super::apply::{self, merge};
use super::docs::{
    NameDoc, PendingDoc, RegistryDoc, RowDoc, SubDoc, name_key, registry_key, row_key, secret_key,
    segment, sub_key,
};
use super::reads::par_map;
use super::tx::Op;
use crate::service::model::IntegrationId;
use crate::team::client::{Client, Doc};

/// How long a half-done write must stay so before it counts as a crash's.
const SETTLE: Duration = Duration::from_secs(2);

/// One broken invariant: what is wrong, what to do, and whether `fix`
/// repaired it.
#[derive(Debug)]
pub struct Finding {
    pub detail: String,
    pub fix: String,
    pub repaired: bool,
}

/// Every document of one folder, by key.
fn folder<T: serde::de::DeserializeOwned + Send>(
    c: &Client,
    name: &str,
) -> Result<Vec<(String, Doc<T>)>> {
    let keys = c.list(&format!("{name}/"))?;
    let docs = par_map(c, &keys, |c, k| c.read::<T>(&format!("{name}/{k}")))?;
    Ok(keys
        .into_iter()
        .zip(docs)
        .filter_map(|(k, d)| Some((k, d?)))
        .collect())
}

/// Whether `key` still has `version` after a pause (nothing in flight).
fn settled<T: serde::de::DeserializeOwned>(c: &Client, key: &str, version: u64) -> Result<bool> {
    std::thread::sleep(SETTLE);
    Ok(c.read::<T>(key)?.is_some_and(|d| d.version == version))
}

/// What the checks after the first pass share: the client, whether to
/// repair, and every row by id.
struct Scan<'a> {
    c: &'a Client,
    fix: bool,
    rows: HashMap<String, Doc<RowDoc>>,
}

/// Check every invariant; with `fix`, repair each finding.
pub fn check(c: &Client, fix: bool) -> Result<Vec<Finding>> {
    let mut out = Vec::new();
    let mut note = |detail: String, fix_text: &str, repaired: bool| {
        out.push(Finding {
            detail,
            fix: fix_text.to_string(),
            repaired,
        })
    };
    // Renames first: finishing one changes rows and subscriptions.
    renames(c, fix, &folder::<SubDoc>(c, "subscriptions")?, &mut note)?;
    let rows: HashMap<String, Doc<RowDoc>> = folder::<RowDoc>(c, "integrations")?
        .into_iter()
        .map(|(_, d)| (d.data.id.clone(), d))
        .collect();
    let live = |id: &str| rows.get(id).filter(|r| !r.data.deleting);
    for row in rows.values().filter(|r| r.data.deleting) {
        let repaired = fix && {
            apply::apply(
                c,
                Op::Delete {
                    id: IntegrationId::recorded(row.data.id.clone()),
                },
            )?;
            c.delete(&secret_key(&row.data.id))?;
            true
        };
        note(
            format!(
                "the deletion of integration {} was interrupted",
                row.data.details.name
            ),
            "`hubint doctor --fix` finishes it",
            repaired,
        );
    }
    // Name keys: each points to a live row of that name, and back.
    let names = folder::<NameDoc>(c, "names")?;
    let named: HashSet<String> = names.iter().map(|(k, _)| k.clone()).collect();
    for (key, doc) in &names {
        let ok = live(&doc.data.id).is_some_and(|r| segment(&r.data.details.name) == *key);
        if ok || !settled::<NameDoc>(c, &format!("names/{key}"), doc.version)? {
            continue;
        }
        let still = live(&doc.data.id).is_some_and(|r| segment(&r.data.details.name) == *key);
        if still {
            continue;
        }
        let repaired = fix && c.delete(&format!("names/{key}")).is_ok();
        note(
            format!(
                "the name key {key} belongs to no integration (an add or rename was interrupted)"
            ),
            "`hubint doctor --fix` frees the name",
            repaired,
        );
    }
    for row in rows.values().filter(|r| !r.data.deleting) {
        if named.contains(&segment(&row.data.details.name)) {
            continue;
        }
        let repaired = fix
            && c.write(
                &name_key(&row.data.details.name),
                &NameDoc {
                    id: row.data.id.clone(),
                },
                Some(0),
            )? == crate::team::client::Written::Version(1);
        note(
            format!("integration {} has no name key", row.data.details.name),
            "`hubint doctor --fix` writes it",
            repaired,
        );
    }
    let scan = Scan { c, fix, rows };
    links(&scan, &mut note)?;
    pending(&scan, &mut note)?;
    Ok(out)
}

/// Every link in a subscription is a live row that links back; every
/// row's link is in its subscription; the registry index lists the rows.
fn links(scan: &Scan<'_>, note: &mut impl FnMut(String, &str, bool)) -> Result<()> {
    let &Scan { c, fix, ref rows } = scan;
    let live = |id: &str| rows.get(id).filter(|r| !r.data.deleting);
    let subs = folder::<SubDoc>(c, "subscriptions")?;
    // A rename still under way: its two documents are judged once it ends.
    let moving: Vec<String> = subs
        .iter()
        .filter_map(|(_, d)| d.data.renamed_to.as_deref().map(segment))
        .collect();
    for (_, sub) in &subs {
        if sub.data.renamed_to.is_some() || moving.contains(&segment(&sub.data.name)) {
            continue;
        }
        for id in &sub.data.integrations {
            if live(id).is_some_and(|r| r.data.linked(&sub.data.name)) {
                continue;
            }
            let repaired = fix
                && merge::<SubDoc>(c, &sub_key(&sub.data.name), false, |d| {
                    let before = d.integrations.len();
                    d.integrations.retain(|x| x != id);
                    before != d.integrations.len()
                })?;
            note(
                format!(
                    "subscription {} links to a missing integration {id}",
                    sub.data.name
                ),
                "`hubint doctor --fix` removes the link",
                repaired,
            );
        }
    }
    row_links(scan, &subs, note)
}

/// Each row's side: its subscriptions link back, and its registry's index
/// has it.
fn row_links(
    scan: &Scan<'_>,
    subs: &[(String, Doc<SubDoc>)],
    note: &mut impl FnMut(String, &str, bool),
) -> Result<()> {
    let &Scan { c, fix, ref rows } = scan;
    for row in rows.values().filter(|r| !r.data.deleting) {
        for s in &row.data.subscriptions {
            let in_doc = subs.iter().any(|(_, d)| {
                d.data.name.eq_ignore_ascii_case(s) && d.data.integrations.contains(&row.data.id)
            });
            if in_doc {
                continue;
            }
            let repaired = fix
                && merge::<SubDoc>(c, &sub_key(s), true, |d| {
                    if d.name.is_empty() {
                        d.name = s.clone();
                        d.created_at = row.data.created_at.clone();
                    }
                    !d.integrations.contains(&row.data.id) && {
                        d.integrations.push(row.data.id.clone());
                        true
                    }
                })?;
            note(
                format!(
                    "the attachment of {} to {s} was interrupted",
                    row.data.details.name
                ),
                "`hubint doctor --fix` completes it",
                repaired,
            );
        }
        let indexed = c
            .read::<RegistryDoc>(&registry_key(&row.data.details.registry))?
            .is_some_and(|d| d.data.integrations.contains(&row.data.id));
        if !indexed {
            let repaired = fix
                && merge::<RegistryDoc>(c, &registry_key(&row.data.details.registry), true, |d| {
                    d.integrations.push(row.data.id.clone());
                    true
                })?;
            note(
                format!(
                    "integration {} is missing from its registry's index",
                    row.data.details.name
                ),
                "`hubint doctor --fix` adds it",
                repaired,
            );
        }
    }
    Ok(())
}

/// Renames of subscriptions that stopped half way (a marked old document
/// that stays so): `fix` finishes them.
fn renames(
    c: &Client,
    fix: bool,
    subs: &[(String, Doc<SubDoc>)],
    note: &mut impl FnMut(String, &str, bool),
) -> Result<()> {
    for (key, sub) in subs {
        let Some(to) = &sub.data.renamed_to else {
            continue;
        };
        if !settled::<SubDoc>(c, &format!("subscriptions/{key}"), sub.version)? {
            continue;
        }
        let repaired = fix && super::rename::finish(c, &sub.data).is_ok();
        note(
            format!(
                "the rename of subscription {} to {to} was interrupted",
                sub.data.name
            ),
            "`hubint doctor --fix` finishes it",
            repaired,
        );
    }
    Ok(())
}

/// Pending entries: one whose row exists is stale; one without a row names
/// a secret that is garbage once nothing is in flight.
fn pending(scan: &Scan<'_>, note: &mut impl FnMut(String, &str, bool)) -> Result<()> {
    let &Scan { c, fix, ref rows } = scan;
    for (id, doc) in folder::<PendingDoc>(c, "pending")? {
        let key = format!("pending/{id}");
        if !settled::<PendingDoc>(c, &key, doc.version)? {
            continue;
        }
        if c.read::<RowDoc>(&row_key(&id))?.is_some() || rows.contains_key(&id) {
            let repaired = fix && c.delete(&key).is_ok();
            note(
                format!("a stale pending entry for {id}"),
                "`hubint doctor --fix` clears it",
                repaired,
            );
            continue;
        }
        let repaired = fix && c.delete(&secret_key(&id)).is_ok() && c.delete(&key).is_ok();
        note(
            format!("a secret {id} left by an interrupted add or delete"),
            "`hubint doctor --fix` removes it",
            repaired,
        );
    }
    Ok(())
}
