//! The terminal: whether we may prompt, and the stderr channel for status,
//! warnings and prompts. Results never go through here; they go to stdout
//! through `output`.

use std::fmt::Display;
use std::io::IsTerminal;

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use crate::error::Failure;

#[derive(Clone)]
pub struct Ui {
    interactive: bool,
    color: bool,
}

impl Ui {
    /// Prompts are allowed only when stdin and stderr are both terminals and
    /// the user did not ask for `--no-input`.
    pub fn detect(no_input: bool) -> Ui {
        let interactive =
            !no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::io::stderr().is_terminal();
        if !color {
            console::set_colors_enabled_stderr(false);
            console::set_colors_enabled(false);
        }
        Ui { interactive, color }
    }

    #[cfg(test)]
    pub fn non_interactive() -> Ui {
        Ui {
            interactive: false,
            color: false,
        }
    }

    pub fn interactive(&self) -> bool {
        self.interactive
    }

    pub fn theme(&self) -> Box<dyn Theme> {
        if self.color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        }
    }

    /// A status line on stderr.
    pub fn status(&self, message: impl Display) {
        eprintln!("{message}");
    }

    /// A warning on stderr.
    pub fn warn(&self, message: impl Display) {
        eprintln!("warning: {message}");
    }

    /// The error for a value that is missing when we cannot prompt: it names
    /// the flag that supplies it (exit 2).
    pub fn missing(&self, what: &str, flag: &str) -> anyhow::Error {
        Failure::usage(format!("missing {what}: pass {flag}"))
            .hint(
                "hubint prompts only when stdin and stderr are terminals and --no-input is not set",
            )
            .into()
    }
}

/// `1 subscription`, `2 subscriptions`: a count and its noun (regular plural).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
