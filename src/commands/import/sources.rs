//! Where the logins of a docker config come from: the plaintext `auths`
//! entries (also the format of a containers `auth.json`), and the helpers
//! named by `credsStore` and `credHelpers`.

use serde_json::{Map, Value};

use crate::context::Ctx;
use crate::dockerconfig::{self, ConfigFile, child, malformed};
use crate::external_helper::ExternalHelper;
use crate::registry;
use crate::secret::Secret;
use crate::service::{Login, TOKEN_USERNAME};
use crate::validate;

/// One login found, and where.
pub struct Found {
    /// `.auths["quay.io"]` or `docker-credential-pass`.
    pub source: String,
    /// The `auths` key holding it in plaintext (what `--scrub` removes).
    pub auths_key: Option<String>,
    pub login: Login,
}

/// The keys of an `auths` entry that hold a secret.
pub const SECRET_KEYS: &[&str] = &["auth", "password", "identitytoken"];

/// Every login in the `auths` object. Any structural problem is an error
/// naming the file and the JSON path; nothing is returned then.
pub fn auths(ctx: &Ctx, config: &ConfigFile) -> anyhow::Result<Vec<Found>> {
    let file = &config.path;
    let Some(auths) = config.root.get("auths").filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let Value::Object(auths) = auths else {
        let why = format!("{} is not an object", dockerconfig::kind(auths));
        return Err(malformed(file, ".auths", &why));
    };
    let mut found = Vec::new();
    for (key, entry) in auths {
        let path = child(".auths", key);
        let Value::Object(entry) = entry else {
            let why = format!("{} is not an object", dockerconfig::kind(entry));
            return Err(malformed(file, &path, &why));
        };
        let registry = registry::normalize(key)
            .map_err(|why| malformed(file, &path, &format!("not a registry address: {why}")))?;
        let field = |name: &str| -> anyhow::Result<Option<&str>> {
            match entry.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) if s.is_empty() => Ok(None),
                Some(Value::String(s)) => Ok(Some(s)),
                Some(other) => Err(malformed(
                    file,
                    &child(&path, name),
                    &format!("{} is not a string", dockerconfig::kind(other)),
                )),
            }
        };
        let (username, secret) = if let Some(token) = field("identitytoken")? {
            (TOKEN_USERNAME.to_string(), Secret::new(token.to_string()))
        } else if let Some(auth) = field("auth")? {
            dockerconfig::decode_auth(auth)
                .map_err(|why| malformed(file, &child(&path, "auth"), &why))?
        } else if let (Some(user), Some(password)) = (field("username")?, field("password")?) {
            (user.to_string(), Secret::new(password.to_string()))
        } else {
            continue; // an empty entry: the secret is with credsStore
        };
        let email = field("email")?.map(str::to_string);
        let login = Login {
            registry,
            username,
            secret,
            email: valid_email(ctx, &path, email),
        };
        login
            .validate()
            .map_err(|why| malformed(file, &path, &why))?;
        found.push(Found {
            source: path,
            auths_key: Some(key.clone()),
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
    match config.root.get("credsStore") {
        None | Some(Value::Null) => {}
        Some(Value::String(name)) if name.is_empty() => {}
        Some(Value::String(name)) => {
            if let Some(helper) = usable(ctx, name, ".credsStore") {
                for (url, _) in helper.list()? {
                    found.extend(from_helper(ctx, &helper, &url)?);
                }
            }
        }
        Some(other) => {
            let why = format!("{} is not a string", dockerconfig::kind(other));
            return Err(malformed(file, ".credsStore", &why));
        }
    }
    let empty = Map::new();
    let helpers = match config.root.get("credHelpers") {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(map)) => map,
        Some(other) => {
            let why = format!("{} is not an object", dockerconfig::kind(other));
            return Err(malformed(file, ".credHelpers", &why));
        }
    };
    for (url, name) in helpers {
        let path = child(".credHelpers", url);
        let Value::String(name) = name else {
            let why = format!("{} is not a string", dockerconfig::kind(name));
            return Err(malformed(file, &path, &why));
        };
        if let Some(helper) = usable(ctx, name, &path) {
            found.extend(from_helper(ctx, &helper, url)?);
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
