//! What the encrypted file holds, and its encryption with age.
//!
//! The file is a standard age file with one scrypt (passphrase) recipient,
//! so `age --decrypt secrets.age` opens it in an emergency. Inside is JSON:
//!
//! ```json
//! {"format": "hubint-secrets", "version": 1,
//!  "secrets": {"<integration id>": {"label": "hubint: NAME (REGISTRY)", "secret": "...",
//!    "meta": {"name": "...", "family": "hub", "type": "docker", "registry": "...",
//!             "username": "...", "email": "...", "home": "..."}}}}
//! ```
//!
//! `meta` (the integration's details, to rebuild its row with `hubint doctor
//! --recover`) is missing from entries written before hubint kept it.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::iter;

use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::secret::{Meta, Secret};

/// The scrypt work factor (N = 2^WORK_FACTOR, r = 8, p = 1) used when the
/// file is written.
///
/// Every command that uses the file store pays one scrypt derivation to
/// read it and one more per write (a process keeps what it decrypted, so it
/// derives at most once per read while nobody else writes the file). age
/// calibrates to about 1 s by default, and the `age` CLI uses 2^18 (measured
/// here: ~535 ms of CPU, 256 MiB). hubint sits in the path of `docker pull`
/// through its credential helper, so that is too slow per call. 2^16 costs
/// ~130 ms of CPU and 64 MiB on the 2-core CI machine, while an attacker who
/// copies the file (0600, in a 0700 directory) still pays 2^16 block mixes
/// and 64 MiB per guess: the passphrase's strength matters far more than the
/// factor of 4 given up.
///
/// Any value up to [`MAX_WORK_FACTOR`] keeps the file readable by the `age`
/// CLI, which accepts scrypt work factors up to 22; the format is the
/// standard scrypt recipient, so `age --decrypt` opens it.
pub const WORK_FACTOR: u8 = 16;

/// The highest work factor accepted when reading: the `age` CLI's own limit,
/// so a file re-encrypted by hand with `age --passphrase` still opens, while
/// a damaged or hostile header cannot demand hours of work.
pub const MAX_WORK_FACTOR: u8 = 22;

const FORMAT: &str = "hubint-secrets";
const VERSION: u32 = 1;

/// The decrypted contents. Secrets are wiped from memory when dropped.
#[derive(Serialize, Deserialize, Clone)]
pub struct Vault {
    format: String,
    version: u32,
    pub secrets: BTreeMap<String, Entry>,
}

#[derive(Serialize, Deserialize, Clone)]
pub struct Entry {
    /// The same label the keyring shows, so that a decrypted file is readable.
    pub label: String,
    pub secret: Secret,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
}

impl Default for Vault {
    fn default() -> Self {
        Vault {
            format: FORMAT.into(),
            version: VERSION,
            secrets: BTreeMap::new(),
        }
    }
}

/// Why a file could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The passphrase does not open it (or it is not a passphrase file).
    WrongPassphrase,
    /// Anything else: not an age file, damaged, not hubint's format.
    Unreadable(String),
}

/// Encrypt `vault` under `passphrase` as a binary age file.
pub fn seal(vault: &Vault, passphrase: &Secret) -> anyhow::Result<Vec<u8>> {
    let plaintext = Zeroizing::new(serde_json::to_vec(vault)?);
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
    recipient.set_work_factor(WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(iter::once(&recipient as _))
        .map_err(|e| anyhow::anyhow!("cannot encrypt the secret store: {e}"))?;
    let mut ciphertext = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor.wrap_output(&mut ciphertext)?;
    writer.write_all(&plaintext)?;
    writer.finish()?;
    Ok(ciphertext)
}

/// Decrypt an age file written by [`seal`] (or by `age --passphrase`).
pub fn open(ciphertext: &[u8], passphrase: &Secret) -> Result<Vault, OpenError> {
    use age::DecryptError as E;
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let unreadable = |e: E| OpenError::Unreadable(e.to_string());
    let decryptor = age::Decryptor::new_buffered(ciphertext).map_err(unreadable)?;
    let mut reader = match decryptor.decrypt(iter::once(&identity as _)) {
        Ok(reader) => reader,
        Err(E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys) => {
            return Err(OpenError::WrongPassphrase);
        }
        Err(E::ExcessiveWork { required, .. }) => {
            return Err(OpenError::Unreadable(format!(
                "it needs scrypt work factor {required}, above the limit of {MAX_WORK_FACTOR}"
            )));
        }
        Err(e) => return Err(unreadable(e)),
    };
    // Sized up front so that the plaintext is never reallocated (and copied).
    let mut plaintext = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    reader
        .read_to_end(&mut plaintext)
        .map_err(|e| OpenError::Unreadable(format!("it is damaged ({e})")))?;
    // serde's message could quote the plaintext: report the position only.
    let vault: Vault = serde_json::from_slice(&plaintext).map_err(|e| {
        OpenError::Unreadable(format!(
            "it decrypts, but not to hubint's format (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    if vault.format != FORMAT || vault.version != VERSION {
        return Err(OpenError::Unreadable(format!(
            "it holds format '{}' version {}, which this hubint does not know",
            vault.format, vault.version
        )));
    }
    Ok(vault)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault_with(id: &str, secret: &str) -> Vault {
        let mut vault = Vault::default();
        vault.secrets.insert(
            id.into(),
            Entry {
                label: "hubint: x (y)".into(),
                secret: Secret::new(secret.into()),
                meta: None,
            },
        );
        vault
    }

    #[test]
    fn round_trip() {
        let pass = Secret::new("correct horse".into());
        let sealed = seal(&vault_with("id1", "s3cr3t"), &pass).unwrap();
        assert!(sealed.starts_with(b"age-encryption.org/v1\n-> scrypt "));
        assert!(!sealed.windows(6).any(|w| w == b"s3cr3t"));
        let opened = open(&sealed, &pass).unwrap();
        assert_eq!(&*opened.secrets["id1"].secret, "s3cr3t");
    }

    #[test]
    fn wrong_passphrase_is_recognised() {
        let sealed = seal(&vault_with("id1", "x"), &Secret::new("right".into())).unwrap();
        assert!(matches!(
            open(&sealed, &Secret::new("wrong".into())),
            Err(OpenError::WrongPassphrase)
        ));
    }

    #[test]
    fn garbage_is_unreadable() {
        assert!(matches!(
            open(b"not an age file", &Secret::new("x".into())),
            Err(OpenError::Unreadable(_))
        ));
    }
}
