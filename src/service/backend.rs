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
