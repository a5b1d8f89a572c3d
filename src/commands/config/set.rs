//! `hubint config set KEY VALUE`

use anyhow::Result;
use clap::Args;

use crate::config;
use crate::context::Ctx;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct SetArgs {
    /// The setting (see `hubint config list`)
    #[arg(value_name = "KEY")]
    pub key: String,

    /// Its new value
    #[arg(value_name = "VALUE")]
    pub value: String,
}

pub fn run(ctx: &Ctx, args: &SetArgs) -> Result<Output> {
    let key = config::key(&args.key)?;
    let mut settings = ctx.settings()?.clone();
    let written = settings.set(&key, &args.value)?;
    let setting = settings.get(&key);
    ctx.ui.status(format!(
        "Set {} to {written} in {}.",
        key,
        settings.file_path.display()
    ));
    if setting.source != "config" {
        ctx.ui.warn(format!(
            "{} is {} from {}, which overrides the config file",
            key, setting.value, setting.source
        ));
    }
    Ok(Output::SettingChanged(setting))
}
