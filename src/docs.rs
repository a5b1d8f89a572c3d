//! The reference text beyond the flags: exit codes, environment variables,
//! files and examples. This is the only copy: `--help` formats it here and
//! the man pages (`hubint generate`, see `man.rs`) render the same tables.

use crate::error::Code;

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
    (Code::Cancelled, "cancelled at a prompt"),
];

/// The environment variables hubint reads.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "HUBINT_HOME",
        "data and config directory (default: see Files)",
    ),
    (
        "HUBINT_CONFIG",
        "the config file (default: config.toml in the config directory)",
    ),
    (
        "HUBINT_SECRET_STORE",
        "where add keeps new secrets: auto, keyring or file (overrides the config file)",
    ),
    (
        "HUBINT_PASSPHRASE",
        "passphrase of the encrypted file store",
    ),
    (
        "HUBINT_PASSPHRASE_FILE",
        "file holding that passphrase (one trailing newline removed)",
    ),
    (
        "HUBINT_KEYRING_TIMEOUT",
        "seconds to wait for the OS keyring (default: 5)",
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
    ("NO_COLOR", "disable colour"),
    (
        "COMPLETE",
        "set by the completion scripts: print completions for that shell instead of running",
    ),
];

/// The files hubint keeps.
pub const FILES: &[(&str, &str)] = &[
    (
        "$HUBINT_HOME/hubint.db",
        "the metadata database (SQLite, plus -wal and -shm files); never holds passwords",
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
        "config.toml",
        "settings (hubint config), in the config directory or at $HUBINT_CONFIG",
    ),
    (
        "OS keyring",
        "the passwords (Secret Service, macOS Keychain, Windows Credential Manager)",
    ),
];

/// One example: what it does, then the command line.
pub struct Example {
    pub about: &'static str,
    pub command: &'static str,
}

const fn ex(about: &'static str, command: &'static str) -> Example {
    Example { about, command }
}

/// Examples per command, keyed by the command path without the program name
/// ("" is `hubint` itself).
pub const EXAMPLES: &[(&str, &[Example])] = &[
    (
        "",
        &[
            ex(
                "Add a Docker Hub login; the access token comes from standard input:",
                "hubint add --name dockerhub --username alice \\\n    --password-stdin < token.txt",
            ),
            ex(
                "Add a private registry and attach it to a subscription:",
                "hubint add --name acme --url registry.acme.test:5000 \\\n    --username ci --password-file acme.pw --subscription acme-ci",
            ),
            ex("List the integrations as JSON:", "hubint list --json"),
            ex(
                "Complete names in bash (add to ~/.bashrc):",
                "source <(hubint completions bash)",
            ),
        ],
    ),
    (
        "integration",
        &[
            ex(
                "List the integrations of one family:",
                "hubint integration list --family hub",
            ),
            ex(
                "The same commands work without the word integration:",
                "hubint show dockerhub",
            ),
        ],
    ),
    (
        "integration add",
        &[
            ex("On a terminal, prompt for everything:", "hubint add"),
            ex(
                "Without prompts, for Docker Hub:",
                "hubint add --name dockerhub --username alice \\\n    --password-stdin < token.txt",
            ),
            ex(
                "A private registry, attached to a subscription:",
                "hubint add --name acme --url registry.acme.test:5000 \\\n    --username ci --password-file acme.pw --subscription acme-ci",
            ),
        ],
    ),
    (
        "integration edit",
        &[
            ex(
                "Rename an integration:",
                "hubint edit dockerhub --name hub-alice",
            ),
            ex(
                "Replace its password:",
                "hubint edit acme --password-stdin < new-token.txt",
            ),
            ex(
                "Remove its email address:",
                "hubint edit dockerhub --clear-email",
            ),
        ],
    ),
    (
        "integration delete",
        &[
            ex("Delete without a prompt:", "hubint delete acme --yes"),
            ex(
                "Delete one still in use, detaching it everywhere:",
                "hubint delete acme --yes --detach-all",
            ),
        ],
    ),
    (
        "integration list",
        &[
            ex("List every integration:", "hubint list"),
            ex(
                "Those of one subscription, as JSON:",
                "hubint list --subscription acme-ci --json",
            ),
        ],
    ),
    (
        "integration show",
        &[
            ex("Show one integration:", "hubint show dockerhub"),
            ex("As JSON:", "hubint show dockerhub --json"),
        ],
    ),
    (
        "docker-config",
        &[
            ex(
                "Point docker, podman and skopeo at hubint (no password in the file):",
                "hubint docker-config",
            ),
            ex(
                "A config for one subscription's pipeline:",
                "hubint docker-config --subscription web-app --output auth.json\nexport HUBINT_SUBSCRIPTION=web-app\nskopeo inspect --authfile auth.json docker://reg.example.com/app",
            ),
        ],
    ),
    (
        "import",
        &[ex(
            "Move docker logins into hubint, then remove the plaintext:",
            "hubint import docker-config --scrub",
        )],
    ),
    (
        "import docker-config",
        &[
            ex(
                "Import ~/.docker/config.json:",
                "hubint import docker-config",
            ),
            ex(
                "Import a containers auth.json:",
                "hubint import docker-config \\\n    \"$XDG_RUNTIME_DIR/containers/auth.json\"",
            ),
        ],
    ),
    (
        "env",
        &[ex(
            "Load one integration into the shell:",
            "eval \"$(hubint env dockerhub)\"",
        )],
    ),
    (
        "exec",
        &[ex(
            "Run a command with one integration in its environment:",
            "hubint exec dockerhub -- sh -c \\\n    'echo \"$DOCKERHUB_INTEGRATION_USERNAME\"'",
        )],
    ),
    (
        "install-helper",
        &[ex(
            "Install docker-credential-hubint next to hubint:",
            "hubint install-helper --dir ~/.local/bin",
        )],
    ),
    (
        "credential-helper",
        &[ex(
            "What docker runs on a pull:",
            "echo registry.example.com | hubint credential-helper get",
        )],
    ),
    (
        "integration move",
        &[
            ex(
                "Move one secret into the encrypted file store:",
                "export HUBINT_PASSPHRASE_FILE=~/.hubint-pass\nhubint move dockerhub --to file",
            ),
            ex(
                "Move every secret back to the OS keyring:",
                "hubint move --all --to keyring",
            ),
        ],
    ),
    (
        "config",
        &[ex(
            "Keep new secrets in the encrypted file store by default:",
            "hubint config set secret-store file",
        )],
    ),
    (
        "config get",
        &[ex(
            "Where new secrets go:",
            "hubint config get secret-store",
        )],
    ),
    (
        "config set",
        &[ex(
            "Let hubint choose (keyring if it answers):",
            "hubint config set secret-store auto",
        )],
    ),
    (
        "config list",
        &[ex(
            "Every setting and where it comes from:",
            "hubint config list",
        )],
    ),
    (
        "secret-store",
        &[ex(
            "Change the passphrase of the encrypted file store:",
            "hubint secret-store passwd",
        )],
    ),
    (
        "secret-store passwd",
        &[ex(
            "Change it from a script:",
            "hubint secret-store passwd --new-passphrase-file new-pass.txt",
        )],
    ),
    (
        "integration verify",
        &[
            ex("Check that a login still works:", "hubint verify dockerhub"),
            ex(
                "Check them all from CI (exit 6 if any fails):",
                "hubint verify --all --json --timeout 10",
            ),
        ],
    ),
    (
        "subscription",
        &[ex(
            "Attach, then list:",
            "hubint subscription attach acme-ci dockerhub\nhubint subscription list",
        )],
    ),
    (
        "subscription attach",
        &[ex(
            "Attach dockerhub to acme-ci (created if missing):",
            "hubint subscription attach acme-ci dockerhub",
        )],
    ),
    (
        "subscription detach",
        &[ex(
            "Detach dockerhub from acme-ci:",
            "hubint subscription detach acme-ci dockerhub",
        )],
    ),
    (
        "subscription list",
        &[
            ex(
                "List subscriptions and their integrations:",
                "hubint subscription list",
            ),
            ex("As JSON:", "hubint subscription list --json"),
        ],
    ),
    (
        "completions",
        &[
            ex(
                "bash (add to ~/.bashrc):",
                "source <(hubint completions bash)",
            ),
            ex(
                "zsh (add to ~/.zshrc, after compinit):",
                "source <(hubint completions zsh)",
            ),
            ex(
                "fish:",
                "hubint completions fish > ~/.config/fish/completions/hubint.fish",
            ),
        ],
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
        assert_eq!(codes, [0, 1, 2, 3, 4, 5, 6, 130]);
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
    fn help_tables_are_aligned() {
        let help = after_help();
        assert!(help.starts_with("Exit codes:\n  0    ok\n"), "{help}");
        assert!(help.contains("\n  HUBINT_HOME             data and config"));
        assert!(help.lines().all(|l| l.len() <= HELP_WIDTH), "{help}");
    }
}
