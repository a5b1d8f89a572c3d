//! Validation of the values a user gives. Errors are short reasons that are
//! safe to print: they never echo a password.

pub const NAME_MAX: usize = 64;
pub const USERNAME_MAX: usize = 256;
pub const EMAIL_MAX: usize = 254;
pub const PASSWORD_MAX: usize = 16 * 1024;

/// Integration and subscription names: 1–64 of letters, digits, `-`, `_`, `.`,
/// starting with a letter or digit.
pub fn name(value: &str) -> Result<(), String> {
    let Some(first) = value.chars().next() else {
        return Err("a name cannot be empty".into());
    };
    if value.chars().count() > NAME_MAX {
        return Err(format!("a name has at most {NAME_MAX} characters"));
    }
    if !first.is_ascii_alphanumeric() {
        return Err("a name starts with a letter or a digit".into());
    }
    if let Some(bad) = value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "a name holds only letters, digits, '-', '_' and '.', not {}",
            describe_char(bad)
        ));
    }
    Ok(())
}

pub fn username(value: &str) -> Result<(), String> {
    present("username", value, USERNAME_MAX)?;
    if value.chars().any(char::is_control) {
        return Err("the username cannot contain control characters".into());
    }
    if value.trim() != value {
        return Err("the username cannot start or end with a space".into());
    }
    Ok(())
}

/// A plausible email address: `local@domain.tld`, no spaces or control characters.
pub fn email(value: &str) -> Result<(), String> {
    let reason = "expected an address like name@example.com";
    if value.len() > EMAIL_MAX {
        return Err(format!(
            "an email address has at most {EMAIL_MAX} characters"
        ));
    }
    if value.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!(
            "it contains spaces or control characters; {reason}"
        ));
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(reason.into());
    };
    let domain_ok = domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    if local.is_empty() || local.contains('@') || !domain_ok {
        return Err(reason.into());
    }
    Ok(())
}

pub fn password(value: &str) -> Result<(), String> {
    present("password", value, PASSWORD_MAX)
}

/// Not empty and at most `max` bytes.
fn present(what: &str, value: &str, max: usize) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("the {what} cannot be empty"));
    }
    if value.len() > max {
        return Err(format!("the {what} has at most {max} bytes"));
    }
    Ok(())
}

/// A character in plain words: "a space", "a tab", "'/'".
fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '\t' => "a tab".into(),
        '\n' | '\r' => "a line break".into(),
        '\u{a0}' => "a non-breaking space".into(),
        c if c.is_whitespace() => "a space character".into(),
        c if c.is_control() => "a control character".into(),
        c => format!("'{c}'"),
    }
}

/// How many characters of any input an error message quotes.
pub const EXCERPT_MAX: usize = 200;

/// `value` as an error message may quote it: at most [`EXCERPT_MAX`]
/// characters, then how much was left out.
pub fn excerpt(value: &str) -> String {
    match value.char_indices().nth(EXCERPT_MAX) {
        None => value.to_string(),
        Some((cut, _)) => format!("{}... ({} bytes in all)", &value[..cut], value.len()),
    }
}

/// Validate a value given on the command line; the error names the flag (exit 2).
pub fn flag(flag: &str, value: &str, check: fn(&str) -> Result<(), String>) -> anyhow::Result<()> {
    check(value).map_err(|why| {
        crate::error::Failure::usage(format!("invalid {flag}: {why}"))
            .hint(format!(
                "run the command with --help to see what {flag} accepts"
            ))
            .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::sorts;

    #[test]
    fn names() {
        for ok in ["a", "Docker-Hub_1.prod", "9lives", &"x".repeat(64)] {
            assert!(name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "-a",
            ".a",
            "_a",
            "a b",
            "a/b",
            "a'b",
            "a;DROP",
            &"x".repeat(65),
            "é",
        ] {
            assert!(name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(email("me@example.com").is_ok());
        assert!(email("a.b+c@sub.example.co").is_ok());
        for bad in [
            "me",
            "me@",
            "@x.com",
            "me@x",
            "me@x..com",
            "me @x.com",
            "a@b@c.com",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn messages_use_plain_words() {
        assert_eq!(
            name("a b").unwrap_err(),
            "a name holds only letters, digits, '-', '_' and '.', not a space"
        );
        assert!(name("a\tb").unwrap_err().ends_with("not a tab"));
        assert!(
            name("a\u{7}b")
                .unwrap_err()
                .ends_with("not a control character")
        );
        assert!(name("a/b").unwrap_err().ends_with("not '/'"));
    }

    #[test]
    fn excerpts_are_short() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(30_000);
        let shown = excerpt(&long);
        assert!(shown.chars().count() < EXCERPT_MAX + 40, "{shown}");
        assert!(shown.ends_with("(60000 bytes in all)"), "{shown}");
    }

    #[test]
    fn usernames_and_passwords() {
        sorts(username, &["bob"], &["", " bob", "b\nob"]);
        sorts(password, &["s3cret with spaces"], &[""]);
    }
}
