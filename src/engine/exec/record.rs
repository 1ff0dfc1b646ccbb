//! State changes and the log lines that go with them: resource state and status, group state,
//! the group state settled from its resources, and the framework/CMM lines.

use crate::engine::plan::Settle;
use crate::engine::planner::needs_stop;
use crate::engine::{events, index};
use crate::model::{ClusterState, DepKind, RState, RStatus, RgState};

pub(super) fn set_rstate(
    state: &mut ClusterState,
    resource: &str,
    group: &str,
    node: &str,
    s: RState,
) {
    let Some(r) = state.resources.get_mut(resource) else {
        return;
    };
    let e = r.state.entry_or_default(node);
    if e.state == s {
        return;
    }
    e.state = s;
    events::rgmd(
        state,
        node,
        events::ID_R_STATE,
        Some(group),
        Some(resource),
        format!(
            "resource {resource} state on node {node} change to {}",
            events::r_state_name(s)
        ),
    );
}

/// Set the status keyword and message of `resource` on `node`, logging what changed (the
/// agent's scha_resource_setstatus, or the RGM's own status changes).
pub fn set_status(
    state: &mut ClusterState,
    resource: &str,
    group: &str,
    node: &str,
    status: RStatus,
    msg: &str,
) {
    let Some(r) = state.resources.get_mut(resource) else {
        return;
    };
    let e = r.state.entry_or_default(node);
    let status_changed = e.status != status;
    let msg_changed = e.message != msg;
    e.status = status;
    e.message = msg.into();
    if status_changed {
        events::rgmd(
            state,
            node,
            events::ID_R_STATUS,
            Some(group),
            Some(resource),
            format!(
                "resource {resource} status on node {node} change to {}",
                events::r_status_name(status)
            ),
        );
    }
    if msg_changed && !msg.is_empty() {
        events::rgmd(
            state,
            node,
            events::ID_R_STATUS_MSG,
            Some(group),
            Some(resource),
            format!("resource {resource} status msg on node {node} change to <{msg}>"),
        );
    }
}

pub(super) fn set_rg_state(state: &mut ClusterState, rg: &str, node: &str, s: RgState) {
    let Some(g) = state.resource_groups.get_mut(rg) else {
        return;
    };
    if g.state_on(node) == s {
        return;
    }
    if s == RgState::Offline {
        g.state.remove(node);
    } else {
        g.state.insert(node, s);
    }
    events::rgmd(
        state,
        node,
        events::ID_RG_STATE,
        Some(rg),
        None,
        format!(
            "resource group {rg} state on node {node} change to {}",
            events::rg_state_name(s)
        ),
    );
}

/// Settle a group's state on a node from its resources there (None = leave it).
pub(super) fn settled_state(
    state: &ClusterState,
    rg: &str,
    node: &str,
    mode: Settle,
) -> Option<RgState> {
    let g = state.resource_groups.get(rg)?;
    if !g.managed || !state.cluster.is_up(node) {
        return None;
    }
    let res: Vec<&crate::model::Resource> = g
        .resources
        .iter()
        .filter_map(|r| state.resources.get(r))
        .collect();
    if res.iter().any(|r| r.state_on(node) == RState::StopFailed) {
        return Some(RgState::ErrorStopFailed);
    }
    let online_rules = || {
        if res.iter().any(|r| {
            r.enabled_on(node)
                && matches!(
                    r.state_on(node),
                    RState::StartFailed | RState::MonitorFailed
                )
        }) {
            return RgState::OnlineFaulted;
        }
        let blocked = res.iter().any(|r| {
            r.enabled_on(node)
                && r.state_on(node) == RState::Offline
                && r.dependencies.all().any(|(k, d)| {
                    if k == DepKind::Weak {
                        return false;
                    }
                    let dn = index::dep_target(d);
                    match state.resources.get(dn) {
                        Some(dr) if dr.group != rg => {
                            !dr.state.values().any(|s| s.state.is_running())
                        }
                        _ => false,
                    }
                })
        });
        if blocked {
            RgState::PendingOnlineBlocked
        } else {
            RgState::Online
        }
    };
    Some(match mode {
        Settle::Offline => RgState::Offline,
        Settle::Online => online_rules(),
        Settle::Infer => {
            if res.iter().any(|r| needs_stop(r.state_on(node))) {
                online_rules()
            } else {
                RgState::Offline
            }
        }
    })
}

pub(super) fn device_line(state: &mut ClusterState, node: &str, msg: String) {
    events::push(
        state,
        events::TAG_FRAMEWORK,
        node,
        events::ID_DEVICE,
        "daemon.notice",
        None,
        None,
        msg,
    );
}

pub(super) fn cmm(state: &mut ClusterState, node: &str, msg: String) {
    events::push(
        state,
        events::TAG_CMM,
        node,
        events::ID_CMM,
        "kern.notice",
        None,
        None,
        format!("NOTICE: {msg}"),
    );
}
