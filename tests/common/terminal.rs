//! `hubint` in a pseudo-terminal, for the prompt tests (dialoguer refuses
//! to prompt on anything else).
#![cfg(unix)]

use std::fs::File;
use std::os::unix::io::AsRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rexpect::process::WaitStatus;
use rexpect::session::{Options, PtySession, spawn_with_options};

use super::TestEnv;

/// Generous: the keyring and a loaded machine can be slow. Not an assertion
/// on speed, only a bound on how long a broken test hangs.
pub const TIMEOUT_MS: u64 = 10_000;

pub const ENTER: &str = "\r";
pub const SPACE: &str = " ";
pub const DOWN: &str = "\x1b[B";
pub const CTRL_C: &str = "\x03";

/// `hubint ARGS...` running in a pseudo-terminal, with everything it printed
/// so far kept for assertions and failure messages.
pub struct Pty {
    session: PtySession,
    /// The master side of the terminal, to read its settings.
    master: File,
    pub transcript: String,
}

impl Pty {
    pub fn spawn(env: &TestEnv, args: &[&str]) -> Pty {
        Self::spawn_with(env, args, true)
    }

    /// `strip_ansi`: drop escape sequences from the transcript (cursor
    /// movement and line clearing; colours are off through NO_COLOR).
    pub fn spawn_with(env: &TestEnv, args: &[&str], strip_ansi: bool) -> Pty {
        Self::spawn_command(env.cmd(args), strip_ansi)
    }

    /// Any program (`hubint` from [`TestEnv::cmd`], or another tool) in a
    /// pseudo-terminal.
    pub fn spawn_command(mut cmd: Command, strip_ansi: bool) -> Pty {
        // The pty is stdin, stdout and stderr: undo the helper's null stdin.
        cmd.stdin(Stdio::inherit()).env("TERM", "xterm-256color");
        // rexpect turns echo off; a real terminal has it on, and the password
        // prompt turning it off is how `expect_password` knows it is ready.
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
                if libc::tcgetattr(0, termios.as_mut_ptr()) == 0 {
                    let mut termios = termios.assume_init();
                    termios.c_lflag |= libc::ECHO;
                    libc::tcsetattr(0, libc::TCSANOW, &termios);
                }
                Ok(())
            });
        }
        let options = Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(strip_ansi);
        let session = spawn_with_options(cmd, options).expect("spawn in a pty");
        let master = session.process().get_file_handle().expect("pty master");
        Pty {
            session,
            master,
            transcript: String::new(),
        }
    }

    /// Wait until `text` is printed.
    pub fn expect(&mut self, text: &str) -> &mut Self {
        match self.session.exp_string(&as_bytes_read(text)) {
            Ok(before) => {
                self.transcript.push_str(&decode(&before));
                self.transcript.push_str(text);
            }
            Err(err) => panic!(
                "waiting for {text:?}: {err}\n--- transcript so far ---\n{}",
                self.transcript
            ),
        }
        self
    }

    /// Wait for a password prompt and until it reads input with echo off.
    pub fn expect_password(&mut self, text: &str) -> &mut Self {
        self.expect(text);
        let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
        while self.echo() {
            assert!(
                Instant::now() < deadline,
                "the password prompt {text:?} never turned echo off\n{}",
                self.transcript
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        self
    }

    /// Type `keys` (no newline is added).
    pub fn send(&mut self, keys: &str) -> &mut Self {
        self.session.send(keys).expect("write to the pty");
        self.session.flush().expect("flush the pty");
        self
    }

    /// Type a line and press Enter.
    pub fn line(&mut self, text: &str) -> &mut Self {
        self.send(&format!("{text}{ENTER}"))
    }

    /// Whether the terminal echoes input (the slave's settings, read
    /// through the master).
    pub fn echo(&self) -> bool {
        let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills `termios` when it returns 0.
        unsafe {
            assert_eq!(
                libc::tcgetattr(self.master.as_raw_fd(), termios.as_mut_ptr()),
                0,
                "tcgetattr on the pty master"
            );
            termios.assume_init().c_lflag & libc::ECHO != 0
        }
    }

    /// Read to the end and return how the process ended.
    pub fn finish(&mut self) -> WaitStatus {
        match self.session.exp_eof() {
            Ok(rest) => self.transcript.push_str(&decode(&rest)),
            Err(err) => panic!(
                "waiting for hubint to exit: {err}\n--- transcript ---\n{}",
                self.transcript
            ),
        }
        self.session.process().wait().expect("wait for hubint")
    }

    /// Read to the end and assert the exit code.
    pub fn exits_with(&mut self, code: i32) -> &mut Self {
        match self.finish() {
            WaitStatus::Exited(_, got) => assert_eq!(
                got, code,
                "exit code\n--- transcript ---\n{}",
                self.transcript
            ),
            other => panic!("{other:?}\n--- transcript ---\n{}", self.transcript),
        }
        self
    }
}

/// rexpect reads the terminal byte by byte and makes each byte a `char`: the
/// UTF-8 of `✔` arrives as three chars. `text` as it will be read.
fn as_bytes_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// What rexpect read, decoded as the UTF-8 it was.
fn decode(read: &str) -> String {
    if read.chars().all(|c| (c as u32) < 256) {
        let bytes: Vec<u8> = read.chars().map(|c| c as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        read.to_string()
    }
}
