//! hubint: container-registry credentials ("integrations") kept in the OS
//! keyring, with their metadata in SQLite.

pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod db;
pub mod error;
pub mod failpoint;
pub mod ops;
pub mod output;
pub mod password;
pub mod paths;
pub mod prompt;
pub mod registry;
pub mod secret;
pub mod ui;
pub mod validate;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use crate::cli::Cli;
use crate::context::Ctx;
use crate::error::Code;

/// Parse the command line, run the command, and turn the outcome into an
/// exit code. Errors are printed here, once.
pub fn main_entry() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                Code::Usage as u8
            } else {
                0
            });
        }
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn run(cli: &Cli) -> Result<()> {
    let ui = ui::Ui::detect(cli.global.no_input);
    let ctx = Ctx::new(paths::Paths::from_env()?, ui, cli.global.json);
    let output = commands::run(&ctx, &cli.command)?;
    output::print(&output, ctx.json)
}

fn report(err: &anyhow::Error) -> ExitCode {
    if error::is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let code = error::exit_code(err);
    if code == Code::Cancelled {
        let _ = console::Term::stderr().show_cursor();
        eprintln!("Cancelled; nothing was changed.");
    } else {
        eprintln!("error: {err:#}");
        if let Some(hint) = error::hint(err) {
            eprintln!("hint: {hint}");
        }
    }
    ExitCode::from(code as u8)
}
