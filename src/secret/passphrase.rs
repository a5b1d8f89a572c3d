//! The file store's passphrase: from `HUBINT_PASSPHRASE`, from the file named
//! by `HUBINT_PASSPHRASE_FILE`, or from a prompt on a terminal (asked twice
//! when the store is created). Never from argv.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Result;
use dialoguer::Password;

use super::Secret;
use crate::error::Failure;
use crate::ui::Ui;
use crate::{limits, password};

pub const ENV_PASSPHRASE: &str = "HUBINT_PASSPHRASE";
pub const ENV_PASSPHRASE_FILE: &str = "HUBINT_PASSPHRASE_FILE";

/// The variables that carry a secret of hubint's own (never passed on to
/// the command of `hubint exec`).
pub const SECRET_VARS: [&str; 2] = [ENV_PASSPHRASE, ENV_PASSPHRASE_FILE];

/// Shorter passphrases get a warning when a store is created (and, typed at
/// the prompt, a confirmation).
const SHORT: usize = 12;

/// A passphrase and where it came from (for error messages).
pub struct Passphrase {
    pub secret: Secret,
    pub source: Source,
}

#[derive(Debug, Clone)]
pub enum Source {
    Env,
    EnvFile(PathBuf),
    Prompt,
    Stdin,
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Env => write!(f, "{ENV_PASSPHRASE}"),
            Source::EnvFile(p) => write!(f, "{ENV_PASSPHRASE_FILE} ({})", p.display()),
            Source::Prompt => f.write_str("the prompt"),
            Source::Stdin => f.write_str("standard input"),
            Source::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Whether [`obtain`] can get a passphrase without failing for lack of one:
/// a variable is set, or it may prompt.
pub fn available(ui: &Ui) -> bool {
    in_environment() || ui.interactive()
}

/// Whether a passphrase variable is set (so no prompt is needed).
pub fn in_environment() -> bool {
    let set = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty());
    set(ENV_PASSPHRASE) || set(ENV_PASSPHRASE_FILE)
}

/// The passphrase for the store at `store`, from the environment or, on a
/// terminal, a prompt. `creating`: the store does not exist yet, so a prompt
/// asks twice. Without either variable and without a terminal: exit 5,
/// naming both variables.
pub fn obtain(ui: &Ui, store: &Path, creating: bool) -> Result<Passphrase> {
    let env = std::env::var(ENV_PASSPHRASE).ok().filter(|v| !v.is_empty());
    let env_file = std::env::var_os(ENV_PASSPHRASE_FILE).filter(|v| !v.is_empty());
    let passphrase = match (env, env_file) {
        (Some(_), Some(_)) => {
            return Err(Failure::usage(format!(
                "both {ENV_PASSPHRASE} and {ENV_PASSPHRASE_FILE} are set"
            ))
            .hint("set only one of them")
            .into());
        }
        (Some(value), None) => Passphrase {
            secret: Secret::new(value),
            source: Source::Env,
        },
        (None, Some(path)) => {
            let path = PathBuf::from(path);
            refuse_if_exposed(&path)?;
            let secret = password::read_file(&path, "passphrase", limits::PASSPHRASE_INPUT)
                .map_err(|e| {
                    Failure::store(format!("{ENV_PASSPHRASE_FILE}: {e:#}")).hint(format!(
                        "{ENV_PASSPHRASE_FILE} must name a readable file holding the passphrase"
                    ))
                })?;
            Passphrase {
                secret,
                source: Source::EnvFile(path),
            }
        }
        (None, None) if ui.interactive() => Passphrase {
            secret: ask(ui, store, creating)?,
            source: Source::Prompt,
        },
        (None, None) => {
            return Err(Failure::store(format!(
                "no passphrase for the encrypted secret store {}: set {ENV_PASSPHRASE} or \
                 {ENV_PASSPHRASE_FILE}",
                store.display()
            ))
            .hint(format!(
                "{ENV_PASSPHRASE_FILE} names a file holding the passphrase; hubint asks for it \
                 only when stdin and stderr are terminals and --no-input is not set"
            ))
            .into());
        }
    };
    check(&passphrase, creating)?;
    let prompted = matches!(passphrase.source, Source::Prompt);
    if creating && !prompted && is_short(&passphrase.secret) {
        warn_short(ui, store);
    }
    Ok(passphrase)
}

/// The passphrase typed at the prompt. For a new store it is asked twice,
/// and a short one is kept only if the user confirms it.
fn ask(ui: &Ui, store: &Path, creating: bool) -> Result<Secret> {
    if creating {
        ui.status(format!(
            "Creating the encrypted secret store {}. Choose a passphrase: \
             hubint asks for it whenever it needs these secrets (scripts can set \
             {ENV_PASSPHRASE} or {ENV_PASSPHRASE_FILE}).",
            store.display()
        ));
    }
    loop {
        let secret = prompt(ui, "Passphrase for the encrypted secret store", creating)?;
        if !creating || !is_short(&secret) {
            return Ok(secret);
        }
        warn_short(ui, store);
        if crate::prompt::confirm("Use this short passphrase anyway?")? {
            return Ok(secret);
        }
    }
}

fn is_short(secret: &Secret) -> bool {
    secret.chars().count() < SHORT
}

fn warn_short(ui: &Ui, store: &Path) {
    ui.warn(format!(
        "a passphrase shorter than {SHORT} characters is easy to guess for anyone who \
         copies {}",
        store.display()
    ));
}

/// Whether a passphrase file can be read by the group or others (a regular
/// file whose mode has any of 0o077), and its mode. Pipes such as
/// `<(pass show hubint)` are not checked.
pub fn exposed(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path).ok()?;
        let mode = meta.permissions().mode() & 0o777;
        (meta.is_file() && mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// As ssh does with private keys: a passphrase file that others can read is
/// not used (exit 5).
fn refuse_if_exposed(path: &Path) -> Result<()> {
    match exposed(path) {
        Some(mode) => Err(Failure::store(format!(
            "{ENV_PASSPHRASE_FILE} {} is readable by other users (mode {mode:04o}); \
             it was not used",
            path.display()
        ))
        .hint(format!(
            "run `chmod 600 {}` (and change the passphrase if others may have read it)",
            path.display()
        ))
        .into()),
        None => Ok(()),
    }
}

/// A new passphrase for `hubint secret-store passwd`: from standard input,
/// a file, or a prompt asked twice.
pub fn obtain_new(ui: &Ui, stdin: bool, file: Option<&Path>) -> Result<Passphrase> {
    let passphrase = if stdin {
        Passphrase {
            secret: password::read_stdin("new passphrase", limits::PASSPHRASE_INPUT)?,
            source: Source::Stdin,
        }
    } else if let Some(path) = file {
        Passphrase {
            secret: password::read_file(path, "new passphrase", limits::PASSPHRASE_INPUT)?,
            source: Source::File(path.to_path_buf()),
        }
    } else if ui.interactive() {
        Passphrase {
            secret: prompt(ui, "New passphrase", true)?,
            source: Source::Prompt,
        }
    } else {
        return Err(ui.missing(
            "the new passphrase",
            "--new-passphrase-stdin or --new-passphrase-file FILE",
        ));
    };
    if passphrase.secret.is_empty() {
        return Err(Failure::usage(format!(
            "the new passphrase from {} is empty",
            passphrase.source
        ))
        .into());
    }
    Ok(passphrase)
}

fn check(passphrase: &Passphrase, creating: bool) -> Result<()> {
    if passphrase.secret.is_empty() {
        let failure = Failure::store(format!(
            "the passphrase from {} is empty",
            passphrase.source
        ));
        return Err(if creating {
            failure.hint("choose a non-empty passphrase").into()
        } else {
            failure.into()
        });
    }
    Ok(())
}

fn prompt(ui: &Ui, text: &str, twice: bool) -> Result<Secret> {
    // Ctrl-C here restores echo and exits 130, as at every other prompt.
    let _at = crate::prompt::AtPrompt::enter();
    let theme = ui.theme();
    let mut password = Password::with_theme(&*theme)
        .with_prompt(text)
        .validate_with(|p: &String| -> Result<(), String> {
            if p.is_empty() {
                Err("the passphrase must not be empty".into())
            } else {
                Ok(())
            }
        });
    if twice {
        password = password.with_confirmation(
            "Repeat the passphrase",
            "Passphrases do not match, try again",
        );
    }
    Ok(Secret::new(password.interact()?))
}
