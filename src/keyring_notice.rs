//! The OS keyring's errors in plain words. The Secret Service reaches us
//! through D-Bus, whose errors (`DBus error: Using X11 for dbus-daemon
//! autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS
//! instead`) mean nothing to most users. The common cases become one
//! sentence each, with the fix; `--verbose` adds the raw error.
//!
//! Also: the note that new secrets go to the encrypted file store because
//! no keyring answered is shown once per data directory, and again only
//! when the reason changes (remembered in a small state file).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::Failure;

static VERBOSE: AtomicBool = AtomicBool::new(false);

/// `--verbose`: show raw errors next to the plain words.
pub fn set_verbose(on: bool) {
    VERBOSE.store(on, Ordering::Relaxed);
}

pub fn verbose() -> bool {
    VERBOSE.load(Ordering::Relaxed)
}

/// Why the keyring could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// `DBUS_SESSION_BUS_ADDRESS` unset, or naming no running bus.
    NoBus,
    /// A bus, but nothing owns `org.freedesktop.secrets` on it.
    NoService,
    /// The keyring is locked and may not be unlocked here.
    Locked,
    /// The keyring did not answer in time.
    Timeout,
}

impl Reason {
    /// The stable word remembered in the state file.
    pub fn key(self) -> &'static str {
        match self {
            Reason::NoBus => "no-bus",
            Reason::NoService => "no-secret-service",
            Reason::Locked => "locked",
            Reason::Timeout => "timeout",
        }
    }

    /// Whether there is no keyring here at all, as opposed to one that is
    /// slow or refuses: only then may `secret-store = auto` pick the file
    /// store.
    pub fn is_absent(self) -> bool {
        matches!(self, Reason::NoBus | Reason::NoService)
    }

    /// The one sentence for people.
    pub fn sentence(self) -> &'static str {
        match self {
            Reason::NoBus => {
                "there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or names no \
                 running bus), so the OS keyring cannot be reached"
            }
            Reason::NoService => {
                "no Secret Service (gnome-keyring, KeePassXC) is running on this D-Bus session bus"
            }
            Reason::Locked => "the OS keyring is locked, and hubint may not ask to unlock it here",
            Reason::Timeout => "the OS keyring did not answer in time",
        }
    }

    /// What to do about it.
    pub fn fix(self) -> &'static str {
        match self {
            Reason::NoBus => {
                "run hubint in a session with a D-Bus bus and a Secret Service (`dbus-run-session -- $SHELL`, \
                 then start gnome-keyring), or use the encrypted file store: \
                 HUBINT_SECRET_STORE=file"
            }
            Reason::NoService => {
                "start one (`gnome-keyring-daemon --start --components=secrets`), or use the \
                 encrypted file store: HUBINT_SECRET_STORE=file"
            }
            Reason::Locked => {
                "unlock it (log in to the desktop session, or run hubint at a terminal to be \
                 asked), or use the encrypted file store: HUBINT_SECRET_STORE=file"
            }
            Reason::Timeout => {
                "check that the keyring daemon is not stuck, wait longer with \
                 HUBINT_KEYRING_TIMEOUT=SECONDS, or use the encrypted file store: \
                 HUBINT_SECRET_STORE=file"
            }
        }
    }
}

/// The reason behind a raw keyring error, when it is a common one.
pub fn classify(raw: &str) -> Option<Reason> {
    let has = |needles: &[&str]| needles.iter().any(|n| raw.contains(n));
    if has(&[
        "DBUS_SESSION_BUS_ADDRESS",
        "autolaunch",
        "Failed to connect to socket",
        "Unable to autolaunch",
    ]) {
        Some(Reason::NoBus)
    } else if has(&[
        "ServiceUnknown",
        "was not provided by any .service files",
        "No DBus session or Secret Service provider",
        "name org.freedesktop.secrets",
    ]) {
        Some(Reason::NoService)
    } else if has(&[
        "NoReply",
        "Did not receive a reply",
        "Timeout",
        "timed out",
        "did not answer within",
    ]) {
        // D-Bus's NoReply text says the reply "was blocked" among its
        // possible causes: not a locked keyring.
        Some(Reason::Timeout)
    } else if word(raw, "locked") || has(&["unlock prompt was dismissed", "IsLocked"]) {
        Some(Reason::Locked)
    } else {
        None
    }
}

/// Whether `needle` stands in `raw` as a word of its own ("locked", not
/// "blocked").
fn word(raw: &str, needle: &str) -> bool {
    raw.match_indices(needle).any(|(at, _)| {
        let before = raw[..at].chars().next_back();
        let after = raw[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The plain-words error (exit 5) for a raw keyring error, if it is a
/// common one; with `--verbose` it also carries the raw text.
pub fn translate(raw: &str) -> Option<Failure> {
    let reason = classify(raw)?;
    Some(Failure::store(with_raw(reason.sentence(), raw)).hint(reason.fix()))
}

/// The error when the keyring gave no answer within `waited` (exit 5).
pub fn timeout(waited: std::time::Duration) -> Failure {
    let raw = format!("no answer within {:.1}s", waited.as_secs_f64());
    Failure::store(format!("{} ({raw})", Reason::Timeout.sentence())).hint(Reason::Timeout.fix())
}

/// `sentence`, plus the raw error under `--verbose`.
pub fn with_raw(sentence: &str, raw: &str) -> String {
    if verbose() {
        format!("{sentence} (raw error: {raw})")
    } else {
        sentence.to_string()
    }
}

/// The reason behind an error made by [`translate`], if it was one.
pub fn reason_of(err: &anyhow::Error) -> Option<Reason> {
    let failure = err.chain().find_map(|c| c.downcast_ref::<Failure>())?;
    [
        Reason::NoBus,
        Reason::NoService,
        Reason::Locked,
        Reason::Timeout,
    ]
    .into_iter()
    .find(|r| failure.message.starts_with(r.sentence()))
}

const STATE_FILE: &str = "store-note";

/// Whether the file-store note for `reason` should be shown: not if it was
/// shown for the same reason before, in this data directory. Records the
/// reason (best effort: a read-only directory means the note is shown).
pub fn note_is_new(data_dir: &Path, reason: &str) -> bool {
    let path = data_dir.join(STATE_FILE);
    if std::fs::read_to_string(&path).is_ok_and(|seen| seen.trim() == reason) {
        return false;
    }
    if data_dir.is_dir() {
        let _ = crate::dockerconfig::write_atomic(&path, format!("{reason}\n").as_bytes(), 0o600);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_dbus_errors() {
        let cases = [
            (
                "the OS keyring is unavailable: DBus error: Using X11 for dbus-daemon autolaunch \
                 was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead",
                Reason::NoBus,
            ),
            (
                "DBus error: Failed to connect to socket /nonexistent: No such file or directory",
                Reason::NoBus,
            ),
            (
                "DBus error: The name org.freedesktop.secrets was not provided by any .service files",
                Reason::NoService,
            ),
            ("Secret Service: object locked", Reason::Locked),
            (
                "the keyring item is locked and hubint may not prompt here",
                Reason::Locked,
            ),
            (
                "DBus error: Did not receive a reply (org.freedesktop.DBus.Error.NoReply)",
                Reason::Timeout,
            ),
            ("the OS keyring did not answer within 5.0s", Reason::Timeout),
            // What the dbus crate says when a reply is late: "blocked" is
            // not "locked".
            (
                "the OS keyring is unavailable: D-Bus error: Did not receive a reply. Possible \
                 causes include: the remote application did not send a reply, the message bus \
                 security policy blocked the reply, the reply timeout expired, or the network \
                 connection was broken.",
                Reason::Timeout,
            ),
            ("Secret Service: object locked", Reason::Locked),
        ];
        for (raw, reason) in cases {
            assert_eq!(classify(raw), Some(reason), "{raw}");
        }
        assert_eq!(
            classify("a secret in the OS keyring is not valid UTF-8"),
            None
        );
    }

    #[test]
    fn translated_errors_are_one_sentence_with_the_fix() {
        let failure = translate("DBus error: Using X11 for dbus-daemon autolaunch").unwrap();
        assert!(!failure.message.contains("X11"), "{}", failure.message);
        assert!(failure.hint.unwrap().contains("dbus-run-session"));
    }

    #[test]
    fn the_note_is_new_once_per_reason() {
        let dir = tempfile::tempdir().unwrap();
        assert!(note_is_new(dir.path(), "no-bus"));
        assert!(!note_is_new(dir.path(), "no-bus"));
        assert!(note_is_new(dir.path(), "locked"));
        assert!(!note_is_new(dir.path(), "locked"));
        assert!(note_is_new(dir.path(), "no-bus"));
    }
}
