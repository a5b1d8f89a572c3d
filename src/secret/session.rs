//! The one Secret Service connection of the process (Linux and the BSDs).
//!
//! Every Secret Service call hubint makes itself goes through the connection
//! opened here on first use and kept until the process exits: one D-Bus
//! connection and one Diffie-Hellman session, however many secrets a command
//! reads or writes (a lock check and the write that follows it, or an import
//! of 10,000 entries). The keyring store of `keyring.rs` is only used where
//! hubint may prompt, and then it is the only connection.
//!
//! Transport: the session is `dh-ietf1024-sha256-aes128-cbc-pkcs7`, as
//! libsecret (`secret-tool`, `docker-credential-secretservice`) negotiates it,
//! so that a secret never crosses the bus in clear. The DH set-up used to be
//! about 39% of a credential-helper `get`; it is now computed by the patched
//! dbus-secret-service in `vendor/` (OS CSPRNG for the private key, num-bigint's
//! Montgomery `modpow`), which costs about 1 ms of CPU instead of about 3
//! (figures in bench/RESULTS.md). The `plain` transport would save that
//! millisecond too, but hands the secret to every bus monitor of the session,
//! and the openssl feature would build and link a second crypto library.
//!
//! The session never prompts: with a prompt timeout of zero the crate answers
//! a prompt path with an error instead of showing it (see `no_prompt.rs`).

use std::sync::Mutex;

use dbus_secret_service::{EncryptionType, SecretService};
use keyring_core::Result;

use super::no_prompt::failure;

/// Run `op` on the process's Secret Service session, connecting on first
/// use. Calls are serialised: the connection is not shared between threads.
pub fn with<T>(op: impl FnOnce(&SecretService) -> Result<T>) -> Result<T> {
    static SERVICE: Mutex<Option<SecretService>> = Mutex::new(None);
    let mut guard = SERVICE.lock().unwrap_or_else(|e| e.into_inner());
    if guard.is_none() {
        let service = SecretService::connect_with_max_prompt_timeout(EncryptionType::Dh, 0)
            .map_err(failure)?;
        *guard = Some(service);
    }
    op(guard.as_ref().expect("connected above"))
}
