//! `hubint team ...`: the team store (OpenBao or Vault).

pub(crate) mod login;
pub(crate) mod policy;
pub(crate) mod pull;
pub(crate) mod push;

super::group::command_group!(TeamCommand {
    /// Get a client token as team-auth says (or reuse the cached one); print its TTL and policies
    Login(login::LoginArgs),
    /// Print the policy (HCL) that lets a token read exactly one subscription's integrations
    Policy(policy::PolicyArgs),
    /// Copy the local integrations, their secrets, subscriptions and links into the team store
    Push(push::PushArgs),
    /// Copy the team store's integrations, secrets, subscriptions and links into the local catalog
    Pull(pull::PullArgs),
});
