//! `hubint integration edit NAME`

use anyhow::Result;
use clap::Args;

use crate::catalog::IntegrationType;
use crate::context::Ctx;
use crate::error::Failure;
use crate::output::Output;
use crate::password::PasswordArgs;
use crate::secret::Secret;
use crate::service::model::{Integration, TypeRef};
use crate::service::{Candidate, Service};
use crate::validate;
use crate::verify::args::SaveCheckArgs;

#[derive(Args, Debug, Default)]
pub struct EditArgs {
    /// The integration to edit
    #[arg(value_name = "NAME", add = crate::complete::integrations())]
    pub name: String,

    /// Rename the integration (its secret is kept)
    #[arg(long = "name", value_name = "NEW_NAME")]
    pub new_name: Option<String>,

    /// Change the type (within the family); the registry becomes the type's
    /// own unless --url is given. Not to or from ecr, whose secret is AWS keys
    #[arg(long = "type", value_name = "TYPE", add = crate::complete::types())]
    pub kind: Option<String>,

    /// New registry URL or host[:port]
    #[arg(long)]
    pub url: Option<String>,

    /// New registry username
    #[arg(long)]
    pub username: Option<String>,

    /// New email address
    #[arg(long, conflicts_with = "clear_email")]
    pub email: Option<String>,

    /// Remove the email address
    #[arg(long)]
    pub clear_email: bool,

    #[command(flatten)]
    pub password: PasswordArgs,

    #[command(flatten)]
    pub check: SaveCheckArgs,
    /// Make this the registry's default integration: the credential helper
    /// serves it when several integrations match the registry, also to
    /// tools that logged out of the registry without a subscription
    #[arg(long, conflicts_with = "no_default")]
    pub default: bool,

    /// Stop being the registry's default integration
    #[arg(long)]
    pub no_default: bool,
}

impl EditArgs {
    fn has_changes(&self) -> bool {
        self.new_name.is_some()
            || self.kind.is_some()
            || self.url.is_some()
            || self.username.is_some()
            || self.email.is_some()
            || self.clear_email
            || self.default
            || self.no_default
            || self.password.given()
    }
}

pub fn run(ctx: &Ctx, args: &EditArgs) -> Result<Output> {
    let mut service = Service::open(ctx)?;
    let current = service.get(&args.name)?;
    let (mut updated, password) = if args.has_changes() {
        from_flags(ctx, args, &current)?
    } else if ctx.ui.interactive() {
        crate::form::edit::collect(ctx, service.catalog(), &current)?
    } else {
        return Err(
            Failure::usage(format!("nothing to change for '{}'", current.name))
                .hint(
                    "pass --name, --type, --url, --username, --email, --clear-email, \
                 --default, --no-default, --password-stdin or --password-file",
                )
                .into(),
        );
    };
    if updated == current && password.is_none() {
        ctx.ui
            .status(format!("Nothing changed for {}.", current.name));
        return Ok(Output::Integration(Box::new(current)));
    }
    verification(&service, args, &current, &mut updated, password.as_ref())?;
    let saved = service.update(&current, &updated, password.as_ref())?;
    ctx.ui.status(format!(
        "Updated integration {}{}.",
        saved.name,
        if password.is_some() {
            " and its password"
        } else {
            ""
        }
    ));
    if saved.default && !current.default {
        ctx.ui.status(format!(
            "{} is now the default integration for {}.",
            saved.name, saved.registry
        ));
    }
    Ok(Output::Integration(Box::new(saved)))
}

/// Clear the last verification when the credentials change; with
/// `--verify`, check the new ones first (refusing to save on failure) and
/// record the check.
fn verification(
    service: &Service,
    args: &EditArgs,
    current: &Integration,
    updated: &mut Integration,
    password: Option<&Secret>,
) -> Result<()> {
    if updated.registry != current.registry
        || updated.kind != current.kind
        || updated.username != current.username
        || password.is_some()
    {
        updated.last_verified_at = None;
        updated.last_verification = None;
    }
    let Some(options) = args.check.options() else {
        return Ok(());
    };
    let stored;
    let password = match password {
        Some(p) => p,
        None => {
            stored = service.secret_of(current)?;
            &stored
        }
    };
    let candidate = Candidate {
        kind: updated.kind,
        name: &updated.name,
        registry: &updated.registry,
        username: &updated.username,
        password,
    };
    if let Some((at, result)) = service.check_before_save(&candidate, Some(options))? {
        updated.last_verified_at = Some(at);
        updated.last_verification = Some(result);
    }
    Ok(())
}

fn from_flags(
    ctx: &Ctx,
    args: &EditArgs,
    current: &Integration,
) -> Result<(Integration, Option<Secret>)> {
    let mut updated = current.clone();
    if let Some(name) = &args.new_name {
        validate::flag("--name", name, validate::name)?;
        updated.name = name.clone();
    }
    if let Some(kind) = &args.kind {
        updated.kind = TypeRef(new_type(current, kind)?);
    }
    if args.url.is_some() || updated.kind != current.kind {
        // A new type without --url: its own registry, or (a type that has
        // none, as acr) the current one if it takes it.
        let url = args.url.as_deref().or(updated.kind.default_url);
        updated.registry = updated
            .kind
            .registry_key(Some(url.unwrap_or(&current.registry)))?;
    }
    if let Some(username) = &args.username {
        crate::form::fields::username_flag(&updated.kind, username)?;
        updated.username = username.clone();
    } else if updated.kind != current.kind {
        crate::form::fields::username_flag(&updated.kind, &current.username)?;
    }
    if let Some(email) = &args.email {
        validate::flag("--email", email, validate::email)?;
        updated.email = Some(email.clone());
    }
    if args.clear_email {
        updated.email = None;
    }
    // A default belongs to its registry: moving to another one drops it.
    updated.default = args.default
        || (current.default && !args.no_default && updated.registry == current.registry);
    if args.default {
        // Serve it again to tools that logged out without a subscription.
        updated.logged_out = false;
    }
    let password = args.password.read(&ctx.ui)?;
    if let Some(p) = &password {
        crate::form::fields::check_secret(&ctx.ui, &updated.kind, p, args.password.flag())?;
    }
    Ok((updated, password))
}

/// The type `id` of `current`'s family. Never to or from a minted type
/// (ecr): its secret holds AWS keys, not a registry password.
fn new_type(current: &Integration, id: &str) -> Result<&'static IntegrationType> {
    let kind = current.family.integration_type(id)?;
    if kind.is_ecr() != current.kind.is_ecr() {
        return Err(Failure::usage(format!(
            "cannot change {} from type {} to {}: an ecr integration's secret is AWS keys, \
             not a registry password",
            current.name, current.kind.id, kind.id
        ))
        .hint(format!(
            "add a new integration with `hubint add --type {}`, then delete {}",
            kind.id, current.name
        ))
        .into());
    }
    Ok(kind)
}
