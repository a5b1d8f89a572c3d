//! Questions whose "yes" destroys something. Keys typed before the question
//! appeared are discarded, and the answer is a whole line: a `y` followed by
//! typed-ahead text is not a yes.

use std::io::{BufRead, Write};

use std::fmt::Display;

use anyhow::Result;

use super::interrupt::AtPrompt;
use crate::error::Failure;

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

/// How the confirmation of a deletion speaks of one kind of thing (each
/// deleting command has one): the header before the linked names is
/// `{Title} {name} {header[0]} {count of header[1]}{header[2]}:`.
pub struct Wording {
    /// `integration`, and `Integration` to start a sentence.
    pub what: [&'static str; 2],
    /// Put before the quoted name in the refusal without a terminal.
    pub refused_prefix: &'static str,
    pub header: [&'static str; 3],
    /// Said after the linked names: when there is one, and when there are more.
    pub consequence: [&'static str; 2],
}

/// A deletion to confirm: `name`, with the names of what is linked to it.
pub struct Deletion<'a> {
    pub wording: &'a Wording,
    pub name: &'a str,
    pub linked: &'a [String],
}

/// Unless `--yes`: refuse without a terminal (exit 2); otherwise ask, and a
/// no is cancelled (exit 130). With nothing linked a whole-line `y`;
/// otherwise the header, the linked names and the consequence on stderr,
/// and the user types the name.
pub fn confirm_delete(ui: &crate::ui::Ui, yes: &YesArg, d: Deletion<'_>) -> Result<()> {
    let w = d.wording;
    if yes.yes {
        return Ok(());
    }
    if !ui.interactive() {
        return Err(refuse_unconfirmed(format!("{}'{}'", w.refused_prefix, d.name)).into());
    }
    let confirmed = if d.linked.is_empty() {
        confirm_line(&format!("Delete {} {}?", w.what[0], d.name))?
    } else {
        let [verb, noun, tail] = w.header;
        let n = crate::ui::count(d.linked.len(), noun);
        ui.status(format!("{} {} {verb} {n}{tail}:", w.what[1], d.name));
        for other in d.linked {
            ui.status(format!("  - {other}"));
        }
        ui.status(w.consequence[usize::from(d.linked.len() > 1)]);
        confirm_name(d.name)?
    };
    match confirmed {
        true => Ok(()),
        false => Err(Failure::cancelled().into()),
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
