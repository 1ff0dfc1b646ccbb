//! The `show` layouts of the object CLI: one block per object, `Label:  value` lines, the
//! object's name on the first line, per-node values as `Label{node}`.

use super::{bool_text, field, list_text, subtitle, title};
use crate::model::{
    ClusterState, InitNodes, Name, PropValue, Resource, ResourceGroup, ResourceType,
};
use crate::query::effective::{group_value, resource_value, resource_value_on};
use crate::query::types::{self as catalog, prop_type_name};

fn value_text(v: Option<&PropValue>) -> String {
    match v {
        None => "<NULL>".to_string(),
        Some(PropValue::List(l)) => list_text(l),
        Some(PropValue::Str(s)) if s.is_empty() => "<NULL>".to_string(),
        Some(v) => v.to_string(),
    }
}

/// What a show prints of each object: with `-v` every property (and a type's methods and
/// declarations, a resource's property details); with `-p` only the properties named
/// (`props`, any case), whose use is recorded so that a name that matched nothing can be
/// reported.
#[derive(Debug, Default)]
pub struct Shown {
    pub verbose: bool,
    pub props: Vec<String>,
    matched: std::cell::RefCell<Vec<bool>>,
}

impl Shown {
    pub fn new(verbose: bool, props: Vec<String>) -> Shown {
        let matched = std::cell::RefCell::new(vec![false; props.len()]);
        Shown {
            verbose,
            props,
            matched,
        }
    }
    /// Every property (no `-p`) or only the brief ones.
    pub fn all(verbose: bool) -> Shown {
        Shown::new(verbose, Vec::new())
    }
    /// Whether property `name` is printed (`Name{node}` counts as `Name`).
    fn wants(&self, name: &str) -> bool {
        if self.props.is_empty() {
            return true;
        }
        // `Node ID` is asked for as Node_ID (a label's blanks are underscores).
        let base = name.split('{').next().unwrap_or(name).replace(' ', "_");
        let mut hit = false;
        for (i, p) in self.props.iter().enumerate() {
            if p.replace(' ', "_").eq_ignore_ascii_case(&base) {
                self.matched.borrow_mut()[i] = true;
                hit = true;
            }
        }
        hit
    }
    /// A property row when it is wanted.
    fn field(&self, out: &mut String, depth: usize, name: &str, value: &str) {
        if self.wants(name) {
            field(out, depth, name, value);
        }
    }
    /// Every property is looked at: `-v`, or `-p` (which may name any of them).
    fn every(&self) -> bool {
        self.verbose || !self.props.is_empty()
    }
    /// The `-p` names that matched no property of the objects shown.
    pub fn unmatched(&self) -> Vec<String> {
        let m = self.matched.borrow();
        self.props
            .iter()
            .zip(m.iter())
            .filter(|(_, hit)| !**hit)
            .map(|(p, _)| p.clone())
            .collect()
    }
}

/// `clresourcetype show`.
pub fn types(out: &mut String, types: &[&ResourceType], verbose: bool) {
    types_shown(out, types, &Shown::all(verbose));
}

/// `clresourcetype show [-p] [-v]`.
pub fn types_shown(out: &mut String, types: &[&ResourceType], o: &Shown) {
    title(out, "Registered Resource Types");
    for (i, t) in types.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        field(out, 0, "Resource Type", &t.name);
        o.field(out, 1, "RT_description", &t.rt_description);
        o.field(out, 1, "RT_version", &t.rt_version);
        o.field(out, 1, "API_version", &t.api_version.to_string());
        o.field(out, 1, "RT_basedir", &t.rt_basedir);
        o.field(out, 1, "Single_instance", bool_text(t.single_instance));
        o.field(out, 1, "Proxy", "False");
        let init = match t.init_nodes {
            InitNodes::RgPrimaries => "All potential masters",
            InitNodes::RtInstalledNodes => "All installed nodes",
        };
        o.field(out, 1, "Init_nodes", init);
        let installed = t
            .installed_nodes
            .as_ref()
            .map_or_else(|| "<All>".to_string(), |n| list_text(n));
        o.field(out, 1, "Installed_nodes", &installed);
        o.field(out, 1, "Failover", bool_text(t.failover));
        o.field(out, 1, "Pkglist", &list_text(&t.pkglist));
        o.field(out, 1, "RT_system", bool_text(t.rt_system));
        if o.verbose && o.props.is_empty() {
            out.push('\n');
            subtitle(out, "  ", "Methods");
            for (m, path) in &t.methods {
                field(out, 1, m.rtr_name(), path);
            }
            out.push('\n');
            subtitle(out, "  ", "Properties");
            for d in catalog::all_params(t) {
                field(out, 1, &d.name, &value_text(d.default.as_ref()));
                field(
                    out,
                    2,
                    "Class",
                    if d.extension { "extension" } else { "standard" },
                );
                field(out, 2, "Description", &d.description);
                field(out, 2, "Per-node", bool_text(d.per_node));
                field(out, 2, "Type", prop_type_name(d.ty));
                field(out, 2, "Tunable", &format!("{:?}", d.tunable));
            }
        }
    }
}

/// The group properties `clrg show` prints without `-v`.
const GROUP_BRIEF: [&str; 4] = ["RG_description", "RG_mode", "Failback", "Nodelist"];

/// `clresourcegroup show`: each group, then (with `with_resources`) its resources.
pub fn groups(
    out: &mut String,
    state: &ClusterState,
    groups: &[&ResourceGroup],
    verbose: bool,
    with_resources: bool,
) {
    groups_shown(out, state, groups, &Shown::all(verbose), with_resources);
}

/// `clresourcegroup show [-p] [-v]`: with `-p` only the group properties named, no resources.
pub fn groups_shown(
    out: &mut String,
    state: &ClusterState,
    groups: &[&ResourceGroup],
    o: &Shown,
    with_resources: bool,
) {
    title(out, "Resource Groups and Resources");
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        field(out, 0, "Resource Group", &g.name);
        for name in GROUP_BRIEF.iter().take(2) {
            o.field(out, 1, name, &value_text(group_value(g, name).as_ref()));
        }
        o.field(
            out,
            1,
            "RG_state",
            if g.managed { "Managed" } else { "Unmanaged" },
        );
        for name in GROUP_BRIEF.iter().skip(2) {
            o.field(out, 1, name, &value_text(group_value(g, name).as_ref()));
        }
        if o.every() {
            for def in crate::model::props::rg_properties() {
                if GROUP_BRIEF.contains(&def.name) || def.name == "RG_name" {
                    continue;
                }
                if let Some(v) = group_value(g, def.name) {
                    o.field(out, 1, def.name, &value_text(Some(&v)));
                }
            }
        }
        if with_resources && o.props.is_empty() && !g.resources.is_empty() {
            out.push('\n');
            subtitle(out, "  ", &format!("Resources for Group {}", g.name));
            let rs: Vec<&Resource> = g
                .resources
                .iter()
                .filter_map(|r| state.resources.get(r))
                .collect();
            resource_blocks(out, state, &rs, o, 1);
        }
    }
}

/// `clresource show`.
pub fn resources(out: &mut String, state: &ClusterState, rs: &[&Resource], o: &Shown) {
    title(out, "Resources");
    resource_blocks(out, state, rs, o, 0);
}

fn resource_blocks(
    out: &mut String,
    state: &ClusterState,
    rs: &[&Resource],
    o: &Shown,
    depth: usize,
) {
    for (i, r) in rs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        resource_block(out, state, r, o, depth);
    }
}

/// The properties of a resource's first rows, printed once under `-p`.
const HEADER: [&str; 3] = ["Type_version", "R_description", "Resource_project_name"];

fn resource_block(out: &mut String, state: &ClusterState, r: &Resource, o: &Shown, d: usize) {
    let rt = state.type_of(r);
    field(out, d, "Resource", &r.name);
    o.field(out, d + 1, "Type", &r.rtype);
    let version = r
        .properties
        .get("Type_version")
        .map(ToString::to_string)
        .or_else(|| rt.map(|t| t.rt_version.clone()))
        .unwrap_or_default();
    o.field(out, d + 1, "Type_version", &version);
    o.field(out, d + 1, "Group", &r.group);
    o.field(out, d + 1, "R_description", &r.description);
    let group = state.group(&r.group);
    let project = r
        .properties
        .get("Resource_project_name")
        .map(ToString::to_string)
        .or_else(|| group.map(|g| g.project_name.to_string()))
        .unwrap_or_default();
    o.field(out, d + 1, "Resource_project_name", &project);
    let nodes: &[Name] = group.map_or(&[], |g| g.nodelist.as_slice());
    for n in nodes {
        let on = bool_text(r.enabled_on(n));
        o.field(out, d + 1, &format!("Enabled{{{n}}}"), on);
    }
    for n in nodes {
        let on = bool_text(r.monitored_on(n));
        o.field(out, d + 1, &format!("Monitored{{{n}}}"), on);
    }
    if !o.every() {
        return;
    }
    let Some(rt) = rt else {
        return;
    };
    if o.props.is_empty() {
        out.push('\n');
        subtitle(
            out,
            &"  ".repeat(d + 1),
            "Standard and extension properties",
        );
    }
    for decl in catalog::all_params(rt) {
        let in_header = HEADER.iter().any(|h| h.eq_ignore_ascii_case(&decl.name));
        if catalog::is_query_only(&decl.name) || (in_header && !o.props.is_empty()) {
            continue;
        }
        if !o.wants(&decl.name) {
            continue;
        }
        if decl.per_node {
            // One row per node of the group, as Enabled{node}.
            for n in nodes {
                let v = value_text(resource_value_on(state, r, &decl, n).as_ref());
                field(out, d + 1, &format!("{}{{{n}}}", decl.name), &v);
            }
        } else {
            let value = value_text(resource_value(state, r, &decl).as_ref());
            field(out, d + 1, &decl.name, &value);
        }
        if !o.verbose {
            continue;
        }
        let class = if decl.extension {
            "extension"
        } else {
            "standard"
        };
        field(out, d + 2, "Class", class);
        field(out, d + 2, "Description", &decl.description);
        field(out, d + 2, "Per-node", bool_text(decl.per_node));
        field(out, d + 2, "Type", prop_type_name(decl.ty));
    }
}

/// `clnode show`.
pub fn nodes(out: &mut String, state: &ClusterState, names: &[&str]) {
    nodes_shown(out, state, names, &Shown::all(false));
}

/// `clnode show [-p]`.
pub fn nodes_shown(out: &mut String, state: &ClusterState, names: &[&str], o: &Shown) {
    title(out, "Cluster Nodes");
    for (i, n) in state
        .cluster
        .nodes
        .iter()
        .filter(|n| names.contains(&n.name.as_str()))
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        field(out, 0, "Node Name", &n.name);
        o.field(out, 1, "Node ID", &n.id.to_string());
        o.field(out, 1, "Enabled", "yes");
        o.field(out, 1, "Status", if n.up { "Online" } else { "Offline" });
        o.field(out, 1, "Quorum_vote", &n.votes.to_string());
        o.field(out, 1, "Transport Adapter List", &n.adapters.join(", "));
        let ipmp: Vec<String> = n.ipmp_groups.iter().map(|g| g.name.clone()).collect();
        o.field(out, 1, "IPMP Groups", &list_text(&ipmp));
    }
}

/// `cldevicegroup show`.
pub fn device_groups(out: &mut String, state: &ClusterState, names: &[&str]) {
    title(out, "Device Groups");
    for (i, d) in state
        .cluster
        .device_groups
        .iter()
        .filter(|d| names.contains(&d.name.as_str()))
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        field(out, 0, "Device Group Name", &d.name);
        field(out, 1, "Type", "SVM");
        field(out, 1, "failback", "false");
        field(out, 1, "Node List", &d.nodes.join(", "));
        field(out, 1, "preferenced", "true");
        field(out, 1, "numsecondaries", "1");
        field(out, 1, "Maintenance", bool_text(d.maintenance));
    }
}

/// `clquorum show`.
pub fn quorum(out: &mut String, state: &ClusterState) {
    let cl = &state.cluster;
    // A section a filter (-t, -n, operands) left empty is not printed.
    if !cl.nodes.is_empty() {
        title(out, "Cluster Nodes");
    }
    for n in &cl.nodes {
        field(out, 0, "Node Name", &n.name);
        field(out, 1, "Node ID", &n.id.to_string());
        field(out, 1, "Quorum Vote Count", &n.votes.to_string());
        field(
            out,
            1,
            "Reservation Key",
            &format!("0x{:016X}", u64::from(n.id)),
        );
        out.push('\n');
    }
    if !cl.quorum_devices.is_empty() {
        title(out, "Quorum Devices");
    }
    for d in &cl.quorum_devices {
        field(
            out,
            0,
            "Quorum Device Name",
            super::status::device_name(&d.name),
        );
        field(out, 1, "Enabled", "yes");
        field(out, 1, "Votes", &d.votes.to_string());
        field(out, 1, "Global Name", &d.name);
        field(out, 1, "Type", "shared_disk");
        field(out, 1, "Access Mode", "scsi2");
        field(out, 1, "Hosts (enabled)", &d.nodes.join(", "));
        out.push('\n');
    }
}

/// `clinterconnect show`.
pub fn interconnect(out: &mut String, state: &ClusterState) {
    let cl = &state.cluster;
    if !cl.transport_paths.is_empty() {
        title(out, "Transport Cables");
    }
    for p in &cl.transport_paths {
        field(
            out,
            0,
            "Transport Cable",
            &format!("{},{}", p.endpoint_a, p.endpoint_b),
        );
        field(out, 1, "Endpoint1", &p.endpoint_a);
        field(out, 1, "Endpoint2", &p.endpoint_b);
        field(out, 1, "State", "Enabled");
        out.push('\n');
    }
    if cl.nodes.iter().any(|n| !n.adapters.is_empty()) {
        title(out, "Transport Adapters for each node");
    }
    for n in &cl.nodes {
        for a in &n.adapters {
            field(out, 0, "Transport Adapter", a);
            field(out, 1, "Node", &n.name);
            field(out, 1, "Adapter State", "Enabled");
            field(out, 1, "Transport Type", "dlpi");
            out.push('\n');
        }
    }
}
