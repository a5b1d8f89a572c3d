//! The Docker credential helper, served when the binary runs as
//! `docker-credential-hubint` or as `hubint credential-helper ACTION`.
//!
//! It follows docker/docker-credential-helpers exactly: one argument
//! (`store`, `get`, `erase`, `list` or `version`), input on stdin, results on
//! stdout, every error on stdout with exit 1, diagnostics on stderr. It never
//! prompts, even on a terminal.

mod erase;
mod get;
mod list;
pub mod protocol;
mod store;
mod version;

use std::ffi::{OsStr, OsString};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::paths::Paths;
use crate::ui::Ui;

/// The program name docker runs for `"credHelpers": {"host": "hubint"}`.
pub const HELPER_NAME: &str = "docker-credential-hubint";
/// The usage name when reached through `hubint credential-helper`.
pub const SUBCOMMAND_NAME: &str = "hubint credential-helper";

#[derive(Args, Debug, Default)]
pub struct CredentialHelperArgs {
    /// store, get, erase, list or version (input on stdin, output on stdout)
    #[arg(
        value_name = "ACTION",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub args: Vec<OsString>,
}

/// Whether the program was started under the helper's name (argv[0]).
pub fn invoked_as_helper(argv0: &OsStr) -> bool {
    Path::new(argv0)
        .file_stem()
        .is_some_and(|stem| stem == HELPER_NAME)
}

/// Run one helper action and turn the outcome into the exit code.
pub fn serve(name: &str, args: &[OsString]) -> ExitCode {
    let usage = format!("Usage: {name} <store|get|erase|list|version>");
    let action = match args {
        [one] => one.to_string_lossy().into_owned(),
        _ => return usage_error(&[&usage]),
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    let (mut input, mut out) = (stdin.lock(), stdout.lock());
    let result = match action.as_str() {
        "store" => context().and_then(|ctx| store::run(&ctx, &mut input)),
        "get" => context().and_then(|ctx| get::run(&ctx, &mut input, &mut out)),
        "erase" => context().and_then(|ctx| erase::run(&ctx, &mut input)),
        "list" => context().and_then(|ctx| list::run(&ctx, &mut out)),
        "version" => version::run(&mut out),
        other => {
            return usage_error(&[
                &format!(
                    "Unknown credential action `{}`",
                    crate::validate::excerpt(other)
                ),
                &usage,
            ]);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if crate::error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // The message on stdout, as upstream (clients compare it); the
            // message and what to do on stderr, which clients pass on to
            // the person. A miss is the protocol's normal answer: no line.
            let message = crate::error::message(&err);
            let _ = writeln!(out, "{message}");
            let _ = out.flush();
            if message != protocol::NOT_FOUND {
                eprintln!("{}", stderr_line(&message, crate::error::hint(&err)));
            }
            ExitCode::FAILURE
        }
    }
}

/// `hubint: error: MESSAGE; hint: HINT` on one line (a multi-line hint is
/// joined with `; `).
fn stderr_line(message: &str, hint: Option<&str>) -> String {
    let one_line = |text: &str| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match hint {
        Some(hint) => format!(
            "hubint: error: {}; hint: {}",
            one_line(message),
            one_line(hint)
        ),
        None => format!("hubint: error: {}", one_line(message)),
    }
}

fn usage_error(lines: &[&str]) -> ExitCode {
    let mut out = io::stdout().lock();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    ExitCode::FAILURE
}

/// The helper's context: never interactive, whatever the terminal.
fn context() -> Result<Ctx> {
    Ok(Ctx::new(Paths::from_env()?, Ui::detect(true), false))
}
