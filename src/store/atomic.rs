//! Atomic replacement of a file: temp file in the same directory, fsync, rename, fsync dir.

use crate::error::{ErrorCode, Result, ScError};
use std::io::Write;
use std::path::Path;

/// Replace `path` with what `write` produces, atomically. `write` gets a buffered writer on the
/// temp file, so a large state is serialized straight to disk rather than into memory first.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let io_err = |what: &str, e: std::io::Error| {
        let code = if e.kind() == std::io::ErrorKind::PermissionDenied {
            ErrorCode::Access
        } else {
            ErrorCode::Internal
        };
        ScError::new(
            code,
            format!(
                "cannot write cluster state file {}: {what}: {e}",
                path.display()
            ),
        )
        .hint("the previous state was left unchanged")
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".scsim-state-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| io_err("creating a temporary file", e))?;
    {
        let mut w = std::io::BufWriter::with_capacity(256 * 1024, tmp.as_file_mut());
        write(&mut w)
            .and_then(|()| w.flush())
            .map_err(|e| io_err("writing", e))?;
    }
    // Keep the permissions of the file being replaced (a temp file is created 0600); a new
    // file gets the usual 0644.
    let perms = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => default_permissions(),
    };
    tmp.as_file()
        .set_permissions(perms)
        .map_err(|e| io_err("setting permissions", e))?;
    tmp.as_file().sync_all().map_err(|e| io_err("fsync", e))?;
    tmp.persist(path)
        .map_err(|e| io_err("renaming into place", e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> std::fs::Permissions {
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("temporary file metadata")
}
