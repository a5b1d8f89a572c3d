//! `docker-credential-hubint get`: a server URL on stdin, the credentials of
//! the integration that serves it on stdout.

use std::io::{Read, Write};

use anyhow::Result;

use super::protocol::{self, Credentials};
use crate::context::Ctx;
use crate::db::integrations::Integration;
use crate::db::subscriptions;
use crate::matching::{self, ENV_SUBSCRIPTION, Scope, Selection};
use crate::ops;

pub fn run(ctx: &Ctx, input: &mut dyn Read, out: &mut dyn Write) -> Result<()> {
    let server_url = protocol::read_server_url(input)?;
    let db = ctx.open_db()?;
    let scope = Scope::from_env();
    if let Some(sub) = &scope.subscription
        && subscriptions::find(&db.conn, sub)?.is_none()
    {
        // Nothing is served there yet; `podman login` asks before it
        // stores, and the store creates the subscription. Say so: a typo
        // must not silently serve nothing.
        ctx.ui.status(format!(
            "hubint: {ENV_SUBSCRIPTION} names '{sub}', but there is no subscription named \
             '{sub}' yet: nothing is served; a login there creates it"
        ));
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

/// The selected integration, or the protocol's not-found / ambiguity error.
pub fn found(selection: Selection) -> Result<Integration> {
    match selection {
        Selection::Found(i) => Ok(*i),
        Selection::NotFound => Err(protocol::not_found()),
        Selection::Ambiguous(key, list) => Err(matching::ambiguous(&key, &list).into()),
    }
}
