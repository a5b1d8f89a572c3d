//! The clap definition of the whole command line.

use clap::{Args, Parser};

use crate::commands::Command;

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
    after_help = crate::docs::after_help(),
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
    #[arg(
        long,
        global = true,
        env = "HUBINT_NO_INPUT",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
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
        for verb in ["add", "edit", "delete", "list", "show", "verify"] {
            assert!(Cli::command().find_subcommand(verb).is_some(), "{verb}");
        }
    }
}
