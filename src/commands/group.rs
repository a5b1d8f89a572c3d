//! [`command_group!`]: a group of subcommands and its dispatch, written once.

/// A `clap::Subcommand` enum whose every variant `Name(leaf::LeafArgs)` is
/// one leaf module, and `run`, which hands each variant to `leaf::run`.
/// Doc comments and `#[command(..)]` attributes are kept as written.
macro_rules! command_group {
    (
        $(#[$meta:meta])*
        pub enum $group:ident {
            $($(#[$leaf_meta:meta])* $leaf:ident($module:ident::$args:ident),)+
        }
    ) => {
        $(#[$meta])*
        #[derive(clap::Subcommand, Debug)]
        pub enum $group {
            $($(#[$leaf_meta])* $leaf($module::$args),)+
        }

        pub fn run(
            ctx: &$crate::context::Ctx,
            command: &$group,
        ) -> anyhow::Result<$crate::output::Output> {
            match command {
                $($group::$leaf(args) => $module::run(ctx, args),)+
            }
        }
    };
}

pub(crate) use command_group;
