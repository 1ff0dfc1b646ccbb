//! The seal at the end of a state file: which build's model wrote it, and how long the document
//! was, so that a changing command can tell without a second look at every field that the file
//! holds nothing this scsim does not know (see [`super::unknown`]).
//!
//! A state file written by [`super::write_state`] ends with
//! `,"sealed":"<model>:<length>"}` and a newline, where `<model>` is [`MODEL`] (16 hex digits, a
//! hash of the source of the model types and the schema version) and `<length>` the number of
//! bytes before the `,` that starts the seal. When both match, the file is exactly what a build
//! with this model wrote, so it has no field this build does not know, and it is decoded
//! straight into the model. Anything else — another build's model (a newer scsim that added
//! fields), a file edited or rewritten by another program (the length moves), no seal — takes
//! the path that notes unknown fields and writes them back. A file that carries unknown fields
//! is written back without a seal, so it keeps taking that path.
//!
//! Older scsim builds ignore the field; the decoders here never see it as unknown.

use std::io::Write;

/// The key of the seal, the last of the top-level object.
pub(super) const KEY: &str = "sealed";

/// The files of `src/model` (a test checks that none is missing).
const SOURCES: [(&str, &str); 16] = [
    ("mod.rs", include_str!("../model/mod.rs")),
    ("value.rs", include_str!("../model/value.rs")),
    ("props.rs", include_str!("../model/props.rs")),
    ("config_event.rs", include_str!("../model/config_event.rs")),
    ("nodefiles.rs", include_str!("../model/nodefiles.rs")),
    ("defaults.rs", include_str!("../model/defaults.rs")),
    ("packed.rs", include_str!("../model/packed.rs")),
    ("nodemap.rs", include_str!("../model/nodemap.rs")),
    ("nodestate.rs", include_str!("../model/nodestate.rs")),
    ("named.rs", include_str!("../model/named.rs")),
    ("extras.rs", include_str!("../model/extras.rs")),
    ("log.rs", include_str!("../model/log.rs")),
    ("deps.rs", include_str!("../model/deps.rs")),
    ("group.rs", include_str!("../model/group.rs")),
    ("propmap.rs", include_str!("../model/propmap.rs")),
    ("interned.rs", include_str!("../model/interned.rs")),
];

/// A hash (FNV-1a) of the source files of every serde type of the state file and of its
/// schema version: any change to the model, even a comment, gives another seal, so a build
/// never takes another build's file for its own. Every type stored in the state file lives in
/// `src/model`.
pub(super) const MODEL: u64 = {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ crate::model::SCHEMA_VERSION as u64;
    let mut f = 0;
    while f < SOURCES.len() {
        let b = SOURCES[f].1.as_bytes();
        let mut i = 0;
        while i < b.len() {
            h ^= b[i] as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        f += 1;
    }
    h
};

/// Whether `doc` (a whole state file) carries this build's seal, matching its length.
pub(super) fn is_ours(doc: &[u8]) -> bool {
    let Some(body) = doc.strip_suffix(b"\"}\n") else {
        return false;
    };
    let marker = format!(",\"{KEY}\":\"{MODEL:016x}:");
    // The length is at most 20 digits: look only at the end of the file.
    let from = body.len().saturating_sub(marker.len() + 20);
    let tail = &body[from..];
    let Some(at) = tail
        .windows(marker.len())
        .rposition(|w| w == marker.as_bytes())
    else {
        return false;
    };
    let digits = &tail[at + marker.len()..];
    let start = from + at;
    !digits.is_empty()
        && digits.iter().all(u8::is_ascii_digit)
        && std::str::from_utf8(digits)
            .ok()
            .and_then(|d| d.parse::<usize>().ok())
            == Some(start)
}

/// A writer that passes everything through but the last byte written so far, and counts what
/// it passed: the closing `}` of the document is held back so the seal can go before it. It
/// buffers (the serializer writes token by token) and hands the inner writer large pieces.
pub(super) struct Sealer<'a> {
    inner: &'a mut dyn Write,
    buf: Vec<u8>,
    passed: usize,
}

const CHUNK: usize = 64 * 1024;

impl<'a> Sealer<'a> {
    pub(super) fn new(inner: &'a mut dyn Write) -> Self {
        Sealer {
            inner,
            buf: Vec::with_capacity(CHUNK + 1024),
            passed: 0,
        }
    }

    /// Pass on all but the last byte buffered.
    fn pass(&mut self) -> std::io::Result<()> {
        if self.buf.len() > 1 {
            let n = self.buf.len() - 1;
            self.inner.write_all(&self.buf[..n])?;
            self.passed += n;
            self.buf.drain(..n);
        }
        Ok(())
    }

    /// Write the seal, the closing brace and the newline.
    pub(super) fn finish(mut self) -> std::io::Result<()> {
        self.pass()?;
        if self.buf != b"}" {
            return Err(std::io::Error::other(
                "state document does not end with an object",
            ));
        }
        writeln!(self.inner, ",\"{KEY}\":\"{MODEL:016x}:{}\"}}", self.passed)
    }
}

impl Write for Sealer<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }
    // The serializer calls this once per token: no loop around `write`.
    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(buf);
        if self.buf.len() >= CHUNK {
            self.pass()?;
        }
        Ok(())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed(body: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let mut s = Sealer::new(&mut out);
        s.write_all(body.as_bytes()).unwrap();
        s.finish().unwrap();
        out
    }

    #[test]
    fn a_sealed_document_is_recognized_and_parses() {
        let doc = sealed("{\"a\":1,\"b\":\"x\"}");
        assert!(is_ours(&doc), "{}", String::from_utf8_lossy(&doc));
        let v: serde_json::Value = serde_json::from_slice(&doc).unwrap();
        assert_eq!(v["a"], 1);
        assert!(v[KEY].as_str().unwrap().ends_with(":14"));
    }

    #[test]
    fn the_model_hash_covers_every_model_file() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".rs"))
            .collect();
        on_disk.sort();
        let mut hashed: Vec<&str> = SOURCES.iter().map(|(n, _)| *n).collect();
        hashed.sort_unstable();
        assert_eq!(on_disk, hashed, "add the new model file to SOURCES");
    }

    #[test]
    fn an_edited_or_foreign_document_is_not() {
        let doc = sealed("{\"a\":1}");
        let text = String::from_utf8(doc.clone()).unwrap();
        // A field added (the length moves).
        assert!(!is_ours(text.replacen("{", "{\"new\":2,", 1).as_bytes()));
        // Another model.
        let other = text.replace(&format!("{MODEL:016x}"), "0123456789abcdef");
        assert!(!is_ours(other.as_bytes()) || MODEL == 0x0123_4567_89ab_cdef);
        // No seal, or a cut file.
        assert!(!is_ours(b"{\"a\":1}\n"));
        assert!(!is_ours(&doc[..doc.len() - 2]));
        assert!(!is_ours(b""));
    }
}
