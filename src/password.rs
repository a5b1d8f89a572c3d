//! Where a password comes from: stdin, a file, or (with a warning) argv.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;

use crate::error::Failure;
use crate::limits;
use crate::secret::Secret;
use crate::ui::Ui;
use crate::validate;

#[derive(Args, Debug, Default, Clone)]
#[group(id = "password_source", multiple = false)]
pub struct PasswordArgs {
    /// Read the password from standard input (at most 16 KiB; one trailing
    /// newline is removed)
    #[arg(long)]
    pub password_stdin: bool,

    /// Read the password from FILE (at most 16 KiB; one trailing newline is
    /// removed)
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,

    /// The password itself. Insecure: it is visible to other processes and
    /// kept in shell history. Prefer --password-stdin
    #[arg(long, value_name = "PASSWORD", value_parser = secret_arg)]
    pub password: Option<Secret>,
}

/// `--password` goes straight into a zeroizing string.
fn secret_arg(value: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::new(value.to_string()))
}

/// The flags that supply a password, for error messages.
pub const FLAGS: &str = "--password-stdin or --password-file FILE";

impl PasswordArgs {
    pub fn given(&self) -> bool {
        self.password_stdin || self.password_file.is_some() || self.password.is_some()
    }

    /// The flag that gave the password, for error messages.
    pub fn flag(&self) -> &'static str {
        if self.password_stdin {
            "--password-stdin"
        } else if self.password_file.is_some() {
            "--password-file"
        } else {
            "--password"
        }
    }

    /// The password from whichever flag was given, validated; `None` if no
    /// flag was given.
    pub fn read(&self, ui: &Ui) -> Result<Option<Secret>> {
        let (secret, flag) = if self.password_stdin {
            (
                read_stdin("password", limits::PASSWORD_INPUT)?,
                "--password-stdin",
            )
        } else if let Some(path) = &self.password_file {
            (
                read_file(path, "password", limits::PASSWORD_INPUT)?,
                "--password-file",
            )
        } else if let Some(p) = &self.password {
            ui.warn(
                "--password is insecure: the password is visible to other processes. \
                 Use --password-stdin instead",
            );
            (p.clone(), "--password")
        } else {
            return Ok(None);
        };
        if let Err(why) = validate::password(&secret) {
            return Err(Failure::usage(format!("invalid password from {flag}: {why}")).into());
        }
        Ok(Some(secret))
    }
}

/// The secret held in the file at `path` (a `what` file: "password",
/// "passphrase"), without one trailing newline. Reading stops after `limit`
/// bytes (see [`limits`]): a longer file is an invalid value (exit 2).
pub fn read_file(path: &Path, what: &str, limit: usize) -> Result<Secret> {
    let cannot = |e: std::io::Error| {
        Failure::usage(format!("cannot read {what} file {}: {e}", path.display())).hint(format!(
            "pass the path of a readable file holding the {what}"
        ))
    };
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let source = format!("{what} file {}", path.display());
    let bytes = limits::read_bounded(&mut file, limit).map_err(cannot)?;
    decode(bytes, &source, what, limit)
}

/// A secret from standard input, with one trailing newline removed. Text
/// that is not UTF-8, or longer than `limit` bytes, is an invalid value
/// (exit 2), as for a file.
pub fn read_stdin(what: &str, limit: usize) -> Result<Secret> {
    let bytes = limits::read_bounded(&mut std::io::stdin().lock(), limit)
        .with_context(|| format!("cannot read the {what} from standard input"))?;
    decode(bytes, &format!("the {what} on standard input"), what, limit)
}

/// The bytes read from `source` as a secret: UTF-8, within `limit`.
fn decode(
    bytes: Option<zeroize::Zeroizing<Vec<u8>>>,
    source: &str,
    what: &str,
    limit: usize,
) -> Result<Secret> {
    let Some(bytes) = bytes else {
        return Err(Failure::usage(format!(
            "{source} is too long: a {what} has at most {} (reading stopped there)",
            limits::describe(limit)
        ))
        .into());
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Failure::usage(format!("{source} is not valid UTF-8")))?;
    Ok(strip_newline(Secret::new(text.to_string())))
}

/// Remove one trailing newline (`\n` or `\r\n`).
pub fn strip_newline(mut s: Secret) -> Secret {
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_one_newline() {
        assert_eq!(&*strip_newline(Secret::new("pw\n".into())), "pw");
        assert_eq!(&*strip_newline(Secret::new("pw\r\n".into())), "pw");
        assert_eq!(&*strip_newline(Secret::new("pw\n\n".into())), "pw\n");
        assert_eq!(&*strip_newline(Secret::new("pw".into())), "pw");
    }
}
