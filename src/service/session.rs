//! One command's hold on the state: a copy ([`Mode::DryRun`]) or a locked transaction
//! ([`Mode::Apply`]), the same code working on either.

use super::{ClusterBackend, CommandLine, Intent, Mode, Transition};
use crate::engine;
use crate::error::Result;
use crate::model::{ClusterState, Fault};
use crate::query::lookup;
use crate::store::Transaction;

pub(super) enum Staged {
    Copy(Box<ClusterState>),
    Locked(Box<Transaction>),
}

/// Work on one state with the service's backend; see [`super::Service::open`].
pub struct Session<'a, B: ClusterBackend> {
    backend: &'a mut B,
    staged: Staged,
    now_ms: u64,
    /// The node the command runs on, as requested (`SCSIM_NODE`, `scsim on`).
    node: Option<String>,
    path: std::path::PathBuf,
}

impl<'a, B: ClusterBackend> Session<'a, B> {
    pub(super) fn new(
        backend: &'a mut B,
        staged: Staged,
        now_ms: u64,
        node: Option<String>,
        path: std::path::PathBuf,
    ) -> Self {
        Session {
            backend,
            staged,
            now_ms,
            node,
            path,
        }
    }

    /// The state file the session works on.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Write node files now (a dry run writes nothing). The state file is not rewritten.
    pub fn write_files(&self, changes: &[crate::model::nodefiles::FileChange]) -> Result<()> {
        match &self.staged {
            Staged::Copy(_) => Ok(()),
            Staged::Locked(t) => t.write_files(changes),
        }
    }

    /// The node the command runs on: the requested one when it is a cluster node, else the
    /// default local node (`query::lookup::local_node`).
    pub fn local_node(&self) -> String {
        let state = self.state();
        lookup::local_node(state, self.node.as_deref())
            .unwrap_or_else(|_| lookup::default_local_node(state))
    }

    pub fn mode(&self) -> Mode {
        match self.staged {
            Staged::Copy(_) => Mode::DryRun,
            Staged::Locked(_) => Mode::Apply,
        }
    }

    /// Wall-clock time of the command.
    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }

    /// The state as the session has it now.
    pub fn state(&self) -> &ClusterState {
        match &self.staged {
            Staged::Copy(s) => s,
            Staged::Locked(t) => &t.state,
        }
    }

    pub(super) fn state_mut(&mut self) -> &mut ClusterState {
        match &mut self.staged {
            Staged::Copy(s) => s,
            Staged::Locked(t) => &mut t.state,
        }
    }

    /// The state and the backend together, for a backend call.
    pub(super) fn parts(&mut self) -> (&mut ClusterState, &mut B, u64) {
        let now = self.now_ms;
        let state = match &mut self.staged {
            Staged::Copy(s) => &mut **s,
            Staged::Locked(t) => &mut t.state,
        };
        (state, &mut *self.backend, now)
    }

    /// Bring the simulated clock up to the command's wall-clock time.
    pub fn catch_up_clock(&mut self) {
        let now = self.now_ms;
        engine::catch_up_clock(self.state_mut(), now);
    }

    /// Log the command line (a dry run logs nothing).
    pub fn log_command(&mut self, cmd: CommandLine) {
        if let Staged::Locked(t) = &mut self.staged {
            let words = std::iter::once(cmd.prog).chain(cmd.words.iter().map(String::as_str));
            t.set_command(crate::shellword::join(words));
        }
        if self.mode() == Mode::Apply {
            let node = self.local_node();
            let (state, backend, now) = self.parts();
            backend.log_command(state, &node, cmd.prog, cmd.words, now);
        }
    }

    /// The node the command runs on, checked: an unknown requested node is exit 11.
    pub fn checked_local_node(&self) -> Result<String> {
        lookup::local_node(self.state(), self.node.as_deref())
    }

    /// The state and the backend, for a backend call that the session does not wrap.
    pub(super) fn backend_parts(&mut self) -> (&mut ClusterState, &mut B, u64) {
        self.parts()
    }

    /// Carry out an intent on the session's state.
    pub fn apply_intent(&mut self, intent: &Intent) -> Result<Transition> {
        let (state, backend, now) = self.parts();
        backend.apply_intent(state, intent, now)
    }

    /// Arm a simulated fault (fires when the method next runs).
    pub fn arm_fault(&mut self, fault: Fault) {
        self.state_mut().faults.push(fault);
    }

    /// End the session without writing anything (the lock is released); the state as the
    /// session had it is returned.
    pub fn abandon(self) -> ClusterState {
        match self.staged {
            Staged::Copy(s) => *s,
            Staged::Locked(t) => t.abort(),
        }
    }

    /// [`Session::finish`] for a caller that has no use for the resulting state.
    pub fn commit(self) -> Result<()> {
        self.finish().map(crate::let_go)
    }

    /// End the session: [`Mode::Apply`] writes the state (and releases the lock);
    /// [`Mode::DryRun`] writes nothing. Either way the resulting state is returned.
    pub fn finish(self) -> Result<ClusterState> {
        match self.staged {
            Staged::Copy(s) => Ok(*s),
            Staged::Locked(t) => t.commit(),
        }
    }
}
