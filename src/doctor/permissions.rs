//! Owners, modes and links: the data directory is yours and 0700, its
//! parents are safe (see [`crate::files`]), its files (database, -wal, -shm,
//! locks, the encrypted store, config.toml) are yours, 0600 and no symbolic
//! links. `--fix` removes the group and other bits, and only that: never
//! through a link, never of a file owned by someone else.

#[cfg(unix)]
use std::path::Path;
use std::path::PathBuf;

use super::Report;
#[cfg(unix)]
use super::shell_word;
use crate::context::Ctx;
use crate::files;

const CHECK: &str = "permissions";

/// What must be private: the data directory and the files in it, and the
/// passphrase file named by `HUBINT_PASSPHRASE_FILE` (a regular file).
/// The directory itself may be a link (to where it really is).
fn targets(ctx: &Ctx) -> Vec<PathBuf> {
    let dir = &ctx.paths.data_dir;
    let passphrase_file = std::env::var_os(crate::secret::passphrase::ENV_PASSPHRASE_FILE)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    let mut targets = vec![std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone())];
    targets.extend(files::data_files(&ctx.paths.data_dir));
    targets.extend(passphrase_file);
    targets
}

#[cfg(unix)]
pub fn check(ctx: &Ctx, fix: bool, report: &mut Report) {
    let dir = &ctx.paths.data_dir;
    if let Some(found) = files::unsafe_dir(dir) {
        let fix = found.fix.clone();
        report.problem(
            CHECK,
            format!(
                "unsafe permissions on {}: {}",
                found.path.display(),
                found.why
            ),
            fix,
        );
    }
    if !dir.exists() {
        report.ok(CHECK, format!("no data directory yet at {}", dir.display()));
        return;
    }
    let before = report.checks.len();
    for path in targets(ctx) {
        check_one(&path, fix, report);
    }
    if report.checks.len() == before {
        report.ok(
            CHECK,
            format!("{} and the files in it are private to you", dir.display()),
        );
    }
}

/// One file or directory: a link or a foreign owner is a problem to fix by
/// hand; open modes are repairable.
#[cfg(unix)]
fn check_one(path: &Path, fix: bool, report: &mut Report) {
    use std::os::unix::fs::MetadataExt;

    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if meta.file_type().is_symlink() {
        let err = files::link_error(path);
        let hint = crate::error::hint(&err).unwrap_or_default().to_string();
        report.problem(CHECK, err.to_string(), hint);
        return;
    }
    let me = files::euid();
    if meta.uid() != me {
        report.problem(
            CHECK,
            format!(
                "{} is owned by uid {}, not by you (uid {me})",
                path.display(),
                meta.uid()
            ),
            format!(
                "check who made it; if it is yours: chown {me} {}",
                shell_word(path)
            ),
        );
        return;
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o077 == 0 {
        return;
    }
    let private = mode & !0o077;
    let detail = format!(
        "{} is mode {mode:04o}: other users can get at it",
        path.display()
    );
    let command = format!("chmod go-rwx {}", shell_word(path));
    if !fix {
        report.repairable(CHECK, detail, command);
        return;
    }
    match chmod_no_follow(path, private) {
        Ok(()) => report.fixed(
            CHECK,
            format!("{} was mode {mode:04o}, now {private:04o}", path.display()),
        ),
        Err(e) => report.problem(CHECK, format!("{detail}; cannot change it: {e}"), command),
    }
}

/// chmod `path` itself, never what a link there points to: the mode is set
/// on a descriptor opened with O_NOFOLLOW, so a link swapped in after the
/// check fails instead of being followed.
#[cfg(unix)]
fn chmod_no_follow(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?
        .set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub fn check(ctx: &Ctx, _fix: bool, report: &mut Report) {
    let _ = targets(ctx);
    report.skipped(CHECK, "not checked on this operating system");
}
