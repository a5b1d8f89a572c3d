//! `hubint integration move NAME --to STORE` and `--all`

use std::collections::HashMap;

use anyhow::Result;
use clap::{ArgGroup, Args};

use crate::context::Ctx;
use crate::output::Output;
use crate::secret::StoreKind;
use crate::service::Service;
use crate::service::catalog::Filter;
use crate::service::model::Integration;

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("which").required(true).args(["name", "all"])))]
pub struct MoveArgs {
    /// The integration whose secret to move
    #[arg(value_name = "NAME")]
    pub name: Option<String>,

    /// Move the secret of every integration that is not in STORE yet
    #[arg(long)]
    pub all: bool,

    /// The store to move the secret to
    #[arg(long, value_name = "STORE")]
    pub to: StoreKind,
}

pub fn run(ctx: &Ctx, args: &MoveArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let targets = match &args.name {
        Some(name) => vec![service.get(name)?],
        None => service
            .list(&Filter::default())?
            .into_iter()
            .filter(|i| i.secret_store != args.to)
            .collect(),
    };
    let moved = service.relocate(&targets, args.to)?;
    let by_id: HashMap<&str, &Integration> = moved.iter().map(|m| (m.id.as_str(), m)).collect();
    for target in &targets {
        match by_id.get(target.id.as_str()) {
            Some(saved) => ctx.ui.status(format!(
                "Moved the secret of {} from the {} to the {}.",
                saved.name,
                target.secret_store.describe(),
                args.to.describe()
            )),
            None => ctx.ui.status(format!(
                "The secret of {} is already in the {}.",
                target.name,
                args.to.describe()
            )),
        }
    }
    if args.all && targets.is_empty() {
        ctx.ui.status(format!(
            "Every secret is already in the {}.",
            args.to.describe()
        ));
    }
    Ok(Output::Moved(moved))
}
