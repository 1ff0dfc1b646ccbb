//! Exclusive writer lock on `<state>.lock`, with a timeout.
//!
//! * The lock file is opened without following a symbolic link (`O_NOFOLLOW`) and without
//!   blocking on a FIFO (`O_NONBLOCK`), and must be a regular file: a link planted at
//!   `cluster.json.lock` in a shared directory cannot make scsim create or truncate a file
//!   elsewhere.
//! * Waiting is a blocking `flock` (in a helper thread) bounded by the deadline, not polling:
//!   a waiter is woken the moment the holder releases the lock, so with many writers none
//!   misses its turn by sleeping through it.

use crate::error::{ErrorCode, Result, ScError};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Longest wait `SCSIM_LOCK_TIMEOUT` may ask for (one day).
pub const MAX_TIMEOUT_S: f64 = 86_400.0;

/// Held while a command writes the state; released on drop.
pub struct StateLock {
    _file: File,
}

pub fn lock_path(state: &Path) -> PathBuf {
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
        match file.try_lock() {
            Ok(()) => return Ok(StateLock { _file: file }),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(e)) => return Err(lock_error(&path, &e)),
        }
        // Busy: wait in a blocking lock call on a second handle of the same open file (the
        // lock belongs to the open file, so it is ours through either handle). If the deadline
        // passes first, the waiting thread gets the lock later, finds nobody to hand it to and
        // drops it.
        let waiter = file.try_clone().map_err(|e| lock_error(&path, &e))?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
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
