//! `hubint config ...`: the settings in the config file.

pub mod get;
pub mod list;
pub mod set;
pub mod unset;

super::group::command_group!(ConfigCommand {
    /// Print the value of a setting in effect
    Get(get::GetArgs),
    /// Change a setting in the config file
    Set(set::SetArgs),
    /// Remove a setting from the config file: the environment or the default applies again
    Unset(unset::UnsetArgs),
    /// List every setting, its value in effect and where that comes from
    #[command(alias = "ls")]
    List(list::ListArgs),
});
