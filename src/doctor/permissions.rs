//! File and directory permissions: the data directory is 0700, the
//! database (with its -wal and -shm files) and the encrypted store 0600.
//! `--fix` removes the group and other bits.

use std::path::PathBuf;

use super::Report;
use crate::context::Ctx;
use crate::paths;

/// What must be private: the data directory and the files in it.
fn targets(ctx: &Ctx) -> Vec<PathBuf> {
    let db = ctx.paths.db_path();
    vec![
        ctx.paths.data_dir.clone(),
        db.clone(),
        paths::sibling(&db, "-wal"),
        paths::sibling(&db, "-shm"),
        ctx.paths.secrets_path(),
    ]
}

#[cfg(unix)]
pub fn check(ctx: &Ctx, fix: bool, report: &mut Report) {
    use super::shell_word;
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    if !ctx.paths.data_dir.exists() {
        report.ok(
            "permissions",
            format!("no data directory yet at {}", ctx.paths.data_dir.display()),
        );
        return;
    }
    let mut open = 0;
    for path in targets(ctx) {
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o077 == 0 {
            continue;
        }
        open += 1;
        let private = mode & !0o077;
        let detail = format!(
            "{} is mode {mode:04o}: other users can get at it",
            path.display()
        );
        let command = format!("chmod go-rwx {}", shell_word(&path));
        if !fix {
            report.repairable("permissions", detail, command);
            continue;
        }
        match fs::set_permissions(&path, fs::Permissions::from_mode(private)) {
            Ok(()) => report.fixed(
                "permissions",
                format!("{} was mode {mode:04o}, now {private:04o}", path.display()),
            ),
            Err(e) => report.problem(
                "permissions",
                format!("{detail}; cannot change it: {e}"),
                command,
            ),
        }
    }
    if open == 0 {
        report.ok(
            "permissions",
            format!(
                "{} and the files in it are private to you",
                ctx.paths.data_dir.display()
            ),
        );
    }
}

#[cfg(not(unix))]
pub fn check(ctx: &Ctx, _fix: bool, report: &mut Report) {
    let _ = targets(ctx);
    report.skipped("permissions", "not checked on this operating system");
}
