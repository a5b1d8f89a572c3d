//! A keyring daemon that is slow to answer (busy rewriting a big keyring,
//! or stopped) is reported as that, after `keyring-timeout`, never as a
//! locked keyring. The test stops the daemon (SIGSTOP) for a while, so it
//! is a test binary of its own: the other files' tests never see it stopped.

mod common;

use std::process::Command;
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

#[test]
fn a_daemon_that_does_not_answer_is_not_called_locked() {
    needs_keyring!();
    needs_commands!("dbus-send", "kill");
    let env = TestEnv::new().with_env("HUBINT_KEYRING_TIMEOUT", "3");
    env.add("slow", "old-password", &[]);
    let pid = daemon_pid();
    let signal = |name: &str| {
        let ok = Command::new("kill").args([name, &pid]).status().unwrap();
        assert!(ok.success(), "kill {name} {pid}");
    };
    signal("-STOP");
    // Longer than hubint waits (3 s); the daemon goes on afterwards.
    let resume = std::thread::spawn({
        let pid = pid.clone();
        move || {
            std::thread::sleep(Duration::from_secs(6));
            Command::new("kill").args(["-CONT", &pid]).status().unwrap();
        }
    });
    let out = env.run(&["edit", "slow", "--password-stdin"], "new-password");
    resume.join().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(
        err.contains("did not answer in time") && err.contains("HUBINT_KEYRING_TIMEOUT"),
        "{err}"
    );
    assert!(!err.contains("locked"), "{err}");
    // hubint's own bound gave up, not D-Bus's (which once did, after 2 s).
    assert!(err.contains("no answer within 3.0s"), "{err}");
    signal("-CONT");
}
