//! What configuration changes (scrgadm) ask of the running cluster: Validate before a change,
//! Init/Fini/Update after it, and the command record in the event log.
//!
//! scrgadm calls these; they run real simulated method calls through the executor (faults
//! injected on Validate, Init, Fini or Update fire here too) and log them. Only a failing
//! Validate fails the command (exit 10, nothing written); Init/Fini/Update failures are logged
//! and the change stands, as on a real cluster.

use super::exec::{self, CallResult, MethodRunner};
use super::intent::Intent;
use super::plan::{Step, StepKind};
use super::planner::init_nodes;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, ConfigEvent, Method, Resource};

/// Run the Validate method of `proposed` (a resource as it would be after the change, possibly
/// not yet in the state) on the nodes its type's Init_nodes names. A failing Validate aborts
/// the command (exit 10) and nothing is written.
pub fn validate(
    state: &mut ClusterState,
    proposed: &Resource,
    now_ms: u64,
    runner: &mut dyn MethodRunner,
) -> Result<()> {
    exec::catch_up_clock(state, now_ms);
    let rt = state.resource_types.get(proposed.rtype.as_str());
    if !rt.is_some_and(|t| t.has_method(Method::Validate)) {
        return Ok(());
    }
    let g = state.resource_groups.get(&proposed.group);
    let nodes = init_nodes(state, rt, g, |n| state.cluster.is_up(n));
    for n in nodes {
        match exec::call_unlisted(state, proposed, &n, Method::Validate, runner) {
            CallResult::Ok => {}
            r => {
                let how = if r == CallResult::TimedOut {
                    "timed out"
                } else {
                    "failed"
                };
                return Err(ScError::new(
                    ErrorCode::Method,
                    format!(
                        "VALIDATE method of resource {} {how} on node {n}; the change was not made",
                        proposed.name
                    ),
                )
                .hint("correct the properties the agent rejects (or clear the injected fault: scsim fault clear)"));
            }
        }
    }
    Ok(())
}

/// Run the methods a configuration change implies.
pub fn config_event(
    state: &mut ClusterState,
    event: &ConfigEvent,
    now_ms: u64,
    runner: &mut dyn MethodRunner,
) -> Result<()> {
    exec::catch_up_clock(state, now_ms);
    match event {
        ConfigEvent::ResourceCreated { resource } => {
            init_or_fini(state, resource, Method::Init, "resource created", runner);
            let Some(r) = state.resources.get(resource) else {
                return Ok(());
            };
            if r.enabled {
                converge(state, &r.group.clone(), runner);
            }
        }
        ConfigEvent::ResourceRemoving { resource } => {
            init_or_fini(state, resource, Method::Fini, "resource removed", runner);
        }
        ConfigEvent::ResourceChanged { resource } => {
            let Some(r) = state.resources.get(resource).cloned() else {
                return Ok(());
            };
            let rt = state.resource_types.get(r.rtype.as_str());
            if rt.is_some_and(|t| t.has_method(Method::Update)) {
                let nodes: Vec<String> = r
                    .state
                    .iter()
                    .filter(|(n, s)| s.state.is_running() && state.cluster.is_up(n))
                    .map(|(n, _)| n.to_string())
                    .collect();
                let steps = nodes
                    .into_iter()
                    .map(|node| Step {
                        kind: StepKind::Method {
                            resource: r.name.as_str().into(),
                            node: node.into(),
                            method: Method::Update,
                        },
                        reason: format!("properties of {resource} changed").into(),
                    })
                    .collect();
                exec::run_steps(state, "update", steps, runner);
            }
            let g = r.group.clone();
            converge(state, &g, runner);
        }
        ConfigEvent::GroupChanged { group } => converge(state, group, runner),
    }
    Ok(())
}

fn init_or_fini(
    state: &mut ClusterState,
    resource: &str,
    m: Method,
    why: &str,
    runner: &mut dyn MethodRunner,
) {
    let Some(r) = state.resources.get(resource) else {
        return;
    };
    let Some(g) = state.resource_groups.get(&r.group) else {
        return;
    };
    if !g.managed {
        return;
    }
    let rt = state.resource_types.get(r.rtype.as_str());
    if !rt.is_some_and(|t| t.has_method(m)) {
        return;
    }
    let steps = init_nodes(state, rt, Some(g), |n| state.cluster.is_up(n))
        .into_iter()
        .map(|node| Step {
            kind: StepKind::Method {
                resource: r.name.as_str().into(),
                node: node.into(),
                method: m,
            },
            reason: format!("{why}: {resource}").into(),
        })
        .collect();
    exec::run_steps(state, why, steps, runner);
}

/// Bring a managed group's resources in line with their switches and dependencies.
fn converge(state: &mut ClusterState, group: &str, runner: &mut dyn MethodRunner) {
    if !state.resource_groups.get(group).is_some_and(|g| g.managed) {
        return;
    }
    let _ = exec::run(
        state,
        &Intent::Converge {
            rgs: vec![group.to_string()],
        },
        runner,
    );
}

/// Record a command line in the event log (every state-changing command is logged).
pub fn log_command(state: &mut ClusterState, prog: &str, args: &[String], now_ms: u64) {
    exec::catch_up_clock(state, now_ms);
    super::events::command(state, prog, args);
}

/// Record a command line in the event log as run on `node`.
pub fn log_command_on(
    state: &mut ClusterState,
    node: &str,
    prog: &str,
    args: &[String],
    now_ms: u64,
) {
    exec::catch_up_clock(state, now_ms);
    super::events::command_on(state, node, prog, args);
}

/// `scha_resource_setstatus`: the resource's status and message on `node`, as its agent sets
/// them; a change is logged like the RGM's own.
pub fn set_status(
    state: &mut ClusterState,
    resource: &str,
    node: &str,
    status: crate::model::RStatus,
    message: &str,
    now_ms: u64,
) {
    exec::catch_up_clock(state, now_ms);
    let Some(group) = state.resources.get(resource).map(|r| r.group.clone()) else {
        return;
    };
    exec::set_status(state, resource, &group, node, status, message);
}
