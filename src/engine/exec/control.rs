//! A `scha_control` request the RGM accepted: the log line real RGMs write for it, and what it
//! counts (the node a group was given away from, for Pingpong_interval; the restarts behind
//! NUM_RESOURCE_RESTARTS and NUM_RG_RESTARTS, kept within Retry_interval).

use crate::engine::{ControlOp, events, settings};
use crate::model::ClusterState;

pub(super) fn accepted(
    state: &mut ClusterState,
    op: ControlOp,
    resource: &str,
    group: &str,
    node: &str,
) {
    let now = state.clock.now_ms;
    let window = match state.resources.get(resource) {
        Some(r) => settings::retry_interval_ms(state.resource_types.get(r.rtype.as_str()), r),
        None => return,
    };
    let keep = |h: &mut Vec<u64>| {
        h.retain(|t| now.saturating_sub(*t) < window);
        h.push(now);
    };
    let message = match op {
        ControlOp::Giveover => {
            if let Some(g) = state.resource_groups.get_mut(group) {
                g.rare.giveovers.insert(node.to_string(), now);
            }
            format!(
                "resource {resource} in resource group {group} has requested failover of the resource group on {node}."
            )
        }
        ControlOp::Restart => {
            if let Some(r) = state.resources.get_mut(resource) {
                keep(&mut r.extras.rg_restart_history);
            }
            format!(
                "resource {resource} in resource group {group} has requested restart of the resource group on {node}."
            )
        }
        ControlOp::ResourceRestart | ControlOp::ResourceIsRestarted => {
            if let Some(r) = state.resources.get_mut(resource) {
                keep(&mut r.extras.restart_history);
            }
            if op == ControlOp::ResourceRestart {
                format!(
                    "resource {resource} in resource group {group} has requested restart of the resource on {node}."
                )
            } else {
                format!(
                    "resource {resource} in resource group {group} reports that it was restarted on {node}."
                )
            }
        }
        ControlOp::ResourceDisable => format!(
            "resource {resource} in resource group {group} has requested to be disabled on {node}."
        ),
        ControlOp::ChangeStateOnline | ControlOp::ChangeStateOffline => {
            let to = if op == ControlOp::ChangeStateOnline {
                "online"
            } else {
                "offline"
            };
            format!(
                "proxy resource {resource} in resource group {group} has requested to change its state to {to} on {node}."
            )
        }
        ControlOp::IgnoreFailedStart => {
            if let Some(r) = state.resources.get_mut(resource) {
                r.extras.ignore_failed_start.insert(node.to_string());
            }
            format!(
                "resource {resource} in resource group {group} has requested that a failure of its start on {node} not fail over the resource group."
            )
        }
    };
    events::rgmd(
        state,
        node,
        events::ID_SCHA_CONTROL,
        Some(group),
        Some(resource),
        message,
    );
}
