//! Reading results back: JSON output, names and ids, the database bytes.

use std::process::{Command, Output, Stdio};

use super::{TestEnv, contains};

impl TestEnv {
    /// Run `hubint ARGS...` with stdin closed and capture its output.
    pub fn output(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run hubint")
    }

    /// `hubint ARGS... --json`, asserting success; stdout parsed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut args = args.to_vec();
        args.push("--json");
        let out = self.output(&args);
        assert!(
            out.status.success(),
            "hubint {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON on stdout")
    }

    /// Run `cmd` like `hubint ... | head -c BYTES`: read that much of its
    /// stdout, close the pipe, and return its exit status and stderr (in
    /// `Output`, whose stdout holds the bytes read).
    pub fn head(&self, mut cmd: Command, bytes: usize) -> Output {
        use std::io::Read;
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn hubint");
        let mut head = vec![0; bytes];
        let mut stdout = child.stdout.take().expect("stdout");
        if let Err(e) = stdout.read_exact(&mut head) {
            let out = child.wait_with_output().expect("wait for hubint");
            panic!(
                "read the head of stdout: {e}; hubint exited {:?}: {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        drop(stdout);
        let mut out = child.wait_with_output().expect("wait for hubint");
        out.stdout = head;
        out
    }

    /// Add an integration (see [`TestEnv::add`]) and return its id.
    pub fn add_id(&self, name: &str, password: &str, extra: &[&str]) -> String {
        self.add(name, password, extra);
        self.id(name)
    }

    /// The id of the integration called `name`.
    pub fn id(&self, name: &str) -> String {
        let show = self.json(&["show", name]);
        show["id"].as_str().expect("id").to_string()
    }

    /// The names of all integrations, in list order.
    pub fn names(&self) -> Vec<String> {
        let list = self.json(&["list"]);
        let list = list.as_array().expect("list --json is an array");
        list.iter()
            .map(|i| i["name"].as_str().expect("name").to_string())
            .collect()
    }

    /// The bytes of the database file alone (no WAL), to check that a
    /// refused command changed nothing.
    /// In the team pass: the catalog's documents and secrets.
    pub fn db_file(&self) -> Vec<u8> {
        if let Some(docs) = self.team_catalog(true) {
            return docs;
        }
        std::fs::read(self.db_path()).expect("read the database")
    }

    /// Panics if the database or its WAL contain `password` (in the team
    /// pass: the catalog's documents on the team mount).
    pub fn assert_no_password_in_db(&self, password: &str) {
        let bytes = self.db_bytes();
        assert!(
            !bytes.is_empty(),
            "no database at {}",
            self.db_path().display()
        );
        assert!(
            !contains(&bytes, password.as_bytes()),
            "the password is in the database files"
        );
    }
}

/// Panics if the output (stdout or stderr) contains `password`.
pub fn assert_no_password_in(out: &Output, password: &str) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert!(
            !contains(bytes, password.as_bytes()),
            "the password appears on {stream}"
        );
    }
}
