//! The clap definition of the whole command line.

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser};

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
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// The whole command tree with every help text: what `hubint --help`
/// shows, and what the man pages are made from.
pub fn command() -> clap::Command {
    let cmd = Cli::command().after_help(crate::docs::after_help());
    let shorthands = shorthands(&cmd);
    cmd.mut_subcommands(|sub| {
        // `hubint add` is `hubint integration add`, examples included.
        let path = match shorthands.iter().any(|s| s == sub.get_name()) {
            true => format!("integration {}", sub.get_name()),
            false => sub.get_name().to_string(),
        };
        with_examples(sub, &path)
    })
}

/// The top-level commands that are `integration` subcommands of the same
/// name (`hubint add` for `hubint integration add`).
pub fn shorthands(cmd: &clap::Command) -> Vec<String> {
    let Some(group) = cmd.find_subcommand("integration") else {
        return Vec::new();
    };
    group
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| cmd.find_subcommand(name).is_some())
        .collect()
}

/// `cmd` (at `path`, such as `integration add`) and its subcommands, each
/// with its examples (`crate::docs::examples`) after its help, unless it
/// has an after-help of its own.
fn with_examples(cmd: clap::Command, path: &str) -> clap::Command {
    let cmd = match cmd.get_after_help().is_none() && !crate::docs::examples(path).is_empty() {
        true => cmd.after_help(crate::docs::examples_help(path)),
        false => cmd,
    };
    cmd.mut_subcommands(|sub| {
        let path = format!("{path} {}", sub.get_name());
        with_examples(sub, &path)
    })
}

/// Parse the command line. The reference tables after the top-level help
/// (exit codes, environment, files) and every command's examples are
/// formatted only when help may be shown, and the command tree is not
/// freed, since the process ends soon after. Each of those costs more than
/// the parse of `--version` or `list` itself (bench/RESULTS.md).
pub fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let full = may_show_help(args);
    match parse_with(if full { command() } else { Cli::command() }, args) {
        // A group without its subcommand shows its help: with its examples.
        Err(e) if !full && e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            parse_with(command(), args)
        }
        parsed => parsed,
    }
}

fn parse_with(mut cmd: clap::Command, args: &[OsString]) -> Result<Cli, clap::Error> {
    let parsed = cmd.try_get_matches_from_mut(args).and_then(|mut matches| {
        Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))
    });
    std::mem::forget(cmd);
    parsed
}

/// Whether clap may print the top-level help: no arguments, or `-h`,
/// `--help` or `help` before any `--`.
fn may_show_help(args: &[OsString]) -> bool {
    args.len() < 2
        || args
            .iter()
            .skip(1)
            .take_while(|a| *a != "--")
            .any(|a| a == "-h" || a == "--help" || a == "help")
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

    /// Show raw errors (such as D-Bus's) next to their plain-words explanation
    #[arg(long, global = true)]
    pub verbose: bool,
}

/// The error for an argument that is not UTF-8, naming it (clap only says
/// that one of them is not) and showing its bad bytes as `\xNN` (never for
/// `--password`). Arguments after `--` are the business of the command they
/// go to (`exec`) and are not looked at.
pub fn invalid_utf8(args: &[std::ffi::OsString]) -> String {
    let position = args
        .iter()
        .take_while(|a| *a != "--")
        .position(|a| a.to_str().is_none());
    let Some(i) = position else {
        return "an argument is not valid UTF-8".into();
    };
    let bytes = args[i].as_encoded_bytes();
    let previous = i
        .checked_sub(1)
        .and_then(|p| args[p].to_str())
        .filter(|p| p.starts_with('-') && !p.contains('='));
    let inline = bytes
        .iter()
        .position(|&b| b == b'=')
        .filter(|_| bytes.starts_with(b"--"))
        .and_then(|eq| Some((std::str::from_utf8(&bytes[..eq]).ok()?, &bytes[eq + 1..])));
    let (what, value) = match (inline, previous) {
        (Some((flag, value)), _) => (format!("the value of {flag}"), value),
        (None, Some(flag)) => (format!("the value of {flag}"), bytes),
        (None, None) => (format!("argument {i}"), bytes),
    };
    if what.ends_with("--password") {
        return format!("{what} is not valid UTF-8");
    }
    let mut shown = String::new();
    for chunk in value.utf8_chunks() {
        shown.push_str(&chunk.valid().escape_debug().to_string());
        for b in chunk.invalid() {
            shown.push_str(&format!("\\x{b:02x}"));
        }
    }
    format!(
        "{what} is not valid UTF-8: '{}'",
        crate::validate::excerpt(&shown)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    /// Every command with examples shows them after its help, but those
    /// with an after-help of their own; a shorthand shows its command's.
    #[test]
    fn examples_follow_the_help_of_their_command() {
        let cmd = command();
        let own = ["", "config", "env", "exec"];
        for (path, _) in crate::docs::EXAMPLES
            .iter()
            .filter(|(p, _)| !own.contains(p))
        {
            let sub = path
                .split(' ')
                .try_fold(&cmd, |c, name| c.find_subcommand(name))
                .unwrap_or_else(|| panic!("no command {path}"));
            let help = sub.get_after_help().map(ToString::to_string);
            assert_eq!(help, Some(crate::docs::examples_help(path)), "{path}");
        }
        let add = cmd.find_subcommand("add").and_then(|c| c.get_after_help());
        assert!(add.is_some_and(|h| h.to_string().contains("hubint add")));
    }

    #[cfg(unix)]
    #[test]
    fn invalid_utf8_names_the_argument() {
        use std::os::unix::ffi::OsStringExt;
        let bad = || std::ffi::OsString::from_vec(b"a\xffb".to_vec());
        let args = |rest: Vec<std::ffi::OsString>| {
            let mut all = vec!["hubint".into(), "add".into()];
            all.extend(rest);
            all
        };
        let msg = invalid_utf8(&args(vec!["--name".into(), bad()]));
        assert_eq!(msg, r"the value of --name is not valid UTF-8: 'a\xffb'");
        let mut eq = b"--url=".to_vec();
        eq.push(0xff);
        let msg = invalid_utf8(&args(vec![std::ffi::OsString::from_vec(eq)]));
        assert_eq!(msg, r"the value of --url is not valid UTF-8: '\xff'");
        assert!(invalid_utf8(&args(vec![bad()])).starts_with("argument 2 is"));
        let msg = invalid_utf8(&args(vec!["--password".into(), bad()]));
        assert_eq!(msg, "the value of --password is not valid UTF-8");
    }

    #[test]
    fn integration_verbs_are_top_level_aliases() {
        for verb in ["add", "edit", "delete", "list", "show", "verify"] {
            assert!(Cli::command().find_subcommand(verb).is_some(), "{verb}");
        }
    }
}
