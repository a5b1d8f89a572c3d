//! Dynamic shell completion (clap_complete's `CompleteEnv`).
//!
//! The registration script that `hubint completions SHELL` prints makes the
//! shell call `COMPLETE=SHELL hubint -- WORDS...` on every TAB; [`handle_env`]
//! answers that before anything else runs. The candidate functions below
//! read only the catalog: the SQLite metadata, opened read-only if it
//! exists, or with `store = team` the team store's documents. Completing
//! never creates or migrates the database, never reads a secret, never
//! touches the keyring, never prompts and never prints an error. Any
//! failure means no candidates.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{CompleteEnv, Shells};
use clap_complete::{ArgValueCandidates, Shell};

use crate::catalog::FAMILIES;
use crate::cli::Cli;
use crate::context::Ctx;
use crate::db;
use crate::paths::Paths;
use crate::service::Service;
use crate::service::catalog::CatalogRead;
use crate::service::model::Integration;
use crate::ui::Ui;

/// The variable that switches the binary into completion mode.
pub const ENV_VAR: &str = "COMPLETE";
const BIN: &str = "hubint";

/// If the shell asked for completions (`COMPLETE=SHELL`), write them and
/// return the exit code; otherwise `None` and the command runs normally.
pub fn handle_env() -> Option<u8> {
    let shell = std::env::var_os(ENV_VAR)?;
    let known = Shells::builtins()
        .completer(&shell.to_string_lossy())
        .is_some();
    let args: Vec<OsString> = std::env::args_os().collect();
    let cwd = std::env::current_dir().ok();
    match CompleteEnv::with_factory(Cli::command)
        .var(ENV_VAR)
        .try_complete(args, cwd.as_deref())
    {
        Ok(true) => Some(0),
        Ok(false) => None,
        // While completing (e.g. stdout closed), fail quietly: the shell
        // then offers nothing.
        Err(_) if known => Some(crate::error::Code::Failure as u8),
        // A stray COMPLETE=... that names no shell: say so.
        Err(err) => {
            let _ = err.print();
            Some(crate::error::Code::Usage as u8)
        }
    }
}

/// Write the script that registers dynamic completion in `shell`. It calls
/// back the binary by the name it was started with (made absolute when it is
/// a relative path such as `./target/debug/hubint`).
pub fn write_registration(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer = shells
        .completer(&name)
        .ok_or_else(|| io::Error::other(format!("no dynamic completion for {name}")))?;
    completer.write_registration(ENV_VAR, BIN, BIN, &completer_path(), out)
}

fn completer_path() -> String {
    let arg0 = std::env::args_os()
        .next()
        .map_or_else(|| PathBuf::from(BIN), PathBuf::from);
    let path = match std::env::current_dir() {
        Ok(cwd) if arg0.is_relative() && arg0.components().count() > 1 => cwd.join(arg0),
        _ => arg0,
    };
    path.to_string_lossy().into_owned()
}

/// Candidates for an integration name.
pub fn integrations() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        read(|conn| {
            let all = conn.integrations(&Default::default())?;
            Ok(all.into_iter().map(candidate).collect())
        })
    })
}

/// Candidates for the INTEGRATION of `subscription attach SUB` (`attached`
/// false: those not yet attached to SUB) or `detach SUB` (true: only those
/// attached to it). SUB is read from the words being completed.
pub fn integrations_of_subscription(attached: bool) -> ArgValueCandidates {
    ArgValueCandidates::new(move || {
        let words: Vec<String> = std::env::args().collect();
        let sub = subscription_word(&words);
        read(|conn| {
            let all = conn.integrations(&Default::default())?;
            Ok(all
                .into_iter()
                .filter(|i| {
                    let on = sub.as_deref().is_some_and(|sub| {
                        i.subscriptions.iter().any(|s| s.eq_ignore_ascii_case(sub))
                    });
                    on == attached
                })
                .map(candidate)
                .collect())
        })
    })
}

/// The SUBSCRIPTION word of `... attach|detach SUBSCRIPTION ...`: the first
/// word after the verb that is not a flag.
fn subscription_word(words: &[String]) -> Option<String> {
    let verb = words
        .iter()
        .skip_while(|w| *w != "--")
        .position(|w| w == "attach" || w == "detach")?;
    words
        .iter()
        .skip_while(|w| *w != "--")
        .skip(verb + 1)
        .find(|w| !w.starts_with('-'))
        .cloned()
}

fn candidate(i: Integration) -> CompletionCandidate {
    let help = format!("{}/{} {} as {}", i.family, i.kind, i.registry, i.username);
    CompletionCandidate::new(i.name).help(Some(help.into()))
}

/// Candidates for a subscription name.
pub fn subscriptions() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        read(|conn| {
            Ok(conn
                .subscriptions()?
                .into_iter()
                .map(|s| {
                    let help = match s.integrations.len() {
                        1 => "1 integration".to_string(),
                        n => format!("{n} integrations"),
                    };
                    CompletionCandidate::new(s.name).help(Some(help.into()))
                })
                .collect())
        })
    })
}

/// Candidates for `--family`, from the catalog.
pub fn families() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        FAMILIES
            .iter()
            .map(|f| CompletionCandidate::new(f.id).help(Some(f.label.into())))
            .collect()
    })
}

/// Candidates for `--type`: the types of every family.
pub fn types() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        FAMILIES
            .iter()
            .flat_map(|f| f.types)
            .map(|t| CompletionCandidate::new(t.id).help(Some(t.label.into())))
            .collect()
    })
}

/// Run `query` on the catalog: the database opened read-only, or with
/// `store = team` the team store through the service (its cached or
/// configured token; a login, if team-auth needs one, is cached as for any
/// command). No candidates if there is no database or anything fails.
fn read(
    query: impl FnOnce(&dyn CatalogRead) -> anyhow::Result<Vec<CompletionCandidate>>,
) -> Vec<CompletionCandidate> {
    let Ok(paths) = Paths::from_env() else {
        return Vec::new();
    };
    let ctx = Ctx::new(paths, Ui::detect(true), false);
    if ctx.team_mode().unwrap_or(false) {
        return Service::reader(&ctx)
            .and_then(|service| query(service.catalog()))
            .unwrap_or_default();
    }
    db::open_read_only(&ctx.paths.db_path())
        .and_then(|db| query(&db))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::subscription_word;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn the_subscription_word_follows_the_verb() {
        let w = words("hubint -- hubint subscription detach --json team-x ");
        assert_eq!(subscription_word(&w).as_deref(), Some("team-x"));
        let w = words("hubint -- hubint attach team-y a");
        assert_eq!(subscription_word(&w).as_deref(), Some("team-y"));
        assert_eq!(subscription_word(&words("hubint -- hubint list")), None);
    }
}
