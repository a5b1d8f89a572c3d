//! `hubint env`, `hubint exec` and `hubint install-helper`.

mod common;

use common::TestEnv;

fn add(env: &TestEnv) {
    let out = env.run(
        &[
            "add",
            "--name",
            "docker-hub.prod",
            "--username",
            "bob",
            "--email",
            "bob@example.com",
            "--password-stdin",
        ],
        "it's secret",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn env_prints_the_variables() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env);
    snapshot!(env, env.cmd(&["env", "docker-hub.prod"]), @r"
    success: true
    exit_code: 0
    ----- stdout -----
    export DOCKERHUBPROD_INTEGRATION_USERNAME='bob'
    export DOCKERHUBPROD_INTEGRATION_PASSWORD='it'\''s secret'
    export DOCKERHUBPROD_INTEGRATION_EMAIL='bob@example.com'
    export DOCKERHUBPROD_INTEGRATION_URL='https://index.docker.io/v1/'

    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["env", "DOCKER-HUB.PROD", "--json"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    {
      "DOCKERHUBPROD_INTEGRATION_EMAIL": "bob@example.com",
      "DOCKERHUBPROD_INTEGRATION_PASSWORD": "it's secret",
      "DOCKERHUBPROD_INTEGRATION_URL": "https://index.docker.io/v1/",
      "DOCKERHUBPROD_INTEGRATION_USERNAME": "bob"
    }

    ----- stderr -----
    "#);
    snapshot!(env, env.cmd(&["env", "nope"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: no integration named 'nope'
    hint: run `hubint integration list` to see the integrations
    ");
    // The export lines are valid shell.
    let script = "eval \"$(\"$HUBINT\" env docker-hub.prod)\" && \
                  printf '%s|%s' \"$DOCKERHUBPROD_INTEGRATION_PASSWORD\" \"$DOCKERHUBPROD_INTEGRATION_URL\"";
    let mut sh = env.program(std::path::Path::new("/bin/sh"), &["-c", script]);
    sh.env("HUBINT", common::bin());
    let out = sh.output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "it's secret|https://index.docker.io/v1/"
    );
}

#[test]
fn exec_passes_the_variables_to_the_command_only() {
    needs_keyring!();
    let env = TestEnv::new();
    add(&env);
    let script = "printf '%s|%s|%s|%s' \"$DOCKERHUBPROD_INTEGRATION_USERNAME\" \
                  \"$DOCKERHUBPROD_INTEGRATION_PASSWORD\" \"$DOCKERHUBPROD_INTEGRATION_EMAIL\" \
                  \"$DOCKERHUBPROD_INTEGRATION_URL\"; exit 7";
    snapshot!(env, env.cmd(&["exec", "docker-hub.prod", "--", "sh", "-c", script]), @"
    success: false
    exit_code: 7
    ----- stdout -----
    bob|it's secret|bob@example.com|https://index.docker.io/v1/
    ----- stderr -----
    ");
    snapshot!(env, env.cmd(&["exec", "docker-hub.prod"]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: the following required arguments were not provided:
      <COMMAND>...

    Usage: hubint exec <NAME> -- <COMMAND>...

    For more information, try '--help'.
    ");
    snapshot!(env, env.cmd(&["exec", "docker-hub.prod", "--", "/nonexistent/cmd"]), @"
    success: false
    exit_code: 127
    ----- stdout -----

    ----- stderr -----
    error: cannot run /nonexistent/cmd: No such file or directory (os error 2)
    hint: check the command's name, or give its full path
    ");
    // Nothing of the password reached hubint's files.
    assert!(!common::contains(&env.db_bytes(), b"it's secret"));
}

#[test]
#[cfg(unix)]
fn install_helper_links_the_binary() {
    let env = TestEnv::new();
    let dir = env.home.join("bin");
    let dir_arg = dir.to_str().unwrap();
    snapshot!(env, env.cmd(&["install-helper", "--dir", dir_arg]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    Installed [HOME]/bin/docker-credential-hubint -> [BIN].
    warning: [HOME]/bin is not on PATH: add [HOME]/bin to PATH (for example `export PATH="[HOME]/bin:$PATH"` in your shell's profile) so that container tools find docker-credential-hubint
    "#);
    let link = dir.join("docker-credential-hubint");
    assert_eq!(
        std::fs::canonicalize(&link).unwrap(),
        std::fs::canonicalize(common::bin()).unwrap()
    );
    let out = env.program(&link, &["version"]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "docker-credential-hubint (hubint) v{}\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    snapshot!(env, env.cmd(&["install-helper", "--dir", dir_arg]), @"
    success: true
    exit_code: 0
    ----- stdout -----

    ----- stderr -----
    [HOME]/bin/docker-credential-hubint is already installed.
    ");
    std::fs::remove_file(&link).unwrap();
    std::fs::write(&link, "#!/bin/sh\n").unwrap();
    snapshot!(env, env.cmd(&["install-helper", "--dir", dir_arg]), @"
    success: false
    exit_code: 4
    ----- stdout -----

    ----- stderr -----
    error: [HOME]/bin/docker-credential-hubint already exists and is not this hubint
    hint: pass --force to replace it, or choose another --dir
    ");
    let out = env.run(&["install-helper", "--dir", dir_arg, "--force"], "");
    assert!(out.status.success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
