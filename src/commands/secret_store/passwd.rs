//! `hubint secret-store passwd`

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::secret::passphrase::{self, ENV_PASSPHRASE, ENV_PASSPHRASE_FILE};
use crate::service;

#[derive(Args, Debug, Default)]
#[group(id = "new_passphrase_source", multiple = false)]
pub struct PasswdArgs {
    /// Read the new passphrase from standard input (at most 4 KiB; one
    /// trailing newline is removed)
    #[arg(long)]
    pub new_passphrase_stdin: bool,

    /// Read the new passphrase from FILE (at most 4 KiB; one trailing
    /// newline is removed)
    #[arg(long, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
}

/// The current passphrase comes from HUBINT_PASSPHRASE, HUBINT_PASSPHRASE_FILE
/// or a prompt; the new one from a flag or a prompt (asked twice).
pub fn run(ctx: &Ctx, args: &PasswdArgs) -> Result<Output> {
    let path = service::file_store::change_passphrase(ctx, || {
        passphrase::obtain_new(
            &ctx.ui,
            args.new_passphrase_stdin,
            args.new_passphrase_file.as_deref(),
        )
    })?;
    ctx.ui.status(format!(
        "Re-encrypted {} under the new passphrase. Update {ENV_PASSPHRASE} or \
         {ENV_PASSPHRASE_FILE} wherever you set them.",
        path.display()
    ));
    Ok(Output::Nothing)
}
