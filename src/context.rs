//! What every command gets: paths, the terminal, the output format, and
//! access to the database and the secret stores (opened on first use, so a
//! command that does not need the keyring never touches it, and the file
//! store asks for its passphrase only when a secret in it is needed).

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use anyhow::Result;

use crate::config;
use crate::db::Db;
use crate::keyring_notice;
use crate::paths::Paths;
use crate::secret::{FileStore, KeyringStore, SecretStore, StoreKind};
use crate::ui::Ui;

pub struct Ctx {
    pub paths: Paths,
    pub ui: Ui,
    /// `--json` was given.
    pub json: bool,
    stores: RefCell<HashMap<StoreKind, Rc<dyn SecretStore>>>,
    file_store: OnceCell<Rc<FileStore>>,
    team: OnceCell<crate::team::client::Client>,
    /// The settings (read on first use: defaults, config file, environment).
    settings: OnceCell<config::Layered>,
    /// The store chosen for new secrets without `--secret-store` (decided once).
    default_store: Cell<Option<StoreKind>>,
    /// Whether the user was told that the database is empty while the
    /// stores hold passwords (see [`crate::recovery::warn_if_empty`]).
    pub warned_empty: Cell<bool>,
}

impl Ctx {
    pub fn new(paths: Paths, ui: Ui, json: bool) -> Ctx {
        Ctx {
            paths,
            ui,
            json,
            stores: RefCell::default(),
            file_store: OnceCell::new(),
            team: OnceCell::new(),
            settings: OnceCell::new(),
            default_store: Cell::new(None),
            warned_empty: Cell::new(false),
        }
    }

    /// A context whose secret stores are replaced, for unit tests.
    #[cfg(test)]
    pub fn with_store(paths: Paths, store: Rc<dyn SecretStore>) -> Ctx {
        let ctx = Ctx::new(paths, Ui::non_interactive(), false);
        ctx.stores.borrow_mut().insert(store.kind(), store);
        ctx
    }

    /// Open the database. A 0-byte file (truncated, or replaced by an empty
    /// one) becomes a new database, but not silently: if the stores hold
    /// passwords it does not know, the user is told once how to recover them.
    pub(crate) fn open_db(&self) -> Result<Db> {
        let path = self.paths.db_path();
        let was_empty = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() == 0);
        let db = Db::open(&path)?;
        if was_empty {
            crate::recovery::warn_if_empty(self, &db);
        }
        Ok(db)
    }

    /// The database, for a command that only reads: it still works on a
    /// full disk or a read-only data directory.
    pub(crate) fn read_db(&self) -> Result<Db> {
        Db::open_for_reading(&self.paths.db_path())
    }

    /// The settings in effect, read once. A variable hubint no longer reads
    /// gets a warning here.
    pub fn settings(&self) -> Result<&config::Layered> {
        if let Some(settings) = self.settings.get() {
            return Ok(settings);
        }
        let set = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty());
        for warning in config::removed_warnings(set) {
            self.ui.warn(warning);
        }
        let settings = config::Layered::load(&self.paths)?;
        Ok(self.settings.get_or_init(|| settings))
    }

    /// The store of the given kind.
    pub fn store(&self, kind: StoreKind) -> Result<Rc<dyn SecretStore>> {
        if let Some(store) = self.stores.borrow().get(&kind) {
            return Ok(store.clone());
        }
        let store: Rc<dyn SecretStore> = match kind {
            StoreKind::Keyring => {
                let timeout = self.settings()?.settings.keyring_timeout.duration();
                Rc::new(KeyringStore::new(timeout, self.ui.interactive()))
            }
            StoreKind::File => self.file_store(),
            StoreKind::Team => Rc::new(crate::team::secrets::TeamStore::new(self.team_client()?)),
        };
        self.stores.borrow_mut().insert(kind, store.clone());
        Ok(store)
    }

    /// Whether `store = team`: the catalog and the secrets are on the team
    /// store's server.
    /// Settings that cannot be read (an unusable data directory, a broken
    /// config file) are left to the local path's own checks, which name
    /// them as before, unless `HUBINT_STORE=team` insists on the team store.
    pub fn team_mode(&self) -> Result<bool> {
        match self.settings() {
            Ok(layered) => Ok(layered.settings.store == config::StoreMode::Team),
            Err(err)
                if std::env::var(config::env_var("store")).is_ok_and(|v| v.trim() == "team") =>
            {
                Err(err)
            }
            Err(_) => Ok(false),
        }
    }

    /// The client of the team store (connected once per command).
    pub fn team_client(&self) -> Result<crate::team::client::Client> {
        if let Some(client) = self.team.get() {
            return Ok(client.clone());
        }
        let client = crate::team::client::Client::connect(&self.settings()?.settings, &self.paths)?;
        Ok(self.team.get_or_init(|| client).clone())
    }

    /// The encrypted file store itself (for what only it can do, such as
    /// changing its passphrase). Creating it reads and asks nothing.
    pub fn file_store(&self) -> Rc<FileStore> {
        self.file_store
            .get_or_init(|| Rc::new(FileStore::new(self.paths.secrets_path(), self.ui.clone())))
            .clone()
    }

    /// The store for new secrets: `flag` (`--secret-store`), else
    /// `HUBINT_SECRET_STORE`, else the config file, else the OS keyring if
    /// there is one. If there is none, the encrypted file store is used and
    /// the user is told so, once, on stderr.
    pub fn default_store(&self, flag: Option<StoreKind>) -> Result<StoreKind> {
        if self.team_mode()? {
            return match flag {
                Some(kind) if kind != StoreKind::Team => Err(crate::error::Failure::usage(format!(
                    "--secret-store {kind} does not apply to the team store"
                ))
                .hint("the team store keeps every secret next to its catalog; leave --secret-store out")
                .into()),
                _ => Ok(StoreKind::Team),
            };
        }
        self.local_default_store(flag)
    }

    /// The local store for new secrets as [`Ctx::default_store`] chooses it
    /// when `store = local`, whatever `store` says (`hubint team pull`).
    pub fn local_default_store(&self, flag: Option<StoreKind>) -> Result<StoreKind> {
        if let Some(kind) = flag {
            return Ok(kind);
        }
        if let Some(kind) = self.default_store.get() {
            return Ok(kind);
        }
        let kind = match self.settings()?.settings.secret_store.kind() {
            Some(kind) => kind,
            None => self.probe_keyring()?,
        };
        self.default_store.set(Some(kind));
        Ok(kind)
    }

    /// The keyring if there is one; the file store, with a notice, if there is
    /// no keyring here at all (no session bus, or no Secret Service on it).
    /// Any other error (a daemon too slow to answer, a refusal) fails the
    /// command: a passing condition must not move new secrets to another
    /// store, where a later command without the passphrase cannot read them.
    fn probe_keyring(&self) -> Result<StoreKind> {
        let keyring = self.store(StoreKind::Keyring)?;
        match keyring.get(crate::secret::PROBE_ID) {
            Ok(_) => Ok(StoreKind::Keyring),
            Err(err) => match keyring_notice::reason_of(&err) {
                Some(reason) if reason.is_absent() => {
                    self.file_store_note(reason);
                    Ok(StoreKind::File)
                }
                _ => Err(err),
            },
        }
    }
}

impl Ctx {
    /// Say that new secrets go to the file store because the keyring did
    /// not answer: once per data directory, and again when the reason
    /// changes.
    fn file_store_note(&self, reason: keyring_notice::Reason) {
        if !keyring_notice::note_is_new(&self.paths.data_dir, reason.key())
            && !keyring_notice::verbose()
        {
            return;
        }
        let why = reason.sentence();
        self.ui.status(format!(
            "note: new secrets go to the encrypted file store {} because no OS keyring \
             answered: {why}. Choose a store with --secret-store, HUBINT_SECRET_STORE or \
             `hubint config set secret-store keyring|file`; this note is shown again only \
             when the reason changes.",
            self.paths.secrets_path().display()
        ));
    }
}

pub use crate::error::one_line;
