//! `hubint subscription ...`

pub(crate) mod attach;
pub(crate) mod create;
pub(crate) mod delete;
pub(crate) mod detach;
pub(crate) mod list;
pub(crate) mod rename;

use crate::docs;

super::group::command_group! {
    pub enum SubscriptionCommand {
        /// Attach an integration to a subscription (created on first attach)
        #[command(after_help = docs::examples_help("subscription attach"))]
        Attach(attach::AttachArgs),
        /// Detach an integration from a subscription
        #[command(after_help = docs::examples_help("subscription detach"))]
        Detach(detach::DetachArgs),
        /// Create a subscription (attach also creates one on first use)
        #[command(after_help = docs::examples_help("subscription create"))]
        Create(create::CreateArgs),
        /// Rename a subscription
        #[command(after_help = docs::examples_help("subscription rename"))]
        Rename(rename::RenameArgs),
        /// Delete a subscription; refused while integrations are attached, unless --detach-all
        #[command(alias = "rm", after_help = docs::examples_help("subscription delete"))]
        Delete(delete::DeleteArgs),
        /// List subscriptions and their integrations
        #[command(alias = "ls", after_help = docs::examples_help("subscription list"))]
        List(list::ListArgs),
    }
}
