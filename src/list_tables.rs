//! The columns of `hubint list` and `hubint subscription list`, and which
//! of them a terminal drops first (see `table`).

use crate::output::{or_dash, registry_cell};
use crate::service::catalog::Subscription;
use crate::service::model::Integration;
use crate::table::{self, Column, Target, View};

/// The columns of `hubint list`. UPDATED, then EMAIL, then STORE are left
/// out first when a terminal is too narrow.
pub const INTEGRATION_COLUMNS: &[Column] = &[
    Column {
        cut_last: true,
        ..col("name", "NAME", None)
    },
    Column {
        cut_last: true,
        ..col("type", "TYPE", None)
    },
    col("registry", "REGISTRY", None),
    col("username", "USERNAME", None),
    col("email", "EMAIL", Some(2)),
    col("subscriptions", "SUBSCRIPTIONS", None),
    col("store", "STORE", Some(3)),
    col("updated", "UPDATED (UTC)", Some(1)),
    Column {
        cut_last: true,
        ..col("verified", "VERIFIED", None)
    },
];

/// The keys `--columns` accepts.
pub const INTEGRATION_KEYS: &[&str] = &[
    "name",
    "type",
    "registry",
    "username",
    "email",
    "subscriptions",
    "store",
    "updated",
    "verified",
];

/// The `--help` paragraph of `hubint list`.
pub const LIST_HELP: &str = "List integrations.\n\nOn a terminal the table fits the window: the UPDATED column is left \
    out first, then EMAIL, then STORE, then long values are cut with '…'. --wide shows every \
    column in full; --columns picks columns. When stdout is not a terminal every column is \
    printed in full, tab-separated, one integration per line, with no header line and no \
    borders, in the order of --columns or else: name, type, registry, username, email, \
    subscriptions, store, updated, verified. --json prints every field.";

const SUBSCRIPTION_COLUMNS: &[Column] = &[
    Column {
        cut_last: true,
        ..col("subscription", "SUBSCRIPTION", None)
    },
    col("integrations", "INTEGRATIONS", None),
];

const fn col(key: &'static str, header: &'static str, drop_rank: Option<u8>) -> Column {
    Column {
        key,
        header,
        drop_rank,
        cut_last: false,
    }
}

pub fn integrations(list: &[Integration], view: &View, target: Target) -> String {
    render(INTEGRATION_COLUMNS, list, integration_cells, view, target)
}

pub fn subscriptions(list: &[Subscription], view: &View, target: Target) -> String {
    render(SUBSCRIPTION_COLUMNS, list, subscription_cells, view, target)
}

/// The table of `items`, one row of `cells` each, under `columns`.
fn render<T>(
    columns: &[Column],
    items: &[T],
    cells: fn(&T) -> Vec<String>,
    view: &View,
    target: Target,
) -> String {
    let rows: Vec<Vec<String>> = items.iter().map(cells).collect();
    table::render(columns, &rows, view, target)
}

fn integration_cells(i: &Integration) -> Vec<String> {
    vec![
        i.name.clone(),
        format!("{}/{}", i.family, i.kind),
        registry_cell(i, true),
        i.username.clone(),
        or_dash(i.email.as_deref().unwrap_or_default()).to_string(),
        or_dash(&i.subscriptions.join(", ")).to_string(),
        i.secret_store.to_string(),
        i.updated_at.short(),
        i.last_verification.as_deref().unwrap_or("-").to_string(),
    ]
}

fn subscription_cells(s: &Subscription) -> Vec<String> {
    vec![
        s.name.clone(),
        or_dash(&s.integrations.join(", ")).to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_key() {
        let keys: Vec<&str> = INTEGRATION_COLUMNS.iter().map(|c| c.key).collect();
        assert_eq!(keys, INTEGRATION_KEYS);
    }
}
