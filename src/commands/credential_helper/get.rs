//! `docker-credential-hubint get`: a server URL on stdin, the credentials of
//! the integration that serves it on stdout.

use std::io::{Read, Write};

use anyhow::Result;

use super::protocol::{self, Credentials};
use crate::context::Ctx;
use crate::db::integrations::Integration;
use crate::db::{Db, subscriptions};
use crate::matching::{self, ENV_SUBSCRIPTION, Scope, Selection};
use crate::ops;

pub fn run(ctx: &Ctx, input: &mut dyn Read, out: &mut dyn Write) -> Result<()> {
    let server_url = protocol::read_server_url(input)?;
    let db = ctx.read_db()?;
    let scope = Scope::from_env();
    if serves_nothing_yet(ctx, &db, &scope)? {
        return Err(protocol::not_found());
    }
    let integration = found(matching::select(&db.conn, &server_url, &scope)?)?;
    let secret = ops::secret_of(ctx, &integration)?;
    protocol::write_json(
        out,
        &Credentials {
            server_url: &server_url,
            username: &integration.username,
            secret: &secret,
        },
    )
}

/// Whether `HUBINT_SUBSCRIPTION` names a subscription that does not exist
/// yet: nothing is served there (`podman login` asks before it stores, and
/// the store creates the subscription). It says so on stderr: a typo must
/// not silently serve nothing.
pub fn serves_nothing_yet(ctx: &Ctx, db: &Db, scope: &Scope) -> Result<bool> {
    let Some(sub) = &scope.subscription else {
        return Ok(false);
    };
    if subscriptions::find(&db.conn, sub)?.is_some() {
        return Ok(false);
    }
    ctx.ui.status(format!(
        "hubint: {ENV_SUBSCRIPTION} names '{sub}', but there is no subscription named \
         '{sub}' yet: nothing is served; a login there creates it"
    ));
    Ok(true)
}

/// The selected integration, or the protocol's not-found / ambiguity error.
pub fn found(selection: Selection) -> Result<Integration> {
    match selection {
        Selection::Found(i) => Ok(*i),
        Selection::NotFound => Err(protocol::not_found()),
        Selection::Ambiguous(key, list) => Err(matching::ambiguous(&key, &list).into()),
    }
}
