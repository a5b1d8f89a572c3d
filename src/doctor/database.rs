//! The database file: is it SQLite, is it intact, is its schema one this
//! hubint knows.

use std::path::Path;

use super::{Report, error_parts, shell_word};
use crate::context::Ctx;
use crate::db::{self, Db, SCHEMA_VERSION};

/// Check the database and open it (migrated) if it is usable; `None` if
/// there is none yet or it cannot be used. With `create` (to recover into
/// it), a missing database is created.
pub fn check(ctx: &Ctx, create: bool, report: &mut Report) -> Option<Db> {
    let path = ctx.paths.db_path();
    if !path.exists() && create {
        return match ctx.open_db() {
            Ok(db) => {
                report.ok("database", format!("created {}", path.display()));
                Some(db)
            }
            Err(err) => {
                let (detail, fix) = error_parts(&err, "");
                report.problem("database", detail, fix);
                None
            }
        };
    }
    if !path.exists() {
        report.ok(
            "database",
            format!("no database yet at {} (nothing added)", path.display()),
        );
        return None;
    }
    if !integrity(&path, report) {
        return None;
    }
    schema(&path, report)
}

/// What to do about a database that cannot be used.
fn replace_it(path: &Path) -> String {
    let word = shell_word(path);
    format!(
        "restore it from a backup, or `mv {word} {word}.broken` to start a new one, then \
         `hubint doctor --recover` to rebuild the integrations from their passwords' stores"
    )
}

/// `PRAGMA integrity_check` on the file as it is (nothing is migrated).
fn integrity(path: &Path, report: &mut Report) -> bool {
    let result = db::integrity_check(path);
    match result {
        Ok(lines) if lines == ["ok"] => {
            report.ok(
                "database",
                format!("{}: integrity check passed", path.display()),
            );
            true
        }
        Ok(lines) => {
            let more = match lines.len() {
                0 | 1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            report.problem(
                "database",
                format!(
                    "{}: integrity check failed: {}{more}",
                    path.display(),
                    lines.first().map_or("no result", String::as_str)
                ),
                replace_it(path),
            );
            false
        }
        Err(err) if db::is_damaged(&err) => {
            report.problem(
                "database",
                format!("{} {}", path.display(), db::damage(&err)),
                replace_it(path),
            );
            false
        }
        Err(err) => {
            let fallback = format!("make {} readable and writable by you", shell_word(path));
            let (detail, fix) = error_parts(&err, &fallback);
            report.problem("database", detail, fix);
            false
        }
    }
}

/// The schema version: current, older (then upgraded, as any command
/// would), or newer than this hubint knows.
fn schema(path: &Path, report: &mut Report) -> Option<Db> {
    let version = db::schema_version(path);
    let version = match version {
        Ok(v) => v,
        Err(err) => {
            let (detail, _) = error_parts(&err, "");
            report.problem("schema", detail, replace_it(path));
            return None;
        }
    };
    if version > SCHEMA_VERSION {
        report.problem(
            "schema",
            format!(
                "version {version}, newer than this hubint knows ({SCHEMA_VERSION}): \
                 a newer hubint wrote it"
            ),
            "upgrade hubint",
        );
        return None;
    }
    match Db::open(path) {
        Ok(db) => {
            report.ok(
                "schema",
                if version == SCHEMA_VERSION {
                    format!("version {version} (current)")
                } else {
                    format!("version {version}, upgraded to {SCHEMA_VERSION}")
                },
            );
            Some(db)
        }
        Err(err) => {
            let (detail, fix) = error_parts(&err, "");
            let fix = if fix.is_empty() {
                replace_it(path)
            } else {
                fix
            };
            report.problem("schema", detail, fix);
            None
        }
    }
}
