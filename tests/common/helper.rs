//! The credential helper as the tests drive it: `docker-credential-hubint`
//! is a symlink to the test binary in the environment's bin dir.

use std::process::{Command, Output};

use super::{HELPER, TestEnv, feed, stdout};

impl TestEnv {
    /// `docker-credential-hubint ARGS...` (the symlink) with the scrubbed environment.
    pub fn helper(&self, args: &[&str]) -> Command {
        self.program(self.bin_dir.join(HELPER), args)
    }

    /// `helper ARGS...` with `stdin` piped in.
    pub fn run_helper(&self, args: &[&str], stdin: &str) -> Output {
        feed(self.helper(args), stdin)
    }

    /// `docker-credential-hubint store` of these credentials, asserting success.
    pub fn helper_store(&self, url: &str, user: &str, secret: &str) {
        let json = serde_json::json!({"ServerURL": url, "Username": user, "Secret": secret});
        let out = self.run_helper(&["store"], &json.to_string());
        assert!(out.status.success(), "store failed: {}", stdout(&out));
    }

    /// `docker-credential-hubint get` of a server URL: (exit code, stdout).
    pub fn helper_get(&self, url: &str) -> (i32, String) {
        let out = self.run_helper(&["get"], url);
        (out.status.code().unwrap_or(-1), stdout(&out))
    }
}

/// What the helper's `get` prints on a miss; docker compares it verbatim.
pub const NOT_FOUND: &str = "credentials not found in native keychain\n";

/// What the helper's `get` prints: the fields in upstream's order, compact.
pub fn creds(url: &str, user: &str, secret: &str) -> String {
    let s = |v: &str| serde_json::Value::from(v).to_string();
    format!(
        "{{\"ServerURL\":{},\"Username\":{},\"Secret\":{}}}\n",
        s(url),
        s(user),
        s(secret)
    )
}
