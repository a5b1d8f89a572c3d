//! `--family` and `--type`, as `add` and `list` take them.

use clap::Args;

/// The kind of integration: for `add`, of the new one; for `list`, the
/// only ones shown.
#[derive(Args, Debug, Default)]
pub struct KindArgs {
    /// Integration family (add: the new one's, default hub; list: only this family)
    #[arg(long, value_name = "FAMILY", add = crate::complete::families())]
    pub family: Option<String>,

    /// Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the
    /// new one's, default docker; list: only this type)
    #[arg(long = "type", value_name = "TYPE", add = crate::complete::types())]
    pub kind: Option<String>,
}
