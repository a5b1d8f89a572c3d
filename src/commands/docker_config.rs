//! `hubint docker-config [--subscription S] [--helper | --inline] [--output FILE]`:
//! write a docker `config.json` that gives container tools the integrations.
//!
//! `--helper` (the default) adds a `credHelpers` entry per registry pointing
//! at `hubint`, which docker, podman, skopeo and crane all honour (podman and
//! skopeo ignore `credsStore`); no password is written. `--inline` writes
//! base64 `auths` for a throwaway container, mode 0600, with a warning. The
//! file is merged (other keys are kept) and replaced atomically.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::commands::credential_helper::HELPER_NAME;
use crate::context::Ctx;
use crate::dockerconfig::{self, ConfigFile, config_keys};
use crate::error::Failure;
use crate::external_helper;
use crate::matching::{self, ENV_SUBSCRIPTION, Selection};
use crate::output::Output;
use crate::service::Service;
use crate::service::catalog::Filter;

/// The registries written, each with the integration chosen to serve it.
type Registries = Vec<(String, Selection)>;

#[derive(Args, Debug, Default)]
pub struct DockerConfigArgs {
    /// Only the registries of the integrations attached to this subscription
    #[arg(long, value_name = "SUBSCRIPTION")]
    pub subscription: Option<String>,

    /// Point each registry at docker-credential-hubint in credHelpers (the default)
    #[arg(long, conflicts_with = "inline")]
    pub helper: bool,

    /// Write the passwords base64-encoded in auths, for a throwaway CI
    /// container (the file is made 0600)
    #[arg(long)]
    pub inline: bool,

    /// The file to write [default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json]
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &DockerConfigArgs) -> Result<Output> {
    let service = Service::reader(ctx)?;
    let filter = Filter {
        subscription: args.subscription.as_deref(),
        ..Filter::default()
    };
    let by_registry = dockerconfig::by_registry(service.list(&filter)?);
    if by_registry.is_empty() {
        let whose = match &args.subscription {
            Some(sub) => format!("subscription '{sub}' has no integrations"),
            None => "there are no integrations".to_string(),
        };
        return Err(Failure::not_found(format!("nothing to write: {whose}"))
            .hint("add one with `hubint add`, attach one with `hubint subscription attach`")
            .into());
    }
    let path = dockerconfig::given_or_default(args.output.as_deref())?;
    let mut config = ConfigFile::load(&path)?;
    if args.inline {
        inline(ctx, &service, &mut config, by_registry)?;
    } else {
        helper(ctx, args, &mut config, &by_registry)?;
    }
    Ok(Output::Nothing)
}

fn helper(
    ctx: &Ctx,
    args: &DockerConfigArgs,
    config: &mut ConfigFile,
    by_registry: &Registries,
) -> Result<()> {
    config.set_helpers(by_registry.iter().map(|(key, _)| key.as_str()))?;
    config.save(None)?;
    ctx.ui
        .status(wrote(by_registry, &config.path.display().to_string()));
    for (key, chosen) in by_registry {
        if let Selection::Ambiguous(key, list) = chosen {
            ctx.ui.warn(matching::ambiguous(key, list).message);
        }
        if config.holds_password_for(key) {
            ctx.ui.warn(format!(
                "{} still holds a password for {key} in auths; \
                 `hubint import docker-config --scrub` removes it",
                config.path.display()
            ));
        }
    }
    if let Some(sub) = &args.subscription {
        ctx.ui.status(format!(
            "Set {ENV_SUBSCRIPTION}={sub} where the pipeline runs, so that the \
             helper serves {sub}'s integrations."
        ));
    }
    if external_helper::which(HELPER_NAME).is_none() {
        ctx.ui.warn(format!(
            "{HELPER_NAME} is not on PATH: run `hubint install-helper --dir DIR` \
             with a DIR on PATH"
        ));
    }
    Ok(())
}

fn inline(
    ctx: &Ctx,
    service: &Service,
    config: &mut ConfigFile,
    by_registry: Registries,
) -> Result<()> {
    // Choose and read everything first: an ambiguity or a locked keyring
    // leaves the file untouched.
    let mut entries = Vec::new();
    for (key, chosen) in by_registry {
        let chosen = match chosen {
            Selection::Found(i) => *i,
            Selection::Ambiguous(key, list) => {
                return Err(matching::ambiguous(&key, &list).into());
            }
            Selection::NotFound => continue,
        };
        let login = service.registry_login(&chosen)?;
        let entry =
            dockerconfig::auth_entry(&login.username, &login.password, chosen.email.as_deref());
        entries.push((key, entry));
    }
    let n = entries.len();
    config.set_auths(entries)?;
    config.save(Some(0o600))?;
    ctx.ui.warn(format!(
        "{} now holds {} in plaintext (base64, mode 0600); use it only in a \
         throwaway container and delete it afterwards",
        config.path.display(),
        if n == 1 {
            "1 password".to_string()
        } else {
            format!("{n} passwords")
        }
    ));
    Ok(())
}

/// What was written: every key, and how many there are when Docker Hub's
/// two spellings make more keys than registries.
fn wrote(by_registry: &Registries, path: &str) -> String {
    let written: Vec<&str> = by_registry
        .iter()
        .flat_map(|(k, _)| config_keys(k))
        .collect();
    let registries = count(by_registry.len());
    if written.len() == by_registry.len() {
        return format!(
            "Wrote credHelpers for {registries} to {path}: {}.",
            written.join(", ")
        );
    }
    format!(
        "Wrote {} credHelpers entries for {registries} (Docker Hub under both of its names) \
         to {path}: {}.",
        written.len(),
        written.join(", ")
    )
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 registry".into()
    } else {
        format!("{n} registries")
    }
}
