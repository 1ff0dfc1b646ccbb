//! The RGM engine: a pure planner, an executor with a simulated backend, and the hooks
//! configuration commands call.
//!
//! * [`intent::Intent`]: what is asked (scswitch forms, node and fault events, recovery);
//! * [`planner::plan`]: `(state, intent, now) -> Plan`, pure (no I/O, clock or randomness);
//! * [`exec::run`]: plans, executes through a [`exec::Backend`], derives state from the
//!   outcomes, re-plans after failures per Failover_mode (bounded);
//! * [`events`]: the syslog-shaped event log lines;
//! * [`hooks`]: Validate/Init/Fini/Update for scrgadm, and the command record;
//! * [`check`]: whether an operator's request was met after it ran (scswitch's exit status).

pub mod check;
pub mod events;
pub mod exec;
pub mod hooks;
pub mod index;
pub mod intent;
pub mod plan;
pub mod planner;
pub mod settings;
pub mod testkit;

pub use exec::{Backend, SimBackend, Transition, catch_up_clock, run};
pub use intent::Intent;
pub use plan::{Plan, Step, StepKind};
pub use planner::plan;

#[cfg(test)]
mod tests;
