//! `hubint integration ...` (also reachable at the top level).

pub(crate) mod add;
pub(crate) mod delete;
pub(crate) mod edit;
pub(crate) mod list;
pub(crate) mod r#move;
pub(crate) mod show;
pub(crate) mod verify;

super::group::command_group!(IntegrationCommand {
    /// Add an integration; prompts for what is missing on a terminal
    Add(add::AddArgs),
    /// Change an integration's name, registry, username, email or password
    Edit(edit::EditArgs),
    /// Delete an integration and its secret
    #[command(alias = "rm")]
    Delete(delete::DeleteArgs),
    /// List integrations
    #[command(
        alias = "ls",
        long_about = crate::list_tables::LIST_HELP
    )]
    List(list::ListArgs),
    /// Show one integration (never its password)
    Show(show::ShowArgs),
    /// Check credentials against their registry, as `docker login` does (exit 6 if any fails)
    Verify(verify::VerifyArgs),
    /// Move secrets between the OS keyring and the encrypted file store
    Move(r#move::MoveArgs),
});
