//! Where hubint keeps its files. Every path comes from here.
//!
//! | what | default | override |
//! | --- | --- | --- |
//! | data directory (database, encrypted store) | XDG data dir, e.g. `~/.local/share/hubint` | `HUBINT_HOME` |
//! | config directory | XDG config dir, e.g. `~/.config/hubint` | `HUBINT_HOME`, `HUBINT_CONFIG_DIR` |
//!
//! Directories hubint creates are mode 0700; files it creates are 0600.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

pub const ENV_HOME: &str = "HUBINT_HOME";
pub const ENV_CONFIG_DIR: &str = "HUBINT_CONFIG_DIR";
pub const DB_FILE: &str = "hubint.db";

#[derive(Debug, Clone)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Paths {
    /// Resolve the directories from the environment. Nothing is created here.
    pub fn from_env() -> Result<Paths> {
        let home = env_path(ENV_HOME);
        let config_override = env_path(ENV_CONFIG_DIR);
        let project = || {
            directories::ProjectDirs::from("", "", "hubint").ok_or_else(|| {
                anyhow!("cannot find a home directory for hubint's data; set {ENV_HOME}")
            })
        };
        let data_dir = match &home {
            Some(home) => home.clone(),
            None => project()?.data_dir().to_path_buf(),
        };
        let config_dir = match (config_override, &home) {
            (Some(dir), _) => dir,
            (None, Some(home)) => home.clone(),
            (None, None) => project()?.config_dir().to_path_buf(),
        };
        Ok(Paths {
            data_dir,
            config_dir,
        })
    }

    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join(DB_FILE)
    }
}

fn env_path(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Create `dir` (and its parents) if missing. The directory itself is 0700.
pub fn ensure_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create directory {}", parent.display()))?;
    }
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot create directory {}", dir.display())),
    }
}

/// Create `path` as an empty 0600 file if it does not exist yet.
pub fn ensure_private_file(path: &Path) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map(drop)
        .with_context(|| format!("cannot create {}", path.display()))
}
