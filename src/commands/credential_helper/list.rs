//! `docker-credential-hubint list`: a JSON object mapping each registry that
//! hubint serves (within `HUBINT_SUBSCRIPTION` / `HUBINT_INTEGRATION`) to its
//! username; `{}` when there is none.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;

use super::protocol;
use crate::context::Ctx;
use crate::dockerconfig;
use crate::matching::{self, Scope, Selection};
use crate::service::Service;
use crate::service::catalog::Filter;

pub fn run(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let service = Service::reader(ctx)?;
    let scope = Scope::from_env();
    if super::get::serves_nothing_yet(ctx, &service, &scope)? {
        return protocol::write_json(out, &BTreeMap::<String, String>::new());
    }
    service.check_scope(&scope)?;
    let mut served = service.list(&Filter::default())?;
    served.retain(|i| scope.serves(i));
    let mut accounts = BTreeMap::new();
    for (key, chosen) in dockerconfig::by_registry(served) {
        let username = match chosen {
            Selection::Found(i) => i.username,
            Selection::Ambiguous(key, list) => {
                ctx.ui.status(format!(
                    "hubint: {}",
                    matching::ambiguous(&key, &list).message
                ));
                list[0].username.clone()
            }
            Selection::NotFound => continue,
        };
        accounts.insert(key, username);
    }
    protocol::write_json(out, &accounts)
}
