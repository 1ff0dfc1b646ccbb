//! A node leaves or joins the cluster membership, with the CMM lines a real cluster logs.

use super::record::cmm;
use crate::engine::{events, planner};
use crate::model::ClusterState;

/// A node stops being a member: everything on it stops existing (no methods run there).
pub(super) fn node_leaves(state: &mut ClusterState, node: &str, clean: bool) {
    let id = match state.cluster.node_mut(node) {
        Some(n) => {
            n.up = false;
            n.evacuated_until = None;
            n.id
        }
        None => return,
    };
    if clean {
        cmm(state, node, format!("CMM: Node {node} is shutting down."));
    }
    for g in state.resource_groups.values_mut() {
        if g.managed {
            g.state.remove(node);
        }
    }
    for r in state.resources.values_mut() {
        r.state.remove(node);
    }
    let survivor = state
        .cluster
        .nodes
        .iter()
        .find(|n| n.up)
        .map(|n| n.name.clone());
    match survivor {
        Some(s) => {
            cmm(
                state,
                &s,
                format!("CMM: Node {node} (nodeid = {id}) is down."),
            );
            let members: Vec<String> = state.cluster.up_members();
            let (have, total) = planner::quorum_votes(state, &|n| members.iter().any(|m| m == n));
            if planner::has_quorum(have, total) {
                cmm(
                    state,
                    &s,
                    format!("CMM: Cluster members: {}.", members.join(" ")),
                );
            } else {
                events::push(
                    state,
                    events::TAG_CMM,
                    &s,
                    events::ID_QUORUM,
                    "kern.warning",
                    None,
                    None,
                    format!(
                        "WARNING: CMM: Cluster lost operational quorum ({have} of {total} votes); aborting."
                    ),
                );
            }
        }
        None => {
            if !clean {
                events::push(
                    state,
                    events::TAG_CMM,
                    node,
                    events::ID_QUORUM,
                    "kern.warning",
                    None,
                    None,
                    "WARNING: CMM: Cluster lost operational quorum; aborting.".to_string(),
                );
            }
        }
    }
}

/// A node boots and joins the membership (the first one forms the cluster).
pub(super) fn node_joins(state: &mut ClusterState, node: &str) {
    let forming = !state.cluster.nodes.iter().any(|n| n.up);
    let id = match state.cluster.node_mut(node) {
        Some(n) => {
            n.up = true;
            n.evacuated_until = None;
            n.id
        }
        None => return,
    };
    cmm(
        state,
        node,
        format!("CMM: Node {node} (nodeid = {id}) is up."),
    );
    let members: Vec<String> = state.cluster.up_members();
    cmm(
        state,
        node,
        format!("CMM: Cluster members: {}.", members.join(" ")),
    );
    if forming {
        cmm(state, node, "CMM: Cluster has reached quorum.".to_string());
    }
}
