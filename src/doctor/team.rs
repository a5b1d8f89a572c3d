//! The checks of the team store (`store = team`): the server answers and
//! is unsealed, the token's time to live, and the layout's invariants
//! (`team::catalog::check`), which `--fix` repairs; then that every
//! integration has its password.

use super::stores::Usable;
use super::{Report, error_parts};
use crate::context::Ctx;
use crate::service::Service;
use crate::service::catalog::Filter;
use crate::team::catalog::check;

/// A token with less time to live than this is a problem.
const TTL_MARGIN: u64 = 10 * 60;

pub fn check(ctx: &Ctx, fix: bool, report: &mut Report) {
    let client = match ctx.team_client() {
        Ok(client) => client,
        Err(err) => {
            let (detail, fix) = error_parts(&err, "check team-addr and VAULT_TOKEN");
            report.problem("team store", detail, fix);
            return;
        }
    };
    let addr = client.endpoint.addr.clone();
    match client.health() {
        Ok(h) if h.sealed || !h.initialized => {
            report.problem(
                "team store",
                format!("{addr} is sealed"),
                "unseal it (`bao operator unseal`)",
            );
            return;
        }
        Ok(_) => report.ok("team store", format!("{addr} answers and is unsealed")),
        Err(err) => {
            let (detail, fix) = error_parts(&err, "check that the server runs");
            report.problem("team store", detail, fix);
            return;
        }
    }
    match client.token_ttl() {
        Ok(0) => report.ok("team token", "the token does not expire"),
        Ok(ttl) if ttl < TTL_MARGIN => report.problem(
            "team token",
            format!("the token expires in {ttl} s"),
            "renew it (`bao token renew`) or log in again",
        ),
        Ok(ttl) => report.ok(
            "team token",
            format!(
                "the token expires in {}",
                humantime::format_duration(std::time::Duration::from_secs(ttl / 60 * 60))
            ),
        ),
        Err(err) => {
            let (detail, fix) = error_parts(&err, "log in again");
            report.problem("team token", detail, fix);
            return;
        }
    }
    if !capabilities(&client, report) {
        report.skipped(
            "team layout",
            "not checked: the token may not read the whole catalog",
        );
        return;
    }
    match check::check(&client, fix) {
        Ok(findings) if findings.is_empty() => report.ok(
            "team layout",
            format!("every invariant holds on {}", client.mount),
        ),
        Ok(findings) => {
            for f in findings {
                if f.repaired {
                    report.fixed("team layout", f.detail);
                } else {
                    report.repairable("team layout", f.detail, f.fix);
                }
            }
        }
        Err(err) => {
            let (detail, fix) = error_parts(&err, "run `hubint doctor` again");
            report.problem("team layout", detail, fix);
        }
    }
    secrets(ctx, report);
}

/// Each integration's password must be on the server, as on the local
/// stores (`hubint edit NAME --password-stdin` sets it again).
fn secrets(ctx: &Ctx, report: &mut Report) {
    let rows = Service::reader(ctx).and_then(|s| s.catalog().integrations(&Filter::default()));
    match rows {
        Ok(rows) => {
            let usable = Usable {
                keyring: false,
                file: false,
                team: true,
            };
            super::secrets::missing(ctx, &rows, &usable, report);
        }
        Err(err) => {
            let (detail, fix) = error_parts(&err, "run `hubint doctor` again");
            report.problem("secrets", detail, fix);
        }
    }
}

/// What the token may do on the catalog: write it all (a maintainer's
/// token), or only read (a pipeline's, scoped to a subscription). Whether
/// it may write it all.
fn capabilities(client: &crate::team::client::Client, report: &mut Report) -> bool {
    let keys = [
        "integrations/x",
        "names/x",
        "subscriptions/x",
        "registries/x",
        "secrets/x",
        "pending/x",
    ];
    match client.capabilities(&keys) {
        Ok(caps) => {
            let writes = caps.iter().all(|c| {
                c.iter()
                    .any(|x| x == "root" || x == "update" || x == "create")
            });
            if writes {
                report.ok(
                    "team token",
                    format!("the token may read and write {}", client.mount),
                );
            } else {
                report.ok(
                    "team token",
                    format!(
                        "the token may not write all of {}: reads only what its policy grants \
                         (a pipeline's token, see `hubint team policy`)",
                        client.mount
                    ),
                );
            }
            writes
        }
        Err(err) => {
            let (detail, fix) = error_parts(&err, "check the token's policy");
            report.problem("team token", detail, fix);
            false
        }
    }
}
