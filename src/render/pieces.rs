//! Output handed on in pieces as it is made, so that the report of a large cluster is never
//! held whole: the printer writes pieces this large straight through to stdout.

/// The size of a piece.
pub const PIECE: usize = 64 * 1024;

/// A buffer with room for one piece and the line that completes it.
pub fn buffer() -> String {
    String::with_capacity(PIECE + 1024)
}

/// Hand `out` to `sink` and empty it, once it holds a piece.
pub fn spill(out: &mut String, sink: &mut dyn FnMut(&str)) {
    if out.len() >= PIECE {
        sink(out);
        out.clear();
    }
}

/// A writer (for serializers) that hands what it is given to a sink in pieces, each cut after
/// a whole character; [`Pieces::finish`] hands on the rest.
pub struct Pieces<'s> {
    buf: Vec<u8>,
    sink: &'s mut dyn FnMut(&str),
}

impl<'s> Pieces<'s> {
    pub fn new(sink: &'s mut dyn FnMut(&str)) -> Pieces<'s> {
        Pieces {
            buf: Vec::with_capacity(PIECE + 1024),
            sink,
        }
    }
    /// Hand on what is buffered, up to the last whole character.
    fn pass(&mut self) {
        let whole = match std::str::from_utf8(&self.buf) {
            Ok(text) => text.len(),
            Err(e) => e.valid_up_to(),
        };
        if let Ok(text) = std::str::from_utf8(&self.buf[..whole]) {
            (self.sink)(text);
        }
        self.buf.drain(..whole);
    }
    /// Forget what is buffered (not yet handed on).
    pub fn discard(&mut self) {
        self.buf.clear();
    }
    /// Hand on the rest.
    pub fn finish(mut self) {
        self.pass();
    }
}

impl std::io::Write for Pieces<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= PIECE {
            self.pass();
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn pieces_are_cut_after_whole_characters() {
        let text = "é".repeat(PIECE);
        let mut got: Vec<String> = Vec::new();
        let mut sink = |p: &str| got.push(p.to_string());
        let mut w = Pieces::new(&mut sink);
        // Odd-sized writes: some end inside a two-byte character.
        for chunk in text.as_bytes().chunks(777) {
            w.write_all(chunk).unwrap();
        }
        w.finish();
        assert!(got.len() > 1);
        assert_eq!(got.concat(), text);
    }

    #[test]
    fn a_string_is_handed_on_once_it_holds_a_piece() {
        let mut got = 0;
        let mut sink = |p: &str| got += p.len();
        let mut out = buffer();
        out.push_str(&"x".repeat(PIECE - 1));
        spill(&mut out, &mut sink);
        assert_eq!(out.len(), PIECE - 1);
        out.push('x');
        spill(&mut out, &mut sink);
        assert!(out.is_empty());
        assert_eq!(got, PIECE);
    }
}
