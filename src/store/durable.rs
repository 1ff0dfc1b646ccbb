//! When a commit waits for the disk: group commit.
//!
//! Every commit writes a whole new file and renames it over the state, so every process sees
//! one whole generation or the next, never part of one, whatever happens to a process. Whether
//! the new file's data reached the disk before the rename matters only after a power loss or a
//! kernel crash: a rename that got to the disk before the data can leave the state file empty
//! or cut short.
//!
//! * [`Sync::Every`] (`SCSIM_SYNC=every`) syncs the file before every rename.
//! * [`Sync::Grouped`] (the default) syncs a commit when the last synced one is more than
//!   [`WINDOW`] old or [`MAX_UNSYNCED`] generations back, so a command typed by hand always
//!   syncs and a script pays one sync for a burst of commands. The other commits write the
//!   file the history let go of in place and rename it without waiting. After a power loss, at
//!   most the commits of the last second (and never more than `MAX_UNSYNCED - 1` of them) can
//!   come back damaged; the last synced generation is among the kept ones (`MAX_UNSYNCED` <
//!   [`super::history::KEEP`]), and a damaged state file names it and the `scsim undo` that
//!   restores it (`super::damaged_hint`).
//!
//! The last synced generation is written to `<state>.history/synced` (20 digits and a newline),
//! its time is that file's modification time. The marker is advice: a marker that is missing,
//! unreadable, from the future or of a generation that is not behind makes the commit sync.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How a commit waits for the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sync {
    /// Sync when the last synced commit is older than [`WINDOW`] or [`MAX_UNSYNCED`] back.
    #[default]
    Grouped,
    /// Sync every commit.
    Every,
}

impl Sync {
    /// `SCSIM_SYNC`'s values: `grouped` and `every`.
    pub fn parse(text: &str) -> Option<Sync> {
        match text {
            "grouped" => Some(Sync::Grouped),
            "every" => Some(Sync::Every),
            _ => None,
        }
    }
}

/// A commit syncs when the last synced one is at least this old.
pub const WINDOW: Duration = Duration::from_secs(1);

/// A commit syncs when the last synced one is this many generations back.
pub const MAX_UNSYNCED: u64 = 8;

const _: () = assert!(MAX_UNSYNCED < super::history::KEEP as u64);

fn marker(state: &Path) -> PathBuf {
    super::history::dir(state).join("synced")
}

/// Whether the commit that writes `generation` must sync the state file.
pub(super) fn due(state: &Path, policy: Sync, generation: u64) -> bool {
    policy == Sync::Every || !within_group(state, generation)
}

fn within_group(state: &Path, generation: u64) -> bool {
    let Ok(mut file) = std::fs::File::open(marker(state)) else {
        return false;
    };
    let recent = file
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age < WINDOW);
    let mut text = String::new();
    if !recent || file.read_to_string(&mut text).is_err() {
        return false;
    }
    text.trim()
        .parse::<u64>()
        .is_ok_and(|last| last < generation && generation - last < MAX_UNSYNCED)
}

/// Note that the state file of `generation` was synced. Best effort: a marker not written
/// makes the next commit sync.
///
/// The number is written over the old one at a fixed width, not into a truncated file: on a
/// file system mounted with `discard`, truncating frees the block at the cost of 0.2 ms.
pub(super) fn mark(state: &Path, generation: u64) {
    use std::os::unix::fs::FileExt;
    let Ok(file) = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(marker(state))
    else {
        return;
    };
    let _ = file.write_all_at(format!("{generation:020}\n").as_bytes(), 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_syncs_once_per_group_and_a_stale_marker_syncs() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("c.json");
        std::fs::create_dir_all(super::super::history::dir(&state)).unwrap();
        // No marker: sync.
        assert!(due(&state, Sync::Grouped, 5));
        mark(&state, 5);
        for g in 6..5 + MAX_UNSYNCED {
            assert!(!due(&state, Sync::Grouped, g), "generation {g}");
            assert!(due(&state, Sync::Every, g));
        }
        assert!(due(&state, Sync::Grouped, 5 + MAX_UNSYNCED));
        // A state restored from an older copy: its generations are not behind the marker.
        assert!(due(&state, Sync::Grouped, 5));
        assert!(due(&state, Sync::Grouped, 3));
        // An old marker.
        let f = std::fs::File::options()
            .write(true)
            .open(marker(&state))
            .unwrap();
        f.set_modified(std::time::SystemTime::now() - WINDOW * 2)
            .unwrap();
        assert!(due(&state, Sync::Grouped, 6));
        // A marker from the future (the clock was set back).
        f.set_modified(std::time::SystemTime::now() + WINDOW * 60)
            .unwrap();
        assert!(due(&state, Sync::Grouped, 6));
        std::fs::remove_file(marker(&state)).unwrap();
        assert!(due(&state, Sync::Grouped, 6));
        std::fs::write(marker(&state), "garbage").unwrap();
        assert!(due(&state, Sync::Grouped, 6));
    }

    #[test]
    fn values_of_the_variable() {
        assert_eq!(Sync::parse("every"), Some(Sync::Every));
        assert_eq!(Sync::parse("grouped"), Some(Sync::Grouped));
        assert_eq!(Sync::parse("always"), None);
    }
}
