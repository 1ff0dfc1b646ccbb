//! Applying one step to the state: flag steps, group pending/settle steps, device groups,
//! membership and fault-monitor reports; method steps go to [`super::method`].

use super::membership::node_leaves;
use super::method::run_method;
use super::record::{cmm, device_line, set_rg_state, set_rstate, set_status, settled_state};
use super::{FailInfo, MethodRunner, StepResult, Transition};
use crate::engine::plan::{MonitorDecision, Step, StepKind};
use crate::engine::{events, settings};
use crate::model::{ClusterState, RState, RStatus, RgState};

/// Apply one step. Returns its result and, when it failed in a way that calls for re-planning,
/// the failure.
pub(super) fn apply(
    state: &mut ClusterState,
    step: &Step,
    runner: &mut dyn MethodRunner,
    tr: &mut Transition,
) -> (StepResult, Option<FailInfo>) {
    match &step.kind {
        StepKind::Method {
            resource,
            group,
            node,
            method,
        } => run_method(state, resource, group, node, *method, runner, tr),
        StepKind::Mark {
            resource,
            group,
            node,
            online,
        } => {
            if *online {
                set_rstate(state, resource, group, node, RState::Online);
                set_status(state, resource, group, node, RStatus::Online, "");
            } else {
                set_rstate(state, resource, group, node, RState::Offline);
                set_status(state, resource, group, node, RStatus::Offline, "");
            }
            (StepResult::Done, None)
        }
        StepKind::RgPending { rg, node, state: s } => {
            set_rg_state(state, rg, node, *s);
            (StepResult::Done, None)
        }
        StepKind::RgSettle { rg, node, mode } => {
            if let Some(s) = settled_state(state, rg, node, *mode) {
                set_rg_state(state, rg, node, s);
            }
            (StepResult::Done, None)
        }
        StepKind::SetManaged { rg, managed } => {
            let nodes: Vec<String> = match state.resource_groups.get_mut(rg) {
                Some(g) => {
                    g.managed = *managed;
                    g.state.clear();
                    g.nodelist.clone()
                }
                None => Vec::new(),
            };
            let s = if *managed {
                RgState::Offline
            } else {
                RgState::Unmanaged
            };
            for n in nodes {
                if state.cluster.is_up(&n) {
                    events::rgmd(
                        state,
                        &n,
                        events::ID_RG_STATE,
                        Some(rg),
                        None,
                        format!(
                            "resource group {rg} state on node {n} change to {}",
                            events::rg_state_name(s)
                        ),
                    );
                }
            }
            (StepResult::Done, None)
        }
        StepKind::SetEnabled { resource, enabled } => {
            let group = match state.resources.get_mut(resource) {
                Some(r) => {
                    r.enabled = *enabled;
                    r.group.clone()
                }
                None => return (StepResult::Done, None),
            };
            let node = events::local_node(state);
            events::rgmd(
                state,
                &node,
                events::ID_SWITCH,
                Some(&group),
                Some(resource),
                format!(
                    "resource {resource} {} (On_off_switch)",
                    if *enabled { "enabled" } else { "disabled" }
                ),
            );
            (StepResult::Done, None)
        }
        StepKind::SetMonitored {
            resource,
            monitored,
        } => {
            let group = match state.resources.get_mut(resource) {
                Some(r) => {
                    r.monitored = *monitored;
                    r.group.clone()
                }
                None => return (StepResult::Done, None),
            };
            let node = events::local_node(state);
            events::rgmd(
                state,
                &node,
                events::ID_SWITCH,
                Some(&group),
                Some(resource),
                format!(
                    "resource {resource} monitoring {} (Monitored_switch)",
                    if *monitored { "enabled" } else { "disabled" }
                ),
            );
            (StepResult::Done, None)
        }
        StepKind::SetSuspended { rg, suspended } => {
            if let Some(g) = state.resource_groups.get_mut(rg) {
                g.suspend_automatic_recovery = *suspended;
            }
            let node = events::local_node(state);
            events::rgmd(
                state,
                &node,
                events::ID_SWITCH,
                Some(rg),
                None,
                format!(
                    "automatic recovery of resource group {rg} {}",
                    if *suspended { "suspended" } else { "resumed" }
                ),
            );
            (StepResult::Done, None)
        }
        StepKind::SetStranded { rg, stranded } => {
            if let Some(g) = state.resource_groups.get_mut(rg) {
                g.stranded = *stranded;
            }
            if *stranded {
                let node = events::local_node(state);
                events::rgmd(
                    state,
                    &node,
                    events::ID_RECOVERY,
                    Some(rg),
                    None,
                    format!(
                        "resource group {rg} has no node to run on; it will be brought online when a node of its Nodelist joins"
                    ),
                );
            }
            (StepResult::Done, None)
        }
        StepKind::ClearStopFailed { resource, node } => {
            let group = state
                .resources
                .get(resource)
                .map(|r| r.group.clone())
                .unwrap_or_default();
            events::rgmd(
                state,
                node,
                events::ID_SWITCH,
                Some(&group),
                Some(resource),
                format!(
                    "STOP_FAILED flag of resource {resource} on node {node} cleared by operator"
                ),
            );
            set_rstate(state, resource, &group, node, RState::Offline);
            set_status(state, resource, &group, node, RStatus::Offline, "");
            (StepResult::Done, None)
        }
        StepKind::SetEvacuation { node, until } => {
            if let Some(n) = state.cluster.node_mut(node) {
                n.evacuated_until = *until;
            }
            if let Some(u) = until {
                events::rgmd(
                    state,
                    node,
                    events::ID_SWITCH,
                    None,
                    None,
                    format!(
                        "evacuating node {node}: it is not chosen for resource groups until {}",
                        crate::timefmt::syslog(*u)
                    ),
                );
            }
            (StepResult::Done, None)
        }
        StepKind::DeviceGroup {
            dg,
            primary,
            maintenance,
        } => {
            let old = state
                .cluster
                .device_groups
                .iter_mut()
                .find(|d| d.name == *dg)
                .map(|d| {
                    let old = d.primary.clone();
                    d.primary = primary.clone();
                    d.maintenance = *maintenance;
                    old
                });
            if let Some(old) = old {
                if let Some(o) = old.filter(|o| Some(o) != primary.as_ref())
                    && state.cluster.is_up(&o)
                {
                    device_line(state, &o, format!("stdout: no longer primary for {dg}"));
                }
                if let Some(p) = primary {
                    device_line(state, p, format!("stdout: becoming primary for {dg}"));
                } else if *maintenance {
                    let n = events::local_node(state);
                    device_line(state, &n, format!("device group {dg} is in maintenance"));
                }
            }
            (StepResult::Done, None)
        }
        StepKind::NodeCrash { node } => {
            node_leaves(state, node, false);
            (StepResult::Done, None)
        }
        StepKind::NodeHalt { node } => {
            node_leaves(state, node, true);
            (StepResult::Done, None)
        }
        StepKind::NodeJoin { node } => {
            let forming = !state.cluster.nodes.iter().any(|n| n.up);
            let id = match state.cluster.node_mut(node) {
                Some(n) => {
                    n.up = true;
                    n.evacuated_until = None;
                    n.id
                }
                None => return (StepResult::Done, None),
            };
            cmm(
                state,
                node,
                format!("CMM: Node {node} (nodeid = {id}) is up."),
            );
            let members: Vec<String> = state
                .cluster
                .nodes
                .iter()
                .filter(|n| n.up)
                .map(|n| n.name.clone())
                .collect();
            cmm(
                state,
                node,
                format!("CMM: Cluster members: {}.", members.join(" ")),
            );
            if forming {
                cmm(state, node, "CMM: Cluster has reached quorum.".to_string());
            }
            (StepResult::Done, None)
        }
        StepKind::MonitorReport {
            resource,
            group,
            node,
            decision,
        } => {
            monitor_report(state, resource, group, node, *decision);
            (StepResult::Done, None)
        }
        StepKind::PmfRestart {
            resource,
            group,
            node,
        } => {
            let tag = format!("{group},{resource},0.svc");
            events::push(
                state,
                events::TAG_PMF,
                node,
                events::ID_PMF,
                "daemon.notice",
                Some(group),
                Some(resource),
                format!("Process: tag={tag}, restarting the watcher (start-msg ha)"),
            );
            state.clock.now_ms += 2000;
            let msg = state
                .resources
                .get(resource)
                .map(|r| settings::status_message(state.resource_types.get(&r.rtype), true))
                .unwrap_or_default();
            set_status(state, resource, group, node, RStatus::Online, &msg);
            (StepResult::Done, None)
        }
    }
}

pub(super) fn monitor_report(
    state: &mut ClusterState,
    resource: &str,
    group: &str,
    node: &str,
    decision: MonitorDecision,
) {
    let (ims, window) = match state.resources.get(resource) {
        Some(r) => {
            let rt = state.resource_types.get(&r.rtype);
            (settings::is_ims(rt), settings::retry_interval_ms(rt, r))
        }
        None => return,
    };
    if ims {
        events::push(
            state,
            events::TAG_PMF,
            node,
            events::ID_PMF,
            "daemon.notice",
            Some(group),
            Some(resource),
            format!(
                "Process: tag={group},{resource},0.svc, cmd=[start-msg ha], Failed to stay up (the Messaging Server watcher exited)."
            ),
        );
    }
    let msg = if ims {
        "Messaging Server watcher died."
    } else {
        "Fault monitor detected a failure."
    };
    set_status(state, resource, group, node, RStatus::Faulted, msg);
    let now = state.clock.now_ms;
    match decision {
        MonitorDecision::Restart { attempt, of } => {
            if let Some(r) = state.resources.get_mut(resource) {
                r.restart_history
                    .retain(|t| now.saturating_sub(*t) < window);
                r.restart_history.push(now);
            }
            events::rgmd(
                state,
                node,
                events::ID_SCHA_CONTROL,
                Some(group),
                Some(resource),
                format!(
                    "resource {resource} in resource group {group} has requested restart of the resource on {node} (retry {attempt} of {})",
                    if of < 0 {
                        "unlimited".to_string()
                    } else {
                        of.to_string()
                    }
                ),
            );
        }
        MonitorDecision::Giveover => {
            if let Some(r) = state.resources.get_mut(resource) {
                r.restart_history.clear();
            }
            if let Some(g) = state.resource_groups.get_mut(group) {
                g.giveovers.insert(node.to_string(), now);
            }
            events::rgmd(
                state,
                node,
                events::ID_SCHA_CONTROL,
                Some(group),
                Some(resource),
                format!(
                    "resource {resource} in resource group {group} has requested failover of the resource group on {node}."
                ),
            );
        }
        MonitorDecision::LogOnly => {
            events::rgmd(
                state,
                node,
                events::ID_RECOVERY,
                Some(group),
                Some(resource),
                format!(
                    "resource {resource} in resource group {group} failed on {node}; no automatic recovery"
                ),
            );
        }
    }
}
