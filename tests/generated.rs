//! The committed completion scripts (`completions/`) and man pages (`man/`)
//! must be what the current CLI definition generates. With
//! `HUBINT_UPDATE_GENERATED=1` this test rewrites them instead of failing.

mod common;

use std::path::Path;

use common::TestEnv;

const UPDATE_VAR: &str = "HUBINT_UPDATE_GENERATED";

#[test]
fn committed_files_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os(UPDATE_VAR).is_some_and(|v| v == "1") {
        let changed = hubint::generated::write(root).expect("write the generated files");
        eprintln!("{UPDATE_VAR}=1: {changed} generated files rewritten");
        return;
    }
    let problems = hubint::generated::differences(root);
    assert!(
        problems.is_empty(),
        "the generated files differ from the CLI definition:\n  {}\n\
         regenerate them with `{UPDATE_VAR}=1 cargo test --test generated` \
         (or `cargo run -- generate`), review and commit",
        problems.join("\n  ")
    );
}

#[test]
fn the_generate_command_writes_the_same_files() {
    let env = TestEnv::new();
    let dir = env.path().join("out");
    let out = env
        .cmd(&["generate", "--dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(hubint::generated::differences(&dir).is_empty());
    // A file that is not generated any more is removed.
    let stale = dir.join("man").join("hubint-gone.1");
    std::fs::write(&stale, "old").unwrap();
    assert_eq!(
        hubint::generated::differences(&dir),
        ["man/hubint-gone.1 is not generated any more"]
    );
    let out = env
        .cmd(&["generate", "--dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(!stale.exists());
    assert!(
        !env.hubint_home.exists(),
        "generate touched the data directory"
    );
}
