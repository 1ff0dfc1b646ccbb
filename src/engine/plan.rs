//! The planner's output: ordered steps, each with its reason, plus a summary of the group-level
//! actions and the placement the plan aims at. Plain data; `render::plan` prints it.

use crate::model::{ClusterState, Method, RgState};

/// The name of an object or node as a plan holds it (the model's [`crate::model::Name`]). A
/// plan at scale has tens of thousands of steps, each naming a resource, its group and a node.
pub use crate::model::Name;

/// A node as a step names it: a pointer to the one copy of the node's name (a cluster has a
/// few nodes, a plan tens of thousands of steps).
pub type Node = crate::model::Interned;

/// What the executor does for one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepKind {
    /// Run a method of a resource on a node.
    Method {
        resource: Name,
        node: Node,
        method: Method,
    },
    /// A resource whose type declares no start (or stop) method comes online (goes offline)
    /// as soon as the RGM gets to it.
    Mark {
        resource: Name,
        node: Node,
        online: bool,
    },
    /// A group enters a transitional state on a node (Pending_online / Pending_offline).
    RgPending {
        rg: Name,
        node: Node,
        state: RgState,
    },
    /// A group's state on a node is settled from the states of its resources there.
    RgSettle {
        rg: Name,
        node: Node,
        mode: Settle,
    },
    SetManaged {
        rg: Name,
        managed: bool,
    },
    SetEnabled {
        resource: Name,
        enabled: bool,
    },
    SetMonitored {
        resource: Name,
        monitored: bool,
    },
    /// On_off_switch (or Monitored_switch, `monitor`) of a resource on one node (3.2).
    SetNodeSwitch {
        resource: Name,
        node: Node,
        monitor: bool,
        on: bool,
    },
    SetSuspended {
        rg: Name,
        suspended: bool,
    },
    SetStranded {
        rg: Name,
        stranded: bool,
    },
    /// `scswitch -c … -f STOP_FAILED` on one node.
    ClearStopFailed {
        resource: Name,
        node: Node,
    },
    /// Keep a node from being chosen until the given simulated time (`scswitch -S -K`).
    SetEvacuation {
        node: Node,
        until: Option<u64>,
    },
    /// A device group changes primary (None = offline) / maintenance mode.
    DeviceGroup {
        dg: Node,
        primary: Option<Node>,
        maintenance: bool,
    },
    /// The node panics (or halts for lack of quorum): nothing runs there any more.
    NodeCrash {
        node: Node,
    },
    /// The node leaves the cluster after its groups were moved off.
    NodeHalt {
        node: Node,
    },
    /// The node boots and joins the cluster membership.
    NodeJoin {
        node: Node,
    },
    /// A fault monitor reports a failure; the decision was made by the planner.
    MonitorReport {
        resource: Name,
        node: Node,
        decision: MonitorDecision,
    },
    /// A `scha_control` request the RGM accepted (logged, and counted for Pingpong_interval
    /// and the restart counters); what it causes follows as ordinary steps.
    Control {
        op: crate::engine::ControlOp,
        resource: Name,
        node: Node,
    },
    /// The process monitor restarts the service's process tree in place (no RGM method).
    PmfRestart {
        resource: Name,
        node: Node,
    },
}

/// How a settle step derives the group's state on the node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    /// The group was brought (or stays) online: Online, Online_faulted or Pending_online_blocked.
    Online,
    /// The group was taken offline: Offline (Error_stop_failed if a stop failed).
    Offline,
    /// After clearing STOP_FAILED: Online if something still runs there, else Offline.
    Infer,
}

/// What the RGM does about a fault-monitor report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonitorDecision {
    /// Restart the resource in place (attempt `n` within Retry_interval; the limit is the
    /// resource's Retry_count, read when the step runs).
    Restart { attempt: u16 },
    /// Give the group over to another node (retries exhausted).
    Giveover,
    /// Only log it (Failover_mode, suspended recovery, or nowhere to go).
    LogOnly,
}

/// One step and why it is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    /// Shared by the steps of one reason (a plan of thousands of steps has a few reasons).
    pub reason: Reason,
}

/// Why a step is there: one text shared by the steps of a reason, held by a pointer's width.
#[derive(Clone, PartialEq, Eq)]
pub struct Reason(std::rc::Rc<String>);

impl std::ops::Deref for Reason {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl From<String> for Reason {
    fn from(s: String) -> Reason {
        Reason(std::rc::Rc::new(s))
    }
}

impl From<&str> for Reason {
    fn from(s: &str) -> Reason {
        Reason::from(s.to_string())
    }
}

impl std::fmt::Debug for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// What a summary line of a plan says happens to its object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// A group comes online on nodes (or a resource starts on a node).
    Start,
    /// A group leaves nodes (or a resource stops on a node).
    Stop,
    /// A group leaves some nodes and comes online on others.
    Move,
    Restart,
    Manage,
    Unmanage,
    Enable,
    Disable,
    Monitor,
    Unmonitor,
    Suspend,
    Resume,
    /// STOP_FAILED is cleared.
    Clear,
    Crash,
    Halt,
    Join,
    Evacuate,
    /// A device group changes primary or mode.
    Device,
    /// A fault monitor reported a failure.
    Fault,
    /// A resource's fault monitor starts (Monitored_switch).
    MonStart,
    /// A resource's fault monitor stops (Monitored_switch).
    MonStop,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Start => "Start",
            Verb::Stop => "Stop",
            Verb::Move => "Move",
            Verb::Restart => "Restart",
            Verb::Manage => "Manage",
            Verb::Unmanage => "Unmanage",
            Verb::Enable => "Enable",
            Verb::Disable => "Disable",
            Verb::Monitor => "Monitor",
            Verb::Unmonitor => "Unmonitor",
            Verb::Suspend => "Suspend",
            Verb::Resume => "Resume",
            Verb::Clear => "Clear",
            Verb::Crash => "Crash",
            Verb::Halt => "Halt",
            Verb::Join => "Join",
            Verb::Evacuate => "Evacuate",
            Verb::Device => "Device",
            Verb::Fault => "Fault",
            Verb::MonStart => "MonStart",
            Verb::MonStop => "MonStop",
        }
    }
}

/// The verb as the plan summary prints it; honours width and alignment (`{:<9}`).
impl std::fmt::Display for Verb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// A group-level (or resource-level) summary line of a plan, Pacemaker style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub verb: Verb,
    /// The group or resource acted on.
    pub object: Name,
    /// `mail-1`, `mail-1 -> mail-2`, …
    pub detail: Name,
    pub reason: String,
}

/// An ordered plan for one intent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// What was asked (the intent's description).
    pub intent: String,
    pub actions: Vec<Action>,
    pub steps: Vec<Step>,
    /// Things the plan could not do, and why.
    pub notes: Vec<String>,
    /// The groups the plan places (every group whose goal is not to stay as it is), in plan
    /// order; where each goes is in `targets`.
    pub placement: Vec<Name>,
    /// Target placement of every group the plan considered (moved or not), in plan order:
    /// what a continuation after a failure aims at.
    pub targets: Vec<(Name, Vec<Name>)>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

impl StepKind {
    /// The node the step happens on, if any.
    pub fn node(&self) -> Option<&str> {
        match self {
            StepKind::Method { node, .. }
            | StepKind::Mark { node, .. }
            | StepKind::RgPending { node, .. }
            | StepKind::RgSettle { node, .. }
            | StepKind::ClearStopFailed { node, .. }
            | StepKind::SetEvacuation { node, .. }
            | StepKind::NodeCrash { node }
            | StepKind::NodeHalt { node }
            | StepKind::NodeJoin { node }
            | StepKind::MonitorReport { node, .. }
            | StepKind::Control { node, .. }
            | StepKind::PmfRestart { node, .. } => Some(node),
            StepKind::DeviceGroup { primary, .. } => primary.as_deref(),
            _ => None,
        }
    }
    /// The group the step concerns, if any. A step on a resource concerns the resource's group
    /// in `state` (the step does not carry it: a plan at scale has tens of thousands of steps).
    pub fn group<'s>(&'s self, state: &'s ClusterState) -> Option<&'s str> {
        match self {
            StepKind::Method { resource, .. }
            | StepKind::Mark { resource, .. }
            | StepKind::MonitorReport { resource, .. }
            | StepKind::Control { resource, .. }
            | StepKind::PmfRestart { resource, .. } => state
                .resources
                .get(resource.as_str())
                .map(|r| r.group.as_str()),
            StepKind::RgPending { rg, .. }
            | StepKind::RgSettle { rg, .. }
            | StepKind::SetManaged { rg, .. }
            | StepKind::SetSuspended { rg, .. }
            | StepKind::SetStranded { rg, .. } => Some(rg),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_six_words() {
        // A node failure at 10,000 resources plans about 13,000 steps, held until the
        // transition is reported: a step names its resource and node, not the group.
        assert_eq!(std::mem::size_of::<StepKind>(), 40);
        assert_eq!(std::mem::size_of::<Step>(), 48);
    }
}
