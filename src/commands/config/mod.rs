//! `hubint config ...`: the settings in the config file.

pub mod get;
pub mod list;
pub mod set;

super::group::command_group! {
    pub enum ConfigCommand {
        /// Print the value of a setting in effect
        Get(get::GetArgs),
        /// Change a setting in the config file
        Set(set::SetArgs),
        /// List every setting, its value in effect and where that comes from
        #[command(alias = "ls")]
        List(list::ListArgs),
    }
}
