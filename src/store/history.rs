//! Previous generations of the state file, for `scsim history` and `scsim undo`.
//!
//! Before a commit replaces the state file, the file as it was is hard-linked (copied where
//! links are not possible) into `<state>.history/` as `<generation>.json`, and the command
//! that is about to change it is appended to `<state>.history/commands` (one line per
//! generation; older scsim wrote `<generation>.cmd` files, which are still read). The atomic
//! write renames a new file over the state, so the link keeps the old generation at no cost in
//! bytes. The newest [`KEEP`] generations are kept; older ones go as new ones arrive.
//!
//! The file a commit lets go of (the oldest generation, or a stale snapshot under the same
//! generation number) is not deleted: it is handed to the atomic write as its spare, which is
//! overwritten with the new state and renamed into place. A commit then creates and frees no
//! inode, which on ext4 costs more than writing the file.

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
///
/// Returns the spare: a file of an earlier generation this commit lets go of, already moved
/// to the state's spare temp name ([`atomic::spare_path`]), for the atomic write to reuse.
pub(super) fn record(state: &Path, generation: u64, command: &str) -> Option<PathBuf> {
    let d = dir(state);
    if std::fs::create_dir_all(&d).is_err() {
        return None;
    }
    let snap = d.join(format!("{generation:012}.json"));
    // A snapshot already under this number (the state was restored from a copy): its file is
    // no generation of this state any more.
    let mut spare = None;
    if snap.symlink_metadata().is_ok() {
        spare = set_aside(&snap, state);
        if spare.is_none() {
            let _ = std::fs::remove_file(&snap);
        }
    }
    if std::fs::hard_link(state, &snap).is_err() && std::fs::copy(state, &snap).is_err() {
        return spare;
    }
    // The commands file names this generation's command now; an older scsim's `.cmd` under
    // the same number is read only when the commands file has no line for it.
    append_command(&d, generation, command);
    for stem in prune(&d) {
        let json = d.join(format!("{stem}.json"));
        let recycled = spare.is_none() && {
            spare = set_aside(&json, state);
            spare.is_some()
        };
        if !recycled {
            let _ = std::fs::remove_file(&json);
        }
        let _ = std::fs::remove_file(d.join(format!("{stem}.cmd")));
    }
    spare
}

/// Move `file` to the state's spare temp name if nothing else links to it (a snapshot whose
/// other name is still the state file must not be overwritten).
fn set_aside(file: &Path, state: &Path) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::symlink_metadata(file).ok()?;
        if !meta.is_file() || meta.nlink() != 1 {
            return None;
        }
        let spare = atomic::spare_path(state);
        std::fs::rename(file, &spare).ok()?;
        Some(spare)
    }
    #[cfg(not(unix))]
    {
        let _ = (file, state);
        None
    }
}

/// The commands file of a history directory.
fn commands_file(d: &Path) -> PathBuf {
    d.join("commands")
}

/// When the commands file passes this size, it is rewritten with the kept generations only.
const COMMANDS_COMPACT_AT: u64 = 64 * 1024;

/// Append `generation`'s command: `<generation> <command>`, backslash and newline escaped.
fn append_command(d: &Path, generation: u64, command: &str) {
    use std::io::Write;
    let path = commands_file(d);
    let line = format!("{generation:012} {}\n", escape(command));
    let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    else {
        return;
    };
    let _ = f.write_all(line.as_bytes());
    if f.metadata().is_ok_and(|m| m.len() > COMMANDS_COMPACT_AT) {
        compact_commands(d);
    }
}

/// Rewrite the commands file with the lines of the generations still kept.
fn compact_commands(d: &Path) {
    let kept: std::collections::HashSet<u64> = generations(d).into_iter().map(|(g, _)| g).collect();
    let commands = read_commands(d);
    let mut text = String::new();
    let mut gens: Vec<_> = commands.iter().filter(|(g, _)| kept.contains(g)).collect();
    gens.sort_by_key(|(g, _)| **g);
    for (g, c) in gens {
        text.push_str(&format!("{g:012} {}\n", escape(c)));
    }
    let tmp = d.join("commands.tmp");
    if std::fs::write(&tmp, text).is_ok() {
        let _ = std::fs::rename(&tmp, commands_file(d));
    }
}

fn escape(command: &str) -> String {
    command
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The commands file as generation -> command (the last line of a generation wins).
fn read_commands(d: &Path) -> std::collections::HashMap<u64, String> {
    let Ok(text) = std::fs::read_to_string(commands_file(d)) else {
        return Default::default();
    };
    text.lines()
        .filter_map(|line| {
            let (g, c) = line.split_once(' ')?;
            Some((g.parse::<u64>().ok()?, unescape(c)))
        })
        .collect()
}

/// The kept generations of a history directory by their file names alone: (generation, stem).
fn generations(d: &Path) -> Vec<(u64, String)> {
    let Ok(rd) = std::fs::read_dir(d) else {
        return Vec::new();
    };
    rd.filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name();
            let stem = name.to_str()?.strip_suffix(".json")?;
            Some((stem.parse::<u64>().ok()?, stem.to_string()))
        })
        .collect()
}

/// The generations beyond the newest [`KEEP`], by file stem, for the caller to let go of. Runs
/// on every commit, so it looks at the names only (the commands are read by [`list`]).
fn prune(d: &Path) -> Vec<String> {
    let mut kept = generations(d);
    if kept.len() <= KEEP {
        return Vec::new();
    }
    kept.sort_unstable_by_key(|g| std::cmp::Reverse(g.0));
    kept.split_off(KEEP)
        .into_iter()
        .map(|(_, stem)| stem)
        .collect()
}

/// The kept generations, newest first.
pub fn list(state: &Path) -> Vec<Generation> {
    list_dir(&dir(state))
}

fn list_dir(d: &Path) -> Vec<Generation> {
    let Ok(rd) = std::fs::read_dir(d) else {
        return Vec::new();
    };
    let commands = read_commands(d);
    let mut out: Vec<Generation> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let path = e.path();
            let stem = path.file_stem()?.to_str()?.to_string();
            if path.extension()? != "json" {
                return None;
            }
            let generation = stem.parse::<u64>().ok()?;
            let command = match commands.get(&generation) {
                Some(c) => c.clone(),
                None => std::fs::read_to_string(path.with_extension("cmd"))
                    .unwrap_or_else(|_| "(command not recorded)".to_string()),
            };
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
    let target = &kept[steps - 1];
    let mut restored = load(&target.path)?;
    let spare = match load(state) {
        Ok(current) => {
            restored.generation = current.generation + 1;
            record(state, current.generation, command)
        }
        // A state file damaged by a crash (see `durable`) is not kept as a generation: it is
        // set aside, and the restored state numbered past the newest kept one and the damaged.
        Err(_) if super::is_damaged(state) => {
            set_damaged_aside(state);
            restored.generation = kept[0].generation + 2;
            None
        }
        Err(e) => return Err(e),
    };
    atomic::write_atomic(state, spare.as_deref(), true, |w| write_state(w, &restored))?;
    super::durable::mark(state, restored.generation);
    Ok((restored, kept[..steps].to_vec()))
}

/// Where an undo keeps a damaged state file: `<state>.damaged` beside it.
pub fn damaged_path(state: &Path) -> PathBuf {
    let mut name = state
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".damaged");
    state.with_file_name(name)
}

/// Link (or copy) the damaged state file to [`damaged_path`], replacing an earlier one.
fn set_damaged_aside(state: &Path) {
    let aside = damaged_path(state);
    let _ = std::fs::remove_file(&aside);
    if std::fs::hard_link(state, &aside).is_err() {
        let _ = std::fs::copy(state, &aside);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One commit as `Transaction::commit` makes it: keep the current file, write the next.
    fn commit(state: &Path, generation: u64, command: &str) -> Option<PathBuf> {
        let spare = record(state, generation, command);
        let used = spare.clone();
        atomic::write_atomic(state, spare.as_deref(), true, |w| {
            w.write_all(format!("generation {}\n", generation + 1).as_bytes())
        })
        .unwrap();
        used
    }

    #[test]
    fn commands_keep_newlines_and_backslashes() {
        for c in ["plain", "a\nb", "back\\slash\\n", "cr\r\nlf", "\\"] {
            assert_eq!(unescape(&escape(c)), c);
            assert!(!escape(c).contains('\n'));
        }
    }

    #[test]
    fn the_newest_generations_are_kept_and_the_oldest_becomes_the_next_state() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("c.json");
        std::fs::write(&state, "generation 1\n").unwrap();
        let mut recycled = 0;
        for g in 1..=(KEEP as u64 + 5) {
            let oldest = list(&state).last().map(|g| inode(&g.path));
            let spare = commit(&state, g, &format!("cmd {g}\nsecond line"));
            if let Some(spare) = spare {
                recycled += 1;
                assert_eq!(spare, atomic::spare_path(&state));
                assert!(!spare.exists(), "the spare was renamed into place");
                // The state is now the file of the generation let go of.
                assert_eq!(Some(inode(&state)), oldest);
            }
        }
        // The first commits have nothing to let go of; every later one recycles.
        assert_eq!(recycled, 5);
        let kept = list(&state);
        assert_eq!(kept.len(), KEEP);
        assert_eq!(kept[0].generation, KEEP as u64 + 5);
        assert_eq!(kept[0].command, format!("cmd {}\nsecond line", KEEP + 5));
        assert_eq!(
            std::fs::read_to_string(&kept[0].path).unwrap(),
            format!("generation {}\n", KEEP + 5)
        );
        assert_eq!(
            std::fs::read_to_string(&state).unwrap(),
            format!("generation {}\n", KEEP + 6)
        );
        // No temp file is left beside the state.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }

    #[test]
    fn a_snapshot_that_is_still_the_state_file_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("c.json");
        std::fs::write(&state, "generation 7\n").unwrap();
        let d = super::dir(&state);
        std::fs::create_dir_all(&d).unwrap();
        // A snapshot under the number the next commit uses, linked to the state itself.
        std::fs::hard_link(&state, d.join("000000000007.json")).unwrap();
        assert_eq!(record(&state, 7, "again"), None);
        assert_eq!(std::fs::read_to_string(&state).unwrap(), "generation 7\n");
        assert_eq!(list(&state)[0].command, "again");
    }

    #[test]
    fn a_commit_over_a_restored_generation_still_prunes() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("c.json");
        std::fs::write(&state, "generation 1\n").unwrap();
        for g in 1..=KEEP as u64 {
            commit(&state, g, "cmd");
        }
        // The state restored from a copy of generation 5, whose snapshot is kept, and one
        // generation more than are kept: the commit recycles the old snapshot and must still
        // remove the oldest.
        std::fs::write(&state, "generation 5\n").unwrap();
        std::fs::write(super::dir(&state).join("000000009999.json"), "x").unwrap();
        assert_eq!(list(&state).len(), KEEP + 1);
        assert!(commit(&state, 5, "again").is_some());
        assert_eq!(list(&state).len(), KEEP);
    }

    #[test]
    fn commands_of_older_cmd_files_are_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("c.json");
        std::fs::write(&state, "x").unwrap();
        let d = super::dir(&state);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("000000000003.json"), "old").unwrap();
        std::fs::write(d.join("000000000003.cmd"), "scrgadm -c -g rg").unwrap();
        std::fs::write(d.join("000000000004.json"), "older format, no command").unwrap();
        let kept = list(&state);
        assert_eq!(kept[1].command, "scrgadm -c -g rg");
        assert_eq!(kept[0].command, "(command not recorded)");
    }

    #[cfg(unix)]
    fn inode(p: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).unwrap().ino()
    }
}
