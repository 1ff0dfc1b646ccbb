//! Atomic replacement of a file: temp file in the same directory, fsync (when the caller asks,
//! see [`super::durable`]), rename; the directory is fsynced only when the rename creates the
//! file (see "Durability" in docs/decisions.md).
//!
//! * Temp files are named `.scsim-state-<tag>-XXXXXX.tmp`, `<tag>` derived from the state
//!   file's name, so the writer of one state file (holding its lock) can tell its own stale
//!   temp files — left by a writer killed mid-write — from those of another state file in the
//!   same directory, and removes them before it writes.
//! * A new file is created with mode 0666 less the umask; a replaced file keeps its mode.

use crate::error::{ErrorCode, Result, ScError};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Temp files of an older scsim (`.scsim-state-XXXXXX.tmp`, no tag) are removed once they are
/// this old: they cannot be told apart per state file, so a recent one may be in use.
const LEGACY_TEMP_AGE: Duration = Duration::from_secs(600);

/// The state is serialized through a buffer of this size: large enough that a write call
/// carries many objects, small enough that the buffer's pages (each first touched through a
/// page fault) are few.
const WRITE_BUFFER: usize = 64 * 1024;

const PREFIX: &str = ".scsim-state-";
const SUFFIX: &str = ".tmp";

/// The tag of a state file's temp files: FNV-1a of its file name, 16 hex digits.
fn tag(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().as_encoded_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The name a commit's spare file (an earlier generation let go of by the history, see
/// `history::record`) takes while it is overwritten with the new state: a temp file name of
/// this state, so a writer killed mid-write leaves nothing the next one does not remove.
pub(super) fn spare_path(path: &Path) -> std::path::PathBuf {
    path.with_file_name(format!("{PREFIX}{}-spare{SUFFIX}", tag(path)))
}

/// Remove temp files left in `dir` by killed writers of `path` (but not `keep`, the spare of
/// the running commit). Called with the lock held, so no other writer of this state is
/// running. Best effort: failures are ignored.
pub(super) fn remove_stale_temps(dir: &Path, path: &Path, keep: Option<&Path>) -> usize {
    let mine = format!("{PREFIX}{}-", tag(path));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.starts_with(PREFIX) || !name.ends_with(SUFFIX) {
            continue;
        }
        let middle = &name[PREFIX.len()..name.len() - SUFFIX.len()];
        let stale = if name.starts_with(&mine) {
            true
        } else if middle.len() == 6 && middle.bytes().all(|b| b.is_ascii_alphanumeric()) {
            // An untagged temp file of an older scsim.
            e.metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > LEGACY_TEMP_AGE)
        } else {
            false
        };
        let is_file = e.file_type().is_ok_and(|t| t.is_file());
        let kept = keep.is_some_and(|k| k.file_name() == Some(e.file_name().as_os_str()));
        if stale && is_file && !kept && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Replace `path` with what `write` produces, atomically. `write` gets a buffered writer on the
/// temp file, so a large state is serialized straight to disk rather than into memory first.
/// `spare`, when given, is a file of this state's (at [`spare_path`]) that nothing else links
/// to: it is overwritten and renamed into place instead of a new temp file, which saves
/// creating one inode and freeing another. `sync`: the new file's data is synced before the
/// rename. The caller holds the state's lock.
pub(super) fn write_atomic(
    path: &Path,
    spare: Option<&Path>,
    sync: bool,
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
    remove_stale_temps(dir, path, spare);
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    if let (Some(spare), Some(perms)) = (spare, &existing)
        && let Ok(file) = std::fs::OpenOptions::new().write(true).open(spare)
    {
        let written = overwrite(&file, perms, sync, write);
        return match written.and_then(|()| std::fs::rename(spare, path)) {
            Ok(()) => Ok(()),
            Err(e) => {
                let _ = std::fs::remove_file(spare);
                Err(io_err("writing", e))
            }
        };
    }
    if let Some(spare) = spare {
        let _ = std::fs::remove_file(spare);
    }
    // The mode of the file being replaced, if any; a new file gets 0666 less the umask, which
    // the kernel applies when the temp file is created with that mode.
    let creating = existing.is_none();
    let prefix = format!("{PREFIX}{}-", tag(path));
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(
            existing.as_ref().map_or(0o666, |p| p.mode() & 0o7777),
        ));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| io_err("creating a temporary file", e))?;
    {
        let mut w = std::io::BufWriter::with_capacity(WRITE_BUFFER, tmp.as_file_mut());
        write(&mut w)
            .and_then(|()| w.flush())
            .map_err(|e| io_err("writing", e))?;
    }
    // The umask may have taken bits off the mode asked for: give a replaced file its exact
    // mode back.
    if let Some(perms) = existing {
        tmp.as_file()
            .set_permissions(perms)
            .map_err(|e| io_err("setting permissions", e))?;
    }
    if sync || creating {
        tmp.as_file().sync_all().map_err(|e| io_err("fsync", e))?;
    }
    tmp.persist(path)
        .map_err(|e| io_err("renaming into place", e.error))?;
    // Replacing a file: the rename reaches the disk with the file system's next journal commit
    // (seconds), and until then a power loss leaves the previous file, whole — the new one's
    // data was synced before the rename, so the file is never partial. Creating one (`scsim
    // init`): its directory entry is synced now, so that an acknowledged init is on disk.
    if creating && let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Write the new state over the spare's old contents, cut it to length, give it the state's
/// mode and, if `sync`, sync it.
///
/// The file is overwritten in place rather than emptied first: on a file system mounted with
/// `discard` (as the development machine's is), freeing the old blocks costs as much as a sync
/// (0.7 ms). Not synced, a crash before the new data reaches the disk can leave blocks of the
/// spare's earlier generation in the file; see [`super::durable`] for what that means.
fn overwrite(
    mut file: &std::fs::File,
    perms: &std::fs::Permissions,
    sync: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::io::Seek;
    let mut w = std::io::BufWriter::with_capacity(WRITE_BUFFER, &mut file);
    write(&mut w)?;
    w.flush()?;
    drop(w);
    let len = file.stream_position()?;
    file.set_len(len)?;
    file.set_permissions(perms.clone())?;
    if sync { file.sync_all() } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_temps_of_this_file_are_removed_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        let mine = dir
            .path()
            .join(format!("{PREFIX}{}-abc123{SUFFIX}", tag(&a)));
        let theirs = dir
            .path()
            .join(format!("{PREFIX}{}-abc123{SUFFIX}", tag(&b)));
        let legacy = dir.path().join(format!("{PREFIX}Xy12Zq{SUFFIX}"));
        for p in [&mine, &theirs, &legacy] {
            std::fs::write(p, b"partial").unwrap();
        }
        write_atomic(&a, None, true, |w| w.write_all(b"{}\n")).unwrap();
        assert!(!mine.exists());
        assert!(theirs.exists());
        // A recent untagged one may belong to a running older scsim.
        assert!(legacy.exists());
        assert_eq!(std::fs::read(&a).unwrap(), b"{}\n");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 3, "{left:?}");
    }

    #[test]
    fn a_spare_is_overwritten_whole_synced_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, b"{}\n").unwrap();
        for sync in [false, true] {
            let spare = spare_path(&a);
            std::fs::write(&spare, "an earlier, longer generation\n".repeat(100)).unwrap();
            let new = format!("{{\"sync\":{sync}}}\n");
            write_atomic(&a, Some(&spare), sync, |w| w.write_all(new.as_bytes())).unwrap();
            assert_eq!(std::fs::read_to_string(&a).unwrap(), new);
            assert!(!spare.exists());
        }
    }
}
