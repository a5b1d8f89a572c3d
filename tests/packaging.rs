//! The packages install the same things: the .deb (`[package.metadata.deb]`
//! in Cargo.toml, built and installed by tests/platforms/deb.sh) and the
//! Homebrew formula (packaging/homebrew/hubint.rb), and `cargo package`
//! ships what both need. The formula cannot be run here; it must at least
//! be valid Ruby (`ruby -c`).

use std::path::Path;
use std::process::Command;

const FORMULA: &str = "packaging/homebrew/hubint.rb";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn manifest() -> toml::Table {
    let text = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    text.parse().unwrap()
}

fn formula() -> String {
    std::fs::read_to_string(root().join(FORMULA)).unwrap()
}

/// The .deb's assets as (source, destination); a link has source `-> TARGET`.
fn deb_assets() -> Vec<(String, String)> {
    let manifest = manifest();
    let assets = manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .expect("[package.metadata.deb] assets");
    assets
        .iter()
        .map(|asset| match asset {
            toml::Value::Array(a) => (
                a[0].as_str().unwrap().to_string(),
                a[1].as_str().unwrap().to_string(),
            ),
            toml::Value::Table(t) => (
                format!("-> {}", t["link_name"].as_str().unwrap()),
                t["dest"].as_str().unwrap().to_string(),
            ),
            other => panic!("unexpected asset {other}"),
        })
        .collect()
}

fn deb_dest(source: &str) -> String {
    deb_assets()
        .into_iter()
        .find(|(s, _)| s == source)
        .unwrap_or_else(|| panic!("the .deb does not install {source}"))
        .1
}

#[test]
fn the_deb_installs_everything_in_the_system_places() {
    assert_eq!(deb_dest("target/release/hubint"), "usr/bin/");
    assert_eq!(
        deb_dest("-> hubint"),
        "usr/bin/docker-credential-hubint",
        "the credential helper is a link to hubint"
    );
    assert_eq!(deb_dest("man/*.1"), "usr/share/man/man1/");
    let completions = [
        (
            "completions/hubint.bash",
            "usr/share/bash-completion/completions/hubint",
        ),
        (
            "completions/_hubint",
            "usr/share/zsh/vendor-completions/_hubint",
        ),
        (
            "completions/hubint.fish",
            "usr/share/fish/vendor_completions.d/hubint.fish",
        ),
    ];
    for (source, dest) in completions {
        assert_eq!(deb_dest(source), dest);
        assert!(root().join(source).is_file(), "{source} is committed");
    }
    for doc in ["README.md", "LICENSE-MIT", "LICENSE-APACHE"] {
        assert_eq!(deb_dest(doc), format!("usr/share/doc/hubint/{doc}"));
        assert!(root().join(doc).is_file(), "{doc} exists");
    }
}

#[test]
fn the_homebrew_formula_installs_what_the_deb_installs() {
    let f = formula();
    let has = |line: &str| {
        assert!(
            f.lines().any(|l| l.trim() == line),
            "{FORMULA} lacks the line `{line}`"
        )
    };
    has(r#"system "cargo", "install", *std_cargo_args"#);
    has(r#"bin.install_symlink "hubint" => "docker-credential-hubint""#);
    // The same sources as the .deb, each to Homebrew's place for it.
    assert_eq!(deb_dest("man/*.1"), "usr/share/man/man1/");
    has(r#"man1.install Dir["man/*.1"]"#);
    for (source, brew) in [
        (
            "completions/hubint.bash",
            r#"bash_completion.install "completions/hubint.bash" => "hubint""#,
        ),
        (
            "completions/_hubint",
            r#"zsh_completion.install "completions/_hubint""#,
        ),
        (
            "completions/hubint.fish",
            r#"fish_completion.install "completions/hubint.fish""#,
        ),
    ] {
        deb_dest(source);
        has(brew);
    }
    assert!(f.contains("\n  test do\n"), "the formula has a test block");
    let version = env!("CARGO_PKG_VERSION");
    has(&format!(
        r#"url "https://static.crates.io/crates/hubint/hubint-{version}.crate""#
    ));
    has(r#"license any_of: ["MIT", "Apache-2.0"]"#);
    assert_eq!(
        manifest()["package"]["license"].as_str(),
        Some("MIT OR Apache-2.0")
    );
}

#[test]
fn cargo_package_ships_what_the_packages_install() {
    let manifest = manifest();
    let include: Vec<&str> = manifest["package"]["include"]
        .as_array()
        .expect("an include list")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for needed in [
        "/src/**/*",
        "/man/*.1",
        "/completions/*",
        "/Cargo.lock",
        "/README.md",
        "/LICENSE-MIT",
        "/LICENSE-APACHE",
    ] {
        assert!(include.contains(&needed), "include lacks {needed}");
    }
    assert!(
        !include
            .iter()
            .any(|i| i.starts_with("/tests") || i.starts_with("/bench")),
        "no tests or benchmarks in the crate: {include:?}"
    );
}

#[test]
fn the_homebrew_formula_is_valid_ruby() {
    let out = match Command::new("ruby")
        .arg("-c")
        .arg(root().join(FORMULA))
        .output()
    {
        Ok(out) => out,
        Err(e) if std::env::var_os("HUBINT_TEST_KEYRING").is_none() => {
            eprintln!("skipped: no ruby ({e}); tests/run installs it");
            return;
        }
        Err(e) => panic!("ruby -c: {e} (tests/run installs the ruby package)"),
    };
    assert!(out.status.success(), "ruby -c {FORMULA}: {out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "Syntax OK");
}
