//! Rendering of command results on stdout: a table for people, JSON with
//! `--json`. Commands return an [`Output`]; only this module prints it.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, presets};
use serde::Serialize;

use crate::config::Setting;
use crate::doctor;
use crate::error::{Code, Failure};
use crate::list_tables;
use crate::secret::Secret;
use crate::service::catalog::Subscription;
use crate::service::model::Integration;
use crate::table::Target;
use crate::verify::{Outcome, Verified};

pub enum Output {
    /// Nothing for stdout (status went to stderr).
    Nothing,
    Integration(Box<Integration>),
    /// Integrations, as a table with these columns (`--wide`, `--columns`).
    Integrations(Vec<Integration>, crate::table::View),
    Subscriptions(Vec<Subscription>, crate::table::View),
    /// A subscription after attach/detach: JSON only; people got a status line.
    SubscriptionChanged(Subscription),
    /// Text printed as it is, even with `--json` (a shell script).
    Text(String),
    /// Environment variables: lines for the shell, or one JSON object.
    Env(crate::shell::Shell, Vec<(String, Secret)>),
    /// Integrations whose secret was moved: JSON only; people got status lines.
    Moved(Vec<Integration>),
    /// One setting (`config get`): its bare value for people.
    Setting(Setting),
    /// A setting after `config set`: JSON only; people got a status line.
    SettingChanged(Setting),
    /// Every setting (`config list`).
    Settings(Vec<Setting>),
    /// Results of `verify`: printed in full, then exit 6 if any failed.
    Verifications(Vec<Verified>),
    /// The findings of `doctor`: printed in full, then exit 7 if a problem is left.
    Doctor(doctor::Report),
}

impl Output {
    /// What the command's exit status is after its output was printed:
    /// exit 6 when a verification failed, exit 7 when doctor found a problem.
    pub fn outcome(&self) -> Result<()> {
        match self {
            Output::Verifications(list) => verification_outcome(list),
            Output::Doctor(report) => report.outcome(),
            _ => Ok(()),
        }
    }
}

fn verification_outcome(list: &[Verified]) -> Result<()> {
    let failed: Vec<&Verified> = list.iter().filter(|v| !v.report.is_ok()).collect();
    let message = match failed.as_slice() {
        [] => return Ok(()),
        [one] if list.len() == 1 => {
            format!(
                "verification of '{}' failed: {}",
                one.name, one.report.result
            )
        }
        _ => format!(
            "{} of {} integrations failed verification: {}",
            failed.len(),
            list.len(),
            failed
                .iter()
                .map(|v| format!("{} ({})", v.name, v.report.result))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let mut hint = String::from("the detail names the step that failed");
    if let Some(rejected) = failed
        .iter()
        .find(|v| v.report.result == Outcome::Unauthorized)
    {
        hint.push_str(&format!(
            "; correct rejected credentials with `hubint integration edit {} --verify` and the right --username or --password-stdin",
            rejected.name
        ));
    }
    Err(Failure::new(Code::VerifyFailed, message).hint(hint).into())
}

pub fn print(output: &Output, json: bool) -> Result<()> {
    let stdout = io::stdout();
    // Buffered: stdout alone is line-buffered, i.e. one write(2) per JSON line.
    let mut out = io::BufWriter::new(stdout.lock());
    if let Output::Text(text) = output {
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(());
    }
    match json {
        true => print_json(&mut out, output)?,
        false => print_text(&mut out, output)?,
    }
    out.flush()?;
    Ok(())
}

type Out<'a> = io::BufWriter<io::StdoutLock<'a>>;

/// `output` as JSON (nothing for a command that has no result).
fn print_json(out: &mut Out<'_>, output: &Output) -> Result<()> {
    match output {
        Output::Nothing => {}
        Output::Integration(i) => write_json(out, i)?,
        Output::Integrations(list, _) => write_json(out, list)?,
        Output::Subscriptions(list, _) => write_json(out, list)?,
        Output::SubscriptionChanged(s) => write_json(out, s)?,
        Output::Text(_) => unreachable!("printed above"),
        Output::Verifications(list) => write_json(out, list)?,
        Output::Doctor(report) => write_json(out, report)?,
        Output::Env(_, vars) => {
            let map: BTreeMap<&str, &str> =
                vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            write_json(out, &map)?
        }
        Output::Moved(list) => write_json(out, list)?,
        Output::Setting(s) | Output::SettingChanged(s) => write_json(out, s)?,
        Output::Settings(list) => write_json(out, list)?,
    }
    Ok(())
}

/// `output` for people: a table (tab-separated when piped), a value, or
/// `export` lines.
fn print_text(out: &mut Out<'_>, output: &Output) -> Result<()> {
    if let Output::Env(shell, vars) = output {
        for (key, value) in vars {
            let line = Secret::new(shell.export(key, value));
            out.write_all(line.as_bytes())?;
        }
        out.flush()?;
        return Ok(());
    }
    let table = match output {
        Output::Nothing
        | Output::SubscriptionChanged(_)
        | Output::Moved(_)
        | Output::SettingChanged(_)
        | Output::Text(_)
        | Output::Env(..) => return Ok(()),
        Output::Setting(s) => {
            writeln!(out, "{}", s.value)?;
            return Ok(out.flush()?);
        }
        Output::Settings(list) => settings_table(list),
        Output::Integration(i) => integration_table(i),
        Output::Integrations(list, _) if list.is_empty() => {
            eprintln!("No integrations. Add one with `hubint add`.");
            return Ok(());
        }
        Output::Integrations(list, view) => {
            return write_rows(out, &list_tables::integrations(list, view, target()));
        }
        Output::Subscriptions(list, _) if list.is_empty() => {
            eprintln!(
                "No subscriptions. Attach an integration with \
                 `hubint subscription attach SUBSCRIPTION INTEGRATION`."
            );
            return Ok(());
        }
        Output::Subscriptions(list, view) => {
            return write_rows(out, &list_tables::subscriptions(list, view, target()));
        }
        Output::Verifications(list) if list.is_empty() => {
            eprintln!("No integrations to verify. Add one with `hubint add`.");
            return Ok(());
        }
        Output::Verifications(list) => verifications_table(list),
        Output::Doctor(report) => doctor_table(report),
    };
    // Piped lists (not the key/value table of `show`) are tab-separated.
    if target() == Target::Pipe && !matches!(output, Output::Integration(_)) {
        return write_rows(out, &crate::table::tab_separated_table(&table));
    }
    writeln!(out, "{table}")?;
    Ok(())
}

/// Where tables go: the terminal (its width, or `COLUMNS`) or a pipe.
fn target() -> Target {
    if io::stdout().is_terminal() {
        Target::Terminal(width(true).map(usize::from))
    } else {
        Target::Pipe
    }
}

/// A rendered list, ending in one newline.
fn write_rows(out: &mut impl Write, rows: &str) -> Result<()> {
    out.write_all(rows.as_bytes())?;
    if !rows.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(out.flush()?)
}

fn write_json(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

fn new_table(header: &[&str]) -> Table {
    let mut table = Table::new();
    let tty = io::stdout().is_terminal();
    if tty {
        table.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    } else {
        table.load_style(presets::NOTHING);
    }
    match width(tty) {
        Some(w) => {
            table
                .set_width(w)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if !header.is_empty() {
        table.set_header(header.to_vec());
    }
    table
}

/// The table width: `COLUMNS` if set, else the terminal's; none when piped.
fn width(tty: bool) -> Option<u16> {
    if let Some(cols) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return Some(cols);
    }
    if tty {
        console::Term::stdout().size_checked().map(|(_, w)| w)
    } else {
        None
    }
}

/// `2026-11-29T16:04:05Z` → `2026-11-29 16:04`.
pub(crate) fn or_dash(value: &str) -> &str {
    if value.is_empty() { "-" } else { value }
}

fn keep_whole(table: &mut Table, columns: &[usize]) {
    for &index in columns {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// The registry for people, marked when the integration is its default and
/// when tools without a scope are logged out of it. `short` shows Docker
/// Hub's long key as `docker.io` and the short marks (tables); JSON and
/// `show` keep the key.
pub(crate) fn registry_cell(i: &Integration, short: bool) -> String {
    let shown = if short && crate::registry::is_docker_hub(&i.registry) {
        "docker.io"
    } else {
        &i.registry
    };
    let mut marks = Vec::new();
    if i.default {
        marks.push("default");
    }
    if i.logged_out {
        marks.push(if short {
            "logged out"
        } else {
            "logged out for tools without HUBINT_SUBSCRIPTION"
        });
    }
    if marks.is_empty() {
        shown.to_string()
    } else {
        format!("{shown} ({})", marks.join(", "))
    }
}

/// `hub/ghcr (GitHub Container Registry (ghcr.io))`: the ids and the type's label.
fn type_cell(i: &Integration) -> String {
    let label = i.kind.label;
    let label = label
        .strip_prefix(i.kind.id)
        .and_then(|l| l.strip_prefix(": "));
    format!(
        "{}/{} ({})",
        i.family,
        i.kind,
        label.unwrap_or(i.kind.label)
    )
}

fn integration_table(i: &Integration) -> Table {
    let mut table = new_table(&[]);
    let rows: [(&str, String); 11] = [
        ("name", i.name.clone()),
        ("family/type", type_cell(i)),
        ("registry", registry_cell(i, false)),
        ("username", i.username.clone()),
        (
            "email",
            or_dash(i.email.as_deref().unwrap_or_default()).into(),
        ),
        ("password", format!("(stored in {})", i.secret_store)),
        ("subscriptions", or_dash(&i.subscriptions.join(", ")).into()),
        ("id", i.id.to_string()),
        ("created (UTC)", i.created_at.short()),
        ("updated (UTC)", i.updated_at.short()),
        (
            "verified (UTC)",
            verification(i).unwrap_or_else(|| "never".into()),
        ),
    ];
    for (key, value) in rows {
        table.add_row(vec![key.to_string(), value]);
    }
    table
}

/// The last verification as `ok (2026-11-29 16:04)`, if there was one.
fn verification(i: &Integration) -> Option<String> {
    let at = i.last_verified_at?;
    let result = i.last_verification.as_deref().unwrap_or("?");
    Some(format!("{result} ({})", at.short()))
}

fn verifications_table(list: &[Verified]) -> Table {
    let mut table = new_table(&["NAME", "REGISTRY", "RESULT", "DETAIL"]);
    for v in list {
        table.add_row(vec![
            v.name.clone(),
            v.registry.clone(),
            v.report.result.to_string(),
            v.report.detail.clone(),
        ]);
    }
    table
}

fn doctor_table(report: &doctor::Report) -> Table {
    let mut table = new_table(&["CHECK", "STATUS", "DETAIL", "FIX"]);
    if table.width().is_some() {
        keep_whole(&mut table, &[0, 1]);
    }
    for f in &report.checks {
        table.add_row(vec![
            f.check.to_string(),
            f.status.to_string(),
            f.detail.clone(),
            f.fix.clone().unwrap_or_else(|| "-".into()),
        ]);
    }
    table
}

fn settings_table(list: &[Setting]) -> Table {
    let mut table = new_table(&["KEY", "VALUE", "SOURCE"]);
    for s in list {
        table.add_row(vec![s.key.clone(), s.value.clone(), s.source.clone()]);
    }
    table
}
