//! Recovery cases: secrets that no row owns and that hubint cannot prove
//! are garbage (see [`crate::recovery`]). `doctor` reports them; `doctor
//! --recover` rebuilds their rows from the details kept next to them.
//! Nothing here ever deletes a secret.

use anyhow::Result;

use super::{Mode, Report, error_parts};
use crate::context::Ctx;
use crate::recovery::{self, Leftover, Why};
use crate::secret::{Meta, StoreKind};
use crate::service::catalog::CatalogWrite;
use crate::service::model::Integration;

const RECOVER: &str = "hubint doctor --recover";

/// Report (and with `--recover` and a database, rebuild) every recovery case.
pub fn report(
    ctx: &Ctx,
    tx: Option<&dyn CatalogWrite>,
    rows: &[Integration],
    found: &[Leftover],
    mode: Mode,
    report: &mut Report,
) -> Result<()> {
    let cases: Vec<&Leftover> = found.iter().filter(|l| !l.garbage()).collect();
    let unowned = cases
        .iter()
        .filter(|l| matches!(l.why, Why::Unowned(_)))
        .count();
    if rows.is_empty() && unowned > 0 {
        let detail = recovery::empty_database(unowned);
        if tx.is_some() && mode.recover {
            report.fixed("database", format!("{detail}: recovering them"));
        } else {
            report.problem("database", detail, RECOVER);
        }
    }
    for case in cases {
        one(ctx, tx.filter(|_| mode.recover), rows, case, report)?;
    }
    Ok(())
}

/// One recovery case: reported, or (with a transaction) repaired.
fn one(
    ctx: &Ctx,
    tx: Option<&dyn CatalogWrite>,
    rows: &[Integration],
    case: &Leftover,
    report: &mut Report,
) -> Result<()> {
    let store = case.kind.describe();
    match &case.why {
        Why::Unowned(Some(meta)) => {
            let detail = format!(
                "the {store} holds the password of {}, which this database does not know",
                who(meta)
            );
            let Some(tx) = tx else {
                report.problem("recovery", detail, RECOVER);
                return Ok(());
            };
            match recovery::rebuild(tx, case.kind, &case.id, meta) {
                Ok(row) => report.fixed(
                    "recovery",
                    format!("rebuilt integration {} from the {store}", row.name),
                ),
                Err(err) => {
                    let (why, _) = error_parts(&err, "");
                    let fix = format!(
                        "rename the integration that holds the name (`hubint edit {} --name \
                         NEW`), then `{RECOVER}`; delete the one you do not want afterwards",
                        meta.details.name
                    );
                    report.problem("recovery", format!("{detail}: {why}"), fix);
                }
            }
        }
        Why::Unowned(None) => report.problem(
            "recovery",
            format!(
                "secret {} in the {store} belongs to no integration and was written by an \
                 older hubint without its details; hubint keeps it",
                case.id
            ),
            unknown_fix(ctx, case.kind),
        ),
        Why::Stray { owner, .. } => {
            let detail = format!(
                "the password of {owner} is not in the store its row names, but a copy is \
                 in the {store} (left by an interrupted move)"
            );
            let row = rows.iter().find(|r| &r.name == owner);
            match (tx, row) {
                (Some(tx), Some(row)) => {
                    recovery::rehome(tx, row, case.kind)?;
                    report.fixed(
                        "recovery",
                        format!("{owner} now uses its copy in the {store}"),
                    );
                }
                _ => report.problem("recovery", detail, RECOVER),
            }
        }
        Why::Pending => {}
    }
    Ok(())
}

/// "NAME (REGISTRY, user USERNAME)".
fn who(meta: &Meta) -> String {
    let d = &meta.details;
    format!("{} ({}, user {})", d.name, d.registry, d.username)
}

/// What to do about a secret without details: look at it, add it again.
fn unknown_fix(ctx: &Ctx, kind: StoreKind) -> String {
    match kind {
        StoreKind::File => format!(
            "`age --decrypt {}` shows its label (name and registry); add the integration \
             again with `hubint add`",
            ctx.paths.secrets_path().display()
        ),
        StoreKind::Team => {
            "`bao kv get` shows its details; add the integration again with `hubint add`"
                .to_string()
        }
        StoreKind::Keyring => {
            "a keyring UI (seahorse) shows its label; add the integration again with `hubint add`"
                .to_string()
        }
    }
}
