//! dialoguer prompts. Every prompt goes to stderr; callers check
//! `Ui::interactive` first and otherwise fail with the flag to pass.

use anyhow::Result;
use dialoguer::{Confirm, Input, MultiSelect, Password, Select};

use crate::secret::Secret;
use crate::ui::Ui;

pub type Validator = fn(&str) -> Result<(), String>;

pub fn select(ui: &Ui, prompt: &str, items: &[&str], default: usize) -> Result<usize> {
    let theme = ui.theme();
    Ok(Select::with_theme(&*theme)
        .with_prompt(prompt)
        .items(items)
        .default(default)
        .interact()?)
}

pub fn multi_select(ui: &Ui, prompt: &str, items: &[String]) -> Result<Vec<usize>> {
    let theme = ui.theme();
    Ok(MultiSelect::with_theme(&*theme)
        .with_prompt(prompt)
        .items(items)
        .interact()?)
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
    let theme = ui.theme();
    let mut input = Input::<String>::with_theme(&*theme)
        .with_prompt(prompt)
        .allow_empty(optional)
        .validate_with(|value: &String| -> Result<(), String> {
            if optional && value.is_empty() {
                Ok(())
            } else {
                validate(value.trim())
            }
        });
    if let Some(default) = default {
        input = input.default(default.to_string());
    }
    Ok(input.interact_text()?.trim().to_string())
}

/// A line of text pre-filled with `initial`, which the user can edit or erase.
pub fn edit_text(
    ui: &Ui,
    prompt: &str,
    initial: &str,
    validate: impl Fn(&str) -> Result<(), String>,
) -> Result<String> {
    let theme = ui.theme();
    Ok(Input::<String>::with_theme(&*theme)
        .with_prompt(prompt)
        .with_initial_text(initial)
        .allow_empty(true)
        .validate_with(|value: &String| -> Result<(), String> {
            if value.is_empty() {
                Ok(())
            } else {
                validate(value.trim())
            }
        })
        .interact_text()?
        .trim()
        .to_string())
}

/// A password, asked twice. With `keep_on_empty`, an empty answer means
/// "keep the current one" and returns `None` without a confirmation.
pub fn password(ui: &Ui, prompt: &str, keep_on_empty: bool) -> Result<Option<Secret>> {
    let theme = ui.theme();
    let mut first = Password::with_theme(&*theme)
        .with_prompt(prompt)
        .allow_empty_password(keep_on_empty)
        .validate_with(|p: &String| -> Result<(), String> {
            if keep_on_empty && p.is_empty() {
                Ok(())
            } else {
                crate::validate::password(p)
            }
        });
    if !keep_on_empty {
        first = first.with_confirmation("Repeat password", "Passwords do not match, try again");
        return Ok(Some(Secret::new(first.interact()?)));
    }
    let answer = Secret::new(first.interact()?);
    if answer.is_empty() {
        return Ok(None);
    }
    loop {
        let again = Secret::new(
            Password::with_theme(&*theme)
                .with_prompt("Repeat password")
                .allow_empty_password(true)
                .interact()?,
        );
        if *again == *answer {
            return Ok(Some(answer));
        }
        eprintln!("Passwords do not match, try again");
    }
}

pub fn confirm(ui: &Ui, prompt: &str) -> Result<bool> {
    let theme = ui.theme();
    Ok(Confirm::with_theme(&*theme)
        .with_prompt(prompt)
        .default(false)
        .show_default(true)
        .wait_for_newline(true)
        .interact()?)
}
