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
  5    secret store unavailable or locked
  130  cancelled at a prompt

Environment:
  HUBINT_HOME             data and config directory (default: the XDG data dir)
  HUBINT_KEYRING_TIMEOUT  seconds to wait for the OS keyring (default: 5)
  HUBINT_NO_INPUT         never prompt, as with --no-input
  HUBINT_SUBSCRIPTION     credential helper: serve only this subscription's integrations
  HUBINT_INTEGRATION      credential helper: serve only this integration
  DOCKER_CONFIG           directory of the docker config.json (default: ~/.docker)
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
