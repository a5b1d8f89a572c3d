//! A three-node OpenBao Raft cluster on loopback ports, for the team
//! store's HA tests: each node a `bao server` with raft storage (config
//! HCL in a temp dir, `retry_join` to all three), initialised with one key
//! share, every node unsealed, a leader elected and kv-v2 enabled at
//! `hubint`. [`RaftCluster::kill_leader`] kills the active node and waits
//! for the other two to elect a new one.
//!
//! Include it with `#[path = "common/bao_raft.rs"] mod bao_raft;` next to
//! `mod common;`. The binary is `$HUBINT_TEST_BAO` (exported by
//! `tests/run`); find it with [`bao_or_skip`].
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long the cluster may take to form, or to elect a new leader.
const SETTLE: Duration = Duration::from_secs(60);

/// `$HUBINT_TEST_BAO`, or `None` after reporting the skip (a failure
/// under `tests/run`).
pub fn bao_or_skip() -> Option<PathBuf> {
    let bao = std::env::var_os("HUBINT_TEST_BAO")
        .map(PathBuf::from)
        .filter(|p| p.is_file());
    if crate::common::skip(
        bao.is_none()
            .then(|| "no bao (HUBINT_TEST_BAO)".to_string()),
    ) {
        return None;
    }
    bao
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// One node: its API address and its process (`None` once killed).
pub struct Node {
    pub name: String,
    pub addr: String,
    config: PathBuf,
    log: PathBuf,
    child: Option<Child>,
}

/// The cluster; every node is killed on drop.
pub struct RaftCluster {
    pub bao: PathBuf,
    pub nodes: Vec<Node>,
    pub root_token: String,
    unseal_key: String,
    dir: tempfile::TempDir,
}

impl RaftCluster {
    /// Start, initialise and unseal three nodes; kv-v2 at `hubint`.
    pub fn start(bao: &Path) -> RaftCluster {
        let dir = tempfile::tempdir().expect("temp dir");
        let ports: Vec<(u16, u16)> = (0..3).map(|_| (free_port(), free_port())).collect();
        let joins: String = ports
            .iter()
            .map(|(api, _)| {
                format!("  retry_join {{\n    leader_api_addr = \"http://127.0.0.1:{api}\"\n  }}\n")
            })
            .collect();
        let mut nodes = Vec::new();
        for (i, (api, cluster)) in ports.iter().enumerate() {
            let name = format!("node{}", i + 1);
            let data = dir.path().join(&name);
            std::fs::create_dir(&data).unwrap();
            let hcl = format!(
                "storage \"raft\" {{\n  path = \"{}\"\n  node_id = \"{name}\"\n{joins}}}\n\
                 listener \"tcp\" {{\n  address = \"127.0.0.1:{api}\"\n  \
                 cluster_address = \"127.0.0.1:{cluster}\"\n  tls_disable = true\n}}\n\
                 api_addr = \"http://127.0.0.1:{api}\"\n\
                 cluster_addr = \"https://127.0.0.1:{cluster}\"\n\
                 disable_mlock = true\n",
                data.display()
            );
            let config = dir.path().join(format!("{name}.hcl"));
            std::fs::write(&config, hcl).unwrap();
            nodes.push(Node {
                name: name.clone(),
                addr: format!("http://127.0.0.1:{api}"),
                config,
                log: dir.path().join(format!("{name}.log")),
                child: None,
            });
        }
        let mut cluster = RaftCluster {
            bao: bao.to_path_buf(),
            nodes,
            root_token: String::new(),
            unseal_key: String::new(),
            dir,
        };
        for i in 0..3 {
            cluster.spawn(i);
        }
        cluster.wait_until(
            |c| c.nodes.iter().all(|n| c.answers(n)),
            "every node answers",
        );
        cluster.init();
        cluster.unseal(0);
        cluster.wait_until(|c| c.leader().is_some(), "node1 becomes the leader");
        for i in 1..3 {
            cluster.wait_until(|c| c.unseal(i), "a follower joins and unseals");
        }
        cluster.wait_until(|c| c.voters() == 3, "three voters");
        let leader = cluster.leader().expect("a leader");
        cluster.ok(leader, &["secrets", "enable", "-path=hubint", "kv-v2"]);
        // kv-v2 upgrades its storage first: wait until every node serves it.
        for i in 0..3 {
            cluster.wait_until(
                |c| {
                    let args = ["kv", "put", "-mount=hubint", "fixture/ready", "ok=1"];
                    c.run(i, &args).status.success()
                },
                "kv-v2 at hubint serves writes",
            );
        }
        cluster
    }

    fn spawn(&mut self, i: usize) {
        let node = &mut self.nodes[i];
        let log = std::fs::File::create(&node.log).unwrap();
        let child = Command::new(&self.bao)
            .arg("server")
            .arg(format!("-config={}", node.config.display()))
            .env_clear()
            .env("HOME", self.dir.path())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start bao server");
        node.child = Some(child);
    }

    /// `bao ARGS...` against node `i`, as root.
    pub fn command(&self, i: usize, args: &[&str]) -> Command {
        self.client(i).command(args)
    }

    /// A root client of node `i` that can move to another thread.
    pub fn client(&self, i: usize) -> Client {
        Client {
            bao: self.bao.clone(),
            addr: self.nodes[i].addr.clone(),
            token: self.root_token.clone(),
            home: self.dir.path().to_path_buf(),
        }
    }

    pub fn run(&self, i: usize, args: &[&str]) -> Output {
        self.command(i, args).output().expect("run bao")
    }

    /// `bao ARGS...` against node `i`, which must succeed: stdout, trimmed.
    pub fn ok(&self, i: usize, args: &[&str]) -> String {
        let out = self.run(i, args);
        assert!(
            out.status.success(),
            "bao {args:?} on {} failed: {}",
            self.nodes[i].name,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn init(&mut self) {
        // Bootstrapping Raft takes a while: more than the usual 5 s.
        let args = [
            "operator",
            "init",
            "-key-shares=1",
            "-key-threshold=1",
            "-format=json",
        ];
        let out = self
            .command(0, &args)
            .env("BAO_CLIENT_TIMEOUT", "60s")
            .output()
            .expect("run bao");
        assert!(
            out.status.success(),
            "bao operator init failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let init: serde_json::Value = serde_json::from_slice(&out.stdout).expect("init json");
        self.unseal_key = init["unseal_keys_b64"][0].as_str().unwrap().to_string();
        self.root_token = init["root_token"].as_str().unwrap().to_string();
    }

    /// Try to unseal node `i`; whether it is unsealed.
    fn unseal(&self, i: usize) -> bool {
        let _ = self.run(i, &["operator", "unseal", &self.unseal_key]);
        self.get(i, "sys/seal-status")
            .is_some_and(|s| s["sealed"] == false)
    }

    /// GET `/v1/<path>` on node `i` (unauthenticated endpoints), parsed.
    fn get(&self, i: usize, path: &str) -> Option<serde_json::Value> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(2)))
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent
            .get(format!("{}/v1/{path}", self.nodes[i].addr))
            .call()
            .ok()?;
        let text = response.body_mut().read_to_string().ok()?;
        serde_json::from_str(&text).ok()
    }

    fn answers(&self, node: &Node) -> bool {
        let i = self.nodes.iter().position(|n| n.addr == node.addr).unwrap();
        self.get(i, "sys/seal-status").is_some()
    }

    pub fn alive(&self, i: usize) -> bool {
        self.nodes[i].child.is_some()
    }

    /// The index of the active node, as a live node that says it is.
    pub fn leader(&self) -> Option<usize> {
        (0..self.nodes.len()).filter(|&i| self.alive(i)).find(|&i| {
            self.get(i, "sys/leader")
                .is_some_and(|l| l["is_self"] == true)
        })
    }

    /// How many voters the leader's Raft configuration has.
    fn voters(&self) -> usize {
        let Some(leader) = self.leader() else {
            return 0;
        };
        let out = self.run(leader, &["operator", "raft", "list-peers", "-format=json"]);
        let Ok(peers) = serde_json::from_slice::<serde_json::Value>(&out.stdout) else {
            return 0;
        };
        peers["data"]["config"]["servers"]
            .as_array()
            .map_or(0, |s| s.iter().filter(|p| p["voter"] == true).count())
    }

    /// Kill the leader (SIGKILL) and wait until another node leads;
    /// returns (the killed node, the new leader).
    pub fn kill_leader(&mut self) -> (usize, usize) {
        let old = self.leader().expect("a leader to kill");
        let mut child = self.nodes[old].child.take().unwrap();
        let _ = child.kill();
        let _ = child.wait();
        self.wait_until(|c| c.leader().is_some_and(|l| l != old), "a new leader");
        (old, self.leader().unwrap())
    }

    /// A node that is alive and not the leader (where a client stays
    /// connected while the leader is killed), else the leader.
    pub fn follower(&self) -> usize {
        let leader = self.leader();
        (0..self.nodes.len())
            .find(|&i| self.alive(i) && Some(i) != leader)
            .or(leader)
            .expect("a live node")
    }

    fn wait_until(&self, mut done: impl FnMut(&RaftCluster) -> bool, what: &str) {
        let deadline = Instant::now() + SETTLE;
        while Instant::now() < deadline {
            if done(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let logs: String = self
            .nodes
            .iter()
            .map(|n| {
                let text = std::fs::read_to_string(&n.log).unwrap_or_default();
                let tail: Vec<&str> = text.lines().rev().take(15).collect();
                format!(
                    "--- {} ---\n{}\n",
                    n.name,
                    tail.into_iter().rev().collect::<Vec<_>>().join("\n")
                )
            })
            .collect();
        panic!("raft cluster: timed out waiting until {what}\n{logs}");
    }
}

/// `bao` as root against one node (see [`RaftCluster::client`]).
#[derive(Clone)]
pub struct Client {
    bao: PathBuf,
    pub addr: String,
    token: String,
    home: PathBuf,
}

impl Client {
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bao);
        cmd.args(args)
            .env_clear()
            .env("HOME", &self.home)
            .env("BAO_ADDR", &self.addr)
            .env("BAO_TOKEN", &self.token)
            .env("BAO_CLIENT_TIMEOUT", "5s")
            .stdin(Stdio::null());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run bao")
    }
}

impl Drop for RaftCluster {
    fn drop(&mut self) {
        for node in &mut self.nodes {
            if let Some(mut child) = node.child.take() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}
