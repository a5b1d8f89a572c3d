//! The reference text beyond the flags: exit codes, environment variables,
//! files and examples. This is the only copy: `--help` formats it here and
//! the man pages (`cargo xtask generate`, see `xtask/src/man.rs`) render the
//! same tables.

use crate::error::Code;

mod examples;
mod rules;

pub use examples::{EXAMPLES, Example};
pub use rules::{PAGES, Page, page_of};

/// Every exit code, with its meaning.
pub const EXIT_CODES: &[(Code, &str)] = &[
    (Code::Ok, "ok"),
    (Code::Failure, "other failure"),
    (Code::Usage, "usage error or invalid value"),
    (Code::NotFound, "not found"),
    (
        Code::Conflict,
        "conflict: name taken, or integration still in use",
    ),
    (
        Code::SecretStore,
        "secret store unavailable or locked, or its passphrase missing or wrong",
    ),
    (
        Code::VerifyFailed,
        "verification failed: credentials rejected, or the registry could not be checked",
    ),
    (
        Code::DoctorProblems,
        "doctor found problems (each is printed with its fix)",
    ),
    (
        Code::CannotRun,
        "exec: the command cannot be run (not executable)",
    ),
    (Code::CommandNotFound, "exec: the command was not found"),
    (Code::Cancelled, "cancelled at a prompt"),
];

/// The environment variables hubint reads: the one table, rendered in
/// `--help`, in hubint(1) and in the README (checked by a test). A row
/// whose text starts with "setting KEY:" is a setting of the config file
/// (see `config.rs`): its variable is `HUBINT_` and the key in upper case,
/// and `hubint config --help` and `config set`'s hints show the same text.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "HUBINT_HOME",
        "the one directory for the database, the encrypted store and config.toml (default: the platform's data and config directories, see Files)",
    ),
    (
        "HUBINT_SECRET_STORE",
        "setting secret-store: where add keeps new secrets: auto (the OS keyring if there is \
         one, else the encrypted file), keyring or file",
    ),
    (
        "HUBINT_KEYRING_TIMEOUT",
        "setting keyring-timeout: seconds to wait for the OS keyring before failing with exit 5 \
         (more than 0, at most 3600)",
    ),
    // Team store (issue #15, core).
    (
        "HUBINT_STORE",
        "setting store: where the catalog and secrets live: local (the database here, default) \
         or team (a KV v2 mount of OpenBao or Vault, see team-addr and team-mount)",
    ),
    (
        "HUBINT_TEAM_ADDR",
        "setting team-addr: the team store's address, e.g. https://bao.example.com:8200; \
         when empty, VAULT_ADDR, else BAO_ADDR",
    ),
    (
        "HUBINT_TEAM_MOUNT",
        "setting team-mount: the KV v2 mount of the team store",
    ),
    (
        "VAULT_ADDR",
        "team store address when team-addr is unset (BAO_ADDR too)",
    ),
    (
        "VAULT_NAMESPACE",
        "team store: the namespace sent as X-Vault-Namespace (BAO_NAMESPACE too)",
    ),
    (
        "VAULT_CACERT",
        "team store: a PEM file of the server's CA, trusted besides the OS roots (BAO_CACERT too)",
    ),
    (
        "VAULT_CLIENT_TIMEOUT",
        "team store: the bound of every request, in seconds or as 30s, default 10s (BAO_CLIENT_TIMEOUT too)",
    ),
    // Team store authentication (src/team/auth).
    (
        "HUBINT_TEAM_AUTH",
        "setting team-auth: how hubint gets its team store token: token (VAULT_TOKEN, BAO_TOKEN \
         or ~/.vault-token), approle or jwt (a login, its token cached until shortly before it expires)",
    ),
    (
        "HUBINT_TEAM_AUTH_MOUNT",
        "setting team-auth-mount: the path of the approle or jwt auth method (empty: approle or jwt)",
    ),
    (
        "HUBINT_TEAM_ROLE_ID",
        "setting team-role-id: the AppRole role_id (team-auth approle)",
    ),
    (
        "HUBINT_TEAM_SECRET_ID_FILE",
        "setting team-secret-id-file: the file holding the AppRole secret_id (team-auth approle)",
    ),
    (
        "HUBINT_TEAM_JWT_ROLE",
        "setting team-jwt-role: the role of the jwt auth method to log in as (team-auth jwt)",
    ),
    (
        "HUBINT_TEAM_JWT_FILE",
        "setting team-jwt-file: the file holding the CI job's JWT, e.g. a GitLab id_token (team-auth jwt)",
    ),
    (
        "HUBINT_PASSPHRASE",
        "passphrase of the encrypted file store (never passed on by exec)",
    ),
    (
        "HUBINT_PASSPHRASE_FILE",
        "file holding that passphrase (at most 4 KiB; one trailing newline removed)",
    ),
    ("HUBINT_NO_INPUT", "never prompt, as with --no-input"),
    (
        "HUBINT_SUBSCRIPTION",
        "credential helper: serve only the integrations attached to this subscription",
    ),
    (
        "HUBINT_INTEGRATION",
        "credential helper: serve only this integration",
    ),
    (
        "DOCKER_CONFIG",
        "directory of the docker config.json (default: ~/.docker)",
    ),
    (
        "REGISTRY_AUTH_FILE",
        "a containers auth.json that doctor checks too",
    ),
    (
        "AWS_ENDPOINT_URL_ECR",
        "ecr: the ECR API endpoint tokens are minted at (else AWS_ENDPOINT_URL, else \
         https://api.ecr.REGION.amazonaws.com)",
    ),
    (
        "AWS_REGION",
        "ecr: the region when the registry host does not name one (else AWS_DEFAULT_REGION, else \
         the profile's region in ~/.aws/config)",
    ),
    (
        "AWS_PROFILE",
        "an ecr integration on the AWS default credential chain: the profile of ~/.aws/credentials and \
         ~/.aws/config (default: default), \
         used when AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) are unset",
    ),
    ("NO_COLOR", "disable colour"),
    (
        "COMPLETE",
        "set by the completion scripts: print completions for that shell instead of running",
    ),
];

/// What setting `key` is for: its row of [`ENVIRONMENT`] without the
/// "setting KEY: " prefix.
pub fn setting_help(key: &str) -> Option<&'static str> {
    let prefix = format!("setting {key}: ");
    ENVIRONMENT
        .iter()
        .find_map(|(_, text)| text.strip_prefix(prefix.as_str()))
}

/// The `--help` text after the subcommands of `hubint config`: each
/// setting, its default and its variable.
pub fn settings_help() -> String {
    let rows: Vec<(String, String)> = crate::config::defaults_shown()
        .into_iter()
        .map(|(key, default)| {
            let help = setting_help(&key).unwrap_or_default();
            let default = if default.is_empty() {
                "unset".to_string()
            } else {
                default
            };
            let var = crate::config::env_var(&key);
            let text = format!("{help} (default: {default}; environment: {var})");
            (key, text)
        })
        .collect();
    let rows: Vec<(&str, &str)> = rows.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
    let mut out = table("Settings", &rows);
    out.push_str(
        "\n\nThe config file is config.toml in the config directory ($HUBINT_HOME if set;\n\
         see Files in `hubint --help`). The environment overrides it.",
    );
    out
}

/// The Environment table of the README (markdown).
pub fn environment_markdown() -> String {
    let mut out = String::from("| variable | meaning |\n| --- | --- |\n");
    for (var, text) in ENVIRONMENT {
        out.push_str(&format!("| `{var}` | {text} |\n"));
    }
    out
}

/// The files hubint keeps.
pub const FILES: &[(&str, &str)] = &[
    (
        "$HUBINT_HOME/hubint.db",
        "the metadata database (SQLite, plus -wal, -shm and .pending-lock files); never holds passwords",
    ),
    (
        "~/.local/share/hubint/",
        "the data directory on Linux when HUBINT_HOME is unset ($XDG_DATA_HOME/hubint if that is set)",
    ),
    (
        "~/Library/Application Support/hubint/",
        "the data directory on macOS when HUBINT_HOME is unset",
    ),
    (
        "$HUBINT_HOME/secrets.age",
        "the encrypted file store (age, scrypt passphrase), with its lock file secrets.age.lock",
    ),
    (
        "$HUBINT_HOME/store-note",
        "why the note that new secrets go to the file store was last shown (shown again when that changes)",
    ),
    (
        "config.toml",
        "settings (hubint config), in the config directory: $HUBINT_HOME, else ~/.config/hubint/ on Linux",
    ),
    (
        "OS keyring",
        "the passwords (Secret Service, macOS Keychain, Windows Credential Manager)",
    ),
];

/// The examples of a command ("integration add"); empty if it has none.
pub fn examples(path: &str) -> &'static [Example] {
    EXAMPLES
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(&[], |(_, examples)| examples)
}

/// The `--help` text after the options of `hubint` itself.
pub fn after_help() -> String {
    let codes: Vec<(String, &str)> = EXIT_CODES
        .iter()
        .map(|(code, text)| ((*code as u8).to_string(), *text))
        .collect();
    let mut out = table("Exit codes", &codes);
    out.push_str("\n\n");
    out.push_str(&table("Environment", ENVIRONMENT));
    out.push_str("\n\n");
    out.push_str(&table("Files", FILES));
    out
}

/// The `--help` text after the options of a subcommand: its examples.
pub fn examples_help(path: &str) -> String {
    let mut out = String::from("Examples:");
    for example in examples(path) {
        out.push_str("\n  ");
        out.push_str(example.about);
        for line in example.command.lines() {
            out.push_str("\n    ");
            out.push_str(line);
        }
    }
    out
}

/// Help lines stay within this many columns, so that clap does not re-wrap
/// them (losing the alignment) on terminals at least this wide.
const HELP_WIDTH: usize = 80;

/// "Heading:" and one aligned `term  text` row per entry, the text wrapped
/// under itself.
fn table<T: AsRef<str>>(heading: &str, rows: &[(T, &str)]) -> String {
    let width = rows
        .iter()
        .map(|(t, _)| t.as_ref().len())
        .max()
        .unwrap_or(0);
    let indent = 2 + width + 2;
    let mut out = format!("{heading}:");
    for (term, text) in rows {
        out.push_str(&format!("\n  {:width$}  ", term.as_ref()));
        let mut column = indent;
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 && column + 1 + word.len() > HELP_WIDTH {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                column = indent;
            } else if i > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += word.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exit_code_is_documented_once() {
        let codes: Vec<u8> = EXIT_CODES.iter().map(|(c, _)| *c as u8).collect();
        assert_eq!(codes, [0, 1, 2, 3, 4, 5, 6, 7, 126, 127, 130]);
    }

    #[test]
    fn example_lines_fit_a_man_page_at_80_columns() {
        for (path, examples) in EXAMPLES {
            for line in examples.iter().flat_map(|e| e.command.lines()) {
                assert!(line.len() <= 66, "'{path}': example line too long: {line}");
            }
        }
    }

    #[test]
    fn the_readme_has_the_environment_table() {
        let readme = include_str!("../../README.md");
        let table = environment_markdown();
        assert!(
            readme.contains(&format!("## Environment\n\n{table}\n")),
            "README's Environment table must be:\n{table}END"
        );
    }

    /// Variables only tests and development read; never documented.
    const DEVELOPMENT_ONLY: &[&str] = &["HUBINT_FAILPOINT"];

    fn quoted_variables(dir: &std::path::Path, found: &mut std::collections::BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                quoted_variables(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split("\"HUBINT_").skip(1) {
                    let name: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                        .collect();
                    if !name.is_empty() && piece[name.len()..].starts_with('"') {
                        found.insert(format!("HUBINT_{name}"));
                    }
                }
            }
        }
    }

    #[test]
    fn every_variable_hubint_reads_is_in_the_table() {
        let mut found = std::collections::BTreeSet::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        quoted_variables(&src, &mut found);
        assert!(found.contains("HUBINT_HOME"), "{found:?}");
        for var in found {
            let documented = ENVIRONMENT.iter().any(|(v, _)| *v == var);
            let removed = crate::config::REMOVED.iter().any(|(v, _)| *v == var);
            assert!(
                documented || removed || DEVELOPMENT_ONLY.contains(&var.as_str()),
                "{var} is read but not in docs::ENVIRONMENT"
            );
        }
    }

    #[test]
    fn help_tables_are_aligned() {
        let help = after_help();
        assert!(help.starts_with("Exit codes:\n  0    ok\n"), "{help}");
        // The column is as wide as the longest variable.
        let home = help
            .lines()
            .find(|l| l.starts_with("  HUBINT_HOME "))
            .expect("HUBINT_HOME row");
        assert!(
            home["  HUBINT_HOME".len()..]
                .trim_start()
                .starts_with("the one directory")
        );
        assert!(help.lines().all(|l| l.len() <= HELP_WIDTH), "{help}");
    }
}
