//! Exclusive writer lock on `<state>.lock`, with a timeout.
//!
//! * The lock file is opened without following a symbolic link (`O_NOFOLLOW`) and without
//!   blocking on a FIFO (`O_NONBLOCK`), and must be a regular file: a link planted at
//!   `cluster.json.lock` in a shared directory cannot make scsim create or truncate a file
//!   elsewhere.
//! * Waiting is blocking (in a helper thread) and bounded by the deadline, not polling, and
//!   writers are served in arrival order: on Linux each takes a ticket (a counter in the lock
//!   file, under a byte-range lock) and waits for its predecessor's byte-range lock to go
//!   before it takes the `flock` ([`queue`]). The `flock` alone is what excludes writers; the
//!   queue only orders them, and a writer that dies or gives up releases its place.

use crate::error::{ErrorCode, Result, ScError};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Longest wait `SCSIM_LOCK_TIMEOUT` may ask for (one day).
pub(super) const MAX_TIMEOUT_S: f64 = 86_400.0;

/// Held while a command writes the state; released on drop.
pub struct StateLock {
    _file: File,
}

pub(super) fn lock_path(state: &Path) -> PathBuf {
    let mut name = state.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    state.with_file_name(name)
}

fn open_error(path: &Path, e: &std::io::Error) -> ScError {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return ScError::new(
            ErrorCode::Access,
            format!(
                "lock file {} is a symbolic link; scsim does not follow it",
                path.display()
            ),
        )
        .hint(format!(
            "remove it (rm {}); scsim creates its lock file itself",
            path.display()
        ));
    }
    let code = if e.kind() == std::io::ErrorKind::PermissionDenied {
        ErrorCode::Access
    } else {
        ErrorCode::Internal
    };
    ScError::new(
        code,
        format!("cannot open lock file {}: {e}", path.display()),
    )
    .hint("this command changes the cluster and needs write access to the state file's directory")
}

/// Open (creating it if needed) the lock file: never through a symbolic link, never blocking,
/// and only if it is a regular file.
fn open_lock(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    if let Ok(m) = std::fs::symlink_metadata(path)
        && !m.file_type().is_file()
    {
        return Err(not_regular(path, &m));
    }
    let file = opts.open(path).map_err(|e| open_error(path, &e))?;
    let m = file.metadata().map_err(|e| open_error(path, &e))?;
    if !m.file_type().is_file() {
        return Err(not_regular(path, &m));
    }
    Ok(file)
}

fn not_regular(path: &Path, m: &std::fs::Metadata) -> ScError {
    ScError::new(
        ErrorCode::Access,
        format!(
            "lock file {} is not a regular file ({}); refusing to use it",
            path.display(),
            super::file::kind_name(m)
        ),
    )
    .hint(format!(
        "remove it (rm {}); scsim creates its lock file itself",
        path.display()
    ))
}

impl StateLock {
    pub fn acquire(state: &Path, timeout: Duration) -> Result<StateLock> {
        let path = lock_path(state);
        let file = open_lock(&path)?;
        // Join the queue (it may be empty); then the flock is free or about to be.
        let queued = queue::join(&file);
        if queued.is_none_or(|t| queue::turn_now(&file, t)) {
            match file.try_lock() {
                Ok(()) => return Ok(StateLock { _file: file }),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => return Err(lock_error(&path, &e)),
            }
        }
        // Busy: wait in a blocking lock call on a second handle of the same open file (the
        // lock belongs to the open file, so it is ours through either handle). If the deadline
        // passes first, the waiting thread gets the lock later, finds nobody to hand it to and
        // drops it.
        let waiter = file.try_clone().map_err(|e| lock_error(&path, &e))?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            if let Some(ticket) = queued {
                queue::wait_turn(&waiter, ticket);
            }
            let r = waiter.lock();
            let _ = tx.send(r);
            drop(waiter);
        });
        match rx.recv_timeout(timeout) {
            Ok(Ok(())) => Ok(StateLock { _file: file }),
            Ok(Err(e)) => Err(lock_error(&path, &e)),
            Err(_) => Err(ScError::new(
                ErrorCode::Reconf,
                format!(
                    "cluster state {} is locked by another command (waited {} s)",
                    state.display(),
                    timeout.as_secs_f64()
                ),
            )
            .hint("wait for the other command to finish, or raise SCSIM_LOCK_TIMEOUT (seconds)")),
        }
    }
}

/// Arrival order for writers (Linux: open-file-description byte-range locks, which belong to
/// the open file like the flock and go away when it is closed, even by kill -9).
///
/// Byte 0 of the lock file guards a ticket counter stored in its first 8 bytes. A writer takes
/// ticket N, locks byte `BASE + N` (its place) while still holding byte 0, and then waits for
/// byte `BASE + N − 1`: its predecessor holds that until it is done. Elsewhere (`None`), the
/// flock alone decides.
mod queue {
    use std::fs::File;

    #[cfg(target_os = "linux")]
    const BASE: i64 = 1 << 32;

    #[cfg(target_os = "linux")]
    fn range_lock(file: &File, start: i64, wait: bool, unlock: bool) -> bool {
        use std::os::fd::AsRawFd;
        // SAFETY: a zeroed flock is a valid value; the fields set are plain integers.
        let mut fl: libc::flock = unsafe { std::mem::zeroed() };
        fl.l_type = if unlock { libc::F_UNLCK } else { libc::F_WRLCK } as libc::c_short;
        fl.l_whence = libc::SEEK_SET as libc::c_short;
        fl.l_start = start as libc::off_t;
        fl.l_len = 1;
        let cmd = if wait {
            libc::F_OFD_SETLKW
        } else {
            libc::F_OFD_SETLK
        };
        loop {
            // SAFETY: fcntl on an open descriptor with a valid flock pointer.
            let rc = unsafe { libc::fcntl(file.as_raw_fd(), cmd, &mut fl) };
            if rc == 0 {
                return true;
            }
            if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                return false;
            }
        }
    }

    /// Take a ticket and hold its place. `None` if the platform or file system cannot.
    #[cfg(target_os = "linux")]
    pub(super) fn join(file: &File) -> Option<u64> {
        use std::os::unix::fs::FileExt;
        if !range_lock(file, 0, true, false) {
            return None;
        }
        let mut buf = [0u8; 8];
        let n = match file.read_at(&mut buf, 0) {
            Ok(8) => u64::from_le_bytes(buf),
            _ => 0,
        } % (1 << 40);
        let ticket = n + 1;
        let ok = file.write_at(&ticket.to_le_bytes(), 0).is_ok()
            && range_lock(file, BASE + ticket as i64, false, false);
        range_lock(file, 0, false, true);
        ok.then_some(ticket)
    }

    /// Block until the writer before `ticket` is done (or gone).
    #[cfg(target_os = "linux")]
    pub(super) fn wait_turn(file: &File, ticket: u64) {
        let prev = BASE + ticket as i64 - 1;
        if range_lock(file, prev, true, false) {
            range_lock(file, prev, false, true);
        }
    }

    /// Whether the writer before `ticket` is already done (no waiting).
    #[cfg(target_os = "linux")]
    pub(super) fn turn_now(file: &File, ticket: u64) -> bool {
        let prev = BASE + ticket as i64 - 1;
        range_lock(file, prev, false, false) && range_lock(file, prev, false, true)
    }

    #[cfg(not(target_os = "linux"))]
    pub fn turn_now(_file: &File, _ticket: u64) -> bool {
        true
    }

    #[cfg(not(target_os = "linux"))]
    pub fn join(_file: &File) -> Option<u64> {
        None
    }

    #[cfg(not(target_os = "linux"))]
    pub fn wait_turn(_file: &File, _ticket: u64) {}
}

fn lock_error(path: &Path, e: &std::io::Error) -> ScError {
    ScError::internal(format!("cannot lock {}: {e}", path.display()))
}

/// Parse `SCSIM_LOCK_TIMEOUT`: seconds, a finite number from 0 to [`MAX_TIMEOUT_S`].
pub fn parse_timeout(s: &str) -> Option<Duration> {
    let v = s.trim().parse::<f64>().ok()?;
    if !v.is_finite() || !(0.0..=MAX_TIMEOUT_S).contains(&v) {
        return None;
    }
    Duration::try_from_secs_f64(v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeout_is_bounded() {
        assert_eq!(parse_timeout("1.5"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_timeout("0"), Some(Duration::ZERO));
        assert_eq!(parse_timeout("86400"), Some(Duration::from_secs(86_400)));
        for bad in [
            "1e30", "1e19", "86401", "-1", "NaN", "inf", "", "abc", "1e309",
        ] {
            assert_eq!(parse_timeout(bad), None, "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_or_fifo_at_the_lock_path_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("s.json");
        let target = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&target, lock_path(&state)).unwrap();
        let e = StateLock::acquire(&state, Duration::ZERO)
            .err()
            .expect("symlinked lock accepted");
        assert_eq!(e.code, ErrorCode::Access);
        assert!(e.message.contains("symbolic link"), "{}", e.message);
        assert!(!target.exists(), "the link's target was created");
        std::fs::remove_file(lock_path(&state)).unwrap();
        let c = std::ffi::CString::new(lock_path(&state).to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = StateLock::acquire(&state, Duration::ZERO)
            .err()
            .expect("fifo lock accepted");
        assert!(e.message.contains("not a regular file"), "{}", e.message);
    }

    #[test]
    fn waiters_get_the_lock_when_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("s.json");
        let held = StateLock::acquire(&state, Duration::ZERO).unwrap();
        let e = StateLock::acquire(&state, Duration::from_millis(50))
            .err()
            .expect("lock taken twice");
        assert_eq!(e.code, ErrorCode::Reconf);
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            drop(held);
        });
        let start = std::time::Instant::now();
        let _l = StateLock::acquire(&state, Duration::from_secs(10)).unwrap();
        assert!(start.elapsed() < Duration::from_secs(5));
        t.join().unwrap();
    }
}
