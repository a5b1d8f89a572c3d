//! The rules of the `hub` family's types (issue #16): bad input for a
//! type (a wrong host, a missing --url, a malformed username, a
//! service-account key that is not one) is refused with one line and a
//! hint, exit 2, and nothing is saved.

mod common;

use common::{JSON_KEY, TestEnv, stdout};

/// Bad input for a type: one line and a hint, exit 2, nothing saved.
#[test]
fn type_rules_refuse_bad_input_and_save_nothing() {
    needs_keyring!();
    let env = TestEnv::new();
    let dir = env.home.join("keys");
    std::fs::create_dir_all(&dir).unwrap();
    let not_sa = dir.join("user.json");
    std::fs::write(&not_sa, r#"{"type":"authorized_user","client_id":"x"}"#).unwrap();
    let not_sa = not_sa.to_str().unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--type", "ghcr", "--url", "quay.io", "--username", "u"],
            "invalid registry URL: GitHub's registry is ghcr.io, not quay.io",
            "hint: pass --url with a host such as ghcr.io",
        ),
        (
            &["--type", "acr", "--username", "u"],
            "an integration of type acr needs --url",
            "hint: pass --url <name>.azurecr.io",
        ),
        (
            &[
                "--type",
                "acr",
                "--url",
                "contoso.example.com",
                "--username",
                "u",
            ],
            "an Azure registry is <name>.azurecr.io, not contoso.example.com",
            "hint:",
        ),
        (
            &["--type", "gcr", "--url", "docker.io"],
            "a Google registry is gcr.io, <region>.gcr.io or <region>-docker.pkg.dev, not Docker Hub",
            "hint:",
        ),
        (
            &[
                "--type",
                "ecr",
                "--url",
                "12.dkr.ecr.eu-west-1.amazonaws.com",
            ],
            "an ECR registry is <account>.dkr.ecr.<region>.amazonaws.com",
            "hint:",
        ),
        (
            &["--type", "quay", "--username", "acme+"],
            "invalid --username for type quay: a Quay robot account is written org+name",
            "hint:",
        ),
        (
            &["--type", "ghcr", "--username", "octo cat"],
            "invalid --username for type ghcr",
            "hint:",
        ),
        (
            &["--type", "gcr", "--username", "me"],
            "a Google JSON key is used with the username _json_key",
            "hint:",
        ),
    ];
    for (i, (flags, says, hint)) in cases.iter().enumerate() {
        let name = format!("bad-{i}");
        let mut args = vec!["add", "--name", &name, "--password-stdin"];
        args.extend_from_slice(flags);
        let out = env.run(&args, "not-a-key");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flags:?}: {err}");
        assert!(err.contains(says), "{flags:?}: {err}");
        assert!(err.contains(hint), "{flags:?}: {err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{err}"
        );
    }
    // The gcr key is checked as a service-account key.
    let no_email = dir.join("no-email.json");
    std::fs::write(&no_email, JSON_KEY.replace("client_email", "email")).unwrap();
    let no_key = dir.join("no-key.json");
    std::fs::write(&no_key, JSON_KEY.replace("PRIVATE KEY", "CERTIFICATE")).unwrap();
    for (file, says) in [
        (
            not_sa,
            "invalid service-account JSON key from --password-file: the key's \"type\" is not \"service_account\"",
        ),
        (
            no_email.to_str().unwrap(),
            "the key has no \"client_email\"",
        ),
        (
            no_key.to_str().unwrap(),
            "the key has no PEM \"private_key\"",
        ),
    ] {
        let out = env.run(
            &[
                "add",
                "--type",
                "gcr",
                "--name",
                "gcr-bad",
                "--password-file",
                file,
            ],
            "",
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
        assert!(err.contains("hint: pass the service-account key"), "{err}");
    }
    let out = env.run(
        &[
            "add",
            "--type",
            "gcr",
            "--name",
            "gcr-bad",
            "--password-stdin",
        ],
        "not json",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("the key is not JSON"));
    let list = env.run(&["list", "--json"], "");
    assert_eq!(stdout(&list).trim(), "[]");
}
