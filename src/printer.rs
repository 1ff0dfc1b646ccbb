//! The one place that writes to stdout and stderr.
//!
//! Commands build their output through a [`Printer`]; nothing else in the crate prints. Output is
//! buffered and written once, so a command's output costs one syscall per stream, and tests can
//! capture it by passing in-memory writers. A printer made with [`Printer::streaming`] (the
//! process's own stdout) writes stdout out in chunks once the buffer passes [`STREAM_CHUNK`], so
//! a listing of 10,000 resources never sits in memory whole.

use std::io::Write;

/// Stdout bytes a streaming printer holds before it writes them out.
pub const STREAM_CHUNK: usize = 256 * 1024;

/// A piece of stdout at least this large goes straight to a streaming printer's sink.
const LARGE: usize = 32 * 1024;

/// Buffered stdout/stderr for one command run.
pub struct Printer {
    /// Program name used as the message prefix (`scrgadm`, `scswitch`, `scstat`, `scsim`).
    pub prog: String,
    /// How fixes in hints are spelled (set by the personality; the 3.1 commands spell them as
    /// `scswitch`/`scrgadm` command lines).
    pub syntax: fn(&crate::fix::Fix) -> String,
    out: Vec<u8>,
    err: Vec<u8>,
    /// Where full chunks of stdout go as they fill (`None`: hold everything until the end).
    stream: Option<Box<dyn Write>>,
    /// The first failure to write a chunk of stdout (other than a closed pipe).
    lost: Option<std::io::Error>,
    /// Stdout was closed by the reader (broken pipe).
    closed: bool,
    /// [`Printer::flush_now`] writes stderr to the process's stderr (set for the process's
    /// own printer, see [`Printer::live_stderr`]).
    live_err: bool,
}

impl Printer {
    pub fn new(prog: impl Into<String>) -> Self {
        Printer {
            prog: prog.into(),
            syntax: |f| format!("{f:?}"),
            out: Vec::new(),
            err: Vec::new(),
            stream: None,
            lost: None,
            closed: false,
            live_err: false,
        }
    }
    /// A printer that writes stdout to `sink` in chunks as it fills (stderr still waits for
    /// the end, so messages come after the output they explain).
    pub fn streaming(prog: impl Into<String>, sink: Box<dyn Write>) -> Self {
        Printer {
            stream: Some(sink),
            ..Printer::new(prog)
        }
    }
    /// [`Printer::flush_now`] also writes what stderr holds to the process's stderr.
    pub fn live_stderr(mut self) -> Self {
        self.live_err = true;
        self
    }
    /// Write what is held now, for a command that keeps running (`scsim log --follow`): stdout
    /// to the stream (a printer that is not streaming keeps it for the end), stderr when live.
    pub fn flush_now(&mut self) {
        if self.stream.is_some() {
            let held = std::mem::take(&mut self.out);
            self.write_stream(&held);
            if let Some(w) = self.stream.as_mut()
                && let Err(e) = w.flush()
                && e.kind() == std::io::ErrorKind::BrokenPipe
            {
                self.closed = true;
            }
        }
        if self.live_err && !self.err.is_empty() {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(&self.err);
            let _ = err.flush();
            self.err.clear();
        }
    }
    /// The reader of stdout has gone (broken pipe): output from now on is lost.
    pub fn is_closed(&self) -> bool {
        self.closed
    }
    /// Append text to stdout.
    pub fn out(&mut self, s: &str) {
        if self.stream.is_none() || (self.out.len() + s.len() < STREAM_CHUNK && s.len() < LARGE) {
            self.out.extend_from_slice(s.as_bytes());
            return;
        }
        // Streaming, and the chunk is full or `s` is a whole rendered report: write what is
        // held, then `s` itself, without copying `s` into the buffer first (a copy of a
        // 200 KB report touched 50 fresh pages, at about 4 µs each).
        let held = std::mem::take(&mut self.out);
        self.write_stream(&held);
        self.write_stream(s.as_bytes());
        self.out = held;
        self.out.clear();
    }
    fn write_stream(&mut self, bytes: &[u8]) {
        if let Some(w) = self.stream.as_mut()
            // A closed stdout (broken pipe) is not an error: the rest is dropped. Any other
            // failure is reported when the printer is flushed.
            && let Err(e) = w.write_all(bytes)
        {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                self.closed = true;
            } else if self.lost.is_none() {
                self.lost = Some(e);
            }
        }
    }
    /// Write what stdout holds now (a streaming printer; a prompt before reading an answer).
    pub fn flush_pending(&mut self) {
        if self.stream.is_some() {
            let held = std::mem::take(&mut self.out);
            self.write_stream(&held);
            if let Some(w) = self.stream.as_mut() {
                let _ = w.flush();
            }
        }
    }
    /// Append a line to stdout.
    pub fn outln(&mut self, s: &str) {
        self.out(s);
        self.out.push(b'\n');
    }
    /// Text on stderr as it is (another program's error output passed on).
    pub fn err_text(&mut self, s: &str) {
        self.err.extend_from_slice(s.as_bytes());
    }
    /// Start capturing stdout (for a command that prints its text report inside a JSON
    /// document): `self` becomes a fresh buffering printer; the returned one is the original,
    /// to hand back to [`Printer::end_capture`].
    pub fn begin_capture(&mut self) -> Printer {
        let fresh = Printer {
            syntax: self.syntax,
            ..Printer::new(self.prog.clone())
        };
        std::mem::replace(self, fresh)
    }
    /// Stop capturing: restore `original`, pass on what was written to stderr meanwhile, and
    /// return the captured stdout.
    pub fn end_capture(&mut self, original: Printer) -> String {
        let captured = std::mem::replace(self, original);
        self.err.extend_from_slice(&captured.err);
        String::from_utf8_lossy(&captured.out).into_owned()
    }
    /// A warning on stderr: `prog: warning: text`.
    pub fn warn(&mut self, s: &str) {
        let line = format!("{}: warning: {s}\n", self.prog);
        self.err.extend_from_slice(line.as_bytes());
    }
    /// An informational line on stderr, prefixed with the program name.
    pub fn note(&mut self, s: &str) {
        let line = format!("{}: {s}\n", self.prog);
        self.err.extend_from_slice(line.as_bytes());
    }
    /// An error with its hints on stderr.
    pub fn error(&mut self, e: &crate::error::ScError) {
        // An exit status without a message (`scsim diff`: the files differ).
        if e.message.is_empty() && e.hints.is_empty() {
            return;
        }
        // Echoed input is cut (a 100,000-character name is not printed whole).
        let cut = cut_message;
        let mut s = format!("{}: {}\n", self.prog, cut(&e.message));
        for h in &e.hints {
            let h = h.render(self.syntax);
            s.push_str(&format!("{}: hint: {}\n", self.prog, cut(&h)));
        }
        self.err.extend_from_slice(s.as_bytes());
    }
    /// Write the buffers to the given streams. A closed stdout (broken pipe: `scstat | head`)
    /// is not an error; any other failure to write stdout (a full disk) is reported on stderr
    /// and returned, so that the command does not exit 0 with its output lost.
    pub fn flush_to(&mut self, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<()> {
        let written = match self.lost.take() {
            Some(e) => Err(e),
            None => out.write_all(&self.out).and_then(|()| out.flush()),
        };
        let lost = match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                let line = format!("{}: cannot write the output: {e}\n", self.prog);
                self.err.extend_from_slice(line.as_bytes());
                Some(e)
            }
            _ => None,
        };
        let _ = err.write_all(&self.err);
        let _ = err.flush();
        self.out.clear();
        self.err.clear();
        lost.map_or(Ok(()), Err)
    }
}

/// Longest word of a message printed whole.
pub const ECHO_MAX: usize = 200;
/// Characters of a cut word that are kept.
const ECHO_KEEP: usize = 40;

/// `input` cut to [`ECHO_KEEP`] characters plus its length, when longer than [`ECHO_MAX`].
pub fn cut(input: &str) -> String {
    let n = input.chars().count();
    if n <= ECHO_MAX {
        return input.to_string();
    }
    let head: String = input.chars().take(ECHO_KEEP).collect();
    format!("{head}… ({n} characters)")
}

/// A message with every over-long word cut (see [`cut`]). Short messages come back unchanged.
pub fn cut_message(msg: &str) -> std::borrow::Cow<'_, str> {
    if msg.len() <= ECHO_MAX {
        return std::borrow::Cow::Borrowed(msg);
    }
    let mut out = String::with_capacity(msg.len().min(4096));
    let mut changed = false;
    for (i, line) in msg.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, w) in line.split(' ').enumerate() {
            if j > 0 {
                out.push(' ');
            }
            if w.len() > ECHO_MAX && w.chars().count() > ECHO_MAX {
                out.push_str(&cut(w));
                changed = true;
            } else {
                out.push_str(w);
            }
        }
    }
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failing(std::io::ErrorKind);
    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn lost_output_is_an_error_but_a_closed_pipe_is_not() {
        let mut p = Printer::new("scstat");
        p.outln("-- Cluster Nodes --");
        let mut err = Vec::new();
        let r = p.flush_to(&mut Failing(std::io::ErrorKind::StorageFull), &mut err);
        assert!(r.is_err());
        assert!(
            String::from_utf8_lossy(&err).starts_with("scstat: cannot write the output:"),
            "{}",
            String::from_utf8_lossy(&err)
        );
        p.outln("-- Cluster Nodes --");
        let mut err = Vec::new();
        let r = p.flush_to(&mut Failing(std::io::ErrorKind::BrokenPipe), &mut err);
        assert!(r.is_ok());
        assert!(err.is_empty());
    }

    #[test]
    fn a_lost_chunk_of_a_streaming_printer_is_reported() {
        let mut p = Printer::streaming(
            "scrgadm",
            Box::new(Failing(std::io::ErrorKind::StorageFull)),
        );
        p.out(&"x".repeat(STREAM_CHUNK + 1));
        let mut err = Vec::new();
        let r = p.flush_to(&mut Vec::new(), &mut err);
        assert!(r.is_err());
        assert!(String::from_utf8_lossy(&err).contains("cannot write the output"));
    }

    /// A sink the test can look into while the printer holds it.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_large_piece_goes_straight_to_the_sink_in_order() {
        let sink = Shared::default();
        let mut p = Printer::streaming("scstat", Box::new(sink.clone()));
        p.outln("head");
        assert!(sink.0.borrow().is_empty(), "small pieces are held");
        let report = "r".repeat(LARGE);
        p.outln(&report);
        assert_eq!(
            sink.0.borrow().len(),
            5 + LARGE,
            "held text, then the report"
        );
        p.outln("tail");
        let mut rest = Vec::new();
        p.flush_to(&mut rest, &mut Vec::new()).unwrap();
        let mut all = sink.0.borrow().clone();
        all.extend_from_slice(&rest);
        assert!(
            all == format!("head\n{report}\ntail\n").as_bytes(),
            "out of order"
        );
    }
}
