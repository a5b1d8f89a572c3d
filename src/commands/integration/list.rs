//! `hubint integration list`

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::db::integrations::{self, Filter};
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct ListArgs {
    /// Only integrations of this family
    #[arg(long, value_name = "FAMILY", add = crate::complete::families())]
    pub family: Option<String>,

    /// Only integrations of this type
    #[arg(long = "type", value_name = "TYPE", add = crate::complete::types())]
    pub kind: Option<String>,

    /// Only integrations attached to this subscription
    #[arg(long, value_name = "SUBSCRIPTION", add = crate::complete::subscriptions())]
    pub subscription: Option<String>,
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Output> {
    let db = ctx.open_db()?;
    let filter = Filter {
        family: args.family.as_deref(),
        kind: args.kind.as_deref(),
        subscription: args.subscription.as_deref(),
        registry: None,
    };
    Ok(Output::Integrations(integrations::list(&db.conn, &filter)?))
}
