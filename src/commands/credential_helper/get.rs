//! `docker-credential-hubint get`: a server URL on stdin, the credentials of
//! the integration that serves it on stdout.

use std::io::{Read, Write};

use anyhow::Result;

use super::protocol::{self, Credentials};
use crate::context::Ctx;
use crate::matching::{self, ENV_SUBSCRIPTION, Scope, Selection};
use crate::service::Service;
use crate::service::model::Integration;

pub fn run(ctx: &Ctx, input: &mut dyn Read, out: &mut dyn Write) -> Result<()> {
    let server_url = protocol::read_server_url(input)?;
    let service = Service::reader(ctx)?;
    let scope = Scope::from_env();
    if serves_nothing_yet(ctx, &service, &scope)? {
        return Err(protocol::not_found());
    }
    let integration = found(service.resolve(&server_url, &scope)?)?;
    let login = service.registry_login(&integration)?;
    protocol::write_json(
        out,
        &Credentials {
            server_url: &server_url,
            username: &login.username,
            secret: &login.password,
        },
    )
}

/// Whether `HUBINT_SUBSCRIPTION` names a subscription that does not exist
/// yet: nothing is served there (`podman login` asks before it stores, and
/// the store creates the subscription). It says so on stderr: a typo must
/// not silently serve nothing.
pub fn serves_nothing_yet(ctx: &Ctx, service: &Service, scope: &Scope) -> Result<bool> {
    let Some(sub) = &scope.subscription else {
        return Ok(false);
    };
    if service.catalog().find_subscription(sub)?.is_some() {
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
