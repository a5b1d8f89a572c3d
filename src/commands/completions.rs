//! `hubint completions SHELL`

use anyhow::Result;
use clap::Args;
use clap_complete::Shell;

use crate::complete;
use crate::context::Ctx;
use crate::output::Output;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to print the registration script for
    #[arg(value_name = "SHELL")]
    pub shell: Shell,
}

pub fn run(_ctx: &Ctx, args: &CompletionsArgs) -> Result<Output> {
    let mut script = Vec::new();
    complete::write_registration(args.shell, &mut script)?;
    Ok(Output::Text(String::from_utf8(script)?))
}
