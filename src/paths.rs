//! Where hubint keeps its files. Every path comes from here.
//!
//! | what | default | override |
//! | --- | --- | --- |
//! | data directory (database, encrypted store) | XDG data dir, e.g. `~/.local/share/hubint` | `HUBINT_HOME` |
//! | config directory | XDG config dir, e.g. `~/.config/hubint` | `HUBINT_HOME` |
//! | config file | `config.toml` in the config directory | |
//! | encrypted secret store | `secrets.age` in the data directory | |
//!
//! `HUBINT_HOME` is the one override (`HUBINT_CONFIG` and
//! `HUBINT_CONFIG_DIR` are no longer read; see `config::REMOVED`).
//!
//! Directories hubint creates are mode 0700; files it creates are 0600.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

pub const ENV_HOME: &str = "HUBINT_HOME";
pub const DB_FILE: &str = "hubint.db";
pub const CONFIG_FILE: &str = "config.toml";
pub const SECRETS_FILE: &str = "secrets.age";

#[derive(Debug, Clone)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
    /// The config file: `config.toml` in `config_dir`.
    pub config_file: PathBuf,
}

impl Paths {
    /// Resolve the directories from the environment. Nothing is created here.
    pub fn from_env() -> Result<Paths> {
        let home = env_path(ENV_HOME);
        let project = || {
            directories::ProjectDirs::from("", "", "hubint").ok_or_else(|| {
                anyhow!("cannot find a home directory for hubint's data; set {ENV_HOME}")
            })
        };
        let data_dir = match &home {
            Some(home) => home.clone(),
            None => project()?.data_dir().to_path_buf(),
        };
        let config_dir = match &home {
            Some(home) => home.clone(),
            None => project()?.config_dir().to_path_buf(),
        };
        let config_file = config_dir.join(CONFIG_FILE);
        Ok(Paths {
            data_dir,
            config_dir,
            config_file,
        })
    }

    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join(DB_FILE)
    }

    /// The encrypted file secret store.
    pub fn secrets_path(&self) -> PathBuf {
        self.data_dir.join(SECRETS_FILE)
    }
}

fn env_path(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Create `dir` and every missing parent, each mode 0700 whatever the umask.
/// Existing directories are left as they are.
pub fn ensure_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let missing: Vec<&Path> = dir
        .ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .take_while(|p| fs::symlink_metadata(p).is_err())
        .collect();
    for path in missing.into_iter().rev() {
        create_private_dir(path)
            .with_context(|| format!("cannot create directory {}", path.display()))?;
    }
    if dir.is_dir() {
        return Ok(());
    }
    create_private_dir(dir).with_context(|| format!("cannot create directory {}", dir.display()))
}

/// Create one directory, mode 0700 exactly.
fn create_private_dir(path: &Path) -> io::Result<()> {
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Create `path` as an empty 0600 file if it does not exist yet. A symbolic
/// link there is refused, dangling or not: its target is never created.
pub fn ensure_private_file(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(crate::files::link_error(path)),
        Ok(_) => Ok(()),
        Err(_) => crate::files::open_private(path)
            .map(drop)
            .with_context(|| format!("cannot create {}", path.display())),
    }
}

/// `path` with `suffix` appended to its file name (`secrets.age` → `secrets.age.lock`).
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Write `bytes` to a new 0600 file `tmp` (replacing a leftover one) and
/// flush it to disk. Half of [`write_atomic`]; [`replace_with`] is the other.
pub fn write_temp(tmp: &Path, bytes: &[u8]) -> Result<()> {
    match fs::remove_file(tmp) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot remove {}", tmp.display())),
    }
    write_new(tmp, bytes, 0o600).inspect_err(|_| {
        let _ = fs::remove_file(tmp);
    })
}

/// Create `path` (it must not exist yet) with `mode` exactly (whatever the
/// umask), write `bytes` and flush them to disk.
pub fn write_new(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let write = || -> io::Result<()> {
        let mut file = options.open(path)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(fs::Permissions::from_mode(mode))?;
        }
        io::Write::write_all(&mut file, bytes)?;
        file.sync_all()
    };
    write().with_context(|| format!("cannot write {}", path.display()))
}

/// Rename `tmp` over `path`, then flush the directory so that the rename
/// itself survives a crash.
pub fn replace_with(tmp: &Path, path: &Path) -> Result<()> {
    fs::rename(tmp, path)
        .with_context(|| format!("cannot rename {} to {}", tmp.display(), path.display()))?;
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .with_context(|| format!("cannot flush directory {}", dir.display()))?;
    }
    Ok(())
}

/// Replace `path` with `bytes` so that a crash leaves either the old file or
/// the new one, never a torn one: temporary file, fsync, rename, fsync of the
/// directory. The directory is created (0700) if needed; the file is 0600.
/// A symbolic link at `path` is refused, never replaced or written through.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::files::refuse_link(path)?;
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        ensure_private_dir(dir)?;
    }
    let tmp = sibling(path, &format!(".tmp.{}", std::process::id()));
    write_temp(&tmp, bytes)?;
    replace_with(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Give `copy` the owner and group of `original` (if it exists and they
/// differ): a file hubint rewrites as root for another user stays theirs.
/// Only root can do that; for anyone else a different owner is left as is.
pub fn keep_owner(original: &Path, copy: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = fs::metadata(original) else {
            return Ok(());
        };
        let mine = fs::metadata(copy).with_context(|| format!("cannot read {}", copy.display()))?;
        if (meta.uid(), meta.gid()) == (mine.uid(), mine.gid()) || crate::files::euid() != 0 {
            return Ok(());
        }
        std::os::unix::fs::chown(copy, Some(meta.uid()), Some(meta.gid())).with_context(|| {
            format!(
                "cannot give {} the owner of {}",
                copy.display(),
                original.display()
            )
        })?;
    }
    #[cfg(not(unix))]
    let _ = (original, copy);
    Ok(())
}
