//! Helpers shared by the unit tests of several modules.

use std::path::{Path, PathBuf};

/// Assert that `check` passes every value of `good` and fails every value
/// of `bad`: the tables of the validators' tests.
pub fn sorts<T: std::fmt::Debug>(
    check: impl Fn(&str) -> Result<T, String>,
    good: &[&str],
    bad: &[&str],
) {
    for value in good {
        assert!(check(value).is_ok(), "{value:?}: {:?}", check(value));
    }
    for value in bad {
        assert!(check(value).is_err(), "{value:?} passed");
    }
}

/// For tests: a fresh temporary directory and the path `sub/NAME` in it,
/// whose directory does not exist yet (the code under test creates it).
pub fn temp_path(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join(name);
    (dir, path)
}

/// For tests: the permission bits of `path` are `mode` (Unix only).
pub fn assert_mode(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let found = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(found, mode, "{}", path.display());
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}
