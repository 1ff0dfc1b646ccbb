//! Applying one step to the state: flag steps, group pending/settle steps, device groups,
//! membership and fault-monitor reports; method steps go to [`super::method`].

use super::membership::{node_joins, node_leaves};
use super::method::run_method;
use super::record::{device_line, set_rg_state, set_rstate, set_status, settled_state};
use super::{FailInfo, MethodRunner, StepResult, Transition};
use crate::engine::plan::{MonitorDecision, Step, StepKind};
use crate::engine::{events, settings};
use crate::model::{ClusterState, Name, RState, RStatus, RgState};

/// Apply one step. Returns its result and, when it failed in a way that calls for re-planning,
/// the failure.
pub(super) fn apply(
    state: &mut ClusterState,
    step: &Step,
    runner: &mut dyn MethodRunner,
    tr: &mut Transition,
) -> (StepResult, Option<FailInfo>) {
    if let StepKind::Method {
        resource,
        node,
        method,
    } = &step.kind
    {
        let group = group_of(state, resource);
        return run_method(state, resource, &group, node, *method, runner, tr);
    }
    apply_without_method(state, &step.kind);
    (StepResult::Done, None)
}

/// Apply a step that runs no RGM method (it always succeeds).
fn apply_without_method(state: &mut ClusterState, kind: &StepKind) {
    match kind {
        StepKind::Method { .. } => {}
        StepKind::Mark {
            resource,
            node,
            online,
        } => mark(state, resource, &group_of(state, resource), node, *online),
        StepKind::RgPending { rg, node, state: s } => set_rg_state(state, rg, node, *s),
        StepKind::RgSettle { rg, node, mode } => {
            if let Some(s) = settled_state(state, rg, node, *mode) {
                set_rg_state(state, rg, node, s);
            }
        }
        StepKind::SetManaged { rg, managed } => set_managed(state, rg, *managed),
        StepKind::SetEnabled { resource, enabled } => set_enabled(state, resource, *enabled),
        StepKind::SetMonitored {
            resource,
            monitored,
        } => set_monitored(state, resource, *monitored),
        StepKind::SetNodeSwitch {
            resource,
            node,
            monitor,
            on,
        } => set_node_switch(state, resource, node, *monitor, *on),
        StepKind::SetSuspended { rg, suspended } => set_suspended(state, rg, *suspended),
        StepKind::SetStranded { rg, stranded } => set_stranded(state, rg, *stranded),
        StepKind::ClearStopFailed { resource, node } => clear_stop_failed(state, resource, node),
        StepKind::SetEvacuation { node, until } => set_evacuation(state, node, *until),
        StepKind::DeviceGroup {
            dg,
            primary,
            maintenance,
        } => device_group(state, dg, primary.as_deref(), *maintenance),
        StepKind::NodeCrash { node } => node_leaves(state, node, false),
        StepKind::NodeHalt { node } => node_leaves(state, node, true),
        StepKind::NodeJoin { node } => node_joins(state, node),
        StepKind::MonitorReport {
            resource,
            node,
            decision,
        } => monitor_report(state, resource, &group_of(state, resource), node, *decision),
        StepKind::PmfRestart { resource, node } => {
            pmf_restart(state, resource, &group_of(state, resource), node);
        }
        StepKind::Control { op, resource, node } => {
            let group = group_of(state, resource);
            super::control::accepted(state, *op, resource, &group, node);
        }
    }
}

/// The group of `resource` (a step names only the resource). Empty when the resource is gone,
/// which a step on it then leaves alone.
fn group_of(state: &ClusterState, resource: &str) -> Name {
    state
        .resources
        .get(resource)
        .map(|r| r.group.clone())
        .unwrap_or_default()
}

/// A resource without a start (stop) method comes online (goes offline) as the RGM reaches it.
fn mark(state: &mut ClusterState, resource: &str, group: &str, node: &str, online: bool) {
    if online {
        set_rstate(state, resource, group, node, RState::Online);
        set_status(state, resource, group, node, RStatus::Online, "");
    } else {
        set_rstate(state, resource, group, node, RState::Offline);
        set_status(state, resource, group, node, RStatus::Offline, "");
    }
}

fn set_managed(state: &mut ClusterState, rg: &str, managed: bool) {
    let nodes: Vec<Name> = match state.resource_groups.get_mut(rg) {
        Some(g) => {
            g.managed = managed;
            g.state.clear();
            g.nodelist.clone()
        }
        None => Vec::new(),
    };
    let s = if managed {
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
}

fn set_enabled(state: &mut ClusterState, resource: &str, enabled: bool) {
    let group = match state.resources.get_mut(resource) {
        Some(r) => {
            r.enabled = enabled;
            // Through `&` first: clearing an empty set would give the resource its extras.
            if !r.extras.disabled_on.is_empty() {
                r.extras.disabled_on.clear();
            }
            r.group.clone()
        }
        None => return,
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
            if enabled { "enabled" } else { "disabled" }
        ),
    );
}

fn set_monitored(state: &mut ClusterState, resource: &str, monitored: bool) {
    let group = match state.resources.get_mut(resource) {
        Some(r) => {
            r.monitored = monitored;
            if !r.extras.unmonitored_on.is_empty() {
                r.extras.unmonitored_on.clear();
            }
            r.group.clone()
        }
        None => return,
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
            if monitored { "enabled" } else { "disabled" }
        ),
    );
}

/// The switch of `resource` on one node (3.2). Kept as the cluster-wide switch plus the nodes
/// where it is off: on for a node of a resource that is off everywhere turns it on for that
/// node alone; off on the last node turns the switch off.
fn set_node_switch(state: &mut ClusterState, resource: &str, node: &str, monitor: bool, on: bool) {
    let Some(r) = state.resources.get(resource) else {
        return;
    };
    let group = r.group.clone();
    let nodelist = state
        .resource_groups
        .get(&group)
        .map(|g| g.nodelist.clone())
        .unwrap_or_default();
    let Some(r) = state.resources.get_mut(resource) else {
        return;
    };
    let (switch, off) = if monitor {
        (&mut r.monitored, &mut r.extras.unmonitored_on)
    } else {
        (&mut r.enabled, &mut r.extras.disabled_on)
    };
    if on {
        if *switch {
            off.remove(node);
        } else {
            *switch = true;
            *off = nodelist
                .iter()
                .filter(|n| *n != node)
                .map(|n| n.to_string())
                .collect();
        }
    } else if *switch {
        off.insert(node.to_string());
        if nodelist.iter().all(|n| off.contains(n.as_str())) {
            *switch = false;
            off.clear();
        }
    }
    let local = events::local_node(state);
    events::rgmd(
        state,
        &local,
        events::ID_SWITCH,
        Some(&group),
        Some(resource),
        format!(
            "resource {resource} {}{} on node {node} ({})",
            if monitor { "monitoring " } else { "" },
            if on { "enabled" } else { "disabled" },
            if monitor {
                "Monitored_switch"
            } else {
                "On_off_switch"
            }
        ),
    );
}

fn set_suspended(state: &mut ClusterState, rg: &str, suspended: bool) {
    if let Some(g) = state.resource_groups.get_mut(rg) {
        g.suspend_automatic_recovery = suspended;
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
            if suspended { "suspended" } else { "resumed" }
        ),
    );
}

fn set_stranded(state: &mut ClusterState, rg: &str, stranded: bool) {
    if let Some(g) = state.resource_groups.get_mut(rg) {
        g.stranded = stranded;
    }
    if stranded {
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
}

fn clear_stop_failed(state: &mut ClusterState, resource: &str, node: &str) {
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
        format!("STOP_FAILED flag of resource {resource} on node {node} cleared by operator"),
    );
    set_rstate(state, resource, &group, node, RState::Offline);
    set_status(state, resource, &group, node, RStatus::Offline, "");
}

fn set_evacuation(state: &mut ClusterState, node: &str, until: Option<u64>) {
    if let Some(n) = state.cluster.node_mut(node) {
        n.evacuated_until = until;
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
                crate::timefmt::syslog(u)
            ),
        );
    }
}

/// A device group changes primary (None = offline) and maintenance mode.
fn device_group(state: &mut ClusterState, dg: &str, primary: Option<&str>, maintenance: bool) {
    let old = state
        .cluster
        .device_groups
        .iter_mut()
        .find(|d| d.name == dg)
        .map(|d| {
            let old = d.primary.clone();
            d.primary = primary.map(str::to_string);
            d.maintenance = maintenance;
            old
        });
    let Some(old) = old else {
        return;
    };
    if let Some(o) = old.filter(|o| Some(o.as_str()) != primary)
        && state.cluster.is_up(&o)
    {
        device_line(state, &o, format!("stdout: no longer primary for {dg}"));
    }
    if let Some(p) = primary {
        device_line(state, p, format!("stdout: becoming primary for {dg}"));
    } else if maintenance {
        let n = events::local_node(state);
        device_line(state, &n, format!("device group {dg} is in maintenance"));
    }
}

/// The process monitor restarts the service in place (no RGM method).
fn pmf_restart(state: &mut ClusterState, resource: &str, group: &str, node: &str) {
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
        .map(|r| settings::status_message(state.resource_types.get(r.rtype.as_str()), true))
        .unwrap_or_default();
    set_status(state, resource, group, node, RStatus::Online, &msg);
}

/// A fault monitor's report: the status line, and the restart, giveover or log-only decision
/// the planner made.
pub(super) fn monitor_report(
    state: &mut ClusterState,
    resource: &str,
    group: &str,
    node: &str,
    decision: MonitorDecision,
) {
    let (ims, window, of) = match state.resources.get(resource) {
        Some(r) => {
            let rt = state.resource_types.get(r.rtype.as_str());
            (
                settings::is_ims(rt),
                settings::retry_interval_ms(rt, r),
                settings::retry_count(rt, r),
            )
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
        MonitorDecision::Restart { attempt } => {
            if let Some(r) = state.resources.get_mut(resource) {
                r.extras
                    .restart_history
                    .retain(|t| now.saturating_sub(*t) < window);
                r.extras.restart_history.push(now);
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
            if let Some(r) = state.resources.get_mut(resource)
                && !r.extras.restart_history.is_empty()
            {
                r.extras.restart_history.clear();
            }
            if let Some(g) = state.resource_groups.get_mut(group) {
                g.rare.giveovers.insert(node.to_string(), now);
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
