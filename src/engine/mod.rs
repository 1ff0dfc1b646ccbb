//! The RGM engine: a pure planner, an executor behind a method-runner seam, and the hooks
//! configuration commands call.
//!
//! * [`intent::Intent`]: what is asked (scswitch forms, node and fault events, recovery);
//! * [`planner::plan`]: `(state, intent, now) -> Plan`, pure (no I/O, clock or randomness);
//! * [`exec::run`]: plans, executes each method through a [`MethodRunner`], derives state from
//!   the outcomes, re-plans after failures per Failover_mode (bounded);
//! * [`SimMethods`]: the simulated cluster's runner; it owns the injected faults while it runs
//!   ([`simulate_with_faults`] lends it `state.faults` and puts back what is left);
//! * [`events`]: the syslog-shaped event log lines;
//! * [`hooks`]: Validate/Init/Fini/Update for scrgadm, and the command record;
//! * [`check`]: whether an operator's request was met after it ran (scswitch's exit status).

#![deny(clippy::too_many_lines)]

pub mod agents;
pub mod check;
pub mod events;
pub mod exec;
pub mod hooks;
pub mod index;
pub mod intent;
pub mod plan;
pub mod planner;
pub mod settings;
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;

pub use exec::{MethodRunner, SimMethods, Transition, catch_up_clock, run};
pub use intent::{ControlOp, Intent};
pub use plan::{Name, Plan, Step, StepKind};
pub use planner::plan;

use crate::model::ClusterState;

/// Run `f` with the simulated cluster's method runner, which owns the state's injected faults
/// for the duration: faults that fire are counted down (and disarmed) in the runner, and what
/// is left is put back into `state.faults` afterwards, whatever `f` returns.
pub fn simulate_with_faults<T>(
    state: &mut ClusterState,
    f: impl FnOnce(&mut ClusterState, &mut dyn MethodRunner) -> T,
) -> T {
    let mut runner = SimMethods::new(std::mem::take(&mut state.faults));
    let out = f(state, &mut runner);
    state.faults = runner.into_faults();
    out
}

#[cfg(test)]
#[allow(clippy::too_many_lines)] // test scenarios read top to bottom
mod tests;
