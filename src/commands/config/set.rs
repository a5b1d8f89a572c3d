//! `hubint config set KEY VALUE`

use anyhow::Result;
use clap::Args;

use crate::config;
use crate::context::Ctx;
use crate::output::Output;

#[derive(Args, Debug, Default)]
pub struct SetArgs {
    /// The setting: secret-store (auto, keyring or file)
    #[arg(value_name = "KEY")]
    pub key: String,

    /// Its new value
    #[arg(value_name = "VALUE")]
    pub value: String,
}

pub fn run(ctx: &Ctx, args: &SetArgs) -> Result<Output> {
    let key = config::key(&args.key)?;
    let path = &ctx.paths.config_file;
    let mut config = config::load(path)?;
    key.set(&mut config, &args.value)?;
    config::save(path, &config)?;
    let setting = key.effective(&config);
    ctx.ui.status(format!(
        "Set {} to {} in {}.",
        key.name,
        key.stored(&config).unwrap_or_default(),
        path.display()
    ));
    if setting.source != "config" {
        ctx.ui.warn(format!(
            "{} is {} from {}, which overrides the config file",
            key.name, setting.value, setting.source
        ));
    }
    Ok(Output::SettingChanged(setting))
}
