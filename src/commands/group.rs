//! [`command_group!`]: a group of subcommands and its dispatch, written once.

/// `command_group!(Group { Name(leaf::LeafArgs), ... })`: the public
/// `clap::Subcommand` enum `Group` whose every variant is one leaf module,
/// and `run`, which hands each variant to `leaf::run`. Doc comments and
/// `#[command(..)]` attributes of the variants are kept as written; each
/// command's examples are added by `crate::cli::command`.
macro_rules! command_group {
    ($group:ident {
        $($(#[$leaf_meta:meta])* $leaf:ident($module:ident::$args:ident),)+
    }) => {
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
