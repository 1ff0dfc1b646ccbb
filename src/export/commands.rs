//! The Sun Cluster 3.1 commands that recreate a cluster: types, groups and resources as
//! `scrgadm` lines (references between objects set in a second pass, once everything they
//! name exists), then `scswitch` lines for managed state, enable and monitor switches and
//! placement, and `scsim node down` for nodes that are not members.

use crate::model::{ClusterState, PropValue, RState, Resource, ResourceGroup};
use crate::query::effective;
use crate::shellword;

/// Standard resource properties that name other resources: set after every resource exists.
const REFERENCES: [&str; 1] = ["Network_resources_used"];

/// The 3.1 script for `state`.
pub(super) fn sc31(state: &ClusterState) -> String {
    let mut s = Script::default();
    s.comment(&format!(
        "scsim export of cluster {} (generation {}); replay on a fresh cluster made with:",
        state.cluster.name, state.generation
    ));
    s.comment(&format!("  {}", init_line(state)));
    types(state, &mut s);
    groups(state, &mut s);
    resources(state, &mut s);
    references(state, &mut s);
    runtime(state, &mut s);
    s.text
}

#[derive(Default)]
struct Script {
    text: String,
}

impl Script {
    fn comment(&mut self, c: &str) {
        self.text.push_str("# ");
        self.text.push_str(c);
        self.text.push('\n');
    }
    fn section(&mut self, c: &str) {
        self.text.push('\n');
        self.comment(c);
    }
    fn line(&mut self, words: &[String]) {
        self.text
            .push_str(&shellword::join(words.iter().map(String::as_str)));
        self.text.push('\n');
    }
}

fn w(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A value as the command line spells it: `TRUE`/`FALSE`, lists comma-separated.
pub(super) fn cli_value(v: &PropValue) -> String {
    match v {
        PropValue::Bool(true) => "TRUE".into(),
        PropValue::Bool(false) => "FALSE".into(),
        PropValue::Int(i) => i.to_string(),
        PropValue::Str(s) => s.clone(),
        PropValue::List(l) => l.join(","),
    }
}

fn init_line(state: &ClusterState) -> String {
    let c = &state.cluster;
    let mut words = w(&["scsim", "init", "--nodes"]);
    words.push(c.node_names().join(","));
    words.extend(["--cluster-name".to_string(), c.name.clone()]);
    words.extend([
        "--quorum-devices".to_string(),
        c.quorum_devices.len().to_string(),
    ]);
    for dg in &c.device_groups {
        words.push("--device-group".into());
        words.push(format!("{}@{}", dg.name, dg.nodes.join(",")));
    }
    shellword::join(words.iter().map(String::as_str))
}

fn types(state: &ClusterState, s: &mut Script) {
    let registered: Vec<_> = state
        .resource_types
        .values()
        .filter(|t| !(t.rt_system && t.source == "builtin" && t.is_network_address()))
        .collect();
    if registered.is_empty() {
        return;
    }
    s.section("resource types");
    for t in registered {
        let mut l = w(&["scrgadm", "-a", "-t", &t.name]);
        if t.source != "builtin" {
            l.extend(["-f".to_string(), t.source.clone()]);
        }
        if let Some(nodes) = &t.installed_nodes {
            l.extend(["-h".to_string(), nodes.join(",")]);
        }
        s.line(&l);
        if t.rt_system {
            s.line(&w(&[
                "scrgadm",
                "-c",
                "-t",
                &t.name,
                "-y",
                "RT_system=TRUE",
            ]));
        }
    }
}

/// Group properties that differ from a new group's, except those set in the second pass.
fn group_props(g: &ResourceGroup, later: bool) -> Vec<String> {
    let fresh = ResourceGroup::new(&g.name, g.nodelist.clone());
    let mut out = Vec::new();
    for def in crate::model::props::rg_properties() {
        let name = def.name;
        let deferred = matches!(name, "RG_dependencies" | "RG_affinities");
        if def.query_only || matches!(name, "Nodelist" | "RG_name" | "RG_mode") || deferred != later
        {
            continue;
        }
        let (Some(v), Some(d)) = (
            effective::group_value(g, name),
            effective::group_value(&fresh, name),
        ) else {
            continue;
        };
        if v != d {
            out.extend(["-y".to_string(), format!("{name}={}", cli_value(&v))]);
        }
    }
    out
}

fn groups(state: &ClusterState, s: &mut Script) {
    if state.resource_groups.is_empty() {
        return;
    }
    s.section("resource groups");
    for g in state.resource_groups.values() {
        let mut l = w(&["scrgadm", "-a", "-g", &g.name, "-h"]);
        l.push(g.nodelist.join(","));
        l.extend(group_props(g, false));
        s.line(&l);
    }
}

fn resource_props(r: &Resource, later: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in &r.properties {
        if REFERENCES.iter().any(|x| x.eq_ignore_ascii_case(k)) == later {
            out.extend(["-y".to_string(), format!("{k}={}", cli_value(v))]);
        }
    }
    if !later {
        if !r.description.is_empty() {
            out.extend(["-y".to_string(), format!("R_description={}", r.description)]);
        }
        for (k, v) in &r.extension {
            out.extend(["-x".to_string(), format!("{k}={}", cli_value(v))]);
        }
    }
    out
}

fn resources(state: &ClusterState, s: &mut Script) {
    if state.resources.is_empty() {
        return;
    }
    s.section("resources (created disabled)");
    for r in state.resources.values() {
        let mut l = w(&[
            "scrgadm", "-a", "-j", &r.name, "-g", &r.group, "-t", &r.rtype,
        ]);
        l.extend(resource_props(r, false));
        s.line(&l);
    }
}

fn references(state: &ClusterState, s: &mut Script) {
    let mut lines = Vec::new();
    for g in state.resource_groups.values() {
        let p = group_props(g, true);
        if !p.is_empty() {
            let mut l = w(&["scrgadm", "-c", "-g", &g.name]);
            l.extend(p);
            lines.push(l);
        }
    }
    for r in state.resources.values() {
        let mut p = resource_props(r, true);
        for (kind, _) in r.dependencies.all() {
            let prop = kind.property();
            let arg = format!("{prop}={}", r.dependencies.get(kind).join(","));
            let y = ["-y".to_string(), arg];
            if !p.windows(2).any(|x| x == y) {
                p.extend(y);
            }
        }
        if !p.is_empty() {
            let mut l = w(&["scrgadm", "-c", "-j", &r.name]);
            l.extend(p);
            lines.push(l);
        }
    }
    if lines.is_empty() {
        return;
    }
    s.section("dependencies, affinities and network resources (everything they name exists now)");
    for l in lines {
        s.line(&l);
    }
}

fn runtime(state: &ClusterState, s: &mut Script) {
    let down: Vec<&str> = state
        .cluster
        .nodes
        .iter()
        .filter(|n| !n.up)
        .map(|n| n.name.as_str())
        .collect();
    let managed: Vec<&ResourceGroup> = state
        .resource_groups
        .values()
        .filter(|g| g.managed)
        .collect();
    let mut lines: Vec<Vec<String>> = managed
        .iter()
        .map(|g| w(&["scswitch", "-o", "-g", &g.name]))
        .collect();
    for r in state.resources.values() {
        if r.enabled {
            lines.push(w(&["scswitch", "-e", "-j", &r.name]));
        }
        if !r.monitored {
            lines.push(w(&["scswitch", "-n", "-M", "-j", &r.name]));
        }
    }
    for g in managed {
        let on: Vec<String> = g
            .nodelist
            .iter()
            .filter(|n| g.state_on(n).is_mastered())
            .cloned()
            .collect();
        if !on.is_empty() {
            let mut l = w(&["scswitch", "-z", "-g", &g.name, "-h"]);
            l.push(on.join(","));
            lines.push(l);
        }
    }
    let failed = state.resources.values().any(|r| {
        r.state.values().any(|st| {
            st.state != RState::Online
                && st.state != RState::Offline
                && st.state != RState::OnlineNotMonitored
        })
    });
    if lines.is_empty() && down.is_empty() {
        return;
    }
    s.section("membership, switches and placement");
    for n in &down {
        s.line(&w(&["scsim", "node", "down", n]));
    }
    for l in lines {
        s.line(&l);
    }
    if failed {
        s.comment(
            "some resources are in a failed state; the commands above do not recreate failures",
        );
    }
}
