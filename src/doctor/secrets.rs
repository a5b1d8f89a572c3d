//! Rows against stores: rows whose secret is missing, and secrets that no
//! row owns. Both run while no add is half done (the pending lock, see
//! `Catalog::settled`) and under the database's write lock, so that a write in
//! progress in another process (its secret stored, its row not yet
//! committed) is never taken for a leftover.
//!
//! What a secret without a row is, and whether it may be removed, is
//! decided by [`crate::recovery`]: `--fix` removes only proven garbage;
//! `--recover` rebuilds the rows of the others (see `recover`).

use std::collections::BTreeSet;

use anyhow::Result;

use super::stores::Usable;
use super::{Mode, Report, error_parts, recover};
use crate::context::Ctx;
use crate::recovery::{self, Leftover};
use crate::secret::StoreKind;
use crate::service::catalog::{Catalog, CatalogWrite, Filter, Pending};
use crate::service::model::{Integration, IntegrationId};

/// Check rows against stores. Without a database (none yet), only the
/// stores are looked at, and nothing is changed.
pub fn check(
    ctx: &Ctx,
    db: Option<&mut dyn Catalog>,
    usable: &Usable,
    mode: Mode,
    report: &mut Report,
) -> Result<()> {
    let Some(db) = db else {
        let found = leftovers(ctx, &[], &[], usable, report);
        recover::report(ctx, None, &[], &found, Mode::default(), report)?;
        return Ok(());
    };
    // No add is half done (secret stored, row not committed) while we look.
    let _settled = db.settled()?;
    let tx = db.begin()?;
    let rows = tx.integrations(&Filter::default())?;
    let pending = tx.pending()?;
    missing(ctx, &rows, usable, report);
    details(ctx, &rows, usable, mode.fix, report);
    let found = leftovers(ctx, &rows, &pending, usable, report);
    garbage(ctx, &*tx, &pending, &found, usable, mode.fix, report)?;
    recover::report(ctx, Some(&*tx), &rows, &found, mode, report)?;
    tx.commit()?;
    Ok(())
}

/// The leftovers of every usable store.
fn leftovers(
    ctx: &Ctx,
    rows: &[Integration],
    pending: &[Pending],
    usable: &Usable,
    report: &mut Report,
) -> Vec<Leftover> {
    let mut found = Vec::new();
    for kind in [StoreKind::Keyring, StoreKind::File] {
        if !usable.has(kind) {
            continue;
        }
        let listed = ctx
            .store(kind)
            .and_then(|store| recovery::leftovers(ctx, &*store, rows, pending));
        match listed {
            Ok(list) => found.extend(list),
            Err(err) => {
                let (detail, fix) = error_parts(&err, "run `hubint doctor` again");
                report.problem("orphans", detail, fix);
            }
        }
    }
    found
}

/// The details kept next to each row's secret (to recover it if the
/// database is lost) must be there and current; `--fix` writes them.
fn details(ctx: &Ctx, rows: &[Integration], usable: &Usable, fix: bool, report: &mut Report) {
    for kind in [StoreKind::Keyring, StoreKind::File] {
        // Only the Secret Service keeps free attributes.
        let kept = kind == StoreKind::File || cfg!(any(target_os = "linux", target_os = "freebsd"));
        if !usable.has(kind) || !kept {
            continue;
        }
        let Ok(store) = ctx.store(kind) else { continue };
        let Ok(entries) = store.entries() else {
            continue;
        };
        for row in rows.iter().filter(|r| r.secret_store == kind) {
            let want = recovery::meta(ctx, row);
            let Some(stored) = entries.iter().find(|e| e.id == *row.id) else {
                continue;
            };
            if stored.meta.as_ref() == Some(&want) {
                continue;
            }
            let detail = format!(
                "{}: the details kept next to its password (to recover it if the database \
                 is lost) are {}",
                row.name,
                if stored.meta.is_none() {
                    "missing"
                } else {
                    "out of date"
                }
            );
            if !fix {
                report.repairable("details", detail, "hubint doctor --fix");
                continue;
            }
            match store.relabel(&row.id, &want) {
                Ok(()) => report.fixed("details", format!("{}: details updated", row.name)),
                Err(err) => {
                    let (why, fix) = error_parts(&err, "run `hubint doctor --fix` again");
                    report.problem("details", format!("{detail}: {why}"), fix);
                }
            }
        }
    }
}

/// Each row's secret must be in the store the row names.
pub(super) fn missing(ctx: &Ctx, rows: &[Integration], usable: &Usable, report: &mut Report) {
    let (mut present, mut problems) = (0, 0);
    let mut not_checked = BTreeSet::new();
    for row in rows {
        let set_again = format!("hubint edit {} --password-stdin", row.name);
        let kind = row.secret_store;
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

/// What a proven-garbage leftover is, for the report.
fn describe(leftover: &Leftover) -> String {
    match &leftover.why {
        recovery::Why::Stray { owner, .. } => format!(
            "a second copy of the password of {owner} in the {} (left by an interrupted move)",
            leftover.kind.describe()
        ),
        _ => format!(
            "secret {} in the {} was written by an add or delete of this database that was \
             interrupted",
            leftover.id,
            leftover.kind.describe()
        ),
    }
}

/// Remove (with `fix`) the leftovers hubint can prove are garbage, and
/// forget the pending entries whose secret is gone.
fn garbage(
    ctx: &Ctx,
    tx: &dyn CatalogWrite,
    pending: &[Pending],
    found: &[Leftover],
    usable: &Usable,
    fix: bool,
    report: &mut Report,
) -> Result<()> {
    if fix {
        for p in pending {
            let present = found.iter().any(|l| l.kind == p.store && l.id == *p.id);
            if usable.has(p.store) && !present {
                tx.remove_pending(&p.id, p.store)?;
            }
        }
    }
    let garbage: Vec<&Leftover> = found.iter().filter(|l| l.garbage()).collect();
    if garbage.is_empty() {
        report.ok("orphans", "no secret without its integration");
    }
    if !fix {
        for leftover in garbage {
            report.repairable("orphans", describe(leftover), "hubint doctor --fix");
        }
        return Ok(());
    }
    // One batch per store: after a crashed import of thousands, the file
    // store is rewritten once, not once per leftover.
    for kind in [StoreKind::Keyring, StoreKind::File] {
        let leftovers: Vec<&Leftover> =
            garbage.iter().copied().filter(|l| l.kind == kind).collect();
        if leftovers.is_empty() {
            continue;
        }
        let ids: Vec<String> = leftovers.iter().map(|l| l.id.clone()).collect();
        match ctx.store(kind).and_then(|store| store.delete_many(&ids)) {
            Ok(_) => {
                for leftover in leftovers {
                    tx.remove_pending(&IntegrationId::recorded(leftover.id.clone()), kind)?;
                    report.fixed("orphans", format!("removed: {}", describe(leftover)));
                }
            }
            Err(err) => {
                let (detail, fix) = error_parts(&err, "run `hubint doctor --fix` again");
                for leftover in leftovers {
                    report.problem("orphans", format!("{}: {detail}", describe(leftover)), &fix);
                }
            }
        }
    }
    Ok(())
}
