//! The Sun Cluster 3.1 text layout of the status view.

use super::SEPARATOR;
use super::view::*;

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
