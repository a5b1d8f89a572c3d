//! Rendering of command results on stdout: a table for people, JSON with
//! `--json`. Commands return an [`Output`]; only this module prints it.

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::db::integrations::Integration;
use crate::db::subscriptions::Subscription;

pub enum Output {
    /// Nothing for stdout (status went to stderr).
    Nothing,
    Integration(Box<Integration>),
    Integrations(Vec<Integration>),
    Subscriptions(Vec<Subscription>),
    /// A subscription after attach/detach: JSON only; people got a status line.
    SubscriptionChanged(Subscription),
}

pub fn print(output: &Output, json: bool) -> Result<()> {
    let stdout = io::stdout();
    // Buffered: stdout alone is line-buffered, i.e. one write(2) per JSON line.
    let mut out = io::BufWriter::new(stdout.lock());
    if json {
        match output {
            Output::Nothing => return Ok(()),
            Output::Integration(i) => write_json(&mut out, i)?,
            Output::Integrations(list) => write_json(&mut out, list)?,
            Output::Subscriptions(list) => write_json(&mut out, list)?,
            Output::SubscriptionChanged(s) => write_json(&mut out, s)?,
        }
    } else {
        let table = match output {
            Output::Nothing | Output::SubscriptionChanged(_) => return Ok(()),
            Output::Integration(i) => integration_table(i),
            Output::Integrations(list) if list.is_empty() => {
                eprintln!("No integrations. Add one with `hubint add`.");
                return Ok(());
            }
            Output::Integrations(list) => integrations_table(list),
            Output::Subscriptions(list) if list.is_empty() => {
                eprintln!(
                    "No subscriptions. Attach an integration with \
                     `hubint subscription attach SUBSCRIPTION INTEGRATION`."
                );
                return Ok(());
            }
            Output::Subscriptions(list) => subscriptions_table(list),
        };
        writeln!(out, "{table}")?;
    }
    out.flush()?;
    Ok(())
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
fn short_time(rfc3339: &str) -> String {
    match rfc3339.get(..16) {
        Some(prefix) => prefix.replacen('T', " ", 1),
        None => rfc3339.to_string(),
    }
}

fn or_dash(value: &str) -> &str {
    if value.is_empty() { "-" } else { value }
}

fn integrations_table(list: &[Integration]) -> Table {
    let mut table = new_table(&[
        "NAME",
        "FAMILY/TYPE",
        "REGISTRY",
        "USERNAME",
        "EMAIL",
        "SUBSCRIPTIONS",
        "STORE",
        "UPDATED (UTC)",
    ]);
    for i in list {
        table.add_row(vec![
            i.name.clone(),
            format!("{}/{}", i.family, i.kind),
            i.registry.clone(),
            i.username.clone(),
            or_dash(i.email.as_deref().unwrap_or_default()).to_string(),
            or_dash(&i.subscriptions.join(", ")).to_string(),
            i.secret_store.clone(),
            short_time(&i.updated_at),
        ]);
    }
    table
}

fn integration_table(i: &Integration) -> Table {
    let mut table = new_table(&[]);
    let rows: [(&str, String); 10] = [
        ("name", i.name.clone()),
        ("family/type", format!("{}/{}", i.family, i.kind)),
        ("registry", i.registry.clone()),
        ("username", i.username.clone()),
        (
            "email",
            or_dash(i.email.as_deref().unwrap_or_default()).into(),
        ),
        ("password", format!("(stored in {})", i.secret_store)),
        ("subscriptions", or_dash(&i.subscriptions.join(", ")).into()),
        ("id", i.id.clone()),
        ("created (UTC)", short_time(&i.created_at)),
        ("updated (UTC)", short_time(&i.updated_at)),
    ];
    for (key, value) in rows {
        table.add_row(vec![key.to_string(), value]);
    }
    table
}

fn subscriptions_table(list: &[Subscription]) -> Table {
    let mut table = new_table(&["SUBSCRIPTION", "INTEGRATIONS"]);
    for s in list {
        table.add_row(vec![
            s.name.clone(),
            or_dash(&s.integrations.join(", ")).to_string(),
        ]);
    }
    table
}
