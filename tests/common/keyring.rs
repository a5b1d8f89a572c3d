//! The keyring as `secret-tool` sees it, and a D-Bus session without a
//! Secret Service.

use super::require_keyring;
use std::process::{Command, Output, Stdio};

/// `secret-tool ARGS...` against the test keyring.
fn secret_tool(args: &[&str]) -> Output {
    require_keyring();
    Command::new("secret-tool")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run secret-tool (package libsecret-tools)")
}

/// The secret hubint stored for integration `id`, as `secret-tool lookup
/// service hubint username ID` returns it.
pub fn keyring_secret(id: &str) -> Option<String> {
    let out = secret_tool(&["lookup", "service", "hubint", "username", id]);
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).expect("UTF-8 secret"))
}

/// How many keyring items `secret-tool search --all service hubint username
/// ID` finds for integration `id`.
pub fn keyring_items(id: &str) -> usize {
    let out = secret_tool(&["search", "--all", "service", "hubint", "username", id]);
    // Each item starts with its object path in brackets, e.g. `[/12]`
    // (the attributes go to stderr when stdout is not a terminal).
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("[/"))
        .count()
}

/// Remove the keyring item of integration `id` behind hubint's back.
pub fn keyring_clear(id: &str) {
    let out = secret_tool(&["clear", "service", "hubint", "username", id]);
    assert!(out.status.success(), "secret-tool clear failed: {out:?}");
}

/// The label of the keyring item for integration `id`.
pub fn keyring_label(id: &str) -> Option<String> {
    let out = secret_tool(&["search", "service", "hubint", "username", id]);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("label = ").map(str::to_string))
}

/// A private D-Bus session bus on which no Secret Service runs (and none can
/// be activated). Stopped when dropped.
pub struct BusWithoutSecrets {
    child: std::process::Child,
    pub address: String,
    _dir: tempfile::TempDir,
}

impl BusWithoutSecrets {
    pub fn start() -> BusWithoutSecrets {
        use std::io::BufRead;
        let dir = tempfile::tempdir().expect("temp dir");
        let conf = dir.path().join("bus.conf");
        std::fs::write(
            &conf,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                dir.path().join("bus").display()
            ),
        )
        .expect("write bus config");
        let mut child = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", conf.display()))
            .args(["--nofork", "--nopidfile", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon (package dbus)");
        let mut address = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut address)
            .expect("read the bus address");
        let address = address.trim().to_string();
        assert!(!address.is_empty(), "dbus-daemon printed no address");
        BusWithoutSecrets {
            child,
            address,
            _dir: dir,
        }
    }
}

impl Drop for BusWithoutSecrets {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
