//! Where the logins of a docker config come from: the plaintext `auths`
//! entries (also the format of a containers `auth.json`), and the helpers
//! named by `credsStore` and `credHelpers`.

use crate::context::Ctx;
use crate::dockerconfig::{self, ConfigFile, Contents, HelperEntry};
use crate::external_helper::ExternalHelper;
use crate::registry;
use crate::service::Login;
use crate::validate;

/// One login found, and where.
pub struct Found {
    /// `.auths["quay.io"]` or `docker-credential-pass`.
    pub source: String,
    /// The `auths` key holding it in plaintext (what `--scrub` removes).
    pub auths_key: Option<String>,
    pub login: Login,
}

/// Every login in the `auths` object. Any structural problem is an error
/// naming the file and the JSON path; nothing is returned then.
pub fn auths(ctx: &Ctx, config: &ConfigFile) -> anyhow::Result<Vec<Found>> {
    let file = &config.path;
    let mut found = Vec::new();
    for entry in Contents::of(&config.root).auths {
        let entry = entry.map_err(|m| m.error(file))?;
        let path = entry.path.clone();
        if entry.fields.is_none() {
            return Err(dockerconfig::malformed(
                file,
                &path,
                "null is not an object",
            ));
        }
        let registry = registry::normalize(entry.key).map_err(|why| {
            dockerconfig::malformed(file, &path, &format!("not a registry address: {why}"))
        })?;
        let Some((username, secret)) =
            dockerconfig::credentials(&entry).map_err(|m| m.error(file))?
        else {
            continue; // an empty entry: the secret is with credsStore
        };
        let email = entry
            .field("email")
            .map_err(|m| m.error(file))?
            .map(str::to_string);
        let login = Login {
            registry,
            username,
            secret,
            email: valid_email(ctx, &path, email),
        };
        login
            .validate()
            .map_err(|why| dockerconfig::malformed(file, &path, &why))?;
        found.push(Found {
            source: path,
            auths_key: Some(entry.key.to_string()),
            login,
        });
    }
    Ok(found)
}

/// Drop an email address hubint would not accept, with a warning.
fn valid_email(ctx: &Ctx, path: &str, email: Option<String>) -> Option<String> {
    let email = email?;
    match validate::email(&email) {
        Ok(()) => Some(email),
        Err(why) => {
            ctx.ui.warn(format!("{path}.email is ignored: {why}"));
            None
        }
    }
}

/// The logins held by the helpers that `credsStore` and `credHelpers` name.
/// A helper that is not on PATH is skipped with a warning; hubint's own
/// entries are skipped silently.
pub fn helpers(ctx: &Ctx, config: &ConfigFile) -> anyhow::Result<Vec<Found>> {
    let file = &config.path;
    let mut found = Vec::new();
    for entry in Contents::of(&config.root).helpers {
        let HelperEntry {
            path,
            registry,
            name,
        } = entry.map_err(|m| m.error(file))?;
        let Some(name) = name else {
            return Err(dockerconfig::malformed(file, &path, "null is not a string"));
        };
        let Some(helper) = usable(ctx, name, &path) else {
            continue;
        };
        match registry {
            // credsStore: every login it holds.
            None => {
                for (url, _) in helper.list()? {
                    found.extend(from_helper(ctx, &helper, &url)?);
                }
            }
            Some(url) => found.extend(from_helper(ctx, &helper, url)?),
        }
    }
    Ok(found)
}

fn usable(ctx: &Ctx, name: &str, path: &str) -> Option<ExternalHelper> {
    if name == dockerconfig::HELPER {
        return None;
    }
    let helper = ExternalHelper::find(name);
    if helper.is_none() {
        ctx.ui.warn(format!(
            "{path} names docker-credential-{name}, which is not on PATH; its logins are not imported"
        ));
    }
    helper
}

fn from_helper(ctx: &Ctx, helper: &ExternalHelper, url: &str) -> anyhow::Result<Option<Found>> {
    let Ok(registry) = registry::normalize(url) else {
        ctx.ui.warn(format!(
            "{} holds '{url}', which is not a registry address; skipped",
            helper.program()
        ));
        return Ok(None);
    };
    let Some((username, secret)) = helper.get(url)? else {
        return Ok(None);
    };
    let login = Login {
        registry,
        username,
        secret,
        email: None,
    };
    if let Err(why) = login.validate() {
        ctx.ui.warn(format!(
            "{} holds unusable credentials for {url} ({why}); skipped",
            helper.program()
        ));
        return Ok(None);
    }
    Ok(Some(Found {
        source: helper.program(),
        auths_key: None,
        login,
    }))
}
