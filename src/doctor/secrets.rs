//! Rows against stores: rows whose secret is missing, and secrets that no
//! row owns (orphans). Both run while no add is half done (the pending lock,
//! see `db::pending`) and under the database's write lock, so that a write
//! in progress in another process (its secret stored, its row not yet
//! committed) is never taken for an orphan.
//!
//! The encrypted file store belongs to this data directory: any id in it
//! that no row keeps there is an orphan. The OS keyring is shared with every
//! other hubint database of the user, so only what this database can vouch
//! for is considered: the pending secrets it recorded (`pending_secrets`)
//! and stray copies of its own rows' secrets (left by an interrupted move).

use std::collections::BTreeSet;

use anyhow::Result;
use rusqlite::Connection;

use super::stores::Usable;
use super::{Report, error_parts};
use crate::context::Ctx;
use crate::db::integrations::{self, Filter, Integration};
use crate::db::{Db, pending};
use crate::secret::{SecretStore, StoreKind};

pub fn check(
    ctx: &Ctx,
    db: &mut Db,
    usable: &Usable,
    fix: bool,
    report: &mut Report,
) -> Result<()> {
    // No add is half done (secret stored, row not committed) while we look.
    let _settled = pending::settled(db)?;
    let tx = db.write()?;
    let rows = integrations::list(&tx, &Filter::default())?;
    let pending = pending::list(&tx)?;
    missing(ctx, &rows, usable, report);
    orphans(ctx, &tx, &rows, &pending, usable, fix, report)?;
    tx.commit()?;
    Ok(())
}

/// Each row's secret must be in the store the row names.
fn missing(ctx: &Ctx, rows: &[Integration], usable: &Usable, report: &mut Report) {
    let (mut present, mut problems) = (0, 0);
    let mut not_checked = BTreeSet::new();
    for row in rows {
        let set_again = format!("hubint edit {} --password-stdin", row.name);
        let kind = match row.secret_store.parse::<StoreKind>() {
            Ok(kind) => kind,
            Err(_) => {
                problems += 1;
                report.problem(
                    "secrets",
                    format!("{}: unknown secret store '{}'", row.name, row.secret_store),
                    format!("upgrade hubint, or {set_again}"),
                );
                continue;
            }
        };
        if !usable.has(kind) {
            not_checked.insert(kind.describe());
            continue;
        }
        match ctx.store(kind).and_then(|store| store.get(&row.id)) {
            Ok(Some(_)) => present += 1,
            Ok(None) => {
                problems += 1;
                report.problem(
                    "secrets",
                    format!(
                        "{}: its password is missing from the {}",
                        row.name,
                        kind.describe()
                    ),
                    set_again,
                );
            }
            Err(err) => {
                problems += 1;
                let (detail, fix) = error_parts(&err, &set_again);
                report.problem("secrets", format!("{}: {detail}", row.name), fix);
            }
        }
    }
    if problems == 0 {
        match (present, rows.is_empty()) {
            (_, true) => report.ok("secrets", "no integrations yet"),
            (0, false) => {}
            (1, false) => report.ok("secrets", "the integration has its password"),
            (n, false) => report.ok(
                "secrets",
                format!("all {n} integrations checked have their password"),
            ),
        }
    }
    for store in not_checked {
        report.skipped("secrets", format!("passwords in the {store} not checked"));
    }
}

/// A secret no row owns: where, under which id, and why it is there.
struct Orphan {
    kind: StoreKind,
    id: String,
    /// For a stray copy: the row that keeps its secret in the other store.
    owner: Option<String>,
}

impl Orphan {
    fn describe(&self) -> String {
        match &self.owner {
            Some(name) => format!(
                "a second copy of the password of {name} in the {} (left by an interrupted move)",
                self.kind.describe()
            ),
            None => format!(
                "secret {} in the {} belongs to no integration (left by an interrupted add or delete)",
                self.id,
                self.kind.describe()
            ),
        }
    }
}

fn orphans(
    ctx: &Ctx,
    tx: &Connection,
    rows: &[Integration],
    pending: &[pending::Pending],
    usable: &Usable,
    fix: bool,
    report: &mut Report,
) -> Result<()> {
    let mut found = Vec::new();
    for kind in [StoreKind::Keyring, StoreKind::File] {
        if !usable.has(kind) {
            continue;
        }
        let store = ctx.store(kind)?;
        match orphans_in(&*store, rows, pending) {
            Ok(list) => found.extend(list),
            Err(err) => {
                let (detail, fix) = error_parts(&err, "run `hubint doctor` again");
                report.problem("orphans", detail, fix);
                continue;
            }
        }
        if fix {
            // Every pending secret of this store is gone once its orphan is
            // removed (or it never was written): forget them all.
            for p in pending.iter().filter(|p| p.store == kind.as_str()) {
                if !found
                    .iter()
                    .any(|o: &Orphan| o.kind == kind && o.id == p.id)
                {
                    pending::remove(tx, &p.id, &p.store)?;
                }
            }
        }
    }
    if found.is_empty() {
        report.ok("orphans", "no secret without its integration");
    }
    if !fix {
        for orphan in found {
            report.repairable("orphans", orphan.describe(), "hubint doctor --fix");
        }
        return Ok(());
    }
    // One batch per store: after a crashed import of thousands, the file
    // store is rewritten once, not once per orphan.
    for kind in [StoreKind::Keyring, StoreKind::File] {
        let orphans: Vec<&Orphan> = found.iter().filter(|o| o.kind == kind).collect();
        if orphans.is_empty() {
            continue;
        }
        let ids: Vec<String> = orphans.iter().map(|o| o.id.clone()).collect();
        match ctx.store(kind).and_then(|store| store.delete_many(&ids)) {
            Ok(_) => {
                for orphan in orphans {
                    pending::remove(tx, &orphan.id, kind.as_str())?;
                    report.fixed("orphans", format!("removed: {}", orphan.describe()));
                }
            }
            Err(err) => {
                let (detail, fix) = error_parts(&err, "run `hubint doctor --fix` again");
                for orphan in orphans {
                    report.problem("orphans", format!("{}: {detail}", orphan.describe()), &fix);
                }
            }
        }
    }
    Ok(())
}

/// The orphans in one store.
fn orphans_in(
    store: &dyn SecretStore,
    rows: &[Integration],
    pending: &[pending::Pending],
) -> Result<Vec<Orphan>> {
    let kind = store.kind();
    let kept_here: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.secret_store == kind.as_str())
        .map(|r| r.id.as_str())
        .collect();
    let owner = |id: &str| rows.iter().find(|r| r.id == id).map(|r| r.name.clone());
    let candidates: BTreeSet<String> = match kind {
        // Only what this database can vouch for: its pending secrets and
        // its rows that keep their secret elsewhere.
        StoreKind::Keyring => pending
            .iter()
            .filter(|p| p.store == kind.as_str())
            .map(|p| p.id.clone())
            .chain(
                rows.iter()
                    .filter(|r| r.secret_store != kind.as_str())
                    .map(|r| r.id.clone()),
            )
            .collect(),
        // The file belongs to this data directory: everything in it.
        StoreKind::File => store.list_ids()?.into_iter().collect(),
    };
    let mut found = Vec::new();
    for id in candidates {
        if kept_here.contains(id.as_str()) {
            continue;
        }
        if kind == StoreKind::Keyring && store.get(&id)?.is_none() {
            continue;
        }
        found.push(Orphan {
            kind,
            owner: owner(&id),
            id,
        });
    }
    Ok(found)
}
