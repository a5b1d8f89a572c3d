//! A client for other Docker credential helpers (`docker-credential-NAME`
//! on PATH), used to import the entries they hold. Every call has a timeout
//! and no terminal: a helper that wants to prompt fails instead of hanging.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use serde::Deserialize;

use crate::commands::credential_helper::protocol::NOT_FOUND;
use crate::secret::Secret;

const TIMEOUT: Duration = Duration::from_secs(30);

pub struct ExternalHelper {
    pub name: String,
    pub path: PathBuf,
}

#[derive(Deserialize)]
struct Got {
    #[serde(rename = "Username", default)]
    username: String,
    #[serde(rename = "Secret", default)]
    secret: String,
}

impl ExternalHelper {
    /// `docker-credential-NAME` if it is on PATH.
    pub fn find(name: &str) -> Option<ExternalHelper> {
        let program = format!("docker-credential-{name}");
        which(&program).map(|path| ExternalHelper {
            name: name.to_string(),
            path,
        })
    }

    pub fn program(&self) -> String {
        format!("docker-credential-{}", self.name)
    }

    /// The server URLs it holds, with their usernames.
    pub fn list(&self) -> Result<BTreeMap<String, String>> {
        let out = self.call("list", "")?;
        serde_json::from_slice(&out).with_context(|| {
            format!(
                "{} list printed something that is not a JSON object",
                self.program()
            )
        })
    }

    /// The username and secret for `server_url`; `None` if it has none.
    pub fn get(&self, server_url: &str) -> Result<Option<(String, Secret)>> {
        let out = match self.call("get", server_url) {
            Ok(out) => zeroize::Zeroizing::new(out),
            Err(e) if e.to_string().ends_with(NOT_FOUND) => return Ok(None),
            Err(e) => return Err(e),
        };
        let got: Got = serde_json::from_slice(&out).map_err(|_| {
            anyhow!(
                "{} get printed something that is not credentials JSON",
                self.program()
            )
        })?;
        let got_secret = Secret::new(got.secret);
        Ok(Some((got.username, got_secret)))
    }

    /// Run `ACTION` with `input` on stdin; its stdout, or an error with the
    /// first line it printed (helpers print their errors on stdout).
    fn call(&self, action: &str, input: &str) -> Result<Vec<u8>> {
        let program = self.program();
        let mut child = Command::new(&self.path)
            .arg(action)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot run {}", self.path.display()))?;
        let mut stdin = child.stdin.take().expect("piped stdin");
        let input = input.to_string();
        let writer = thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut stdout = child.stdout.take().expect("piped stdout");
        let reader = thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout.read_to_end(&mut buf);
            buf
        });
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                return Err(anyhow!(
                    "{program} {action} did not answer within {}s",
                    TIMEOUT.as_secs()
                ));
            }
            thread::sleep(Duration::from_millis(10));
        };
        let _ = writer.join();
        let out = reader.join().unwrap_or_default();
        if status.success() {
            return Ok(out);
        }
        let text = String::from_utf8_lossy(&out);
        let first = text.lines().next().unwrap_or_default().trim();
        Err(anyhow!("{program} {action} failed: {first}"))
    }
}

/// The path of `program` on PATH, if any.
pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(format!("{program}{}", std::env::consts::EXE_SUFFIX)))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}
