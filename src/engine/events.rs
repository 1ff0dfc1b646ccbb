//! Event-log lines in the shape real Sun Cluster 3.1 nodes write to syslog: the RGM daemon's
//! method launches and completions, state and status changes, membership changes, process
//! monitor restarts, and every command. Timestamps come from the simulated clock.
//!
//! The message ids 707948 (launching method) and 148023 (method completed) are the ones real
//! 3.1 logs show; the others are this simulator's own, fixed per message kind so that scripts
//! can match them.

use crate::model::{ClusterState, Event, RState, RStatus, RgState};

pub const TAG_RGMD: &str = "Cluster.RGM.rgmd";
pub const TAG_CMM: &str = "cl_runtime";
pub const TAG_PMF: &str = "Cluster.PMF.pmfd";
pub const TAG_FRAMEWORK: &str = "Cluster.Framework";
pub const TAG_CMD: &str = "Cluster.CMD";

pub const ID_LAUNCH: u32 = 707948;
pub const ID_COMPLETED: u32 = 148023;
pub const ID_FAILED: u32 = 938318;
pub const ID_TIMEOUT: u32 = 764140;
pub const ID_RG_STATE: u32 = 529407;
pub const ID_R_STATE: u32 = 443746;
pub const ID_R_STATUS: u32 = 784560;
pub const ID_R_STATUS_MSG: u32 = 922363;
pub const ID_SWITCH: u32 = 224900;
pub const ID_SCHA_CONTROL: u32 = 494478;
pub const ID_RECOVERY: u32 = 790080;
pub const ID_CMM: u32 = 489438;
pub const ID_QUORUM: u32 = 279084;
pub const ID_PMF: u32 = 887656;
pub const ID_DEVICE: u32 = 801593;
pub const ID_COMMAND: u32 = 302154;
pub const ID_TIME: u32 = 302155;

/// The node a cluster-wide event is logged on: the first member (the one an admin would be
/// logged in to), else the first node.
pub fn local_node(state: &ClusterState) -> String {
    crate::query::lookup::default_local_node(state)
}

/// Append one line at the simulated clock's current time.
#[allow(clippy::too_many_arguments)]
pub fn push(
    state: &mut ClusterState,
    tag: &str,
    node: &str,
    id: u32,
    severity: &str,
    group: Option<&str>,
    resource: Option<&str>,
    message: String,
) {
    let ev = Event {
        seq: 0,
        tag: tag.to_string(),
        time_ms: state.clock.now_ms,
        node: node.to_string(),
        id,
        severity: severity.to_string(),
        message,
        group: group.map(str::to_string),
        resource: resource.map(str::to_string),
    };
    state.events.push(ev);
}

/// An RGM notice about a group and/or resource on a node.
pub fn rgmd(
    state: &mut ClusterState,
    node: &str,
    id: u32,
    group: Option<&str>,
    resource: Option<&str>,
    message: String,
) {
    push(
        state,
        TAG_RGMD,
        node,
        id,
        "daemon.notice",
        group,
        resource,
        message,
    );
}

/// An RGM error.
pub fn rgmd_error(
    state: &mut ClusterState,
    node: &str,
    id: u32,
    group: Option<&str>,
    resource: Option<&str>,
    message: String,
) {
    push(
        state,
        TAG_RGMD,
        node,
        id,
        "daemon.error",
        group,
        resource,
        message,
    );
}

pub fn rg_state_name(s: RgState) -> &'static str {
    match s {
        RgState::Unmanaged => "RG_UNMANAGED",
        RgState::Offline => "RG_OFFLINE",
        RgState::PendingOnline => "RG_PENDING_ONLINE",
        RgState::Online => "RG_ONLINE",
        RgState::PendingOffline => "RG_PENDING_OFFLINE",
        RgState::ErrorStopFailed => "RG_ERROR_STOP_FAILED",
        RgState::OnlineFaulted => "RG_ONLINE_FAULTED",
        RgState::PendingOnlineBlocked => "RG_PENDING_ONLINE_BLOCKED",
    }
}

pub fn r_state_name(s: RState) -> &'static str {
    match s {
        RState::Offline => "R_OFFLINE",
        RState::Starting => "R_STARTING",
        RState::Online => "R_ONLINE",
        RState::OnlineNotMonitored => "R_ONLINE_UNMON",
        RState::Stopping => "R_STOPPING",
        RState::StartFailed => "R_START_FAILED",
        RState::StopFailed => "R_STOP_FAILED",
        RState::MonitorFailed => "R_MON_FAILED",
    }
}

pub fn r_status_name(s: RStatus) -> &'static str {
    match s {
        RStatus::Online => "R_FM_ONLINE",
        RStatus::Offline => "R_FM_OFFLINE",
        RStatus::Faulted => "R_FM_FAULTED",
        RStatus::Degraded => "R_FM_DEGRADED",
        RStatus::Unknown => "R_FM_UNKNOWN",
    }
}

/// Record a command line (every state-changing command is logged), on the default local node.
pub fn command(state: &mut ClusterState, prog: &str, args: &[String]) {
    let node = local_node(state);
    command_on(state, &node, prog, args);
}

/// Record a command line as run on `node`.
pub fn command_on(state: &mut ClusterState, node: &str, prog: &str, args: &[String]) {
    let mut line = prog.to_string();
    for a in args {
        line.push(' ');
        if a.is_empty() || a.contains(char::is_whitespace) {
            line.push_str(&format!("\"{a}\""));
        } else {
            line.push_str(a);
        }
    }
    push(
        state,
        TAG_CMD,
        node,
        ID_COMMAND,
        "daemon.notice",
        None,
        None,
        format!("command: {line}"),
    );
}
