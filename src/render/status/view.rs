//! The status view: what `scstat` shows, collected once from the state, and its JSON form.

use super::StatusOptions;
use crate::model::{ClusterState, Dependencies, Name, Resource, RgMode};
use serde::Serialize;

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
    pub nodelist: &'a [Name],
    pub rg_dependencies: &'a [String],
    pub rg_affinities: &'a [String],
    pub suspended: bool,
    /// State per Nodelist node, in Nodelist order.
    pub nodes: Vec<GroupNodeView<'a>>,
    pub resources: Members<'a>,
}

/// A group's resources as its status shows them: a pointer to each resource, and the nodes
/// their rows are made for. The views are made as they are read ([`Members::iter`]): a view
/// of a large cluster holds tens of thousands of resources, one word each.
#[derive(Debug)]
pub struct Members<'a> {
    list: Vec<&'a Resource>,
    /// The group's nodes, the one node asked for (`scstat -h`), the nodes kept by a filter.
    nodelist: &'a [Name],
    only: Option<&'a str>,
    kept: Option<&'a [String]>,
}

impl<'a> Members<'a> {
    /// The view of each resource, in the group's order.
    pub fn iter(&self) -> impl Iterator<Item = ResourceView<'a>> + use<'a, '_> {
        let (nodelist, only, kept) = (self.nodelist, self.only, self.kept);
        self.list.iter().map(move |r| ResourceView {
            resource: r,
            nodelist,
            only,
            kept,
        })
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
    /// Keep the resources whose view `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&ResourceView<'a>) -> bool) {
        let (nodelist, only, kept) = (self.nodelist, self.only, self.kept);
        self.list.retain(|r| {
            keep(&ResourceView {
                resource: r,
                nodelist,
                only,
                kept,
            })
        });
    }
    /// Show the resources on `nodes` only (`clrs status -n`).
    pub fn keep_nodes(&mut self, nodes: &'a [String]) {
        self.kept = Some(nodes);
    }
}

/// The JSON of a group's resources (docs/json.md): a list of resource views.
impl Serialize for Members<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[derive(Debug, Serialize)]
pub struct GroupNodeView<'a> {
    pub node: &'a str,
    pub state: &'static str,
}

/// A resource's status: its per-node rows are made as they are read ([`ResourceView::nodes`]),
/// not held (a large cluster has tens of thousands).
#[derive(Debug, Clone, Copy)]
pub struct ResourceView<'a> {
    /// The resource itself: its name, type, switches and dependencies are read from it.
    resource: &'a Resource,
    /// Its group's nodes, the one node asked for (`scstat -h`), the nodes kept by a filter.
    nodelist: &'a [Name],
    only: Option<&'a str>,
    kept: Option<&'a [String]>,
}

impl<'a> ResourceView<'a> {
    pub fn name(&self) -> &'a str {
        &self.resource.name
    }
    pub fn rtype(&self) -> &'a str {
        &self.resource.rtype
    }
    pub fn enabled(&self) -> bool {
        self.resource.enabled
    }
    pub fn monitored(&self) -> bool {
        self.resource.monitored
    }
    pub fn dependencies(&self) -> &'a Dependencies {
        &self.resource.dependencies
    }
    /// The resource on each node of its group (or the node asked for), in Nodelist order.
    pub fn nodes(&self) -> impl Iterator<Item = ResourceNodeView<'a>> + use<'a> {
        let (r, only, kept) = (self.resource, self.only, self.kept);
        self.nodelist
            .iter()
            .filter(move |n| wanted(only, n) && kept.is_none_or(|k| k.iter().any(|x| x == *n)))
            .map(move |n| match r.state.get(n) {
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
    }
}

/// The JSON of a resource's status (docs/json.md): as if its rows were a list field.
impl Serialize for ResourceView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Rows<'v, 'a>(&'v ResourceView<'a>);
        impl Serialize for Rows<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.nodes())
            }
        }
        let mut st = s.serialize_struct("ResourceView", 6)?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("type", self.rtype())?;
        st.serialize_field("enabled", &self.enabled())?;
        st.serialize_field("monitored", &self.monitored())?;
        st.serialize_field("dependencies", self.dependencies())?;
        st.serialize_field("nodes", &Rows(self))?;
        st.end()
    }
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
    let s = opts.sections;
    StatusView {
        format_version: crate::render::FORMAT_VERSION,
        cluster: &cl.name,
        node_filter: only.and_then(|o| cl.node(o)).map(|n| n.name.as_str()),
        nodes: s.nodes.then(|| nodes(state, only)),
        transport_paths: s.transport.then(|| transport_paths(state, only)),
        quorum: s.quorum.then(|| quorum(state, only)),
        device_groups: s.device_groups.then(|| device_groups(state, only)),
        resource_groups: s.resource_groups.then(|| resource_groups(state, only)),
        ipmp: s.ipmp.then(|| ipmp(state, only)),
    }
}

/// Whether node `n` is shown (`-h NODE` shows one).
fn wanted(only: Option<&str>, n: &str) -> bool {
    only.is_none_or(|o| o == n)
}

fn nodes<'a>(state: &'a ClusterState, only: Option<&str>) -> Vec<NodeView<'a>> {
    state
        .cluster
        .nodes
        .iter()
        .filter(|n| wanted(only, &n.name))
        .map(|n| NodeView {
            name: &n.name,
            id: n.id,
            status: online(n.up),
            votes: n.votes,
            adapters: &n.adapters,
        })
        .collect()
}

fn transport_paths<'a>(state: &'a ClusterState, only: Option<&str>) -> Vec<PathView<'a>> {
    let cl = &state.cluster;
    cl.transport_paths
        .iter()
        .filter(|p| {
            wanted(only, endpoint_node(&p.endpoint_a)) || wanted(only, endpoint_node(&p.endpoint_b))
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
}

fn quorum<'a>(state: &'a ClusterState, only: Option<&str>) -> QuorumView<'a> {
    let cl = &state.cluster;
    let mut possible = 0;
    let mut present = 0;
    let mut node_votes = Vec::new();
    for n in &cl.nodes {
        let here = if n.up { n.votes } else { 0 };
        possible += n.votes;
        present += here;
        if wanted(only, &n.name) {
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
}

fn device_groups<'a>(state: &'a ClusterState, only: Option<&str>) -> Vec<DeviceGroupView<'a>> {
    let cl = &state.cluster;
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
}

fn resource_groups<'a>(state: &'a ClusterState, only: Option<&str>) -> Vec<GroupView<'a>> {
    state
        .resource_groups
        .values()
        .filter(|g| only.is_none_or(|o| g.nodelist.iter().any(|n| n == o)))
        .map(|g| {
            let nodes_of = || g.nodelist.iter().filter(|n| wanted(only, n));
            // The node asked for as the group's own name of it, which the views outlive.
            let only = only.and_then(|o| g.nodelist.iter().find(|n| *n == o).map(Name::as_str));
            // At its length: a group has a few resources, and a list grown to fit would hold
            // room for up to twice as many, for each of thousands of groups.
            let mut list = Vec::with_capacity(g.resources.len());
            list.extend(g.resources.iter().filter_map(|r| state.resources.get(r)));
            let resources = Members {
                list,
                nodelist: &g.nodelist,
                only,
                kept: None,
            };
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
                rg_dependencies: &g.rare.rg_dependencies,
                rg_affinities: &g.rare.rg_affinities,
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
}

fn ipmp<'a>(state: &'a ClusterState, only: Option<&str>) -> Vec<IpmpView<'a>> {
    state
        .cluster
        .nodes
        .iter()
        .filter(|n| wanted(only, &n.name))
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
}

/// [`render_json`], handed to `sink` in pieces as it is made.
pub fn write_json(view: &StatusView, sink: &mut dyn FnMut(&str)) {
    use std::io::Write;
    // Writes to `Pieces` do not fail.
    let mut out = crate::render::pieces::Pieces::new(sink);
    if let Err(e) = serde_json::to_writer_pretty(&mut out, view) {
        // Serializing plain structs of strings and numbers cannot fail; were it to, what is
        // left goes out as an error object.
        out.discard();
        let _ = write!(out, "{{\"error\": \"{e}\"}}");
    }
    let _ = writeln!(out);
    out.finish();
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
