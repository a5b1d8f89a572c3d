//! The environment-variable prefix of an integration, by the rule of the
//! hosted CI the integrations page comes from, so that pipelines written
//! for it run unchanged: upper-case the name, remove every character that
//! is not a letter, a digit or `_`, then drop leading digits.
//! `my-key-1` → `MYKEY1`, `my_key_1` → `MY_KEY_1`, `9lives` → `LIVES`.

use crate::error::Failure;

/// The rule in one line, for `--help` and error hints.
pub const RULE: &str = "the integration's name upper-cased, with every character that is not a \
                        letter, digit or '_' removed and leading digits dropped \
                        (my-key-1 → MYKEY1, my_key_1 → MY_KEY_1)";

/// The `--help` paragraph of `env` and `exec`.
pub fn help() -> String {
    format!(
        "Variables: <PREFIX>_INTEGRATION_USERNAME, _PASSWORD, _EMAIL and _URL, where \
         PREFIX is {RULE}, as the hosted CI named them. A name that leaves nothing \
         (only digits and punctuation) is an error (exit 2)."
    )
}

/// The prefix for `name`, or `None` when nothing is left (a name of only
/// digits and punctuation such as `123` or `1-2`).
pub fn prefix(name: &str) -> Option<String> {
    let kept: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let trimmed = kept.trim_start_matches(|c: char| c.is_ascii_digit());
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// [`prefix`], or a usage error (exit 2) saying why the name gives no
/// variable name and how to fix it.
pub fn prefix_or_fail(name: &str) -> anyhow::Result<String> {
    prefix(name).ok_or_else(|| {
        Failure::usage(format!(
            "the name '{name}' gives no environment variable name: only letters, digits and \
             '_' are kept, and leading digits are dropped"
        ))
        .hint(format!(
            "give it a name with a letter, e.g. `hubint integration edit {name} --name reg-{name}`"
        ))
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::prefix;

    #[test]
    fn the_hosted_ci_rule() {
        assert_eq!(prefix("my-key-1").as_deref(), Some("MYKEY1"));
        assert_eq!(prefix("my_key_1").as_deref(), Some("MY_KEY_1"));
        assert_eq!(
            prefix("docker-hub.prod_1").as_deref(),
            Some("DOCKERHUBPROD_1")
        );
        assert_eq!(prefix("dockerhub").as_deref(), Some("DOCKERHUB"));
    }

    #[test]
    fn leading_digits_are_dropped_after_punctuation_is_removed() {
        assert_eq!(prefix("9lives").as_deref(), Some("LIVES"));
        assert_eq!(prefix("1-2-go").as_deref(), Some("GO"));
        assert_eq!(prefix("1_a").as_deref(), Some("_A"));
        assert_eq!(prefix("12ab34").as_deref(), Some("AB34"));
    }

    #[test]
    fn nothing_left_is_none() {
        assert_eq!(prefix("123"), None);
        assert_eq!(prefix("1-2.3"), None);
        assert_eq!(prefix(""), None);
    }

    #[test]
    fn every_result_is_a_shell_variable_name() {
        for name in ["a", "A.b-c", "0x", "x0", "_", "1__", "a..b"] {
            if let Some(p) = prefix(name) {
                assert!(!p.starts_with(|c: char| c.is_ascii_digit()), "{name}");
                assert!(
                    p.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                );
            }
        }
    }
}
