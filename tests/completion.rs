//! The dynamic completion protocol (`COMPLETE=SHELL hubint -- WORDS...`,
//! what the registration scripts run on TAB) and `hubint completions`.
//! Completing reads only the catalog (the SQLite metadata, or the team
//! store's documents in the team pass): no database, a broken one or no
//! keyring means no names, silently, and nothing is created or migrated.

mod common;

use std::process::Output;

use common::TestEnv;

/// Ask for the candidates of the last word of `words` as fish does (one
/// `value<TAB>help` line each); returns the values.
fn candidates(env: &TestEnv, words: &[&str], extra_env: &[(&str, &str)]) -> (Vec<String>, Output) {
    let mut args = vec!["--", "hubint"];
    args.extend_from_slice(words);
    let mut cmd = env.cmd(&args);
    cmd.env("COMPLETE", "fish");
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run hubint");
    let values = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();
    (values, out)
}

/// Assert a quiet success with no names among the candidates.
fn assert_no_names(env: &TestEnv) {
    for words in [&["edit", ""][..], &["subscription", "attach", ""]] {
        let (values, out) = candidates(env, words, &[]);
        assert!(out.status.success(), "{out:?}");
        assert!(out.stderr.is_empty(), "{out:?}");
        assert!(
            values.iter().all(|v| v.starts_with('-')),
            "{words:?}: only flags expected, got {values:?}"
        );
    }
}

#[test]
fn without_a_database_nothing_is_offered_and_nothing_is_created() {
    local_store_only!("no local database");
    let env = TestEnv::new();
    assert_no_names(&env);
    assert!(
        !env.hubint_home.exists(),
        "completion created the data directory"
    );
}

#[test]
fn an_unmigrated_database_is_left_alone() {
    local_store_only!("an unmigrated local database");
    let env = TestEnv::new();
    std::fs::create_dir_all(&env.hubint_home).unwrap();
    std::fs::write(env.db_path(), b"").unwrap();
    assert_no_names(&env);
    assert_eq!(std::fs::metadata(env.db_path()).unwrap().len(), 0);
}

#[test]
fn a_corrupt_database_gives_no_names_and_no_error() {
    local_store_only!("a corrupt local database");
    let env = TestEnv::new();
    std::fs::create_dir_all(&env.hubint_home).unwrap();
    let garbage = b"this is not a SQLite database, not at all".repeat(200);
    std::fs::write(env.db_path(), &garbage).unwrap();
    assert_no_names(&env);
    assert_eq!(std::fs::read(env.db_path()).unwrap(), garbage);
}

#[test]
fn names_complete_without_any_keyring() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("dockerhub", "pw", &["--subscription", "team-a"]);
    let no_bus = [("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")];
    let (values, out) = candidates(&env, &["show", "d"], &no_bus);
    assert_eq!(values, ["dockerhub"], "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let (values, _) = candidates(&env, &["list", "--subscription", "t"], &no_bus);
    assert_eq!(values, ["team-a"]);
}

#[test]
fn candidates_carry_a_description() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("dockerhub", "pw", &["--subscription", "team-a"]);
    let (_, out) = candidates(&env, &["show", "d"], &[]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "dockerhub\thub/docker https://index.docker.io/v1/ as user\n"
    );
    let (_, out) = candidates(&env, &["subscription", "detach", "t"], &[]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "team-a\t1 integration\n"
    );
}

#[test]
fn registration_scripts_call_back_hubint() {
    let env = TestEnv::new();
    for (shell, needle) in [
        ("bash", "complete -o nospace -o bashdefault -o nosort -F"),
        ("zsh", "compdef _clap_dynamic_completer_hubint hubint"),
        ("fish", "complete --keep-order --exclusive --command hubint"),
        ("elvish", "set edit:completion:arg-completer[hubint]"),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName hubint",
        ),
    ] {
        let out = env.cmd(&["completions", shell]).output().unwrap();
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{shell}: {out:?}"
        );
        assert!(script.contains(needle), "{shell}:\n{script}");
        assert!(script.contains("COMPLETE"), "{shell}:\n{script}");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["completions", "tcsh"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid value 'tcsh' for '<SHELL>'
      [possible values: bash, elvish, fish, powershell, zsh]

      tip: a similar value exists: 'zsh'

    For more information, try '--help'.
    ");
    let mut stray = env.cmd(&["list"]);
    stray.env("COMPLETE", "tcsh");
    snapshot!(env, stray, @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unknown shell `tcsh`, expected one of `bash`, `elvish`, `fish`, `powershell`, `zsh`
    ");
}

#[test]
fn an_empty_complete_variable_runs_the_command() {
    let env = TestEnv::new();
    for value in ["", "0"] {
        let out = env
            .cmd(&["list", "--json"])
            .env("COMPLETE", value)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
    }
}
