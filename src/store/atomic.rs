//! Atomic replacement of a file: temp file in the same directory, fsync, rename, fsync dir.
//! The new file keeps the permissions of the one it replaces (a new file gets the usual
//! `0666` less the umask), so a state file that other users may read stays readable.

use crate::error::{ErrorCode, Result, ScError};
use std::io::Write;
use std::path::Path;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".scsim-state-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with this mode less the umask (tempfile's own default is 0600).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| io_err("creating a temporary file", e))?;
    if let Some(perm) = existing {
        // Exactly the replaced file's mode, whatever the umask.
        tmp.as_file()
            .set_permissions(perm)
            .map_err(|e| io_err("copying the permissions", e))?;
    }
    tmp.write_all(bytes).map_err(|e| io_err("writing", e))?;
    tmp.as_file().sync_all().map_err(|e| io_err("fsync", e))?;
    tmp.persist(path)
        .map_err(|e| io_err("renaming into place", e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
