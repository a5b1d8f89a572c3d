//! `hubint team pull`: copy the team store's integrations (with their
//! secrets), subscriptions and links into the local catalog, whatever
//! `store` says. Matching, idempotence and crash order: `service::sync`.

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::error::Failure;
use crate::output::Output;
use crate::secret::StoreKind;
use crate::service::{Copied, Service};

#[derive(Args, Debug, Default)]
pub struct PullArgs {
    /// Where to keep the passwords of new local integrations [default:
    /// HUBINT_SECRET_STORE, else the config file, else the OS keyring if
    /// there is one, else the encrypted file]
    #[arg(long, value_name = "STORE")]
    pub secret_store: Option<StoreKind>,
    /// Count what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: &PullArgs) -> Result<Output> {
    if args.secret_store == Some(StoreKind::Team) {
        return Err(
            Failure::usage("--secret-store team does not apply to a pull")
                .hint("pull copies into a local store: keyring or file")
                .into(),
        );
    }
    let team = Service::open_team(ctx)?;
    let mut local = Service::open_local(ctx)?;
    let store = ctx.local_default_store(args.secret_store)?;
    let copied = local.copy_from(&team, store, args.dry_run)?;
    report(ctx, "local catalog", &copied)
}

/// The counts of a push or pull into `target`: JSON with `--json`, else
/// one line per count.
pub(super) fn report(ctx: &Ctx, target: &str, copied: &Copied) -> Result<Output> {
    if ctx.json {
        return Ok(Output::Text(format!(
            "{}\n",
            serde_json::to_string_pretty(copied)?
        )));
    }
    let verb = if copied.dry_run {
        "Would copy"
    } else {
        "Copied"
    };
    ctx.ui.status(format!("{verb} into the {target}:"));
    Ok(Output::Text(format!(
        "created\t{}\nupdated\t{}\nunchanged\t{}\nsubscriptions created\t{}\nlinks added\t{}\n",
        copied.created,
        copied.updated,
        copied.unchanged,
        copied.subscriptions_created,
        copied.links_added
    )))
}
