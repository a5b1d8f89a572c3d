//! `hubint install-helper [--dir DIR]`: make `docker-credential-hubint`
//! available to docker, podman, skopeo and crane as a symlink to this binary
//! (a copy on Windows, where symlinks need privileges).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;

use crate::commands::credential_helper::HELPER_NAME;
use crate::context::Ctx;
use crate::error::Failure;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct InstallHelperArgs {
    /// The directory to put docker-credential-hubint in; it should be on PATH
    /// [default: ~/.local/bin]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Replace an existing docker-credential-hubint that is not ours
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Ctx, args: &InstallHelperArgs) -> Result<Output> {
    let dir = match &args.dir {
        Some(dir) => dir.clone(),
        None => directories::BaseDirs::new()
            .map(|b| b.home_dir().join(".local").join("bin"))
            .ok_or_else(|| {
                Failure::usage("cannot find the home directory").hint("pass --dir DIR")
            })?,
    };
    let exe = std::env::current_exe()
        .and_then(fs::canonicalize)
        .context("cannot find the path of the hubint binary")?;
    let link = dir.join(format!("{HELPER_NAME}{}", std::env::consts::EXE_SUFFIX));
    crate::paths::ensure_private_dir(&dir)?;
    if fs::symlink_metadata(&link).is_ok() {
        if fs::canonicalize(&link).is_ok_and(|target| target == exe) {
            ctx.ui
                .status(format!("{} is already installed.", link.display()));
            return Ok(Output::Nothing);
        }
        if !args.force {
            return Err(Failure::conflict(format!(
                "{} already exists and is not this hubint",
                link.display()
            ))
            .hint("pass --force to replace it, or choose another --dir")
            .into());
        }
    }
    install(&exe, &link)?;
    ctx.ui.status(format!(
        "Installed {} -> {}.",
        link.display(),
        exe.display()
    ));
    if !on_path(&dir) {
        ctx.ui.warn(format!(
            "{0} is not on PATH: add {0} to PATH (for example `export PATH=\"{0}:$PATH\"` \
             in your shell's profile) so that container tools find {HELPER_NAME}",
            dir.display()
        ));
    }
    Ok(Output::Nothing)
}

/// Create the link under a temporary name, then rename it over `link`, so an
/// existing helper is replaced atomically.
fn install(exe: &Path, link: &Path) -> Result<()> {
    let tmp = link.with_file_name(format!(".{HELPER_NAME}.{}.tmp", std::process::id()));
    let _ = fs::remove_file(&tmp);
    #[cfg(unix)]
    let made = std::os::unix::fs::symlink(exe, &tmp);
    #[cfg(not(unix))]
    let made = fs::copy(exe, &tmp).map(drop);
    made.with_context(|| format!("cannot create {}", tmp.display()))?;
    fs::rename(&tmp, link).with_context(|| {
        let _ = fs::remove_file(&tmp);
        format!("cannot create {}", link.display())
    })
}

fn on_path(dir: &Path) -> bool {
    let wanted = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|p| fs::canonicalize(&p).unwrap_or(p) == wanted)
    })
}
