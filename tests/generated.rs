//! The committed completion scripts (`completions/`) and man pages (`man/`)
//! must be what the current CLI definition generates: this runs
//! `cargo xtask generate --check`, in process. `cargo xtask generate`
//! rewrites them.

mod common;

use std::path::Path;

use common::TestEnv;
use xtask::generate_all::{self, Mode};

#[test]
fn committed_files_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Err(err) = generate_all::run(root, Mode::Check) {
        panic!("{err:#}");
    }
}

#[test]
fn write_mode_writes_what_check_mode_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let written = generate_all::run(root, Mode::Write).unwrap();
    assert_eq!(written, generate_all::files().len());
    assert_eq!(generate_all::run(root, Mode::Check).unwrap(), 0);
    assert_eq!(generate_all::run(root, Mode::Write).unwrap(), 0);

    // A file that is not generated any more fails the check, and writing
    // removes it.
    let stale = root.join("man").join("hubint-gone.1");
    std::fs::write(&stale, "old").unwrap();
    let err = generate_all::run(root, Mode::Check).unwrap_err();
    assert!(
        format!("{err:#}").contains("man/hubint-gone.1 is not generated any more"),
        "{err:#}"
    );
    assert_eq!(generate_all::run(root, Mode::Write).unwrap(), 1);
    assert!(!stale.exists());

    // So does a changed one, named with the command that fixes it.
    let page = root.join("man").join("hubint.1");
    std::fs::write(&page, "edited by hand").unwrap();
    let err = format!("{:#}", generate_all::run(root, Mode::Check).unwrap_err());
    assert!(err.contains("man/hubint.1 is out of date"), "{err}");
    assert!(err.contains("cargo xtask generate"), "{err}");
    assert_eq!(std::fs::read(&page).unwrap(), b"edited by hand");
}

/// The man pages as (file name, roff source).
fn man_pages() -> Vec<(String, String)> {
    generate_all::files()
        .into_iter()
        .filter_map(|(path, content)| {
            let name = path.strip_prefix("man").ok()?.to_str()?.to_string();
            Some((name, String::from_utf8(content).unwrap()))
        })
        .collect()
}

#[test]
fn one_page_per_visible_command_each_with_examples() {
    let pages = man_pages();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for expected in [
        "hubint.1",
        "hubint-integration-add.1",
        "hubint-subscription-detach.1",
        "hubint-completions.1",
    ] {
        assert!(names.contains(&expected), "{expected} missing: {names:?}");
    }
    assert!(!names.contains(&"hubint-add.1"), "{names:?}");
    assert!(!names.contains(&"hubint-generate.1"), "{names:?}");
    for (name, page) in &pages {
        for section in ["EXIT CODES", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"] {
            assert!(
                page.contains(&format!(".SH \"{section}\""))
                    || page.contains(&format!(".SH {section}")),
                "{name}: no {section}"
            );
        }
    }
}

#[test]
fn every_example_key_names_a_command() {
    let names: Vec<String> = man_pages().into_iter().map(|(n, _)| n).collect();
    for (path, _) in hubint::docs::EXAMPLES {
        let page = if path.is_empty() {
            "hubint.1".to_string()
        } else {
            format!("hubint-{}.1", path.replace(' ', "-"))
        };
        assert!(
            names.contains(&page),
            "examples for unknown command '{path}'"
        );
    }
}

/// Both spellings stay documented: `hubint integration add` has its page and
/// hubint(1) names `hubint add` as its shorthand; the completion scripts
/// offer both.
#[test]
fn the_top_level_shorthands_are_documented() {
    let pages = man_pages();
    let top = &pages.iter().find(|(n, _)| n == "hubint.1").unwrap().1;
    assert!(
        top.contains("are shorthands for the") && top.contains("hubint integration"),
        "{top}"
    );
    let files = generate_all::files();
    let fish = files
        .iter()
        .find(|(p, _)| p.ends_with("hubint.fish"))
        .map(|(_, c)| String::from_utf8_lossy(c).into_owned())
        .unwrap();
    for line in [
        r#"complete -c hubint -n "__fish_hubint_needs_command" -f -a "add""#,
        r#"complete -c hubint -n "__fish_hubint_needs_command" -f -a "integration""#,
    ] {
        assert!(fish.contains(line), "{line}");
    }
    assert!(!fish.contains(r#"-f -a "generate""#));
}

/// The generators live in xtask/ only: the shipped binary has no
/// `generate` command and does not depend on clap_mangen.
#[test]
fn the_binary_carries_no_generator() {
    let env = TestEnv::new();
    let out = env.cmd(&["generate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unrecognized subcommand 'generate'"),
        "{stderr}"
    );
    assert!(
        !env.hubint_home.exists(),
        "generate touched the data directory"
    );

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let deps = manifest["dependencies"].as_table().unwrap();
    for generator_only in ["clap_mangen", "xtask"] {
        assert!(!deps.contains_key(generator_only), "{generator_only}");
    }
}
