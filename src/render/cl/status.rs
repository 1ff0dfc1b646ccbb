//! The `status` layouts of the object CLI (§8.2, §8.2b), rendered from the status view that
//! `scstat` uses ([`crate::render::status::collect`]); the caller selects the objects.

use super::{Table, subtitle, title};
use crate::render::status::{
    DeviceGroupView, GroupView, IpmpView, NodeView, PathView, QuorumView, ResourceView,
};

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// `clnode status`.
pub fn nodes(out: &mut String, nodes: &[NodeView]) {
    title(out, "Cluster Nodes");
    subtitle(out, "", "Node Status");
    let objects: Vec<Vec<Vec<String>>> = nodes
        .iter()
        .map(|n| vec![row(&[n.name, n.status])])
        .collect();
    Table {
        heads: &["Node Name", "Status"],
        min: &[38],
        indent: "",
        gap: false,
    }
    .render(out, &objects);
}

/// `clnode status -m`: the IPMP groups of the nodes.
pub fn ipmp(out: &mut String, groups: &[IpmpView]) {
    out.push('\n');
    subtitle(out, "", "Node IPMP Group Status");
    let objects: Vec<Vec<Vec<String>>> = groups
        .iter()
        .map(|g| {
            g.adapters
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    if i == 0 {
                        row(&[g.node, g.group, g.status, a.adapter, a.status])
                    } else {
                        row(&["", "", "", a.adapter, a.status])
                    }
                })
                .collect()
        })
        .collect();
    Table {
        heads: &["Node Name", "Group Name", "Status", "Adapter", "Status"],
        min: &[14, 15, 11, 12],
        indent: "",
        gap: false,
    }
    .render(out, &objects);
}

/// The per-node state of a group as the object CLI spells it.
pub fn group_state(state: &str) -> &str {
    match state {
        "Error_stop_failed" => "Error--stop failed",
        s => s,
    }
}

/// `clrg status`.
pub fn groups(out: &mut String, groups: &[&GroupView]) {
    title(out, "Cluster Resource Groups");
    let objects: Vec<Vec<Vec<String>>> = groups
        .iter()
        .map(|g| {
            let suspended = if g.suspended { "Yes" } else { "No" };
            g.nodes
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let name = if i == 0 { g.name } else { "" };
                    row(&[name, n.node, suspended, group_state(n.state)])
                })
                .collect()
        })
        .collect();
    Table {
        heads: &["Group Name", "Node Name", "Suspended", "Status"],
        min: &[16, 18, 15],
        indent: "",
        gap: true,
    }
    .render(out, &objects);
}

/// The status message column: the status, and the agent's message after ` - ` when it set one.
pub fn status_message(status: &str, message: &str) -> String {
    if message.is_empty() {
        status.to_string()
    } else {
        format!("{status} - {message}")
    }
}

/// `clrs status` (and `clrslh status`, `clrssa status`).
pub fn resources(out: &mut String, resources: &[ResourceView]) {
    title(out, "Cluster Resources");
    let objects: Vec<Vec<Vec<String>>> = resources
        .iter()
        .map(|r| {
            r.nodes()
                .enumerate()
                .map(|(i, n)| {
                    let name = if i == 0 { r.name() } else { "" };
                    vec![
                        name.to_string(),
                        n.node.to_string(),
                        n.state.to_string(),
                        status_message(n.status, n.message),
                    ]
                })
                .collect()
        })
        .collect();
    Table {
        heads: &["Resource Name", "Node Name", "State", "Status Message"],
        min: &[16, 12, 14],
        indent: "",
        gap: true,
    }
    .render(out, &objects);
}

/// A quorum device as the object CLI names it: `d4` for `/dev/did/rdsk/d4s2`.
pub fn device_name(path: &str) -> &str {
    let base = path.rsplit('/').next().unwrap_or(path);
    match base.rfind('s') {
        Some(i) if i > 1 && base[i + 1..].chars().all(|c| c.is_ascii_digit()) => &base[..i],
        _ => base,
    }
}

/// `clquorum status`.
pub fn quorum(out: &mut String, q: &QuorumView) {
    title(out, "Cluster Quorum");
    subtitle(out, "", "Quorum Votes Summary");
    let sum = vec![vec![
        String::new(),
        q.needed.to_string(),
        q.present.to_string(),
        q.possible.to_string(),
    ]];
    Table {
        heads: &["", "Needed", "Present", "Possible"],
        min: &[12, 9, 10],
        indent: "",
        gap: false,
    }
    .render(out, &[sum]);
    out.push_str("\n\n");
    let votes = |v: &[crate::render::status::VoteView], short: bool| -> Vec<Vec<Vec<String>>> {
        v.iter()
            .map(|v| {
                let name = if short { device_name(v.name) } else { v.name };
                vec![vec![
                    name.to_string(),
                    v.present.to_string(),
                    v.possible.to_string(),
                    v.status.to_string(),
                ]]
            })
            .collect()
    };
    // The by-node table goes only when `clquorum status -t` left no node out of it.
    if !q.nodes.is_empty() {
        subtitle(out, "", "Quorum Votes by Node");
        Table {
            heads: &["Node Name", "Present", "Possible", "Status"],
            min: &[15, 13, 14],
            indent: "",
            gap: false,
        }
        .render(out, &votes(&q.nodes, false));
    }
    if !q.devices.is_empty() {
        if !q.nodes.is_empty() {
            out.push('\n');
        }
        subtitle(out, "", "Quorum Votes by Device");
        Table {
            heads: &["Device Name", "Present", "Possible", "Status"],
            min: &[17, 13, 14],
            indent: "",
            gap: false,
        }
        .render(out, &votes(&q.devices, true));
    }
}

/// `clinterconnect status`.
pub fn transport(out: &mut String, paths: &[PathView]) {
    title(out, "Cluster Transport Paths");
    let objects: Vec<Vec<Vec<String>>> = paths
        .iter()
        .map(|p| vec![row(&[p.endpoint_a, p.endpoint_b, p.status])])
        .collect();
    Table {
        heads: &["Endpoint1", "Endpoint2", "Status"],
        min: &[19, 19],
        indent: "",
        gap: false,
    }
    .render(out, &objects);
}

/// `cldevicegroup status`.
pub fn device_groups(out: &mut String, dgs: &[&DeviceGroupView]) {
    title(out, "Cluster Device Groups");
    subtitle(out, "", "Device Group Status");
    let objects: Vec<Vec<Vec<String>>> = dgs
        .iter()
        .map(|d| {
            vec![row(&[
                d.name,
                d.primary.unwrap_or("-"),
                d.secondary.unwrap_or("-"),
                d.status,
            ])]
        })
        .collect();
    Table {
        heads: &["Device Group Name", "Primary", "Secondary", "Status"],
        min: &[22, 12, 14],
        indent: "",
        gap: false,
    }
    .render(out, &objects);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names_are_short() {
        assert_eq!(device_name("/dev/did/rdsk/d4s2"), "d4");
        assert_eq!(device_name("/dev/did/rdsk/d12s2"), "d12");
        assert_eq!(device_name("quorum-server"), "quorum-server");
    }

    #[test]
    fn messages_follow_the_status() {
        assert_eq!(status_message("Online", ""), "Online");
        assert_eq!(
            status_message("Online", "LogicalHostname online."),
            "Online - LogicalHostname online."
        );
    }
}
