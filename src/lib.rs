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
    let mut printer =
        printer::Printer::streaming("scsim", Box::new(std::io::stdout())).live_stderr();
    let code = cli::run(argv, env, &mut printer);
    let flushed = printer.flush_to(&mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    let_go(printer);
    exit_status(code, flushed)
}
