//! The command-line flags of a check, shared by `verify`, `add` and `edit`,
//! and the refusal that `add --verify` and `edit --verify` apply.

use std::time::Duration;

use anyhow::Result;
use clap::Args;

use super::{Credentials, DEFAULT_TIMEOUT, Options, Report, spinner};
use crate::error::{Code, Failure};
use crate::ui::Ui;

/// How to reach the registry.
#[derive(Args, Debug, Default, Clone)]
pub struct CheckArgs {
    /// Seconds the whole check may take [default: 15]
    #[arg(long, value_name = "SECONDS", value_parser = parse_timeout)]
    pub timeout: Option<Duration>,

    /// Also try plain http when https fails, for a registry that is not on
    /// this machine (loopback registries get this without the flag)
    #[arg(long)]
    pub insecure: bool,
}

impl CheckArgs {
    pub fn options(&self) -> Options {
        Options {
            timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
            insecure: self.insecure,
        }
    }
}

/// `--verify` / `--no-verify` for commands that save credentials.
#[derive(Args, Debug, Default, Clone)]
pub struct SaveCheckArgs {
    /// Check the credentials against the registry first (as `hubint verify`,
    /// with --timeout and --insecure) and refuse to save them if the check fails
    #[arg(long, overrides_with = "no_verify")]
    pub verify: bool,

    /// Save without checking (the default; overrides an earlier --verify)
    #[arg(long, overrides_with = "verify")]
    pub no_verify: bool,

    #[command(flatten)]
    pub check: CheckArgs,
}

impl SaveCheckArgs {
    /// Whether `--verify` is in force.
    pub fn enabled(&self) -> bool {
        self.verify && !self.no_verify
    }

    /// With `--verify`: how to check before saving; `None` without it.
    pub fn options(&self) -> Option<Options> {
        self.enabled().then(|| self.check.options())
    }
}

/// `--verify` before a save: check the credentials (with a spinner), and
/// fail (exit 6) unless they work. Returns the successful report.
pub fn check_before_save(
    ui: &Ui,
    name: &str,
    registry: &str,
    credentials: &Credentials,
    options: &Options,
) -> Result<Report> {
    let report = spinner::while_running(format!("Checking {name} at {registry}"), || {
        super::check(registry, credentials, options)
    });
    if report.is_ok() {
        ui.status(format!("Verified {name}: {}.", report.detail));
        return Ok(report);
    }
    Err(refusal(name, &report).into())
}

/// The error of `--verify` when the check failed: nothing is saved (exit 6).
fn refusal(name: &str, report: &Report) -> Failure {
    let (message, hint) = match report.result {
        super::Outcome::Unauthorized => (
            format!("the registry rejected the credentials for '{name}'"),
            "check the username and password, or pass --no-verify to save them without checking",
        ),
        _ => (
            format!("could not verify the credentials for '{name}'"),
            "pass --no-verify to save them without checking (or adjust --timeout, --insecure)",
        ),
    };
    Failure::new(
        Code::VerifyFailed,
        format!("{message}: {}: {}", report.result, report.detail),
    )
    .hint(format!("nothing was saved; {hint}"))
}

/// Seconds, possibly fractional, more than 0 and at most an hour.
fn parse_timeout(value: &str) -> Result<Duration, String> {
    let seconds: f64 = value
        .trim()
        .parse()
        .map_err(|_| format!("'{value}' is not a number of seconds"))?;
    if !(seconds > 0.0 && seconds <= 3600.0) {
        return Err("the timeout must be more than 0 and at most 3600 seconds".into());
    }
    Ok(Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_parse() {
        assert_eq!(parse_timeout("15").unwrap(), Duration::from_secs(15));
        assert_eq!(parse_timeout("0.5").unwrap(), Duration::from_millis(500));
        for bad in ["0", "-1", "abc", "NaN", "inf", "3601", ""] {
            assert!(parse_timeout(bad).is_err(), "{bad}");
        }
    }
}
