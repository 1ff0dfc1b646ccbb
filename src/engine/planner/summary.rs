//! The plan's summary lines (Pacemaker's "Transition Summary"): flag-level actions, group
//! moves and resource-level changes.

use super::Draft;
use super::actions::{Act, Unit};
use crate::engine::plan::{Action, MonitorDecision, StepKind};
use indexmap::IndexMap;

impl<'a> Draft<'a> {
    pub(super) fn summarize(&mut self, units: &[Unit]) {
        // Flag-level actions from the pre steps.
        for s in &self.pre {
            let (verb, object, detail) = match &s.kind {
                StepKind::SetManaged { rg, managed } => (
                    if *managed { "Manage" } else { "Unmanage" },
                    rg.clone(),
                    String::new(),
                ),
                StepKind::SetEnabled { resource, enabled } => (
                    if *enabled { "Enable" } else { "Disable" },
                    resource.clone(),
                    String::new(),
                ),
                StepKind::SetMonitored {
                    resource,
                    monitored,
                } => (
                    if *monitored { "Monitor" } else { "Unmonitor" },
                    resource.clone(),
                    String::new(),
                ),
                StepKind::SetSuspended { rg, suspended } => (
                    if *suspended { "Suspend" } else { "Resume" },
                    rg.clone(),
                    String::new(),
                ),
                StepKind::ClearStopFailed { resource, node } => {
                    ("Clear", resource.clone(), format!("STOP_FAILED on {node}"))
                }
                StepKind::NodeCrash { node } => ("Crash", node.clone(), String::new()),
                StepKind::NodeHalt { node } => ("Halt", node.clone(), String::new()),
                StepKind::NodeJoin { node } => ("Join", node.clone(), String::new()),
                StepKind::SetEvacuation { node, until } => (
                    "Evacuate",
                    node.clone(),
                    match until {
                        Some(u) => format!("until {}", crate::timefmt::syslog(*u)),
                        None => String::new(),
                    },
                ),
                StepKind::DeviceGroup {
                    dg,
                    primary,
                    maintenance,
                } => (
                    "Device",
                    dg.clone(),
                    match (primary, maintenance) {
                        (Some(p), _) => format!("primary {p}"),
                        (None, true) => "maintenance".to_string(),
                        (None, false) => "offline".to_string(),
                    },
                ),
                StepKind::MonitorReport {
                    resource,
                    node,
                    decision,
                    ..
                } => (
                    "Fault",
                    resource.clone(),
                    format!(
                        "on {node}: {}",
                        match decision {
                            MonitorDecision::Restart { .. } => "restart",
                            MonitorDecision::Giveover => "giveover",
                            MonitorDecision::LogOnly => "log only",
                        }
                    ),
                ),
                _ => continue,
            };
            self.actions.push(Action {
                verb: verb.to_string(),
                object,
                detail,
                reason: s.reason.clone(),
            });
        }
        // Group-level moves, then resource-level changes, in unit order.
        // group -> (nodes it comes online on, nodes it leaves, nodes it restarts on)
        type Moves<'u> = (Vec<&'u str>, Vec<&'u str>, Vec<&'u str>);
        let mut per_group: IndexMap<&str, Moves> = IndexMap::new();
        for u in units {
            let e = per_group.entry(u.rg.as_str()).or_default();
            if u.after && !u.before {
                e.0.push(u.node.as_str());
            }
            if u.before && !u.after {
                e.1.push(u.node.as_str());
            }
            if u.restart {
                e.2.push(u.node.as_str());
            }
        }
        for (g, (on, off, rs)) in &per_group {
            let reason = self.reason_of(g);
            let mut push = |verb: &str, detail: String| {
                self.actions.push(Action {
                    verb: verb.to_string(),
                    object: g.to_string(),
                    detail,
                    reason: reason.clone(),
                })
            };
            if !on.is_empty() && !off.is_empty() {
                push("Move", format!("{} -> {}", off.join(","), on.join(",")));
            } else if !on.is_empty() {
                push("Start", on.join(","));
            } else if !off.is_empty() {
                push("Stop", off.join(","));
            }
            if !rs.is_empty() {
                push("Restart", rs.join(","));
            }
        }
        for u in units {
            if u.before != u.after || u.restart {
                continue;
            }
            let reason = self.reason_of(&u.rg);
            for (r, a) in &u.acts {
                let verb = match a {
                    Act::Start | Act::Resume => "Start",
                    Act::Stop => "Stop",
                    Act::Restart { .. } => "Restart",
                    Act::MonitorOn => "MonStart",
                    Act::MonitorOff => "MonStop",
                };
                self.actions.push(Action {
                    verb: verb.to_string(),
                    object: r.clone(),
                    detail: u.node.clone(),
                    reason: reason.clone(),
                });
            }
        }
    }
}
