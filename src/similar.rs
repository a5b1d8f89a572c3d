//! Close names: a new subscription called `team-x2` next to an existing
//! `team-x` is probably a typo. Close means an edit distance of at most 2
//! (and less than the shorter name's length, so `qa` is not close to `ci`),
//! or the same name ignoring case and punctuation (`TeamX` and `team-x`).

use crate::service::catalog::CatalogRead;
use anyhow::Result;

use crate::context::Ctx;
use crate::error::Failure;
use crate::prompt;
use crate::ui::Ui;

/// The greatest edit distance that still counts as close.
pub const MAX_DISTANCE: usize = 2;

/// The Levenshtein distance between `a` and `b`, by characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// `name` lower-cased with everything but letters and digits removed.
fn folded(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The first of `existing` that is close to `name` (and not `name` itself,
/// ignoring case), the closest first.
pub fn close_match<'a>(name: &str, existing: &'a [String]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    existing
        .iter()
        .filter(|e| e.to_lowercase() != lower)
        .filter_map(|e| {
            let d = distance(&lower, &e.to_lowercase());
            // Two short names are not alike because both are short: `qa`
            // and `ci` differ in every letter.
            let shortest = lower.chars().count().min(e.chars().count());
            let near = d <= MAX_DISTANCE && d < shortest;
            let same_folded = folded(name) == folded(e);
            (near || same_folded).then_some((usize::from(!same_folded) * d, e))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, e)| e.as_str())
}

/// Before a new subscription `name` is created: if an existing one is
/// close, warn on stderr naming it, and on a terminal ask whether to create
/// the new one anyway (no is exit 130, nothing changed). Scripts are only
/// warned: create-on-attach keeps working.
pub fn check_new_subscription(ctx: &Ctx, conn: &dyn CatalogRead, name: &str) -> Result<()> {
    if conn.find_subscription(name)?.is_some() {
        return Ok(());
    }
    let names = conn.subscription_names()?;
    let Some(close) = close_match(name, &names) else {
        return Ok(());
    };
    if !create_anyway(&ctx.ui, name, close)? {
        ctx.ui
            .status(format!("To use the existing subscription, give '{close}'."));
        return Err(Failure::cancelled().into());
    }
    Ok(())
}

/// The new subscription `name` is close to the existing `close`: warn
/// naming it, and on a terminal ask whether to create `name` anyway
/// (`[y/N]`). Without a terminal the answer is yes.
pub fn create_anyway(ui: &Ui, name: &str, close: &str) -> Result<bool> {
    ui.warn(format!(
        "there is no subscription '{name}' yet, but there is '{close}', which is close"
    ));
    if !ui.interactive() {
        return Ok(true);
    }
    prompt::confirm(&format!("Create the new subscription {name}?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn distances() {
        assert_eq!(distance("team-x", "team-x"), 0);
        assert_eq!(distance("team-x", "team-x2"), 1);
        assert_eq!(distance("team-x", "taem-x"), 2);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn close_by_distance_or_ignoring_case_and_punctuation() {
        let existing = names(&["team-x", "platform", "Data_Eng"]);
        assert_eq!(close_match("team-x2", &existing), Some("team-x"));
        assert_eq!(close_match("platfrom", &existing), Some("platform"));
        assert_eq!(close_match("dataeng", &existing), Some("Data_Eng"));
        assert_eq!(close_match("DATA.ENG", &existing), Some("Data_Eng"));
        assert_eq!(close_match("billing", &existing), None);
        let short = names(&["ci", "dev"]);
        assert_eq!(close_match("qa", &short), None);
        assert_eq!(close_match("dev2", &short), Some("dev"));
        // The same name in another case is that subscription, not a close one.
        assert_eq!(close_match("TEAM-X", &existing), None);
    }
}
