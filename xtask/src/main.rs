//! `cargo xtask ...`: hubint's development tasks (the alias is in
//! `.cargo/config.toml`). Nothing here is part of the shipped binary.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "xtask",
    bin_name = "cargo xtask",
    about = "hubint's development tasks"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Write the completion scripts (completions/) and man pages (man/), or
    /// check with --check that the committed ones are current
    Generate(xtask::generate_all::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.task {
        Task::Generate(args) => xtask::generate_all::main(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
