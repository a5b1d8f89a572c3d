//! Running hubint as root and as an unprivileged user (created by
//! `tests/run`: `HUBINT_TEST_USER`, default `hubint-test`), and small
//! tmpfs mounts for full and read-only disks. Both need root; a test run
//! without it says so and skips those cases.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{HELPER, TestEnv, bin};

/// Who runs hubint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Root,
    User { uid: u32, gid: u32 },
}

/// Whether the tests run as root.
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The unprivileged test user, if the tests run as root and it exists.
pub fn test_user() -> Option<Who> {
    if !is_root() {
        return None;
    }
    let name = std::env::var("HUBINT_TEST_USER").unwrap_or_else(|_| "hubint-test".into());
    let id = |flag: &str| -> Option<u32> {
        let out = Command::new("id").args([flag, &name]).output().ok()?;
        String::from_utf8_lossy(&out.stdout).trim().parse().ok()
    };
    Some(Who::User {
        uid: id("-u")?,
        gid: id("-g")?,
    })
}

/// Root, then the unprivileged user: who a test that depends on ownership
/// runs as. Panics inside `tests/run` if the user is missing.
pub fn everyone() -> Vec<Who> {
    let mut all = vec![Who::Root];
    match test_user() {
        Some(user) => all.push(user),
        None => {
            assert!(
                !(is_root() && std::env::var_os("HUBINT_TEST_KEYRING").is_some()),
                "tests/run should have created the test user"
            );
            eprintln!("note: no unprivileged test user: the cases as that user are skipped");
        }
    }
    all
}

impl TestEnv {
    /// `hubint ARGS...` run by `who`.
    pub fn cmd_as(&self, who: Who, args: &[&str]) -> Command {
        self.program_as(who, bin(), args)
    }

    /// `docker-credential-hubint ARGS...` run by `who`.
    pub fn helper_as(&self, who: Who, args: &[&str]) -> Command {
        self.program_as(who, self.bin_dir.join(HELPER), args)
    }

    /// Any program run by `who`.
    pub fn program_as_user(&self, who: Who, program: &str, args: &[&str]) -> Command {
        self.program_as(who, PathBuf::from(program), args)
    }

    fn program_as(&self, who: Who, program: PathBuf, args: &[&str]) -> Command {
        match who {
            Who::Root => self.program(program, args),
            Who::User { uid, gid } => {
                let (uid, gid) = (uid.to_string(), gid.to_string());
                let program = program.display().to_string();
                let mut all = vec![
                    "--reuid",
                    &uid,
                    "--regid",
                    &gid,
                    "--clear-groups",
                    "--",
                    &program,
                ];
                all.extend_from_slice(args);
                self.program("setpriv", &all)
            }
        }
    }

    /// Hand HOME (and so HUBINT_HOME) to `who`; its parents become
    /// traversable (0755, still root's).
    pub fn give_to(&self, who: Who) {
        let Who::User { uid, gid } = who else {
            return;
        };
        chmod(self.root(), 0o755);
        chown_all(&self.home, uid, gid);
    }
}

/// Hand `path` (and what is inside) to `who`.
pub fn give_path(path: &Path, who: Who) {
    if let Who::User { uid, gid } = who {
        chown_all(path, uid, gid);
    }
}

pub fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `chown -R` without following links.
pub fn chown_all(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(gid)).unwrap();
    if std::fs::symlink_metadata(path).unwrap().is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            chown_all(&entry.unwrap().path(), uid, gid);
        }
    }
}

/// A small tmpfs mounted for one test, unmounted when dropped.
pub struct Tmpfs {
    pub dir: tempfile::TempDir,
}

impl Tmpfs {
    /// A tmpfs of `size` (e.g. "2m") mounted at a new directory (mode
    /// 0755), or `None` (with a note) when not root.
    pub fn mount(size: &str) -> Option<Tmpfs> {
        if !is_root() {
            eprintln!("note: not root, so no tmpfs: the full and read-only disk cases are skipped");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        run(
            "mount",
            &[
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0755"),
                "tmpfs",
            ],
            dir.path(),
        );
        Some(Tmpfs { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remount it read-only (or read-write again).
    pub fn read_only(&self, yes: bool) {
        let opt = if yes { "remount,ro" } else { "remount,rw" };
        run("mount", &["-o", opt], self.path());
    }

    /// Fill it up: one file takes every free block.
    pub fn fill(&self) {
        let _ = std::fs::write(self.path().join("filler"), vec![0u8; 64 << 20]);
        // What the write left: the last blocks, in small pieces.
        let mut n = 0;
        while std::fs::write(self.path().join(format!("f{n}")), [0u8; 512]).is_ok() && n < 1000 {
            n += 1;
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.path()).status();
    }
}

fn run(program: &str, args: &[&str], path: &Path) {
    let status = Command::new(program)
        .args(args)
        .arg(path)
        .status()
        .expect(program);
    assert!(
        status.success(),
        "{program} {args:?} {} failed",
        path.display()
    );
}
