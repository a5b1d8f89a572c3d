//! Whether each secret store answers. A store nothing uses may be absent
//! (no OS keyring on a server is fine); the encrypted file store is opened
//! only with a passphrase from the environment or, on a terminal, a prompt.

use std::collections::BTreeSet;

use super::{Report, error_parts};
use crate::context::Ctx;
use crate::db::Db;
use crate::secret::{PROBE_ID, StoreKind, passphrase};
use crate::service::catalog::CatalogRead;

/// The stores the secret checks may read (and, with `--fix`, write).
pub struct Usable {
    pub keyring: bool,
    pub file: bool,
    /// Only on the team store (`doctor::team`).
    pub team: bool,
}

impl Usable {
    pub fn has(&self, kind: StoreKind) -> bool {
        match kind {
            StoreKind::Keyring => self.keyring,
            StoreKind::File => self.file,
            StoreKind::Team => self.team,
        }
    }
}

pub fn check(ctx: &Ctx, db: Option<&Db>, report: &mut Report) -> Usable {
    if let Err(err) = ctx.settings() {
        let (detail, fix) = error_parts(&err, "fix the config file, or unset the variable");
        report.problem("settings", detail, fix);
    }
    let used = db.map(used_stores).unwrap_or_default();
    Usable {
        keyring: keyring(ctx, &used, report),
        file: file(ctx, report),
        team: false,
    }
}

/// The stores that rows (or pending secrets) name.
fn used_stores(db: &Db) -> BTreeSet<String> {
    let rows = db.integrations(&Default::default()).unwrap_or_default();
    let pending = db.pending().unwrap_or_default();
    (rows.iter().map(|r| r.secret_store.to_string()))
        .chain(pending.iter().map(|p| p.store.to_string()))
        .collect()
}

/// One cheap lookup. A keyring that does not answer is a problem only if
/// an integration uses it or new secrets are set to go there.
fn keyring(ctx: &Ctx, used: &BTreeSet<String>, report: &mut Report) -> bool {
    let chosen = ctx
        .settings()
        .is_ok_and(|s| s.settings.secret_store.kind() == Some(StoreKind::Keyring));
    let needed = chosen || used.contains(StoreKind::Keyring.as_str());
    match ctx
        .store(StoreKind::Keyring)
        .and_then(|store| store.get(PROBE_ID))
    {
        Ok(_) => {
            report.ok("keyring", "the OS keyring answers");
            true
        }
        Err(err) if needed => {
            let (detail, fix) = error_parts(&err, "start and unlock the OS keyring");
            report.problem("keyring", detail, fix);
            false
        }
        Err(err) => {
            report.ok(
                "keyring",
                format!(
                    "not available ({}), and nothing uses it",
                    crate::context::one_line(&err)
                ),
            );
            false
        }
    }
}

/// Open the encrypted file store if it exists and a passphrase can be had
/// without failing; otherwise say why it was not checked.
fn file(ctx: &Ctx, report: &mut Report) -> bool {
    let store = ctx.file_store();
    let path = store.path().display().to_string();
    if !store.exists() {
        report.ok("file store", format!("none at {path}"));
        return true;
    }
    if !passphrase::available(&ctx.ui) {
        report.skipped(
            "file store",
            format!(
                "{path} not checked: set {} or {}",
                passphrase::ENV_PASSPHRASE,
                passphrase::ENV_PASSPHRASE_FILE
            ),
        );
        return false;
    }
    match crate::secret::SecretStore::unlock(&*store) {
        Ok(()) => {
            report.ok("file store", format!("{path} opens"));
            true
        }
        Err(err) => {
            let (detail, fix) = error_parts(&err, "check the passphrase");
            report.problem("file store", detail, fix);
            false
        }
    }
}
