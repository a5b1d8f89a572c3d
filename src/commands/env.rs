//! `hubint env NAME`: one integration as environment variables,
//! `<NAME>_INTEGRATION_USERNAME`, `_PASSWORD`, `_EMAIL` and `_URL`, the way
//! hosted CI injected integrations into jobs. Printed as `export` lines for
//! `eval "$(hubint env NAME)"`, or as a JSON object with `--json`.

use std::io::IsTerminal;

use anyhow::Result;
use clap::Args;

use crate::context::Ctx;
use crate::output::Output;
use crate::secret::Secret;
use crate::service::Service;

#[derive(Args, Debug, Default)]
pub struct EnvArgs {
    /// The integration to expose
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The syntax to print: posix (sh, bash, dash, zsh) or fish [default:
    /// fish if $SHELL is fish, else posix]
    #[arg(long, value_enum, value_name = "SHELL")]
    pub shell: Option<crate::shell::Shell>,
}

pub fn run(ctx: &Ctx, args: &EnvArgs) -> Result<Output> {
    let vars = variables(ctx, &args.name)?;
    if std::io::stdout().is_terminal() {
        ctx.ui.warn(format!(
            "this prints the password; use `eval \"$(hubint env {0})\"` or \
             `hubint exec {0} -- COMMAND` to keep it off the screen",
            args.name
        ));
    }
    Ok(Output::Env(crate::shell::Shell::choose(args.shell), vars))
}

/// The variables for integration `name`, password included.
pub fn variables(ctx: &Ctx, name: &str) -> Result<Vec<(String, Secret)>> {
    let service = Service::reader(ctx)?;
    let i = service.get(name)?;
    let login = service.registry_login(&i)?;
    let prefix = crate::env_name::prefix_or_fail(&i.name)?;
    let var = |suffix: &str| format!("{prefix}_INTEGRATION_{suffix}");
    Ok(vec![
        (var("USERNAME"), Secret::new(login.username)),
        (var("PASSWORD"), login.password),
        (
            var("EMAIL"),
            Secret::new(i.email.clone().unwrap_or_default()),
        ),
        (var("URL"), Secret::new(i.registry.clone())),
    ])
}
