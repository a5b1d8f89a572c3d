//! On the team store a password leaves hubint only for the server, inside a
//! request body: never on stdout or stderr (but from `env` and the
//! helper's `get`, whose job it is), never in a local file (the token cache
//! included), and never in a request path or header. The server's audit
//! log shows that last part: it keeps paths in clear and bodies only as
//! HMACs, so a password in a URL would be readable there by every operator.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Bao, TestEnv, assert_sane, contains, exit_of as code, stderr};

const PASSWORDS: [&str; 4] = [
    "Team-Leak-Canary-1-Rw8q",
    "Team-Leak-Canary-2-Zp3k",
    "Team-Leak-Canary-3-Mx7v",
    "Team-Leak-Canary-4-Hb2n",
];

/// Every file under `dir` (symlinks not followed).
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => files(&entry.path(), out),
            Ok(kind) if kind.is_file() => out.push(entry.path()),
            _ => {}
        }
    }
}

/// Run hubint (the helper for `helper ...`) with `stdin`; assert its exit
/// code and that no password is on stderr, on stdout unless `shows`, or
/// in any file under the machine's directories.
fn run(env: &TestEnv, args: &[&str], stdin: &str, want: i32, shows: bool) -> Output {
    let cmd = match args.split_first() {
        Some((&"helper", rest)) => env.helper(rest),
        _ => env.cmd(args),
    };
    let out = common::feed(cmd, stdin);
    let what = format!("{args:?}");
    assert_sane(&what, &out);
    assert_eq!(code(&out), want, "{what}: {}", stderr(&out));
    let mut local = Vec::new();
    files(env.root(), &mut local);
    for secret in PASSWORDS {
        assert!(
            !contains(&out.stderr, secret.as_bytes()),
            "{what}: {secret} on stderr"
        );
        assert!(
            shows || !contains(&out.stdout, secret.as_bytes()),
            "{what}: {secret} on stdout"
        );
        for file in &local {
            let content = std::fs::read(file).unwrap_or_default();
            assert!(
                !contains(&content, secret.as_bytes()),
                "{what}: {secret} in {}",
                file.display()
            );
        }
    }
    out
}

#[test]
fn no_password_leaves_hubint_but_in_a_request_body() {
    needs_bao!();
    let audit = tempfile::tempdir().unwrap();
    let log = audit.path().join("audit.log");
    let bao = Bao::audited(&log);
    let env = bao.machine();
    let [pw1, pw2, pw3, pw4] = PASSWORDS;
    let stored = format!(r#"{{"ServerURL":"helper.example","Username":"h","Secret":"{pw3}"}}"#);
    let add = "add --name ci --username u --url 127.0.0.1:9 --password-stdin";
    let argv = format!("add --name argv --username u --password {pw4}");
    // Command line, stdin, exit code, whether it prints a password by design.
    let steps: [(&str, &str, i32, bool); 21] = [
        (add, pw1, 0, false),
        (&argv, "", 0, false),
        ("edit ci --password-stdin --json", pw2, 0, false),
        ("subscription attach prod ci", "", 0, false),
        ("list --json", "", 0, false),
        ("show ci --json", "", 0, false),
        ("subscription list --json", "", 0, false),
        ("verify ci", "", 6, false),
        ("docker-config --json", "", 0, false),
        ("helper get", "127.0.0.1:9", 0, true),
        ("helper store", &stored, 0, false),
        ("helper list", "", 0, false),
        ("helper erase", "helper.example", 0, false),
        ("env ci", "", 0, true),
        ("exec ci -- true", "", 0, false),
        ("doctor --json", "", 0, false),
        // Refused with a password in hand: a name taken, a bad name.
        (add, pw3, 4, false),
        (
            "add --name bad/name --username u --password-stdin",
            pw3,
            2,
            false,
        ),
        ("team policy prod", "", 0, false),
        ("subscription detach prod ci", "", 0, false),
        ("delete ci --yes", "", 0, false),
    ];
    for (line, stdin, want, shows) in steps {
        let args: Vec<&str> = line.split(' ').collect();
        run(&env, &args, stdin, want, shows);
    }

    let log = std::fs::read(&log).expect("the audit log");
    assert!(
        contains(&log, b"hubint/data/secrets/"),
        "the audit log records hubint's requests"
    );
    for secret in PASSWORDS {
        assert!(
            !contains(&log, secret.as_bytes()),
            "{secret} in clear in the server's audit log"
        );
    }
}
