//! `docker-credential-hubint store`: `{"ServerURL","Username","Secret"}` on
//! stdin becomes the login for that registry in the current scope (see
//! `service::helper`): `get` in the same scope then returns exactly it.

use std::io::Read;

use anyhow::Result;

use super::protocol;
use crate::context::Ctx;
use crate::error::Failure;
use crate::matching::Scope;
use crate::registry;
use crate::service::{Login, Saved, Service};

pub fn run(ctx: &Ctx, input: &mut dyn Read) -> Result<()> {
    let creds = protocol::read_credentials(input)?;
    let registry = registry::normalize(&creds.server_url).map_err(|why| {
        Failure::usage(format!(
            "invalid credentials server URL '{}': {why}",
            crate::validate::excerpt(&creds.server_url)
        ))
    })?;
    let login = Login {
        registry,
        username: creds.username,
        secret: creds.secret,
        email: None,
    };
    let mut service = Service::open(ctx)?;
    let (saved, notes) = service.save_login(&login, &Scope::from_env())?;
    let i = saved.integration();
    ctx.ui.status(match &saved {
        Saved::Created(_) => format!("hubint: created integration {} for {}", i.name, i.registry),
        Saved::Updated(_) => format!("hubint: updated integration {}", i.name),
        Saved::Unchanged(_) => format!("hubint: integration {} is up to date", i.name),
    });
    for note in notes {
        ctx.ui.status(note);
    }
    Ok(())
}
