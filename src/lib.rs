//! hubint: container-registry credentials ("integrations") kept in the OS
//! keyring, with their metadata in SQLite.

mod catalog;
pub mod cli;
pub mod commands;
mod complete;
mod config;
pub mod context;
pub mod db;
pub mod dockerconfig;
pub mod docs;
pub mod doctor;
mod ecr;
mod env_name;
mod error;
mod external_helper;
mod failpoint;
mod files;
mod form;
mod harden;
mod http;
mod keyring_notice;
mod limits;
mod list_tables;
mod matching;
mod output;
mod password;
pub mod paths;
mod platform;
mod prompt;
mod recovery;
pub mod registry;
mod secret;
pub mod service;
mod shell;
mod similar;
mod table;
mod team;
#[cfg(test)]
mod testing;
pub mod ui;
pub mod validate;
mod verify;
mod words;

use std::ffi::OsString;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Cli;
use crate::commands::{Command, credential_helper};
use crate::context::Ctx;
use crate::error::Code;

/// Parse the command line, run the command, and turn the outcome into an
/// exit code. Errors are printed here, once. Started as
/// `docker-credential-hubint` (or as `hubint credential-helper`), the binary
/// speaks the credential helper protocol instead, before any clap parsing.
pub fn main_entry() -> ExitCode {
    harden::apply();
    let args: Vec<OsString> = std::env::args_os().collect();
    if args
        .first()
        .is_some_and(|argv0| credential_helper::invoked_as_helper(argv0))
    {
        return credential_helper::serve(credential_helper::HELPER_NAME, &args[1..]);
    }
    if let Some(code) = complete::handle_env() {
        return ExitCode::from(code);
    }
    let cli = match cli::parse(&args) {
        Ok(cli) => cli,
        Err(err) if err.kind() == clap::error::ErrorKind::InvalidUtf8 => {
            eprintln!("error: {}", cli::invalid_utf8(&args));
            eprintln!(
                "hint: names, URLs, usernames and email addresses are UTF-8 text; \
                 check the encoding of the script or terminal that passed it"
            );
            return ExitCode::from(Code::Usage as u8);
        }
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                Code::Usage as u8
            } else {
                0
            });
        }
    };
    if let Command::CredentialHelper(helper) = &cli.command {
        return credential_helper::serve(credential_helper::SUBCOMMAND_NAME, &helper.args);
    }
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn run(cli: &Cli) -> Result<()> {
    keyring_notice::set_verbose(cli.global.verbose);
    let ui = ui::Ui::detect(cli.global.no_input);
    let ctx = Ctx::new(paths::Paths::from_env()?, ui, cli.global.json);
    let output = commands::run(&ctx, &cli.command)?;
    output::print(&output, ctx.json)?;
    // Printed in full first; then a failed check still sets the exit code.
    output.outcome()
}

fn report(err: &anyhow::Error) -> ExitCode {
    if error::is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let code = error::exit_code(err);
    if code == Code::Cancelled {
        let _ = console::Term::stderr().show_cursor();
        eprintln!("{}", prompt::CANCELLED);
    } else {
        eprintln!("error: {}", error::message(err));
        if let Some(hint) = error::hint(err) {
            eprintln!("hint: {hint}");
        } else if db::is_damaged(err) {
            eprintln!("hint: the database file is damaged: {}", db::DAMAGED_HINT);
        }
    }
    ExitCode::from(code as u8)
}
