//! `hubint generate` (hidden): rewrite the committed completion scripts and
//! man pages from the current CLI definition.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::generated;
use crate::output::Output;

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// The repository root: completions/ and man/ are written under it
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

pub fn run(ctx: &Ctx, args: &GenerateArgs) -> Result<Output> {
    let changed = generated::write(&args.dir)?;
    ctx.ui.status(format!(
        "Generated {} under {} ({changed} changed).",
        generated::DIRS.map(|d| format!("{d}/")).join(" and "),
        args.dir.display()
    ));
    Ok(Output::Nothing)
}
