//! Differences between two states (`scsim diff A B`): configuration (nodes, types, groups,
//! resources and their properties) and placement (membership, where groups are online, resource
//! states), one line each, in a stable order.

use super::effective;
use crate::model::{ClusterState, Name, PropValue, Resource, ResourceGroup};
use std::collections::BTreeSet;

/// The differences from `a` to `b`; empty when they are the same cluster.
pub fn diff(a: &ClusterState, b: &ClusterState) -> Vec<String> {
    let mut out = Vec::new();
    if a.cluster.name != b.cluster.name {
        out.push(format!(
            "cluster name: {} -> {}",
            a.cluster.name, b.cluster.name
        ));
    }
    nodes(a, b, &mut out);
    keyed(
        "resource type",
        a.resource_types.keys(),
        b.resource_types.keys(),
        &mut out,
    );
    for (name, ga) in &a.resource_groups {
        match b.resource_groups.get(name) {
            Some(gb) => group(ga, gb, &mut out),
            None => out.push(format!("- resource group {name}")),
        }
    }
    for name in b.resource_groups.keys() {
        if !a.resource_groups.contains_key(name) {
            out.push(format!("+ resource group {name}"));
        }
    }
    for (name, ra) in &a.resources {
        match b.resources.get(name) {
            Some(rb) => resource(ra, rb, &mut out),
            None => out.push(format!("- resource {name}")),
        }
    }
    for (name, r) in &b.resources {
        if !a.resources.contains_key(name) {
            out.push(format!(
                "+ resource {name} (type {}, group {})",
                r.rtype, r.group
            ));
        }
    }
    out
}

fn keyed<'a>(
    what: &str,
    a: impl Iterator<Item = &'a String>,
    b: impl Iterator<Item = &'a String>,
    out: &mut Vec<String>,
) {
    let a: BTreeSet<&String> = a.collect();
    let b: BTreeSet<&String> = b.collect();
    out.extend(a.difference(&b).map(|n| format!("- {what} {n}")));
    out.extend(b.difference(&a).map(|n| format!("+ {what} {n}")));
}

fn nodes(a: &ClusterState, b: &ClusterState, out: &mut Vec<String>) {
    let names = |s: &ClusterState| s.cluster.node_names();
    if names(a) != names(b) {
        out.push(format!(
            "nodes: {} -> {}",
            names(a).join(","),
            names(b).join(",")
        ));
        return;
    }
    let member = |up: bool| if up { "member" } else { "down" };
    for (na, nb) in a.cluster.nodes.iter().zip(&b.cluster.nodes) {
        if na.up != nb.up {
            out.push(format!(
                "node {}: {} -> {}",
                na.name,
                member(na.up),
                member(nb.up)
            ));
        }
    }
}

fn change(out: &mut Vec<String>, subject: &str, what: &str, a: &str, b: &str) {
    if a != b {
        let show = |v: &str| {
            if v.is_empty() {
                "\"\"".to_string()
            } else {
                v.to_string()
            }
        };
        out.push(format!("{subject}: {what} {} -> {}", show(a), show(b)));
    }
}

fn group(a: &ResourceGroup, b: &ResourceGroup, out: &mut Vec<String>) {
    let subject = format!("resource group {}", a.name);
    for def in crate::model::props::rg_properties() {
        if matches!(def.name, "RG_state" | "Resource_list") {
            continue;
        }
        let v = |g: &ResourceGroup| {
            effective::group_value(g, def.name)
                .map(|v| v.to_string())
                .unwrap_or_default()
        };
        change(out, &subject, def.name, &v(a), &v(b));
    }
    change(
        out,
        &subject,
        "managed",
        &a.managed.to_string(),
        &b.managed.to_string(),
    );
    let nodes: BTreeSet<&str> = a
        .nodelist
        .iter()
        .chain(&b.nodelist)
        .map(Name::as_str)
        .collect();
    for n in nodes {
        change(
            out,
            &subject,
            &format!("state on {n}"),
            a.state_on(n).as_str(),
            b.state_on(n).as_str(),
        );
    }
}

fn props_text(v: Option<&PropValue>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn resource(a: &Resource, b: &Resource, out: &mut Vec<String>) {
    let subject = format!("resource {}", a.name);
    change(out, &subject, "type", &a.rtype, &b.rtype);
    change(out, &subject, "group", &a.group, &b.group);
    let sw = |on: bool| if on { "Enabled" } else { "Disabled" };
    change(out, &subject, "On_off_switch", sw(a.enabled), sw(b.enabled));
    change(
        out,
        &subject,
        "Monitored_switch",
        sw(a.monitored),
        sw(b.monitored),
    );
    change(
        out,
        &subject,
        "R_description",
        &a.description,
        &b.description,
    );
    for kind in crate::model::DepKind::ALL {
        change(
            out,
            &subject,
            kind.property(),
            &a.dependencies.get(kind).join(","),
            &b.dependencies.get(kind).join(","),
        );
    }
    let keys: BTreeSet<&str> = a.properties.keys().chain(b.properties.keys()).collect();
    for k in keys {
        change(
            out,
            &subject,
            k,
            &props_text(a.properties.get(k)),
            &props_text(b.properties.get(k)),
        );
    }
    let keys: BTreeSet<&str> = a.extension.keys().chain(b.extension.keys()).collect();
    for k in keys {
        change(
            out,
            &subject,
            k,
            &props_text(a.extension.get(k)),
            &props_text(b.extension.get(k)),
        );
    }
    // 3.2 per-node values, as `Name{node}`.
    let empty = std::collections::BTreeMap::new();
    let keys: BTreeSet<&String> = a
        .extras
        .per_node
        .keys()
        .chain(b.extras.per_node.keys())
        .collect();
    for k in keys {
        let (va, vb) = (
            a.extras.per_node.get(k).unwrap_or(&empty),
            b.extras.per_node.get(k).unwrap_or(&empty),
        );
        for n in va.keys().chain(vb.keys()).collect::<BTreeSet<_>>() {
            change(
                out,
                &subject,
                &format!("{k}{{{n}}}"),
                &props_text(va.get(n)),
                &props_text(vb.get(n)),
            );
        }
    }
    let nodes: BTreeSet<&str> = a.state.keys().chain(b.state.keys()).collect();
    for n in nodes {
        change(
            out,
            &subject,
            &format!("state on {n}"),
            a.state_on(n).as_str(),
            b.state_on(n).as_str(),
        );
    }
}
