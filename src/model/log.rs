//! The event log as the state holds it: the rotation settings of the messages file (the log
//! itself, `store::messages`), and the running command's entries until they are written.

use super::PackedLog;
use serde::{Deserialize, Serialize};

/// One log line: a syslog-style message with structured fields for filtering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub seq: u64,
    /// Syslog tag of the daemon that logged it (`Cluster.RGM.rgmd`, `cl_runtime`, …).
    #[serde(default = "default_event_tag")]
    pub tag: String,
    /// Simulated ms since the epoch.
    pub time_ms: u64,
    /// Node that logged it (the node where the method ran, or the node the command ran on).
    pub node: String,
    /// Message id (`[ID nnnnnn daemon.notice]` in the text).
    pub id: u32,
    pub severity: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
}

fn default_event_tag() -> String {
    "Cluster.RGM.rgmd".to_string()
}

/// The event log's settings in the state file, and the entries logged by the running command.
///
/// The log itself lives in the messages file beside the state (`store::messages`): one syslog
/// line per entry, appended by `Transaction::commit` (and, for a command that logs thousands,
/// in batches before it through the [`LogSink`]), rotated by size. The state keeps only the
/// rotation settings (`file_bytes`, `files`); `entries` and `pending` are this command's buffer
/// of new entries (`entries`: loaded from a version-1 file, the log that file embedded) and
/// are never written into the state file. A dry run's log is muted: it keeps nothing. Two logs
/// are equal when their settings are: the buffer is not state.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventLog {
    /// The current messages file is rotated (to `.1`, `.2`, …) before it grows past this size.
    #[serde(default = "EventLog::default_file_bytes")]
    pub file_bytes: u64,
    /// Messages files kept in all: the current one and `files - 1` rotated ones.
    #[serde(default = "EventLog::default_files")]
    pub files: u32,
    /// Sequence number the next pushed entry gets. Provisional: the commit renumbers the
    /// buffer to follow the last entry of the messages file.
    #[serde(skip, default = "EventLog::first_seq")]
    pub next_seq: u64,
    /// The log embedded in a version-1 file, oldest first: not yet in the messages file. Read,
    /// never written, by serde.
    #[serde(default, skip_serializing)]
    pub entries: Vec<Event>,
    /// Entries logged by this command, oldest first, after `entries`: not yet in the messages
    /// file.
    #[serde(skip)]
    pub pending: PackedLog,
    /// Loaded from a version-1 file: `entries` is the whole log and any messages file beside
    /// the state is not this cluster's (the first commit replaces it).
    #[serde(skip)]
    pub embedded: bool,
    /// Entries are dropped as they come: the log of a dry run, which nothing writes.
    #[serde(skip)]
    muted: bool,
    /// Where the buffer goes once it holds [`EventLog::SPILL_ENTRIES`] entries, before the
    /// commit: set by the store for a change.
    #[serde(skip)]
    sink: SinkSlot,
}

/// Where a command's log entries go before its commit, once they pile up (the store's writer
/// of the messages file): a node failure at scale logs tens of thousands of them, which would
/// otherwise all be held until the commit.
pub trait LogSink {
    /// Write `entries` out, in order (the log then forgets them). A failure is kept for the
    /// commit to report.
    fn write(&mut self, entries: &PackedLog);
    /// The sink back as what it is, for the commit that finishes it.
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any>;
}

/// A log's [`LogSink`], if any. A copy of the log has none: only the state being committed
/// writes its entries early.
#[derive(Default)]
struct SinkSlot(Option<Box<dyn LogSink>>);

impl Clone for SinkSlot {
    fn clone(&self) -> Self {
        SinkSlot(None)
    }
}

impl std::fmt::Debug for SinkSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "SinkSlot(set)"
        } else {
            "SinkSlot(none)"
        })
    }
}

impl EventLog {
    /// 1 MiB: about 3,500 entries per file.
    pub const DEFAULT_FILE_BYTES: u64 = 1 << 20;
    /// 8 files: about 28,000 entries in all.
    pub const DEFAULT_FILES: u32 = 8;
    fn default_file_bytes() -> u64 {
        Self::DEFAULT_FILE_BYTES
    }
    fn default_files() -> u32 {
        Self::DEFAULT_FILES
    }
    fn first_seq() -> u64 {
        1
    }
    pub fn new() -> Self {
        EventLog {
            file_bytes: Self::DEFAULT_FILE_BYTES,
            files: Self::DEFAULT_FILES,
            next_seq: 1,
            entries: Vec::new(),
            pending: PackedLog::default(),
            embedded: false,
            muted: false,
            sink: SinkSlot(None),
        }
    }
    /// Entries buffered before they go to the [`LogSink`], if there is one: about 100 KB of
    /// text.
    pub const SPILL_ENTRIES: usize = 1024;
    /// Send the buffer to `sink` whenever it fills, from now on until the commit takes the
    /// sink back ([`EventLog::take_sink`]).
    pub fn set_sink(&mut self, sink: Box<dyn LogSink>) {
        self.sink = SinkSlot(Some(sink));
    }
    /// The sink, taken out (the commit finishes it).
    pub fn take_sink(&mut self) -> Option<Box<dyn LogSink>> {
        self.sink.0.take()
    }
    /// Drop the entries pushed from now on: a dry run writes no log, and a node failure at
    /// scale logs tens of thousands of them.
    pub fn mute(&mut self) {
        self.muted = true;
    }
    /// Append an event to the buffer, assigning its (provisional) sequence number. The entry
    /// is packed into the command's text buffers ([`PackedLog`]).
    pub fn push(&mut self, ev: EventRef<'_>) {
        if self.muted {
            return;
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        self.pending.push(EventRef { seq, ..ev });
        if self.pending.len() >= Self::SPILL_ENTRIES
            && let Some(sink) = self.sink.0.as_mut()
        {
            sink.write(&self.pending);
            self.pending.clear();
        }
    }
    pub fn len(&self) -> usize {
        self.entries.len() + self.pending.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.pending.is_empty()
    }
    /// The buffered entries, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = std::borrow::Cow<'_, Event>> + '_ {
        let embedded = self.entries.iter().map(std::borrow::Cow::Borrowed);
        let pushed = self
            .pending
            .iter()
            .map(|p| std::borrow::Cow::Owned(p.to_event()));
        embedded.chain(pushed)
    }
    /// The buffered entries, oldest first, taken out of the log (which is left empty).
    pub fn take(&mut self) -> (Vec<Event>, PackedLog) {
        (
            std::mem::take(&mut self.entries),
            std::mem::take(&mut self.pending),
        )
    }
}

/// A log entry by reference: what the messages file encodes, whether the entry is an
/// [`Event`] or in a [`PackedLog`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventRef<'a> {
    pub seq: u64,
    pub tag: &'a str,
    pub time_ms: u64,
    pub node: &'a str,
    pub id: u32,
    pub severity: &'a str,
    pub message: &'a str,
    pub group: Option<&'a str>,
    pub resource: Option<&'a str>,
}

impl EventRef<'_> {
    pub fn to_event(&self) -> Event {
        Event {
            seq: self.seq,
            tag: self.tag.to_string(),
            time_ms: self.time_ms,
            node: self.node.to_string(),
            id: self.id,
            severity: self.severity.to_string(),
            message: self.message.to_string(),
            group: self.group.map(str::to_string),
            resource: self.resource.map(str::to_string),
        }
    }
}

impl Event {
    pub fn view(&self) -> EventRef<'_> {
        EventRef {
            seq: self.seq,
            tag: &self.tag,
            time_ms: self.time_ms,
            node: &self.node,
            id: self.id,
            severity: &self.severity,
            message: &self.message,
            group: self.group.as_deref(),
            resource: self.resource.as_deref(),
        }
    }
}

impl Default for EventLog {
    fn default() -> Self {
        Self::new()
    }
}

impl PartialEq for EventLog {
    fn eq(&self, other: &Self) -> bool {
        self.file_bytes == other.file_bytes && self.files == other.files
    }
}
