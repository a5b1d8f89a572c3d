//! What only the encrypted file store does: changing its passphrase. It
//! needs no catalog, so it is a function, not a [`super::Service`] method
//! (which would open, and maybe create, the database).

use std::path::PathBuf;

use anyhow::Result;

use crate::context::Ctx;
use crate::error::Failure;
use crate::secret::SecretStore;
use crate::secret::passphrase::Passphrase;

/// Re-encrypt the file store under the passphrase `new` gives, once the
/// current one is checked (so that the new one is asked for only then).
/// Returns the store's path. Not found (exit 3) if there is no file store.
pub fn change_passphrase(ctx: &Ctx, new: impl FnOnce() -> Result<Passphrase>) -> Result<PathBuf> {
    let store = ctx.file_store();
    if !store.exists() {
        return Err(Failure::not_found(format!(
            "there is no encrypted secret store at {}",
            store.path().display()
        ))
        .hint("it is created when a secret is first stored with `--secret-store file`")
        .into());
    }
    store.unlock()?;
    store.change_passphrase(new()?)?;
    Ok(store.path().to_path_buf())
}
