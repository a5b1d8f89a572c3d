//! Process hardening at start-up, as ssh-agent and gpg-agent do: hubint
//! holds passwords in memory, so it must not leave them in a core file nor
//! let another process of the same user read its memory.
//!
//! - Every Unix: `RLIMIT_CORE` 0, so a crash (`kill -SEGV`) writes no core.
//! - Linux: `PR_SET_DUMPABLE` 0 as well, which also stops `ptrace` and
//!   `/proc/PID/mem` from other processes of the user (root still can).
//! - FreeBSD: `procctl(PROC_TRACE_CTL_DISABLE_EXEC)`; macOS:
//!   `ptrace(PT_DENY_ATTACH)`, as ssh-agent does on each.
//!
//! `hubint exec` gives its command the core limit hubint started with
//! ([`restore_for_child`]); the kernel makes an exec'd program dumpable again.

#[cfg(unix)]
use std::sync::OnceLock;

/// The core limit hubint started with, restored for `exec`'s command.
#[cfg(unix)]
static ORIGINAL_CORE: OnceLock<libc::rlimit> = OnceLock::new();

/// Apply the hardening. Failures are ignored: a platform that refuses is
/// no worse off than without it.
pub fn apply() {
    #[cfg(unix)]
    // SAFETY: getrlimit/setrlimit only read and write the struct passed.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_CORE, &mut limit) == 0 {
            let _ = ORIGINAL_CORE.set(limit);
        }
        let zero = libc::rlimit {
            rlim_cur: 0,
            rlim_max: limit.rlim_max,
        };
        libc::setrlimit(libc::RLIMIT_CORE, &zero);
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: PR_SET_DUMPABLE takes a plain integer argument.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    #[cfg(target_os = "freebsd")]
    // SAFETY: the data argument points to a live c_int.
    unsafe {
        let mut mode: libc::c_int = libc::PROC_TRACE_CTL_DISABLE_EXEC;
        libc::procctl(
            libc::P_PID,
            libc::getpid() as libc::id_t,
            libc::PROC_TRACE_CTL,
            (&mut mode as *mut libc::c_int).cast(),
        );
    }
    #[cfg(target_os = "macos")]
    // SAFETY: PT_DENY_ATTACH takes no address or data.
    unsafe {
        libc::ptrace(libc::PT_DENY_ATTACH, 0, std::ptr::null_mut(), 0);
    }
}

/// Give `command` the core limit hubint started with.
#[cfg(unix)]
pub fn restore_for_child(command: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    let Some(original) = ORIGINAL_CORE.get().copied() else {
        return;
    };
    // SAFETY: setrlimit is async-signal-safe and touches no shared state.
    unsafe {
        command.pre_exec(move || {
            libc::setrlimit(libc::RLIMIT_CORE, &original);
            Ok(())
        });
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn no_core_and_not_dumpable() {
        super::apply();
        let mut limit = libc::rlimit {
            rlim_cur: 1,
            rlim_max: 1,
        };
        // SAFETY: reads into the struct passed.
        assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) }, 0);
        assert_eq!(limit.rlim_cur, 0);
        // SAFETY: no arguments are read.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_DUMPABLE) }, 0);
    }
}
