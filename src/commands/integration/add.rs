//! `hubint integration add`

use anyhow::Result;
use clap::Args;

use crate::catalog::{self, FAMILIES};
use crate::context::Ctx;
use crate::db::{self, integrations, subscriptions};
use crate::ops::{self, NewIntegration};
use crate::output::Output;
use crate::password::{self, PasswordArgs};
use crate::secret::{self, StoreKind};
use crate::verify::{Credentials, args::SaveCheckArgs};
use crate::{prompt, validate};

#[derive(Args, Debug, Default)]
pub struct AddArgs {
    /// Integration family [default: hub]
    #[arg(long, value_name = "FAMILY", add = crate::complete::families())]
    pub family: Option<String>,

    /// Integration type within the family [default: docker]
    #[arg(long = "type", value_name = "TYPE", add = crate::complete::types())]
    pub kind: Option<String>,

    /// Unique name: 1-64 letters, digits, '-', '_', '.', starting with a letter or digit
    #[arg(long)]
    pub name: Option<String>,

    /// Registry URL or host[:port] [default: Docker Hub]
    #[arg(long)]
    pub url: Option<String>,

    /// Registry username
    #[arg(long)]
    pub username: Option<String>,

    /// Email registered with the registry (optional)
    #[arg(long)]
    pub email: Option<String>,

    #[command(flatten)]
    pub password: PasswordArgs,

    /// Attach to this subscription, creating it if needed (repeatable)
    #[arg(long = "subscription", value_name = "SUBSCRIPTION", add = crate::complete::subscriptions())]
    pub subscriptions: Vec<String>,

    #[command(flatten)]
    pub check: SaveCheckArgs,
    /// Where to keep the password [default: HUBINT_SECRET_STORE, else the
    /// config file, else the OS keyring if it answers, else the encrypted file]
    #[arg(long, value_name = "STORE")]
    pub secret_store: Option<StoreKind>,
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Output> {
    let mut db = ctx.open_db()?;
    let new = collect(ctx, args, &db.conn)?;
    let credentials = Credentials {
        username: &new.username,
        password: &new.password,
    };
    let verified = args
        .check
        .check_before_save(&ctx.ui, &new.name, &new.registry, &credentials)?;
    let mut saved = ops::create(ctx, &mut db, &new)?;
    if let Some(report) = verified {
        integrations::record_verification(&db.conn, &saved.id, &db::now(), report.result.as_str())?;
        saved = integrations::by_id(&db.conn, &saved.id)?;
    }
    ctx.ui.status(format!(
        "Added integration {} ({}/{} for {}); password stored in the {}.",
        saved.name,
        saved.family,
        saved.kind,
        saved.registry,
        secret::describe(&saved.secret_store)
    ));
    Ok(Output::Integration(Box::new(saved)))
}

/// Take each value from its flag, else prompt on a terminal, else fail naming the flag.
fn collect(ctx: &Ctx, args: &AddArgs, conn: &rusqlite::Connection) -> Result<NewIntegration> {
    let ui = &ctx.ui;
    // Without a terminal, report a missing required flag before reading
    // anything from stdin.
    if !ui.interactive() {
        if args.name.is_none() {
            return Err(ui.missing("a name", "--name NAME"));
        }
        if args.username.is_none() {
            return Err(ui.missing("a username", "--username USERNAME"));
        }
        if !args.password.given() {
            return Err(ui.missing("a password", password::FLAGS));
        }
    }
    // Check everything given as a flag before asking anything.
    if let Some(name) = &args.name {
        validate::flag("--name", name, validate::name)?;
        integrations::ensure_name_free(conn, name, None)?;
    }
    if let Some(u) = &args.username {
        validate::flag("--username", u, validate::username)?;
    }
    if let Some(e) = &args.email {
        validate::flag("--email", e, validate::email)?;
    }
    for s in &args.subscriptions {
        validate::flag("--subscription", s, validate::name)?;
    }
    let store = ctx.default_store(args.secret_store)?;
    let family = match (&args.family, ui.interactive()) {
        (Some(f), _) => catalog::family(f)?,
        (None, true) => {
            let labels: Vec<&str> = FAMILIES.iter().map(|f| f.label).collect();
            &FAMILIES[prompt::select(ui, "Integration family", &labels, 0)?]
        }
        (None, false) => catalog::family(catalog::DEFAULT_FAMILY)?,
    };
    let kind = match (&args.kind, ui.interactive()) {
        (Some(t), _) => family.integration_type(t)?,
        (None, true) => {
            let labels: Vec<&str> = family.types.iter().map(|t| t.label).collect();
            &family.types[prompt::select(ui, "Integration type", &labels, 0)?]
        }
        (None, false) => family.integration_type(catalog::DEFAULT_TYPE)?,
    };
    let registry = match &args.url {
        Some(url) => Some(kind.registry_key(Some(url))?),
        None if ui.interactive() => None, // asked after the name
        None => Some(kind.registry_key(None)?),
    };
    let password_given = args.password.read(ui)?;

    let name = match &args.name {
        Some(n) => n.clone(),
        None if ui.interactive() => prompt::input(ui, "Name", None, false, |v| {
            validate::name(v)?;
            match integrations::find(conn, v) {
                Ok(Some(existing)) => {
                    Err(format!("'{}' is taken; choose another name", existing.name))
                }
                _ => Ok(()),
            }
        })?,
        None => return Err(ui.missing("a name", "--name NAME")),
    };
    let registry = match registry {
        Some(registry) => registry,
        None => {
            let answer = prompt::input(ui, "Registry URL", Some(kind.default_url), false, |v| {
                (kind.normalize_url)(v).map(drop)
            })?;
            kind.registry_key(Some(&answer))?
        }
    };
    let username = match &args.username {
        Some(u) => u.clone(),
        None if ui.interactive() => prompt::input(ui, "Username", None, false, validate::username)?,
        None => return Err(ui.missing("a username", "--username USERNAME")),
    };
    let email = match &args.email {
        Some(e) => Some(e.clone()),
        None if ui.interactive() && kind.has_email => Some(prompt::input(
            ui,
            "Email (optional)",
            None,
            true,
            validate::email,
        )?),
        None => None,
    }
    .filter(|e| !e.is_empty());
    let password = match password_given {
        Some(p) => p,
        None if ui.interactive() => prompt::password(ui, "Password", false)?
            .expect("a password prompt that cannot be skipped returns one"),
        None => return Err(ui.missing("a password", password::FLAGS)),
    };
    let subscriptions = if args.subscriptions.is_empty() && ui.interactive() {
        let existing = subscriptions::names(conn)?;
        if existing.is_empty() {
            Vec::new()
        } else {
            prompt::multi_select(
                ui,
                "Attach to subscriptions (space to select, enter to confirm)",
                &existing,
            )?
            .into_iter()
            .map(|i| existing[i].clone())
            .collect()
        }
    } else {
        args.subscriptions.clone()
    };
    Ok(NewIntegration {
        family: family.id.to_string(),
        kind: kind.id.to_string(),
        name,
        registry,
        username,
        email,
        password,
        subscriptions,
        store,
    })
}
