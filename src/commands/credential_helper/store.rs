//! `docker-credential-hubint store`: `{"ServerURL","Username","Secret"}` on
//! stdin creates or updates the integration for that registry and username.

use std::io::Read;

use anyhow::Result;

use super::protocol;
use crate::context::Ctx;
use crate::error::Failure;
use crate::login::{self, Login, Saved};
use crate::matching::Scope;
use crate::registry;

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
    let mut db = ctx.open_db()?;
    let saved = login::save(ctx, &mut db, &login, &Scope::from_env())?;
    let i = saved.integration();
    ctx.ui.status(match &saved {
        Saved::Created(_) => format!("hubint: created integration {} for {}", i.name, i.registry),
        Saved::Updated(_) => format!("hubint: updated integration {}", i.name),
        Saved::Unchanged(_) => format!("hubint: integration {} is up to date", i.name),
    });
    Ok(())
}
