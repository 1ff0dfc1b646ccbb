//! `scsim graph`: the cluster as a Graphviz digraph — nodes, groups (as clusters holding
//! their resources), resource dependencies (kind as edge style), group dependencies and
//! affinities, and where each group is online now.

use crate::model::{ClusterState, DepKind};

fn id(kind: &str, name: &str) -> String {
    format!("\"{kind}:{}\"", esc(name))
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Edge attributes of a resource dependency kind.
pub fn dep_style(kind: DepKind) -> &'static str {
    match kind {
        DepKind::Strong => "style=solid",
        DepKind::Weak => "style=dashed",
        DepKind::Restart => "style=bold",
        DepKind::OfflineRestart => "style=dotted",
    }
}

/// Edge attributes of an RG_affinities entry (`++g`, `+g`, `--g`, `-g`, `+++g`).
fn affinity(entry: &str) -> (String, &'static str) {
    let name = entry.trim_start_matches(['+', '-']).to_string();
    let style = match &entry[..entry.len() - name.len()] {
        "+++" => "color=darkgreen, style=bold, label=\"+++ (delegated failover)\"",
        "++" => "color=darkgreen, style=bold, label=\"++ (strong positive)\"",
        "+" => "color=darkgreen, style=dashed, label=\"+ (weak positive)\"",
        "--" => "color=red, style=bold, label=\"-- (strong negative)\"",
        _ => "color=red, style=dashed, label=\"- (weak negative)\"",
    };
    (name, style)
}

/// The dot text.
pub fn dot(state: &ClusterState) -> String {
    let mut s = format!(
        "digraph \"{}\" {{\n  rankdir=LR;\n  compound=true;\n  node [fontname=\"Helvetica\"];\n",
        esc(&state.cluster.name)
    );
    s.push_str("  subgraph cluster_nodes {\n    label=\"cluster nodes\";\n");
    for n in &state.cluster.nodes {
        let (colour, what) = if n.up {
            ("black", "member")
        } else {
            ("gray", "down")
        };
        s.push_str(&format!(
            "    {} [shape=box3d, color={colour}, label=\"{}\\n{what}\"];\n",
            id("node", &n.name),
            esc(&n.name)
        ));
    }
    s.push_str("  }\n");
    for (i, g) in state.resource_groups.values().enumerate() {
        s.push_str(&format!(
            "  subgraph cluster_rg{i} {{\n    label=\"{}\";\n    style=rounded;\n",
            esc(&g.name)
        ));
        let mode = if g.managed {
            format!("{:?}", g.mode)
        } else {
            "Unmanaged".into()
        };
        s.push_str(&format!(
            "    {} [shape=tab, label=\"{}\\n{mode}\"];\n",
            id("rg", &g.name),
            esc(&g.name)
        ));
        for r in g.resources.iter().filter_map(|r| state.resources.get(r)) {
            let sw = if r.enabled { "" } else { ", style=dashed" };
            s.push_str(&format!(
                "    {} [shape=ellipse{sw}, label=\"{}\\n{}\"];\n",
                id("res", &r.name),
                esc(&r.name),
                esc(&r.rtype)
            ));
        }
        s.push_str("  }\n");
    }
    for r in state.resources.values() {
        for (kind, dee) in r.dependencies.all() {
            s.push_str(&format!(
                "  {} -> {} [{}, label=\"{kind:?}\"];\n",
                id("res", &r.name),
                id("res", dee),
                dep_style(kind)
            ));
        }
    }
    for g in state.resource_groups.values() {
        for d in &g.rare.rg_dependencies {
            s.push_str(&format!(
                "  {} -> {} [style=solid, color=blue, label=\"RG_dependencies\"];\n",
                id("rg", &g.name),
                id("rg", d)
            ));
        }
        for a in &g.rare.rg_affinities {
            let (other, style) = affinity(a);
            s.push_str(&format!(
                "  {} -> {} [{style}];\n",
                id("rg", &g.name),
                id("rg", &other)
            ));
        }
        for n in g.primaries() {
            s.push_str(&format!(
                "  {} -> {} [style=dotted, arrowhead=none, color=gray40, label=\"{}\"];\n",
                id("rg", &g.name),
                id("node", &n),
                g.state_on(&n).as_str()
            ));
        }
    }
    s.push_str("}\n");
    s
}
