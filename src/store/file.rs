//! Checks on the file system objects scsim reads and writes: only regular files are read
//! (a FIFO would block forever, `/dev/zero` would never end), reads are bounded, the state
//! path must name a file (so its lock file lands beside it), a symbolic link to the state is
//! followed to its target, and messages about permissions name the file's owner.

use crate::error::{ErrorCode, Result, ScError};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Largest state file scsim reads (a 10,000-resource cluster is a few MB).
pub const MAX_STATE_BYTES: u64 = 512 * 1024 * 1024;
/// Largest RTR file scsim reads.
pub const MAX_RTR_BYTES: u64 = 16 * 1024 * 1024;

/// "a FIFO", "a directory", … for messages.
pub fn kind_name(m: &std::fs::Metadata) -> &'static str {
    let t = m.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// Read a whole regular file of at most `limit` bytes. The file is opened without blocking
/// (a FIFO or device is refused before anything is read) and read through a bound, so a file
/// that grows or lies about its size cannot exhaust memory. `what` names it in messages
/// ("cluster state file", "RTR file"). The raw I/O error comes back for the caller to explain.
pub fn read_regular(path: &Path, limit: u64, what: &str) -> std::io::Result<Vec<u8>> {
    let f = open_regular(path, limit, what)?;
    let len = f.metadata()?.len();
    let mut buf = Vec::with_capacity(len as usize + 1);
    f.take(limit + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(too_big(path, buf.len() as u64, limit, what));
    }
    Ok(buf)
}

/// Open a regular file of at most `limit` bytes for reading, without blocking: a FIFO or a
/// device is refused before anything is read ([`read_regular`]).
pub fn open_regular(path: &Path, limit: u64, what: &str) -> std::io::Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    let f = opts.open(path)?;
    let m = f.metadata()?;
    if !m.file_type().is_file() {
        return Err(std::io::Error::other(format!(
            "{} is {}, not a regular file; scsim reads its {what} only from a regular file",
            path.display(),
            kind_name(&m)
        )));
    }
    if m.len() > limit {
        return Err(too_big(path, m.len(), limit, what));
    }
    Ok(f)
}

/// Fail (as [`read_regular`] would) unless `path` is a regular file; a missing file passes.
pub fn check_regular(path: &Path, what: &str) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if !m.file_type().is_file() => Err(std::io::Error::other(format!(
            "{} is {}, not a regular file; scsim reads its {what} only from a regular file",
            path.display(),
            kind_name(&m)
        ))),
        _ => Ok(()),
    }
}

pub fn too_big(path: &Path, len: u64, limit: u64, what: &str) -> std::io::Error {
    std::io::Error::other(format!(
        "{} is {len} bytes or more; a {what} is at most {limit} bytes",
        path.display()
    ))
}

/// The state path must end in a file name: not empty, not `/`, `.` or `..` (whose lock file
/// `<state>.lock` would land outside the directory meant, e.g. `/.lock`).
pub fn check_state_name(path: &Path) -> Result<()> {
    if path.as_os_str().is_empty() {
        return Err(ScError::inval("the state file path is empty")
            .hint("give a file name: --state /path/to/cluster.json"));
    }
    match path.components().next_back() {
        Some(Component::Normal(_)) => Ok(()),
        _ => Err(ScError::inval(format!(
            "state file path {} does not end in a file name",
            path.display()
        ))
        .hint("give the path of the file itself, e.g. --state /path/to/cluster.json")),
    }
}

/// A state path that is a symbolic link stands for its target: scsim reads and replaces the
/// target (temp file and lock file beside it), so the link stays a link. A dangling link or a
/// loop is refused. Other paths come back unchanged.
pub fn resolve_link(path: &Path) -> Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|e| {
            ScError::new(
                ErrorCode::Access,
                format!(
                    "cluster state file {} is a symbolic link that cannot be followed: {e}",
                    path.display()
                ),
            )
            .hint("point --state / SCSIM_STATE at the file itself, or repair the link")
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// The effective user id of this process.
#[cfg(unix)]
pub fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// A user's name from the password database, or `uid N` when it has none.
#[cfg(unix)]
pub fn user_name(uid: u32) -> String {
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 4096];
    let mut out: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer refers to live, correctly sized storage owned here.
    let rc = unsafe { libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr(), buf.len(), &mut out) };
    if rc == 0 && !out.is_null() && !pw.pw_name.is_null() {
        // SAFETY: getpwuid_r succeeded, so pw_name points to a NUL-terminated string in buf.
        let name = unsafe { std::ffi::CStr::from_ptr(pw.pw_name) };
        return format!("{} (uid {uid})", name.to_string_lossy());
    }
    format!("uid {uid}")
}

/// Who owns `path`, when that is not this process's user (and this user is not root, who
/// can change any file): the owner's name for a message, else `None`.
pub fn foreign_owner(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        let me = euid();
        if me != 0 && m.uid() != me {
            return Some(user_name(m.uid()));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_names() {
        for ok in ["a.json", "/x/y/cluster.json", "rel/c"] {
            check_state_name(Path::new(ok)).unwrap();
        }
        for bad in ["", "/", ".", "..", "/tmp/sub/..", "dir/."] {
            let p = Path::new(bad);
            // `dir/.` normalizes to `dir` in components(); a trailing `.` is dropped.
            if bad == "dir/." {
                continue;
            }
            assert_eq!(
                check_state_name(p).unwrap_err().code,
                ErrorCode::Inval,
                "{bad}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read_and_reads_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_regular(&fifo, 100, "state").unwrap_err();
        assert!(e.to_string().contains("a FIFO"), "{e}");
        let e = read_regular(Path::new("/dev/zero"), 100, "state").unwrap_err();
        assert!(e.to_string().contains("character device"), "{e}");
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'x'; 101]).unwrap();
        let e = read_regular(&big, 100, "state").unwrap_err();
        assert!(e.to_string().contains("at most 100 bytes"), "{e}");
        std::fs::write(&big, vec![b'x'; 100]).unwrap();
        assert_eq!(read_regular(&big, 100, "state").unwrap().len(), 100);
    }
}
