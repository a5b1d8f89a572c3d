//! `hubint integration add`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::password::PasswordArgs;
use crate::secret::StoreKind;
use crate::verify::args::SaveCheckArgs;

#[derive(Args, Debug, Default)]
pub struct AddArgs {
    #[command(flatten)]
    pub of: crate::catalog::KindArgs,

    /// Unique name: 1-64 letters, digits, '-', '_', '.', starting with a letter or digit
    #[arg(long)]
    pub name: Option<String>,

    /// Registry URL or host[:port] [default: Docker Hub]
    #[arg(long)]
    pub url: Option<String>,

    /// Registry username
    #[arg(long)]
    pub username: Option<String>,

    /// Email registered with the registry (optional)
    #[arg(long)]
    pub email: Option<String>,

    #[command(flatten)]
    pub password: PasswordArgs,

    /// Attach to this subscription, creating it if needed (repeatable)
    #[arg(long = "subscription", value_name = "SUBSCRIPTION", add = crate::complete::subscriptions())]
    pub subscriptions: Vec<String>,

    #[command(flatten)]
    pub check: SaveCheckArgs,
    /// Where to keep the password [default: HUBINT_SECRET_STORE, else the
    /// config file, else the OS keyring if there is one, else the encrypted file]
    #[arg(long, value_name = "STORE")]
    pub secret_store: Option<StoreKind>,
}

/// The edge of the add path (ARCHITECTURE.md): one call hands the flags to
/// the form, which fills in what is missing and hands one request to the
/// service; the saved row comes back only to be reported.
pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Output> {
    let saved = crate::form::add::save(ctx, args)?;
    ctx.ui.status(format!(
        "Added integration {} ({}/{} for {}); password stored in the {}.",
        saved.name,
        saved.family,
        saved.kind,
        saved.registry,
        saved.secret_store.describe()
    ));
    Ok(Output::Integration(Box::new(saved)))
}
