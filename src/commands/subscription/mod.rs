//! `hubint subscription ...`

pub(crate) mod attach;
pub(crate) mod create;
pub(crate) mod delete;
pub(crate) mod detach;
pub(crate) mod list;
pub(crate) mod rename;

super::group::command_group!(SubscriptionCommand {
    /// Attach an integration to a subscription (created on first attach)
    Attach(attach::AttachArgs),
    /// Detach an integration from a subscription
    Detach(detach::DetachArgs),
    /// Create a subscription (attach also creates one on first use)
    Create(create::CreateArgs),
    /// Rename a subscription
    Rename(rename::RenameArgs),
    /// Delete a subscription; refused while integrations are attached, unless --detach-all
    #[command(alias = "rm")]
    Delete(delete::DeleteArgs),
    /// List subscriptions and their integrations
    #[command(alias = "ls")]
    List(list::ListArgs),
});
