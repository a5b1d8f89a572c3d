//! `hubint integration list`

use anyhow::Result;
use clap::Args;

use crate::catalog;
use crate::context::Ctx;
use crate::error::Failure;
use crate::list_tables;
use crate::output::Output;
use crate::service::Service;
use crate::service::catalog::Filter;
use crate::table::View;

#[derive(Args, Debug, Default)]
pub struct ListArgs {
    #[command(flatten)]
    pub of: catalog::KindArgs,

    /// Only integrations attached to this subscription
    #[arg(long, value_name = "SUBSCRIPTION", add = crate::complete::subscriptions())]
    pub subscription: Option<String>,

    /// Show every column in full, even wider than the terminal
    #[arg(long, conflicts_with = "columns")]
    pub wide: bool,

    /// Only these columns, in this order (comma-separated)
    #[arg(
        long,
        value_name = "COLUMN,...",
        value_delimiter = ',',
        value_parser = clap::builder::PossibleValuesParser::new(list_tables::INTEGRATION_KEYS),
        ignore_case = true
    )]
    pub columns: Vec<String>,
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Output> {
    // A misspelt filter is an error, not an empty list.
    let family = args.of.family.as_deref().map(catalog::family).transpose()?;
    if let Some(kind) = &args.of.kind {
        match family {
            Some(family) => drop(family.integration_type(kind)?),
            None if catalog::type_ids()
                .iter()
                .any(|t| t.eq_ignore_ascii_case(kind)) => {}
            None => {
                let kind = crate::validate::excerpt(kind);
                return Err(Failure::usage(format!("unknown integration type '{kind}'"))
                    .hint(format!("types: {}", catalog::type_ids().join(", ")))
                    .into());
            }
        }
    }
    let service = Service::reader(ctx)?;
    // A misspelt subscription is not an empty one: `list` fails on it.
    let filter = Filter {
        family: args.of.family.as_deref(),
        kind: args.of.kind.as_deref(),
        subscription: args.subscription.as_deref(),
        registry: None,
    };
    let list = service.list(&filter)?;
    if list.is_empty() && !filtered_any(args) {
        crate::recovery::warn_if_empty(ctx, service.catalog());
    }
    let filtered = filtered_any(args);
    if list.is_empty() && filtered && !ctx.json {
        ctx.ui.status("No integration matches these filters.");
        return Ok(Output::Nothing);
    }
    Ok(Output::Integrations(
        list,
        View::new(args.wide, &args.columns),
    ))
}

fn filtered_any(args: &ListArgs) -> bool {
    args.of.family.is_some() || args.of.kind.is_some() || args.subscription.is_some()
}
