//! dialoguer prompts. Every prompt goes to stderr; callers check
//! `Ui::interactive` first and otherwise fail with the flag to pass.
//!
//! Prompts are only asked before anything is written, so Ctrl-C at a prompt
//! restores the terminal, says nothing was changed and exits 130 (see
//! [`interrupt`]).

use anyhow::Result;
use console::Term;
use dialoguer::theme::Theme;
use dialoguer::{Confirm, Input, MultiSelect, Password, Select};

use crate::secret::Secret;
use crate::ui::Ui;

mod strict;
pub use interrupt::AtPrompt;
pub use strict::{DeleteArgs, Integrations, Subscriptions};

/// What a cancelled command says (Ctrl-C at a prompt, or answering No).
pub const CANCELLED: &str = "Cancelled; nothing was changed.";

pub fn select(ui: &Ui, prompt: &str, items: &[&str], default: usize) -> Result<usize> {
    themed(ui, |theme| {
        Select::with_theme(theme)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact()
    })
}

/// Several of `items`; those whose `checked` entry is true start selected.
pub fn multi_select(
    ui: &Ui,
    prompt: &str,
    items: &[String],
    checked: &[bool],
) -> Result<Vec<usize>> {
    themed(ui, |theme| {
        MultiSelect::with_theme(theme)
            .with_prompt(prompt)
            .items(items)
            .defaults(checked)
            .interact()
    })
}

/// One dialoguer prompt, asked with the theme of `ui` while Ctrl-C is
/// handled (see [`interrupt`]).
fn themed<T>(ui: &Ui, ask: impl FnOnce(&dyn Theme) -> dialoguer::Result<T>) -> Result<T> {
    let _at = interrupt::AtPrompt::enter();
    let theme = ui.theme();
    Ok(ask(&*theme)?)
}

/// A line of text. With a `default`, Enter accepts it. The validator runs on
/// every answer and the question is asked again until it passes. With
/// `optional`, an empty answer is allowed and returns an empty string.
pub fn input(
    ui: &Ui,
    prompt: &str,
    default: Option<&str>,
    optional: bool,
    validate: impl Fn(&str) -> Result<(), String>,
) -> Result<String> {
    let _at = interrupt::AtPrompt::enter();
    let theme = ui.theme();
    let mut input = Input::<String>::with_theme(&*theme)
        .with_prompt(prompt)
        .allow_empty(true)
        .validate_with(|value: &String| -> Result<(), String> {
            match (value.trim().is_empty(), optional) {
                (true, true) => Ok(()),
                (true, false) => Err(required(prompt)),
                (false, _) => validate(value.trim()),
            }
        });
    if let Some(default) = default {
        input = input.default(default.to_string());
    }
    Ok(input.interact_text()?.trim().to_string())
}

/// "Name is required": what an empty answer to a required prompt says.
fn required(prompt: &str) -> String {
    let field = prompt.split(" (").next().unwrap_or(prompt);
    format!("{field} is required")
}

/// A choice among `items` (`(id, label)` pairs). With a single item nothing is
/// asked: the item is shown as already chosen (`✔ Integration family · hub`).
/// Returns the index chosen.
pub fn choose(ui: &Ui, prompt: &str, items: &[(&str, &str)]) -> Result<usize> {
    if let [(id, _)] = items {
        chosen(ui, prompt, id);
        return Ok(0);
    }
    let labels: Vec<&str> = items.iter().map(|(_, label)| *label).collect();
    select(ui, prompt, &labels, 0)
}

/// A line showing a value as already chosen: `✔ Integration family · hub`.
pub fn chosen(ui: &Ui, prompt: &str, value: &str) {
    let tick = console::style("✔").for_stderr().green();
    ui.status(format!("{tick} {prompt} · {value}"));
}

/// A password, asked twice; on a mismatch both are asked again. With
/// `keep_on_empty`, an empty first answer means "keep the current one":
/// it returns `None` at once and is reported as unchanged.
pub fn password(ui: &Ui, prompt: &str, keep_on_empty: bool) -> Result<Option<Secret>> {
    let _at = interrupt::AtPrompt::enter();
    let theme = ui.theme();
    let ask = |prompt: &str, validate: bool| -> Result<Secret> {
        let mut password = Password::with_theme(&*theme)
            .with_prompt(prompt)
            .allow_empty_password(true)
            .report(false);
        if validate {
            password = password.validate_with(|p: &String| -> Result<(), String> {
                if keep_on_empty && p.is_empty() {
                    Ok(())
                } else if p.is_empty() {
                    Err(required(prompt))
                } else {
                    crate::validate::password(p)
                }
            });
        }
        Ok(Secret::new(password.interact()?))
    };
    loop {
        let answer = ask(prompt, true)?;
        if answer.is_empty() {
            report(|f| theme.format_input_prompt_selection(f, prompt, "unchanged"))?;
            return Ok(None);
        }
        if *ask("Repeat password", false)? == *answer {
            report(|f| theme.format_password_prompt_selection(f, prompt))?;
            return Ok(Some(answer));
        }
        report(|f| theme.format_error(f, "Passwords do not match, try again"))?;
    }
}

/// One line on stderr formatted by the theme (a prompt's summary or an error).
fn report(format: impl FnOnce(&mut String) -> std::fmt::Result) -> Result<()> {
    let mut line = String::new();
    format(&mut line)?;
    Term::stderr().write_line(&line)?;
    Ok(())
}

/// A yes/no question, `[y/N]`: Enter alone is no. Not for destructive
/// questions: see [`DeleteArgs::confirm`].
pub fn confirm(prompt: &str) -> Result<bool> {
    ask_yes_no(prompt, false)
}

/// A yes/no question, `[Y/n]`: Enter alone is yes (`Save? [Y/n]`).
pub fn confirm_yes(prompt: &str) -> Result<bool> {
    ask_yes_no(prompt, true)
}

fn ask_yes_no(prompt: &str, default: bool) -> Result<bool> {
    let _at = interrupt::AtPrompt::enter();
    // The plain theme everywhere: it shows the conventional `[y/N]`, where
    // the coloured one shows `(y/n) ›`.
    Ok(Confirm::with_theme(&dialoguer::theme::SimpleTheme)
        .with_prompt(prompt)
        .default(default)
        .show_default(true)
        .wait_for_newline(true)
        .interact()?)
}

/// Ctrl-C at a prompt. dialoguer reads keys in raw mode and answers Ctrl-C by
/// raising SIGINT, and its password prompt turns echo off; the default
/// SIGINT action would kill us with the cursor hidden or echo still off.
/// While a prompt is open, our handler restores the terminal, prints
/// [`CANCELLED`] and exits 130. Outside prompts SIGINT keeps its default
/// action.
#[cfg(unix)]
mod interrupt {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, Ordering};

    static AT_PROMPT: AtomicBool = AtomicBool::new(false);
    /// The terminal settings from before the first prompt.
    static TERMIOS: OnceLock<Option<libc::termios>> = OnceLock::new();

    /// Marks a prompt as open until dropped.
    pub struct AtPrompt;

    impl AtPrompt {
        pub fn enter() -> AtPrompt {
            TERMIOS.get_or_init(|| {
                let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
                // SAFETY: tcgetattr fills `termios` when it returns 0; the
                // handler is installed once, after TERMIOS is set.
                unsafe {
                    let saved = (libc::tcgetattr(libc::STDIN_FILENO, termios.as_mut_ptr()) == 0)
                        .then(|| termios.assume_init());
                    libc::signal(
                        libc::SIGINT,
                        on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t,
                    );
                    saved
                }
            });
            AT_PROMPT.store(true, Ordering::SeqCst);
            AtPrompt
        }
    }

    impl Drop for AtPrompt {
        fn drop(&mut self) {
            AT_PROMPT.store(false, Ordering::SeqCst);
        }
    }

    /// Only async-signal-safe calls: tcsetattr, write, signal, raise, _exit.
    extern "C" fn on_sigint(_: libc::c_int) {
        // SAFETY: see above; the buffers outlive the calls.
        unsafe {
            if !AT_PROMPT.load(Ordering::SeqCst) {
                // Not at a prompt: die of SIGINT as if we had no handler
                // (delivered once this handler returns).
                libc::signal(libc::SIGINT, libc::SIG_DFL);
                libc::raise(libc::SIGINT);
                return;
            }
            if let Some(Some(termios)) = TERMIOS.get() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, termios);
            }
            // Show the cursor again, end the prompt's line, say so.
            for bytes in ["\x1b[?25h\n".as_bytes(), super::CANCELLED.as_bytes(), b"\n"] {
                libc::write(libc::STDERR_FILENO, bytes.as_ptr().cast(), bytes.len());
            }
            libc::_exit(crate::error::Code::Cancelled as libc::c_int);
        }
    }
}

#[cfg(not(unix))]
mod interrupt {
    pub struct AtPrompt;

    impl AtPrompt {
        pub fn enter() -> AtPrompt {
            AtPrompt
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One choice is not asked (so it works without a terminal).
    #[test]
    fn a_single_choice_is_taken_without_asking() {
        let ui = Ui::non_interactive();
        let only = [("hub", "hub: container registries")];
        assert_eq!(choose(&ui, "Integration family", &only).unwrap(), 0);
    }

    #[test]
    fn an_empty_answer_names_the_field() {
        assert_eq!(required("Name"), "Name is required");
        assert_eq!(
            required("Email (optional, Enter to skip)"),
            "Email is required"
        );
    }
}
