//! The one Secret Service connection of the process (Linux and the BSDs).
//!
//! Every Secret Service call hubint makes itself goes through the connection
//! opened here on first use and kept until the process exits: one D-Bus
//! connection and one Diffie-Hellman session, however many secrets a command
//! reads or writes (a lock check and the write that follows it, or an import
//! of 10,000 entries), whether or not it may prompt.
//!
//! Transport: the session is `dh-ietf1024-sha256-aes128-cbc-pkcs7`, as
//! libsecret (`secret-tool`, `docker-credential-secretservice`) negotiates
//! it, so that a secret never crosses the bus in clear (bus monitors, logs
//! of them). Its set-up used to be most of a credential-helper `get`: the
//! patched dbus-secret-service in `vendor/` now draws the private key from
//! the OS CSPRNG (it used fastrand), uses num-bigint's Montgomery `modpow`
//! and a 256-bit private exponent, which takes the set-up from 30.5 M to
//! 4.7 M instructions (callgrind; a whole `get` is now 6.6 M). Choices not
//! taken: the `plain` transport would save the remaining ~4 M but hand the
//! secret to every bus monitor of the session; the crate's openssl feature
//! would build and link a second crypto library (vendored OpenSSL adds
//! minutes to every clean build) for the same exponentiation. Figures in
//! bench/RESULTS.md.
//!
//! The connection's first call to the service is never `OpenSession`: the
//! patched crate opens the session on first use, after the search that
//! found the item (or a read of `Collections`), at no extra round trip.
//! gnome-keyring-daemon can abort when a client's first call is
//! `OpenSession` (issue 17, bench/RESULTS.md; `bench/keyring-crash raw`
//! with `PAUSE` reproduces it).
//!
//! A process decides once whether it may prompt (its keyring store is made
//! once, see `KeyringStore::new`), so it opens one connection: with no
//! prompt timeout where it may prompt, and with a zero timeout otherwise,
//! where the crate answers a prompt path with an error instead of showing
//! it (see `secret_service.rs`). Only the crate's public API is used, so the
//! published crate also builds against the upstream dbus-secret-service
//! (the `[patch]` in `vendor/` changes its internals only).

use std::sync::Mutex;

use dbus_secret_service::{EncryptionType, SecretService};
use keyring_core::Result;

use super::secret_service::failure;

/// Run `op` on the process's Secret Service session, connecting on first
/// use; an unlock prompt is shown only if `may_prompt`. Calls are
/// serialised: the connection is not shared between threads.
pub fn with<T>(may_prompt: bool, op: impl FnOnce(&SecretService) -> Result<T>) -> Result<T> {
    // One slot per mode; a process uses one of them.
    static SERVICES: [Mutex<Option<SecretService>>; 2] = [Mutex::new(None), Mutex::new(None)];
    let mut guard = SERVICES[usize::from(may_prompt)]
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if guard.is_none() {
        let service = match may_prompt {
            true => SecretService::connect(EncryptionType::Dh),
            false => SecretService::connect_with_max_prompt_timeout(EncryptionType::Dh, 0),
        };
        *guard = Some(service.map_err(failure)?);
    }
    op(guard.as_ref().expect("connected above"))
}
