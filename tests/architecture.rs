//! The layers hold (see ARCHITECTURE.md): SQLite is reached only through
//! the catalog backend in `src/db/`, and commands reach storage only
//! through the domain service (`src/service/`).

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The files under `src/` (relative, with `/`) whose code mentions `needle`.
fn files_mentioning(needle: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut found: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = fs::read_to_string(path).unwrap();
            text.lines()
                .map(str::trim_start)
                .filter(|line| !line.starts_with("//"))
                .any(|line| line.contains(needle))
        })
        .map(|path| {
            let rel = path.strip_prefix(root).unwrap();
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn rusqlite_only_in_the_sqlite_backend() {
    let outside: Vec<String> = files_mentioning("rusqlite")
        .into_iter()
        .filter(|f| !f.starts_with("src/db/"))
        .collect();
    assert!(
        outside.is_empty(),
        "rusqlite is used outside src/db/ (the SQLite catalog backend): {outside:?}"
    );
}

#[test]
fn commands_reach_storage_only_through_the_service() {
    let mut offenders = Vec::new();
    for needle in [
        "crate::db",
        "open_db()",
        "read_db()",
        "file_store()",
        "KeyringStore",
        "FileStore",
    ] {
        offenders.extend(
            files_mentioning(needle)
                .into_iter()
                .filter(|f| f.starts_with("src/commands/") || f.starts_with("src/form/"))
                .map(|f| format!("{f}: {needle}")),
        );
    }
    assert!(
        offenders.is_empty(),
        "commands must go through crate::service::Service: {offenders:?}"
    );
}

/// The add path (ARCHITECTURE.md) is a straight chain: commands → service →
/// `service/write.rs` → the catalog and the secret store. The writes get what
/// they need from the context handed down (`write::Env`), so they never call
/// back up into the service, the context or the recovery module.
#[test]
fn the_writes_only_call_downwards() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join("src/service/write.rs")).unwrap();
    let allowed = [
        "use std::",
        "use anyhow::",
        "use super::catalog::",
        "use super::in_use::",
        "use super::model::",
        "use crate::secret::",
        "use crate::error::",
        "use crate::ui::",
        // Crash-test hooks, compiled out of release builds.
        "use crate::failpoint;",
    ];
    let upward: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("use "))
        .filter(|line| !allowed.iter().any(|ok| line.starts_with(ok)))
        .collect();
    assert!(
        upward.is_empty(),
        "service/write.rs calls upwards: {upward:?}"
    );
    for needle in ["super::super", "crate::context", "crate::recovery", "ctx."] {
        assert!(!text.contains(needle), "service/write.rs mentions {needle}");
    }
}
