//! `hubint integration add`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::password::PasswordArgs;
use crate::secret::StoreKind;
use crate::service::Service;
use crate::service::model::Timestamp;
use crate::verify::{Credentials, args::SaveCheckArgs};

#[derive(Args, Debug, Default)]
pub struct AddArgs {
    /// Integration family [default: hub]
    #[arg(long, value_name = "FAMILY", add = crate::complete::families())]
    pub family: Option<String>,

    /// Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr [default:
    /// docker]
    #[arg(long = "type", value_name = "TYPE", add = crate::complete::types())]
    pub kind: Option<String>,

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
    /// config file, else the OS keyring if it answers, else the encrypted file]
    #[arg(long, value_name = "STORE")]
    pub secret_store: Option<StoreKind>,
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let mut new = crate::form::add::collect(ctx, args, service.catalog())?;
    let verified = match args.check.enabled() {
        true => {
            let login = Service::login_before_save(
                new.kind,
                &new.name,
                &new.registry,
                &new.username,
                &new.password,
            )?;
            let credentials = Credentials {
                username: &login.username,
                password: &login.password,
            };
            (args.check).check_before_save(&ctx.ui, &new.name, &new.registry, &credentials)?
        }
        false => None,
    };
    new.verified = verified.map(|report| (Timestamp::now(), report.result.to_string()));
    let saved = service.add(&new)?;
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
