//! The committed generated files: static completion scripts in
//! `completions/` and man pages in `man/`. `hubint generate` writes them;
//! `tests/generated.rs` fails when the committed copies are stale.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{CommandFactory, ValueEnum};
use clap_complete::{Generator, Shell};

use crate::cli::Cli;
use crate::man;

/// The directories that hold only generated files.
pub const DIRS: [&str; 2] = ["completions", "man"];

/// Every generated file: its path relative to the repository root, and its
/// content.
pub fn files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for shell in Shell::value_variants() {
        let mut cmd = public_command();
        let mut buf = Vec::new();
        clap_complete::generate(*shell, &mut cmd, "hubint", &mut buf);
        files.push((
            Path::new("completions").join(shell.file_name("hubint")),
            buf,
        ));
    }
    for (name, page) in man::pages() {
        files.push((Path::new("man").join(name), page));
    }
    files
}

/// The command line the static scripts offer: without the hidden `generate`.
/// clap_complete's static generators list hidden subcommands and clap cannot
/// remove one, so the top level is rebuilt from its visible parts.
fn public_command() -> clap::Command {
    let full = Cli::command();
    let mut cmd = clap::Command::new("hubint")
        .version(env!("CARGO_PKG_VERSION"))
        .propagate_version(full.is_propagate_version_set())
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|c| !c.is_hide_set()).cloned());
    if let Some(about) = full.get_about() {
        cmd = cmd.about(about.clone());
    }
    if let Some(about) = full.get_long_about() {
        cmd = cmd.long_about(about.clone());
    }
    cmd
}

/// What differs between the generated files and those under `root`: one
/// line per stale, missing or unexpected file.
pub fn differences(root: &Path) -> Vec<String> {
    let files = files();
    let mut problems = Vec::new();
    for (path, content) in &files {
        match fs::read(root.join(path)) {
            Ok(existing) if existing == *content => {}
            Ok(_) => problems.push(format!("{} is out of date", path.display())),
            Err(_) => problems.push(format!("{} is missing", path.display())),
        }
    }
    for path in extra_files(root, &files) {
        problems.push(format!("{} is not generated any more", path.display()));
    }
    problems
}

/// Write every generated file under `root` and remove the files in the
/// generated directories that are not generated any more. Returns how many
/// files changed.
pub fn write(root: &Path) -> Result<usize> {
    let files = files();
    let mut changed = 0;
    for dir in DIRS {
        let dir = root.join(dir);
        fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create directory {}", dir.display()))?;
    }
    for (path, content) in &files {
        let path = root.join(path);
        if fs::read(&path).ok().as_ref() != Some(content) {
            fs::write(&path, content)
                .with_context(|| format!("cannot write {}", path.display()))?;
            changed += 1;
        }
    }
    for path in extra_files(root, &files) {
        let path = root.join(path);
        fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
        changed += 1;
    }
    Ok(changed)
}

/// Files in the generated directories under `root` that are not generated.
fn extra_files(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> Vec<PathBuf> {
    let mut extra = Vec::new();
    for dir in DIRS {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = Path::new(dir).join(entry.file_name());
            if !files.iter().any(|(p, _)| *p == path) {
                extra.push(path);
            }
        }
    }
    extra.sort();
    extra
}
