//! The AWS shared files, read as the AWS SDKs and CLI read them:
//! - the credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else
//!   `~/.aws/credentials`), whose sections are profile names;
//! - the config file (`AWS_CONFIG_FILE`, else `~/.aws/config`), whose
//!   sections are `[default]` and `[profile NAME]`.
//!
//! The profile is `AWS_PROFILE`, else `default`. Keys may stand in either
//! file (the credentials file wins, as in the SDKs); the region comes from
//! the config file. Nested settings (indented lines under `s3 =`) and other
//! section kinds (`[sso-session ..]`, `[services ..]`) are not for hubint.

use std::collections::BTreeMap;
use std::path::PathBuf;

use zeroize::Zeroizing;

/// A setting's value: some are secret keys, wiped when dropped.
type Value = Zeroizing<String>;

/// One profile's settings, from both files.
pub struct Profile {
    pub name: String,
    credentials: BTreeMap<String, Value>,
    config: BTreeMap<String, Value>,
}

impl Profile {
    /// The profile `AWS_PROFILE` names (else `default`), as the files on
    /// this machine define it; empty where a file is missing.
    pub fn current() -> Profile {
        let name = env("AWS_PROFILE").unwrap_or_else(|| "default".to_string());
        let credentials = read(
            "AWS_SHARED_CREDENTIALS_FILE",
            ".aws/credentials",
            |section| section == name,
        );
        let config = read("AWS_CONFIG_FILE", ".aws/config", |section| {
            config_section_is(section, &name)
        });
        Profile {
            name,
            credentials,
            config,
        }
    }

    /// A setting: from the credentials file, else the config file.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.credentials
            .get(key)
            .or_else(|| self.config.get(key))
            .map(|v| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// The profile's region (config file only, as in the SDKs).
    pub fn region(&self) -> Option<&str> {
        self.config
            .get("region")
            .map(|v| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

fn env(key: &str) -> Option<String> {
    std::env::var(key).ok().filter(|v| !v.trim().is_empty())
}

/// The wanted section of the file `var` names, else of `~/<default>`.
fn read(var: &str, default: &str, wanted: impl Fn(&str) -> bool) -> BTreeMap<String, Value> {
    let path = env(var)
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|b| b.home_dir().join(default)));
    path.and_then(|p| std::fs::read_to_string(p).ok())
        .map(|text| section(&Zeroizing::new(text), wanted))
        .unwrap_or_default()
}

/// Whether a config-file section header names `profile`: `[profile NAME]`,
/// or `[default]` for the default profile.
fn config_section_is(section: &str, profile: &str) -> bool {
    match section.strip_prefix("profile") {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim() == profile,
        _ => section == "default" && profile == "default",
    }
}

/// The `key = value` pairs of the sections `wanted` picks, in an INI text.
/// The last value of a key wins.
fn section(text: &str, wanted: impl Fn(&str) -> bool) -> BTreeMap<String, Value> {
    let mut inside = false;
    let mut pairs = BTreeMap::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = wanted(header.trim());
            continue;
        }
        // An indented line belongs to a nested setting (`s3 =`).
        if !inside || raw.starts_with(char::is_whitespace) {
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            pairs.insert(
                key.trim().to_string(),
                Zeroizing::new(strip_comment(value).to_string()),
            );
        }
    }
    pairs
}

/// A value without an inline comment (` # ...` or ` ; ...`).
fn strip_comment(value: &str) -> &str {
    let cut = value
        .match_indices([' ', '\t'])
        .map(|(at, _)| at)
        .find(|&at| value[at..].trim_start().starts_with(['#', ';']));
    cut.map_or(value, |at| &value[..at]).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_sections_are_profile_names() {
        let text = "[default]\naws_access_key_id = A\n\n[ci]\naws_access_key_id=C\n";
        let ci = section(text, |s| s == "ci");
        assert_eq!(ci.get("aws_access_key_id").map(|v| v.as_str()), Some("C"));
        assert!(section(text, |s| s == "nope").is_empty());
    }

    #[test]
    fn config_sections_say_profile() {
        let text = "[default]\nregion = eu-west-1\n[profile ci]\nregion = us-east-2 # CI\n\
                    s3 =\n  region = nested\n[sso-session ci]\nregion = no\n";
        let ci = section(text, |s| config_section_is(s, "ci"));
        assert_eq!(ci.get("region").map(|v| v.as_str()), Some("us-east-2"));
        let default = section(text, |s| config_section_is(s, "default"));
        assert_eq!(default.get("region").map(|v| v.as_str()), Some("eu-west-1"));
        assert!(config_section_is("profile default", "default"));
        assert!(!config_section_is("profileci", "ci"));
    }

    #[test]
    fn inline_comments_need_a_space() {
        assert_eq!(strip_comment(" a#b "), "a#b");
        assert_eq!(strip_comment(" ab ; note"), "ab");
        assert_eq!(strip_comment(" ab\t# note"), "ab");
    }
}
