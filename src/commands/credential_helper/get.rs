//! `docker-credential-hubint get`: a server URL on stdin, the credentials of
//! the integration that serves it on stdout.

use std::io::{Read, Write};

use anyhow::Result;

use super::protocol::{self, Credentials};
use crate::context::Ctx;
use crate::db::integrations::Integration;
use crate::matching::{self, Scope, Selection};
use crate::ops;

pub fn run(ctx: &Ctx, input: &mut dyn Read, out: &mut dyn Write) -> Result<()> {
    let server_url = protocol::read_server_url(input)?;
    let db = ctx.read_db()?;
    let integration = found(matching::select(&db.conn, &server_url, &Scope::from_env())?)?;
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
