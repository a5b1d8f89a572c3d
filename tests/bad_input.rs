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
    let env = env_with_one();
    let long = |n| "x".repeat(n).into_bytes();
    let long_url = format!("{}.io", "a".repeat(3000)).into_bytes();
    let long_email = format!("{}@example.com", "e".repeat(250)).into_bytes();
    let mut cases = vec![
        // Names.
        add("--name", b"", "invalid --name: a name cannot be empty"),
        add("--name", &long(65), "a name has at most 64 characters"),
        add("--name", b"a\tb", "not U+0009"),
        add("--name", b"a\nb", "not U+000A"),
        add("--name", b"a\x1b[31mred", "not U+001B"),
        add("--name", b"-rf", "unexpected argument"),
        add("--name", b"a b", "not U+0020"),
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
    let list = env.json(&["list", "--subscription", "' OR 1=1 --"]);
    assert_eq!(list, serde_json::json!([]));
    assert_eq!(env.names(), ["base", "quoted"]);
}
