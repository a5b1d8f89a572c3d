//! `docker-credential-hubint get`: a server URL on stdin, the credentials of
//! the integration that serves it on stdout.

use std::io::{Read, Write};

use anyhow::Result;

use super::protocol::{self, Credentials};
use crate::context::Ctx;
use crate::db::integrations::Integration;
use crate::error::Failure;
use crate::matching::{self, Scope, Selection};
use crate::secret::Secret;

pub fn run(ctx: &Ctx, input: &mut dyn Read, out: &mut dyn Write) -> Result<()> {
    let server_url = protocol::read_server_url(input)?;
    let db = ctx.open_db()?;
    let integration = found(matching::select(&db.conn, &server_url, &Scope::from_env())?)?;
    let secret = secret_of(ctx, &integration)?;
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

/// The secret of an integration; its absence is an error, never a prompt (a
/// locked Secret Service returns nothing rather than asking).
pub fn secret_of(ctx: &Ctx, i: &Integration) -> Result<Secret> {
    match ctx.store_named(&i.secret_store)?.get(&i.id)? {
        Some(secret) => Ok(secret),
        None => Err(Failure::store(format!(
            "the password of integration '{}' is not in the {} (is it locked?)",
            i.name, i.secret_store
        ))
        .hint(format!(
            "unlock the keyring, or set the password again with \
             `hubint integration edit {} --password-stdin`",
            i.name
        ))
        .into()),
    }
}
