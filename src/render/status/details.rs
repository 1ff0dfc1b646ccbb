//! `scsim show`: what the simulator knows beyond what scstat prints — node ids, votes and
//! adapters, device-group node lists, resource-group and resource settings, group
//! relationships and resource dependencies — in the scstat table style, so it reads alongside
//! `scstat` without being mistaken for real scstat output (its sections are not scstat's).

use super::text::{Table, Text, dash_if_empty};
use super::view::StatusView;
use crate::model::DepKind;

const NODE_DETAILS: Table = Table {
    label: "Node details:",
    field: 20,
    right: false,
    head_widths: &[20, 10, 10],
    row_widths: &[20, 10, 10],
    heads: &["Node name", "Node id", "Votes", "Adapters"],
};
const DG_NODES: Table = Table {
    label: "Device group nodes:",
    field: 30,
    right: false,
    head_widths: &[20],
    row_widths: &[20],
    heads: &["Device Group", "Node List"],
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

fn yes_no(b: bool) -> &'static str {
    if b { "Yes" } else { "No" }
}

fn kind_name(kind: DepKind) -> &'static str {
    match kind {
        DepKind::Strong => "strong",
        DepKind::Weak => "weak",
        DepKind::Restart => "restart",
        DepKind::OfflineRestart => "offline_restart",
    }
}

/// The detail sections of the sections present in `view` (nodes, device groups, resource
/// groups).
pub fn render_details(view: &StatusView) -> String {
    let mut t = Text::new(8192);
    if let Some(nodes) = &view.nodes {
        t.component();
        t.sub("Cluster Node Details");
        let nums: Vec<(String, String, String)> = nodes
            .iter()
            .map(|n| (n.id.to_string(), n.votes.to_string(), n.adapters.join(" ")))
            .collect();
        let rows: Vec<Vec<&str>> = nodes
            .iter()
            .zip(&nums)
            .map(|(n, (id, votes, adapters))| vec![n.name, id, votes, adapters])
            .collect();
        NODE_DETAILS.render(&mut t.out, &rows);
    }
    if let Some(dgs) = &view.device_groups {
        t.component();
        t.sub("Device Group Nodes");
        let lists: Vec<String> = dgs.iter().map(|d| d.nodes.join(" ")).collect();
        let rows: Vec<Vec<&str>> = dgs
            .iter()
            .zip(&lists)
            .map(|(d, l)| vec![d.name, l.as_str()])
            .collect();
        DG_NODES.render(&mut t.out, &rows);
    }
    if let Some(groups) = &view.resource_groups {
        t.component();
        t.sub("Resource Group Settings");
        let cols: Vec<(String, String)> = groups
            .iter()
            .map(|g| {
                (
                    format!("{}/{}", g.desired_primaries, g.maximum_primaries),
                    g.nodelist.join(" "),
                )
            })
            .collect();
        let rows: Vec<Vec<&str>> = groups
            .iter()
            .zip(&cols)
            .map(|(g, (primaries, nodelist))| {
                let failback = if g.failback { "True" } else { "False" };
                vec![
                    g.name,
                    yes_no(g.managed),
                    g.mode,
                    primaries,
                    failback,
                    nodelist,
                ]
            })
            .collect();
        RG_SETTINGS.render(&mut t.out, &rows);
        t.sub("Resource Settings");
        let rows: Vec<Vec<&str>> = groups
            .iter()
            .flat_map(|g| {
                g.resources.iter().map(move |r| {
                    vec![
                        r.name(),
                        g.name,
                        r.rtype(),
                        yes_no(r.enabled()),
                        yes_no(r.monitored()),
                    ]
                })
            })
            .collect();
        R_SETTINGS.render(&mut t.out, &rows);
        t.sub("Resource Group Relationships");
        let cols: Vec<(String, String)> = groups
            .iter()
            .map(|g| {
                (
                    dash_if_empty(g.rg_dependencies.join(",")),
                    dash_if_empty(g.rg_affinities.join(",")),
                )
            })
            .collect();
        let rows: Vec<Vec<&str>> = groups
            .iter()
            .zip(&cols)
            .map(|(g, (deps, affs))| vec![g.name, deps, affs, yes_no(g.suspended)])
            .collect();
        RG_RELATIONS.render(&mut t.out, &rows);
        t.sub("Resource Dependencies");
        let lists: Vec<(&str, &str, String)> = groups
            .iter()
            .flat_map(|g| g.resources.iter())
            .flat_map(|r| {
                DepKind::ALL.into_iter().filter_map(move |k| {
                    let list = r.dependencies().get(k);
                    (!list.is_empty()).then(|| (r.name(), kind_name(k), list.join(",")))
                })
            })
            .collect();
        let rows: Vec<Vec<&str>> = lists
            .iter()
            .map(|(r, k, l)| vec![*r, *k, l.as_str()])
            .collect();
        R_DEPENDENCIES.render(&mut t.out, &rows);
    }
    t.out
}
