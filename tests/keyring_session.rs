//! One D-Bus connection per process (issue 17): a write without a terminal
//! checks the lock state and writes on the same connection, the credential
//! helper reads on one, and a bulk import writes every secret on one.
//! At a terminal, where hubint may prompt, it uses the same one connection
//! (one keyring path on Linux, issue 14).
//! Counted with `strace -e trace=connect` on the private bus's socket.

mod common;

use std::path::Path;

use common::{HELPER, TestEnv, stderr};

/// The path of the private bus's socket (`unix:path=...,guid=...`).
fn bus_socket() -> String {
    let address = std::env::var("DBUS_SESSION_BUS_ADDRESS").expect("tests/run sets the bus");
    let path = address
        .strip_prefix("unix:path=")
        .expect("tests/run's bus is a unix:path address");
    path.split(',').next().unwrap().to_string()
}

/// `strace` arguments that trace `program ARGS...`'s connections to `trace`.
fn traced<'a>(trace: &'a Path, program: &'a Path, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["-f", "-qq", "-e", "trace=connect", "-o"];
    all.push(trace.to_str().unwrap());
    all.push(program.to_str().unwrap());
    all.extend_from_slice(args);
    all
}

/// Run `program ARGS...` under strace with `stdin`; how many times it
/// connected to the bus.
fn connections(env: &TestEnv, program: &Path, args: &[&str], stdin: &str) -> usize {
    let trace = env.root().join("connect.trace");
    let out = common::feed(env.program("strace", &traced(&trace, program, args)), stdin);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    bus_connections(&trace)
}

/// How many connections to the bus `trace` shows.
fn bus_connections(trace: &Path) -> usize {
    let socket = bus_socket();
    std::fs::read_to_string(trace)
        .unwrap()
        .lines()
        .filter(|l| l.contains(&socket))
        .count()
}

#[test]
fn every_keyring_command_uses_one_connection() {
    needs_keyring!();
    let env = TestEnv::new();
    let bin = common::bin();
    let add = [
        "add",
        "--name",
        "one",
        "--username",
        "u",
        "--password-stdin",
    ];
    assert_eq!(connections(&env, &bin, &add, "pw-one"), 1, "add");

    let helper = env.bin_dir.join(HELPER);
    let json = r#"{"ServerURL":"one.example.com","Username":"u","Secret":"pw"}"#;
    assert_eq!(connections(&env, &helper, &["store"], json), 1, "store");
    assert_eq!(
        connections(&env, &helper, &["get"], "one.example.com"),
        1,
        "get"
    );

    let config = env.root().join("config.json");
    let auths: serde_json::Map<String, serde_json::Value> = (0..5)
        .map(|i| {
            let login = serde_json::json!({"username": "u", "password": format!("pw-{i}")});
            (format!("r{i}.example.com"), login)
        })
        .collect();
    std::fs::write(&config, serde_json::json!({ "auths": auths }).to_string()).unwrap();
    let import = ["import", "docker-config", config.to_str().unwrap()];
    assert_eq!(connections(&env, &bin, &import, ""), 1, "import");
    assert_eq!(
        connections(&env, &bin, &["delete", "one", "--yes"], ""),
        1,
        "delete"
    );
    assert_eq!(env.names().len(), 6);
}

/// At a terminal hubint may prompt to unlock the keyring: still the one
/// session, for the search, the secret and the delete alike.
#[cfg(unix)]
#[test]
fn a_command_at_a_terminal_uses_the_same_one_connection() {
    needs_keyring!();
    let env = TestEnv::new();
    env.add("one", "pw-one", &[]);
    let trace = env.root().join("connect.trace");
    let bin = common::bin();
    let args = traced(&trace, &bin, &["delete", "one", "--yes"]);
    common::terminal::Pty::spawn_command(env.program("strace", &args), true).exits_with(0);
    assert_eq!(bus_connections(&trace), 1, "delete at a terminal");
    assert!(env.names().is_empty());
}
