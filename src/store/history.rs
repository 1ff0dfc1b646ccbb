//! Previous generations of the state file, for `scsim history` and `scsim undo`.
//!
//! Before a commit replaces the state file, the file as it was is hard-linked (copied where
//! links are not possible) into `<state>.history/` as `<generation>.json`, with the command
//! that is about to change it in `<generation>.cmd`. The atomic write renames a new file over
//! the state, so the link keeps the old generation at no cost in bytes. The newest
//! [`KEEP`] generations are kept; older ones are removed as new ones arrive.

use super::{StateLock, atomic, load, write_state};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::ClusterState;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many previous generations are kept.
pub const KEEP: usize = 20;

/// One kept generation: the state before `command` ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    /// The generation number of the kept state.
    pub generation: u64,
    /// The command that changed it into the next generation.
    pub command: String,
    /// The file holding it.
    pub path: PathBuf,
}

/// `<dir>/<file>.history` beside the state file.
pub fn dir(state: &Path) -> PathBuf {
    let mut name = state
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".history");
    state.with_file_name(name)
}

/// Keep the state file as it is now (generation `generation`) before `command` replaces it.
/// Failing to keep history never fails the command: the state change matters more.
pub(super) fn record(state: &Path, generation: u64, command: &str) {
    let d = dir(state);
    if std::fs::create_dir_all(&d).is_err() {
        return;
    }
    let snap = d.join(format!("{generation:012}.json"));
    let _ = std::fs::remove_file(&snap);
    if std::fs::hard_link(state, &snap).is_err() && std::fs::copy(state, &snap).is_err() {
        return;
    }
    let _ = std::fs::write(d.join(format!("{generation:012}.cmd")), command);
    prune(&d);
}

/// Remove all but the newest [`KEEP`] generations. Runs on every commit, so it looks at the
/// names only (the commands are read by [`list`]).
fn prune(d: &Path) {
    let Ok(rd) = std::fs::read_dir(d) else {
        return;
    };
    let mut kept: Vec<(u64, String)> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name();
            let stem = name.to_str()?.strip_suffix(".json")?;
            Some((stem.parse::<u64>().ok()?, stem.to_string()))
        })
        .collect();
    if kept.len() > KEEP {
        kept.sort_unstable_by_key(|g| std::cmp::Reverse(g.0));
        for (_, stem) in &kept[KEEP..] {
            let _ = std::fs::remove_file(d.join(format!("{stem}.json")));
            let _ = std::fs::remove_file(d.join(format!("{stem}.cmd")));
        }
    }
}

/// The kept generations, newest first.
pub fn list(state: &Path) -> Vec<Generation> {
    list_dir(&dir(state))
}

fn list_dir(d: &Path) -> Vec<Generation> {
    let Ok(rd) = std::fs::read_dir(d) else {
        return Vec::new();
    };
    let mut out: Vec<Generation> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let path = e.path();
            let stem = path.file_stem()?.to_str()?.to_string();
            if path.extension()? != "json" {
                return None;
            }
            let generation = stem.parse::<u64>().ok()?;
            let command = std::fs::read_to_string(path.with_extension("cmd"))
                .unwrap_or_else(|_| "(command not recorded)".to_string());
            Some(Generation {
                generation,
                command,
                path,
            })
        })
        .collect();
    out.sort_by_key(|g| std::cmp::Reverse(g.generation));
    out
}

/// Step back `steps` commands: the state as it was before the last `steps` recorded
/// commands becomes the current state, as a new generation (so an undo can itself be undone).
/// Returns the restored state and the commands undone, newest first.
pub fn undo(
    state: &Path,
    steps: usize,
    command: &str,
    timeout: Duration,
) -> Result<(ClusterState, Vec<Generation>)> {
    let kept = list(state);
    if steps == 0 || steps > kept.len() {
        return undo_refusal(state, steps, kept.len());
    }
    let _lock = StateLock::acquire(state, timeout)?;
    let current = load(state)?;
    let target = &kept[steps - 1];
    let mut restored = load(&target.path)?;
    restored.generation = current.generation + 1;
    record(state, current.generation, command);
    atomic::write_atomic(state, |w| write_state(w, &restored))?;
    Ok((restored, kept[..steps].to_vec()))
}

/// The error of an undo of more steps than are kept.
pub fn undo_refusal<T>(state: &Path, steps: usize, kept: usize) -> Result<T> {
    let what = if kept == 0 {
        "no earlier generation is kept".to_string()
    } else {
        format!("only {kept} earlier generation(s) are kept")
    };
    Err(ScError::new(
        ErrorCode::State,
        format!(
            "cannot undo {steps} command(s) of {}: {what}",
            state.display()
        ),
    )
    .hint(format!(
        "list what can be undone with `scsim history` (the last {KEEP} changes are kept)"
    )))
}
