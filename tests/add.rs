//! `hubint add` (= `hubint integration add`) without a terminal: defaults,
//! URL normalisation, validation, conflicts and subscriptions. Password
//! sources are in add_password.rs.

mod common;

use common::TestEnv;

#[test]
fn add_defaults_to_docker_hub_and_prints_the_integration() {
    needs_keyring!();
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["add", "--name", "add-hub", "--username", "bob", "--password-stdin"])
        .pass_stdin("s3cret-add-hub\n"), @"
    success: true
    exit_code: 0
    ----- stdout -----
     name            add-hub
     family/type     hub/docker (Docker Hub or any Registry v2)
     registry        https://index.docker.io/v1/
     username        bob
     email           -
     password        (stored in keyring)
     subscriptions   -
     id              [ID]
     created (UTC)   [TIME]
     updated (UTC)   [TIME]
     verified (UTC)  never

    ----- stderr -----
    Added integration add-hub (hub/docker for https://index.docker.io/v1/); password stored in the OS keyring.
    ");
}

#[test]
fn add_json_prints_the_object() {
    needs_keyring!();
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&[
        "integration", "add", "--json", "--name", "add-json", "--username", "alice",
        "--email", "alice@example.com", "--url", "registry.example.com",
    ]).arg("--password-stdin").pass_stdin("pw"), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "id": "[ID]",
      "name": "add-json",
      "family": "hub",
      "type": "docker",
      "registry": "registry.example.com",
      "username": "alice",
      "email": "alice@example.com",
      "subscriptions": [],
      "secret_store": "keyring",
      "created_at": "[TIME]",
      "updated_at": "[TIME]",
      "last_verified_at": null,
      "last_verification": null
    }

    ----- stderr -----
    Added integration add-json (hub/docker for registry.example.com); password stored in the OS keyring.
    "#);
}

#[test]
fn url_is_normalised_to_the_docker_key() {
    needs_keyring!();
    let env = TestEnv::new();
    for (name, url, key) in [
        (
            "url-port",
            "https://Reg.Example.com:5000/v2",
            "reg.example.com:5000",
        ),
        ("url-path", "http://localhost:5000/v2/", "localhost:5000"),
        ("url-hub", "docker.io", "https://index.docker.io/v1/"),
        (
            "url-hub-index",
            "https://index.docker.io/v1/",
            "https://index.docker.io/v1/",
        ),
        (
            "url-hub-registry",
            "registry-1.docker.io",
            "https://index.docker.io/v1/",
        ),
        ("url-ghcr", "ghcr.io/owner/repo", "ghcr.io"),
    ] {
        env.add(name, "pw", &["--url", url]);
        assert_eq!(env.json(&["show", name])["registry"], key, "{url}");
    }
}

#[test]
fn invalid_names_are_usage_errors() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["add", "--name=-dash", "--username", "u", "--password", "p"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --name: a name starts with a letter or a digit
    hint: run the command with --help to see what --name accepts
    ");
    snapshot!(env, env.cmd(&["add", "--name", "has space", "--username", "u", "--password", "p"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --name: a name holds only letters, digits, '-', '_' and '.', not a space
    hint: run the command with --help to see what --name accepts
    ");
    snapshot!(env, env.cmd(&["add", "--name", "", "--username", "u", "--password", "p"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --name: a name cannot be empty
    hint: run the command with --help to see what --name accepts
    ");
    let long = "n".repeat(65);
    snapshot!(env, env.cmd(&["add", "--name", &long, "--username", "u", "--password", "p"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --name: a name has at most 64 characters
    hint: run the command with --help to see what --name accepts
    ");
    assert!(env.names().is_empty());
}

#[test]
fn a_name_of_64_characters_is_accepted() {
    needs_keyring!();
    let env = TestEnv::new();
    let name = format!("a{}", "-_.9".repeat(15)) + "xyz";
    assert_eq!(name.len(), 64);
    env.add(&name, "pw", &[]);
    assert_eq!(env.names(), [name]);
}

#[test]
fn a_taken_name_is_a_conflict_case_insensitively() {
    needs_keyring!();
    let env = TestEnv::new();
    let id = env.add_id("Taken-Name", "first-secret", &[]);
    snapshot!(env, env.cmd(&["add", "--name", "taken-NAME", "--username", "u", "--password-stdin"])
        .pass_stdin("second-secret"), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: an integration named 'Taken-Name' already exists
    hint: choose another --name, or change the existing one with `hubint integration edit`
    ");
    assert_eq!(env.names(), ["Taken-Name"]);
    assert_eq!(env.stored_secret(&id).as_deref(), Some("first-secret"));
}

#[test]
fn invalid_email_url_and_username_are_usage_errors() {
    let env = TestEnv::new();
    let base = ["add", "--name", "bad-values", "--password", "p"];
    snapshot!(env, env.cmd(&base).args(["--username", "u", "--email", "not-an-email"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --email: expected an address like name@example.com
    hint: run the command with --help to see what --email accepts
    ");
    snapshot!(env, env.cmd(&base).args(["--username", "u", "--url", "ftp://registry.example.com"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid registry URL: only http:// and https:// URLs are supported
    hint: pass --url with a host such as registry.example.com:5000, or leave it out for Docker Hub
    ");
    snapshot!(env, env.cmd(&base).args(["--username", "u", "--url", "registry.example.com:99999"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid registry URL: the port '99999' is not a number from 1 to 65535
    hint: pass --url with a host such as registry.example.com:5000, or leave it out for Docker Hub
    ");
    snapshot!(env, env.cmd(&base).args(["--username", "u", "--url", "me:pw@registry.example.com"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid registry URL: it must not contain a user name or password; use --username
    hint: pass --url with a host such as registry.example.com:5000, or leave it out for Docker Hub
    ");
    snapshot!(env, env.cmd(&base).args(["--username", " padded"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --username: the username cannot start or end with a space
    hint: run the command with --help to see what --username accepts
    ");
    assert!(env.names().is_empty());
}

#[test]
fn missing_values_without_a_terminal_name_their_flag() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&["add", "--username", "u", "--password-stdin"]).pass_stdin("pw"), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: missing a name: pass --name NAME
    hint: hubint prompts only when stdin and stderr are terminals and --no-input is not set
    ");
    snapshot!(env, env.cmd(&["add", "--name", "no-user", "--password-stdin"]).pass_stdin("pw"), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: missing a username: pass --username USERNAME
    hint: hubint prompts only when stdin and stderr are terminals and --no-input is not set
    ");
    snapshot!(env, env.cmd(&["add", "--name", "no-password", "--username", "u"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: missing a password: pass --password-stdin or --password-file FILE
    hint: hubint prompts only when stdin and stderr are terminals and --no-input is not set
    ");
    assert!(env.names().is_empty());
}

#[test]
fn unknown_family_or_type_is_a_usage_error() {
    let env = TestEnv::new();
    let base = ["add", "--name", "fam", "--username", "u", "--password", "p"];
    snapshot!(env, env.cmd(&base).args(["--family", "nope"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unknown integration family 'nope'
    hint: families: hub
    ");
    snapshot!(env, env.cmd(&base).args(["--type", "harbor"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: unknown type 'harbor' in family 'hub'
    hint: types of hub: docker, ghcr, quay, gitlab, acr, gcr, ecr
    ");
    assert!(env.names().is_empty());
}

#[test]
fn explicit_family_and_type_are_accepted() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add(
        "fam-explicit",
        "pw",
        &["--family", "hub", "--type", "docker"],
    );
    let show = env.json(&["show", "fam-explicit"]);
    assert_eq!(
        (&show["family"], &show["type"]),
        (&"hub".into(), &"docker".into())
    );
}

#[test]
fn subscription_flags_create_and_attach_subscriptions() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("sub-first", "pw", &["--subscription", "Team-A"]);
    snapshot!(env, env.cmd(&[
        "add", "--name", "sub-second", "--username", "u", "--password-stdin",
        "--subscription", "team-a", "--subscription", "team-b", "--json",
    ]).pass_stdin("pw"), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "id": "[ID]",
      "name": "sub-second",
      "family": "hub",
      "type": "docker",
      "registry": "https://index.docker.io/v1/",
      "username": "u",
      "email": null,
      "subscriptions": [
        "Team-A",
        "team-b"
      ],
      "secret_store": "keyring",
      "created_at": "[TIME]",
      "updated_at": "[TIME]",
      "last_verified_at": null,
      "last_verification": null
    }

    ----- stderr -----
    Created subscription team-b.
    Added integration sub-second (hub/docker for https://index.docker.io/v1/); password stored in the OS keyring.
    "#);
    snapshot!(env, env.cmd(&["subscription", "list"]), @"
    success: true
    exit_code: 0
    ----- stdout -----
    Team-A	sub-first, sub-second
    team-b	sub-second

    ----- stderr -----
    ");
}

#[test]
fn invalid_subscription_name_is_a_usage_error() {
    let env = TestEnv::new();
    snapshot!(env, env.cmd(&[
        "add", "--name", "bad-sub", "--username", "u", "--password", "p", "--subscription", "no/slash",
    ]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: invalid --subscription: a name holds only letters, digits, '-', '_' and '.', not '/'
    hint: run the command with --help to see what --subscription accepts
    ");
    assert!(env.names().is_empty());
}

#[cfg(unix)]
#[test]
fn add_creates_a_private_data_dir_and_database() {
    local_store_only!("the SQLite database's file and directory modes");
    needs_keyring!();
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.add("private", "pw", &[]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.hubint_home), 0o700);
    assert_eq!(mode(&env.db_path()), 0o600);
}
