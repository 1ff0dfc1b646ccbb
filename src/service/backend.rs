//! The seam between the service and what runs the cluster: intents in, transitions out.

use crate::engine::{self, Intent, Transition};
use crate::error::Result;
use crate::model::{ClusterState, RStatus, Resource};

pub use crate::model::ConfigEvent;

/// What runs the cluster. The service sequences commands; a backend carries out intents and
/// configuration reactions on the state it is given. The simulator plans and executes method
/// calls itself (engine planner + executor); a backend that plans for itself (Pacemaker, which
/// takes targets: move, ban, target-role) turns intents into its own requests here.
pub trait ClusterBackend {
    /// Carry out `intent` on `state` at wall-clock `now_ms`; the transition says what ran,
    /// what failed and how the cluster reacted. A refusal (unknown name, forbidden move) is an
    /// error and leaves nothing to write.
    fn apply_intent(
        &mut self,
        state: &mut ClusterState,
        intent: &Intent,
        now_ms: u64,
    ) -> Result<Transition>;

    /// Approve a resource as it would be after a configuration change (Validate). An error
    /// refuses the change.
    fn validate(
        &mut self,
        state: &mut ClusterState,
        proposed: &Resource,
        now_ms: u64,
    ) -> Result<()>;

    /// React to a configuration change (Init, Fini, Update, bringing groups in line).
    fn config_event(
        &mut self,
        state: &mut ClusterState,
        event: &ConfigEvent,
        now_ms: u64,
    ) -> Result<()>;

    /// Set the status and status message of `resource` on `node` (scha_resource_setstatus).
    fn set_status(
        &mut self,
        state: &mut ClusterState,
        resource: &str,
        node: &str,
        status: RStatus,
        message: &str,
        now_ms: u64,
    ) {
        engine::hooks::set_status(state, resource, node, status, message, now_ms);
    }

    /// Record a command line in the cluster's log, as run on `node`.
    fn log_command(
        &mut self,
        state: &mut ClusterState,
        node: &str,
        prog: &str,
        words: &[String],
        now_ms: u64,
    );

    /// A session begins in `mode` (a backend that acts on a real cluster does nothing in a dry
    /// run).
    fn begin(&mut self, _mode: super::Mode) {}

    /// A configuration change was committed to `state` (after its config events): a backend
    /// that keeps its own copy of the configuration updates it here. An error refuses the
    /// change.
    fn committed(&mut self, _state: &mut ClusterState, _now_ms: u64) -> Result<()> {
        Ok(())
    }

    /// Bring the runtime part of a state just read up to date with the cluster (scstat).
    fn observe(&self, _state: &mut ClusterState) -> Result<()> {
        Ok(())
    }
}

/// The simulated cluster: the engine's planner and executor with the simulated method runner
/// (`engine::SimMethods`, which owns the injected faults while it runs and takes simulated
/// time). The only code outside `engine` that creates that runner.
#[derive(Debug, Default)]
pub struct Simulator;

impl ClusterBackend for Simulator {
    fn apply_intent(
        &mut self,
        state: &mut ClusterState,
        intent: &Intent,
        now_ms: u64,
    ) -> Result<Transition> {
        engine::catch_up_clock(state, now_ms);
        engine::simulate_with_faults(state, |s, m| engine::run(s, intent, m))
    }

    fn validate(
        &mut self,
        state: &mut ClusterState,
        proposed: &Resource,
        now_ms: u64,
    ) -> Result<()> {
        engine::simulate_with_faults(state, |s, m| {
            engine::hooks::validate(s, proposed, now_ms, m)
        })
    }

    fn config_event(
        &mut self,
        state: &mut ClusterState,
        event: &ConfigEvent,
        now_ms: u64,
    ) -> Result<()> {
        engine::simulate_with_faults(state, |s, m| {
            engine::hooks::config_event(s, event, now_ms, m)
        })
    }

    fn log_command(
        &mut self,
        state: &mut ClusterState,
        node: &str,
        prog: &str,
        words: &[String],
        now_ms: u64,
    ) {
        engine::hooks::log_command_on(state, node, prog, words, now_ms);
    }
}

/// The backend a state file asks for: the simulator, or Pacemaker when the state is bound to
/// a Pacemaker cluster (`scsim init --backend pacemaker`).
#[derive(Debug, Default)]
pub struct Auto {
    sim: Simulator,
    pcmk: crate::pacemaker::backend::Pacemaker,
}

impl Auto {
    fn pick(&mut self, state: &ClusterState) -> &mut dyn ClusterBackend {
        if state.backend.is_some() {
            &mut self.pcmk
        } else {
            &mut self.sim
        }
    }
}

impl ClusterBackend for Auto {
    fn apply_intent(
        &mut self,
        state: &mut ClusterState,
        intent: &Intent,
        now_ms: u64,
    ) -> Result<Transition> {
        self.pick(state).apply_intent(state, intent, now_ms)
    }
    fn validate(
        &mut self,
        state: &mut ClusterState,
        proposed: &Resource,
        now_ms: u64,
    ) -> Result<()> {
        self.pick(state).validate(state, proposed, now_ms)
    }
    fn config_event(
        &mut self,
        state: &mut ClusterState,
        event: &ConfigEvent,
        now_ms: u64,
    ) -> Result<()> {
        self.pick(state).config_event(state, event, now_ms)
    }
    fn log_command(
        &mut self,
        state: &mut ClusterState,
        node: &str,
        prog: &str,
        words: &[String],
        now_ms: u64,
    ) {
        self.pick(state)
            .log_command(state, node, prog, words, now_ms);
    }
    fn set_status(
        &mut self,
        state: &mut ClusterState,
        resource: &str,
        node: &str,
        status: RStatus,
        message: &str,
        now_ms: u64,
    ) {
        self.pick(state)
            .set_status(state, resource, node, status, message, now_ms);
    }
    fn begin(&mut self, mode: super::Mode) {
        self.pcmk.begin(mode);
    }
    fn committed(&mut self, state: &mut ClusterState, now_ms: u64) -> Result<()> {
        self.pick(state).committed(state, now_ms)
    }
    fn observe(&self, state: &mut ClusterState) -> Result<()> {
        if state.backend.is_some() {
            self.pcmk.observe(state)
        } else {
            Ok(())
        }
    }
}
