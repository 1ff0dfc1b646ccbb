//! Stepping back through kept generations of the state file (`scsim history`, `scsim undo`).

use super::{ClusterBackend, Mode, Service};
use crate::error::Result;
use crate::model::ClusterState;
use crate::store::history::{self, Generation};

impl<B: ClusterBackend> Service<B> {
    /// The kept previous generations, newest first, each with the command that changed it.
    pub fn history(&self) -> Vec<Generation> {
        history::list(self.path())
    }

    /// Whether the state file is damaged (it does not parse at all, as a crash can leave it):
    /// `scsim undo` can then still restore a kept generation.
    pub fn state_damaged(&self) -> bool {
        crate::store::is_damaged(self.path())
    }

    /// Step back `steps` commands: in [`Mode::Apply`] the state before them becomes the current
    /// state (a new generation, itself undoable); in [`Mode::DryRun`] nothing is written. Returns
    /// the state as it is (or would be) and the commands undone, newest first.
    pub fn undo(
        &mut self,
        steps: usize,
        command: &str,
        mode: Mode,
    ) -> Result<(ClusterState, Vec<Generation>)> {
        if mode.is_dry_run() {
            let kept = self.history();
            let target = kept.get(steps.wrapping_sub(1)).cloned();
            return match target {
                Some(t) if steps > 0 => Ok((crate::store::load(&t.path)?, kept[..steps].to_vec())),
                _ => {
                    // The same refusal as a real undo, without taking the lock.
                    history::undo_refusal(self.path(), steps, kept.len())
                }
            };
        }
        let timeout = self.lock_timeout.clone()?;
        history::undo(self.path(), steps, command, timeout)
    }
}
