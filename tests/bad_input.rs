//! Hostile and broken input on the command line, on the credential
//! helper's stdin and in docker config files. Each case must get a clear
//! message and its documented exit code, leave the database byte for byte
//! as it was, and never panic. The database file cases are in
//! `bad_files.rs`.

mod common;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::PathBuf;
use std::process::Stdio;

use common::{TestEnv, assert_sane, summary};

/// One bad input: argv (raw bytes allowed), stdin, the exit code and a
/// piece of the message it must get.
struct Case {
    args: Vec<OsString>,
    stdin: Vec<u8>,
    code: i32,
    says: String,
    helper: bool,
}

fn os(parts: &[&[u8]]) -> Vec<OsString> {
    parts
        .iter()
        .map(|p| OsString::from_vec(p.to_vec()))
        .collect()
}

fn case(args: &[&[u8]], stdin: &[u8], code: i32, says: &str) -> Case {
    Case {
        args: os(args),
        stdin: stdin.to_vec(),
        code,
        says: says.into(),
        helper: false,
    }
}

/// `docker-credential-hubint ACTION` with `stdin`: errors are on stdout, exit 1.
fn helper(action: &str, stdin: &[u8], says: &str) -> Case {
    Case {
        helper: true,
        ..case(&[action.as_bytes()], stdin, 1, says)
    }
}

/// `add` with every value valid except the one given.
fn add(flag: &str, value: &[u8], says: &str) -> Case {
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
fn db_state(env: &TestEnv) -> Vec<u8> {
    let mut bytes = env.db_file();
    if let Ok(wal) = std::fs::read(format!("{}-wal", env.db_path().display())) {
        bytes.extend(wal);
    }
    bytes
}

/// Run each case and check it; returns how many were tried.
fn try_all(env: &TestEnv, cases: &[Case]) -> usize {
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

fn env_with_one() -> TestEnv {
    let env = TestEnv::new();
    env.add("base", "base-password", &["--subscription", "team"]);
    // Every connection is closed: the WAL is checkpointed into the file.
    env
}

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

#[test]
fn malformed_json_on_the_credential_helper_stdin() {
    let env = env_with_one();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_in_key = format!(r#"{{"x":{}1{}}}"#, "[".repeat(5000), "]".repeat(5000));
    let huge = format!(
        r#"{{"ServerURL":"x.io","Username":"u","Secret":"{}"}}"#,
        "s".repeat(20_000)
    );
    let cases = vec![
        helper("store", b"", "cannot read the credentials JSON"),
        helper("store", b"{not json", "cannot read the credentials JSON"),
        helper(
            "store",
            b"[]",
            "expected an object with ServerURL, Username and Secret",
        ),
        helper("store", b"\"just a string\"", "expected an object"),
        helper("store", b"null", "expected an object"),
        helper("store", b"42", "expected an object"),
        helper(
            "store",
            br#"{"ServerURL": 5}"#,
            "ServerURL is a number, not a string",
        ),
        helper(
            "store",
            br#"{"ServerURL": "x.io", "Username": ["u"]}"#,
            "Username is an array",
        ),
        helper(
            "store",
            br#"{"ServerURL": "x.io", "Username": "u", "Secret": {}}"#,
            "Secret is an object",
        ),
        helper(
            "store",
            br#"{"Username": "u", "Secret": "s"}"#,
            "no credentials server URL",
        ),
        helper(
            "store",
            br#"{"ServerURL": "x.io", "Secret": "s"}"#,
            "no credentials username",
        ),
        helper(
            "store",
            br#"{"ServerURL": "x.io", "Username": "u", "Secret": ""}"#,
            "the password cannot be empty",
        ),
        helper(
            "store",
            br#"{"ServerURL": "x.io", "Username": "u", "Secret": "\q"}"#,
            "invalid escape",
        ),
        helper(
            "store",
            br#"{"ServerURL": "x.io", "Username": "u", "Secret": "\ud800"}"#,
            "hex escape",
        ),
        helper(
            "store",
            br#"{"ServerURL": "ftp://x", "Username": "u", "Secret": "s"}"#,
            "only http:// and https://",
        ),
        helper(
            "store",
            br#"{"ServerURL": "x.io", "Username": "a\nb", "Secret": "s"}"#,
            "control characters",
        ),
        helper(
            "store",
            b"{\"ServerURL\": \"x.io\", \"Username\": \"u\", \"Secret\": \"\xff\"}",
            "UTF-8",
        ),
        helper("store", deep.as_bytes(), "expected an object"),
        // Skipped without recursion: no stack to overflow.
        helper("store", deep_in_key.as_bytes(), "no credentials server URL"),
        helper("store", huge.as_bytes(), "at most 16384 bytes"),
        helper("get", b"", "no credentials server URL"),
        helper("get", b"  \n\t", "no credentials server URL"),
        helper("get", b"\xff\xfe", "UTF-8"),
        helper(
            "get",
            b"nothing-stored.example",
            "credentials not found in native keychain",
        ),
        helper("erase", b"", "no credentials server URL"),
        helper("erase", b"' OR 1=1 --", "credentials not found"),
        helper("frobnicate", b"", "Unknown credential action `frobnicate`"),
    ];
    let tried = try_all(&env, &cases);
    summary(&format!(
        "bad input, credential helper stdin: {tried} inputs tried, each refused cleanly, database unchanged"
    ));
}

#[test]
fn malformed_docker_config_files() {
    let env = env_with_one();
    let dir = env.root().join("configs");
    std::fs::create_dir(&dir).unwrap();
    let file = |name: &str, bytes: &[u8]| -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let files: Vec<(PathBuf, &str)> = vec![
        (
            file("not-json", b"{\"auths\": {"),
            "is not valid JSON: line 1 column 11",
        ),
        (file("array", b"[1, 2]"), ": .: an array is not an object"),
        (
            file("binary", &[0x7f, b'E', b'L', b'F', 0, 0xff]),
            "is not valid JSON",
        ),
        (
            file("auths-string", br#"{"auths": "x"}"#),
            ".auths: a string is not an object",
        ),
        (
            file("entry-number", br#"{"auths": {"x.io": 1}}"#),
            r#".auths["x.io"]: a number is not an object"#,
        ),
        (
            file("bad-base64", br#"{"auths": {"x.io": {"auth": "!!!"}}}"#),
            r#".auths["x.io"].auth: it is not valid base64"#,
        ),
        (
            file(
                "no-colon",
                br#"{"auths": {"x.io": {"auth": "bm9jb2xvbg=="}}}"#,
            ),
            "does not decode to USERNAME:PASSWORD",
        ),
        (
            file(
                "bad-registry",
                br#"{"auths": {"ftp://x": {"auth": "dTpw"}}}"#,
            ),
            "not a registry address",
        ),
        (
            file("auth-number", br#"{"auths": {"x.io": {"auth": 5}}}"#),
            r#".auths["x.io"].auth: a number is not a string"#,
        ),
        (
            file("helpers-array", br#"{"credHelpers": ["x"]}"#),
            ".credHelpers: an array is not an object",
        ),
        (
            file("store-number", br#"{"credsStore": 1}"#),
            ".credsStore: a number is not a string",
        ),
        (
            file("empty-user", br#"{"auths": {"x.io": {"auth": "OnB3"}}}"#),
            "the username cannot be empty",
        ),
    ];
    let mut cases: Vec<Case> = files
        .iter()
        .map(|(path, says)| {
            let path = path.as_os_str().as_encoded_bytes();
            case(&[b"import", b"docker-config", path], b"", 2, says)
        })
        .collect();
    let missing = dir.join("missing.json");
    cases.push(case(
        &[
            b"import",
            b"docker-config",
            missing.as_os_str().as_encoded_bytes(),
        ],
        b"",
        3,
        "does not exist",
    ));
    cases.push(case(
        &[
            b"import",
            b"docker-config",
            dir.as_os_str().as_encoded_bytes(),
        ],
        b"",
        1,
        "cannot read",
    ));
    // docker-config refuses to merge into a malformed file.
    let target = file("target.json", b"{\"credHelpers\": 7}");
    cases.push(case(
        &[
            b"docker-config",
            b"--output",
            target.as_os_str().as_encoded_bytes(),
        ],
        b"",
        2,
        ".credHelpers: a number is not an object",
    ));
    let snapshot: Vec<Vec<u8>> = files
        .iter()
        .map(|(p, _)| std::fs::read(p).unwrap())
        .collect();
    let tried = try_all(&env, &cases);
    for ((path, _), bytes) in files.iter().zip(snapshot) {
        assert_eq!(
            std::fs::read(path).unwrap(),
            bytes,
            "{} was changed",
            path.display()
        );
    }
    assert_eq!(std::fs::read(&target).unwrap(), b"{\"credHelpers\": 7}");
    summary(&format!(
        "bad input, docker config files: {tried} files tried, each refused cleanly, database and files unchanged"
    ));
}
