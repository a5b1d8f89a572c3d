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
    needs_commands!("man");
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
        // The full lists are on hubint(1) only; the others refer to it.
        if name == "hubint.1" {
            assert!(text.contains("HUBINT_HOME"), "{name}");
        } else {
            assert!(!text.contains("HUBINT_HOME"), "{name}: the full list");
            assert!(
                text.contains("listed in hubint(1)"),
                "{name}: no reference to hubint(1)"
            );
        }
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{name}: line over 80 columns: {line}"
            );
        }
    }
}

/// The page as man renders it at 80 columns, on one line per paragraph.
fn rendered(env: &TestEnv, page: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("man").join(page);
    let out = env
        .program("man", &[])
        .args(["-l"])
        .arg(&path)
        .env("MANWIDTH", "1000")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn each_subcommand_page_carries_its_own_rules_and_exit_codes() {
    needs_commands!("man");
    let env = TestEnv::new();
    let delete = rendered(&env, "hubint-integration-delete.1");
    assert!(
        delete.contains("An integration cannot be deleted while subscriptions use it"),
        "{delete}"
    );
    assert!(
        delete.contains("4 subscriptions still use the integration"),
        "{delete}"
    );
    let sub_delete = rendered(&env, "hubint-subscription-delete.1");
    assert!(
        sub_delete.contains("4 integrations are attached"),
        "{sub_delete}"
    );
    let env_page = rendered(&env, "hubint-env.1");
    assert!(env_page.contains("my-key-1 gives MYKEY1"), "{env_page}");
    let list = rendered(&env, "hubint-integration-list.1");
    assert!(list.contains("tab-separated"), "{list}");
    let top = rendered(&env, "hubint.1");
    for section in ["EXIT CODES", "ENVIRONMENT", "FILES"] {
        assert!(top.contains(section), "{top}");
    }
    assert!(top.contains("HUBINT_PASSPHRASE_FILE"), "{top}");
}
