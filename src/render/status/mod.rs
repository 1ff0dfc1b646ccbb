//! Cluster status as `scstat` shows it: a status view computed once from the state, rendered
//! as the Sun Cluster 3.1 text layout or as JSON.
//!
//! [`collect`] turns a [`ClusterState`](crate::model::ClusterState) and [`StatusOptions`] (which sections, which node)
//! into a [`StatusView`]: node membership, transport paths, quorum arithmetic,
//! device groups, per-node resource-group and resource states, IPMP groups. [`write_text`]
//! prints it in the `scstat -p` layout (`-- Title --` sections, single-space lines, 66-dash
//! separators between components, the 20-column label field and 20-column name grid);
//! [`render_json`] prints the same view as JSON (format below). Both are linear in the size
//! of the state; the text goes out in pieces as it is made, the JSON is built in one `String`.
//!
//! # JSON format (`scstat --json`, `format_version` 1)
//!
//! One object. Keys of sections that were not selected (e.g. everything but
//! `resource_groups` for `scstat -g --json`) are absent; a selected section with nothing in it
//! is an empty array. With `-h NODE`, `node_filter` is the node and every per-node list holds
//! only that node's entries. `-v`/`-vv` change neither the text nor the JSON; the JSON always carries the details
//! (`scsim show --json` prints the same object).
//!
//! ```text
//! {
//!   "format_version": 1,
//!   "cluster": "sc-cluster",
//!   "node_filter": "mail-1",                      // only with -h
//!   "nodes": [ {"name": "mail-1", "id": 1, "status": "Online", "votes": 1,
//!               "adapters": ["qfe1", "hme1"]} ],
//!   "transport_paths": [ {"endpoint_a": "mail-1:qfe1", "endpoint_b": "mail-2:qfe1",
//!                         "status": "Path online"} ],          // or "faulted"
//!   "quorum": { "possible": 3, "needed": 2, "present": 3,
//!               "nodes":   [ {"name": "mail-1", "present": 1, "possible": 1, "status": "Online"} ],
//!               "devices": [ {"name": "/dev/did/rdsk/d2s2", "present": 1, "possible": 1,
//!                             "status": "Online", "nodes": ["mail-1", "mail-2"]} ] },
//!   "device_groups": [ {"name": "dg1", "primary": "mail-1", "secondary": "mail-2",
//!                       "status": "Online", "nodes": ["mail-1", "mail-2"]} ],
//!                       // primary null when Offline; secondary null when no other node is up
//!   "resource_groups": [ {
//!       "name": "MAIL-RG", "managed": true, "mode": "Failover", "failback": false,
//!       "desired_primaries": 1, "maximum_primaries": 1, "nodelist": ["mail-1", "mail-2"],
//!       "rg_dependencies": [], "rg_affinities": [], "suspended": false,
//!       "nodes": [ {"node": "mail-1", "state": "Online"} ],
//!       "resources": [ {
//!           "name": "budgie", "type": "SUNW.LogicalHostname:2", "enabled": true,
//!           "monitored": true, "dependencies": {"strong": ["disk-rs"]},
//!           "nodes": [ {"node": "mail-1", "state": "Online", "status": "Online",
//!                       "message": "LogicalHostname online."} ] } ] } ],
//!   "ipmp": [ {"node": "mail-1", "group": "ipmp0", "status": "Online",
//!              "adapters": [ {"adapter": "qfe0", "status": "Online"} ]} ]
//! }
//! ```
//!
//! States are spelled as scstat prints them (`Online`, `Pending_online_blocked`,
//! `Online_not_monitored`, …); `message` is `""` when the agent set none; `dependencies` lists
//! only the kinds that are set (`strong`, `weak`, `restart`, `offline_restart`).

mod details;
mod text;
mod view;

pub use details::render_details;
#[cfg(test)]
use text::render_text;
pub use text::write_text;
pub use view::*;

/// Which sections to show. `scstat` and `scstat -p` show all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sections {
    pub nodes: bool,
    pub transport: bool,
    pub quorum: bool,
    pub device_groups: bool,
    pub resource_groups: bool,
    pub ipmp: bool,
}

impl Sections {
    pub fn all() -> Sections {
        Sections {
            nodes: true,
            transport: true,
            quorum: true,
            device_groups: true,
            resource_groups: true,
            ipmp: true,
        }
    }
    pub fn any(&self) -> bool {
        self.nodes
            || self.transport
            || self.quorum
            || self.device_groups
            || self.resource_groups
            || self.ipmp
    }
}

/// What to show: sections and an optional node to limit the output to.
#[derive(Debug, Clone, Default)]
pub struct StatusOptions {
    pub sections: Sections,
    /// Limit to the components relevant to this node (an existing node name: the caller checks).
    pub node: Option<String>,
}

/// Line of 66 dashes between the sections of different components.
pub const SEPARATOR: &str = "------------------------------------------------------------------";

#[cfg(test)]
mod tests;
