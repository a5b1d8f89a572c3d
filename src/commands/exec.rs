//! `hubint exec NAME -- COMMAND...`: run COMMAND with one integration in its
//! environment only (the variables of `hubint env`). Nothing is written to
//! disk; on Unix hubint replaces itself with COMMAND, so its exit status and
//! signals are COMMAND's own.

use std::ffi::OsString;
use std::process::Command;

use anyhow::{Context, Result};
use clap::Args;

use crate::commands::env;
use crate::context::Ctx;
use crate::error::Failure;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct ExecArgs {
    /// The integration to expose
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The command and its arguments, after `--`
    #[arg(value_name = "COMMAND", last = true, required = true)]
    pub command: Vec<OsString>,
}

pub fn run(ctx: &Ctx, args: &ExecArgs) -> Result<Output> {
    let Some((program, rest)) = args.command.split_first() else {
        return Err(Failure::usage("missing the command to run after `--`").into());
    };
    let vars = env::variables(ctx, &args.name)?;
    let mut command = Command::new(program);
    command.args(rest);
    for (key, value) in &vars {
        command.env(key, value.as_str());
    }
    let shown = program.to_string_lossy().into_owned();
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = command.exec();
        Err(err).with_context(|| format!("cannot run {shown}"))
    }
    #[cfg(not(unix))]
    {
        let status = command
            .status()
            .with_context(|| format!("cannot run {shown}"))?;
        drop(vars);
        std::process::exit(status.code().unwrap_or(1));
    }
}
