//! `hubint import docker-config [FILE] [--scrub]`: turn the logins of a
//! docker `config.json` (or a containers `auth.json`) into integrations, then
//! optionally remove the plaintext passwords from the file, keeping a backup.
//!
//! The whole file is read and checked first: a malformed file is an error
//! naming the file and the JSON path, and nothing is imported.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::sources::{self, Found};
use crate::context::Ctx;
use crate::dockerconfig::{self, ConfigFile};
use crate::error::Failure;
use crate::matching::Scope;
use crate::output::Output;
use crate::service::{Login, Saved, Service};

#[derive(Args, Debug, Default)]
pub struct ImportDockerConfigArgs {
    /// The file to import [default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json]
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Then remove the plaintext passwords from FILE (a backup is kept beside it)
    #[arg(long)]
    pub scrub: bool,
}

pub fn run(ctx: &Ctx, args: &ImportDockerConfigArgs) -> Result<Output> {
    let path = dockerconfig::given_or_default(args.file.as_deref())?;
    let mut config = ConfigFile::load(&path)?;
    if config.original.is_none() {
        return Err(
            Failure::not_found(format!("{} does not exist", path.display()))
                .hint("pass the path of a docker config.json or a containers auth.json")
                .into(),
        );
    }
    let mut found = sources::auths(ctx, &config)?;
    found.extend(sources::helpers(ctx, &config)?);
    // Every plaintext entry is scrubbed, duplicates included.
    let scrub_keys: Vec<String> = found.iter().filter_map(|f| f.auths_key.clone()).collect();
    let found = dedupe(ctx, found);
    if found.is_empty() {
        ctx.ui
            .status(format!("No logins to import in {}.", path.display()));
        return Ok(Output::Integrations(Vec::new(), Default::default()));
    }
    let logins: Vec<&Login> = found.iter().map(|f| &f.login).collect();
    let saved = Service::open(ctx)?.import_logins(&logins, &Scope::default())?;
    let mut imported = Vec::new();
    for (f, saved) in found.iter().zip(&saved) {
        let i = saved.integration();
        let what = match saved {
            Saved::Created(_) => "Imported",
            Saved::Updated(_) => "Updated",
            Saved::Unchanged(_) => "Unchanged:",
        };
        ctx.ui.status(format!(
            "{what} {} ({} as {}) from {}.",
            i.name, i.registry, i.username, f.source
        ));
        imported.push(i.clone());
    }
    if args.scrub {
        scrub(ctx, &mut config, &scrub_keys)?;
    }
    Ok(Output::Integrations(imported, Default::default()))
}

/// One login per registry and username: the first one found wins.
fn dedupe(ctx: &Ctx, found: Vec<Found>) -> Vec<Found> {
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        let first = kept
            .iter()
            .find(|k| k.login.registry == f.login.registry && k.login.username == f.login.username);
        match first {
            None => kept.push(f),
            Some(first) if *first.login.secret != *f.login.secret => ctx.ui.warn(format!(
                "{} has another password for {} at {}; kept the one from {}",
                f.source, f.login.username, f.login.registry, first.source
            )),
            Some(_) => {}
        }
    }
    kept
}

/// Remove the secret keys of the imported `auths` entries, after writing a
/// 0600 backup of the file as it was.
fn scrub(ctx: &Ctx, config: &mut ConfigFile, keys: &[String]) -> Result<()> {
    if keys.is_empty() {
        ctx.ui.status(format!(
            "{} holds no plaintext passwords; nothing to scrub.",
            config.path.display()
        ));
        return Ok(());
    }
    let backup = config.scrub(keys)?;
    ctx.ui.status(format!(
        "Removed the plaintext passwords of {} from {}; the previous file is in {}.",
        if keys.len() == 1 {
            "1 login".to_string()
        } else {
            format!("{} logins", keys.len())
        },
        config.path.display(),
        backup.display()
    ));
    Ok(())
}
