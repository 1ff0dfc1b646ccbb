//! The answers of the scha_* query commands (scha_resource_get, scha_resourcegroup_get,
//! scha_resourcetype_get, scha_cluster_get): one optag of scha_cmds(1HA) against the state, as
//! a typed [`Answer`] that `render::scha` prints in the "Results Format". Optags are
//! case-insensitive; the per-node optags (`RG_STATE`, `RESOURCE_STATE`, `STATUS`, …) answer for
//! the node the command runs on, their `_NODE` forms for the node given as an operand.

#![deny(clippy::too_many_lines)]

mod resource;
mod rgroup;
mod rtype;

pub use resource::{RESOURCE_TAGS, num_resource_restarts, resource};
pub use rgroup::{GROUP_TAGS, group};
pub use rtype::{TYPE_TAGS, rtype};

use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, Name, Node, RStatus, Release, Resource};

/// One answer, typed as scha_cmds(1HA) "Results Format" types its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `%s\n`
    Str(String),
    /// `%d\n`
    Int(i64),
    /// `TRUE\n` or `FALSE\n`
    Bool(bool),
    /// The enum value's name, uppercase (`ONLINE`, `PENDING_OFFLINE`).
    Enum(String),
    /// One element per line (nothing for an empty list).
    List(Vec<String>),
    /// The status keyword, then the message (`-O STATUS`).
    Status { status: String, message: String },
    /// The type of an extension property (`STRING`, `INT`, `BOOLEAN`, `ENUM`, `STRINGARRAY`),
    /// then its value as its type prints (`None`: no value).
    Extension {
        ty: &'static str,
        value: Option<Box<Answer>>,
    },
    /// No value at all (a method the type does not declare).
    Nothing,
}

/// Every optag of scha_cluster_get(1HA).
pub const CLUSTER_TAGS: &[&str] = &[
    "ALL_LOADLIMITS",
    "ALL_NODEIDS",
    "ALL_NODENAMES",
    "ALL_NONGLOBAL_ZONES",
    "ALL_NONGLOBAL_ZONES_NODEID",
    "ALL_PRIVATELINK_HOSTNAMES",
    "ALL_PSTRINGS",
    "ALL_RESOURCEGROUPS",
    "ALL_RESOURCETYPES",
    "ALL_ZONES",
    "ALL_ZONES_NODEID",
    "CLUSTERNAME",
    "NODEID_LOCAL",
    "NODEID_NODENAME",
    "NODENAME_LOCAL",
    "NODENAME_NODEID",
    "NODESTATE_LOCAL",
    "NODESTATE_NODE",
    "PRIVATELINK_HOSTNAME_LOCAL",
    "PRIVATELINK_HOSTNAME_NODE",
    "SYSLOG_FACILITY",
    "ZONE_LOCAL",
];

/// Optags that came with Sun Cluster 3.2 (zones, zone clusters, resource-management pools,
/// load limits, proxy types, offline-restart dependencies): on a 3.1 cluster they are
/// unknown (exit 4), as on a 3.1 node.
pub const SINCE_32_TAGS: &[&str] = &[
    "ALL_LOADLIMITS",
    "ALL_NONGLOBAL_ZONES",
    "ALL_NONGLOBAL_ZONES_NODEID",
    "ALL_ZONES",
    "ALL_ZONES_NODEID",
    "GLOBAL_ZONE",
    "GLOBAL_ZONE_OVERRIDE",
    "LOAD_FACTORS",
    "PREEMPTION_MODE",
    "PRIORITY",
    "PROXY",
    "RESOURCE_DEPENDENCIES_OFFLINE_RESTART",
    "RESOURCE_DEPENDENCIES_Q",
    "RESOURCE_DEPENDENCIES_Q_OFFLINE_RESTART",
    "RESOURCE_DEPENDENCIES_Q_RESTART",
    "RESOURCE_DEPENDENCIES_Q_WEAK",
    "RG_SLM_CPU_SHARES",
    "RG_SLM_PSET_MIN",
    "RG_SLM_PSET_TYPE",
    "RG_SLM_TYPE",
    "ZONE_LOCAL",
];

/// Optags of Oracle Solaris Cluster 4.x only (private strings, clpstring(1CL)).
pub const SINCE_4_TAGS: &[&str] = &["ALL_PSTRINGS"];

/// An optag the cluster's release does not have yet is unknown there: exit 4 (SCHA_ERR_TAG),
/// saying which release brought it.
pub fn check_release(state: &ClusterState, tag: &str, what: &str) -> Result<()> {
    let t = tag.to_ascii_uppercase();
    let release = state.cluster.release;
    let since = if SINCE_4_TAGS.contains(&t.as_str()) && release != Release::V44 {
        "Oracle Solaris Cluster 4"
    } else if SINCE_32_TAGS.contains(&t.as_str()) && !release.has_32_features() {
        "Sun Cluster 3.2"
    } else {
        return Ok(());
    };
    Err(ScError::new(
        ErrorCode::Tag,
        format!(
            "{tag} is not an optag of {what} on {} (cluster {}): it came with {since}",
            release.product(),
            state.cluster.name,
        ),
    )
    .hint(format!("{what} --help lists its optags")))
}

/// `-Z zonename` (3.2 and later): the zone cluster to ask. scsim simulates the global cluster
/// only, named `global` or by the cluster's name; any other zone cluster does not exist
/// (exit 3, SCHA_ERR_INVAL), and a 3.1 cluster has no `-Z` at all (exit 3).
pub fn zone(state: &ClusterState, zone: Option<&str>) -> Result<()> {
    let Some(z) = zone else {
        return Ok(());
    };
    let release = state.cluster.release;
    if !release.has_32_features() {
        return Err(ScError::inval(format!(
            "-Z {z}: {} has no zone clusters and no -Z option (it came with Sun Cluster 3.2)",
            release.product()
        ))
        .hint("leave out -Z"));
    }
    if z == "global" || z == state.cluster.name {
        return Ok(());
    }
    if z.trim().is_empty() {
        return Err(ScError::inval("-Z: the zone cluster name is empty")
            .hint("leave out -Z, or give -Z global"));
    }
    Err(ScError::inval(format!(
        "-Z {z}: zone cluster {z} does not exist; cluster {} has only the global cluster (scsim simulates no zone clusters)",
        state.cluster.name
    ))
    .hint(format!(
        "leave out -Z, or give -Z global (or -Z {})",
        state.cluster.name
    )))
}

/// The syslog facility the RGM logs to: `daemon` (LOG_DAEMON = 3 << 3).
pub const SYSLOG_FACILITY_DAEMON: i64 = 24;

/// An unknown optag: exit 4 (SCHA_ERR_TAG), with the closest optag of the command.
pub fn unknown_tag(tag: &str, what: &str, tags: &[&str]) -> ScError {
    let upper = tag.to_ascii_uppercase();
    let e = ScError::new(ErrorCode::Tag, format!("{tag} is not an optag of {what}"));
    let e = match crate::error::closest(&upper, tags.iter().copied()) {
        Some(best) => e.hint(format!("did you mean {best}?")),
        None => e,
    };
    e.hint(format!("{what} --help lists its optags"))
}

/// The operands an optag takes: exactly `names.len()` of them, else exit 3 naming them.
pub fn operands<'a>(tag: &str, args: &'a [String], names: &[&str]) -> Result<&'a [String]> {
    if args.len() == names.len() {
        return Ok(args);
    }
    let want = if names.is_empty() {
        "no operand".to_string()
    } else {
        format!(
            "the operand{} {}",
            if names.len() > 1 { "s" } else { "" },
            names.join(" ")
        )
    };
    let got = if args.is_empty() {
        "none was given".to_string()
    } else {
        format!("got {}", args.join(" "))
    };
    Err(ScError::inval(format!("-O {tag} takes {want}; {got}")))
}

/// The node named by an operand (name or id), or exit 11.
pub fn node_operand<'a>(state: &'a ClusterState, tag: &str, n: &str) -> Result<&'a Node> {
    super::lookup::node(state, n, &format!("-O {tag} {n}"))
}

/// The status keyword as the API spells it (`OK` for Online).
pub fn status_name(s: RStatus) -> &'static str {
    match s {
        RStatus::Online => "OK",
        RStatus::Offline => "OFFLINE",
        RStatus::Faulted => "FAULTED",
        RStatus::Degraded => "DEGRADED",
        RStatus::Unknown => "UNKNOWN",
    }
}

/// The private-interconnect host name of node `id` (`clusternode1-priv`).
pub fn privatelink_hostname(id: u32) -> String {
    format!("clusternode{id}-priv")
}

fn node_state(n: &Node) -> Answer {
    Answer::Enum(if n.up { "UP" } else { "DOWN" }.to_string())
}

/// Resource `name`, which must be in `group` when one is given (exit 12 for an unknown group,
/// 14 for an unknown resource or one of another group).
pub fn resource_in<'a>(
    state: &'a ClusterState,
    name: &str,
    group: Option<&str>,
) -> Result<&'a Resource> {
    if let Some(g) = group {
        super::lookup::group(state, g)?;
    }
    let r = super::lookup::resource(state, name)?;
    if let Some(g) = group
        && r.group != g
    {
        return Err(ScError::new(
            ErrorCode::Rsrc,
            format!(
                "resource {name} is not in resource group {g}; it is in {}",
                r.group
            ),
        )
        .hint(format!("give -G {}", r.group)));
    }
    Ok(r)
}

/// One scha_cluster_get(1HA) optag, on node `local`.
pub fn cluster(state: &ClusterState, tag: &str, args: &[String], local: &str) -> Result<Answer> {
    check_release(state, tag, "scha_cluster_get")?;
    let t = tag.to_ascii_uppercase();
    let nodes = &state.cluster.nodes;
    let names = || nodes.iter().map(|n| n.name.clone()).collect::<Vec<_>>();
    let local_node = super::lookup::node(state, local, "the local node")?;
    let by_operand = |names: &[&str]| -> Result<&Node> {
        let a = operands(&t, args, names)?;
        node_operand(state, &t, &a[0])
    };
    let none = || operands(&t, args, &[]).map(|_| ());
    Ok(match t.as_str() {
        "ALL_NODEIDS" => {
            none()?;
            Answer::List(nodes.iter().map(|n| n.id.to_string()).collect())
        }
        "ALL_NODENAMES" | "ALL_ZONES" => {
            none()?;
            Answer::List(names())
        }
        // No zones, no load limits, no private strings are simulated.
        "ALL_NONGLOBAL_ZONES" | "ALL_LOADLIMITS" | "ALL_PSTRINGS" => {
            none()?;
            Answer::List(Vec::new())
        }
        "ALL_NONGLOBAL_ZONES_NODEID" => {
            by_operand(&["nodeid"])?;
            Answer::List(Vec::new())
        }
        "ALL_ZONES_NODEID" => Answer::List(vec![by_operand(&["nodeid"])?.name.clone()]),
        "ALL_PRIVATELINK_HOSTNAMES" => {
            none()?;
            Answer::List(nodes.iter().map(|n| privatelink_hostname(n.id)).collect())
        }
        "ALL_RESOURCEGROUPS" => {
            none()?;
            Answer::List(state.resource_groups.keys().map(Name::to_string).collect())
        }
        "ALL_RESOURCETYPES" => {
            none()?;
            Answer::List(state.resource_types.keys().cloned().collect())
        }
        "CLUSTERNAME" => {
            none()?;
            Answer::Str(state.cluster.name.clone())
        }
        "NODEID_LOCAL" => {
            none()?;
            Answer::Int(i64::from(local_node.id))
        }
        "NODEID_NODENAME" => Answer::Int(i64::from(by_operand(&["nodename"])?.id)),
        "NODENAME_LOCAL" | "ZONE_LOCAL" => {
            none()?;
            Answer::Str(local_node.name.clone())
        }
        "NODENAME_NODEID" => Answer::Str(by_operand(&["nodeid"])?.name.clone()),
        "NODESTATE_LOCAL" => {
            none()?;
            node_state(local_node)
        }
        "NODESTATE_NODE" => node_state(by_operand(&["nodename"])?),
        "PRIVATELINK_HOSTNAME_LOCAL" => {
            none()?;
            Answer::Str(privatelink_hostname(local_node.id))
        }
        "PRIVATELINK_HOSTNAME_NODE" => {
            Answer::Str(privatelink_hostname(by_operand(&["nodename"])?.id))
        }
        "SYSLOG_FACILITY" => {
            none()?;
            Answer::Int(SYSLOG_FACILITY_DAEMON)
        }
        _ => return Err(unknown_tag(tag, "scha_cluster_get", CLUSTER_TAGS)),
    })
}

#[cfg(test)]
mod tests;
