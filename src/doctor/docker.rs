//! The container tools' config files: plaintext passwords in docker's
//! `config.json` and containers' `auth.json`, and credential helpers they
//! name that are not installed.

use serde_json::{Map, Value};

use super::{Report, error_parts, shell_word};
use crate::dockerconfig::{self, ConfigFile, Contents};
use crate::external_helper;

/// What a config file holds that doctor cares about.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Inspection {
    /// The `auths` keys whose entry holds a password, token or `auth`.
    pub plaintext: Vec<String>,
    /// `(JSON path, helper name)` of `credsStore` and each `credHelpers` entry.
    pub helpers: Vec<(String, String)>,
    /// What is malformed (a JSON path and why), if anything.
    pub malformed: Vec<String>,
}

/// Look at a config's top-level object. Never fails: what is malformed is
/// listed, the rest is still inspected.
pub fn inspect(root: &Map<String, Value>) -> Inspection {
    let contents = Contents::of(root);
    let mut found = Inspection::default();
    for entry in contents.auths {
        match entry {
            Ok(entry) => {
                if entry.fields.is_some_and(dockerconfig::holds_secret) {
                    found.plaintext.push(entry.key.to_string());
                }
            }
            Err(malformed) => found.malformed.push(malformed.to_string()),
        }
    }
    for entry in contents.helpers {
        match entry {
            Ok(entry) => {
                if let Some(name) = entry.name.filter(|n| !n.is_empty()) {
                    found.helpers.push((entry.path, name.to_string()));
                }
            }
            Err(malformed) => found.malformed.push(malformed.to_string()),
        }
    }
    found
}

/// The existing files, loaded; a file that cannot be read is a problem.
pub fn configs(report: &mut Report) -> Vec<ConfigFile> {
    let mut configs = Vec::new();
    for path in dockerconfig::files().iter().filter(|p| p.exists()) {
        match ConfigFile::load(path) {
            Ok(config) => configs.push(config),
            Err(err) => {
                let (detail, fix) = error_parts(&err, "fix or remove the file");
                report.problem("docker config", detail, fix);
            }
        }
    }
    configs
}

/// Plaintext passwords left in the files (and malformed entries).
pub fn plaintext(configs: &[ConfigFile], report: &mut Report) {
    let mut clean = Vec::new();
    for config in configs {
        let found = inspect(&config.root);
        let path = &config.path;
        for why in &found.malformed {
            report.problem(
                "docker config",
                format!("{}: {why}", path.display()),
                "fix or remove that entry",
            );
        }
        if found.plaintext.is_empty() {
            clean.push(path.display().to_string());
            continue;
        }
        report.problem(
            "docker config",
            format!(
                "{} holds plaintext passwords for {}",
                path.display(),
                found.plaintext.join(", ")
            ),
            format!("hubint import docker-config --scrub {}", shell_word(path)),
        );
    }
    if configs.is_empty() {
        report.ok(
            "docker config",
            "no docker config.json or containers auth.json",
        );
    } else if !clean.is_empty() {
        report.ok(
            "docker config",
            format!("no plaintext passwords in {}", clean.join(", ")),
        );
    }
}

/// Credential helpers named in the files that are not on PATH.
pub fn helpers(configs: &[ConfigFile], report: &mut Report) {
    let mut installed = Vec::new();
    for config in configs {
        let found = inspect(&config.root);
        let mut names: Vec<&str> = found.helpers.iter().map(|(_, n)| n.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        for helper in names {
            let program = format!("docker-credential-{helper}");
            if external_helper::which(&program).is_some() {
                installed.push(program);
                continue;
            }
            let paths: Vec<&str> = found
                .helpers
                .iter()
                .filter(|(_, n)| n == helper)
                .map(|(p, _)| p.as_str())
                .collect();
            let fix = if helper == dockerconfig::HELPER {
                "hubint install-helper (into a directory on PATH)".to_string()
            } else {
                format!(
                    "install {program}, or remove {} from {}",
                    paths.join(", "),
                    shell_word(&config.path)
                )
            };
            report.problem(
                "cred helpers",
                format!(
                    "{}: {} {} {program}, which is not on PATH",
                    config.path.display(),
                    paths.join(", "),
                    if paths.len() == 1 { "names" } else { "name" }
                ),
                fix,
            );
        }
    }
    installed.sort_unstable();
    installed.dedup();
    if !installed.is_empty() {
        report.ok("cred helpers", format!("on PATH: {}", installed.join(", ")));
    } else if !report.checks.iter().any(|f| f.check == "cred helpers") {
        report.ok("cred helpers", "no credential helpers configured");
    }
}
