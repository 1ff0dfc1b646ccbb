//! The event log: an append-only messages file beside the state, in the form rgmd writes to
//! `/var/adm/messages` on a real node, rotated by size into numbered files.
//!
//! * Path: the state's path with the extension `messages` (`cluster.json` →
//!   `cluster.messages`); rotated files add `.1` (the newest), `.2`, … up to `files - 1`.
//! * Each file starts with the header line `# scsim messages 1`; every other line is one
//!   entry: the syslog text (`Nov 24 09:00:01 mail-1 Cluster.RGM.rgmd: [ID 707948
//!   daemon.notice] launching method …`), a tab, and a JSON object with what the text does not
//!   carry: `generation` (the state generation the entry belongs to), `seq`, `ms` (the time in ms),
//!   `group`, `resource`, and — only when the text cannot be parsed back to them — `node`,
//!   `tag`, `id`, `severity`, `message`. JSON escapes tabs and newlines, so the last tab of a
//!   line always starts the suffix; a message with a line break is written with spaces in the
//!   text and verbatim in the suffix.
//! * Write order (`append`, called by `Transaction::commit` before the state is renamed into
//!   place): the entries of generation G+1 are appended first (not synced: see "Durability
//!   and speed" in docs/decisions.md), the state file of generation G+1 replaces the old one
//!   second. Readers show only entries whose `generation` is at
//!   most the state's generation, so a crash between the two writes leaves entries the state
//!   does not have, and nobody shows them; the next commit (under the lock) cuts them off the
//!   end of the file, together with a line cut short by a crash, before it appends. A command
//!   that logs thousands of entries (a node failure at scale) writes them in batches of
//!   `EventLog::SPILL_ENTRIES` as it makes them ([`Appender`]), all before its state: the same
//!   order, so a command that stops without committing leaves entries nobody shows either.
//! * Bad input never fails a command: a missing file, a line cut short, an unreadable line, a
//!   file written by a newer scsim are reported as warnings naming the path by the reader; the
//!   writer repairs what it can (cuts the tail, moves a newer file aside by rotating it).

use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, Event, EventLog, EventRef, LogSink, PackedLog};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Format version of the messages file (its header line).
pub const FORMAT: u32 = 1;
const HEADER_PREFIX: &str = "# scsim messages ";

/// The messages file of the state file at `state`.
pub fn path_for(state: &Path) -> PathBuf {
    if state.extension().is_some_and(|e| e == "messages") {
        let mut s = state.as_os_str().to_owned();
        s.push(".messages");
        return PathBuf::from(s);
    }
    state.with_extension("messages")
}

/// The `n`-th rotated file (1 = the newest) of the messages file `base`.
pub fn rotated(base: &Path, n: u32) -> PathBuf {
    let mut s = base.as_os_str().to_owned();
    s.push(format!(".{n}"));
    PathBuf::from(s)
}

fn header() -> String {
    format!("{HEADER_PREFIX}{FORMAT}\n")
}

/// The version in a header line, `None` when the line is not a header.
fn header_version(line: &str) -> Option<u64> {
    line.strip_prefix(HEADER_PREFIX)
        .map(|v| v.trim().parse().unwrap_or(u64::MAX))
}

/// What the text part of a line does not carry (and, when needed, what it carries badly).
#[derive(Serialize, Deserialize)]
struct Suffix {
    #[serde(rename = "gen")]
    generation: u64,
    seq: u64,
    ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resource: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    node: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    severity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// Node, tag, id, severity and message of a syslog text line.
fn parse_text(text: &str) -> Option<(&str, &str, u32, &str, &str)> {
    // "Nov 24 09:00:01 " is 16 bytes.
    let rest = text.get(16..)?;
    let (node, rest) = rest.split_once(' ')?;
    let (tag, rest) = rest.split_once(": [ID ")?;
    let (id, rest) = rest.split_once(' ')?;
    let (severity, message) = rest.split_once("] ")?;
    Some((node, tag, id.parse().ok()?, severity, message))
}

/// A JSON string literal (quotes and escapes) appended to `out`.
fn push_json_str(out: &mut String, v: &str) {
    if v.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(v);
        out.push('"');
    } else {
        out.push_str(&serde_json::to_string(v).unwrap_or_default());
    }
}

/// Whether the text of `e`'s line (with the syslog time `time`) parses back ([`parse_text`])
/// to exactly its node, tag, id, severity and message, so that the suffix need not repeat them.
/// Decided on the fields, without parsing the text: the node ends at the first space, the tag
/// at the first `: [ID ` and the severity at the first `] ` (neither separator can overlap
/// the end of the field before it), and a tab anywhere would start the suffix.
fn text_is_exact(e: EventRef<'_>, time: &str) -> bool {
    // A byte search first: the substring searches are set up only for a field that has the
    // separator's first byte (almost never).
    let has = |field: &str, first: u8, sep: &str| {
        field.as_bytes().contains(&first) && field.contains(sep)
    };
    // Byte scans (a pattern of several chars, `contains([' ', '\t'])`, decodes char by char);
    // the common byte fails the first comparison.
    let tab = |field: &str| field.bytes().any(|b| b == b'\t');
    time.len() == 15
        && !tab(time)
        && !e
            .node
            .bytes()
            .any(|b| b <= b' ' && (b == b' ' || b == b'\t'))
        && !tab(e.tag)
        && !has(e.tag, b':', ": [ID ")
        && !tab(e.severity)
        && !has(e.severity, b']', "] ")
        && !has_break_or_tab(e.message)
}

/// A tab, newline or carriage return in `s`.
fn has_break_or_tab(s: &str) -> bool {
    s.bytes()
        .any(|b| b < b' ' && (b == b'\t' || b == b'\n' || b == b'\r'))
}

/// `n` in decimal, appended to `out` (the line encoder's numbers, without `fmt`).
fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or("0"));
}

/// Append the line of `e` (with its generation and sequence number) to `out`: the text
/// written in place, then the suffix. Called once per entry of every command, so it formats
/// straight into `out` (`syslog_time` keeps the last second's text).
fn encode_line(
    e: EventRef<'_>,
    generation: u64,
    seq: u64,
    out: &mut String,
    syslog_time: &mut (u64, String),
) {
    let start = out.len();
    let secs = e.time_ms / 1000;
    if syslog_time.1.is_empty() || syslog_time.0 != secs {
        *syslog_time = (secs, crate::timefmt::syslog(e.time_ms));
    }
    out.push_str(&syslog_time.1);
    out.push(' ');
    out.push_str(e.node);
    out.push(' ');
    out.push_str(e.tag);
    out.push_str(": [ID ");
    push_u64(out, u64::from(e.id));
    out.push(' ');
    out.push_str(e.severity);
    out.push_str("] ");
    if has_break_or_tab(e.message) && e.message.contains(['\n', '\r']) {
        out.push_str(&e.message.replace(['\n', '\r'], " "));
    } else {
        out.push_str(e.message);
    }
    let exact = text_is_exact(e, &syslog_time.1);
    debug_assert_eq!(
        exact,
        {
            let text = &out[start..];
            !text.contains('\t')
                && parse_text(text).is_some_and(|(n, t, i, s, m)| {
                    n == e.node && t == e.tag && i == e.id && s == e.severity && m == e.message
                })
        },
        "{e:?}"
    );
    out.push_str("\t{\"gen\":");
    push_u64(out, generation);
    out.push_str(",\"seq\":");
    push_u64(out, seq);
    out.push_str(",\"ms\":");
    push_u64(out, e.time_ms);
    let field = |out: &mut String, k: &str, v: &str| {
        out.push_str(",\"");
        out.push_str(k);
        out.push_str("\":");
        push_json_str(out, v);
    };
    if let Some(g) = e.group {
        field(out, "group", g);
    }
    if let Some(r) = e.resource {
        field(out, "resource", r);
    }
    if !exact {
        field(out, "node", e.node);
        field(out, "tag", e.tag);
        out.push_str(",\"id\":");
        push_u64(out, u64::from(e.id));
        field(out, "severity", e.severity);
        field(out, "message", e.message);
    }
    out.push_str("}\n");
}

/// An entry line (without its newline) back to its generation and event.
fn decode_line(line: &str) -> Option<(u64, Event)> {
    let (text, json) = line.rsplit_once('\t')?;
    let s: Suffix = serde_json::from_str(json).ok()?;
    let parsed = parse_text(text);
    let field = |given: Option<String>, from_text: Option<&str>| {
        given.or_else(|| from_text.map(str::to_string))
    };
    let node = field(s.node, parsed.map(|p| p.0))?;
    let tag = field(s.tag, parsed.map(|p| p.1))?;
    let id = s.id.or(parsed.map(|p| p.2))?;
    let severity = field(s.severity, parsed.map(|p| p.3))?;
    let message = field(s.message, parsed.map(|p| p.4))?;
    Some((
        s.generation,
        Event {
            seq: s.seq,
            tag,
            time_ms: s.ms,
            node,
            id,
            severity,
            message,
            group: s.group,
            resource: s.resource,
        },
    ))
}

fn write_err(path: &Path, e: std::io::Error) -> ScError {
    let code = if e.kind() == std::io::ErrorKind::PermissionDenied {
        ErrorCode::Access
    } else {
        ErrorCode::Internal
    };
    ScError::new(
        code,
        format!("cannot write the messages file {}: {e}", path.display()),
    )
    .hint("the cluster state was left unchanged")
}

/// The rotated files that exist beside `base`, by number (any number, not only up to the
/// configured count).
fn rotated_files(base: &Path) -> Vec<(u32, PathBuf)> {
    let dir = match base.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Some(name) = base.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let prefix = format!("{name}.");
    let mut out: Vec<(u32, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|d| {
            let f = d.file_name().to_string_lossy().into_owned();
            let n: u32 = f.strip_prefix(&prefix)?.parse().ok()?;
            Some((n, rotated(base, n)))
        })
        .collect();
    out.sort();
    out
}

/// Remove the messages file of `state` and its rotated files.
fn remove_all(base: &Path) -> Result<()> {
    for (_, p) in rotated_files(base) {
        remove(&p)?;
    }
    remove(base)
}

fn remove(p: &Path) -> Result<()> {
    match std::fs::remove_file(p) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(write_err(p, e)),
        _ => Ok(()),
    }
}

/// Start the log of a new cluster (`scsim init`): remove the messages files of any earlier
/// cluster at this path and write a new one with `log`'s buffered entries (generation `generation`).
pub fn start(state_path: &Path, log: &EventLog, generation: u64) -> Result<()> {
    let base = path_for(state_path);
    remove_all(&base)?;
    let mut buf = header();
    let mut t = (0, String::new());
    for (i, e) in log.iter().enumerate() {
        encode_line(e.view(), generation, i as u64 + 1, &mut buf, &mut t);
    }
    let mut f = File::create(&base).map_err(|e| write_err(&base, e))?;
    f.write_all(buf.as_bytes())
        .and_then(|()| f.sync_data())
        .map_err(|e| write_err(&base, e))
}

/// What the end of a messages file holds.
struct Tail {
    /// Length to keep: the file without orphans of a crashed commit and a cut-short line.
    keep: u64,
    /// Sequence number of the last kept entry (0: none).
    last_seq: u64,
    /// The file has a header of a format this scsim writes.
    ours: bool,
}

/// Read the head and the end of the open messages file `f` (`len` bytes): is it ours, where
/// do the entries of generations after `generation` (orphans) and a cut-short last line start, and
/// the last kept sequence number. Reads only the end unless a whole window is orphans.
fn scan_tail(f: &mut File, len: u64, generation: u64) -> std::io::Result<Tail> {
    let mut head = [0u8; 64];
    f.seek(SeekFrom::Start(0))?;
    let n = f.read(&mut head)?;
    let head = String::from_utf8_lossy(&head[..n]);
    let first = head.split('\n').next().unwrap_or("");
    let ours = match header_version(first) {
        Some(v) => v <= u64::from(FORMAT) && head.contains('\n'),
        None => n == 0,
    };
    // A line is a few hundred bytes: the last one is almost always in the last 4 KiB.
    let mut window = 4 * 1024u64;
    loop {
        let start = len.saturating_sub(window);
        f.seek(SeekFrom::Start(start))?;
        let mut buf = Vec::with_capacity((len - start) as usize);
        Read::by_ref(f).take(len - start).read_to_end(&mut buf)?;
        // Complete lines only: what follows the last newline was cut short.
        let mut keep = start + buf.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) as u64;
        let complete = &buf[..(keep - start) as usize];
        let mut lines: Vec<&[u8]> = complete.split(|&b| b == b'\n').collect();
        lines.pop(); // after the last newline
        // The first line of a window that does not start the file may be partial.
        let whole_from = usize::from(start > 0);
        for (i, line) in lines.iter().enumerate().rev() {
            if i < whole_from {
                break;
            }
            let text = String::from_utf8_lossy(line);
            match decode_line(&text) {
                Some((g, e)) if g <= generation => {
                    return Ok(Tail {
                        keep,
                        last_seq: e.seq,
                        ours,
                    });
                }
                Some(_) => keep -= line.len() as u64 + 1,
                // A header or an unreadable line ends the orphans.
                None => {
                    return Ok(Tail {
                        keep,
                        last_seq: 0,
                        ours,
                    });
                }
            }
        }
        if start == 0 {
            return Ok(Tail {
                keep,
                last_seq: 0,
                ours,
            });
        }
        window *= 4;
    }
}

/// The last sequence number in the (rotated, complete) file `p`, 0 when there is none.
fn last_seq_of(p: &Path) -> u64 {
    let Ok(mut f) = File::open(p) else { return 0 };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    scan_tail(&mut f, len, u64::MAX).map_or(0, |t| t.last_seq)
}

/// Append `log`'s buffered entries as generation `generation` (the state being committed; the file
/// on disk is `gen_before`), renumbering them after the last entry of the file, and empty the
/// buffer. Cuts off what a crashed commit left, rotates the file once it has reached
/// `log.file_bytes`, and fsyncs. A log read from a version-1 file replaces any messages file.
/// Entries the log already handed to its [`Appender`] (a large transition's) are written; this
/// finishes them.
pub fn append(
    state_path: &Path,
    log: &mut EventLog,
    gen_before: u64,
    generation: u64,
) -> Result<()> {
    let early = log
        .take_sink()
        .and_then(|s| s.into_any().downcast::<Appender>().ok());
    // An appender that wrote nothing yet is made anew: the log's settings may have changed.
    let mut a = match early {
        Some(a) if a.open.is_some() || a.failed.is_some() => *a,
        _ => Appender::new(state_path, log, gen_before, generation),
    };
    if let Some(e) = a.failed.take() {
        return Err(e);
    }
    if (a.gen_before, a.generation) != (gen_before, generation) {
        return Err(ScError::internal(format!(
            "{}: entries were written as generation {}, but the commit is generation {generation}",
            a.base.display(),
            a.generation
        )));
    }
    let (entries, pending) = log.take();
    let nothing = entries.is_empty() && pending.is_empty();
    if a.start(nothing)? {
        a.write_all(entries.into_iter().map(|e| (e.seq, e)), |(seq, e)| {
            (*seq, e.view())
        })?;
        a.write_all(pending.iter().map(|e| (e.seq, e)), |(_, e)| (e.seq, *e))?;
        if let Some(o) = a.open.as_mut() {
            o.w.flush().map_err(|e| write_err(&a.base, e))?;
        }
    }
    // Not synced: the state file's own sync follows, and the generation tags keep the log
    // from showing what the state does not have. A power loss may lose the newest entries of
    // a state that survived (see "Durability and speed" in docs/decisions.md).
    log.embedded = false;
    log.next_seq = 1;
    Ok(())
}

/// One commit's entries on their way into the messages file. The file is prepared (cut,
/// rotated, given its header) by the first write and kept open: a transition that logs tens
/// of thousands of entries hands them over in batches as it makes them (the log's
/// [`LogSink`]), and [`append`] writes the rest. Entries written before the commit carry its
/// generation, which the state file does not have yet: readers skip them, and if the command
/// stops without committing, the next commit cuts them off.
pub struct Appender {
    base: PathBuf,
    gen_before: u64,
    generation: u64,
    file_bytes: u64,
    files: u32,
    /// The entries keep the sequence numbers of the version-1 file they come from.
    embedded: bool,
    open: Option<Open>,
    /// The first failure of a write before the commit, which the commit reports.
    failed: Option<ScError>,
}

struct Open {
    w: std::io::BufWriter<File>,
    /// Sequence number of the next entry.
    next_seq: u64,
    line: String,
    time: (u64, String),
}

impl Appender {
    /// An appender for the commit of `log` as `generation` over `gen_before`.
    pub fn new(state_path: &Path, log: &EventLog, gen_before: u64, generation: u64) -> Appender {
        Appender {
            base: path_for(state_path),
            gen_before,
            generation,
            file_bytes: log.file_bytes,
            files: log.files,
            embedded: log.embedded,
            open: None,
            failed: None,
        }
    }

    /// Prepare the file for writing unless done already: false when there is `nothing` to
    /// write and the file needs no repair beyond cutting its tail.
    fn start(&mut self, nothing: bool) -> Result<bool> {
        if self.open.is_some() {
            return Ok(true);
        }
        let base = &self.base;
        if self.embedded {
            remove_all(base)?;
        }
        let err = |e| write_err(base, e);
        let mut f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(base)
            .map_err(err)?;
        let len = f.metadata().map_err(err)?.len();
        let tail = scan_tail(&mut f, len, self.gen_before).map_err(err)?;
        // A file that is not ours (a newer format) is moved aside whole, never cut.
        if tail.ours && tail.keep < len {
            f.set_len(tail.keep).map_err(err)?;
        }
        let mut last_seq = tail.last_seq;
        let mut size = tail.keep;
        let mut rotate = !tail.ours;
        if last_seq == 0 && tail.ours {
            last_seq = last_seq_of(&rotated(base, 1));
        }
        if nothing && !rotate && size > 0 {
            return Ok(false);
        }
        // Rotate once the file has reached its size (as syslog rotation does); one command's
        // entries are never split across files.
        let header_len = header().len() as u64;
        if size > header_len && size >= self.file_bytes {
            rotate = true;
        }
        if rotate {
            drop(f);
            // A file this scsim cannot append to is kept (as `.1`) even with `files` 1.
            rotate_files(base, self.files.max(if tail.ours { 1 } else { 2 }))?;
            f = File::create(base).map_err(err)?;
            size = 0;
        }
        f.seek(SeekFrom::Start(size)).map_err(err)?;
        // Lines are encoded into a bounded buffer and written as it fills.
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, f);
        if size == 0 {
            w.write_all(header().as_bytes()).map_err(err)?;
        }
        self.open = Some(Open {
            w,
            next_seq: last_seq + 1,
            line: String::with_capacity(512),
            time: (0, String::new()),
        });
        Ok(true)
    }

    /// Encode and write `items`, each seen as a (sequence number, entry) by `view`; each is
    /// dropped once encoded, so the entries are not held twice.
    fn write_all<T>(
        &mut self,
        items: impl Iterator<Item = T>,
        view: impl for<'t> Fn(&'t T) -> (u64, EventRef<'t>),
    ) -> Result<()> {
        self.start(false)?;
        let Some(o) = self.open.as_mut() else {
            return Ok(());
        };
        for item in items {
            let (own_seq, e) = view(&item);
            let seq = if self.embedded { own_seq } else { o.next_seq };
            o.next_seq += 1;
            o.line.clear();
            encode_line(e, self.generation, seq, &mut o.line, &mut o.time);
            o.w.write_all(o.line.as_bytes())
                .map_err(|e| write_err(&self.base, e))?;
        }
        Ok(())
    }
}

impl LogSink for Appender {
    fn write(&mut self, entries: &PackedLog) {
        if self.failed.is_some() {
            return;
        }
        // Flushed whole: between batches the file ends with a whole line.
        let written = self
            .write_all(entries.iter(), |e| (e.seq, *e))
            .and_then(|()| {
                let Some(o) = self.open.as_mut() else {
                    return Ok(());
                };
                o.w.flush().map_err(|e| write_err(&self.base, e))
            });
        if let Err(e) = written {
            self.failed = Some(e);
        }
    }
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }
}

/// Shift `base` to `.1`, `.1` to `.2`, …, dropping what would pass `files` files in all.
fn rotate_files(base: &Path, files: u32) -> Result<()> {
    for (n, p) in rotated_files(base).into_iter().rev() {
        if n + 1 >= files {
            remove(&p)?;
        } else {
            let to = rotated(base, n + 1);
            std::fs::rename(&p, &to).map_err(|e| write_err(&p, e))?;
        }
    }
    if files > 1 {
        match std::fs::rename(base, rotated(base, 1)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(write_err(base, e)),
            _ => {}
        }
    } else {
        remove(base)?;
    }
    Ok(())
}

/// Where a reader stopped in the current messages file (for `--follow`).
pub struct Cursor {
    file: File,
    id: u64,
    offset: u64,
}

/// The log as a reader sees it.
pub struct LogRead {
    /// Entries of generations the state has, oldest first.
    pub events: Vec<Event>,
    /// Problems with the files, each naming its path.
    pub warnings: Vec<String>,
    /// Position in the current file after the entries read.
    pub cursor: Option<Cursor>,
}

#[cfg(unix)]
fn file_id(m: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.ino()
}

#[cfg(not(unix))]
fn file_id(_m: &std::fs::Metadata) -> u64 {
    0
}

/// Entries of one file's bytes from `offset`, up to generation `generation`: the events, the offset
/// after the last one taken, and problems found. Stops at the first entry of a later
/// generation (a commit under way or a crashed one).
fn parse_from(
    bytes: &[u8],
    offset: u64,
    generation: u64,
    path: &Path,
    warnings: &mut Vec<String>,
    warn_partial: bool,
) -> (Vec<Event>, u64) {
    let mut events = Vec::new();
    let mut pos = 0usize;
    let mut unreadable = (0usize, 0usize);
    let mut line_no = 0usize;
    while pos < bytes.len() {
        let Some(nl) = bytes[pos..].iter().position(|&b| b == b'\n') else {
            if warn_partial {
                warnings.push(format!(
                    "{}: the last line is cut short (a crash or a copy in progress); it is ignored",
                    path.display()
                ));
            }
            break;
        };
        line_no += 1;
        let line = String::from_utf8_lossy(&bytes[pos..pos + nl]);
        let next = pos + nl + 1;
        if let Some(v) = header_version(&line) {
            if v > u64::from(FORMAT) {
                warnings.push(format!(
                    "{}: written by a newer scsim (messages format {v}, this one reads {FORMAT}); its entries are not shown",
                    path.display()
                ));
                return (events, offset + pos as u64);
            }
        } else if line.is_empty() || line.starts_with('#') {
        } else {
            match decode_line(&line) {
                Some((g, _)) if g > generation => break,
                Some((_, e)) => events.push(e),
                None => {
                    if unreadable.0 == 0 {
                        unreadable.1 = line_no;
                    }
                    unreadable.0 += 1;
                }
            }
        }
        pos = next;
    }
    if unreadable.0 > 0 {
        warnings.push(format!(
            "{}:{}: {} unreadable line(s) skipped",
            path.display(),
            unreadable.1,
            unreadable.0
        ));
    }
    (events, offset + pos as u64)
}

/// The log of `state` (loaded from `state_path`): the messages files oldest first, entries of
/// generations up to the state's, then the state's buffered entries (from a version-1 file:
/// its embedded log, and no file is read). Never fails: problems become warnings.
pub fn read(state_path: &Path, state: &ClusterState) -> LogRead {
    let mut out = LogRead {
        events: Vec::new(),
        warnings: Vec::new(),
        cursor: None,
    };
    if !state.events.embedded {
        let base = path_for(state_path);
        let generation = state.generation;
        for (_, p) in rotated_files(&base).into_iter().rev() {
            match std::fs::read(&p) {
                Ok(b) => {
                    let (ev, _) = parse_from(&b, 0, generation, &p, &mut out.warnings, true);
                    out.events.extend(ev);
                }
                Err(e) => out
                    .warnings
                    .push(format!("cannot read {}: {e}", p.display())),
            }
        }
        match File::open(&base) {
            Ok(mut f) => {
                let mut b = Vec::new();
                let id = f.metadata().map(|m| file_id(&m)).unwrap_or(0);
                match f.read_to_end(&mut b) {
                    Ok(_) => {
                        let (ev, offset) =
                            parse_from(&b, 0, generation, &base, &mut out.warnings, true);
                        out.events.extend(ev);
                        out.cursor = Some(Cursor {
                            file: f,
                            id,
                            offset,
                        });
                    }
                    Err(e) => out
                        .warnings
                        .push(format!("cannot read {}: {e}", base.display())),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.warnings.push(format!(
                "no messages file at {}: the log before now is missing",
                base.display()
            )),
            Err(e) => out
                .warnings
                .push(format!("cannot read {}: {e}", base.display())),
        }
    }
    out.events
        .extend(state.events.iter().map(std::borrow::Cow::into_owned));
    out
}

/// Schema version and generation of the state file at `path`, read from its first bytes
/// (the file is compact JSON that starts with them); `None` when they are not there.
pub fn peek_generation(path: &Path) -> Option<(u64, u64)> {
    let mut f = File::open(path).ok()?;
    let mut head = [0u8; 128];
    let n = f.read(&mut head).ok()?;
    let head = std::str::from_utf8(&head[..n]).ok()?;
    let num = |key: &str| -> Option<u64> {
        let at = head.find(key)? + key.len();
        let digits: String = head[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    Some((num("\"schema_version\":")?, num("\"generation\":")?))
}

/// Streams the entries appended after a [`read`] (`scsim log --follow`): polls the current
/// messages file, shows an entry once the state file has its generation, follows the file
/// through rotation, and takes no lock. Entries are shown in sequence order, each once: after
/// a rotation (or when the file appears) it reads the files again, oldest first, and skips
/// what it has shown.
pub struct Follower {
    state_path: PathBuf,
    base: PathBuf,
    cursor: Option<Cursor>,
    /// Sequence number of the last entry shown.
    last_seq: u64,
    warned: std::collections::HashSet<String>,
}

impl Follower {
    /// Continue where `read` stopped (its cursor is taken).
    pub fn new(state_path: &Path, read: &mut LogRead) -> Follower {
        Follower {
            state_path: state_path.to_path_buf(),
            base: path_for(state_path),
            cursor: read.cursor.take(),
            last_seq: read.events.iter().map(|e| e.seq).max().unwrap_or(0),
            warned: Default::default(),
        }
    }

    /// New entries since the last call, and new problems (each reported once).
    pub fn poll(&mut self) -> (Vec<Event>, Vec<String>) {
        let mut events = Vec::new();
        let mut warnings = Vec::new();
        // The generation first, the file second: an entry the state has is never cut off.
        let peeked = peek_generation(&self.state_path).or_else(|| {
            // Not compact scsim output (a hand-edited file): read it whole.
            let s = crate::store::load(&self.state_path).ok()?;
            Some((if s.events.embedded { 1 } else { 2 }, s.generation))
        });
        let Some((schema, generation)) = peeked else {
            return (events, warnings);
        };
        if schema < 2 {
            // A version-1 state: its log is inside it until its first write.
            return (events, warnings);
        }
        let current = std::fs::metadata(&self.base).ok().map(|m| file_id(&m));
        match self.cursor.as_mut() {
            Some(c) if current == Some(c.id) => {
                let mut bytes = Vec::new();
                if c.file
                    .seek(SeekFrom::Start(c.offset))
                    .and_then(|_| c.file.read_to_end(&mut bytes))
                    .is_ok()
                {
                    let (ev, offset) = parse_from(
                        &bytes,
                        c.offset,
                        generation,
                        &self.base,
                        &mut warnings,
                        false,
                    );
                    c.offset = offset;
                    events.extend(ev);
                }
            }
            _ if current.is_some() => self.catch_up(generation, &mut events, &mut warnings),
            _ => {}
        }
        events.retain(|e| e.seq > self.last_seq);
        if let Some(e) = events.last() {
            self.last_seq = e.seq;
        }
        warnings.retain(|w| self.warned.insert(w.clone()));
        (events, warnings)
    }

    /// Read every file again, oldest first, and take a cursor on the current one. The current
    /// file is opened before the rotated ones are read: a rotation in between leaves the cursor
    /// on a file that is no longer current, and the next poll catches up again.
    fn catch_up(&mut self, generation: u64, events: &mut Vec<Event>, warnings: &mut Vec<String>) {
        self.cursor = None;
        let current = File::open(&self.base).ok();
        for (_, p) in rotated_files(&self.base).into_iter().rev() {
            if let Ok(b) = std::fs::read(&p) {
                let (ev, _) = parse_from(&b, 0, generation, &p, warnings, true);
                events.extend(ev.into_iter().filter(|e| e.seq > self.last_seq));
            }
        }
        let Some(mut f) = current else { return };
        let id = f.metadata().map(|m| file_id(&m)).unwrap_or(0);
        let mut b = Vec::new();
        if f.read_to_end(&mut b).is_ok() {
            let (ev, offset) = parse_from(&b, 0, generation, &self.base, warnings, false);
            events.extend(ev.into_iter().filter(|e| e.seq > self.last_seq));
            self.cursor = Some(Cursor {
                file: f,
                id,
                offset,
            });
        }
        // Rotated entries first; a file moved aside while this ran may repeat some.
        events.sort_by_key(|e| e.seq);
        events.dedup_by_key(|e| e.seq);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(msg: &str) -> Event {
        Event {
            seq: 0,
            tag: "Cluster.RGM.rgmd".into(),
            time_ms: 1_795_510_801_123,
            node: "mail-1".into(),
            id: 707948,
            severity: "daemon.notice".into(),
            message: msg.into(),
            group: Some("MAIL-RG".into()),
            resource: None,
        }
    }

    #[test]
    fn lines_round_trip_and_read_as_syslog() {
        for msg in [
            "launching method <Start> for resource <r>",
            "a\ttab",
            "two\nlines",
            "",
            "] odd: [ID 1 x] text",
        ] {
            let e = ev(msg);
            let mut s = String::new();
            encode_line(e.view(), 7, 42, &mut s, &mut (0, String::new()));
            assert_eq!(s.matches('\n').count(), 1, "{s:?}");
            let (g, back) = decode_line(s.trim_end_matches('\n')).unwrap();
            assert_eq!(g, 7);
            assert_eq!(
                back,
                Event {
                    seq: 42,
                    ..e.clone()
                }
            );
            if !msg.contains(['\n', '\t']) {
                assert!(s.starts_with(&crate::render::log::line(&e)), "{s}");
                assert!(!s.contains("\"message\""), "{s}");
            }
        }
    }

    #[test]
    fn odd_fields_are_kept_in_the_suffix_and_round_trip() {
        let cases: [(&str, &str, &str, bool); 6] = [
            ("mail-1", "Cluster.RGM.rgmd", "daemon.notice", true),
            ("a b", "Cluster.RGM.rgmd", "daemon.notice", false),
            ("", "x:: [ID", "daemon.notice", true),
            ("n", "t: [ID 5", "daemon.notice", false),
            ("n", "t", "s] x", false),
            ("n", "t", "s]x [", true),
        ];
        for (node, tag, severity, exact) in cases {
            let e = Event {
                node: node.into(),
                tag: tag.into(),
                severity: severity.into(),
                ..ev("m")
            };
            let mut s = String::new();
            // encode_line also checks (debug builds) that the fast decision agrees with a
            // parse of the text.
            encode_line(e.view(), 1, 2, &mut s, &mut (0, String::new()));
            assert_eq!(!s.contains("\"message\""), exact, "{s}");
            let (_, back) = decode_line(s.trim_end_matches('\n')).unwrap();
            assert_eq!(back, Event { seq: 2, ..e }, "{s}");
        }
    }

    #[test]
    fn paths() {
        assert_eq!(
            path_for(Path::new("/x/cluster.json")),
            PathBuf::from("/x/cluster.messages")
        );
        assert_eq!(path_for(Path::new("s")), PathBuf::from("s.messages"));
        assert_eq!(
            path_for(Path::new("a.messages")),
            PathBuf::from("a.messages.messages")
        );
        assert_eq!(
            rotated(Path::new("/x/c.messages"), 2),
            PathBuf::from("/x/c.messages.2")
        );
    }

    fn state_with(log: EventLog, generation: u64) -> ClusterState {
        let opts = crate::admin::init::InitOptions {
            nodes: vec!["a".into(), "b".into()],
            ..Default::default()
        };
        let mut s = crate::admin::init::new_cluster(&opts, 1_000).unwrap();
        s.events = log;
        s.generation = generation;
        s
    }

    #[test]
    fn append_rotates_renumbers_and_hides_later_generations() {
        let dir = tempfile::tempdir().unwrap();
        let sp = dir.path().join("c.json");
        let mut log = EventLog::new();
        log.file_bytes = 2_000;
        log.files = 3;
        start(&sp, &log, 0).unwrap();
        for g in 1..=80u64 {
            log.push(ev(&format!("entry {g}")).view());
            append(&sp, &mut log, g - 1, g).unwrap();
        }
        let base = path_for(&sp);
        assert!(rotated(&base, 2).exists());
        assert!(!rotated(&base, 3).exists(), "only 3 files in all");
        let r = read(&sp, &state_with(log.clone(), 80));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let seqs: Vec<u64> = r.events.iter().map(|e| e.seq).collect();
        assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "{seqs:?}");
        assert_eq!(*seqs.last().unwrap(), 80);
        assert!(seqs.len() < 80 && seqs.len() > 20, "{}", seqs.len());
        // A crash after appending generation 81: not shown, then cut off by the next commit.
        log.push(ev("orphan").view());
        append(&sp, &mut log, 80, 81).unwrap();
        let r = read(&sp, &state_with(log.clone(), 80));
        assert_eq!(r.events.last().unwrap().message, "entry 80");
        log.push(ev("real 81").view());
        append(&sp, &mut log, 80, 81).unwrap();
        let r = read(&sp, &state_with(log.clone(), 81));
        assert_eq!(r.events.last().unwrap().message, "real 81");
        assert_eq!(r.events.last().unwrap().seq, 81);
        assert!(r.events.iter().all(|e| e.message != "orphan"));
    }

    #[test]
    fn a_large_commit_goes_out_as_it_is_logged_and_is_hidden_until_committed() {
        let dir = tempfile::tempdir().unwrap();
        let sp = dir.path().join("c.json");
        let mut log = EventLog::new();
        log.push(ev("first").view());
        start(&sp, &log, 0).unwrap();
        let mut log = EventLog::new();
        let n = EventLog::SPILL_ENTRIES * 2 + 10;
        let spill = |log: &mut EventLog, tag: &str, gen_before: u64| {
            log.set_sink(Box::new(Appender::new(
                &sp,
                log,
                gen_before,
                gen_before + 1,
            )));
            for i in 0..n {
                log.push(ev(&format!("{tag} {i}")).view());
                assert!(
                    log.len() < EventLog::SPILL_ENTRIES,
                    "the buffer stays small"
                );
            }
        };
        // A command that stops after its entries went out: readers do not show them, and the
        // next commit cuts them off.
        spill(&mut log, "lost", 0);
        drop(log.take_sink());
        let on_disk = std::fs::read_to_string(path_for(&sp)).unwrap();
        let last_spilled = format!("lost {}", EventLog::SPILL_ENTRIES * 2 - 1);
        assert!(on_disk.contains(&last_spilled), "written before the commit");
        let r = read(&sp, &state_with(EventLog::new(), 0));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.events.len(), 1);
        let mut log = EventLog::new();
        spill(&mut log, "kept", 0);
        append(&sp, &mut log, 0, 1).unwrap();
        let r = read(&sp, &state_with(log.clone(), 1));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.events.len(), n + 1);
        assert!(r.events.iter().all(|e| !e.message.starts_with("lost")));
        let seqs: Vec<u64> = r.events.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, (1..=n as u64 + 1).collect::<Vec<_>>());
        assert_eq!(r.events[n].message, format!("kept {}", n - 1));
    }

    #[test]
    fn a_failed_early_write_fails_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let sp = dir.path().join("c.json");
        // The messages file cannot be opened: it is a directory.
        std::fs::create_dir(path_for(&sp)).unwrap();
        let mut log = EventLog::new();
        log.set_sink(Box::new(Appender::new(&sp, &log, 0, 1)));
        for i in 0..EventLog::SPILL_ENTRIES + 1 {
            log.push(ev(&format!("entry {i}")).view());
        }
        assert_eq!(log.len(), 1, "the first batch was handed over");
        let e = append(&sp, &mut log, 0, 1).unwrap_err();
        assert!(e.to_string().contains("c.messages"), "{e}");
    }

    #[test]
    fn a_cut_short_line_is_reported_and_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let sp = dir.path().join("c.json");
        let mut log = EventLog::new();
        log.push(ev("one").view());
        log.push(ev("two").view());
        start(&sp, &log, 0).unwrap();
        let base = path_for(&sp);
        let bytes = std::fs::read(&base).unwrap();
        std::fs::write(&base, &bytes[..bytes.len() - 20]).unwrap();
        let mut log = EventLog::new();
        let r = read(&sp, &state_with(log.clone(), 0));
        assert_eq!(r.events.len(), 1);
        assert!(r.warnings[0].contains("cut short"), "{:?}", r.warnings);
        assert!(r.warnings[0].contains(&*base.to_string_lossy()));
        log.push(ev("three").view());
        append(&sp, &mut log, 0, 1).unwrap();
        let r = read(&sp, &state_with(log, 1));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let msgs: Vec<&str> = r.events.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(msgs, ["one", "three"]);
        assert_eq!(r.events[1].seq, 2);
    }

    #[test]
    fn a_newer_file_is_skipped_and_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let sp = dir.path().join("c.json");
        let base = path_for(&sp);
        std::fs::write(&base, "# scsim messages 9\nwhatever\ncut").unwrap();
        let mut log = EventLog::new();
        let r = read(&sp, &state_with(log.clone(), 3));
        assert!(r.events.is_empty());
        assert!(r.warnings[0].contains("newer"), "{:?}", r.warnings);
        log.push(ev("new").view());
        append(&sp, &mut log, 3, 4).unwrap();
        assert_eq!(
            std::fs::read_to_string(rotated(&base, 1)).unwrap(),
            "# scsim messages 9\nwhatever\ncut"
        );
        let r = read(&sp, &state_with(log, 4));
        assert_eq!(r.events.len(), 1);
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    }

    #[test]
    fn peek_reads_the_head_of_a_state_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.json");
        let s = state_with(EventLog::new(), 17);
        std::fs::write(&p, crate::store::encode(&s).unwrap()).unwrap();
        assert_eq!(
            peek_generation(&p),
            Some((u64::from(crate::model::SCHEMA_VERSION), 17))
        );
    }
}
