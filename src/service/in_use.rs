//! The refusals to delete what is still linked: an integration that
//! subscriptions use, a subscription with integrations attached. Each names
//! the links and the `subscription detach` command of each.

use super::catalog::Subscription;
use super::model::Integration;
use crate::error::Failure;
use crate::ui::count;

/// The refusal when subscriptions still use the integration (exit 4): it
/// names each one and the command that detaches it.
pub fn in_use_error(target: &Integration) -> Failure {
    in_use(
        format!(
            "integration '{}' is still used by {}: {}",
            target.name,
            count(target.subscriptions.len(), "subscription"),
            target.subscriptions.join(", ")
        ),
        "it",
        target.subscriptions.iter().map(|sub| (sub, &target.name)),
        format!(
            "delete it and detach it from all of them with \
             `hubint integration delete {} --detach-all`",
            target.name
        ),
    )
}

/// The refusal to delete a subscription while integrations are attached
/// (exit 4), naming them and the commands that detach them.
pub fn subscription_in_use(s: &Subscription) -> Failure {
    let what = match s.integrations.len() {
        1 => "1 integration is".to_string(),
        n => format!("{n} integrations are"),
    };
    in_use(
        format!(
            "subscription '{}' is still in use: {what} attached: {}",
            s.name,
            s.integrations.join(", ")
        ),
        "them",
        s.integrations.iter().map(|i| (&s.name, i)),
        format!(
            "detach them all and delete it with `hubint subscription delete {} --detach-all`",
            s.name
        ),
    )
}

/// A conflict whose hint lists the `subscription detach` command of each
/// link (subscription, integration), then the other way out.
fn in_use<'a>(
    message: String,
    them: &str,
    links: impl Iterator<Item = (&'a String, &'a String)>,
    otherwise: String,
) -> Failure {
    // Names hold only shell-safe characters: no quoting needed.
    let commands: Vec<String> = links
        .map(|(sub, i)| format!("  hubint subscription detach {sub} {i}"))
        .collect();
    Failure::conflict(message).hint(format!(
        "detach {them} first:\n{}\nor {otherwise}",
        commands.join("\n")
    ))
}
