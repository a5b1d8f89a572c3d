//! Hostile and broken input on the command line. Each case must get a
//! clear message and its documented exit code, leave the database byte for
//! byte as it was, and never panic. The credential helper's stdin and docker
//! config files are in `bad_json.rs`, broken database and secret files in
//! `bad_files.rs`.
#![cfg(unix)] // raw, non-UTF-8 argv bytes are a Unix notion

mod common;

use common::{Case, add, case, env_with_one, summary, try_all};

#[test]
fn bad_values_on_the_command_line() {
    needs_keyring!();
    let env = env_with_one();
    let long = |n| "x".repeat(n).into_bytes();
    let long_url = format!("{}.io", "a".repeat(3000)).into_bytes();
    let long_email = format!("{}@example.com", "e".repeat(250)).into_bytes();
    let mut cases = vec![
        // Names.
        add("--name", b"", "invalid --name: a name cannot be empty"),
        add("--name", &long(65), "a name has at most 64 characters"),
        add("--name", b"a\tb", "not a tab"),
        add("--name", b"a\nb", "not a line break"),
        add("--name", b"a\x1b[31mred", "not a control character"),
        add("--name", b"-rf", "unexpected argument"),
        add("--name", b"a b", "not a space"),
        add("--name", "é".as_bytes(), "starts with a letter or a digit"),
        add(
            "--name",
            b"\xff\xfe",
            r"the value of --name is not valid UTF-8: '\xff\xfe'",
        ),
        Case {
            code: 4,
            ..add(
                "--name",
                b"base",
                "an integration named 'base' already exists",
            )
        },
        Case {
            code: 4,
            ..add(
                "--name",
                b"BASE",
                "an integration named 'base' already exists",
            )
        },
        // SQL metacharacters are not name characters.
        add("--name", b"x'; DROP TABLE integrations; --", "not '''"),
        add("--name", b"x\"y", "not '\"'"),
        add("--name", b"x%", "not '%'"),
        // URLs.
        add("--url", b"", "invalid registry URL: it is empty"),
        add("--url", &long_url, "longer than 2048"),
        add("--url", b"reg\x07istry.io", "control characters"),
        add("--url", b"ftp://x.io", "only http:// and https://"),
        add("--url", b"x.io:99999", "not a number from 1 to 65535"),
        add(
            "--url",
            b"user:secret@x.io",
            "must not contain a user name or password",
        ),
        add("--url", b"x_y.io", "not a valid host name"),
        add("--url", b"[::1", "no closing ']'"),
        add("--url", b"x.io'--", "not a valid host name"),
        add(
            "--url",
            b"\xc3\x28",
            r"the value of --url is not valid UTF-8: '\xc3('",
        ),
        // Usernames.
        add("--username", b"", "the username cannot be empty"),
        add("--username", &long(257), "at most 256 bytes"),
        add("--username", b"a\nb", "control characters"),
        add("--username", b" bob", "cannot start or end with a space"),
        add(
            "--username",
            b"\x80",
            "the value of --username is not valid UTF-8",
        ),
        // Emails.
        add("--email", b"", "expected an address like name@example.com"),
        add("--email", &long_email, "at most 254 characters"),
        add("--email", b"a\x1bb@x.io", "control characters"),
        add("--email", b"me@x", "expected an address"),
        add("--email", b"a@b@c.io", "expected an address"),
        // Passwords on stdin.
        case(
            &[
                b"add",
                b"--name",
                b"p",
                b"--username",
                b"u",
                b"--password-stdin",
            ],
            b"",
            2,
            "empty",
        ),
        case(
            &[
                b"add",
                b"--name",
                b"p",
                b"--username",
                b"u",
                b"--password-stdin",
            ],
            &[0xff, 0xfe],
            2,
            "UTF-8",
        ),
        case(
            &[
                b"add",
                b"--name",
                b"p",
                b"--username",
                b"u",
                b"--password-stdin",
            ],
            &long(16 * 1024 + 1),
            2,
            "at most 16384 bytes",
        ),
        // Other commands.
        case(
            &[b"edit", b"base", b"--name", b""],
            b"",
            2,
            "a name cannot be empty",
        ),
        case(
            &[b"edit", b"base", b"--url", b"a b"],
            b"",
            2,
            "spaces or control characters",
        ),
        case(
            &[b"edit", b"base", b"--email", b"nope"],
            b"",
            2,
            "expected an address",
        ),
        case(&[b"edit", b"base"], b"", 2, "nothing to change"),
        case(
            &[b"show", b"x' OR '1'='1"],
            b"",
            3,
            "no integration named 'x' OR '1'='1'",
        ),
        case(&[b"show", b"%"], b"", 3, "no integration named '%'"),
        case(&[b"show", b""], b"", 3, "no integration named ''"),
        case(
            &[b"show", b"\xff"],
            b"",
            2,
            r"argument 2 is not valid UTF-8: '\xff'",
        ),
        case(
            &[b"delete", b"'; DROP TABLE integrations; --", b"--yes"],
            b"",
            3,
            "no integration named",
        ),
        case(
            &[b"delete", b"base"],
            b"",
            4,
            "still used by 1 subscription: team",
        ),
        case(
            &[b"delete", b"base", b"--detach-all"],
            b"",
            2,
            "refusing to delete",
        ),
        case(
            &[b"delete", b"base", b"--yes"],
            b"",
            4,
            "still used by 1 subscription",
        ),
        case(
            &[b"subscription", b"attach", b"", b"base"],
            b"",
            2,
            "a name cannot be empty",
        ),
        case(
            &[b"subscription", b"attach", b"a;b", b"base"],
            b"",
            2,
            "not ';'",
        ),
        case(
            &[b"subscription", b"attach", b"team", b"nobody"],
            b"",
            3,
            "no integration named 'nobody'",
        ),
        case(
            &[b"subscription", b"detach", b"team", b"' OR 1=1 --"],
            b"",
            3,
            "no integration named",
        ),
        case(
            &[b"move", b"base", b"--to", b"cloud"],
            b"",
            2,
            "invalid value 'cloud'",
        ),
        case(
            &[b"env", b"nobody"],
            b"",
            3,
            "no integration named 'nobody'",
        ),
        case(&[b"bogus"], b"", 2, "unrecognized subcommand"),
        case(&[b"list", b"--family", b"\xff"], b"", 2, "not valid UTF-8"),
    ];
    // Every flag of add with a value far too long for anything.
    for flag in ["--name", "--url", "--username", "--email", "--subscription"] {
        cases.push(add(flag, &long(100_000), "invalid"));
    }
    let tried = try_all(&env, &cases);
    // The database still holds exactly what it held.
    assert_eq!(env.names(), ["base"]);
    summary(&format!(
        "bad input, command line: {tried} inputs tried, each refused cleanly, database unchanged"
    ));
}

#[test]
fn sql_metacharacters_are_only_data() {
    needs_keyring!();
    let env = env_with_one();
    let username = "x'); DROP TABLE integrations; --";
    let args = [
        "add",
        "--name",
        "quoted",
        "--username",
        username,
        "--password-stdin",
    ];
    common::assert_ok("add", &env.run(&args, "pw"));
    let show = env.json(&["show", "quoted"]);
    assert_eq!(show["username"], username);
    // Only data: no subscription has that name (exit 3), nothing matched.
    let out = env.output(&["list", "--subscription", "' OR 1=1 --", "--json"]);
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no subscription named '' OR 1=1 --'"),
        "{out:?}"
    );
    assert_eq!(env.names(), ["base", "quoted"]);
}

/// Issue 12: every secret source stops reading at its limit plus one byte
/// (`/dev/zero` would otherwise grow without end), and says so.
#[test]
fn secret_sources_stop_at_their_limit() {
    needs_keyring!();
    let env = env_with_one();
    let mib = vec![b'x'; 1 << 20];
    let just_over = vec![b'x'; 16 * 1024 + 3];
    let long_arg = vec![b'x'; 100_000];
    let add_with = |source: &[&[u8]], stdin: &[u8], says: &str| {
        let mut args: Vec<&[u8]> = vec![b"add", b"--name", b"fresh", b"--username", b"u"];
        args.extend_from_slice(source);
        case(&args, stdin, 2, says)
    };
    let cases = vec![
        add_with(
            &[b"--password-file", b"/dev/zero"],
            b"",
            "password file /dev/zero is too long: a password has at most 16 KiB",
        ),
        add_with(
            &[b"--password-stdin"],
            &mib,
            "the password on standard input is too long",
        ),
        add_with(&[b"--password-stdin"], &just_over, "is too long"),
        case(
            &[b"edit", b"base", b"--password-file", b"/dev/zero"],
            b"",
            2,
            "at most 16 KiB",
        ),
        case(&[b"show", &long_arg], b"", 3, "bytes in all)'"),
        add("--name", &vec![0xff; 50_000], "(200000 bytes in all)'"),
        case(&[b"list", b"--type", &long_arg], b"", 2, "bytes in all)'"),
        case(&[b"list", b"--family", &long_arg], b"", 2, "bytes in all)'"),
    ];
    let tried = try_all(&env, &cases);
    let passphrases = passphrase_sources();
    summary(&format!(
        "bad input, size limits: {} inputs tried (/dev/zero, 1 MiB stdin, huge values), each \
         refused at its limit, database unchanged",
        tried + passphrases
    ));
}

/// The passphrase sources: `HUBINT_PASSPHRASE_FILE` and the new
/// passphrase of `secret-store passwd`. Returns how many were tried.
fn passphrase_sources() -> usize {
    // The file store's passphrase: on the local stores in the team pass too.
    let env = common::TestEnv::local()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", "limits test passphrase");
    let add = ["add", "--name", "f", "--username", "u", "--password-stdin"];
    common::assert_ok("add", &env.run(&add, "pw"));
    let store = std::fs::read(env.secrets_path()).unwrap();
    let tries: [(&[&str], &str, i32, &str); 3] = [
        (
            &["delete", "f", "--yes"],
            "/dev/zero",
            5,
            "a passphrase has at most 4 KiB",
        ),
        (
            &[
                "secret-store",
                "passwd",
                "--new-passphrase-file",
                "/dev/zero",
            ],
            "",
            2,
            "new passphrase file /dev/zero is too long",
        ),
        (
            &["env", "f"],
            "/dev/zero",
            5,
            "HUBINT_PASSPHRASE_FILE: passphrase file /dev/zero is too long",
        ),
    ];
    for (args, file, code, says) in tries {
        let mut cmd = env.cmd(args);
        if !file.is_empty() {
            cmd.env_remove("HUBINT_PASSPHRASE")
                .env("HUBINT_PASSPHRASE_FILE", file);
        }
        let out = cmd.output().unwrap();
        let text = common::stderr(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {text}");
        assert!(text.contains(says), "{args:?}: {text}");
    }
    let mut passwd = env.cmd(&["secret-store", "passwd", "--new-passphrase-stdin"]);
    passwd.stdin(std::process::Stdio::piped());
    let out = common::feed(passwd, &"p".repeat(1 << 20));
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("at most 4 KiB"));
    assert_eq!(std::fs::read(env.secrets_path()).unwrap(), store);
    tries.len() + 1
}
