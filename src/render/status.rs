//! Cluster status as `scstat` shows it: a status view computed once from the state, rendered
//! as the Sun Cluster 3.1 text layout or as JSON.
//!
//! [`collect`] turns a [`ClusterState`] and [`StatusOptions`] (which sections, which node,
//! how verbose) into a [`StatusView`]: node membership, transport paths, quorum arithmetic,
//! device groups, per-node resource-group and resource states, IPMP groups. [`render_text`]
//! prints it in the `scstat -p` layout (`-- Title --` sections, single-space lines, 66-dash
//! separators between components, the 20-column label field and 20-column name grid);
//! [`render_json`] prints the same view as JSON (format below). Both are linear in the size
//! of the state and build their output in one `String`.
//!
//! # JSON format (`scstat --json`, `format_version` 1)
//!
//! One object. Keys of sections that were not selected (e.g. everything but
//! `resource_groups` for `scstat -g --json`) are absent; a selected section with nothing in it
//! is an empty array. With `-h NODE`, `node_filter` is the node and every per-node list holds
//! only that node's entries. `-v`/`-vv` do not change the JSON: it always carries the details.
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

use crate::model::{ClusterState, Dependencies, RgMode};
use serde::Serialize;

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

/// What to show: sections, an optional node to limit the output to, and verbosity (0–2).
#[derive(Debug, Clone, Default)]
pub struct StatusOptions {
    pub sections: Sections,
    /// Limit to the components relevant to this node (an existing node name: the caller checks).
    pub node: Option<String>,
    pub verbose: u8,
}

/// Line of 66 dashes between the sections of different components.
pub const SEPARATOR: &str = "------------------------------------------------------------------";

/// The status of the cluster, restricted to the selected sections and node.
#[derive(Debug, Serialize)]
pub struct StatusView<'a> {
    pub format_version: u32,
    pub cluster: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_filter: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nodes: Option<Vec<NodeView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport_paths: Option<Vec<PathView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<QuorumView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_groups: Option<Vec<DeviceGroupView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_groups: Option<Vec<GroupView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipmp: Option<Vec<IpmpView<'a>>>,
}

#[derive(Debug, Serialize)]
pub struct NodeView<'a> {
    pub name: &'a str,
    pub id: u32,
    pub status: &'static str,
    pub votes: u32,
    pub adapters: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct PathView<'a> {
    pub endpoint_a: &'a str,
    pub endpoint_b: &'a str,
    pub status: &'static str,
}

#[derive(Debug, Serialize)]
pub struct QuorumView<'a> {
    pub possible: u32,
    pub needed: u32,
    pub present: u32,
    pub nodes: Vec<VoteView<'a>>,
    pub devices: Vec<VoteView<'a>>,
}

/// Votes of one node or one quorum device.
#[derive(Debug, Serialize)]
pub struct VoteView<'a> {
    pub name: &'a str,
    pub present: u32,
    pub possible: u32,
    pub status: &'static str,
    /// Nodes with a path to the device (devices only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nodes: Option<&'a [String]>,
}

#[derive(Debug, Serialize)]
pub struct DeviceGroupView<'a> {
    pub name: &'a str,
    pub primary: Option<&'a str>,
    pub secondary: Option<&'a str>,
    pub status: &'static str,
    pub nodes: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct GroupView<'a> {
    pub name: &'a str,
    pub managed: bool,
    pub mode: &'static str,
    pub failback: bool,
    pub desired_primaries: u32,
    pub maximum_primaries: u32,
    pub nodelist: &'a [String],
    pub rg_dependencies: &'a [String],
    pub rg_affinities: &'a [String],
    pub suspended: bool,
    /// State per Nodelist node, in Nodelist order.
    pub nodes: Vec<GroupNodeView<'a>>,
    pub resources: Vec<ResourceView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct GroupNodeView<'a> {
    pub node: &'a str,
    pub state: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ResourceView<'a> {
    pub name: &'a str,
    #[serde(rename = "type")]
    pub rtype: &'a str,
    pub enabled: bool,
    pub monitored: bool,
    pub dependencies: &'a Dependencies,
    pub nodes: Vec<ResourceNodeView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ResourceNodeView<'a> {
    pub node: &'a str,
    pub state: &'static str,
    pub status: &'static str,
    pub message: &'a str,
}

#[derive(Debug, Serialize)]
pub struct IpmpView<'a> {
    pub node: &'a str,
    pub group: &'a str,
    pub status: &'static str,
    pub adapters: Vec<IpmpAdapterView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct IpmpAdapterView<'a> {
    pub adapter: &'a str,
    pub status: &'static str,
}

fn online(up: bool) -> &'static str {
    if up { "Online" } else { "Offline" }
}

/// Node part of a transport endpoint `node:adapter`.
fn endpoint_node(endpoint: &str) -> &str {
    endpoint.split_once(':').map_or(endpoint, |(n, _)| n)
}

/// Compute the status view. Linear in the size of the state.
pub fn collect<'a>(state: &'a ClusterState, opts: &StatusOptions) -> StatusView<'a> {
    let cl = &state.cluster;
    let only = opts.node.as_deref();
    let wanted = |n: &str| only.is_none_or(|o| o == n);
    let s = opts.sections;

    let nodes = s.nodes.then(|| {
        cl.nodes
            .iter()
            .filter(|n| wanted(&n.name))
            .map(|n| NodeView {
                name: &n.name,
                id: n.id,
                status: online(n.up),
                votes: n.votes,
                adapters: &n.adapters,
            })
            .collect()
    });

    let transport_paths = s.transport.then(|| {
        cl.transport_paths
            .iter()
            .filter(|p| {
                wanted(endpoint_node(&p.endpoint_a)) || wanted(endpoint_node(&p.endpoint_b))
            })
            .map(|p| PathView {
                endpoint_a: &p.endpoint_a,
                endpoint_b: &p.endpoint_b,
                status: if cl.is_up(endpoint_node(&p.endpoint_a))
                    && cl.is_up(endpoint_node(&p.endpoint_b))
                {
                    "Path online"
                } else {
                    "faulted"
                },
            })
            .collect()
    });

    let quorum = s.quorum.then(|| {
        let mut possible = 0;
        let mut present = 0;
        let mut node_votes = Vec::new();
        for n in &cl.nodes {
            let here = if n.up { n.votes } else { 0 };
            possible += n.votes;
            present += here;
            if wanted(&n.name) {
                node_votes.push(VoteView {
                    name: &n.name,
                    present: here,
                    possible: n.votes,
                    status: online(n.up),
                    nodes: None,
                });
            }
        }
        let mut device_votes = Vec::new();
        for d in &cl.quorum_devices {
            let reachable = d.nodes.iter().any(|n| cl.is_up(n));
            let here = if reachable { d.votes } else { 0 };
            possible += d.votes;
            present += here;
            if only.is_none_or(|o| d.nodes.iter().any(|n| n == o)) {
                device_votes.push(VoteView {
                    name: &d.name,
                    present: here,
                    possible: d.votes,
                    status: online(reachable),
                    nodes: Some(&d.nodes),
                });
            }
        }
        QuorumView {
            possible,
            needed: possible / 2 + 1,
            present,
            nodes: node_votes,
            devices: device_votes,
        }
    });

    let device_groups = s.device_groups.then(|| {
        cl.device_groups
            .iter()
            .filter(|d| only.is_none_or(|o| d.nodes.iter().any(|n| n == o)))
            .map(|d| {
                let primary = d.primary.as_deref();
                let is_online = !d.maintenance && primary.is_some_and(|p| cl.is_up(p));
                let secondary = if is_online {
                    d.nodes
                        .iter()
                        .map(String::as_str)
                        .find(|n| Some(*n) != primary && cl.is_up(n))
                } else {
                    None
                };
                DeviceGroupView {
                    name: &d.name,
                    primary: if is_online { primary } else { None },
                    secondary,
                    status: online(is_online),
                    nodes: &d.nodes,
                }
            })
            .collect()
    });

    let resource_groups = s.resource_groups.then(|| {
        state
            .resource_groups
            .values()
            .filter(|g| only.is_none_or(|o| g.nodelist.iter().any(|n| n == o)))
            .map(|g| {
                let nodes_of = || g.nodelist.iter().filter(|n| wanted(n));
                let resources = g
                    .resources
                    .iter()
                    .filter_map(|r| state.resources.get(r))
                    .map(|r| ResourceView {
                        name: &r.name,
                        rtype: &r.rtype,
                        enabled: r.enabled,
                        monitored: r.monitored,
                        dependencies: &r.dependencies,
                        nodes: nodes_of()
                            .map(|n| match r.state.get(n) {
                                Some(ns) => ResourceNodeView {
                                    node: n,
                                    state: ns.state.as_str(),
                                    status: ns.status.as_str(),
                                    message: &ns.message,
                                },
                                None => ResourceNodeView {
                                    node: n,
                                    state: r.state_on(n).as_str(),
                                    status: "Offline",
                                    message: "",
                                },
                            })
                            .collect(),
                    })
                    .collect();
                GroupView {
                    name: &g.name,
                    managed: g.managed,
                    mode: match g.mode {
                        RgMode::Failover => "Failover",
                        RgMode::Scalable => "Scalable",
                    },
                    failback: g.failback,
                    desired_primaries: g.desired_primaries,
                    maximum_primaries: g.maximum_primaries,
                    nodelist: &g.nodelist,
                    rg_dependencies: &g.rg_dependencies,
                    rg_affinities: &g.rg_affinities,
                    suspended: g.suspend_automatic_recovery,
                    nodes: nodes_of()
                        .map(|n| GroupNodeView {
                            node: n,
                            state: g.state_on(n).as_str(),
                        })
                        .collect(),
                    resources,
                }
            })
            .collect()
    });

    let ipmp = s.ipmp.then(|| {
        cl.nodes
            .iter()
            .filter(|n| wanted(&n.name))
            .flat_map(|n| {
                n.ipmp_groups.iter().map(move |g| IpmpView {
                    node: &n.name,
                    group: &g.name,
                    status: online(n.up),
                    adapters: g
                        .adapters
                        .iter()
                        .map(|a| IpmpAdapterView {
                            adapter: a,
                            status: online(n.up),
                        })
                        .collect(),
                })
            })
            .collect()
    });

    StatusView {
        format_version: super::FORMAT_VERSION,
        cluster: &cl.name,
        node_filter: only.and_then(|o| cl.node(o)).map(|n| n.name.as_str()),
        nodes,
        transport_paths,
        quorum,
        device_groups,
        resource_groups,
        ipmp,
    }
}

/// The view as JSON (pretty-printed, one trailing newline).
pub fn render_json(view: &StatusView) -> String {
    let mut s = serde_json::to_string_pretty(view).unwrap_or_else(|e| {
        // Serializing plain structs of strings and numbers cannot fail; keep a JSON answer anyway.
        format!("{{\"error\": \"{e}\"}}")
    });
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------------
// Text layout

/// One table layout: the row label and its field, the column widths of the header and of the
/// rows (the last column has no width), and the header titles.
struct Table<'t> {
    label: &'t str,
    /// Width of the label field (headers are indented by this much).
    field: usize,
    /// Labels right-aligned so their colons line up (the resource-group sections).
    right: bool,
    head_widths: &'t [usize],
    row_widths: &'t [usize],
    heads: &'t [&'t str],
}

/// Append `n` spaces.
fn spaces(out: &mut String, n: usize) {
    const SPACES: &str = "                                ";
    let mut n = n;
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

/// Append `text` padded to `width`, always followed by at least one space.
fn cell(out: &mut String, text: &str, width: usize) {
    out.push_str(text);
    let len = text.chars().count();
    spaces(out, if len < width { width - len } else { 1 });
}

impl Table<'_> {
    fn header(&self, out: &mut String) {
        for line in [false, true] {
            spaces(out, self.field);
            let (last, rest) = self.heads.split_last().expect("table has columns");
            for (h, w) in rest.iter().zip(self.head_widths) {
                if line {
                    cell(out, &"-".repeat(h.len()), *w);
                } else {
                    cell(out, h, *w);
                }
            }
            if line {
                out.push_str(&"-".repeat(last.len()));
            } else {
                out.push_str(last);
            }
            out.push('\n');
        }
    }
    fn row(&self, out: &mut String, cols: &[&str]) {
        let label_len = self.label.len();
        if self.right {
            // Right-aligned in field-1, then one space.
            spaces(out, (self.field - 1).saturating_sub(label_len));
            out.push_str(self.label);
            out.push(' ');
        } else {
            out.push_str("  ");
            cell(out, self.label, self.field - 2);
        }
        let (last, rest) = cols.split_last().expect("row has columns");
        for (c, w) in rest.iter().zip(self.row_widths) {
            cell(out, c, *w);
        }
        out.push_str(last);
        out.push('\n');
    }
}

const NODES: Table = Table {
    label: "Cluster node:",
    field: 20,
    right: false,
    head_widths: &[20],
    row_widths: &[20],
    heads: &["Node name", "Status"],
};
const NODE_DETAILS: Table = Table {
    label: "Node details:",
    field: 20,
    right: false,
    head_widths: &[20, 10, 10],
    row_widths: &[20, 10, 10],
    heads: &["Node name", "Node id", "Votes", "Adapters"],
};
const PATHS: Table = Table {
    label: "Transport path:",
    field: 20,
    right: false,
    head_widths: &[20, 20],
    row_widths: &[20, 20],
    heads: &["Endpoint", "Endpoint", "Status"],
};
const NODE_VOTES: Table = Table {
    label: "Node votes:",
    field: 20,
    right: false,
    head_widths: &[20, 8, 9],
    row_widths: &[20, 9, 8],
    heads: &["Node Name", "Present", "Possible", "Status"],
};
const DEVICE_VOTES: Table = Table {
    label: "Device votes:",
    field: 20,
    right: false,
    head_widths: &[20, 8, 9],
    row_widths: &[20, 9, 8],
    heads: &["Device Name", "Present", "Possible", "Status"],
};
const DG_SERVERS: Table = Table {
    label: "Device group servers:",
    field: 25,
    right: false,
    head_widths: &[20, 20],
    row_widths: &[20, 20],
    heads: &["Device Group", "Primary", "Secondary"],
};
const DG_STATUS: Table = Table {
    label: "Device group status:",
    field: 30,
    right: false,
    head_widths: &[20],
    row_widths: &[20],
    heads: &["Device Group", "Status"],
};
const DG_NODES: Table = Table {
    label: "Device group nodes:",
    field: 30,
    right: false,
    head_widths: &[20],
    row_widths: &[20],
    heads: &["Device Group", "Node List"],
};
const RG_RESOURCES: Table = Table {
    label: "Resources:",
    field: 12,
    right: true,
    head_widths: &[20],
    row_widths: &[20],
    heads: &["Group Name", "Resources"],
};
const RG_STATES: Table = Table {
    label: "Group:",
    field: 12,
    right: true,
    head_widths: &[20, 20],
    row_widths: &[20, 20],
    heads: &["Group Name", "Node Name", "State"],
};
/// State is 21 wide (the reconstructed layout has 10) so that every state spelling, the longest
/// being `Online_not_monitored`, keeps the Status Message column aligned.
const R_STATES: Table = Table {
    label: "Resource:",
    field: 12,
    right: true,
    head_widths: &[20, 20, 21],
    row_widths: &[20, 20, 21],
    heads: &["Resource Name", "Node Name", "State", "Status Message"],
};
const RG_SETTINGS: Table = Table {
    label: "Settings:",
    field: 12,
    right: true,
    head_widths: &[20, 10, 10, 11, 10],
    row_widths: &[20, 10, 10, 11, 10],
    heads: &[
        "Group Name",
        "Managed",
        "Mode",
        "Primaries",
        "Failback",
        "Nodelist",
    ],
};
const R_SETTINGS: Table = Table {
    label: "Settings:",
    field: 12,
    right: true,
    head_widths: &[20, 20, 25, 10],
    row_widths: &[20, 20, 25, 10],
    heads: &[
        "Resource Name",
        "Group Name",
        "Type",
        "Enabled",
        "Monitored",
    ],
};
const RG_RELATIONS: Table = Table {
    label: "Relations:",
    field: 12,
    right: true,
    head_widths: &[20, 25, 25],
    row_widths: &[20, 25, 25],
    heads: &[
        "Group Name",
        "RG_dependencies",
        "RG_affinities",
        "Suspended",
    ],
};
const R_DEPENDENCIES: Table = Table {
    label: "Dependency:",
    field: 12,
    right: true,
    head_widths: &[20, 16],
    row_widths: &[20, 16],
    heads: &["Resource Name", "Kind", "Depends On"],
};
const IPMP: Table = Table {
    label: "IPMP Group:",
    field: 14,
    right: false,
    head_widths: &[20, 8, 15, 10],
    row_widths: &[20, 8, 15, 10],
    heads: &["Node Name", "Group", "Status", "Adapter", "Status"],
};

/// Builds the text: sub-sections of one component are separated by a single-space line,
/// components by the 66-dash separator surrounded by single-space lines.
struct Text {
    out: String,
    /// Something has been written; the next component needs a separator.
    started: bool,
    /// Inside a component; the next sub-section needs a single-space line.
    in_component: bool,
}

impl Text {
    fn component(&mut self) {
        if self.started {
            self.out.push_str(" \n");
            self.out.push_str(SEPARATOR);
            self.out.push_str("\n \n");
        }
        self.started = true;
        self.in_component = false;
    }
    fn sub(&mut self, title: &str) {
        if self.in_component {
            self.out.push_str(" \n");
        }
        self.in_component = true;
        self.out.push_str("-- ");
        self.out.push_str(title);
        self.out.push_str(" --\n \n");
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "Yes" } else { "No" }
}

fn dash_if_empty(s: String) -> String {
    if s.is_empty() { "-".to_string() } else { s }
}

/// The view in the scstat text layout. `verbose` 1 (`-v`) adds node details and the
/// resource-group and resource settings; 2 (`-vv`) adds device-group node lists, group
/// relationships and resource dependencies.
pub fn render_text(view: &StatusView, verbose: u8) -> String {
    // Room for the longest part, the per-node resource rows (about 80 bytes each).
    let rows: usize = view.resource_groups.as_ref().map_or(0, |gs| {
        gs.iter()
            .map(|g| g.nodes.len() * (1 + g.resources.len()))
            .sum()
    });
    let mut t = Text {
        out: String::with_capacity(8192 + rows * 80),
        started: false,
        in_component: false,
    };
    if let Some(nodes) = &view.nodes {
        t.component();
        t.sub("Cluster Nodes");
        NODES.header(&mut t.out);
        for n in nodes {
            NODES.row(&mut t.out, &[n.name, n.status]);
        }
        if verbose >= 1 {
            t.sub("Cluster Node Details");
            NODE_DETAILS.header(&mut t.out);
            for n in nodes {
                let adapters = n.adapters.join(" ");
                NODE_DETAILS.row(
                    &mut t.out,
                    &[n.name, &n.id.to_string(), &n.votes.to_string(), &adapters],
                );
            }
        }
    }
    if let Some(paths) = &view.transport_paths {
        t.component();
        t.sub("Cluster Transport Paths");
        PATHS.header(&mut t.out);
        for p in paths {
            PATHS.row(&mut t.out, &[p.endpoint_a, p.endpoint_b, p.status]);
        }
    }
    if let Some(q) = &view.quorum {
        t.component();
        t.sub("Quorum Summary");
        for (label, v) in [
            ("Quorum votes possible:", q.possible),
            ("Quorum votes needed:", q.needed),
            ("Quorum votes present:", q.present),
        ] {
            t.out.push_str("  ");
            cell(&mut t.out, label, 28);
            t.out.push_str(&v.to_string());
            t.out.push('\n');
        }
        for (title, table, votes) in [
            ("Quorum Votes by Node", &NODE_VOTES, &q.nodes),
            ("Quorum Votes by Device", &DEVICE_VOTES, &q.devices),
        ] {
            t.sub(title);
            table.header(&mut t.out);
            for v in votes {
                table.row(
                    &mut t.out,
                    &[
                        v.name,
                        &v.present.to_string(),
                        &v.possible.to_string(),
                        v.status,
                    ],
                );
            }
        }
    }
    if let Some(dgs) = &view.device_groups {
        t.component();
        t.sub("Device Group Servers");
        DG_SERVERS.header(&mut t.out);
        for d in dgs {
            DG_SERVERS.row(
                &mut t.out,
                &[d.name, d.primary.unwrap_or("-"), d.secondary.unwrap_or("-")],
            );
        }
        t.sub("Device Group Status");
        DG_STATUS.header(&mut t.out);
        for d in dgs {
            DG_STATUS.row(&mut t.out, &[d.name, d.status]);
        }
        if verbose >= 2 {
            t.sub("Device Group Nodes");
            DG_NODES.header(&mut t.out);
            for d in dgs {
                DG_NODES.row(&mut t.out, &[d.name, &d.nodes.join(" ")]);
            }
        }
    }
    if let Some(groups) = view.resource_groups.as_ref().filter(|g| !g.is_empty()) {
        render_groups(&mut t, groups, verbose);
    }
    if let Some(ipmp) = &view.ipmp {
        t.component();
        t.sub("IPMP Groups");
        IPMP.header(&mut t.out);
        for g in ipmp {
            for a in &g.adapters {
                IPMP.row(
                    &mut t.out,
                    &[g.node, g.group, g.status, a.adapter, a.status],
                );
            }
        }
    }
    t.out
}

fn render_groups(t: &mut Text, groups: &[GroupView], verbose: u8) {
    t.component();
    t.sub("Resource Groups and Resources");
    RG_RESOURCES.header(&mut t.out);
    for g in groups {
        let names: Vec<&str> = g.resources.iter().map(|r| r.name).collect();
        RG_RESOURCES.row(&mut t.out, &[g.name, &dash_if_empty(names.join(" "))]);
    }
    t.sub("Resource Groups");
    RG_STATES.header(&mut t.out);
    for g in groups {
        for n in &g.nodes {
            RG_STATES.row(&mut t.out, &[g.name, n.node, n.state]);
        }
    }
    t.sub("Resources");
    R_STATES.header(&mut t.out);
    let mut message = String::new();
    for g in groups {
        for r in &g.resources {
            for n in &r.nodes {
                message.clear();
                message.push_str(n.status);
                if !n.message.is_empty() {
                    message.push_str(" - ");
                    message.push_str(n.message);
                }
                R_STATES.row(&mut t.out, &[r.name, n.node, n.state, &message]);
            }
        }
    }
    if verbose >= 1 {
        t.sub("Resource Group Settings");
        RG_SETTINGS.header(&mut t.out);
        for g in groups {
            let primaries = format!("{}/{}", g.desired_primaries, g.maximum_primaries);
            let failback = if g.failback { "True" } else { "False" };
            RG_SETTINGS.row(
                &mut t.out,
                &[
                    g.name,
                    yes_no(g.managed),
                    g.mode,
                    &primaries,
                    failback,
                    &g.nodelist.join(" "),
                ],
            );
        }
        t.sub("Resource Settings");
        R_SETTINGS.header(&mut t.out);
        for g in groups {
            for r in &g.resources {
                R_SETTINGS.row(
                    &mut t.out,
                    &[
                        r.name,
                        g.name,
                        r.rtype,
                        yes_no(r.enabled),
                        yes_no(r.monitored),
                    ],
                );
            }
        }
    }
    if verbose >= 2 {
        t.sub("Resource Group Relationships");
        RG_RELATIONS.header(&mut t.out);
        for g in groups {
            RG_RELATIONS.row(
                &mut t.out,
                &[
                    g.name,
                    &dash_if_empty(g.rg_dependencies.join(",")),
                    &dash_if_empty(g.rg_affinities.join(",")),
                    yes_no(g.suspended),
                ],
            );
        }
        t.sub("Resource Dependencies");
        R_DEPENDENCIES.header(&mut t.out);
        for g in groups {
            for r in &g.resources {
                for kind in crate::model::DepKind::ALL {
                    let list = r.dependencies.get(kind);
                    if list.is_empty() {
                        continue;
                    }
                    let kind_name = match kind {
                        crate::model::DepKind::Strong => "strong",
                        crate::model::DepKind::Weak => "weak",
                        crate::model::DepKind::Restart => "restart",
                        crate::model::DepKind::OfflineRestart => "offline_restart",
                    };
                    R_DEPENDENCIES.row(&mut t.out, &[r.name, kind_name, &list.join(",")]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::init::{InitOptions, new_cluster};
    use crate::model::{RState, RStatus, Resource, ResourceGroup, ResourceNodeState, RgState};

    fn cluster(nodes: &[&str]) -> ClusterState {
        let opts = InitOptions {
            nodes: nodes.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        new_cluster(&opts, 0).unwrap()
    }

    fn add_group(s: &mut ClusterState, name: &str, nodes: &[&str], online_on: Option<&str>) {
        let mut g = ResourceGroup::new(name, nodes.iter().map(|s| s.to_string()).collect());
        g.managed = true;
        for n in nodes {
            let st = if Some(*n) == online_on {
                RgState::Online
            } else {
                RgState::Offline
            };
            g.state.insert(n.to_string(), st);
        }
        s.resource_groups.insert(name.to_string(), g);
    }

    fn add_resource(s: &mut ClusterState, group: &str, name: &str, rtype: &str, message: &str) {
        let g = s.resource_groups.get_mut(group).unwrap();
        g.resources.push(name.to_string());
        let mut state = std::collections::BTreeMap::new();
        for n in &g.nodelist {
            let on = g.state_on(n) == RgState::Online;
            state.insert(
                n.clone(),
                ResourceNodeState {
                    state: if on { RState::Online } else { RState::Offline },
                    status: if on {
                        RStatus::Online
                    } else {
                        RStatus::Offline
                    },
                    message: if on {
                        message.to_string()
                    } else {
                        String::new()
                    },
                },
            );
        }
        s.resources.insert(
            name.to_string(),
            Resource {
                name: name.to_string(),
                rtype: rtype.to_string(),
                group: group.to_string(),
                enabled: true,
                monitored: true,
                description: String::new(),
                dependencies: Default::default(),
                properties: Default::default(),
                extension: Default::default(),
                state,
                restart_history: Vec::new(),
            },
        );
    }

    /// The seed cluster after step 12: MAIL-RG online on mail-1.
    fn seed() -> ClusterState {
        let mut s = cluster(&["mail-1", "mail-2"]);
        add_group(&mut s, "MAIL-RG", &["mail-1", "mail-2"], Some("mail-1"));
        add_resource(
            &mut s,
            "MAIL-RG",
            "budgie",
            "SUNW.LogicalHostname:2",
            "LogicalHostname online.",
        );
        add_resource(&mut s, "MAIL-RG", "disk-rs", "SUNW.HAStoragePlus:4", "");
        add_resource(&mut s, "MAIL-RG", "mail-rs", "SUNW.ims", "");
        s.resources["mail-rs"].dependencies.strong = vec!["disk-rs".into(), "budgie".into()];
        s
    }

    fn text(s: &ClusterState, sections: Sections, node: Option<&str>, verbose: u8) -> String {
        let opts = StatusOptions {
            sections,
            node: node.map(str::to_string),
            verbose,
        };
        render_text(&collect(s, &opts), verbose)
    }

    fn only_groups() -> Sections {
        Sections {
            resource_groups: true,
            ..Default::default()
        }
    }

    /// The regular expressions that scripts in the wild apply to scstat output.
    fn matching<'t>(out: &'t str, prefix: &str) -> Vec<Vec<&'t str>> {
        out.lines()
            .filter_map(|l| l.trim_start().strip_prefix(prefix))
            .map(|rest| rest.split_whitespace().collect())
            .collect()
    }

    #[test]
    fn group_and_resource_rows_follow_the_nodelist() {
        let out = text(&seed(), only_groups(), None, 0);
        assert_eq!(
            matching(&out, "Group:"),
            vec![
                vec!["MAIL-RG", "mail-1", "Online"],
                vec!["MAIL-RG", "mail-2", "Offline"]
            ]
        );
        let rows = matching(&out, "Resource:");
        assert_eq!(rows.len(), 6);
        assert_eq!(
            rows[0],
            vec![
                "budgie",
                "mail-1",
                "Online",
                "Online",
                "-",
                "LogicalHostname",
                "online."
            ]
        );
        assert_eq!(rows[1], vec!["budgie", "mail-2", "Offline", "Offline"]);
        assert_eq!(rows[5], vec!["mail-rs", "mail-2", "Offline", "Offline"]);
        assert!(
            out.contains("\n Resources: MAIL-RG             budgie disk-rs mail-rs\n"),
            "{out}"
        );
        assert!(out.contains("\n  Resource: budgie              mail-1              Online               Online - LogicalHostname online.\n"), "{out}");
        assert!(
            out.starts_with("-- Resource Groups and Resources --\n \n"),
            "{out}"
        );
        assert!(
            !out.contains(SEPARATOR),
            "one component, no separator:\n{out}"
        );
    }

    #[test]
    fn no_resource_group_section_without_groups() {
        let s = cluster(&["a", "b"]);
        assert_eq!(text(&s, only_groups(), None, 0), "");
        let all = text(&s, Sections::all(), None, 0);
        assert!(!all.contains("Resource Groups"), "{all}");
        assert!(all.contains("-- IPMP Groups --"), "{all}");
    }

    #[test]
    fn sections_come_in_fixed_order_with_separators() {
        let out = text(&seed(), Sections::all(), None, 0);
        let titles: Vec<&str> = out.lines().filter(|l| l.starts_with("-- ")).collect();
        assert_eq!(
            titles,
            [
                "-- Cluster Nodes --",
                "-- Cluster Transport Paths --",
                "-- Quorum Summary --",
                "-- Quorum Votes by Node --",
                "-- Quorum Votes by Device --",
                "-- Device Group Servers --",
                "-- Device Group Status --",
                "-- Resource Groups and Resources --",
                "-- Resource Groups --",
                "-- Resources --",
                "-- IPMP Groups --",
            ]
        );
        assert_eq!(out.matches(&format!(" \n{SEPARATOR}\n \n")).count(), 5);
        assert_eq!(SEPARATOR.len(), 66);
    }

    #[test]
    fn quorum_arithmetic_counts_up_nodes_and_reachable_devices() {
        let mut s = cluster(&["a", "b"]);
        let q = collect(
            &s,
            &StatusOptions {
                sections: Sections::all(),
                ..Default::default()
            },
        )
        .quorum
        .unwrap();
        assert_eq!((q.possible, q.needed, q.present), (3, 2, 3));
        s.cluster.node_mut("b").unwrap().up = false;
        let v = collect(
            &s,
            &StatusOptions {
                sections: Sections::all(),
                ..Default::default()
            },
        );
        let q = v.quorum.as_ref().unwrap();
        assert_eq!((q.possible, q.needed, q.present), (3, 2, 2));
        assert_eq!(q.nodes[1].present, 0);
        assert_eq!(q.nodes[1].status, "Offline");
        assert_eq!(q.devices[0].present, 1, "device still reachable from a");
        assert!(
            v.transport_paths
                .unwrap()
                .iter()
                .all(|p| p.status == "faulted")
        );
        s.cluster.node_mut("a").unwrap().up = false;
        let q = collect(
            &s,
            &StatusOptions {
                sections: Sections::all(),
                ..Default::default()
            },
        )
        .quorum
        .unwrap();
        assert_eq!((q.present, q.devices[0].status), (0, "Offline"));

        // Four nodes, no device: 4 possible, 3 needed.
        let s = cluster(&["a", "b", "c", "d"]);
        let q = collect(
            &s,
            &StatusOptions {
                sections: Sections::all(),
                ..Default::default()
            },
        )
        .quorum
        .unwrap();
        assert_eq!((q.possible, q.needed, q.present), (4, 3, 4));
    }

    #[test]
    fn node_filter_keeps_what_concerns_the_node() {
        let mut s = cluster(&["a", "b", "c"]);
        add_group(&mut s, "rg-ab", &["a", "b"], Some("b"));
        add_group(&mut s, "rg-bc", &["b", "c"], Some("c"));
        add_resource(&mut s, "rg-ab", "r1", "T", "");
        add_resource(&mut s, "rg-bc", "r2", "T", "");
        let out = text(&s, Sections::all(), Some("c"), 0);
        assert_eq!(matching(&out, "Cluster node:"), vec![vec!["c", "Online"]]);
        assert_eq!(matching(&out, "Transport path:").len(), 4, "{out}");
        assert!(
            matching(&out, "Transport path:")
                .iter()
                .all(|r| r[0].starts_with("c:") || r[1].starts_with("c:"))
        );
        assert_eq!(
            matching(&out, "Node votes:"),
            vec![vec!["c", "1", "1", "Online"]]
        );
        assert_eq!(matching(&out, "Group:"), vec![vec!["rg-bc", "c", "Online"]]);
        assert_eq!(
            matching(&out, "Resource:"),
            vec![vec!["r2", "c", "Online", "Online"]]
        );
        assert!(!out.contains("rg-ab"), "{out}");
        assert!(matching(&out, "IPMP Group:").iter().all(|r| r[0] == "c"));
        // The quorum summary stays cluster-wide.
        assert!(out.contains("  Quorum votes possible:      3\n"), "{out}");
    }

    #[test]
    fn failed_and_unmanaged_states_print_as_scstat_spells_them() {
        let mut s = seed();
        let r = &mut s.resources["disk-rs"];
        r.state.insert(
            "mail-2".into(),
            ResourceNodeState {
                state: RState::StartFailed,
                status: RStatus::Faulted,
                message: "Failed to mount /global/mail1.".into(),
            },
        );
        s.resource_groups["MAIL-RG"]
            .state
            .insert("mail-2".into(), RgState::PendingOnlineBlocked);
        let mut g = ResourceGroup::new("IDLE-RG", vec!["mail-2".into()]);
        g.state.insert("mail-2".into(), RgState::Online);
        s.resource_groups.insert("IDLE-RG".into(), g);
        let out = text(&s, only_groups(), None, 0);
        assert!(
            out.contains("  Resource: disk-rs             mail-2              Start_failed         Faulted - Failed to mount /global/mail1.\n"),
            "{out}"
        );
        assert!(matching(&out, "Group:").contains(&vec![
            "MAIL-RG",
            "mail-2",
            "Pending_online_blocked"
        ]));
        assert!(
            matching(&out, "Group:").contains(&vec!["IDLE-RG", "mail-2", "Unmanaged"]),
            "unmanaged wins over stale state"
        );
        assert!(out.contains(" Resources: IDLE-RG             -\n"), "{out}");
    }

    #[test]
    fn verbose_levels_add_sub_sections_without_changing_the_rows() {
        let s = seed();
        let plain = text(&s, Sections::all(), None, 0);
        let v = text(&s, Sections::all(), None, 1);
        let vv = text(&s, Sections::all(), None, 2);
        for prefix in ["Cluster node:", "Group:", "Resource:", "Transport path:"] {
            assert_eq!(matching(&plain, prefix), matching(&v, prefix));
            assert_eq!(matching(&plain, prefix), matching(&vv, prefix));
        }
        assert!(v.contains("-- Resource Settings --") && !plain.contains("Settings"));
        assert!(v.contains("  Settings: mail-rs             MAIL-RG             SUNW.ims                 Yes       Yes\n"), "{v}");
        assert!(
            v.contains("  Node details:     mail-1              1         1         qfe1 hme1\n"),
            "{v}"
        );
        assert!(!v.contains("Resource Dependencies"));
        assert!(
            vv.contains("Dependency: mail-rs             strong          disk-rs,budgie\n"),
            "{vv}"
        );
        assert!(vv.contains("-- Device Group Nodes --"));
    }

    #[test]
    fn long_names_keep_a_space_between_columns() {
        let mut s = cluster(&["a-node-with-a-very-long-name", "b"]);
        add_group(
            &mut s,
            "a-group-name-longer-than-twenty",
            &["a-node-with-a-very-long-name"],
            None,
        );
        let out = text(&s, Sections::all(), None, 0);
        assert_eq!(
            matching(&out, "Group:"),
            vec![vec![
                "a-group-name-longer-than-twenty",
                "a-node-with-a-very-long-name",
                "Offline"
            ]]
        );
        assert_eq!(
            matching(&out, "Cluster node:")[0],
            vec!["a-node-with-a-very-long-name", "Online"]
        );
    }

    #[test]
    fn device_group_servers_follow_primary_and_membership() {
        let opts = InitOptions {
            nodes: vec!["a".into(), "b".into(), "c".into()],
            device_groups: vec!["dg1@b,a,c".into(), "dg2@c".into()],
            ..Default::default()
        };
        let mut s = new_cluster(&opts, 0).unwrap();
        s.cluster.node_mut("a").unwrap().up = false;
        s.cluster.node_mut("c").unwrap().up = false;
        let v = collect(
            &s,
            &StatusOptions {
                sections: Sections::all(),
                ..Default::default()
            },
        );
        let dgs = v.device_groups.unwrap();
        assert_eq!(
            (dgs[0].primary, dgs[0].secondary, dgs[0].status),
            (Some("b"), None, "Online")
        );
        assert_eq!((dgs[1].primary, dgs[1].status), (None, "Offline"));
        s.cluster.node_mut("c").unwrap().up = true;
        let v = collect(
            &s,
            &StatusOptions {
                sections: Sections::all(),
                ..Default::default()
            },
        );
        assert_eq!(v.device_groups.unwrap()[0].secondary, Some("c"));
        s.cluster.device_groups[0].maintenance = true;
        let v = collect(
            &s,
            &StatusOptions {
                sections: Sections::all(),
                ..Default::default()
            },
        );
        let dg = &v.device_groups.unwrap()[0];
        assert_eq!(
            (dg.primary, dg.secondary, dg.status),
            (None, None, "Offline")
        );
    }

    #[test]
    fn json_has_the_documented_shape() {
        let s = seed();
        let opts = StatusOptions {
            sections: Sections::all(),
            ..Default::default()
        };
        let j: serde_json::Value = serde_json::from_str(&render_json(&collect(&s, &opts))).unwrap();
        assert_eq!(j["format_version"], 1);
        assert_eq!(j["nodes"][0]["status"], "Online");
        assert_eq!(j["transport_paths"][0]["status"], "Path online");
        assert_eq!(j["quorum"]["needed"], 2);
        let rg = &j["resource_groups"][0];
        assert_eq!(rg["name"], "MAIL-RG");
        assert_eq!(
            rg["nodes"][1],
            serde_json::json!({"node": "mail-2", "state": "Offline"})
        );
        assert_eq!(
            rg["resources"][0]["nodes"][0],
            serde_json::json!({"node": "mail-1", "state": "Online", "status": "Online", "message": "LogicalHostname online."})
        );
        assert_eq!(rg["resources"][2]["dependencies"]["strong"][1], "budgie");
        assert_eq!(j["ipmp"][0]["adapters"][0]["adapter"], "qfe0");
        assert!(j.get("node_filter").is_none());

        let opts = StatusOptions {
            sections: only_groups(),
            node: Some("mail-2".into()),
            verbose: 0,
        };
        let j: serde_json::Value = serde_json::from_str(&render_json(&collect(&s, &opts))).unwrap();
        assert!(j.get("nodes").is_none() && j.get("quorum").is_none());
        assert_eq!(j["node_filter"], "mail-2");
        assert_eq!(
            j["resource_groups"][0]["nodes"].as_array().unwrap().len(),
            1
        );
    }

    #[test]
    fn ten_thousand_resources_render_every_row() {
        let mut s = cluster(&["a", "b"]);
        for g in 0..2000 {
            let name = format!("rg{g}");
            add_group(
                &mut s,
                &name,
                &["a", "b"],
                Some(if g % 2 == 0 { "a" } else { "b" }),
            );
            for r in 0..5 {
                add_resource(&mut s, &name, &format!("r{g}-{r}"), "T", "");
            }
        }
        let out = text(&s, only_groups(), None, 0);
        assert_eq!(
            out.lines()
                .filter(|l| l.starts_with("  Resource: "))
                .count(),
            20_000
        );
        assert_eq!(
            out.lines()
                .filter(|l| l.starts_with("     Group: "))
                .count(),
            4_000
        );
    }
}
