//! The leak check of tests/leaks.rs: canary passwords and passphrases, and
//! [`Leaks`], which runs a command and asserts that no canary is in the
//! database or its WAL, in any file under the test's root (but the ones
//! allowed), on stderr, or on stdout (unless the command shows a password
//! by design). Include it with
//! `#[path = "common/leak_check.rs"] mod leak_check;` next to
//! `mod common;`.

use std::path::{Path, PathBuf};

use crate::common::{self, TestEnv, assert_sane, contains};

pub const PASSWORDS: [&str; 4] = [
    "Leak-Canary-1-xq7Zp",
    "Leak-Canary-2-b8Rwm",
    "Leak-Canary-3-Kd2vT",
    "Leak-Canary-4-Hn5yQ",
];
pub const PASSPHRASE: &str = "Leak-Passphrase-u3Jc";
pub const NEW_PASSPHRASE: &str = "Leak-Passphrase-2-Wq9";

/// Every file under `dir` (symlinks not followed), except `skip`.
fn files(dir: &Path, skip: &[PathBuf], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            files(&path, skip, out);
        } else if kind.is_file() && !skip.iter().any(|s| path.starts_with(s)) {
            out.push(path);
        }
    }
}

pub struct Leaks {
    pub env: TestEnv,
    /// Files that hold a secret by design: the encrypted store, the
    /// password files the test wrote, an imported config and its backup.
    pub allowed_files: Vec<PathBuf>,
    pub commands: usize,
}

impl Leaks {
    /// Run `args` (the helper's if `helper`) and check stdout, stderr and
    /// every file. `shows` = this command prints a password by design.
    pub fn run(
        &mut self,
        args: &[&str],
        stdin: &str,
        code: i32,
        shows: bool,
    ) -> std::process::Output {
        self.run_with(args, stdin, code, shows, &[])
    }

    pub fn run_with(
        &mut self,
        args: &[&str],
        stdin: &str,
        code: i32,
        shows: bool,
        vars: &[(&str, &str)],
    ) -> std::process::Output {
        let (helper, args) = match args.split_first() {
            Some((&"helper", rest)) => (true, rest),
            _ => (false, args),
        };
        let mut cmd = if helper {
            self.env.helper(args)
        } else {
            self.env.cmd(args)
        };
        cmd.env("RUST_BACKTRACE", "1");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = common::feed(cmd, stdin);
        let what = format!("{args:?}");
        if code != 101 {
            assert_sane(&what, &out);
        }
        assert_eq!(
            out.status.code(),
            Some(code),
            "{what}: {}",
            common::stderr(&out)
        );
        for secret in PASSWORDS.iter().chain(&[PASSPHRASE, NEW_PASSPHRASE]) {
            let bytes = secret.as_bytes();
            assert!(!contains(&out.stderr, bytes), "{what}: {secret} on stderr");
            assert!(
                shows || !contains(&out.stdout, bytes),
                "{what}: {secret} on stdout"
            );
            let db = self.env.db_bytes();
            assert!(
                !contains(&db, bytes),
                "{what}: {secret} in the database or its WAL"
            );
            let mut written = Vec::new();
            files(self.env.root(), &self.allowed_files, &mut written);
            for file in written {
                let content = std::fs::read(&file).unwrap_or_default();
                assert!(
                    !contains(&content, bytes),
                    "{what}: {secret} in {}",
                    file.display()
                );
            }
        }
        self.commands += 1;
        out
    }
}
