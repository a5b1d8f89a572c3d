//! `hubint import docker-config`: auths, identity tokens, other helpers,
//! `--scrub`, and malformed files that import nothing.

mod common;

use std::path::Path;

use common::TestEnv;

fn b64(s: &str) -> String {
    // A tiny standard base64 encoder, to keep the test independent of hubint's.
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = s.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn get(env: &TestEnv, url: &str) -> String {
    env.helper_get(url).1
}

/// `hubint import docker-config ARGS...`, wide enough that the table of
/// imported integrations does not wrap.
fn import(env: &TestEnv, args: &[&str]) -> std::process::Command {
    let mut all = vec!["import", "docker-config"];
    all.extend_from_slice(args);
    let mut cmd = env.cmd(&all);
    cmd.env("COLUMNS", "200");
    cmd
}

fn list_json(env: &TestEnv) -> String {
    String::from_utf8_lossy(&env.run(&["list", "--json"], "").stdout).into_owned()
}

/// A docker config.json with two registries.
fn two_registries(path: &Path) -> String {
    let text = format!(
        r#"{{
	"auths": {{
		"https://index.docker.io/v1/": {{
			"auth": "{}",
			"email": "bob@example.com"
		}},
		"registry.example.com:5000": {{
			"auth": "{}"
		}}
	}},
	"psFormat": "table {{{{.ID}}}}"
}}
"#,
        b64("bob:hub-secret"),
        b64("alice:pa:ss")
    );
    std::fs::write(path, &text).unwrap();
    text
}

#[test]
fn a_docker_config_with_two_registries_round_trips() {
    needs_keyring!();
    let env = TestEnv::new();
    let source = env.home.join("config.json");
    let original = two_registries(&source);
    let file = source.to_str().unwrap();
    snapshot!(env, import(&env, &[file]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    docker.io-bob	hub/docker	docker.io	bob	bob@example.com	-	keyring	[TIME]	-
    registry.example.com-5000-alice	hub/docker	registry.example.com:5000	alice	-	-	keyring	[TIME]	-

    ----- stderr -----
    Imported docker.io-bob (https://index.docker.io/v1/ as bob) from .auths["https://index.docker.io/v1/"].
    Imported registry.example.com-5000-alice (registry.example.com:5000 as alice) from .auths["registry.example.com:5000"].
    "#);
    assert_eq!(
        std::fs::read_to_string(&source).unwrap(),
        original,
        "import alone changes nothing"
    );
    assert_eq!(
        get(&env, "docker.io"),
        "{\"ServerURL\":\"docker.io\",\"Username\":\"bob\",\"Secret\":\"hub-secret\"}\n"
    );
    assert_eq!(
        get(&env, "registry.example.com:5000"),
        "{\"ServerURL\":\"registry.example.com:5000\",\"Username\":\"alice\",\"Secret\":\"pa:ss\"}\n"
    );
    // Exporting them inline gives back the same auths.
    let exported = env.home.join("exported.json");
    let out = env.run(
        &[
            "docker-config",
            "--inline",
            "-o",
            exported.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success());
    let before: serde_json::Value = serde_json::from_str(&original).unwrap();
    let after: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(after["auths"], before["auths"]);
    // Importing again changes nothing.
    snapshot!(env, import(&env, &[file]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    docker.io-bob	hub/docker	docker.io	bob	bob@example.com	-	keyring	[TIME]	-
    registry.example.com-5000-alice	hub/docker	registry.example.com:5000	alice	-	-	keyring	[TIME]	-

    ----- stderr -----
    Unchanged: docker.io-bob (https://index.docker.io/v1/ as bob) from .auths["https://index.docker.io/v1/"].
    Unchanged: registry.example.com-5000-alice (registry.example.com:5000 as alice) from .auths["registry.example.com:5000"].
    "#);
}

#[test]
fn scrub_removes_plaintext_and_keeps_a_backup() {
    needs_keyring!();
    let env = TestEnv::new();
    let dir = env.home.join(".docker");
    std::fs::create_dir(&dir).unwrap();
    let source = dir.join("config.json");
    let original = two_registries(&source);
    snapshot!(env, import(&env, &["--scrub"]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    docker.io-bob	hub/docker	docker.io	bob	bob@example.com	-	keyring	[TIME]	-
    registry.example.com-5000-alice	hub/docker	registry.example.com:5000	alice	-	-	keyring	[TIME]	-

    ----- stderr -----
    Imported docker.io-bob (https://index.docker.io/v1/ as bob) from .auths["https://index.docker.io/v1/"].
    Imported registry.example.com-5000-alice (registry.example.com:5000 as alice) from .auths["registry.example.com:5000"].
    Removed the plaintext passwords of 2 logins from [HOME]/.docker/config.json; the previous file is in [HOME]/.docker/config.json.hubint-backup.
    "#);
    insta::assert_snapshot!(std::fs::read_to_string(&source).unwrap(), @r#"
    {
    	"auths": {
    		"https://index.docker.io/v1/": {
    			"email": "bob@example.com"
    		},
    		"registry.example.com:5000": {}
    	},
    	"psFormat": "table {{.ID}}"
    }
    "#);
    let backup = dir.join("config.json.hubint-backup");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // A second scrub keeps the first backup.
    two_registries(&source);
    let out = env.run(&["import", "docker-config", "--scrub"], "");
    assert!(out.status.success());
    assert!(dir.join("config.json.hubint-backup-2").exists());
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
}

#[test]
fn auth_json_identity_tokens_and_unique_names() {
    needs_keyring!();
    let env = TestEnv::new();
    let source = env.home.join("auth.json");
    std::fs::write(
        &source,
        format!(
            r#"{{"auths": {{
                "quay.io": {{"auth": "{}"}},
                "https://quay.io/v2/": {{"auth": "{}"}},
                "Quay.IO": {{"auth": "{}"}},
                "docker.io": {{"auth": "", "identitytoken": "id-token"}},
                "empty.example.com": {{}}
            }}}}"#,
            b64("carol:one"),
            b64("dave:two"),
            b64("carol:other")
        ),
    )
    .unwrap();
    snapshot!(env, import(&env, &[source.to_str().unwrap()]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    quay.io-carol	hub/quay	quay.io	carol	-	-	keyring	[TIME]	-
    docker.io-token	hub/docker	docker.io	<token>	-	-	keyring	[TIME]	-
    quay.io-dave	hub/quay	quay.io	dave	-	-	keyring	[TIME]	-

    ----- stderr -----
    warning: .auths["quay.io"] has another password for carol at quay.io; kept the one from .auths["Quay.IO"]
    Imported quay.io-carol (quay.io as carol) from .auths["Quay.IO"].
    Imported docker.io-token (https://index.docker.io/v1/ as <token>) from .auths["docker.io"].
    Imported quay.io-dave (quay.io as dave) from .auths["https://quay.io/v2/"].
    "#);
    assert_eq!(
        get(&env, "https://index.docker.io/v1/"),
        "{\"ServerURL\":\"https://index.docker.io/v1/\",\"Username\":\"<token>\",\"Secret\":\"id-token\"}\n"
    );
}

#[test]
fn logins_held_by_another_helper_are_imported() {
    needs_keyring!();
    let env = TestEnv::new();
    let fake = env.bin_dir.join("docker-credential-fake");
    std::fs::write(
        &fake,
        r#"#!/bin/sh
case "$1" in
  list) echo '{"https://ghcr.io":"erin","not a registry":"x"}' ;;
  get) read url; case "$url" in
         https://ghcr.io|gcr.io) echo "{\"ServerURL\":\"$url\",\"Username\":\"erin\",\"Secret\":\"from-$url\"}" ;;
         *) echo "credentials not found in native keychain"; exit 1 ;;
       esac ;;
  *) exit 1 ;;
esac
"#,
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let source = env.home.join("config.json");
    std::fs::write(
        &source,
        r#"{"credsStore": "fake", "auths": {"https://ghcr.io": {}},
            "credHelpers": {"gcr.io": "fake", "ecr.example.com": "missing", "localhost:1": "hubint"}}"#,
    )
    .unwrap();
    snapshot!(env, import(&env, &[source.to_str().unwrap()]), @r#"
    success: true
    exit_code: 0
    ----- stdout -----
    ghcr.io-erin	hub/docker	ghcr.io	erin	-	-	keyring	[TIME]	-
    gcr.io-erin	hub/docker	gcr.io	erin	-	-	keyring	[TIME]	-

    ----- stderr -----
    warning: docker-credential-fake holds 'not a registry', which is not a registry address; skipped
    warning: .credHelpers["ecr.example.com"] names docker-credential-missing, which is not on PATH; its logins are not imported
    Imported ghcr.io-erin (ghcr.io as erin) from docker-credential-fake.
    Imported gcr.io-erin (gcr.io as erin) from docker-credential-fake.
    "#);
}

#[test]
fn malformed_files_import_nothing() {
    let env = TestEnv::new();
    let source = env.home.join("config.json");
    let file = source.to_str().unwrap();
    let cases = [
        r#"{"auths": {"quay.io": {"auth": "not base64!"}}}"#,
        r#"{"auths": {"ok.io": {"auth": "dTpw"}, "quay.io": {"auth": "bm9jb2xvbg=="}}}"#,
        r#"{"auths": {"quay.io": {"auth": 5}}}"#,
        r#"{"auths": ["quay.io"]}"#,
        r#"{"auths": {"bad host!": {"auth": "dTpw"}}}"#,
        r#"{"credsStore": 1}"#,
        "[1, 2]",
        "{\"auths\": {\n  \"quay.io\": {\"auth\": \"dTpw\",}\n}}",
    ];
    for case in cases {
        std::fs::write(&source, case).unwrap();
        let out = env.run(&["import", "docker-config", file], "");
        assert_eq!(out.status.code(), Some(2), "{case}");
        assert!(out.stdout.is_empty());
        assert_eq!(std::fs::read_to_string(&source).unwrap(), case);
    }
    std::fs::write(&source, cases[1]).unwrap();
    snapshot!(env, import(&env, &[file]), @r#"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: [HOME]/config.json: .auths["quay.io"].auth: it does not decode to USERNAME:PASSWORD
    hint: fix or remove that entry, then run the command again; nothing was changed
    "#);
    std::fs::write(&source, cases[7]).unwrap();
    snapshot!(env, import(&env, &[file]), @"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    error: [HOME]/config.json is not valid JSON: line 2 column 30: trailing comma
    hint: fix the file, then run the command again; nothing was changed
    ");
    snapshot!(env, import(&env, &["missing.json"]), @"
    success: false
    exit_code: 3
    ----- stdout -----

    ----- stderr -----
    error: missing.json does not exist
    hint: pass the path of a docker config.json or a containers auth.json
    ");
    assert_eq!(list_json(&env), "[]\n");
}
