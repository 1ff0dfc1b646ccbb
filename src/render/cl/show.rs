//! The `show` layouts of the object CLI: one block per object, `Label:  value` lines, the
//! object's name on the first line, per-node values as `Label{node}`.

use super::{bool_text, field, list_text, subtitle, title};
use crate::model::{ClusterState, InitNodes, PropValue, Resource, ResourceGroup, ResourceType};
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

/// `clresourcetype show`.
pub fn types(out: &mut String, types: &[&ResourceType], verbose: bool) {
    title(out, "Registered Resource Types");
    for (i, t) in types.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        field(out, 0, "Resource Type", &t.name);
        field(out, 1, "RT_description", &t.rt_description);
        field(out, 1, "RT_version", &t.rt_version);
        field(out, 1, "API_version", &t.api_version.to_string());
        field(out, 1, "RT_basedir", &t.rt_basedir);
        field(out, 1, "Single_instance", bool_text(t.single_instance));
        field(out, 1, "Proxy", "False");
        let init = match t.init_nodes {
            InitNodes::RgPrimaries => "All potential masters",
            InitNodes::RtInstalledNodes => "All installed nodes",
        };
        field(out, 1, "Init_nodes", init);
        let installed = t
            .installed_nodes
            .as_ref()
            .map_or_else(|| "<All>".to_string(), |n| list_text(n));
        field(out, 1, "Installed_nodes", &installed);
        field(out, 1, "Failover", bool_text(t.failover));
        field(out, 1, "Pkglist", &list_text(&t.pkglist));
        field(out, 1, "RT_system", bool_text(t.rt_system));
        if verbose {
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
    title(out, "Resource Groups and Resources");
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        field(out, 0, "Resource Group", &g.name);
        for name in GROUP_BRIEF.iter().take(2) {
            field(out, 1, name, &value_text(group_value(g, name).as_ref()));
        }
        field(
            out,
            1,
            "RG_state",
            if g.managed { "Managed" } else { "Unmanaged" },
        );
        for name in GROUP_BRIEF.iter().skip(2) {
            field(out, 1, name, &value_text(group_value(g, name).as_ref()));
        }
        if verbose {
            for def in crate::model::props::rg_properties() {
                if GROUP_BRIEF.contains(&def.name) || def.name == "RG_name" {
                    continue;
                }
                if let Some(v) = group_value(g, def.name) {
                    field(out, 1, def.name, &value_text(Some(&v)));
                }
            }
        }
        if with_resources && !g.resources.is_empty() {
            out.push('\n');
            subtitle(out, "  ", &format!("Resources for Group {}", g.name));
            let rs: Vec<&Resource> = g
                .resources
                .iter()
                .filter_map(|r| state.resources.get(r))
                .collect();
            resource_blocks(out, state, &rs, verbose, 1);
        }
    }
}

/// `clresource show`.
pub fn resources(out: &mut String, state: &ClusterState, rs: &[&Resource], verbose: bool) {
    title(out, "Resources");
    resource_blocks(out, state, rs, verbose, 0);
}

fn resource_blocks(
    out: &mut String,
    state: &ClusterState,
    rs: &[&Resource],
    verbose: bool,
    depth: usize,
) {
    for (i, r) in rs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        resource_block(out, state, r, verbose, depth);
    }
}

fn resource_block(out: &mut String, state: &ClusterState, r: &Resource, verbose: bool, d: usize) {
    let rt = state.type_of(r);
    field(out, d, "Resource", &r.name);
    field(out, d + 1, "Type", &r.rtype);
    let version = r
        .properties
        .get("Type_version")
        .map(ToString::to_string)
        .or_else(|| rt.map(|t| t.rt_version.clone()))
        .unwrap_or_default();
    field(out, d + 1, "Type_version", &version);
    field(out, d + 1, "Group", &r.group);
    field(out, d + 1, "R_description", &r.description);
    let group = state.group(&r.group);
    let project = r
        .properties
        .get("Resource_project_name")
        .map(ToString::to_string)
        .or_else(|| group.map(|g| g.project_name.clone()))
        .unwrap_or_default();
    field(out, d + 1, "Resource_project_name", &project);
    let nodes: &[String] = group.map_or(&[], |g| g.nodelist.as_slice());
    for n in nodes {
        field(
            out,
            d + 1,
            &format!("Enabled{{{n}}}"),
            bool_text(r.enabled_on(n)),
        );
    }
    for n in nodes {
        field(
            out,
            d + 1,
            &format!("Monitored{{{n}}}"),
            bool_text(r.monitored_on(n)),
        );
    }
    if !verbose {
        return;
    }
    let Some(rt) = rt else {
        return;
    };
    out.push('\n');
    subtitle(
        out,
        &"  ".repeat(d + 1),
        "Standard and extension properties",
    );
    for decl in catalog::all_params(rt) {
        if catalog::is_query_only(&decl.name) {
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
        field(
            out,
            d + 2,
            "Class",
            if decl.extension {
                "extension"
            } else {
                "standard"
            },
        );
        field(out, d + 2, "Description", &decl.description);
        field(out, d + 2, "Per-node", bool_text(decl.per_node));
        field(out, d + 2, "Type", prop_type_name(decl.ty));
    }
}

/// `clnode show`.
pub fn nodes(out: &mut String, state: &ClusterState, names: &[&str]) {
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
        field(out, 1, "Node ID", &n.id.to_string());
        field(out, 1, "Enabled", "yes");
        field(out, 1, "Status", if n.up { "Online" } else { "Offline" });
        field(out, 1, "Quorum_vote", &n.votes.to_string());
        field(out, 1, "Transport Adapter List", &n.adapters.join(", "));
        let ipmp: Vec<String> = n.ipmp_groups.iter().map(|g| g.name.clone()).collect();
        field(out, 1, "IPMP Groups", &list_text(&ipmp));
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
    title(out, "Cluster Nodes");
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
    title(out, "Quorum Devices");
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
    title(out, "Transport Cables");
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
    title(out, "Transport Adapters for each node");
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
