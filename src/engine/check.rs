//! After an operator's request ran: was the requested result reached? `scswitch` exits
//! non-zero (SCHA_ERR_METHOD) when it was not, as the real command does when a method fails
//! or a group ends up somewhere other than asked.

use super::intent::Intent;
use crate::model::{ClusterState, RState, RgState};
use std::fmt;

/// Where a group is, as an unmet request describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupWhere {
    /// The group no longer exists.
    Gone,
    OfflineEverywhere,
    /// (state, node) for each node of its Nodelist where it is not Offline.
    On(Vec<(RgState, String)>),
}

impl GroupWhere {
    fn of(state: &ClusterState, g: &str) -> GroupWhere {
        let Some(rg) = state.resource_groups.get(g) else {
            return GroupWhere::Gone;
        };
        let on: Vec<(RgState, String)> = rg
            .nodelist
            .iter()
            .filter(|n| rg.state_on(n) != RgState::Offline)
            .map(|n| (rg.state_on(n), n.to_string()))
            .collect();
        if on.is_empty() {
            GroupWhere::OfflineEverywhere
        } else {
            GroupWhere::On(on)
        }
    }
}

impl fmt::Display for GroupWhere {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupWhere::Gone => f.write_str("gone"),
            GroupWhere::OfflineEverywhere => f.write_str("Offline everywhere"),
            GroupWhere::On(on) => {
                for (i, (s, n)) in on.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{} on {n}", s.as_str())?;
                }
                Ok(())
            }
        }
    }
}

/// One thing a request asked for and did not get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmet {
    /// The group is not Online anywhere (`-Z`, rebalance).
    NotOnline { group: String, now: GroupWhere },
    /// The group is not Online on these nodes (`-z -h`, `-R -h`).
    NotOnlineOn {
        group: String,
        nodes: Vec<String>,
        now: GroupWhere,
    },
    /// The group is Online where asked but still mastered on another node too.
    MasteredElsewhere { group: String, now: GroupWhere },
    /// The group did not go offline (`-F`).
    NotOffline { group: String, now: GroupWhere },
    /// The group is still on the node being evacuated (`-S`).
    StillOn {
        group: String,
        node: String,
        now: GroupWhere,
    },
    /// A resource is in a state the request should have left behind (`-e`, `-n`).
    Resource {
        resource: String,
        state: RState,
        node: String,
    },
    /// STOP_FAILED is still set (`-c -f STOP_FAILED`).
    StillStopFailed { resource: String, node: String },
}

impl Unmet {
    /// The group or resource the unmet request is about.
    pub fn subject(&self) -> &str {
        match self {
            Unmet::NotOnline { group, .. }
            | Unmet::NotOnlineOn { group, .. }
            | Unmet::MasteredElsewhere { group, .. }
            | Unmet::NotOffline { group, .. }
            | Unmet::StillOn { group, .. } => group,
            Unmet::Resource { resource, .. } | Unmet::StillStopFailed { resource, .. } => resource,
        }
    }
}

impl fmt::Display for Unmet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unmet::NotOnline { group, now } => write!(f, "{group} is not Online ({now})"),
            Unmet::NotOnlineOn { group, nodes, now } => {
                write!(f, "{group} is not Online on {} ({now})", nodes.join(","))
            }
            Unmet::MasteredElsewhere { group, now } => {
                write!(f, "{group} is still mastered elsewhere ({now})")
            }
            Unmet::NotOffline { group, now } => write!(f, "{group} is not offline ({now})"),
            Unmet::StillOn { group, node, now } => write!(f, "{group} is still on {node} ({now})"),
            Unmet::Resource {
                resource,
                state,
                node,
            } => write!(f, "{resource} is {} on {node}", state.as_str()),
            Unmet::StillStopFailed { resource, node } => {
                write!(f, "{resource} is still Stop_failed on {node}")
            }
        }
    }
}

/// What the request asked for and did not get (empty = reached).
pub fn unmet(state: &ClusterState, intent: &Intent) -> Vec<Unmet> {
    match intent {
        Intent::Online { rgs } if rgs.is_empty() => {
            let all: Vec<String> = state
                .resource_groups
                .keys()
                .map(|n| n.to_string())
                .collect();
            not_online(state, &all)
        }
        Intent::Online { rgs } | Intent::Rebalance { rgs } => not_online(state, rgs),
        Intent::Switch { rgs, nodes } => not_switched(state, rgs, nodes),
        Intent::Offline { rgs } => rgs
            .iter()
            .filter(|g| {
                state
                    .resource_groups
                    .get(*g)
                    .is_some_and(|rg| !rg.primaries().is_empty())
            })
            .map(|g| Unmet::NotOffline {
                group: g.clone(),
                now: GroupWhere::of(state, g),
            })
            .collect(),
        Intent::Restart { rgs, nodes } => not_restarted(state, rgs, nodes),
        Intent::Evacuate { node, .. } => state
            .resource_groups
            .values()
            .filter(|rg| rg.state_on(node).is_mastered())
            .map(|rg| Unmet::StillOn {
                group: rg.name.to_string(),
                node: node.clone(),
                now: GroupWhere::of(state, &rg.name),
            })
            .collect(),
        Intent::Enable {
            resources,
            monitor_only: false,
        } => resources_in(state, resources, |s| {
            matches!(s, RState::StartFailed | RState::MonitorFailed)
        }),
        Intent::Disable {
            resources,
            monitor_only: false,
        } => resources_in(state, resources, |s| s != RState::Offline),
        Intent::ClearStopFailed { resources, nodes } => still_stop_failed(state, resources, nodes),
        _ => Vec::new(),
    }
}

/// Online on the node, or Pending_online_blocked (settled too: the group is up and waits for
/// a dependee).
fn online_on(state: &ClusterState, g: &str, n: &str) -> bool {
    state.resource_groups.get(g).is_some_and(|rg| {
        matches!(
            rg.state_on(n),
            RgState::Online | RgState::PendingOnlineBlocked
        )
    })
}

/// Groups (still there) Online nowhere on their Nodelist.
fn not_online(state: &ClusterState, rgs: &[String]) -> Vec<Unmet> {
    rgs.iter()
        .filter(|g| {
            state
                .resource_groups
                .get(*g)
                .is_some_and(|rg| !rg.nodelist.iter().any(|n| online_on(state, g, n)))
        })
        .map(|g| Unmet::NotOnline {
            group: g.clone(),
            now: GroupWhere::of(state, g),
        })
        .collect()
}

fn not_switched(state: &ClusterState, rgs: &[String], nodes: &[String]) -> Vec<Unmet> {
    let targets: Vec<String> = nodes
        .iter()
        .map(|n| {
            state
                .cluster
                .resolve_node(n)
                .map(|x| x.name.clone())
                .unwrap_or_else(|| n.clone())
        })
        .collect();
    let mut out = Vec::new();
    for g in rgs {
        let Some(rg) = state.resource_groups.get(g) else {
            continue;
        };
        let missing: Vec<String> = targets
            .iter()
            .filter(|n| !online_on(state, g, n))
            .cloned()
            .collect();
        let extra = rg
            .primaries()
            .iter()
            .any(|p| !targets.iter().any(|x| x == p.as_str()));
        let now = GroupWhere::of(state, g);
        if !missing.is_empty() {
            out.push(Unmet::NotOnlineOn {
                group: g.clone(),
                nodes: missing,
                now,
            });
        } else if extra {
            out.push(Unmet::MasteredElsewhere {
                group: g.clone(),
                now,
            });
        }
    }
    out
}

fn not_restarted(state: &ClusterState, rgs: &[String], nodes: &[String]) -> Vec<Unmet> {
    let mut out = Vec::new();
    for g in rgs {
        for n in nodes {
            if !online_on(state, g, n) {
                out.push(Unmet::NotOnlineOn {
                    group: g.clone(),
                    nodes: vec![n.clone()],
                    now: GroupWhere::of(state, g),
                });
            }
        }
    }
    out
}

/// Resources left in a state `bad` accepts, on any node.
fn resources_in(
    state: &ClusterState,
    resources: &[String],
    bad: impl Fn(RState) -> bool,
) -> Vec<Unmet> {
    let mut out = Vec::new();
    for r in resources {
        let Some(res) = state.resources.get(r) else {
            continue;
        };
        for (n, s) in &res.state {
            if bad(s.state) {
                out.push(Unmet::Resource {
                    resource: r.clone(),
                    state: s.state,
                    node: n.to_string(),
                });
            }
        }
    }
    out
}

fn still_stop_failed(state: &ClusterState, resources: &[String], nodes: &[String]) -> Vec<Unmet> {
    let mut out = Vec::new();
    for r in resources {
        if let Some(res) = state.resources.get(r) {
            for n in nodes {
                if res.state_on(n) == RState::StopFailed {
                    out.push(Unmet::StillStopFailed {
                        resource: r.clone(),
                        node: n.clone(),
                    });
                }
            }
        }
    }
    out
}

/// Things worth telling the operator about the groups a command touched, even when it
/// succeeded: resources waiting for a dependee in another group.
pub fn warnings(state: &ClusterState, groups: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for g in groups {
        let Some(rg) = state.resource_groups.get(g) else {
            continue;
        };
        for n in &rg.nodelist {
            if rg.state_on(n) != RgState::PendingOnlineBlocked {
                continue;
            }
            let mut waits = Vec::new();
            for rn in &rg.resources {
                let Some(r) = state.resources.get(rn) else {
                    continue;
                };
                if !r.enabled_on(n) || r.state_on(n) != RState::Offline {
                    continue;
                }
                for (k, d) in r.dependencies.all() {
                    if k == crate::model::DepKind::Weak {
                        continue;
                    }
                    let dn = super::index::dep_target(d);
                    if let Some(dr) = state.resources.get(dn)
                        && dr.group != *g
                        && !dr.state.values().any(|s| s.state.is_running())
                    {
                        waits.push(format!("{rn} waits for {dn} ({} is not online)", dr.group));
                    }
                }
            }
            out.push(format!(
                "{g} is Pending_online_blocked on {n}: {}",
                waits.join(", ")
            ));
        }
    }
    out
}
