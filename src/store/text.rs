//! The text of a state file as it is read. A small file is read into memory. A large one (from
//! [`MAP_FROM`] bytes, a cluster of several thousand resources) is mapped, and while the model
//! is made of it the pages the parser has passed are handed back to the kernel: the text and
//! the objects made of it are then never held in full at the same time, which at 10,000
//! resources takes the size of the file (1.6 MB) off a command's peak memory.
//!
//! The mapping is private and read-only. A page handed back reads the same bytes again from the
//! file if it is touched (nothing touches it: the parser only moves forward, and a parse that
//! fails is retried on a fresh read of the file, see [`Text::parse_releasing`]). scsim replaces
//! the state file by rename and never shortens it in place, so the mapped file keeps its size
//! while it is read.

use std::io::Read;
use std::path::Path;

/// Files from this size on are mapped and released behind the parser; smaller ones are read.
const MAP_FROM: u64 = 512 * 1024;

/// Pages are handed back in runs of at least this many bytes (one system call each).
const RELEASE_STEP: usize = 256 * 1024;

/// The bytes of a state file, in memory or mapped.
pub(super) enum Text {
    Heap(Vec<u8>),
    #[cfg(unix)]
    Mapped(Map),
}

impl std::ops::Deref for Text {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Text::Heap(v) => v,
            #[cfg(unix)]
            Text::Mapped(m) => m.bytes(),
        }
    }
}

impl Text {
    /// Read the regular file `path` of at most `limit` bytes (see [`super::file::read_regular`],
    /// whose checks and errors it shares).
    pub(super) fn read(path: &Path, limit: u64, what: &str) -> std::io::Result<Text> {
        let f = super::file::open_regular(path, limit, what)?;
        let len = f.metadata()?.len();
        #[cfg(unix)]
        if len >= MAP_FROM
            && let Some(m) = Map::new(&f, len)
        {
            return Ok(Text::Mapped(m));
        }
        let mut buf = Vec::with_capacity(len as usize + 1);
        f.take(limit + 1).read_to_end(&mut buf)?;
        if buf.len() as u64 > limit {
            return Err(super::file::too_big(path, buf.len() as u64, limit, what));
        }
        Ok(Text::Heap(buf))
    }

    /// Run `parse` on the text, handing back the pages of a mapped text as the parser passes
    /// the keys of name-keyed maps. Returns what `parse` returned and whether any page was
    /// handed back: the text must then not be read again (a caller that needs it after a failed
    /// parse reads the file anew).
    pub(super) fn parse_releasing<R>(&self, parse: impl FnOnce(&[u8]) -> R) -> (R, bool) {
        #[cfg(unix)]
        if let Text::Mapped(m) = self {
            let window = Window {
                base: m.ptr as usize,
                len: m.len,
                page: page_size(),
                released: 0,
            };
            let _active = Active::start(window);
            let out = parse(m.bytes());
            let released = WINDOW.get().is_some_and(|w| w.released > 0);
            return (out, released);
        }
        (parse(self), false)
    }
}

/// A read-only private mapping of a whole file.
#[cfg(unix)]
pub(super) struct Map {
    ptr: *mut u8,
    len: usize,
}

#[cfg(unix)]
impl Map {
    /// Map `len` bytes of `f`; `None` when the system refuses (the caller reads instead).
    fn new(f: &std::fs::File, len: u64) -> Option<Map> {
        use std::os::unix::io::AsRawFd;
        let len = usize::try_from(len).ok().filter(|&l| l > 0)?;
        // SAFETY: a fresh private read-only mapping of an open file; the result is checked.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE,
                f.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return None;
        }
        Some(Map {
            ptr: ptr.cast(),
            len,
        })
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: `ptr` maps `len` readable bytes until `drop`.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

#[cfg(unix)]
impl Drop for Map {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping made in `new`, which nothing borrows any more.
        unsafe {
            libc::munmap(self.ptr.cast(), self.len);
        }
    }
}

/// The mapped text being parsed on this thread and how much of it was handed back.
#[derive(Clone, Copy)]
struct Window {
    base: usize,
    len: usize,
    /// The system's page size, looked up once per parse.
    page: usize,
    released: usize,
}

thread_local! {
    static WINDOW: std::cell::Cell<Option<Window>> = const { std::cell::Cell::new(None) };
}

/// While alive, the model's readers report their place in the window's text to [`passed`].
struct Active {
    previous: Option<fn(usize)>,
}

impl Active {
    fn start(window: Window) -> Active {
        WINDOW.set(Some(window));
        Active {
            previous: crate::model::set_passed_hook(Some(passed)),
        }
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        crate::model::set_passed_hook(self.previous);
        WINDOW.set(None);
    }
}

/// The parser has read everything before `at`: hand back the whole pages before it, in runs
/// of at least [`RELEASE_STEP`].
#[cfg(unix)]
fn passed(at: usize) {
    let Some(mut w) = WINDOW.get() else {
        return;
    };
    if at < w.base || at >= w.base + w.len {
        return;
    }
    let upto = (at - w.base) / w.page * w.page;
    if upto < w.released + RELEASE_STEP {
        return;
    }
    // SAFETY: the range lies inside the window's private read-only file mapping, before the
    // parser's position; a page read again after this reads the file's bytes anew.
    let done = unsafe {
        libc::madvise(
            (w.base + w.released) as *mut libc::c_void,
            upto - w.released,
            libc::MADV_DONTNEED,
        )
    };
    if done == 0 {
        w.released = upto;
        WINDOW.set(Some(w));
    }
}

#[cfg(not(unix))]
fn passed(_at: usize) {}

#[cfg(unix)]
fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(n).ok().filter(|&n| n > 0).unwrap_or(4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big_file(dir: &Path, entries: usize) -> std::path::PathBuf {
        let mut text = String::from("{\"m\":{");
        for i in 0..entries {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&format!("\"k{i}\":{{\"v\":\"{}\"}}", "v".repeat(100)));
        }
        text.push_str("}}");
        let path = dir.join("big.json");
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn small_files_are_read_and_large_ones_mapped_with_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.json");
        std::fs::write(&small, b"{}").unwrap();
        assert!(matches!(
            Text::read(&small, 1 << 20, "test").unwrap(),
            Text::Heap(_)
        ));
        let big = big_file(dir.path(), 8000);
        let text = Text::read(&big, 1 << 30, "test").unwrap();
        #[cfg(unix)]
        assert!(matches!(text, Text::Mapped(_)));
        assert_eq!(&*text, std::fs::read(&big).unwrap().as_slice());
    }

    #[test]
    fn the_limit_and_the_file_kind_are_checked_as_for_a_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = big_file(dir.path(), 8000);
        let e = Text::read(&big, 1000, "test").err().unwrap();
        assert!(e.to_string().contains("at most 1000 bytes"), "{e}");
        let e = Text::read(dir.path(), 1000, "test").err().unwrap();
        assert!(e.to_string().contains("a directory"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn pages_behind_the_parser_are_released_and_the_parse_is_whole() {
        #[derive(serde::Deserialize)]
        struct Doc {
            m: crate::model::NamedMap<Obj>,
        }
        #[derive(serde::Deserialize)]
        struct Obj {
            #[serde(default, skip)]
            name: crate::model::Name,
            #[serde(default)]
            v: String,
        }
        impl crate::model::Named for Obj {
            fn name(&self) -> &crate::model::Name {
                &self.name
            }
            fn set_name(&mut self, name: crate::model::Name) {
                self.name = name;
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let big = big_file(dir.path(), 8000);
        let text = Text::read(&big, 1 << 30, "test").unwrap();
        let (doc, released) = text.parse_releasing(|b| serde_json::from_slice::<Doc>(b));
        let doc = doc.unwrap();
        assert!(released);
        assert_eq!(doc.m.len(), 8000);
        assert_eq!(doc.m.get("k7999").map(|o| o.v.len()), Some(100));
        // The hook is gone once the parse is over.
        assert!(WINDOW.get().is_none());
        assert!(crate::model::set_passed_hook(None).is_none());
        // A small text is parsed in place, nothing released.
        let small = Text::Heap(b"{\"m\":{\"a\":{}}}".to_vec());
        let (doc, released) = small.parse_releasing(|b| serde_json::from_slice::<Doc>(b));
        assert!(!released && doc.unwrap().m.len() == 1);
    }
}
