//! The container tools' config files: plaintext passwords in docker's
//! `config.json` and containers' `auth.json`, and credential helpers they
//! name that are not installed.

use std::path::PathBuf;

use serde_json::{Map, Value};

use super::{Report, error_parts, shell_word};
use crate::commands::import::sources::SECRET_KEYS;
use crate::dockerconfig::{self, ConfigFile, child};
use crate::external_helper;

/// Where containers tools (podman, skopeo, buildah) keep their logins.
pub const ENV_REGISTRY_AUTH_FILE: &str = "REGISTRY_AUTH_FILE";

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
    let mut found = Inspection::default();
    match root.get("auths") {
        None | Some(Value::Null) => {}
        Some(Value::Object(auths)) => {
            for (key, entry) in auths {
                let holds_secret = |e: &Map<String, Value>| {
                    SECRET_KEYS
                        .iter()
                        .any(|k| matches!(e.get(*k), Some(Value::String(s)) if !s.is_empty()))
                };
                match entry {
                    Value::Object(e) if holds_secret(e) => found.plaintext.push(key.clone()),
                    Value::Object(_) | Value::Null => {}
                    other => found.malformed.push(format!(
                        "{}: {} is not an object",
                        child(".auths", key),
                        dockerconfig::kind(other)
                    )),
                }
            }
        }
        Some(other) => found.malformed.push(format!(
            ".auths: {} is not an object",
            dockerconfig::kind(other)
        )),
    }
    match root.get("credsStore") {
        None | Some(Value::Null) => {}
        Some(Value::String(name)) if name.is_empty() => {}
        Some(Value::String(name)) => found.helpers.push((".credsStore".into(), name.clone())),
        Some(other) => found.malformed.push(format!(
            ".credsStore: {} is not a string",
            dockerconfig::kind(other)
        )),
    }
    match root.get("credHelpers") {
        None | Some(Value::Null) => {}
        Some(Value::Object(helpers)) => {
            for (registry, name) in helpers {
                let path = child(".credHelpers", registry);
                match name {
                    Value::String(name) if !name.is_empty() => {
                        found.helpers.push((path, name.clone()))
                    }
                    Value::String(_) | Value::Null => {}
                    other => found.malformed.push(format!(
                        "{path}: {} is not a string",
                        dockerconfig::kind(other)
                    )),
                }
            }
        }
        Some(other) => found.malformed.push(format!(
            ".credHelpers: {} is not an object",
            dockerconfig::kind(other)
        )),
    }
    found
}

/// docker's config.json and the containers auth.json files, as container
/// tools look for them, each once.
fn files() -> Vec<PathBuf> {
    let env = |var: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let mut files = Vec::new();
    files.extend(dockerconfig::default_path().ok());
    files.extend(env(ENV_REGISTRY_AUTH_FILE));
    if let Some(runtime) = env("XDG_RUNTIME_DIR") {
        files.push(runtime.join("containers").join("auth.json"));
    }
    let config_home = env("XDG_CONFIG_HOME")
        .or_else(|| directories::BaseDirs::new().map(|b| b.home_dir().join(".config")));
    if let Some(config) = config_home {
        files.push(config.join("containers").join("auth.json"));
    }
    let mut seen = Vec::new();
    files.retain(|f| {
        let new = !seen.contains(f);
        seen.push(f.clone());
        new
    });
    files
}

/// The existing files, loaded; a file that cannot be read is a problem.
pub fn configs(report: &mut Report) -> Vec<ConfigFile> {
    let mut configs = Vec::new();
    for path in files().iter().filter(|p| p.exists()) {
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
