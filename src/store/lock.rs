//! Exclusive writer lock on `<state>.lock`, with a timeout.

use crate::error::{ErrorCode, Result, ScError};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Held while a command writes the state; released on drop.
pub struct StateLock {
    _file: File,
}

pub fn lock_path(state: &Path) -> PathBuf {
    let mut name = state.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    state.with_file_name(name)
}

impl StateLock {
    pub fn acquire(state: &Path, timeout: Duration) -> Result<StateLock> {
        let path = lock_path(state);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
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
            })?;
        let deadline = Instant::now() + timeout;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(StateLock { _file: file }),
                Err(TryLockError::WouldBlock) => {
                    if Instant::now() >= deadline {
                        return Err(ScError::new(
                            ErrorCode::Reconf,
                            format!(
                                "cluster state {} is locked by another command (waited {} s)",
                                state.display(),
                                timeout.as_secs_f64()
                            ),
                        )
                        .hint("wait for the other command to finish, or raise SCSIM_LOCK_TIMEOUT (seconds)"));
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(TryLockError::Error(e)) => {
                    return Err(ScError::internal(format!(
                        "cannot lock {}: {e}",
                        path.display()
                    )));
                }
            }
        }
    }
}
