//! Secrets never leak: after every command, no password (nor the file
//! store's passphrase) appears in the database or its WAL, in any file
//! hubint wrote (config files from `docker-config --helper` included), on
//! stdout or stderr (except from `env` and the credential helper's `get`,
//! whose job it is), in `--json` output, in error messages, or in a panic
//! message. The check itself is tests/common/leak_check.rs.

mod common;
#[path = "common/leak_check.rs"]
mod leak_check;

use common::{TestEnv, summary};
use leak_check::{Leaks, NEW_PASSPHRASE, PASSPHRASE, PASSWORDS};

#[test]
fn no_command_leaves_a_password_anywhere() {
    needs_keyring!();
    let env = TestEnv::new().with_env("HUBINT_PASSPHRASE", PASSPHRASE);
    let pw_file = env.root().join("pw.txt");
    std::fs::write(&pw_file, format!("{}\n", PASSWORDS[1])).unwrap();
    let imported = env.home.join("import.json");
    let auth = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(format!("bob:{}", PASSWORDS[2]))
    };
    std::fs::write(
        &imported,
        format!(r#"{{"auths": {{"quay.io": {{"auth": "{auth}"}}}}}}"#),
    )
    .unwrap();
    let mut t = Leaks {
        allowed_files: vec![
            env.hubint_home.join("secrets.age"),
            pw_file.clone(),
            imported.clone(),
            env.home.join("import.json.hubint-backup"),
        ],
        env,
        commands: 0,
    };
    let [pw1, pw2, pw3, pw4] = PASSWORDS;
    let pw_path = pw_file.to_str().unwrap();
    let imported_path = imported.to_str().unwrap();
    let config_out = t.env.home.join(".docker").join("config.json");
    let config_path = config_out.to_str().unwrap().to_string();

    // Adding, every way a password comes in, in both stores.
    t.run(
        &[
            "add",
            "--name",
            "leak",
            "--username",
            "u",
            "--password-stdin",
            "--url",
            "127.0.0.1:9",
        ],
        pw1,
        0,
        false,
    );
    t.run(
        &[
            "add",
            "--name",
            "leak-file",
            "--username",
            "u",
            "--password-file",
            pw_path,
            "--secret-store",
            "file",
            "--json",
        ],
        "",
        0,
        false,
    );
    t.run(
        &[
            "add",
            "--name",
            "leak-argv",
            "--username",
            "u",
            "--password",
            pw4,
            "--subscription",
            "team",
        ],
        "",
        0,
        false,
    );
    // Reading.
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", "leak"],
        &["show", "leak-file", "--json"],
    ] {
        t.run(args, "", 0, false);
    }
    // Changing.
    t.run(
        &["edit", "leak", "--password-stdin", "--json"],
        pw2,
        0,
        false,
    );
    t.run(&["edit", "leak", "--password-stdin"], pw1, 0, false);
    t.run(
        &[
            "edit",
            "leak",
            "--username",
            "v",
            "--email",
            "v@example.com",
        ],
        "",
        0,
        false,
    );
    t.run(&["subscription", "attach", "team", "leak"], "", 0, false);
    t.run(
        &["subscription", "detach", "team", "leak", "--json"],
        "",
        0,
        false,
    );
    t.run(&["subscription", "list", "--json"], "", 0, false);
    t.run(&["move", "leak", "--to", "file"], "", 0, false);
    t.run(
        &["move", "--all", "--to", "keyring", "--json"],
        "",
        0,
        false,
    );
    // The registry is not there: verification fails, without the password.
    t.run(&["verify", "leak"], "", 6, false);
    t.run(&["verify", "leak", "--json"], "", 6, false);
    // Handing credentials to container tools.
    t.run(
        &["docker-config", "--helper", "--output", &config_path],
        "",
        0,
        false,
    );
    t.run(&["docker-config", "--json"], "", 0, false);
    t.run(&["helper", "list"], "", 0, false);
    t.run(&["helper", "get"], "127.0.0.1:9", 0, true);
    let store = format!(r#"{{"ServerURL":"helper.example","Username":"h","Secret":"{pw3}"}}"#);
    t.run(&["helper", "store"], &store, 0, false);
    t.run(&["helper", "erase"], "helper.example", 0, false);
    t.run(&["env", "leak"], "", 0, true);
    t.run(&["env", "leak", "--json"], "", 0, true);
    t.run(&["exec", "leak", "--", "true"], "", 0, false);
    t.run(
        &["import", "docker-config", imported_path, "--scrub"],
        "",
        0,
        false,
    );
    t.allowed_files.retain(|f| f != &imported);
    t.run(&["list", "--json"], "", 0, false);
    t.run(&["doctor"], "", 0, false);
    t.run(&["doctor", "--json", "--fix"], "", 0, false);
    t.run(&["config", "list", "--json"], "", 0, false);
    t.run(
        &["secret-store", "passwd", "--new-passphrase-stdin"],
        NEW_PASSPHRASE,
        0,
        false,
    );
    let new_pass = [("HUBINT_PASSPHRASE", NEW_PASSPHRASE)];
    t.run_with(&["env", "leak-file"], "", 0, true, &new_pass);

    // Errors with a password in hand.
    t.run(
        &[
            "add",
            "--name",
            "leak",
            "--username",
            "u",
            "--password-stdin",
        ],
        pw3,
        4,
        false,
    );
    t.run(
        &[
            "add",
            "--name",
            "bad name",
            "--username",
            "u",
            "--password",
            pw3,
        ],
        "",
        2,
        false,
    );
    t.run(
        &[
            "add",
            "--name",
            "ok",
            "--username",
            "u",
            "--email",
            "nope",
            "--password-stdin",
        ],
        pw3,
        2,
        false,
    );
    t.run(
        &["edit", "leak", "--url", "ftp://x", "--password-stdin"],
        pw3,
        2,
        false,
    );
    t.run(&["edit", "missing", "--password-stdin"], pw3, 3, false);
    let cut = format!(r#"{{"ServerURL":"x.io","Username":"u","Secret":"{pw3}"#);
    t.run(&["helper", "store"], &cut, 1, false);
    let bad_url = format!(r#"{{"ServerURL":"ftp://x","Username":"u","Secret":"{pw3}"}}"#);
    t.run(&["helper", "store"], &bad_url, 1, false);
    let wrong_type = format!(r#"["{pw3}"]"#);
    t.run(&["helper", "store"], &wrong_type, 1, false);
    t.run_with(
        &[
            "add",
            "--name",
            "wp",
            "--username",
            "u",
            "--password-stdin",
            "--secret-store",
            "file",
        ],
        pw3,
        5,
        false,
        &[("HUBINT_PASSPHRASE", "wrong")],
    );

    // A panic while the password is held: the message shows where, not what.
    let panic_at = |point: &str| format!("{point}:panic");
    let out = t.run_with(
        &[
            "add",
            "--name",
            "panics",
            "--username",
            "u",
            "--password-stdin",
        ],
        pw3,
        101,
        false,
        &[("HUBINT_FAILPOINT", &panic_at("create-after-secret"))],
    );
    assert!(
        common::stderr(&out).contains("panicked"),
        "{}",
        common::stderr(&out)
    );
    t.run_with(
        &["edit", "leak", "--password-stdin"],
        pw3,
        101,
        false,
        &[("HUBINT_FAILPOINT", &panic_at("update-after-secret"))],
    );
    t.run_with(
        &["move", "leak", "--to", "file"],
        "",
        101,
        false,
        &[
            ("HUBINT_FAILPOINT", &panic_at("move-before-commit")),
            ("HUBINT_PASSPHRASE", NEW_PASSPHRASE),
        ],
    );
    // The panics left orphans behind; doctor removes them, quietly.
    t.run_with(&["doctor", "--fix"], "", 0, false, &new_pass);
    t.run(&["delete", "leak", "--yes"], "", 0, false);
    t.run(
        &["delete", "leak-argv", "--yes", "--detach-all"],
        "",
        0,
        false,
    );
    // The helper config points at hubint and holds no password.
    let config = std::fs::read_to_string(&config_out).unwrap();
    assert!(config.contains("credHelpers"), "{config}");
    summary(&format!(
        "secrets never leak: {} commands (errors and 3 panics included) checked for {} \
         passwords and 2 passphrases in the database, WAL, written files, stdout and stderr",
        t.commands,
        PASSWORDS.len()
    ));
}
