//! scsim: a simulated Sun Cluster 3.1 resource-management command line.
//!
//! Map (see docs/ARCHITECTURE.md): `cli` parses each personality's syntax at the edge (one
//! registry of commands) and turns it into typed requests; `service` sequences every command
//! against the state file and the cluster backend (dry run or apply); `admin` validates
//! configuration changes; `engine` plans and executes runtime changes through the simulated
//! methods; `query` answers read-only questions (lookups, effective values, types); `render`
//! turns state and outcomes into text or JSON; `store` alone reads and writes the state file;
//! `printer` alone writes to stdout and stderr.

#![deny(unreachable_pub)]

pub mod admin;
pub mod cli;
pub mod engine;
pub mod error;
pub mod export;
pub mod fasthash;
pub mod fix;
pub mod import;
pub mod model;
pub mod msgsrv;
pub mod pacemaker;
pub mod printer;
pub mod query;
pub mod render;
pub mod rtr;
pub mod service;
pub mod shellword;
pub mod store;
pub mod timefmt;

use std::ffi::OsString;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by [`run_process`]: the process ends when the command does.
static PROCESS_ENDS: AtomicBool = AtomicBool::new(false);

/// Let go of a large value (a cluster state) a command is done with. In a process that ends
/// with the command its memory is left for the OS to take back at exit: freeing a state's tens
/// of thousands of allocations one by one costs a tenth of a small command at 1,000 resources.
/// Anywhere else (the library in a longer-lived program, the tests) it is dropped as usual.
pub(crate) fn let_go<T>(value: T) {
    if PROCESS_ENDS.load(Ordering::Relaxed) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}

/// Keep glibc's threshold for giving a block its own mapping at 128 KiB. glibc raises it to the
/// size of any mapped block that is freed, and the first such block is the state file's bytes,
/// freed once decoded: from then on every list of up to that size (the resources, a plan's
/// steps, its transcript) grew inside the heap, and each doubling left the old block as a hole
/// the heap kept. Mapped, a list grows in place and is given back when freed: a node failure
/// at 10,000 resources peaks 0.5–0.7 MB lower, at no measurable cost in time.
fn keep_large_blocks_mapped() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallopt only sets a parameter of the allocator; it is called before this
        // process starts any thread, and a refused setting leaves the default.
        let set = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024) };
        debug_assert_eq!(set, 1, "glibc takes a 128 KiB mmap threshold");
    }
}

/// Run one invocation (`argv` includes argv[0]) with the given environment, writing to the
/// given streams. Returns the process exit status.
pub fn run(
    argv: Vec<OsString>,
    env: &cli::Env,
    stdout: &mut dyn std::io::Write,
    stderr: &mut dyn std::io::Write,
) -> i32 {
    let mut printer = printer::Printer::new("scsim");
    let code = cli::run(argv, env, &mut printer);
    let flushed = printer.flush_to(stdout, stderr);
    exit_status(code, flushed)
}

/// The exit status: the command's, but never 0 when its output was lost (SCHA_ERR_INTERNAL).
fn exit_status(code: i32, flushed: std::io::Result<()>) -> i32 {
    match flushed {
        Err(_) if code == 0 => error::ErrorCode::Internal.exit_code(),
        _ => code,
    }
}

/// Run one invocation as the process: stdout is streamed to the real stdout in chunks (see
/// [`printer::Printer::streaming`]), stderr written at the end. Returns the exit status.
pub fn run_process(argv: Vec<OsString>, env: &cli::Env) -> i32 {
    PROCESS_ENDS.store(true, Ordering::Relaxed);
    keep_large_blocks_mapped();
    let mut printer =
        printer::Printer::streaming("scsim", Box::new(std::io::stdout())).live_stderr();
    let code = cli::run(argv, env, &mut printer);
    let flushed = printer.flush_to(&mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    let_go(printer);
    exit_status(code, flushed)
}
