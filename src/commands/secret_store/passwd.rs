//! `hubint secret-store passwd`

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::error::Failure;
use crate::output::Output;
use crate::secret::SecretStore;
use crate::secret::passphrase::{self, ENV_PASSPHRASE, ENV_PASSPHRASE_FILE};

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
    let store = ctx.file_store();
    if !store.exists() {
        return Err(Failure::not_found(format!(
            "there is no encrypted secret store at {}",
            store.path().display()
        ))
        .hint("it is created when a secret is first stored with `--secret-store file`")
        .into());
    }
    // Check the current passphrase before asking for a new one.
    store.unlock()?;
    let new = passphrase::obtain_new(
        &ctx.ui,
        args.new_passphrase_stdin,
        args.new_passphrase_file.as_deref(),
    )?;
    store.change_passphrase(new)?;
    ctx.ui.status(format!(
        "Re-encrypted {} under the new passphrase. Update {ENV_PASSPHRASE} or \
         {ENV_PASSPHRASE_FILE} wherever you set them.",
        store.path().display()
    ));
    Ok(Output::Nothing)
}
