//! What configuration changes (scrgadm) ask of the running cluster: Validate before a change,
//! Init/Fini/Update after it, and the command record in the event log.
//!
//! scrgadm calls these; the engine implements them with real simulated method calls.

use crate::error::Result;
use crate::model::{ClusterState, Resource};

/// A configuration change that has been applied to the state (or is about to be removed).
#[derive(Debug, Clone)]
pub enum ConfigEvent {
    /// A resource was added to its group. Init runs (Init_nodes) if the group is managed.
    ResourceCreated { resource: String },
    /// Properties of a resource changed. Update runs where it is online.
    ResourceChanged { resource: String },
    /// A resource is about to be removed (still present in the state). Fini runs if managed.
    ResourceRemoving { resource: String },
    /// Properties of a group changed (e.g. Nodelist); the engine may need to react.
    GroupChanged { group: String },
}

/// Run the Validate method of `proposed` (a resource as it would be after the change, possibly
/// not yet in the state) on the nodes its type's Init_nodes names. A failing Validate aborts
/// the command (exit 10) and nothing is written.
pub fn validate(state: &mut ClusterState, proposed: &Resource, now_ms: u64) -> Result<()> {
    let _ = (state, proposed, now_ms);
    Ok(())
}

/// Run the methods a configuration change implies.
pub fn config_event(state: &mut ClusterState, event: &ConfigEvent, now_ms: u64) -> Result<()> {
    let _ = (state, event, now_ms);
    Ok(())
}

/// Record a command line in the event log (every state-changing command is logged).
pub fn log_command(state: &mut ClusterState, prog: &str, args: &[String], now_ms: u64) {
    let _ = (state, prog, args, now_ms);
}
