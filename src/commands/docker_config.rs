//! `hubint docker-config [--subscription S] [--helper | --inline] [--output FILE]`:
//! write a docker `config.json` that gives container tools the integrations.
//!
//! `--helper` (the default) adds a `credHelpers` entry per registry pointing
//! at `hubint`, which docker, podman, skopeo and crane all honour (podman and
//! skopeo ignore `credsStore`); no password is written. `--inline` writes
//! base64 `auths` for a throwaway container, mode 0600, with a warning. The
//! file is merged (other keys are kept) and replaced atomically.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde_json::{Value, json};

use crate::commands::credential_helper::HELPER_NAME;
use crate::context::Ctx;
use crate::dockerconfig::{self, ConfigFile, HELPER};
use crate::error::Failure;
use crate::external_helper;
use crate::matching::{self, ENV_SUBSCRIPTION, Selection};
use crate::output::Output;
use crate::registry;
use crate::service::catalog::Filter;
use crate::service::model::Integration;
use crate::service::{Service, TOKEN_USERNAME};

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
    let mut by_registry: BTreeMap<String, Vec<Integration>> = BTreeMap::new();
    for i in service.list(&filter)? {
        by_registry.entry(i.registry.clone()).or_default().push(i);
    }
    if by_registry.is_empty() {
        let whose = match &args.subscription {
            Some(sub) => format!("subscription '{sub}' has no integrations"),
            None => "there are no integrations".to_string(),
        };
        return Err(Failure::not_found(format!("nothing to write: {whose}"))
            .hint("add one with `hubint add`, attach one with `hubint subscription attach`")
            .into());
    }
    let path = match &args.output {
        Some(path) => path.clone(),
        None => dockerconfig::default_path()?,
    };
    let mut config = ConfigFile::load(&path)?;
    if args.inline {
        inline(ctx, &service, &mut config, by_registry)?;
    } else {
        helper(ctx, args, &mut config, &by_registry)?;
    }
    Ok(Output::Nothing)
}

/// The config keys of a registry: Docker Hub goes by the v1 URL (docker)
/// and by `docker.io` (containers/image); others by `host:port`.
fn keys(registry_key: &str) -> Vec<&str> {
    if registry::is_docker_hub(registry_key) {
        vec![registry_key, "docker.io"]
    } else {
        vec![registry_key]
    }
}

fn helper(
    ctx: &Ctx,
    args: &DockerConfigArgs,
    config: &mut ConfigFile,
    by_registry: &BTreeMap<String, Vec<Integration>>,
) -> Result<()> {
    let helpers = config.object_mut("credHelpers")?;
    for key in by_registry.keys() {
        for k in keys(key) {
            helpers.insert(k.to_string(), Value::from(HELPER));
        }
    }
    config.save(None)?;
    ctx.ui
        .status(wrote(by_registry, &config.path.display().to_string()));
    for (key, list) in by_registry {
        if let Selection::Ambiguous(key, list) = matching::choose(key, list.clone()) {
            ctx.ui.warn(matching::ambiguous(&key, &list).message);
        }
        if plaintext_for(config, key) {
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
    by_registry: BTreeMap<String, Vec<Integration>>,
) -> Result<()> {
    // Choose and read everything first: an ambiguity or a locked keyring
    // leaves the file untouched.
    let mut entries = Vec::new();
    for (key, list) in by_registry {
        let chosen = match matching::choose(&key, list) {
            Selection::Found(i) => *i,
            Selection::Ambiguous(key, list) => {
                return Err(matching::ambiguous(&key, &list).into());
            }
            Selection::NotFound => continue,
        };
        let secret = service.secret_of(&chosen)?;
        // An identity token goes in `identitytoken`, as docker writes it.
        let mut entry = if chosen.username == TOKEN_USERNAME {
            json!({ "identitytoken": secret.as_str() })
        } else {
            json!({ "auth": dockerconfig::encode_auth(&chosen.username, &secret).as_str() })
        };
        if let Some(email) = &chosen.email {
            entry["email"] = Value::from(email.as_str());
        }
        entries.push((key, entry));
    }
    if let Some(Value::Object(helpers)) = config.root.get_mut("credHelpers") {
        for (key, _) in &entries {
            for k in keys(key) {
                // A helper entry would win over auths; the container has no hubint.
                if helpers.get(k).and_then(Value::as_str) == Some(HELPER) {
                    helpers.remove(k);
                }
            }
        }
    }
    let auths = config.object_mut("auths")?;
    let n = entries.len();
    for (key, entry) in entries {
        auths.insert(key, entry);
    }
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

/// Whether `auths` holds a password for the registry under any spelling.
fn plaintext_for(config: &ConfigFile, registry_key: &str) -> bool {
    let Some(Value::Object(auths)) = config.root.get("auths") else {
        return false;
    };
    auths.iter().any(|(k, v)| {
        registry::normalize(k).is_ok_and(|n| n == registry_key)
            && ["auth", "password", "identitytoken"].iter().any(|f| {
                v.get(f)
                    .and_then(Value::as_str)
                    .is_some_and(|s| !s.is_empty())
            })
    })
}

/// What was written: every key, and how many there are when Docker Hub's
/// two spellings make more keys than registries.
fn wrote(by_registry: &BTreeMap<String, Vec<Integration>>, path: &str) -> String {
    let written: Vec<&str> = by_registry.keys().flat_map(|k| keys(k)).collect();
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
