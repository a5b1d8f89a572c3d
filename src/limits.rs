//! How much of any input hubint reads. Every secret source and every file
//! it imports is read with [`read_bounded`], which stops at the limit plus
//! one byte: `/dev/zero` or an endless pipe costs at most that much memory.
//! The limits are documented in the README ("Data safety").

use std::io::{self, Read};

use zeroize::Zeroizing;

use crate::validate::PASSWORD_MAX;

/// A password from `--password-stdin` or `--password-file`: the longest
/// password, and a trailing `\r\n`.
pub const PASSWORD_INPUT: usize = PASSWORD_MAX + 2;

/// A passphrase of the encrypted file store (`HUBINT_PASSPHRASE_FILE`,
/// `--new-passphrase-stdin`, `--new-passphrase-file`), with a line break.
pub const PASSPHRASE_INPUT: usize = 4 * 1024 + 2;

/// What the credential helper reads on stdin: a server URL, or the JSON of
/// `store` (a password, a username and a URL, JSON-escaped at worst six
/// times their length).
pub const HELPER_INPUT: usize = 256 * 1024;

/// A docker `config.json` or containers `auth.json` that hubint reads,
/// imports or rewrites.
pub const CONFIG_FILE: usize = 8 * 1024 * 1024;

/// At most `limit` bytes of `input`, or `None` if it holds more (reading
/// stops at `limit + 1` bytes). The bytes are wiped when dropped.
pub fn read_bounded(input: &mut dyn Read, limit: usize) -> io::Result<Option<Zeroizing<Vec<u8>>>> {
    // Allocated once for small limits, so that no copy of a secret is left
    // behind by a reallocation.
    let mut buf = Zeroizing::new(Vec::with_capacity((limit + 1).min(64 * 1024)));
    input.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok((buf.len() <= limit).then_some(buf))
}

/// `bytes` in words: "16 KiB", "8 MiB", "300 bytes".
pub fn describe(bytes: usize) -> String {
    match bytes {
        b if b >= 1024 * 1024 && b % (1024 * 1024) < 16 => format!("{} MiB", b / (1024 * 1024)),
        b if b >= 1024 && b % 1024 < 16 => format!("{} KiB", b / 1024),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_one_byte_after_the_limit() {
        let mut zero = io::repeat(0);
        assert!(read_bounded(&mut zero, 1000).unwrap().is_none());
        let mut some = &b"abc"[..];
        assert_eq!(&**read_bounded(&mut some, 3).unwrap().unwrap(), b"abc");
        assert_eq!(describe(PASSWORD_INPUT), "16 KiB");
        assert_eq!(describe(CONFIG_FILE), "8 MiB");
    }
}
