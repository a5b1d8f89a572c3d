//! `docker-credential-hubint erase`: a server URL on stdin logs out of that
//! registry in the current scope (see `service::helper`): `get` in the same
//! scope then finds nothing. Nothing to log out of is a success, as upstream.

use std::io::Read;

use anyhow::Result;

use super::protocol;
use crate::context::Ctx;
use crate::matching::Scope;
use crate::service::Service;

pub fn run(ctx: &Ctx, input: &mut dyn Read) -> Result<()> {
    let server_url = protocol::read_server_url(input)?;
    let mut service = Service::open(ctx)?;
    for note in service.erase_login(&server_url, &Scope::from_env())? {
        ctx.ui.status(note);
    }
    Ok(())
}
