//! `docker-credential-hubint erase`: a server URL on stdin removes the
//! integration that serves it, with the rules of `integration delete`: one
//! that subscriptions still use is refused, and nothing changes.

use std::io::Read;

use anyhow::Result;

use super::{get, protocol};
use crate::context::Ctx;
use crate::matching::{self, Scope};
use crate::ops;

pub fn run(ctx: &Ctx, input: &mut dyn Read) -> Result<()> {
    let server_url = protocol::read_server_url(input)?;
    let mut db = ctx.open_db()?;
    let target = get::found(matching::select(&db.conn, &server_url, &Scope::from_env())?)?;
    ops::delete(ctx, &mut db, &target, false)?;
    ctx.ui
        .status(format!("hubint: deleted integration {}", target.name));
    Ok(())
}
