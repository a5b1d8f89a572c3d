//! The clap definition of the whole command line.

use clap::{Args, Parser};

use crate::commands::Command;

pub const AFTER_HELP: &str = "\
Exit codes:
  0    ok
  1    other failure
  2    usage error or invalid value
  3    not found
  4    conflict: name taken, or integration still in use
  5    secret store unavailable or locked, or its passphrase missing or wrong
  130  cancelled at a prompt

Environment:
  HUBINT_HOME             data and config directory (default: the XDG data dir)
  HUBINT_CONFIG           the config file (default: config.toml in the config dir)
  HUBINT_SECRET_STORE     where `add` keeps new secrets: auto, keyring or file
                          (overrides the config file's secret-store)
  HUBINT_PASSPHRASE       passphrase of the encrypted file store
  HUBINT_PASSPHRASE_FILE  file holding that passphrase (one trailing newline removed)
  HUBINT_KEYRING_TIMEOUT  seconds to wait for the OS keyring (default: 5)
  HUBINT_NO_INPUT         never prompt, as with --no-input
  NO_COLOR                disable colour";

#[derive(Parser, Debug)]
#[command(
    name = "hubint",
    version,
    about = "Keep container-registry credentials in the OS keyring and hand them to the tools that need them",
    long_about = "Keep container-registry credentials (integrations) in the OS keyring and hand \
                  them to the tools that need them.\n\n\
                  An integration is a named registry login (family `hub`, type `docker`: Docker Hub \
                  or any Docker Registry v2). Its password lives in the OS keyring; its other \
                  fields in a local SQLite database. A subscription is a project or organisation \
                  whose pipelines use the integrations attached to it.",
    after_help = AFTER_HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Print results as JSON on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// Never prompt; a missing value is an error naming its flag
    #[arg(long, global = true, env = "HUBINT_NO_INPUT")]
    pub no_input: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn integration_verbs_are_top_level_aliases() {
        for verb in ["add", "edit", "delete", "list", "show"] {
            assert!(Cli::command().find_subcommand(verb).is_some(), "{verb}");
        }
    }
}
