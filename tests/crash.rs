//! Crash consistency: hubint is killed (`kill -9`, or `abort` at a
//! failpoint) at random points of add, edit, delete and move, a few hundred
//! times, with integrations in both the OS keyring and the encrypted file
//! store. After each crash the integration it touched must read its old or
//! its new password; at the end every integration `list` shows reads its
//! password, no row lacks its secret, and `doctor --fix` leaves everything
//! healthy (the orphans the crashes left are removed).
//!
//! `HUBINT_TEST_CRASH_KILLS` sets the number of crashes (default 150);
//! `HUBINT_TEST_SEED` replays a run.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::{Rng, TestEnv, assert_ok, assert_sane, kill9, scale, summary, wait_for};

const PASS: &str = "crash test passphrase";

/// What the test knows of one integration.
#[derive(Clone, Debug)]
struct Known {
    password: String,
    store: &'static str,
}

/// How a run of hubint is brought down.
#[derive(Debug, Clone, Copy)]
enum Crash {
    /// `HUBINT_FAILPOINT=POINT:abort`: dies at the point.
    Abort(&'static str),
    /// Stops at the point and is killed there with SIGKILL.
    KillAt(&'static str),
    /// SIGKILL after a random delay, wherever it is.
    KillAfter(Duration),
}

struct Run<'a> {
    env: &'a TestEnv,
    rng: Rng,
    known: BTreeMap<String, Known>,
    crashes: usize,
}

fn other(store: &str) -> &'static str {
    if store == "keyring" {
        "file"
    } else {
        "keyring"
    }
}

impl Run<'_> {
    fn context(&self, what: &str) -> String {
        format!("{what} (HUBINT_TEST_SEED={})", self.rng.seed)
    }

    /// Run `args` and bring it down as `crash` says; whether it died.
    fn crash(&mut self, args: &[&str], stdin: &str, crash: Crash) -> bool {
        let crashed = match crash {
            Crash::Abort(point) => {
                let out = self
                    .env
                    .spawn(args, stdin, Some(&format!("{point}:abort")))
                    .wait_with_output()
                    .expect("wait");
                assert_sane(&self.context(&format!("{args:?}")), &out);
                out.status.code().is_none()
            }
            Crash::KillAt(point) => {
                let mut child = self.env.spawn(args, stdin, Some(point));
                let stopped = wait_for(&mut child, &format!("failpoint {point}"));
                kill9(child) && stopped
            }
            Crash::KillAfter(delay) => {
                let child = self.env.spawn(args, stdin, None);
                std::thread::sleep(delay);
                kill9(child)
            }
        };
        self.crashes += usize::from(crashed);
        crashed
    }

    /// The integration as `show` has it now: (store, password), or `None`.
    fn observe(&self, name: &str) -> Option<(String, String)> {
        let out = self.env.output(&["show", name, "--json"]);
        assert_sane(&self.context("show"), &out);
        if out.status.code() == Some(3) {
            return None;
        }
        assert_ok(&self.context(&format!("show {name}")), &out);
        let row: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let store = row["secret_store"].as_str().unwrap().to_string();
        Some((store, self.password(name)))
    }

    /// The password `env` reads for `name` (it must read one).
    fn password(&self, name: &str) -> String {
        let out = self.env.output(&["env", name, "--json"]);
        assert_ok(
            &self.context(&format!("{name} cannot read its secret")),
            &out,
        );
        let vars: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let key = format!(
            "{}_INTEGRATION_PASSWORD",
            name.to_uppercase().replace('-', "_")
        );
        vars[&key].as_str().expect("password variable").to_string()
    }

    fn step(&mut self, n: usize) {
        let delay = Duration::from_millis(self.rng.below(120));
        let names: Vec<String> = self.known.keys().cloned().collect();
        let op = if names.len() < 3 {
            0
        } else {
            self.rng.below(4)
        };
        let password = format!("pw-{n}-{}", self.rng.below(1 << 20));
        let chaos = self.rng.below(3);
        if op == 0 {
            let name = format!("c{n}");
            let store = if self.rng.below(3) == 0 {
                "file"
            } else {
                "keyring"
            };
            let point = if store == "file" && self.rng.below(2) == 0 {
                "file-store-before-rename"
            } else {
                "create-after-secret"
            };
            let args = [
                "add",
                "--name",
                &name,
                "--username",
                "u",
                "--password-stdin",
                "--secret-store",
                store,
            ];
            self.crash(&args, &password, crash(chaos, point, delay));
            match self.observe(&name) {
                None => {}
                Some((seen, read)) => {
                    assert_eq!(
                        (seen.as_str(), read.as_str()),
                        (store, password.as_str()),
                        "{}",
                        self.context(&name)
                    );
                    self.known.insert(name, Known { password, store });
                }
            }
            return;
        }
        let name = self.rng.pick(&names).clone();
        let before = self.known[&name].clone();
        match op {
            1 => {
                let args = ["edit", &name, "--password-stdin"];
                self.crash(&args, &password, crash(chaos, "update-after-secret", delay));
                let (_, read) = self.observe(&name).expect("an edit never deletes");
                assert!(
                    read == before.password || read == password,
                    "{}: read {read}",
                    self.context(&name)
                );
                self.known.get_mut(&name).unwrap().password = read;
            }
            2 => {
                let point = *self
                    .rng
                    .pick(&["delete-after-commit", "delete-after-secret"]);
                self.crash(&["delete", &name, "--yes"], "", crash(chaos, point, delay));
                match self.observe(&name) {
                    None => {
                        self.known.remove(&name);
                    }
                    Some((_, read)) => assert_eq!(read, before.password, "{}", self.context(&name)),
                }
            }
            _ => {
                let to = other(before.store);
                let point = *self
                    .rng
                    .pick(&["move-before-commit", "move-before-old-delete"]);
                self.crash(&["move", &name, "--to", to], "", crash(chaos, point, delay));
                let (store, read) = self.observe(&name).expect("a move never deletes");
                assert_eq!(read, before.password, "{}", self.context(&name));
                assert!(store == before.store || store == to, "{store}");
                self.known.get_mut(&name).unwrap().store =
                    if store == to { to } else { before.store };
            }
        }
    }
}

fn crash(chaos: u64, point: &'static str, delay: Duration) -> Crash {
    match chaos {
        0 => Crash::Abort(point),
        1 => Crash::KillAt(point),
        _ => Crash::KillAfter(delay),
    }
}

#[test]
fn kill_9_at_random_points_loses_nothing() {
    needs_keyring!();
    let env = TestEnv::new().with_env("HUBINT_PASSPHRASE", PASS);
    let kills = scale("HUBINT_TEST_CRASH_KILLS", 150);
    let mut run = Run {
        env: &env,
        rng: Rng::new(),
        known: BTreeMap::new(),
        crashes: 0,
    };
    let mut steps = 0;
    while run.crashes < kills {
        run.step(steps);
        steps += 1;
        assert!(steps < kills * 4, "{}", run.context("too few runs crashed"));
    }

    // Every row reads its password; none is without it, so doctor names no
    // missing secret, only the orphans the crashes left.
    let names = env.names();
    assert_eq!(
        names,
        run.known.keys().cloned().collect::<Vec<_>>(),
        "{}",
        run.context("rows")
    );
    for (name, known) in &run.known {
        assert_eq!(run.password(name), known.password, "{}", run.context(name));
    }
    let report = env.output(&["doctor", "--json"]);
    assert_sane("doctor", &report);
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    for finding in report["checks"].as_array().unwrap() {
        if finding["status"] == "problem" {
            assert_eq!(
                finding["check"],
                "orphans",
                "{}: {finding:#}",
                run.context("doctor")
            );
        }
    }
    let orphans = report["problems"].as_u64().unwrap();
    let fixed = env.output(&["doctor", "--fix"]);
    assert_ok(&run.context("doctor --fix"), &fixed);
    let again = env.json(&["doctor"]);
    assert_eq!(again["healthy"], true, "{again:#}");
    assert_eq!(again["fixed"], 0, "{again:#}");
    let pending = hubint::db::Db::open(&env.db_path())
        .and_then(|db| hubint::service::catalog::CatalogRead::pending(&db))
        .unwrap();
    assert!(pending.is_empty(), "pending secrets left: {pending:?}");
    for (name, known) in &run.known {
        assert_eq!(run.password(name), known.password, "{}", run.context(name));
    }
    summary(&format!(
        "crash consistency: {} kill points survived in {steps} runs of add, edit, delete and move \
         (keyring and file store); {orphans} orphan secrets found and removed by doctor --fix, \
         {} integrations intact, nothing lost",
        run.crashes,
        run.known.len()
    ));
}
