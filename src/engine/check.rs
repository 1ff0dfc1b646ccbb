//! After an operator's request ran: was the requested result reached? `scswitch` exits
//! non-zero (SCHA_ERR_METHOD) when it was not, as the real command does when a method fails
//! or a group ends up somewhere other than asked.

use super::intent::Intent;
use crate::model::{ClusterState, RState, RgState};

/// Something a request asked for and did not get: the group or resource, and what it is
/// instead (`is not Online (Offline everywhere)`). Displayed as `OBJECT WHAT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    object: String,
    what: String,
}

impl Unmet {
    fn new(object: &str, what: String) -> Unmet {
        Unmet {
            object: object.to_string(),
            what,
        }
    }
    /// The group or resource the unmet request is about.
    pub fn subject(&self) -> &str {
        &self.object
    }
}

impl std::fmt::Display for Unmet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.object, self.what)
    }
}

/// What the request asked for and did not get (empty = reached).
pub fn unmet(state: &ClusterState, intent: &Intent) -> Vec<Unmet> {
    let mut out = Vec::new();
    let groups = |rgs: &[String]| -> Vec<String> {
        if rgs.is_empty() {
            state.resource_groups.keys().cloned().collect()
        } else {
            rgs.to_vec()
        }
    };
    let state_desc = |g: &str| -> String {
        let Some(rg) = state.resource_groups.get(g) else {
            return "gone".to_string();
        };
        let on: Vec<String> = rg
            .nodelist
            .iter()
            .filter(|n| rg.state_on(n) != RgState::Offline)
            .map(|n| format!("{} on {n}", rg.state_on(n).as_str()))
            .collect();
        if on.is_empty() {
            "Offline everywhere".to_string()
        } else {
            on.join(", ")
        }
    };
    // Pending_online_blocked is settled too: the group is up and waits for a dependee.
    let online_on = |g: &str, n: &str| {
        state.resource_groups.get(g).is_some_and(|rg| {
            matches!(
                rg.state_on(n),
                RgState::Online | RgState::PendingOnlineBlocked
            )
        })
    };
    match intent {
        Intent::Online { rgs } => {
            for g in groups(rgs) {
                let Some(rg) = state.resource_groups.get(&g) else {
                    continue;
                };
                if !rg.nodelist.iter().any(|n| online_on(&g, n)) {
                    out.push(Unmet::new(
                        &g,
                        format!("is not Online ({})", state_desc(&g)),
                    ));
                }
            }
        }
        Intent::Switch { rgs, nodes } => {
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
            for g in rgs {
                let Some(rg) = state.resource_groups.get(g) else {
                    continue;
                };
                let missing: Vec<&String> = targets.iter().filter(|n| !online_on(g, n)).collect();
                let extra = rg.primaries().iter().any(|p| !targets.contains(p));
                if !missing.is_empty() {
                    out.push(Unmet::new(
                        g,
                        format!(
                            "is not Online on {} ({})",
                            missing
                                .iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(","),
                            state_desc(g)
                        ),
                    ));
                } else if extra {
                    out.push(Unmet::new(
                        g,
                        format!("is still mastered elsewhere ({})", state_desc(g)),
                    ));
                }
            }
        }
        Intent::Rebalance { rgs } => {
            for g in rgs {
                if let Some(rg) = state.resource_groups.get(g)
                    && !rg.nodelist.iter().any(|n| online_on(g, n))
                {
                    out.push(Unmet::new(g, format!("is not Online ({})", state_desc(g))));
                }
            }
        }
        Intent::Offline { rgs } => {
            for g in rgs {
                if let Some(rg) = state.resource_groups.get(g)
                    && !rg.primaries().is_empty()
                {
                    out.push(Unmet::new(g, format!("is not offline ({})", state_desc(g))));
                }
            }
        }
        Intent::Restart { rgs, nodes } => {
            for g in rgs {
                for n in nodes {
                    if !online_on(g, n) {
                        out.push(Unmet::new(
                            g,
                            format!("is not Online on {n} ({})", state_desc(g)),
                        ));
                    }
                }
            }
        }
        Intent::Evacuate { node, .. } => {
            for rg in state.resource_groups.values() {
                if rg.state_on(node).is_mastered() {
                    out.push(Unmet::new(
                        &rg.name,
                        format!("is still on {node} ({})", state_desc(&rg.name)),
                    ));
                }
            }
        }
        Intent::Enable {
            resources,
            monitor_only: false,
        } => {
            for r in resources {
                let Some(res) = state.resources.get(r) else {
                    continue;
                };
                for (n, s) in &res.state {
                    if matches!(s.state, RState::StartFailed | RState::MonitorFailed) {
                        out.push(Unmet::new(r, format!("is {} on {n}", s.state.as_str())));
                    }
                }
            }
        }
        Intent::Disable {
            resources,
            monitor_only: false,
        } => {
            for r in resources {
                let Some(res) = state.resources.get(r) else {
                    continue;
                };
                for (n, s) in &res.state {
                    if s.state != RState::Offline {
                        out.push(Unmet::new(r, format!("is {} on {n}", s.state.as_str())));
                    }
                }
            }
        }
        Intent::ClearStopFailed { resources, nodes } => {
            for r in resources {
                if let Some(res) = state.resources.get(r) {
                    for n in nodes {
                        if res.state_on(n) == RState::StopFailed {
                            out.push(Unmet::new(r, format!("is still Stop_failed on {n}")));
                        }
                    }
                }
            }
        }
        _ => {}
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
                if !r.enabled || r.state_on(n) != RState::Offline {
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
