//! Bad input, case by case: each must get a clear message and its
//! documented exit code, leave the database byte for byte as it was, and
//! never panic (`bad_input.rs`, `bad_json.rs`).

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::process::Stdio;

use super::{TestEnv, assert_sane};

/// One bad input: argv (raw bytes allowed), stdin, the exit code and a
/// piece of the message it must get.
pub struct Case {
    pub args: Vec<OsString>,
    pub stdin: Vec<u8>,
    pub code: i32,
    pub says: String,
    pub helper: bool,
}

pub fn os(parts: &[&[u8]]) -> Vec<OsString> {
    parts
        .iter()
        .map(|p| OsString::from_vec(p.to_vec()))
        .collect()
}

pub fn case(args: &[&[u8]], stdin: &[u8], code: i32, says: &str) -> Case {
    Case {
        args: os(args),
        stdin: stdin.to_vec(),
        code,
        says: says.into(),
        helper: false,
    }
}

/// `docker-credential-hubint ACTION` with `stdin`: errors are on stdout, exit 1.
pub fn helper(action: &str, stdin: &[u8], says: &str) -> Case {
    Case {
        helper: true,
        ..case(&[action.as_bytes()], stdin, 1, says)
    }
}

/// `add` with every value valid except the one given.
pub fn add(flag: &str, value: &[u8], says: &str) -> Case {
    let mut args: Vec<&[u8]> = vec![b"add", b"--password-stdin"];
    for (default, value) in [("--name", &b"fresh"[..]), ("--username", b"u")] {
        if flag != default {
            args.extend([default.as_bytes(), value]);
        }
    }
    args.extend([flag.as_bytes(), value]);
    case(&args, b"pw", 2, says)
}

/// The database and its WAL, as bytes.
pub fn db_state(env: &TestEnv) -> Vec<u8> {
    let mut bytes = env.db_file();
    if let Ok(wal) = std::fs::read(format!("{}-wal", env.db_path().display())) {
        bytes.extend(wal);
    }
    bytes
}

/// Run each case and check it; returns how many were tried.
pub fn try_all(env: &TestEnv, cases: &[Case]) -> usize {
    for c in cases {
        let before = db_state(env);
        let mut cmd = if c.helper {
            env.helper(&[])
        } else {
            env.cmd(&[])
        };
        let mut child = cmd
            .args(&c.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let _ = std::io::Write::write_all(&mut child.stdin.take().unwrap(), &c.stdin);
        let out = child.wait_with_output().expect("wait");
        let stdin: String = String::from_utf8_lossy(&c.stdin).chars().take(80).collect();
        let args: Vec<String> = c
            .args
            .iter()
            .map(|a| a.to_string_lossy().chars().take(80).collect())
            .collect();
        let what = format!("{args:?} with stdin {stdin:?}");
        assert_sane(&what, &out);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(c.code), "{what}: {text}");
        // Errors quote at most about 200 characters of any input.
        assert!(text.len() < 2000, "{what}: {} bytes of output", text.len());
        assert!(
            text.contains(&c.says),
            "{what}: expected {:?} in:\n{text}",
            c.says
        );
        if !c.helper {
            assert!(text.starts_with("error: "), "{what}: {text}");
        }
        assert!(db_state(env) == before, "{what} changed the database");
    }
    cases.len()
}

/// An environment with one integration, `base`, attached to `team`.
pub fn env_with_one() -> TestEnv {
    let env = TestEnv::new();
    env.add("base", "base-password", &["--subscription", "team"]);
    // Every connection is closed: the WAL is checkpointed into the file.
    env
}
