//! The plan's summary lines (Pacemaker's "Transition Summary"): flag-level actions, group
//! moves and resource-level changes.

use super::Draft;
use super::actions::{Act, Unit};
use crate::engine::plan::{Action, MonitorDecision, Name, StepKind, Verb};
use compact_str::format_compact;
use indexmap::IndexMap;

impl<'a> Draft<'a> {
    pub(super) fn summarize(&mut self, units: &[Unit]) {
        // Flag-level actions from the pre steps.
        let flags: Vec<Action> = self
            .flags
            .pre
            .iter()
            .filter_map(|s| {
                flag_action(&s.kind).map(|(verb, object, detail)| Action {
                    verb,
                    object,
                    detail,
                    reason: s.reason.to_string(),
                })
            })
            .collect();
        self.actions.extend(flags);
        // Group-level moves, then resource-level changes, in unit order.
        self.summarize_moves(units);
        self.summarize_resources(units);
    }

    /// Per group: Move, Start or Stop (nodes entered and left), then Restart.
    fn summarize_moves(&mut self, units: &[Unit]) {
        // group -> (nodes it comes online on, nodes it leaves, nodes it restarts on)
        type Moves<'u> = (Vec<&'u str>, Vec<&'u str>, Vec<&'u str>);
        let mut per_group: IndexMap<&str, Moves> = IndexMap::new();
        for u in units {
            let e = per_group.entry(u.rg).or_default();
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
            let mut push = |verb: Verb, detail: Name| {
                self.actions.push(Action {
                    verb,
                    object: Name::from(*g),
                    detail,
                    reason: reason.clone(),
                })
            };
            if !on.is_empty() && !off.is_empty() {
                push(
                    Verb::Move,
                    format_compact!("{} -> {}", joined(off), joined(on)),
                );
            } else if !on.is_empty() {
                push(Verb::Start, joined(on));
            } else if !off.is_empty() {
                push(Verb::Stop, joined(off));
            }
            if !rs.is_empty() {
                push(Verb::Restart, joined(rs));
            }
        }
    }

    /// Resource-level changes in units whose group neither moves nor restarts.
    fn summarize_resources(&mut self, units: &[Unit]) {
        for u in units {
            if u.before != u.after || u.restart {
                continue;
            }
            let reason = self.reason_of(u.rg);
            for (r, a) in &u.acts {
                let verb = match a {
                    Act::Start | Act::Resume => Verb::Start,
                    Act::Stop => Verb::Stop,
                    Act::Restart { .. } => Verb::Restart,
                    Act::MonitorOn => Verb::MonStart,
                    Act::MonitorOff => Verb::MonStop,
                };
                self.actions.push(Action {
                    verb,
                    object: Name::from(*r),
                    detail: Name::from(u.node.as_str()),
                    reason: reason.clone(),
                });
            }
        }
    }
}

/// The summary line of a flag step: (verb, object, detail); None for steps that are not
/// summarized on their own.
fn flag_action(kind: &StepKind) -> Option<(Verb, Name, Name)> {
    let on_off = |on: bool, yes: Verb, no: Verb| if on { yes } else { no };
    Some(match kind {
        StepKind::SetManaged { rg, managed } => (
            on_off(*managed, Verb::Manage, Verb::Unmanage),
            rg.clone(),
            Name::default(),
        ),
        StepKind::SetEnabled { resource, enabled } => (
            on_off(*enabled, Verb::Enable, Verb::Disable),
            resource.clone(),
            Name::default(),
        ),
        StepKind::SetMonitored {
            resource,
            monitored,
        } => (
            on_off(*monitored, Verb::Monitor, Verb::Unmonitor),
            resource.clone(),
            Name::default(),
        ),
        StepKind::SetSuspended { rg, suspended } => (
            on_off(*suspended, Verb::Suspend, Verb::Resume),
            rg.clone(),
            Name::default(),
        ),
        StepKind::ClearStopFailed { resource, node } => (
            Verb::Clear,
            resource.clone(),
            format_compact!("STOP_FAILED on {node}"),
        ),
        StepKind::NodeCrash { node } => (Verb::Crash, Name::from(node.as_str()), Name::default()),
        StepKind::NodeHalt { node } => (Verb::Halt, Name::from(node.as_str()), Name::default()),
        StepKind::NodeJoin { node } => (Verb::Join, Name::from(node.as_str()), Name::default()),
        StepKind::SetEvacuation { node, until } => (
            Verb::Evacuate,
            Name::from(node.as_str()),
            match until {
                Some(u) => format_compact!("until {}", crate::timefmt::syslog(*u)),
                None => Name::default(),
            },
        ),
        StepKind::DeviceGroup {
            dg,
            primary,
            maintenance,
        } => (
            Verb::Device,
            Name::from(dg.as_str()),
            match (primary, maintenance) {
                (Some(p), _) => format_compact!("primary {p}"),
                (None, true) => Name::const_new("maintenance"),
                (None, false) => Name::const_new("offline"),
            },
        ),
        StepKind::MonitorReport {
            resource,
            node,
            decision,
            ..
        } => (
            Verb::Fault,
            resource.clone(),
            format_compact!(
                "on {node}: {}",
                match decision {
                    MonitorDecision::Restart { .. } => "restart",
                    MonitorDecision::Giveover => "giveover",
                    MonitorDecision::LogOnly => "log only",
                }
            ),
        ),
        StepKind::Control {
            op, resource, node, ..
        } => (
            Verb::Fault,
            resource.clone(),
            format_compact!("on {node}: scha_control {}", op.optag()),
        ),
        _ => return None,
    })
}

/// Node names joined with commas, as a summary line's detail.
fn joined(nodes: &[&str]) -> Name {
    let mut out = Name::default();
    for (i, n) in nodes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(n);
    }
    out
}
