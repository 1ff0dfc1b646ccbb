//! The buffer of the log entries one command makes (see [`PackedLog`]).

#[cfg(test)]
use super::Event;
use super::EventRef;

/// The entries a command logs, packed: the text of every entry (tag, node, severity, message,
/// group and resource back to back) in a few large buffers of [`PackedLog::CHUNK`] bytes, and
/// a fixed-size head per entry. A node failure at scale buffers tens of thousands of entries
/// until the commit writes them out: one allocation per entry (six for an [`Event`]) would
/// cost more than the text, and one buffer growing by doubling up to twice the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackedLog {
    chunks: Vec<String>,
    heads: Vec<PackedHead>,
}

/// Where one entry of a [`PackedLog`] is: its numbers, its chunk, and the start of its text
/// and the end of each of its six strings in that chunk.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PackedHead {
    seq: u64,
    time_ms: u64,
    id: u32,
    chunk: u32,
    start: u32,
    ends: [u32; 6],
    /// Bit 0: the entry has a group; bit 1: a resource.
    has: u8,
}

impl PackedLog {
    /// Size of a text buffer (an entry longer than this gets a buffer of its own size).
    pub const CHUNK: usize = 64 * 1024;

    pub fn push(&mut self, e: EventRef<'_>) {
        let parts = [
            e.tag,
            e.node,
            e.severity,
            e.message,
            e.group.unwrap_or(""),
            e.resource.unwrap_or(""),
        ];
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= len);
        if !fits {
            self.chunks
                .push(String::with_capacity(len.max(Self::CHUNK)));
        }
        let chunk = self.chunks.len() - 1;
        let Some(text) = self.chunks.last_mut() else {
            return;
        };
        let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let start = offset(text.len());
        let mut ends = [0u32; 6];
        for (end, part) in ends.iter_mut().zip(parts) {
            text.push_str(part);
            *end = offset(text.len());
        }
        self.heads.push(PackedHead {
            seq: e.seq,
            time_ms: e.time_ms,
            id: e.id,
            chunk: offset(chunk),
            start,
            ends,
            has: u8::from(e.group.is_some()) | (u8::from(e.resource.is_some()) << 1),
        });
    }
    pub fn len(&self) -> usize {
        self.heads.len()
    }
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }
    /// Forget every entry, keeping one text buffer and the heads' room for the next ones.
    pub fn clear(&mut self) {
        self.heads.clear();
        self.chunks.truncate(1);
        if let Some(c) = self.chunks.first_mut() {
            c.clear();
        }
    }
    /// The entries, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = EventRef<'_>> + '_ {
        self.heads.iter().map(move |h| {
            let text = self.chunks.get(h.chunk as usize).map_or("", String::as_str);
            let part = |k: usize| {
                let start = if k == 0 { h.start } else { h.ends[k - 1] };
                text.get(start as usize..h.ends[k] as usize).unwrap_or("")
            };
            EventRef {
                seq: h.seq,
                tag: part(0),
                time_ms: h.time_ms,
                node: part(1),
                id: h.id,
                severity: part(2),
                message: part(3),
                group: (h.has & 1 != 0).then(|| part(4)),
                resource: (h.has & 2 != 0).then(|| part(5)),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: u64, message: &str, group: Option<&'static str>) -> Event {
        Event {
            seq,
            tag: "Cluster.RGM.rgmd".to_string(),
            time_ms: 1000 + seq,
            node: "node-1".to_string(),
            id: 529_407,
            severity: "notice".to_string(),
            message: message.to_string(),
            group: group.map(str::to_string),
            resource: seq.is_multiple_of(2).then(|| format!("rs-{seq}")),
        }
    }

    #[test]
    fn entries_come_back_as_pushed_across_buffers() {
        let long = "x".repeat(PackedLog::CHUNK + 10);
        let mut events: Vec<Event> = (1..3000)
            .map(|i| {
                entry(
                    i,
                    &format!("resource rs-{i} state on node node-1 change to R_ONLINE"),
                    Some("rg-1"),
                )
            })
            .collect();
        events.insert(1500, entry(9999, &long, None));
        events.push(entry(10_000, "", Some("")));
        let mut log = PackedLog::default();
        for e in &events {
            log.push(e.view());
        }
        assert_eq!(log.len(), events.len());
        assert!(log.chunks.len() > 2, "the text spans several buffers");
        let back: Vec<Event> = log.iter().map(|e| e.to_event()).collect();
        assert_eq!(back, events);
        let last = log.iter().next_back().map(|e| e.to_event());
        assert_eq!(last.as_ref(), events.last());
        // Cleared, it takes new entries in one buffer.
        log.clear();
        assert!(log.is_empty() && log.iter().next().is_none());
        for e in &events[..10] {
            log.push(e.view());
        }
        let back: Vec<Event> = log.iter().map(|e| e.to_event()).collect();
        assert_eq!(back, events[..10]);
        assert_eq!(log.chunks.len(), 1);
    }
}
