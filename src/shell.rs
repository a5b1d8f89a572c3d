//! Shell syntax for `hubint env`: one `name = value` assignment per line,
//! quoted so that no value, however hostile, runs as code.

use std::path::Path;

/// The shells whose syntax `hubint env` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    /// sh, bash, dash, zsh, ksh: `export NAME='value'`
    Posix,
    /// fish: `set -gx NAME 'value'`
    Fish,
}

impl Shell {
    /// `flag`, else the shell `$SHELL` names (fish or else POSIX).
    pub fn choose(flag: Option<Shell>) -> Shell {
        flag.unwrap_or_else(|| {
            let shell = std::env::var_os("SHELL").unwrap_or_default();
            match Path::new(&shell).file_name().and_then(|n| n.to_str()) {
                Some("fish") => Shell::Fish,
                _ => Shell::Posix,
            }
        })
    }

    /// The line that sets and exports `name` to `value`.
    pub fn export(self, name: &str, value: &str) -> String {
        match self {
            Shell::Posix => format!("export {name}={}\n", posix_quote(value)),
            Shell::Fish => format!("set -gx {name} {}\n", fish_quote(value)),
        }
    }
}

/// Single quotes, each `'` written as `'\''`: POSIX single quotes have no
/// escapes at all.
fn posix_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// Single quotes, with `\` and `'` escaped: the only escapes fish knows
/// inside single quotes.
fn fish_quote(value: &str) -> String {
    format!("'{}'", value.replace('\\', r"\\").replace('\'', r"\'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(
            Shell::Posix.export("A", r"x'y\z"),
            "export A='x'\\''y\\z'\n"
        );
        assert_eq!(
            Shell::Fish.export("A", r"x'y\z"),
            "set -gx A 'x\\'y\\\\z'\n"
        );
    }
}
