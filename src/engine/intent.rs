//! What a command (or a failure) asks of the RGM: the input of the planner.
//!
//! Operator intents come from `scswitch` and the simulator's node/fault verbs; recovery intents
//! (`Failover`, `Continue`) are produced by the executor when a method fails and are planned the
//! same way, so recovery is visible in plans and logs like any other action.

use super::plan::Name;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// `scswitch -Z [-g …]`: manage, enable resources and monitors, bring online on the most
    /// preferred available nodes. Empty = every group.
    Online { rgs: Vec<String> },
    /// `scswitch -z -g … -h …`: online exactly on these nodes.
    Switch {
        rgs: Vec<String>,
        nodes: Vec<String>,
    },
    /// `scswitch -z -g …` without `-h` (3.2): online on the most preferred nodes.
    Rebalance { rgs: Vec<String> },
    /// `scswitch -F -g …`: offline on every node.
    Offline { rgs: Vec<String> },
    /// `scswitch -R -h … -g …`: offline then online again on these (current) primaries.
    Restart {
        rgs: Vec<String>,
        nodes: Vec<String>,
    },
    /// `scswitch -S -h node [-K s]`: move everything off the node and keep it off for a while.
    Evacuate { node: String, keep_off_ms: u64 },
    /// `scswitch -o -g …`
    Manage { rgs: Vec<String> },
    /// `scswitch -u -g …`
    Unmanage { rgs: Vec<String> },
    /// `scswitch -e [-M] -j …`
    Enable {
        resources: Vec<String>,
        monitor_only: bool,
    },
    /// `scswitch -n [-M] -j …`
    Disable {
        resources: Vec<String>,
        monitor_only: bool,
    },
    /// `scswitch {-e|-n} [-M] -j … -h …`, `clrs {enable|disable|monitor|unmonitor} -n … …`
    /// (3.2): On_off_switch (or Monitored_switch with `monitor_only`) on these nodes only.
    NodeSwitch {
        resources: Vec<String>,
        nodes: Vec<String>,
        on: bool,
        monitor_only: bool,
    },
    /// `scswitch -c -h … -j … -f STOP_FAILED`
    ClearStopFailed {
        resources: Vec<String>,
        nodes: Vec<String>,
    },
    /// `scswitch -Q [-g …] [-k]`
    Quiesce { rgs: Vec<String>, kill: bool },
    /// `scswitch -s [-g …] [-k]`
    Suspend { rgs: Vec<String>, kill: bool },
    /// `scswitch -r [-g …]`
    Resume { rgs: Vec<String> },
    /// `scswitch -z -D … -h node`
    DeviceSwitch { dgs: Vec<String>, node: String },
    /// `scswitch -F -D …`
    DeviceOffline { dgs: Vec<String> },
    /// `scswitch -m -D …`
    DeviceMaintenance { dgs: Vec<String> },
    /// `scsim node down NODE [--clean]`
    NodeDown {
        node: String,
        clean: bool,
        reason: Option<String>,
    },
    /// `scsim node up NODE…`
    NodeUp { nodes: Vec<String> },
    /// Re-evaluate groups after a configuration change: start resources that can run, stop
    /// what may not, leave nodes no longer in the Nodelist.
    Converge { rgs: Vec<String> },
    /// The fault monitor of `resource` on `node` reports a failure.
    MonitorFailure { resource: String, node: String },
    /// `scha_control -O op -G group -R resource`, run on `node` (a fault monitor's request).
    Control {
        op: ControlOp,
        group: String,
        resource: String,
        node: String,
    },
    /// Recovery: move `rg` off `from` (failed start, or a monitor's GIVEOVER).
    Failover {
        rg: String,
        from: String,
        reason: String,
    },
    /// Recovery: after a failure, carry on towards the placement the interrupted plan aimed
    /// at (`targets`: group -> nodes), leaving the `hold` groups (being recovered) alone.
    /// One-shot events of the interrupted intent (a crash, a join, a monitor report) are not
    /// repeated.
    Continue {
        targets: Vec<(Name, Vec<Name>)>,
        hold: Vec<String>,
        reason: String,
    },
}

/// What a `scha_control` request asks of the RGM (the CHECK_ forms plan the same request and
/// carry nothing out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlOp {
    /// Move the group off the node.
    Giveover,
    /// Restart the group on the node.
    Restart,
    /// Restart the resource on the node (Monitor_stop, Stop, Start, Monitor_start).
    ResourceRestart,
    /// Count a restart the monitor did itself (NUM_RESOURCE_RESTARTS), with no method run.
    ResourceIsRestarted,
    /// Disable the resource on the node (3.2: its per-node On_off_switch), stopping it there.
    ResourceDisable,
    /// Mark a proxy resource online on the node, running no method (3.2, Proxy types only).
    ChangeStateOnline,
    /// Mark a proxy resource offline on the node, running no method (3.2, Proxy types only).
    ChangeStateOffline,
    /// The next failed start of the resource on the node does not move the group (3.2).
    IgnoreFailedStart,
}

impl ControlOp {
    /// The optag (`GIVEOVER`).
    pub fn optag(self) -> &'static str {
        match self {
            ControlOp::Giveover => "GIVEOVER",
            ControlOp::Restart => "RESTART",
            ControlOp::ResourceRestart => "RESOURCE_RESTART",
            ControlOp::ResourceIsRestarted => "RESOURCE_IS_RESTARTED",
            ControlOp::ResourceDisable => "RESOURCE_DISABLE",
            ControlOp::ChangeStateOnline => "CHANGE_STATE_ONLINE",
            ControlOp::ChangeStateOffline => "CHANGE_STATE_OFFLINE",
            ControlOp::IgnoreFailedStart => "IGNORE_FAILED_START",
        }
    }
    /// The optags Sun Cluster 3.1 lacks (they came with 3.2).
    pub fn since_32(self) -> bool {
        matches!(
            self,
            ControlOp::ResourceDisable
                | ControlOp::ChangeStateOnline
                | ControlOp::ChangeStateOffline
                | ControlOp::IgnoreFailedStart
        )
    }
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "all".to_string()
    } else {
        v.join(",")
    }
}

impl fmt::Display for Intent {
    /// One line saying what was asked, used as the reason of the steps it causes. It names no
    /// command: the 3.1 and the object CLI print the same plans.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Intent::Online { rgs } => write!(f, "bring {} online", list(rgs)),
            Intent::Switch { rgs, nodes } => {
                write!(f, "switch {} to {}", rgs.join(","), nodes.join(","))
            }
            Intent::Rebalance { rgs } => {
                write!(f, "bring {} online on preferred nodes", rgs.join(","))
            }
            Intent::Offline { rgs } => write!(f, "take {} offline", rgs.join(",")),
            Intent::Restart { rgs, nodes } => {
                write!(f, "restart {} on {}", rgs.join(","), nodes.join(","))
            }
            Intent::Evacuate { node, keep_off_ms } => {
                write!(f, "evacuate {node} for {} s", keep_off_ms / 1000)
            }
            Intent::Manage { rgs } => write!(f, "manage {}", rgs.join(",")),
            Intent::Unmanage { rgs } => write!(f, "unmanage {}", rgs.join(",")),
            Intent::Enable {
                resources,
                monitor_only,
            } => {
                if *monitor_only {
                    write!(f, "enable monitoring of {}", resources.join(","))
                } else {
                    write!(f, "enable {}", resources.join(","))
                }
            }
            Intent::Disable {
                resources,
                monitor_only,
            } => {
                if *monitor_only {
                    write!(f, "disable monitoring of {}", resources.join(","))
                } else {
                    write!(f, "disable {}", resources.join(","))
                }
            }
            Intent::NodeSwitch {
                resources,
                nodes,
                on,
                monitor_only,
            } => write!(
                f,
                "{} {}{} on {}",
                if *on { "enable" } else { "disable" },
                if *monitor_only { "monitoring of " } else { "" },
                resources.join(","),
                nodes.join(","),
            ),
            Intent::ClearStopFailed { resources, nodes } => write!(
                f,
                "clear STOP_FAILED of {} on {}",
                resources.join(","),
                nodes.join(",")
            ),
            Intent::Quiesce { rgs, .. } => write!(f, "quiesce {}", list(rgs)),
            Intent::Suspend { rgs, .. } => {
                write!(f, "suspend automatic recovery of {}", list(rgs))
            }
            Intent::Resume { rgs } => {
                write!(f, "resume automatic recovery of {}", list(rgs))
            }
            Intent::DeviceSwitch { dgs, node } => {
                write!(f, "switch device group {} to {node}", dgs.join(","))
            }
            Intent::DeviceOffline { dgs } => {
                write!(f, "take device group {} offline", dgs.join(","))
            }
            Intent::DeviceMaintenance { dgs } => {
                write!(f, "put device group {} in maintenance", dgs.join(","))
            }
            Intent::NodeDown {
                node,
                clean,
                reason,
            } => match reason {
                Some(r) => write!(f, "{r}"),
                None if *clean => write!(f, "{node} shuts down"),
                None => write!(f, "{node} died"),
            },
            Intent::NodeUp { nodes } => write!(f, "{} joins the cluster", nodes.join(",")),
            Intent::Converge { rgs } => {
                write!(f, "configuration of {} changed", rgs.join(","))
            }
            Intent::MonitorFailure { resource, node } => {
                write!(f, "fault monitor of {resource} on {node} reports a failure")
            }
            Intent::Control {
                op,
                group,
                resource,
                node,
            } => write!(
                f,
                "scha_control -O {} -G {group} -R {resource} on {node}",
                op.optag()
            ),
            Intent::Failover { reason, .. } => write!(f, "{reason}"),
            Intent::Continue { reason, .. } => write!(f, "{reason}"),
        }
    }
}
