//! Questions whose "yes" destroys something. Keys typed before the question
//! appeared are discarded, and the answer is a whole line: a `y` followed by
//! typed-ahead text is not a yes.

use std::io::{BufRead, Write};

use std::fmt::Display;
use std::marker::PhantomData;

use anyhow::Result;

use super::interrupt::AtPrompt;
use crate::error::Failure;
use crate::ui::count;

/// `--yes` of the commands that delete: no confirmation prompt.
#[derive(clap::Args, Debug, Default)]
pub struct YesArg {
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// The flags of a deletion that may detach what is attached: `--yes` and
/// `--detach-all` (`integration delete`, `subscription delete`).
#[derive(clap::Args, Debug, Default)]
pub struct DeleteFlags {
    #[command(flatten)]
    pub confirm: YesArg,

    /// Detach it from everything it is attached to, then delete it (what it
    /// was attached to is kept)
    #[arg(long)]
    pub detach_all: bool,
}

/// The refusal of a deletion that needs a confirmation when there is no
/// terminal to ask on (exit 2): `what` is deleted only with `--yes`.
pub fn refuse_unconfirmed(what: impl Display) -> Failure {
    Failure::usage(format!("refusing to delete {what} without confirmation"))
        .hint("pass --yes to delete without a prompt")
}

/// `PROMPT [y/N] `: yes only for a whole line `y` or `yes`; an empty line,
/// `n` or `no` is no; anything else is asked again.
fn confirm_line(prompt: &str) -> Result<bool> {
    loop {
        let answer = read_line(&format!("{prompt} [y/N] "))?;
        match answer.to_ascii_lowercase().as_str() {
            "y" | "yes" => return Ok(true),
            "" | "n" | "no" => return Ok(false),
            _ => eprintln!("error: answer y or n"),
        }
    }
}

/// Ask the user to type `name` to confirm, as GitHub does before deleting
/// a repository. An empty line cancels; a different answer is asked again.
fn confirm_name(name: &str) -> Result<bool> {
    loop {
        let answer = read_line(&format!(
            "Type the name {name} to confirm (Enter alone cancels): "
        ))?;
        if answer == name {
            return Ok(true);
        }
        if answer.is_empty() {
            return Ok(false);
        }
        eprintln!("error: that is not {name}; type it exactly, or press Enter to cancel");
    }
}

/// What a deleting command deletes; the confirmation speaks of it.
#[derive(Debug, Clone, Copy)]
pub enum Deleting {
    Integration,
    Subscription,
}

impl Deleting {
    /// The help of the command's NAME.
    fn help(self) -> &'static str {
        match self {
            Deleting::Integration => "The integration to delete",
            Deleting::Subscription => "The subscription to delete",
        }
    }

    /// How the shell completes NAME.
    fn candidates(self) -> clap_complete::ArgValueCandidates {
        match self {
            Deleting::Integration => crate::complete::integrations(),
            Deleting::Subscription => crate::complete::subscriptions(),
        }
    }

    /// What is refused without a terminal: `'ci'`, `subscription 'prod'`.
    fn refused(self, name: &str) -> String {
        match self {
            Deleting::Integration => format!("'{name}'"),
            Deleting::Subscription => format!("subscription '{name}'"),
        }
    }

    /// What it is, in a sentence.
    fn noun(self) -> &'static str {
        match self {
            Deleting::Integration => "integration",
            Deleting::Subscription => "subscription",
        }
    }

    /// The line before the linked names (`linked` of them).
    fn header(self, name: &str, linked: usize) -> String {
        match self {
            Deleting::Integration => {
                format!(
                    "Integration {name} is used by {}:",
                    count(linked, "subscription")
                )
            }
            Deleting::Subscription => {
                format!(
                    "Subscription {name} has {} attached:",
                    count(linked, "integration")
                )
            }
        }
    }

    /// Said after the linked names, when there is one and when there are more.
    fn consequence(self, more: bool) -> &'static str {
        match (self, more) {
            (Deleting::Integration, false) => {
                "Deleting it detaches it from that subscription and deletes its password."
            }
            (Deleting::Integration, true) => {
                "Deleting it detaches it from all of them and deletes its password."
            }
            (Deleting::Subscription, false) => {
                "Deleting it detaches it (the integrations are kept)."
            }
            (Deleting::Subscription, true) => {
                "Deleting it detaches them all (the integrations are kept)."
            }
        }
    }
}

/// The kind of thing a [`DeleteArgs`] deletes: one marker type per kind.
pub trait Deletable {
    const KIND: Deleting;
}

/// `integration delete` deletes integrations.
#[derive(Debug, Default)]
pub struct Integrations;

impl Deletable for Integrations {
    const KIND: Deleting = Deleting::Integration;
}

/// `subscription delete` deletes subscriptions.
#[derive(Debug, Default)]
pub struct Subscriptions;

impl Deletable for Subscriptions {
    const KIND: Deleting = Deleting::Subscription;
}

/// `NAME`, `--yes` and `--detach-all` of a delete command; `T` says what
/// NAME names.
#[derive(clap::Args, Debug, Default)]
pub struct DeleteArgs<T: Deletable + Send + Sync + 'static> {
    #[arg(value_name = "NAME", help = T::KIND.help(), add = T::KIND.candidates())]
    pub name: String,

    #[command(flatten)]
    pub flags: DeleteFlags,

    #[arg(skip)]
    kind: PhantomData<T>,
}

impl<T: Deletable + Send + Sync + 'static> DeleteArgs<T> {
    /// Unless `--yes`: refuse without a terminal (exit 2); otherwise ask, and
    /// a no is cancelled (exit 130). With nothing `linked` to `name` a
    /// whole-line `y`; otherwise the linked names and what deleting does on
    /// stderr, and the user types the name.
    pub fn confirm(&self, ui: &crate::ui::Ui, name: &str, linked: &[String]) -> Result<()> {
        let kind = T::KIND;
        if self.flags.confirm.yes {
            return Ok(());
        }
        if !ui.interactive() {
            return Err(refuse_unconfirmed(kind.refused(name)).into());
        }
        let confirmed = if linked.is_empty() {
            confirm_line(&format!("Delete {} {name}?", kind.noun()))?
        } else {
            ui.status(kind.header(name, linked.len()));
            for other in linked {
                ui.status(format!("  - {other}"));
            }
            ui.status(kind.consequence(linked.len() > 1));
            confirm_name(name)?
        };
        match confirmed {
            true => Ok(()),
            false => Err(Failure::cancelled().into()),
        }
    }
}

/// Print `prompt` on stderr and read one line from the terminal, after
/// discarding whatever was typed before. End of input reads as empty.
fn read_line(prompt: &str) -> Result<String> {
    let _at = AtPrompt::enter();
    crate::failpoint::hit("before-strict-question");
    discard_pending_input();
    let mut stderr = std::io::stderr().lock();
    stderr.write_all(prompt.as_bytes())?;
    stderr.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

#[cfg(unix)]
fn discard_pending_input() {
    // SAFETY: tcflush only discards the terminal's queued input; on a
    // non-terminal it fails harmlessly.
    unsafe {
        libc::tcflush(libc::STDIN_FILENO, libc::TCIFLUSH);
    }
}

#[cfg(not(unix))]
fn discard_pending_input() {}
