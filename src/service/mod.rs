//! The cluster service: the one entry every command personality calls.
//!
//! A personality (scrgadm, scswitch, scstat, the native `scsim` verbs, and later the `scha_*`
//! commands and the 3.2 object CLI) parses its own syntax into typed values and calls the
//! service; the service owns the sequencing of a command against the state file and the
//! cluster backend:
//!
//! * [`Service::snapshot`]: the state, read once without a lock (listings, status, queries);
//! * [`Service::configure`]: a configuration change (log the command, prepare, Validate,
//!   pre-events, commit, config events);
//! * [`Service::apply_intent`]: a runtime intent, with the transition and whether the
//!   requested result was reached ([`Applied`]);
//! * fault, time and monitor operations of the simulator ([`faults`], [`time`]);
//! * [`Service::open`]: a [`Session`] for callers that need several steps on one state.
//!
//! [`Mode`] says whether a call changes the cluster ([`Mode::Apply`]: lock, one read, one
//! commit) or only shows what would happen ([`Mode::DryRun`]: a copy, nothing written); that
//! is decided here once, not in every command. The cluster's behaviour sits behind
//! [`ClusterBackend`] at the level of intents: [`Simulator`] keeps the engine's planner and
//! executor (and is the only code outside `engine` that names the simulated method runner); a
//! backend that plans for itself (Pacemaker: move, ban, target-role) implements the same trait.

#![deny(clippy::too_many_lines)]

mod backend;
pub mod batch;
pub mod config;
pub mod faults;
mod history;
pub mod msgtools;
pub mod runtime;
pub mod scha;
mod session;
pub mod time;

pub use crate::engine::check::Unmet;
pub use crate::engine::{Intent, Transition};
pub use backend::{Auto, ClusterBackend, ConfigEvent, Simulator};
pub use config::Configured;
pub use runtime::Applied;
pub use session::Session;

use crate::error::Result;
use crate::model::ClusterState;
use crate::store;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Whether a call changes the cluster or only shows what it would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Lock the state file, read it once, change it in memory, write it once.
    Apply,
    /// Work on a copy read without a lock; nothing is written and nothing is logged.
    DryRun,
}

impl Mode {
    /// [`Mode::DryRun`] when `dry_run`, else [`Mode::Apply`].
    pub fn dry_run_if(dry_run: bool) -> Mode {
        if dry_run { Mode::DryRun } else { Mode::Apply }
    }
    pub fn is_dry_run(self) -> bool {
        self == Mode::DryRun
    }
}

/// The command line a change is logged as (`scswitch -z -g RG -h n2`).
#[derive(Debug, Clone, Copy)]
pub struct CommandLine<'a> {
    pub prog: &'a str,
    pub words: &'a [String],
}

/// A set of commands that exists on some releases only: a command of a set the cluster's
/// release lacks is "not found", as on a real node of that release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandSet {
    /// scrgadm, scswitch, scstat (3.1 and 3.2).
    Sc31,
    /// clrg, clrs, clrt, … (3.2 and 4.x).
    ObjectCli,
}

/// The cluster behind one state file, run by backend `B`.
pub struct Service<B: ClusterBackend = Simulator> {
    path: PathBuf,
    lock_timeout: Result<Duration>,
    /// When a commit waits for the disk (`SCSIM_SYNC`); a bad value is reported by a commit.
    sync: Result<store::durable::Sync>,
    backend: B,
    /// The node commands run on, as requested (`SCSIM_NODE`, `scsim on NODE`); `None`: the
    /// default local node.
    node: Option<String>,
    /// The command set of the calling command, checked against the cluster's release.
    set: Option<CommandSet>,
    /// The caller is a command of the cluster's command line, run on `node`: every read
    /// checks that the node exists and is up ([`Service::runs_on_node`]).
    on_cluster_node: bool,
}

impl Service<Simulator> {
    /// The simulated cluster in the state file at `path`. A bad lock timeout is reported only
    /// by a call that takes the lock.
    pub fn simulator(path: PathBuf, lock_timeout: Result<Duration>) -> Self {
        Service::with_backend(path, lock_timeout, Simulator)
    }
}

impl Service<Auto> {
    /// The cluster in the state file at `path`, run by the backend the state is bound to.
    pub fn auto(path: PathBuf, lock_timeout: Result<Duration>) -> Self {
        Service::with_backend(path, lock_timeout, Auto::default())
    }
}

impl<B: ClusterBackend> Service<B> {
    pub fn with_backend(path: PathBuf, lock_timeout: Result<Duration>, backend: B) -> Self {
        Service {
            path,
            lock_timeout,
            sync: Ok(store::durable::Sync::default()),
            backend,
            node: None,
            set: None,
            on_cluster_node: false,
        }
    }

    /// The caller belongs to command set `set`: every read checks that the cluster's release
    /// has it (exit 127, "command not found", otherwise).
    pub fn require(&mut self, set: CommandSet) {
        self.set = Some(set);
    }

    /// How commits wait for the disk ([`store::durable`]).
    pub fn syncing(mut self, sync: Result<store::durable::Sync>) -> Self {
        self.sync = sync;
        self
    }

    /// Run commands on `node` (a name or id; `None`: the default local node): logged command
    /// lines and scha_control requests name it.
    pub fn on_node(mut self, node: Option<String>) -> Self {
        self.node = node;
        self
    }

    /// The caller is a command run on a cluster node (every personality of the registry; not
    /// the simulator's own verbs, which act on the cluster from outside): every read refuses
    /// a requested node that does not exist or is down (exit 11), before anything changes.
    pub fn runs_on_node(&mut self) {
        self.on_cluster_node = true;
    }

    fn check_node(&self, state: &ClusterState) -> Result<()> {
        if !self.on_cluster_node {
            return Ok(());
        }
        crate::query::lookup::running_node(state, self.node.as_deref()).map(|_| ())
    }

    fn check_release(&self, state: &ClusterState) -> Result<()> {
        let release = state.cluster.release;
        let missing = match self.set {
            Some(CommandSet::Sc31) => !release.has_sc31_commands(),
            Some(CommandSet::ObjectCli) => !release.has_object_cli(),
            None => false,
        };
        if !missing {
            return Ok(());
        }
        let hint = match self.set {
            Some(CommandSet::Sc31) => format!(
                "cluster {} runs {}, which has only the object commands: clresourcegroup (clrg), clresource (clrs), clresourcetype (clrt), clnode, cluster status …",
                state.cluster.name,
                release.product()
            ),
            _ => format!(
                "cluster {} runs {}, which has scrgadm, scswitch and scstat; the object commands came with Sun Cluster 3.2 (scsim init --release 3.2 has both sets)",
                state.cluster.name,
                release.product()
            ),
        };
        Err(
            crate::error::ScError::new(crate::error::ErrorCode::NotFound, "command not found")
                .hint(hint),
        )
    }

    /// The release of the cluster in the state file, if it can be read (one more read, for
    /// the error path of a command whose hints follow the release).
    pub fn release(&self) -> Option<crate::model::Release> {
        store::load(&self.path).ok().map(|s| s.cluster.release)
    }

    /// Where the state lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The state as it is now: one read, no lock.
    pub fn snapshot(&self) -> Result<ClusterState> {
        let mut state = store::load(&self.path)?;
        self.check_release(&state)?;
        self.backend.observe(&mut state)?;
        self.check_node(&state)?;
        Ok(state)
    }

    /// The event log of `state` (read from this state file's messages files, or the log a
    /// version-1 state still embeds), with the problems found reading it.
    pub fn read_log(&self, state: &ClusterState) -> LogRead {
        store::messages::read(&self.path, state)
    }

    /// Follow the event log from where `read` stopped (`scsim log --follow`).
    pub fn follow_log(&self, read: &mut LogRead) -> LogFollower {
        LogFollower::new(&self.path, read)
    }

    /// Begin work on the cluster at wall-clock time `now_ms`: in [`Mode::Apply`] the state file
    /// is locked and read (commit with [`Session::finish`]); in [`Mode::DryRun`] a copy is read.
    pub fn open(&mut self, mode: Mode, now_ms: u64) -> Result<Session<'_, B>> {
        self.backend.begin(mode);
        let staged = match mode {
            Mode::DryRun => {
                let mut copy = store::load(&self.path)?;
                // Nothing writes a dry run's log: none is kept.
                copy.events.mute();
                session::Staged::Copy(Box::new(copy))
            }
            Mode::Apply => {
                let timeout = self.lock_timeout.clone()?;
                let sync = self.sync.clone()?;
                let mut tx = store::begin(&self.path, timeout)?;
                tx.set_sync(sync);
                session::Staged::Locked(Box::new(tx))
            }
        };
        let state = match &staged {
            session::Staged::Copy(s) => s,
            session::Staged::Locked(t) => &t.state,
        };
        self.check_release(state)?;
        self.check_node(state)?;
        Ok(Session::new(
            &mut self.backend,
            staged,
            now_ms,
            self.node.clone(),
            self.path.clone(),
        ))
    }
}

pub use crate::admin::init::InitOptions;
pub use crate::store::messages::{Follower as LogFollower, LogRead};
pub use crate::store::parse_timeout as parse_lock_timeout;

/// The bytes of a file the administrator names (an RTR file given to `scrgadm -f`): a regular
/// file only, at most [`crate::store::file::MAX_RTR_BYTES`].
pub fn read_type_file(path: &Path) -> std::io::Result<Vec<u8>> {
    store::file::read_regular(path, store::file::MAX_RTR_BYTES, "RTR file")
}

/// Create a new simulated cluster in the state file at `path` (the only operation that
/// creates one); `force` replaces an existing file. Returns the new state.
pub fn create_cluster(
    path: &Path,
    opts: &InitOptions,
    force: bool,
    now_ms: u64,
    lock_timeout: Result<Duration>,
) -> Result<ClusterState> {
    let mut state = crate::admin::init::new_cluster(opts, now_ms)?;
    if state.backend.is_some() {
        crate::pacemaker::backend::bind(&mut state)?;
    }
    let files = crate::admin::init::initial_files(opts, &state)?;
    store::create_with_files(path, &state, force, lock_timeout?, &files)?;
    Ok(state)
}

#[cfg(test)]
mod tests;
