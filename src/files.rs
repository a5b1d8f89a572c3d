//! The rules for hubint's own files and directories (the README's "Where
//! data lives" states them for users):
//!
//! - The data directory must be owned by the user and not writable by group
//!   or others; each of its parents must be owned by the user or by root and
//!   not writable by group or others, unless it is sticky and owned by root
//!   (like `/tmp`). Otherwise hubint refuses, as ssh and gpg do: "unsafe
//!   permissions on PATH".
//! - hubint never follows a symbolic link for a file of its data directory
//!   (the database and its `-wal`, `-shm`, `-journal` and lock, `secrets.age`
//!   and its lock, `config.toml`): it refuses and names the link.
//! - A read-only or full disk is said in plain words, with the path.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::{Code, Failure};
use crate::paths::{self, sibling};

/// Every file hubint keeps in the data directory `dir`.
pub fn data_files(dir: &Path) -> Vec<PathBuf> {
    let db = dir.join(paths::DB_FILE);
    let secrets = dir.join(paths::SECRETS_FILE);
    let mut files: Vec<PathBuf> = ["", "-wal", "-shm", "-journal", ".pending-lock"]
        .iter()
        .map(|suffix| sibling(&db, suffix))
        .collect();
    files.extend([".lock", ".tmp", ""].iter().map(|s| sibling(&secrets, s)));
    files.push(dir.join(paths::CONFIG_FILE));
    files
}

/// The error for a symbolic link where hubint keeps one of its files.
pub fn link_error(path: &Path) -> anyhow::Error {
    let target = std::fs::read_link(path)
        .map(|t| format!(" (to {})", t.display()))
        .unwrap_or_default();
    Failure::new(
        Code::Failure,
        format!(
            "{} is a symbolic link{target}: hubint does not follow links for its own files",
            path.display()
        ),
    )
    .hint(format!(
        "nothing was changed; put the file itself there (or remove the link): \
         hubint reads and writes {} only as a regular file",
        path.display()
    ))
    .into()
}

/// Refuse `path` if it is a symbolic link (dangling or not).
pub fn refuse_link(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(link_error(path)),
        _ => Ok(()),
    }
}

/// Refuse `path` if it is a link in `HUBINT_HOME` (for config.toml, which
/// may also live elsewhere: `~/.config/hubint`).
pub fn refuse_link_in_home(path: &Path) -> Result<()> {
    let home = std::env::var_os(paths::ENV_HOME).filter(|h| !h.is_empty());
    if home.is_some_and(|h| Path::new(&h) == dir_of(path)) {
        refuse_link(path)?;
    }
    Ok(())
}

/// Check the data directory `dir` before using it: its owner and modes and
/// its parents' (see the module's rules), and no links among its files.
pub fn check_data_dir(dir: &Path) -> Result<()> {
    if let Some(found) = unsafe_dir(dir) {
        return Err(found.into_error());
    }
    refuse_links(dir)
}

/// Refuse a symbolic link in place of any file of the data directory `dir`.
pub fn refuse_links(dir: &Path) -> Result<()> {
    data_files(dir).iter().try_for_each(|f| refuse_link(f))
}

/// What is unsafe about a directory hubint relies on.
#[derive(Debug)]
pub struct Unsafe {
    pub path: PathBuf,
    pub why: String,
    pub fix: String,
}

impl Unsafe {
    pub fn into_error(self) -> anyhow::Error {
        Failure::new(
            Code::Failure,
            format!(
                "unsafe permissions on {}: {}",
                self.path.display(),
                self.why
            ),
        )
        .hint(format!(
            "{}; hubint keeps credentials there and uses it only when no other user can change it",
            self.fix
        ))
        .into()
    }
}

/// The effective user id (owners are checked on Unix only).
#[cfg(unix)]
pub fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// The first thing unsafe about `dir` or the parents it relies on, if any.
/// A missing `dir` is checked from its nearest existing parent (hubint
/// creates the rest, 0700).
#[cfg(unix)]
pub fn unsafe_dir(dir: &Path) -> Option<Unsafe> {
    use std::os::unix::fs::MetadataExt;
    let me = euid();
    let existing = dir
        .ancestors()
        .find(|a| a.exists())
        .unwrap_or(Path::new("."));
    let real = std::fs::canonicalize(existing).ok()?;
    for (depth, path) in real.ancestors().enumerate() {
        let meta = std::fs::metadata(path).ok()?;
        let (owner, mode) = (meta.uid(), meta.mode() & 0o7777);
        let word = crate::doctor::shell_word(path);
        let own = depth == 0 && existing == dir;
        if owner != me && (own || owner != 0) {
            return Some(Unsafe {
                path: path.to_path_buf(),
                why: format!(
                    "it is owned by uid {owner}, not by you (uid {me}){}",
                    if own { "" } else { " or root" }
                ),
                fix: if own {
                    format!("run hubint as its owner, or `chown {me} {word}` if it is yours")
                } else {
                    "set HUBINT_HOME to a directory inside one that only you or root can change"
                        .to_string()
                },
            });
        }
        let sticky_root = mode & 0o1000 != 0 && owner == 0 && !own;
        if mode & 0o022 != 0 && !sticky_root {
            let who = match mode & 0o022 {
                0o020 => "group",
                0o002 => "others",
                _ => "group and others",
            };
            return Some(Unsafe {
                path: path.to_path_buf(),
                why: format!("it is writable by {who} (mode {mode:04o})"),
                fix: format!("`chmod go-w {word}`"),
            });
        }
    }
    None
}

#[cfg(not(unix))]
pub fn unsafe_dir(_dir: &Path) -> Option<Unsafe> {
    None
}

/// Why a file or directory cannot be written. Told apart on Unix only
/// (`statvfs`); elsewhere a failed write is reported as it came.
#[cfg_attr(not(unix), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// A read-only mount.
    ReadOnlyFs,
    /// No write permission.
    NotWritable,
    /// No space left.
    Full,
}

/// Whether `path` (existing) cannot be written, and why. `failed`: a write
/// just failed, so a nearly full disk (under 1 MiB free) counts as full.
#[cfg(unix)]
pub fn trouble(path: &Path, failed: bool) -> Option<Trouble> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: a valid C string and a zeroed statvfs for the call to fill.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c_path.as_ptr(), &mut st) } != 0 {
        return None;
    }
    if st.f_flag & libc::ST_RDONLY != 0 {
        return Some(Trouble::ReadOnlyFs);
    }
    // SAFETY: a valid C string.
    let access = unsafe {
        libc::faccessat(
            libc::AT_FDCWD,
            c_path.as_ptr(),
            libc::W_OK,
            libc::AT_EACCESS,
        )
    };
    if access != 0 {
        return Some(match std::io::Error::last_os_error().raw_os_error() {
            Some(libc::EROFS) => Trouble::ReadOnlyFs,
            _ => Trouble::NotWritable,
        });
    }
    let blocks = if euid() == 0 { st.f_bfree } else { st.f_bavail };
    // The field types vary by platform (u32 on some 32-bit ones).
    #[allow(clippy::useless_conversion)]
    let free = u64::from(blocks).saturating_mul(u64::from(st.f_frsize));
    let limit = if failed { 1 << 20 } else { 1 };
    (free < limit).then_some(Trouble::Full)
}

#[cfg(not(unix))]
pub fn trouble(_path: &Path, _failed: bool) -> Option<Trouble> {
    None
}

/// "HUBINT_HOME" when that variable names `dir`, else "the directory DIR".
fn home_words(dir: &Path) -> String {
    let from_env = std::env::var_os(paths::ENV_HOME).is_some_and(|h| Path::new(&h) == dir);
    if from_env {
        paths::ENV_HOME.to_string()
    } else {
        format!("the directory {}", dir.display())
    }
}

/// A plain error if `file` in the directory `dir` cannot be written
/// because the directory or the file is read-only, or the disk is full.
/// `failed`: a write just failed (see [`trouble`]).
pub fn unwritable(dir: &Path, file: &Path, failed: bool) -> Option<anyhow::Error> {
    // For hubint's own files, say what still works.
    let ours = data_files(dir).iter().any(|f| f == file);
    let then = |fix: String| match ours {
        true => format!("reading (list, show, env, the credential helper) still works; {fix}"),
        false => fix,
    };
    let chmod = |path: &Path| {
        format!(
            "to change anything: chmod u+w {}",
            crate::doctor::shell_word(path)
        )
    };
    let (message, hint) = match (trouble(dir, failed), file.exists()) {
        (Some(Trouble::Full), _) => (
            format!("the disk is full: cannot write {}", file.display()),
            then(format!(
                "free some space on the file system of {}",
                dir.display()
            )),
        ),
        (Some(Trouble::ReadOnlyFs), _) => (
            format!(
                "{} is read-only (a read-only file system): cannot write {}",
                home_words(dir),
                file.display()
            ),
            then(match ours {
                true => format!("to change anything, use a writable {}", paths::ENV_HOME),
                false => "write to a writable file system".to_string(),
            }),
        ),
        (Some(Trouble::NotWritable), _) => (
            format!(
                "{} is read-only (no write permission): cannot write {}",
                home_words(dir),
                file.display()
            ),
            then(chmod(dir)),
        ),
        (None, true) if trouble(file, false) == Some(Trouble::NotWritable) => (
            format!("{} is read-only: cannot write it", file.display()),
            then(chmod(file)),
        ),
        _ => return None,
    };
    Some(Failure::new(Code::Failure, message).hint(hint).into())
}

/// Fail at once, in plain words, if `file` in the existing data directory
/// `dir` cannot be written (see [`unwritable`]); before any write starts.
pub fn ensure_writable(dir: &Path, file: &Path) -> Result<()> {
    match dir.exists().then(|| unwritable(dir, file, false)).flatten() {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// The directory holding `path` (`.` for a bare file name).
pub fn dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `err` from writing `file` in the directory `dir`, in plain words if
/// the cause is a read-only or full disk; otherwise unchanged.
pub fn explain(dir: &Path, file: &Path, err: anyhow::Error) -> anyhow::Error {
    if err.chain().any(|c| c.downcast_ref::<Failure>().is_some()) {
        return err;
    }
    unwritable(dir, file, true).unwrap_or(err)
}

/// Open `path` for writing without following a link, creating it 0600 if
/// missing (for lock files).
pub fn open_private(path: &Path) -> Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return link_error(path);
        }
        anyhow::Error::new(e).context(format!("cannot open {}", path.display()))
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn open_modes_are_unsafe_for_the_directory_and_its_parents() {
        let tmp = tempfile::tempdir().unwrap();
        chmod(tmp.path(), 0o755);
        let dir = tmp.path().join("data");
        std::fs::create_dir(&dir).unwrap();
        chmod(&dir, 0o700);
        assert!(unsafe_dir(&dir).is_none());
        chmod(&dir, 0o770);
        let found = unsafe_dir(&dir).unwrap();
        assert_eq!(found.path, dir);
        assert!(
            found.why.contains("writable by group (mode 0770)"),
            "{found:?}"
        );
        chmod(&dir, 0o700);
        // A missing directory is checked from its nearest parent.
        chmod(tmp.path(), 0o777);
        let found = unsafe_dir(&dir.join("a/b")).unwrap();
        assert_eq!(found.path, tmp.path());
        assert!(found.why.contains("group and others"), "{found:?}");
        // Sticky and root's, like /tmp: fine for a parent, never for the
        // data directory itself.
        if euid() == 0 {
            chmod(tmp.path(), 0o1777);
            assert!(unsafe_dir(&dir).is_none());
            chmod(&dir, 0o1777);
            assert_eq!(unsafe_dir(&dir).unwrap().path, dir);
        }
    }

    #[test]
    fn every_link_among_the_data_files_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(refuse_links(tmp.path()).is_ok());
        for file in data_files(tmp.path()) {
            std::os::unix::fs::symlink(tmp.path().join("nowhere"), &file).unwrap();
            let err = refuse_links(tmp.path()).unwrap_err();
            assert!(err.to_string().contains("is a symbolic link"), "{err}");
            assert!(open_private(&file).is_err());
            assert!(!tmp.path().join("nowhere").exists());
            std::fs::remove_file(&file).unwrap();
        }
    }
}
