//! The static completion scripts in `completions/`, one per shell that
//! clap_complete knows.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use clap::{CommandFactory, ValueEnum};
use clap_complete::{Generator, Shell};
use hubint::cli::Cli;

/// Every script as (path under the repository root, content).
pub fn files() -> Vec<(PathBuf, Vec<u8>)> {
    Shell::value_variants()
        .iter()
        .map(|shell| {
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut public_command(), "hubint", &mut buf);
            (
                Path::new("completions").join(shell.file_name("hubint")),
                buf,
            )
        })
        .collect()
}

/// The command line the scripts offer: without the hidden top-level
/// subcommands (`attach`, `detach`: the same as `subscription attach` and
/// `subscription detach`). clap_complete's static generators list hidden
/// subcommands and clap cannot remove one, so the top level is rebuilt from
/// its visible parts.
fn public_command() -> clap::Command {
    // Static, so that its version (a `&'static str` for clap) can be reused.
    static FULL: LazyLock<clap::Command> = LazyLock::new(Cli::command);
    let full = &*FULL;
    let mut cmd = clap::Command::new("hubint")
        .propagate_version(full.is_propagate_version_set())
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|c| !c.is_hide_set()).cloned());
    if let Some(version) = full.get_version() {
        cmd = cmd.version(version);
    }
    if let Some(about) = full.get_about() {
        cmd = cmd.about(about.clone());
    }
    if let Some(about) = full.get_long_about() {
        cmd = cmd.long_about(about.clone());
    }
    cmd
}
