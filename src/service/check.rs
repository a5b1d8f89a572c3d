//! `add --verify` and `edit --verify`: the check of credentials before they
//! are saved, against what the registry will get from them (for `ecr`, a
//! token minted from the keys). A failed check refuses the save (exit 6);
//! a passed one is recorded with the row.

use anyhow::Result;

use super::model::{Timestamp, TypeRef};
use super::{RegistryLogin, Service, write::NewIntegration};
use crate::secret::Secret;
use crate::verify::{self, Credentials, Options};

/// The credentials about to be saved, and what they are for.
pub struct Candidate<'a> {
    pub kind: TypeRef,
    pub name: &'a str,
    pub registry: &'a str,
    pub username: &'a str,
    pub password: &'a Secret,
}

impl<'a> Candidate<'a> {
    pub fn of(new: &'a NewIntegration) -> Candidate<'a> {
        Candidate {
            kind: new.kind,
            name: &new.name,
            registry: &new.registry,
            username: &new.username,
            password: &new.password,
        }
    }
}

impl Service<'_> {
    /// With `options` (`--verify`): check the credentials and fail unless
    /// they work. Returns when the check ended and its result, to record
    /// with the row; `None` without `--verify`.
    pub fn check_before_save(
        &self,
        c: &Candidate,
        options: Option<Options>,
    ) -> Result<Option<(Timestamp, String)>> {
        let Some(options) = options else {
            return Ok(None);
        };
        let login = login_before_save(c)?;
        let credentials = Credentials {
            username: &login.username,
            password: &login.password,
        };
        let report = verify::args::check_before_save(
            &self.ctx.ui,
            c.name,
            c.registry,
            &credentials,
            &options,
        )?;
        Ok(Some((Timestamp::now(), report.result.to_string())))
    }
}

/// What the registry would get from these credentials before they are
/// saved: the same for a stored password; for `ecr`, a token minted from
/// the keys now (not cached: nothing is saved yet).
fn login_before_save(c: &Candidate) -> Result<RegistryLogin> {
    if !c.kind.is_ecr() {
        return Ok(RegistryLogin {
            username: c.username.to_string(),
            password: c.password.clone(),
        });
    }
    let served = crate::ecr::serve(c.name, c.username, c.password, c.registry)?;
    Ok(RegistryLogin {
        username: crate::ecr::USERNAME.to_string(),
        password: served.password,
    })
}
