//! The committed man pages render with man(1) without a warning, at 80
//! columns, and carry more than the flags. `bash tests/run` installs man-db
//! and groff; without them this test fails.

mod common;

use std::path::{Path, PathBuf};

use common::TestEnv;

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    pages
}

#[test]
fn every_page_renders_without_warnings() {
    let env = TestEnv::new();
    let pages = pages();
    assert!(pages.len() > 10, "{pages:?}");
    for page in pages {
        let out = env
            .program("man", &[])
            .args(["--warnings", "-l"])
            .arg(&page)
            .env("MANWIDTH", "80")
            .output()
            .unwrap_or_else(|e| panic!("cannot run man ({e}); `bash tests/run` installs man-db"));
        let name = page.file_name().unwrap().to_string_lossy();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {}\n{stderr}", out.status);
        assert!(stderr.is_empty(), "{name}: warnings:\n{stderr}");
        let text = String::from_utf8_lossy(&out.stdout);
        for section in [
            "NAME",
            "SYNOPSIS",
            "OPTIONS",
            "EXIT CODES",
            "ENVIRONMENT",
            "FILES",
        ] {
            assert!(
                text.contains(&format!("\n{section}\n")),
                "{name}: no {section}:\n{text}"
            );
        }
        assert!(text.contains("\nEXAMPLES\n"), "{name}: no EXAMPLES");
        assert!(text.contains("HUBINT_HOME"), "{name}");
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{name}: line over 80 columns: {line}"
            );
        }
    }
}
