//! `hubint doctor`: checks of the database, the secret stores and the
//! container tools' config files. Each check is one function that adds its
//! findings to a [`Report`]. With `fix`, what is safe to repair is repaired
//! (orphan secrets removed, permissions tightened); a row is never deleted.

mod database;
pub mod docker;
mod permissions;
mod recover;
mod secrets;
mod stores;
mod team;

use std::fmt;

use anyhow::Result;
use serde::Serialize;

use crate::context::Ctx;
use crate::error::{Code, Failure};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    /// Something is wrong; `fix` says what to do.
    Problem,
    /// Something was wrong and `--fix` repaired it.
    Fixed,
    /// Could not be checked (the detail says why); not a problem.
    Skipped,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Ok => "ok",
            Status::Problem => "problem",
            Status::Fixed => "fixed",
            Status::Skipped => "skipped",
        })
    }
}

/// One result of one check.
#[derive(Debug, Serialize)]
pub struct Finding {
    /// The check: `database`, `schema`, `permissions`, `keyring`, ...
    pub check: &'static str,
    pub status: Status,
    pub detail: String,
    /// What to do about a problem (a command when there is one).
    pub fix: Option<String>,
    /// `--fix` would repair this problem.
    #[serde(skip)]
    pub repairable: bool,
}

/// Every finding, in the order of the checks. This is also the `--json` shape.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub healthy: bool,
    pub problems: usize,
    pub fixed: usize,
    pub checks: Vec<Finding>,
}

impl Report {
    fn push(&mut self, check: &'static str, status: Status, detail: String, fix: Option<String>) {
        self.checks.push(Finding {
            check,
            status,
            detail,
            fix,
            repairable: false,
        });
    }

    fn ok(&mut self, check: &'static str, detail: impl Into<String>) {
        self.push(check, Status::Ok, detail.into(), None);
    }

    fn skipped(&mut self, check: &'static str, detail: impl Into<String>) {
        self.push(check, Status::Skipped, detail.into(), None);
    }

    fn fixed(&mut self, check: &'static str, detail: impl Into<String>) {
        self.push(check, Status::Fixed, detail.into(), None);
    }

    fn problem(&mut self, check: &'static str, detail: impl Into<String>, fix: impl Into<String>) {
        self.push(check, Status::Problem, detail.into(), Some(fix.into()));
    }

    /// A problem that `hubint doctor --fix` repairs.
    fn repairable(
        &mut self,
        check: &'static str,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.problem(check, detail, fix);
        if let Some(last) = self.checks.last_mut() {
            last.repairable = true;
        }
    }

    fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|f| f.status == status).count()
    }

    fn finish(mut self) -> Report {
        self.problems = self.count(Status::Problem);
        self.fixed = self.count(Status::Fixed);
        self.healthy = self.problems == 0;
        self
    }

    /// The exit status after the report was printed: exit 7 if any problem
    /// is left.
    pub fn outcome(&self) -> Result<()> {
        if self.healthy {
            return Ok(());
        }
        let repairable = self
            .checks
            .iter()
            .filter(|f| f.status == Status::Problem && f.repairable)
            .count();
        let mut hint = String::from("the FIX column says what to do about each one");
        if repairable > 0 {
            hint.push_str(&format!(
                "; `hubint doctor --fix` repairs {} of them",
                if repairable == self.problems {
                    "all".to_string()
                } else {
                    repairable.to_string()
                }
            ));
        }
        Err(Failure::new(
            Code::DoctorProblems,
            format!(
                "doctor found {} problem{}",
                self.problems,
                if self.problems == 1 { "" } else { "s" }
            ),
        )
        .hint(hint)
        .into())
    }
}

/// What doctor may change besides reporting.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    /// Repair what is safe: remove proven garbage, tighten permissions.
    pub fix: bool,
    /// Rebuild the rows of secrets that no row owns, from their details.
    pub recover: bool,
}

/// Run every check; with `fix`, repair what is safe to repair; with
/// `recover`, rebuild missing rows from the secret stores.
pub fn run(ctx: &Ctx, mode: Mode) -> Result<Report> {
    let mut report = Report::default();
    if ctx.team_mode().unwrap_or(false) {
        // The catalog and the secrets are on the server: nothing local to check.
        team::check(ctx, mode.fix, &mut report);
        permissions::check(ctx, mode.fix, &mut report);
    } else {
        local(ctx, mode, &mut report)?;
    }
    let configs = docker::configs(&mut report);
    docker::plaintext(&configs, &mut report);
    docker::helpers(&configs, &mut report);
    Ok(report.finish())
}

/// The checks of the local catalog and secret stores.
fn local(ctx: &Ctx, mode: Mode, report: &mut Report) -> Result<()> {
    let mut db = database::check(ctx, mode.recover, report);
    permissions::check(ctx, mode.fix, report);
    let usable = stores::check(ctx, db.as_ref(), report);
    if db.is_some() || !ctx.paths.db_path().exists() {
        let catalog = db
            .as_mut()
            .map(|db| db as &mut dyn crate::service::catalog::Catalog);
        secrets::check(ctx, catalog, &usable, mode, report)?;
    }
    Ok(())
}

/// `path` as one word for a POSIX shell (quoted only when it needs to be).
pub fn shell_word(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:@%,".contains(c));
    if plain {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// An error as one line, with its hint as the fix (or `fallback`).
fn error_parts(err: &anyhow::Error, fallback: &str) -> (String, String) {
    let detail = format!("{err:#}")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let fix = crate::error::hint(err).unwrap_or(fallback).to_string();
    (detail, fix)
}
