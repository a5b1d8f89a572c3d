//! Exit codes and the one error type that carries them.
//!
//! Commands return `anyhow::Result`. An error that should exit with something
//! other than 1 carries a [`Failure`] somewhere in its chain; [`exit_code`]
//! finds it. This is the only place where errors become exit codes.

use std::fmt;
use std::io;

/// Documented, stable exit codes. Describe each in `docs::EXIT_CODES`
/// (`--help` and the man pages) and in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// 0: success.
    Ok = 0,
    /// 1: any other failure.
    Failure = 1,
    /// 2: usage error or invalid value.
    Usage = 2,
    /// 3: the named integration, subscription or link does not exist.
    NotFound = 3,
    /// 4: conflict: the name is taken, or the integration is still in use.
    Conflict = 4,
    /// 5: the secret store is unavailable or locked.
    SecretStore = 5,
    /// 6: verification failed: the registry rejected the credentials or could not be checked.
    VerifyFailed = 6,
    /// 7: `hubint doctor` found problems (it printed each one with its fix).
    DoctorProblems = 7,
    /// 126: `exec`: the command was found but cannot be run (not executable).
    CannotRun = 126,
    /// 127: `exec`: the command was not found.
    CommandNotFound = 127,
    /// 130: cancelled at a prompt.
    Cancelled = 130,
}

/// An error with an exit code and an optional hint telling the user what to do.
#[derive(Debug)]
pub struct Failure {
    pub code: Code,
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
            hint: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Code::Usage, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(Code::NotFound, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(Code::Conflict, message)
    }

    pub fn store(message: impl Into<String>) -> Self {
        Self::new(Code::SecretStore, message)
    }

    pub fn cancelled() -> Self {
        Self::new(Code::Cancelled, "cancelled")
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// Shorthand for `Err(Failure.into())`.
pub fn fail<T>(failure: Failure) -> anyhow::Result<T> {
    Err(failure.into())
}

/// The exit code for an error: the first [`Failure`] in its chain decides;
/// an interrupted prompt is 130; anything else is 1.
pub fn exit_code(err: &anyhow::Error) -> Code {
    for cause in err.chain() {
        if let Some(f) = cause.downcast_ref::<Failure>() {
            return f.code;
        }
        if let Some(e) = cause.downcast_ref::<dialoguer::Error>() {
            let dialoguer::Error::IO(io) = e;
            if io.kind() == io::ErrorKind::Interrupted {
                return Code::Cancelled;
            }
        }
        if let Some(io) = cause.downcast_ref::<io::Error>()
            && io.kind() == io::ErrorKind::Interrupted
        {
            return Code::Cancelled;
        }
    }
    Code::Failure
}

/// The hint attached to the first [`Failure`] in the chain, if any.
pub fn hint(err: &anyhow::Error) -> Option<&str> {
    err.chain()
        .find_map(|c| c.downcast_ref::<Failure>())
        .and_then(|f| f.hint.as_deref())
}

/// Whether the error is a broken pipe (stdout closed early: `hubint list | head`),
/// which is treated as success.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        let kind = c
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| c.downcast_ref::<serde_json::Error>()?.io_error_kind());
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

/// The longest error message printed, in characters: a safety net for
/// input quoted without [`crate::validate::excerpt`] (paths and hints make
/// a message long, never a value's length alone).
const MESSAGE_MAX: usize = 1000;

/// `err` with its causes, as printed: at most [`MESSAGE_MAX`] characters.
pub fn message(err: &anyhow::Error) -> String {
    let text = format!("{err:#}");
    match text.char_indices().nth(MESSAGE_MAX) {
        None => text,
        Some((cut, _)) => format!("{}... (message cut)", &text[..cut]),
    }
}

/// The innermost message of an error, flattened to one line.
pub fn one_line(err: &anyhow::Error) -> String {
    err.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
