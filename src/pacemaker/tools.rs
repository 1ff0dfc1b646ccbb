//! Running Pacemaker's command-line tools (no Rust binding exists): on a CIB file through
//! `CIB_file`, or on the live cluster of this node.

use crate::error::{ErrorCode, Result, ScError};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the tools act: a CIB file, or the local node's live cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    Live,
}

/// The Pacemaker tool `prog` is installed (on PATH or in /usr/sbin).
pub fn installed(prog: &str) -> bool {
    locate(prog).is_some()
}

fn locate(prog: &str) -> Option<PathBuf> {
    let dirs = ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin"];
    dirs.iter()
        .map(|d| Path::new(d).join(prog))
        .find(|p| p.is_file())
}

/// What a tool printed.
#[derive(Debug, Clone)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `prog args` against `target`; an exit status other than 0 is an error that quotes the
/// tool's message.
pub fn run(target: &Target, prog: &str, args: &[&str]) -> Result<Output> {
    let out = run_status(target, prog, args)?;
    if out.code != 0 {
        let msg = out.stderr.trim();
        let msg = if msg.is_empty() {
            out.stdout.trim()
        } else {
            msg
        };
        let first: Vec<&str> = msg.lines().take(6).collect();
        return Err(ScError::new(
            ErrorCode::Internal,
            format!(
                "{prog} {} failed (exit {}): {}",
                args.join(" "),
                out.code,
                first.join(" / ")
            ),
        ));
    }
    Ok(out)
}

/// As [`run`], returning a failing exit status instead of an error.
pub fn run_status(target: &Target, prog: &str, args: &[&str]) -> Result<Output> {
    let path = locate(prog).ok_or_else(|| {
        ScError::new(
            ErrorCode::Internal,
            format!("the Pacemaker tool {prog} is not installed"),
        )
        .hint("install it (Debian: apt-get install pacemaker-cli-utils)")
    })?;
    let mut cmd = Command::new(path);
    cmd.args(args).env("LC_ALL", "C");
    match target {
        Target::File(f) => {
            cmd.env("CIB_file", f);
        }
        Target::Live => {
            cmd.env_remove("CIB_file");
        }
    }
    let out = cmd
        .output()
        .map_err(|e| ScError::new(ErrorCode::Internal, format!("cannot run {prog}: {e}")))?;
    Ok(Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}

/// `crm_verify` on a CIB file: `Ok` when Pacemaker accepts it, else its complaints.
pub fn verify_file(path: &Path) -> Result<()> {
    let p = path.to_string_lossy();
    let out = run_status(&Target::Live, "crm_verify", &["-V", "-x", &p])?;
    let complaints = format!("{}{}", out.stdout, out.stderr);
    if out.code != 0 || complaints.contains("error") {
        return Err(ScError::new(
            ErrorCode::Internal,
            format!(
                "crm_verify rejects {}: {}",
                path.display(),
                complaints.trim()
            ),
        ));
    }
    Ok(())
}
