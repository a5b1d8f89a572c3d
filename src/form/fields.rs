//! The username and secret of a type, as its catalog entry says: a fixed
//! username is shown, not asked; ECR's empty answer means the AWS default
//! credential chain (no secret); a JSON key is read from a file whose path
//! is asked; every secret is checked by the type (an error, or a warning).

use anyhow::Result;

use crate::catalog::{IntegrationType, SecretKind};
use crate::error::Failure;
use crate::secret::Secret;
use crate::ui::Ui;
use crate::{limits, password, prompt, validate};

/// Both checks of a username: the general one, then the type's.
pub fn check_username(kind: &IntegrationType, user: &str) -> Result<(), String> {
    if kind.secretless(user) {
        return Ok(());
    }
    validate::username(user)?;
    (kind.username.check)(user)
}

/// The `--username` flag, checked for the type.
pub fn username_flag(kind: &IntegrationType, user: &str) -> Result<()> {
    if kind.secretless(user) {
        return Ok(());
    }
    validate::flag("--username", user, validate::username)?;
    (kind.username.check)(user).map_err(|why| {
        Failure::usage(format!("invalid --username for type {}: {why}", kind.id))
            .hint(format!("{} takes: {}", kind.id, kind.username.prompt))
            .into()
    })
}

/// The username: the flag, the type's fixed one, or asked.
pub fn username(
    ui: &Ui,
    kind: &IntegrationType,
    flag: Option<&str>,
    asking: bool,
) -> Result<String> {
    let field = &kind.username;
    if let Some(user) = flag {
        username_flag(kind, user)?;
        return Ok(user.to_string());
    }
    if let Some(fixed) = field.fixed {
        if asking {
            prompt::chosen(ui, "Username", fixed);
        }
        return Ok(fixed.to_string());
    }
    match field.absent {
        Some(absent) if !asking => Ok(absent.to_string()),
        Some(absent) => {
            let answer = prompt::input(ui, field.prompt, None, true, |v| check_username(kind, v))?;
            Ok(if answer.is_empty() {
                absent.to_string()
            } else {
                answer
            })
        }
        None => prompt::input(ui, field.prompt, None, false, |v| check_username(kind, v)),
    }
}

/// Whether the type needs a secret with this username.
pub fn needs_secret(kind: &IntegrationType, username: Option<&str>) -> bool {
    match username {
        Some(user) => !kind.secretless(user),
        None => kind.username.absent.is_none(),
    }
}

/// The secret: the one given by a flag, or asked; checked for the type. A
/// secretless username (ECR's default chain) keeps its marker as the secret.
pub fn secret(
    ui: &Ui,
    kind: &IntegrationType,
    username: &str,
    given: Option<(Secret, &'static str)>,
) -> Result<Secret> {
    if kind.secretless(username) {
        if let Some((_, flag)) = given {
            return Err(Failure::usage(format!(
                "{flag} is not taken with the AWS default credential chain"
            ))
            .hint("pass --username ACCESS_KEY_ID with the secret access key, or leave both out")
            .into());
        }
        return Ok(Secret::new(username.to_string()));
    }
    let (secret, from) = match given {
        Some(given) => given,
        None => (ask(ui, kind)?, "the prompt"),
    };
    check_secret(ui, kind, &secret, from)?;
    Ok(secret)
}

/// The type's check of a secret: a usage error, or a warning.
pub fn check_secret(ui: &Ui, kind: &IntegrationType, secret: &str, from: &str) -> Result<()> {
    match (kind.secret.check)(secret) {
        Ok(None) => Ok(()),
        Ok(Some(warning)) => {
            ui.warn(warning);
            Ok(())
        }
        Err(why) => Err(
            Failure::usage(format!("invalid {} from {from}: {why}", kind.secret.name))
                .hint(secret_hint(kind))
                .into(),
        ),
    }
}

fn secret_hint(kind: &IntegrationType) -> String {
    match kind.secret.kind {
        SecretKind::JsonKeyFile => "pass the service-account key downloaded from Google Cloud \
             (IAM > Service accounts > Keys) with --password-file key.json"
            .into(),
        _ => format!("pass the {} with --password-stdin", kind.secret.name),
    }
}

/// At an edit: a new secret, or `None` (Enter) to keep the current one.
/// A key-file type asks for the file's path, as `add` does, never for
/// the key itself at a hidden prompt.
pub fn ask_new(ui: &Ui, kind: &IntegrationType) -> Result<Option<Secret>> {
    if kind.secret.kind == SecretKind::JsonKeyFile {
        let label = format!("{} (Enter keeps the current key)", kind.secret.prompt);
        return ask_key_file(ui, kind, &label, true);
    }
    let password = prompt::password(ui, "Password (leave empty to keep the current one)", true)?;
    if let Some(p) = &password {
        check_secret(ui, kind, p, "the prompt")?;
    }
    Ok(password)
}

/// The path of a key file, checked as the type says, and the key it holds;
/// `None` for an empty answer where that is allowed (`optional`).
fn ask_key_file(
    ui: &Ui,
    kind: &IntegrationType,
    label: &str,
    optional: bool,
) -> Result<Option<Secret>> {
    let path = prompt::input(ui, label, None, optional, |v| {
        if optional && v.is_empty() {
            return Ok(());
        }
        let key = password::read_file(v.as_ref(), "key", limits::PASSWORD_INPUT)
            .map_err(|e| e.to_string())?;
        (kind.secret.check)(&key).map(drop)
    })?;
    if path.is_empty() {
        return Ok(None);
    }
    password::read_file(path.as_ref(), "key", limits::PASSWORD_INPUT).map(Some)
}

fn ask(ui: &Ui, kind: &IntegrationType) -> Result<Secret> {
    if kind.secret.kind == SecretKind::JsonKeyFile {
        let key = ask_key_file(ui, kind, kind.secret.prompt, false)?;
        return Ok(key.expect("a key-file prompt that cannot be skipped returns one"));
    }
    Ok(prompt::password(ui, kind.secret.prompt, false)?
        .expect("a password prompt that cannot be skipped returns one"))
}
