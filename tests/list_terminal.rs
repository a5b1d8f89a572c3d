//! `hubint list` on a real terminal (a pseudo-terminal sized with `stty`):
//! the table fits the width, no value wraps or breaks mid-word, no column
//! shrinks to a letter, and names are shown whole.
#![cfg(unix)]

mod common;

use common::TestEnv;
use common::terminal::Pty;

/// Eight integrations with long values, as in the report.
fn eight() -> TestEnv {
    let env = TestEnv::new()
        .without_keyring()
        .with_env("HUBINT_PASSPHRASE", "terminal list passphrase");
    for n in 1..=8 {
        let name = format!("integration-{n}");
        let url = format!("registry{n}.example.com:5000");
        let email = format!("alice{n}@example.com");
        let sub = format!("team-platform-{n}");
        env.add(
            &name,
            "pw",
            &[
                "--secret-store",
                "file",
                "--url",
                &url,
                "--email",
                &email,
                "--subscription",
                &sub,
                "--subscription",
                "SUBSCRIPTIONS-shared",
            ],
        );
    }
    env
}

/// The table lines `hubint ARGS` prints on a terminal `cols` wide.
fn table_at(env: &TestEnv, cols: u16, args: &str) -> Vec<String> {
    let script = format!("stty cols {cols} rows 60; exec hubint {args}");
    let mut cmd = env.program("/bin/sh", &["-c", &script]);
    cmd.env_remove("COLUMNS");
    let mut pty = Pty::spawn_command(cmd, true);
    pty.exits_with(0);
    pty.transcript
        .lines()
        .map(|l| l.trim_end_matches('\r').to_string())
        .filter(|l| l.starts_with(['╭', '│', '╞', '╰', '├']))
        .collect()
}

fn cells(line: &str) -> Vec<String> {
    line.trim_matches('│')
        .split('┆')
        .map(|c| c.trim().to_string())
        .collect()
}

fn assert_fits(lines: &[String], cols: usize) {
    // Top, header, separator, 8 rows, bottom: one line per row.
    assert_eq!(lines.len(), 12, "{}", lines.join("\n"));
    for line in lines {
        assert!(line.chars().count() <= cols, "wider than {cols}:\n{line}");
    }
    let header = cells(&lines[1]);
    for column in &header {
        assert!(column.chars().count() >= 4, "a narrow column: {header:?}");
    }
    for (n, row) in lines[3..11].iter().enumerate() {
        let row = cells(row);
        assert_eq!(row.len(), header.len());
        assert_eq!(row[0], format!("integration-{}", n + 1), "names are whole");
        for (cell, column) in row.iter().zip(&header) {
            // A value is whole, or cut with an ellipsis: never broken.
            assert!(
                cell.ends_with('…') || !cell.is_empty(),
                "{column}: {cell:?}"
            );
        }
    }
}

/// One set of eight integrations for every check: each add runs the file
/// store's scrypt.
#[test]
fn list_on_a_terminal() {
    needs_keyring!();
    let env = eight();
    list_fits_80_columns(&env);
    list_fits_120_columns_without_cutting_what_fits(&env);
    wide_and_columns_on_a_terminal(&env);
    subscription_list_fits_too(&env);
}

fn list_fits_80_columns(env: &TestEnv) {
    let lines = table_at(env, 80, "list");
    assert_fits(&lines, 80);
    let header = cells(&lines[1]);
    // The low-value columns went first.
    for dropped in ["UPDATED (UTC)", "EMAIL", "STORE"] {
        assert!(!header.iter().any(|h| h == dropped), "{header:?}");
    }
    assert!(
        lines.iter().any(|l| l.contains('…')),
        "{}",
        lines.join("\n")
    );
}

fn list_fits_120_columns_without_cutting_what_fits(env: &TestEnv) {
    let lines = table_at(env, 120, "list");
    assert_fits(&lines, 120);
    let row = cells(&lines[3]);
    assert!(
        row.contains(&"registry1.example.com:5000".to_string()),
        "{row:?}"
    );
    assert!(
        row.iter()
            .any(|c| c.starts_with("SUBSCRIPTIONS-shared, team-platform")),
        "{row:?}"
    );
}

fn wide_and_columns_on_a_terminal(env: &TestEnv) {
    let wide = table_at(env, 80, "list --wide");
    let header = cells(&wide[1]);
    assert_eq!(header.len(), 9, "{header:?}");
    assert!(wide[3].contains("alice1@example.com"), "{}", wide[3]);
    let picked = table_at(env, 80, "list --columns name,email");
    assert_eq!(cells(&picked[1]), ["NAME", "EMAIL"]);
    assert_eq!(cells(&picked[3]), ["integration-1", "alice1@example.com"]);
}

fn subscription_list_fits_too(env: &TestEnv) {
    let lines = table_at(env, 80, "subscription list");
    assert_eq!(lines.len(), 9 + 4, "{}", lines.join("\n"));
    for line in &lines {
        assert!(line.chars().count() <= 80, "{line}");
    }
    assert!(lines[3].contains("SUBSCRIPTIONS-shared"), "{}", lines[3]);
    assert!(lines[3].ends_with("… │"), "{}", lines[3]);
    let wide = table_at(env, 80, "subscription list --wide");
    assert!(wide[3].contains("integration-8 │"), "{}", wide[3]);
}
