//! `hubint secret-store ...`: the encrypted file store itself.

mod passwd;

super::group::command_group!(SecretStoreCommand {
    /// Re-encrypt the encrypted file store under a new passphrase
    ///
    /// The current passphrase comes from HUBINT_PASSPHRASE, HUBINT_PASSPHRASE_FILE or a
    /// prompt; the new one from --new-passphrase-stdin, --new-passphrase-file or a prompt
    /// (asked twice). The file is replaced atomically: a crash leaves it under the old
    /// passphrase or the new one.
    Passwd(passwd::PasswdArgs),
});
