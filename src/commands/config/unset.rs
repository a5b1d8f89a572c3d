//! `hubint config unset KEY`

use anyhow::Result;
use clap::Args;

use crate::config;
use crate::context::Ctx;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct UnsetArgs {
    /// The setting (see `hubint config list`)
    #[arg(value_name = "KEY")]
    pub key: String,
}

pub fn run(ctx: &Ctx, args: &UnsetArgs) -> Result<Output> {
    let key = config::key(&args.key)?;
    let mut settings = ctx.settings()?.clone();
    let removed = settings.unset(&key)?;
    let setting = settings.get(&key);
    let path = settings.file_path.display();
    ctx.ui.status(match removed {
        true => format!(
            "Removed {key} from {path}; it is now {} ({}).",
            shown(&setting.value),
            setting.source
        ),
        false => format!("{key} is not set in {path}; nothing was changed."),
    });
    Ok(Output::SettingChanged(setting))
}

/// A value in a sentence: an empty one says so.
fn shown(value: &str) -> &str {
    if value.is_empty() { "empty" } else { value }
}
