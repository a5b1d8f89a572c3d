//! The encrypted file backend: every secret in one age file in the data
//! directory (`secrets.age`, 0600), unlocked with a passphrase.
//!
//! - Writes are read-modify-write under an exclusive lock on a sibling lock
//!   file (`secrets.age.lock`), so two processes never lose each other's
//!   write. The new contents go to `secrets.age.tmp`, are fsynced and renamed
//!   over the file (then the directory is fsynced): a crash leaves the old
//!   file or the new one, never a torn one.
//! - Reads take no lock: the rename makes every read see a whole file.
//! - The passphrase is asked for on first use only (see [`passphrase`]), and
//!   before any lock is taken.
//! - A wrong passphrase typed at the prompt is asked again (three tries in
//!   all, before any lock is taken); a wrong one from the environment, or
//!   the third wrong one, is exit 5 and changes nothing.
//!
//! [`passphrase`]: crate::secret::passphrase

mod vault;

use std::cell::RefCell;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use self::vault::{Entry, OpenError, Vault};
use super::passphrase::{self, Passphrase};
use super::{Meta, NewSecret, Secret, SecretStore, StoreKind, Stored};
use crate::error::Failure;
use crate::ui::Ui;
use crate::{failpoint, files, paths};

/// How many times a passphrase typed at the prompt may be wrong.
const TRIES: usize = 3;

pub struct FileStore {
    path: PathBuf,
    ui: Ui,
    passphrase: RefCell<Option<Passphrase>>,
    /// The file as last read or written by this process, and its contents:
    /// while the file's bytes are unchanged there is no need to decrypt again.
    cache: RefCell<Option<(Vec<u8>, Vault)>>,
}

impl FileStore {
    /// A handle on the store at `path`. Nothing is read and nothing is asked
    /// until a secret is needed.
    pub fn new(path: PathBuf, ui: Ui) -> FileStore {
        FileStore {
            path,
            ui,
            passphrase: RefCell::new(None),
            cache: RefCell::new(None),
        }
    }

    /// A store whose passphrase is already known, for unit tests.
    #[cfg(test)]
    fn with_passphrase(path: PathBuf, secret: &str) -> FileStore {
        let store = FileStore::new(path, Ui::non_interactive());
        *store.passphrase.borrow_mut() = Some(Passphrase {
            secret: Secret::new(secret.into()),
            source: passphrase::Source::Env,
        });
        store
    }

    /// Whether the passphrase in use was typed at the prompt.
    fn prompted(&self) -> bool {
        self.passphrase
            .borrow()
            .as_ref()
            .is_some_and(|p| matches!(p.source, passphrase::Source::Prompt))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// The passphrase, asked for (or read from the environment) once.
    fn passphrase(&self) -> Result<Secret> {
        if let Some(p) = self.passphrase.borrow().as_ref() {
            return Ok(p.secret.clone());
        }
        let p = passphrase::obtain(&self.ui, &self.path, !self.exists())?;
        let secret = p.secret.clone();
        *self.passphrase.borrow_mut() = Some(p);
        Ok(secret)
    }

    /// The current contents (empty if there is no file yet).
    fn load(&self) -> Result<Vault> {
        self.try_load()?.map_err(|e| self.open_error(e))
    }

    /// [`load`](Self::load), telling a file that cannot be read (the outer
    /// error) from one that cannot be opened with the passphrase.
    fn try_load(&self) -> Result<Result<Vault, OpenError>> {
        files::refuse_link(&self.path)?;
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Ok(Vault::default())),
            Err(e) => {
                return Err(Failure::store(format!(
                    "cannot read the encrypted secret store {}: {e}",
                    self.path.display()
                ))
                .into());
            }
        };
        if let Some((cached, vault)) = self.cache.borrow().as_ref()
            && *cached == bytes
        {
            return Ok(Ok(vault.clone()));
        }
        let opened = vault::open(&bytes, &self.passphrase()?);
        if let Ok(vault) = &opened {
            *self.cache.borrow_mut() = Some((bytes, vault.clone()));
        }
        Ok(opened)
    }

    fn open_error(&self, err: OpenError) -> anyhow::Error {
        let path = self.path.display();
        match err {
            OpenError::WrongPassphrase => {
                let source = self
                    .passphrase
                    .borrow()
                    .as_ref()
                    .map(|p| p.source.to_string())
                    .unwrap_or_default();
                Failure::store(format!(
                    "wrong passphrase for the encrypted secret store {path} (from {source})"
                ))
                .hint("nothing was changed; check the passphrase and try again")
                .into()
            }
            OpenError::Unreadable(why) => Failure::store(format!(
                "cannot decrypt the encrypted secret store {path}: {why}"
            ))
            .hint("restore the file from a backup, or move it away to start a new store")
            .into(),
        }
    }

    /// The contents, after asking for the passphrase if needed. A wrong
    /// passphrase typed at the prompt is asked again, up to [`TRIES`] times
    /// in all; one from the environment fails at once.
    fn open(&self) -> Result<Vault> {
        for tries_left in (0..TRIES).rev() {
            self.passphrase()?;
            match self.try_load()? {
                Ok(vault) => return Ok(vault),
                Err(OpenError::WrongPassphrase) if tries_left > 0 && self.prompted() => {
                    self.ui.status(format!(
                        "error: wrong passphrase, try again ({tries_left} {} left)",
                        if tries_left == 1 { "try" } else { "tries" }
                    ));
                    *self.passphrase.borrow_mut() = None;
                }
                Err(e) => return Err(self.open_error(e)),
            }
        }
        unreachable!("the last try returns")
    }

    /// Read, change and write back the contents under the lock. `change`
    /// returns whether it changed anything; if not, nothing is written.
    fn modify<R>(&self, change: impl FnOnce(&mut Vault) -> (bool, R)) -> Result<R> {
        // Asked (and checked) before the lock is taken.
        self.open()?;
        let passphrase = self.passphrase()?;
        let _lock = self.lock()?;
        let mut vault = self.load()?;
        let (changed, result) = change(&mut vault);
        if changed {
            self.store(&vault, &passphrase)?;
        }
        Ok(result)
    }

    /// The directory of the file.
    fn dir(&self) -> &Path {
        files::dir_of(&self.path)
    }

    /// Seal `vault` and replace the file with it. The caller holds the lock.
    fn store(&self, vault: &Vault, passphrase: &Secret) -> Result<()> {
        let created = !self.exists();
        let sealed = vault::seal(vault, passphrase)?;
        let tmp = paths::sibling(&self.path, ".tmp");
        let explain = |e| files::explain(self.dir(), &self.path, e);
        paths::write_temp(&tmp, &sealed).map_err(explain)?;
        failpoint::hit("file-store-before-rename");
        paths::replace_with(&tmp, &self.path).map_err(explain)?;
        *self.cache.borrow_mut() = Some((sealed, vault.clone()));
        if created {
            self.ui.status(format!(
                "Created the encrypted secret store {}.",
                self.path.display()
            ));
        }
        Ok(())
    }

    /// Take the exclusive lock on `secrets.age.lock`, waiting for another
    /// hubint process if needed. Released when the guard is dropped (or the
    /// process dies).
    fn lock(&self) -> Result<fs::File> {
        let dir = self.dir();
        files::check_data_dir(dir)?;
        let lock_path = paths::sibling(&self.path, ".lock");
        files::ensure_writable(dir, &self.path)?;
        paths::ensure_private_dir(dir).map_err(|e| files::explain(dir, &self.path, e))?;
        let file =
            files::open_private(&lock_path).map_err(|e| files::explain(dir, &lock_path, e))?;
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) => self.ui.status(format!(
                "Waiting for another hubint process to finish writing {}...",
                self.path.display()
            )),
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", lock_path.display()));
            }
        }
        file.lock()
            .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        Ok(file)
    }

    /// Re-encrypt the file under `new` (atomically, under the lock).
    pub fn change_passphrase(&self, new: Passphrase) -> Result<()> {
        self.open()?;
        let _lock = self.lock()?;
        let vault = self.load()?;
        self.store(&vault, &new.secret)?;
        *self.passphrase.borrow_mut() = Some(new);
        Ok(())
    }
}

impl SecretStore for FileStore {
    fn kind(&self) -> StoreKind {
        StoreKind::File
    }

    fn get(&self, id: &str) -> Result<Option<Secret>> {
        if !self.exists() {
            return Ok(None);
        }
        Ok(self.open()?.secrets.get(id).map(|e| e.secret.clone()))
    }

    fn set(&self, id: &str, meta: &Meta, secret: &str) -> Result<()> {
        self.set_many(&[NewSecret {
            id: id.to_string(),
            meta: meta.clone(),
            secret: Secret::new(secret.to_string()),
        }])
    }

    fn relabel(&self, id: &str, meta: &Meta) -> Result<()> {
        if !self.exists() {
            return Ok(());
        }
        self.modify(|vault| match vault.secrets.get_mut(id) {
            Some(entry) if entry.meta.as_ref() != Some(meta) => {
                entry.label = meta.label();
                entry.meta = Some(meta.clone());
                (true, ())
            }
            _ => (false, ()),
        })
    }

    fn delete(&self, id: &str) -> Result<bool> {
        if !self.exists() {
            return Ok(false);
        }
        self.modify(|vault| {
            let removed = vault.secrets.remove(id).is_some();
            (removed, removed)
        })
    }

    /// One read, one scrypt round and one atomic replace for the whole batch.
    fn set_many(&self, batch: &[NewSecret]) -> Result<()> {
        self.modify(|vault| {
            let mut changed = false;
            for new in batch {
                let entry = Entry {
                    label: new.meta.label(),
                    secret: new.secret.clone(),
                    meta: Some(new.meta.clone()),
                };
                let old = vault.secrets.insert(new.id.clone(), entry.clone());
                changed |= old.is_none_or(|old| {
                    old.label != entry.label || old.secret != entry.secret || old.meta != entry.meta
                });
            }
            (changed, ())
        })
    }

    fn delete_many(&self, ids: &[String]) -> Result<usize> {
        if !self.exists() {
            return Ok(0);
        }
        self.modify(|vault| {
            let removed = ids
                .iter()
                .filter(|id| vault.secrets.remove(id.as_str()).is_some())
                .count();
            (removed > 0, removed)
        })
    }

    fn entries(&self) -> Result<Vec<Stored>> {
        if !self.exists() {
            return Ok(Vec::new());
        }
        let vault = self.open()?;
        Ok((vault.secrets.into_iter())
            .map(|(id, entry)| Stored {
                id,
                meta: entry.meta,
            })
            .collect())
    }

    /// Ask for the passphrase now and check it against the file.
    fn unlock(&self) -> Result<()> {
        self.open().map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two writers in parallel (separate open file descriptions, so the lock
    /// works as between processes) lose nothing, and no database lock
    /// serialises them here: only the file lock does.
    #[test]
    fn parallel_writers_keep_every_secret() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets.age");
        let writers: Vec<_> = (0..2)
            .map(|w| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let store = FileStore::with_passphrase(path, "pass phrase");
                    for i in 0..4 {
                        store
                            .set(&format!("w{w}-{i}"), &Meta::default(), &format!("s{w}-{i}"))
                            .unwrap();
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.join().unwrap();
        }
        let store = FileStore::with_passphrase(path, "pass phrase");
        let ids = store.list_ids().unwrap();
        assert_eq!(ids.len(), 8, "{ids:?}");
        assert_eq!(
            store.get("w1-3").unwrap().as_deref().map(String::as_str),
            Some("s1-3")
        );
        assert!(store.delete("w0-0").unwrap());
        assert!(!store.delete("w0-0").unwrap());
        assert_eq!(store.list_ids().unwrap().len(), 7);
    }

    #[test]
    fn a_wrong_passphrase_is_exit_5_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets.age");
        FileStore::with_passphrase(path.clone(), "right")
            .set("a", &Meta::default(), "s")
            .unwrap();
        let before = fs::read(&path).unwrap();
        let wrong = FileStore::with_passphrase(path.clone(), "wrong");
        let err = wrong.set("b", &Meta::default(), "s").unwrap_err();
        assert_eq!(
            crate::error::exit_code(&err),
            crate::error::Code::SecretStore
        );
        assert!(err.to_string().contains("wrong passphrase"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}
