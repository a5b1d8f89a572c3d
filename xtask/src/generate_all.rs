//! `cargo xtask generate [--check]`: the committed generated files, static
//! completion scripts in `completions/` and man pages in `man/`, written
//! from the CLI definition or checked against it (as uv's `cargo dev
//! generate-all` does). `tests/generated.rs` runs the check, so a stale file
//! fails the test suite and CI.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The directories that hold only generated files.
pub const DIRS: [&str; 2] = ["completions", "man"];

/// The command that rewrites the files, for messages.
pub const REGENERATE: &str = "cargo xtask generate";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Write nothing; fail if a committed file differs from what would be
    /// generated, is missing, or is not generated any more
    #[arg(long)]
    pub check: bool,

    /// The repository root: completions/ and man/ are under it
    #[arg(long, value_name = "DIR", default_value_os_t = repository_root())]
    pub dir: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Rewrite the files that differ and remove those not generated any more.
    Write,
    /// Change nothing; fail if any file differs.
    Check,
}

pub fn main(args: &Args) -> Result<()> {
    let mode = if args.check { Mode::Check } else { Mode::Write };
    let changed = run(&args.dir, mode)?;
    let dirs = DIRS.map(|d| format!("{d}/")).join(" and ");
    match mode {
        Mode::Write => eprintln!(
            "Generated {dirs} under {} ({changed} changed).",
            args.dir.display()
        ),
        Mode::Check => eprintln!("{dirs} under {} are current.", args.dir.display()),
    }
    Ok(())
}

/// Write or check every generated file under `root`. Returns how many files
/// were changed (always 0 in check mode, which fails instead).
pub fn run(root: &Path, mode: Mode) -> Result<usize> {
    let files = files();
    let problems = differences(root, &files);
    match mode {
        Mode::Check if problems.is_empty() => Ok(0),
        Mode::Check => bail!(
            "the generated files differ from the CLI definition:\n  {}\n\
             regenerate them with `{REGENERATE}`, review and commit",
            problems
                .iter()
                .map(|(path, problem)| format!("{} {problem}", path.display()))
                .collect::<Vec<_>>()
                .join("\n  ")
        ),
        Mode::Write => {
            write(root, &files)?;
            Ok(problems.len())
        }
    }
}

/// Every generated file: its path relative to the repository root, and its
/// content.
pub fn files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = crate::completions::files();
    files.extend(crate::man::files());
    files
}

/// The repository root (the parent of xtask/), whatever the current
/// directory is.
fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ is inside the repository")
        .to_path_buf()
}

/// The files under `root` that differ from `files`, each with what is wrong:
/// stale, missing or not generated any more.
fn differences(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> Vec<(PathBuf, &'static str)> {
    let mut problems = Vec::new();
    for (path, content) in files {
        match fs::read(root.join(path)) {
            Ok(existing) if existing == *content => {}
            Ok(_) => problems.push((path.clone(), "is out of date")),
            Err(_) => problems.push((path.clone(), "is missing")),
        }
    }
    for path in extra_files(root, files) {
        problems.push((path, "is not generated any more"));
    }
    problems
}

/// Write every generated file under `root` that differs, and remove the
/// files in the generated directories that are not generated any more.
fn write(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    for dir in DIRS {
        let dir = root.join(dir);
        fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create directory {}", dir.display()))?;
    }
    for (path, content) in files {
        let path = root.join(path);
        if fs::read(&path).ok().as_ref() != Some(content) {
            fs::write(&path, content)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    for path in extra_files(root, files) {
        let path = root.join(path);
        fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
    }
    Ok(())
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
