//! `add`: each value from its flag, else from the form on a terminal, else
//! an error naming the flag. The form (the optional fields, the
//! subscriptions and the summary) runs when a required value (name,
//! username or password, unless the type sets them) is missing on a
//! terminal: given them all as flags, `add` asks nothing, as a script
//! expects.

use crate::service::catalog::CatalogRead;
use anyhow::Result;

use crate::catalog::{self, FAMILIES, Family, IntegrationType};
use crate::commands::integration::add::AddArgs;
use crate::context::Ctx;
use crate::password;
use crate::service::model::{FamilyRef, Integration, TypeRef};
use crate::service::{AddRequest, NewIntegration, Service};
use crate::ui::Ui;
use crate::{prompt, validate};

use super::fields;

/// The add path's second step (ARCHITECTURE.md): fill in the request from
/// the flags and the form, then hand it to the service, which checks the
/// credentials if asked and saves. Returns the saved integration.
pub fn save(ctx: &Ctx, args: &AddArgs) -> Result<Integration> {
    let mut service = Service::open(ctx)?;
    let new = collect(ctx, args, service.catalog())?;
    service.add(AddRequest {
        new,
        check: args.check.options(),
    })
}

fn collect(ctx: &Ctx, args: &AddArgs, conn: &dyn CatalogRead) -> Result<NewIntegration> {
    let ui = &ctx.ui;
    let flagged = check_flags(ui, args, conn)?;
    let store = ctx.default_store(args.secret_store)?;
    let asking = ui.interactive() && missing(args, flagged).is_some();
    let password_given = args.password.read(ui)?;
    if ui.interactive() {
        super::unlock_first(ctx, store)?;
    }
    let family = family(ui, args, asking)?;
    let kind = kind(ui, args, family, asking)?;
    let name = match &args.name {
        Some(n) => n.clone(),
        None => ask_name(ui, conn)?,
    };
    let registry = match &args.url {
        Some(url) => kind.registry_key(Some(url))?,
        None if asking => ask_url(ui, kind)?,
        None => kind.registry_key(None)?,
    };
    let username = fields::username(ui, kind, args.username.as_deref(), asking)?;
    let given = password_given.map(|p| (p, args.password.flag()));
    let password = fields::secret(ui, kind, &username, given)?;
    let email = match &args.email {
        Some(e) => Some(e.clone()),
        None if asking && kind.has_email => Some(prompt::input(
            ui,
            "Email (optional, Enter to skip)",
            None,
            true,
            validate::email,
        )?),
        None => None,
    }
    .filter(|e| !e.is_empty());
    let subscriptions = if asking && args.subscriptions.is_empty() {
        super::choose_subscriptions(ui, conn)?
    } else {
        args.subscriptions.clone()
    };
    let new = NewIntegration {
        family: FamilyRef(family),
        kind: TypeRef(kind),
        name,
        registry,
        username,
        email,
        password,
        subscriptions,
        store,
        verified: None,
    };
    if asking {
        super::confirm_save(ui, "About to save:", &summary(ctx, conn, &new)?)?;
    }
    Ok(new)
}

/// The first required value (of the type given, or the default one) that
/// no flag gives: what it is and the flag that gives it.
fn missing(args: &AddArgs, kind: &IntegrationType) -> Option<(&'static str, &'static str)> {
    let user = &kind.username;
    if args.name.is_none() {
        Some(("a name", "--name NAME"))
    } else if args.username.is_none() && user.fixed.is_none() && user.absent.is_none() {
        Some(("a username", "--username USERNAME"))
    } else if !args.password.given() && fields::needs_secret(kind, args.username.as_deref()) {
        Some(("a password", password::FLAGS))
    } else {
        None
    }
}

/// Without a terminal, report a missing required flag before reading
/// anything from stdin; check everything given as a flag before asking.
/// Returns the type of the flags (or the default one).
fn check_flags(
    ui: &Ui,
    args: &AddArgs,
    conn: &dyn CatalogRead,
) -> Result<&'static IntegrationType> {
    // The family, type and URL flags, against the defaults for what the
    // form may still ask (the answers are checked again then).
    let family = catalog::family(args.of.family.as_deref().unwrap_or(catalog::DEFAULT_FAMILY))?;
    let kind = family.integration_type(args.of.kind.as_deref().unwrap_or(catalog::DEFAULT_TYPE))?;
    if !ui.interactive()
        && let Some((what, flag)) = missing(args, kind)
    {
        return Err(ui.missing(what, flag));
    }
    if let Some(name) = &args.name {
        validate::flag("--name", name, validate::name)?;
        conn.ensure_name_free(name, None)?;
    }
    if let (Some(u), Some(_)) = (&args.username, &args.of.kind) {
        fields::username_flag(kind, u)?;
    } else if let Some(u) = &args.username {
        validate::flag("--username", u, validate::username)?;
    }
    if let Some(e) = &args.email {
        validate::flag("--email", e, validate::email)?;
    }
    for s in &args.subscriptions {
        validate::flag("--subscription", s, validate::name)?;
    }
    if let Some(url) = &args.url {
        kind.registry_key(Some(url))?;
    }
    Ok(kind)
}

fn family(ui: &Ui, args: &AddArgs, asking: bool) -> Result<&'static Family> {
    Ok(match &args.of.family {
        Some(f) => catalog::family(f)?,
        None if asking => {
            let items: Vec<_> = FAMILIES.iter().map(|f| (f.id, f.label)).collect();
            &FAMILIES[prompt::choose(ui, "Integration family", &items)?]
        }
        None => catalog::family(catalog::DEFAULT_FAMILY)?,
    })
}

fn kind(
    ui: &Ui,
    args: &AddArgs,
    family: &'static Family,
    asking: bool,
) -> Result<&'static IntegrationType> {
    Ok(match &args.of.kind {
        Some(t) => family.integration_type(t)?,
        None if asking => {
            let items: Vec<_> = family.types.iter().map(|t| (t.id, t.label)).collect();
            &family.types[prompt::choose(ui, "Integration type", &items)?]
        }
        None => family.integration_type(catalog::DEFAULT_TYPE)?,
    })
}

/// A name that is valid and not taken (ignoring case).
pub fn ask_name(ui: &Ui, conn: &dyn CatalogRead) -> Result<String> {
    prompt::input(ui, "Name", None, false, |v| {
        validate::name(v)?;
        match conn.find_integration(v) {
            Ok(Some(existing)) => Err(format!("'{}' is taken; choose another name", existing.name)),
            _ => Ok(()),
        }
    })
}

/// The registry URL, with the type's default offered (or its pattern shown).
fn ask_url(ui: &Ui, kind: &IntegrationType) -> Result<String> {
    let label = match kind.default_url {
        Some(_) => "Registry URL".to_string(),
        None => format!("Registry URL ({})", kind.host_hint),
    };
    let answer = prompt::input(ui, &label, kind.default_url, false, |v| {
        kind.check_url(v).map(drop)
    })?;
    kind.registry_key(Some(&answer))
}

/// What will be saved, the password masked and the store named.
fn summary(
    ctx: &Ctx,
    conn: &dyn CatalogRead,
    new: &NewIntegration,
) -> Result<Vec<(&'static str, String)>> {
    let mut subs = Vec::new();
    for name in &new.subscriptions {
        let is_new = conn.find_subscription(name)?.is_none();
        subs.push(if is_new {
            format!("{name} (new)")
        } else {
            name.clone()
        });
    }
    let none = || "(none)".to_string();
    let mut rows = vec![
        ("Family", new.family.to_string()),
        ("Type", new.kind.to_string()),
        ("Name", new.name.clone()),
        ("Registry", new.registry.clone()),
        ("Username", new.username.clone()),
        (
            "Password",
            format!(
                "{} (kept in the {})",
                super::MASKED,
                super::store_name(ctx, new.store)
            ),
        ),
        ("Email", new.email.clone().unwrap_or_else(none)),
        (
            "Subscriptions",
            Some(subs.join(", "))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(none),
        ),
    ];
    if !new.kind.has_email {
        rows.retain(|(label, _)| *label != "Email");
    }
    Ok(rows)
}
