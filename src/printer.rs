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

/// Buffered stdout/stderr for one command run.
pub struct Printer {
    /// Program name used as the message prefix (`scrgadm`, `scswitch`, `scstat`, `scsim`).
    pub prog: String,
    out: Vec<u8>,
    err: Vec<u8>,
    /// Where full chunks of stdout go as they fill (`None`: hold everything until the end).
    stream: Option<Box<dyn Write>>,
}

impl Printer {
    pub fn new(prog: impl Into<String>) -> Self {
        Printer {
            prog: prog.into(),
            out: Vec::new(),
            err: Vec::new(),
            stream: None,
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
    /// Append text to stdout.
    pub fn out(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
        if self.out.len() >= STREAM_CHUNK
            && let Some(w) = self.stream.as_mut()
        {
            // A closed stdout (broken pipe) is not an error: the rest is dropped.
            let _ = w.write_all(&self.out);
            self.out.clear();
        }
    }
    /// Append a line to stdout.
    pub fn outln(&mut self, s: &str) {
        self.out(s);
        self.out.push(b'\n');
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
    /// Raw text on stderr (clap's rendered usage errors).
    pub fn err_raw(&mut self, s: &str) {
        self.err.extend_from_slice(s.as_bytes());
    }
    /// An error with its hints on stderr.
    pub fn error(&mut self, e: &crate::error::ScError) {
        let mut s = format!("{}: {}\n", self.prog, e.message);
        for h in &e.hints {
            s.push_str(&format!("{}: hint: {h}\n", self.prog));
        }
        self.err.extend_from_slice(s.as_bytes());
    }
    /// Write the buffers to the given streams. A closed stdout (broken pipe) is not an error.
    pub fn flush_to(&mut self, out: &mut dyn Write, err: &mut dyn Write) {
        let _ = out.write_all(&self.out);
        let _ = out.flush();
        let _ = err.write_all(&self.err);
        let _ = err.flush();
        self.out.clear();
        self.err.clear();
    }
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.out).into_owned()
    }
}
