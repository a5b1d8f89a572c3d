//! `hubint exec NAME -- COMMAND...`: run COMMAND with one integration in its
//! environment only (the variables of `hubint env`). Nothing is written to
//! disk; on Unix hubint replaces itself with COMMAND, so its exit status and
//! signals are COMMAND's own.
//!
//! COMMAND gets exactly one integration: the variables that would let it
//! read other secrets (the file store's passphrase, see
//! [`passphrase::SECRET_VARS`]) and the variables of other integrations
//! (`*_INTEGRATION_*` of an earlier `hubint env`) are removed from its
//! environment. A command that is not found exits 127, one that cannot be
//! run 126, as `env` and shells do.

use std::ffi::OsString;
use std::io;
use std::process::Command;

use anyhow::Result;
use clap::Args;

use crate::commands::env;
use crate::context::Ctx;
use crate::error::{Code, Failure};
use crate::output::Output;
use crate::secret::passphrase;

#[derive(Args, Debug, Default)]
pub struct ExecArgs {
    /// The integration to expose
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The command and its arguments, after `--`. It gets this integration's
    /// variables, and neither HUBINT_PASSPHRASE, HUBINT_PASSPHRASE_FILE nor
    /// other integrations' variables
    #[arg(value_name = "COMMAND", last = true, required = true)]
    pub command: Vec<OsString>,
}

/// The suffixes of the variables `hubint env` prints.
const SUFFIXES: [&str; 4] = [
    "_INTEGRATION_USERNAME",
    "_INTEGRATION_PASSWORD",
    "_INTEGRATION_EMAIL",
    "_INTEGRATION_URL",
];

pub fn run(ctx: &Ctx, args: &ExecArgs) -> Result<Output> {
    let Some((program, rest)) = args.command.split_first() else {
        return Err(Failure::usage("missing the command to run after `--`").into());
    };
    let vars = env::variables(ctx, &args.name)?;
    let mut command = Command::new(program);
    command.args(rest);
    for name in removed(std::env::vars_os().map(|(k, _)| k)) {
        command.env_remove(name);
    }
    for (key, value) in &vars {
        command.env(key, value.as_str());
    }
    let shown = crate::validate::excerpt(&program.to_string_lossy());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        crate::harden::restore_for_child(&mut command);
        let err = command.exec();
        Err(cannot_run(&shown, err))
    }
    #[cfg(not(unix))]
    {
        let status = command.status().map_err(|e| cannot_run(&shown, e))?;
        drop(vars);
        std::process::exit(status.code().unwrap_or(1));
    }
}

/// The variables of the parent's environment the command must not get.
fn removed(names: impl Iterator<Item = OsString>) -> Vec<OsString> {
    names
        .filter(|name| {
            let name = name.to_string_lossy();
            passphrase::SECRET_VARS.contains(&name.as_ref())
                || SUFFIXES.iter().any(|s| name.ends_with(s))
        })
        .collect()
}

/// Exit 127 for a command not found, 126 for one that cannot be run.
fn cannot_run(shown: &str, err: io::Error) -> anyhow::Error {
    let (code, hint) = match err.kind() {
        io::ErrorKind::NotFound => (
            Code::CommandNotFound,
            "check the command's name, or give its full path",
        ),
        _ => (
            Code::CannotRun,
            "check that it is an executable file (chmod +x) for your user",
        ),
    };
    Failure::new(code, format!("cannot run {shown}: {err}"))
        .hint(hint)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_other_integrations_are_removed() {
        let names = [
            "HUBINT_PASSPHRASE",
            "HUBINT_PASSPHRASE_FILE",
            "OTHER_INTEGRATION_PASSWORD",
            "OTHER_INTEGRATION_URL",
            "HUBINT_HOME",
            "PATH",
        ];
        let gone = removed(names.iter().map(OsString::from));
        assert_eq!(gone.len(), 4, "{gone:?}");
    }
}
