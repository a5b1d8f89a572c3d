//! A keyring daemon that is slow to answer (busy rewriting a big keyring,
//! or stopped) is reported as that, after `keyring-timeout`, never as a
//! locked keyring. The test stops the daemon (SIGSTOP) for a while, so it
//! is a test binary of its own: the other files' tests never see it stopped.

mod common;

use std::process::Command;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use common::{TestEnv, stderr};

/// The process id of the daemon that owns org.freedesktop.secrets on the
/// tests' private bus.
fn daemon_pid() -> String {
    let out = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.GetConnectionUnixProcessID",
            "string:org.freedesktop.secrets",
        ])
        .output()
        .expect("dbus-send");
    let reply = String::from_utf8_lossy(&out.stdout);
    reply
        .split_whitespace()
        .skip_while(|w| *w != "uint32")
        .nth(1)
        .expect("the daemon's pid")
        .to_string()
}

/// Runs `during` while the keyring daemon is stopped for 10 s (longer than
/// two of hubint's 3 s waits), then lets it go on.
fn while_stopped<T>(during: impl FnOnce() -> T) -> T {
    let pid = daemon_pid();
    let signal = |name: &str| {
        let ok = Command::new("kill").args([name, &pid]).status().unwrap();
        assert!(ok.success(), "kill {name} {pid}");
    };
    signal("-STOP");
    let resume = std::thread::spawn({
        let pid = pid.clone();
        move || {
            std::thread::sleep(Duration::from_secs(10));
            Command::new("kill").args(["-CONT", &pid]).status().unwrap();
        }
    });
    let result = during();
    resume.join().unwrap();
    signal("-CONT");
    result
}

/// A test environment where hubint waits 3 s for the keyring, and this
/// test's turn: the tests share the daemon, so one runs at a time.
fn slow_env() -> (MutexGuard<'static, ()>, TestEnv) {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    (turn, TestEnv::new().with_env("HUBINT_KEYRING_TIMEOUT", "3"))
}

#[test]
fn a_daemon_that_does_not_answer_is_not_called_locked() {
    needs_keyring!();
    needs_commands!("dbus-send", "kill");
    let (_turn, env) = slow_env();
    env.add("slow", "old-password", &[]);
    let out = while_stopped(|| env.run(&["edit", "slow", "--password-stdin"], "new-password"));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(
        err.contains("did not answer in time") && err.contains("HUBINT_KEYRING_TIMEOUT"),
        "{err}"
    );
    assert!(!err.contains("locked"), "{err}");
    // hubint's own bound gave up, not D-Bus's (which once did, after 2 s).
    assert!(err.contains("no answer within 3.0s"), "{err}");
}

/// `secret-store = auto` picks the file store only when there is no keyring
/// at all. A keyring that is slow to answer fails the command instead: a
/// helper `store` that fell back would need a passphrase it does not have,
/// and the secret would land in a store the user did not choose.
#[test]
fn a_slow_keyring_does_not_send_new_secrets_to_the_file_store() {
    needs_keyring!();
    needs_commands!("dbus-send", "kill");
    let (_turn, env) = slow_env();
    let (add, store) = while_stopped(|| {
        let add = env.run(
            &[
                "add",
                "--name",
                "new",
                "--username",
                "u",
                "--password-stdin",
            ],
            "pw",
        );
        let json = r#"{"ServerURL":"localhost:5001","Username":"bob","Secret":"pw"}"#;
        (add, env.run_helper(&["store"], json))
    });
    assert_eq!(add.status.code(), Some(5), "{}", stderr(&add));
    assert!(
        stderr(&add).contains("did not answer in time"),
        "{}",
        stderr(&add)
    );
    assert!(!stderr(&add).contains("note:"), "{}", stderr(&add));
    assert_eq!(store.status.code(), Some(1), "{store:?}");
    assert!(
        String::from_utf8_lossy(&store.stdout).contains("did not answer in time"),
        "{store:?}"
    );
    assert!(!env.secrets_path().exists(), "a file store was made");
    assert!(env.names().is_empty(), "{:?}", env.names());
    // Once it answers, the same commands use the keyring.
    env.add("new", "pw", &[]);
    assert!(!env.secrets_path().exists(), "a file store was made");
}
