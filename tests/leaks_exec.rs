//! Issue 12, section 4: secrets reach only where they are meant to.
//! `exec` gives its command exactly one integration and none of hubint's
//! own secrets; `env` quotes hostile passwords for each shell (real bash,
//! dash, zsh and fish); a crash leaves no core file; `exec` of a command
//! that is missing or not executable exits 127 or 126.
#![cfg(unix)]

mod common;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{TestEnv, assert_ok, contains, stderr, stdout, summary};

const PASSPHRASE: &str = "exec leak test passphrase";

/// A file-store home with `one` (r1.example.com) and `two` (r2.example.com).
fn two_integrations() -> TestEnv {
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", PASSPHRASE);
    for (name, password) in [("one", "pw-one-Canary"), ("two", "pw-two-Canary")] {
        let url = format!("r{}.example.com", if name == "one" { 1 } else { 2 });
        let args = [
            "add",
            "--name",
            name,
            "--username",
            "u",
            "--password-stdin",
            "--url",
            &url,
            "--secret-store",
            "file",
        ];
        assert_ok("add", &env.run(&args, password));
    }
    env
}

#[test]
fn exec_gives_exactly_one_integration_and_no_passphrase() {
    let env = two_integrations();
    let pass_file = env.root().join("pass");
    std::fs::write(&pass_file, PASSPHRASE).unwrap();
    // A passphrase file others can read is refused (as ssh refuses keys).
    std::fs::set_permissions(
        &pass_file,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    let mut checked = 0;
    for via_file in [false, true] {
        let mut cmd = env.cmd(&["exec", "one", "--", "env"]);
        cmd.env("LEFT_OVER_INTEGRATION_PASSWORD", "pw-other-Canary")
            .env("LEFT_OVER_INTEGRATION_USERNAME", "someone");
        if via_file {
            cmd.env_remove("HUBINT_PASSPHRASE")
                .env("HUBINT_PASSPHRASE_FILE", &pass_file);
        }
        let out = cmd.output().unwrap();
        assert_ok("exec env", &out);
        let seen = stdout(&out);
        assert!(
            seen.contains("ONE_INTEGRATION_PASSWORD=pw-one-Canary"),
            "{seen}"
        );
        for gone in [
            "HUBINT_PASSPHRASE",
            PASSPHRASE,
            "LEFT_OVER_INTEGRATION",
            "pw-other-Canary",
            "pw-two-Canary",
        ] {
            assert!(!seen.contains(gone), "{gone} reached the command: {seen}");
        }
        // The command cannot read another integration through the helper.
        let script = "echo r2.example.com | docker-credential-hubint get; echo rc=$?";
        let mut cmd = env.cmd(&["exec", "one", "--", "sh", "-c", script]);
        if via_file {
            cmd.env_remove("HUBINT_PASSPHRASE")
                .env("HUBINT_PASSPHRASE_FILE", &pass_file);
        }
        let out = cmd.output().unwrap();
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!text.contains("pw-two-Canary"), "{text}");
        assert!(text.contains("rc=1"), "{text}");
        checked += 2;
    }
    summary(&format!(
        "secrets never leak (exec): {checked} exec runs checked: the command gets one \
         integration, no passphrase (variable or file), no other integration's variables"
    ));
}

#[test]
fn exec_of_a_missing_or_non_executable_command_exits_127_or_126() {
    let env = two_integrations();
    let plain = env.root().join("not-executable");
    std::fs::write(&plain, "#!/bin/sh\necho hi\n").unwrap();
    let plain = plain.display().to_string();
    let dir = env.root().display().to_string();
    let cases: [(&str, i32); 4] = [
        ("no-such-command-anywhere", 127),
        ("/nonexistent/dir/cmd", 127),
        (&plain, 126),
        (&dir, 126),
    ];
    for (program, code) in cases {
        let out = env.output(&["exec", "one", "--", program]);
        assert_eq!(out.status.code(), Some(code), "{program}: {}", stderr(&out));
        assert!(
            stderr(&out).starts_with("error: cannot run "),
            "{}",
            stderr(&out)
        );
        assert!(!contains(&out.stderr, b"pw-one-Canary"));
    }
}

/// `kill -SEGV` during an `add` that waits for its password leaves no core
/// file, even with `ulimit -c unlimited` (core_pattern is usually `core`
/// in the working directory); the command `exec` runs gets the original
/// core limit back.
#[test]
fn a_crash_leaves_no_core_file_and_exec_restores_the_core_limit() {
    let env = two_integrations();
    let script = format!(
        "ulimit -c unlimited && exec '{}' add --name crash --username u --password-stdin \
         --secret-store file",
        common::bin().display()
    );
    let mut child = env
        .program("sh", &["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let deadline = Instant::now() + Duration::from_secs(20);
    let core_limit = loop {
        let text = std::fs::read_to_string(&limits).unwrap_or_default();
        // "Max core file size  SOFT  HARD  bytes"
        let soft = (text.lines())
            .find(|l| l.starts_with("Max core file size"))
            .and_then(|l| l.split_whitespace().nth(4).map(str::to_string));
        let exe = std::fs::read_link(format!("/proc/{}/exe", child.id())).ok();
        // Right after the exec, hubint has not run its start-up yet: wait
        // for the limit to drop (or for the deadline, then report it).
        if let (Some(soft), Some(exe)) = (soft, exe)
            && exe.ends_with("hubint")
            && (soft == "0" || Instant::now() >= deadline)
        {
            break soft;
        }
        assert!(Instant::now() < deadline, "hubint never started: {text}");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(core_limit, "0");
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"partial-Canary").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    // Rust's own SIGSEGV handler (for stack overflows) takes the first one
    // and restores the default action: the second one kills.
    for _ in 0..2 {
        Command::new("kill")
            .args(["-SEGV", &child.id().to_string()])
            .status()
            .unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(11), "{status:?}");
    assert!(!status.core_dumped(), "a core was dumped");
    let cores: Vec<_> = std::fs::read_dir(env.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("core"))
        .collect();
    assert!(cores.is_empty(), "{cores:?}");
    // exec: the command gets the limit hubint started with.
    let script = format!(
        "ulimit -c unlimited && exec '{}' exec one -- sh -c 'ulimit -c'",
        common::bin().display()
    );
    let mut out = String::new();
    env.program("sh", &["-c", &script])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    assert_eq!(out.trim(), "unlimited");
}

/// Passwords that run code if quoted for the wrong shell.
const HOSTILE: [&str; 12] = [
    "it's",
    "a'b'c",
    "$(touch PWNED)",
    "`touch PWNED`",
    r"back\slash\'",
    r"trailing\",
    "'; touch PWNED; echo '",
    r#"" ; touch PWNED #"#,
    "line1\nline2; touch PWNED",
    "$HOME ${HOME} %s !! *",
    "';set -gx PWNED 1;touch PWNED;echo '",
    "tab\there ✓ пароль",
];

#[test]
fn env_round_trips_hostile_passwords_in_bash_dash_zsh_and_fish() {
    needs_keyring!();
    needs_commands!("bash", "dash", "zsh", "fish");
    // The keyring: 60 reads of the file store would cost a minute of scrypt.
    let env = TestEnv::new();
    let file = env.root().join("password");
    for (i, password) in HOSTILE.iter().enumerate() {
        // A file keeps every byte (one trailing newline would be removed).
        std::fs::write(&file, password).unwrap();
        let name = format!("h{i}");
        let args = [
            "add",
            "--name",
            &name,
            "--username",
            "u",
            "--password-file",
            file.to_str().unwrap(),
            "--secret-store",
            "keyring",
        ];
        assert_ok("add", &env.output(&args));
    }
    let shells: [(&str, &str, Option<&str>); 5] = [
        ("bash", r#"eval "$(hubint env "$1" --shell posix)""#, None),
        ("dash", r#"eval "$(hubint env "$1" --shell posix)""#, None),
        ("zsh", r#"eval "$(hubint env "$1" --shell posix)""#, None),
        ("fish", "hubint env $argv[1] --shell fish | source", None),
        // Detected from $SHELL.
        (
            "fish",
            "hubint env $argv[1] | source",
            Some("/usr/bin/fish"),
        ),
    ];
    let mut checked = 0;
    for (shell, load, login_shell) in shells {
        for (i, password) in HOSTILE.iter().enumerate() {
            let name = format!("h{i}");
            let var = format!("H{i}_INTEGRATION_PASSWORD");
            let script = if shell == "fish" {
                format!("{load}; printf '%s' ${var}")
            } else {
                format!("{load}; printf '%s' \"${var}\"")
            };
            let args: Vec<&str> = if shell == "fish" {
                vec!["-c", &script, &name]
            } else {
                vec!["-c", &script, shell, &name]
            };
            let mut cmd = env.program(shell, &args);
            if let Some(login) = login_shell {
                cmd.env("SHELL", login);
            }
            let out = cmd.output().unwrap();
            assert!(out.status.success(), "{shell}: {}", stderr(&out));
            assert_eq!(stdout(&out), *password, "{shell} {name}: {}", stderr(&out));
            assert!(
                !env.path().join("PWNED").exists(),
                "{shell} ran {password:?}"
            );
            checked += 1;
        }
    }
    summary(&format!(
        "secrets never leak (env): {} hostile passwords round-trip exactly through \
         `hubint env` in bash, dash, zsh and fish ({checked} loads, none ran code)",
        HOSTILE.len()
    ));
}
