//! `hubint team ...`: the team store (OpenBao or Vault).

pub(crate) mod login;
pub(crate) mod policy;
pub(crate) mod pull;
pub(crate) mod push;

use crate::docs;

super::group::command_group! {
    pub enum TeamCommand {
        /// Get a client token as team-auth says (or reuse the cached one); print its TTL and policies
        #[command(after_help = docs::examples_help("team login"))]
        Login(login::LoginArgs),
        /// Print the policy (HCL) that lets a token read exactly one subscription's integrations
        #[command(after_help = docs::examples_help("team policy"))]
        Policy(policy::PolicyArgs),
        /// Copy the local integrations, their secrets, subscriptions and links into the team store
        #[command(after_help = docs::examples_help("team push"))]
        Push(push::PushArgs),
        /// Copy the team store's integrations, secrets, subscriptions and links into the local catalog
        #[command(after_help = docs::examples_help("team pull"))]
        Pull(pull::PullArgs),
    }
}
