//! The Sun Cluster 3.1 text layout of the status view.

use super::SEPARATOR;
use super::view::*;

// ---------------------------------------------------------------------------------------------
// Text layout

/// One table layout: the row label and its field, the column widths of the header and of the
/// rows (the last column has no width), and the header titles.
pub(super) struct Table<'t> {
    pub(super) label: &'t str,
    /// Width of the label field (headers are indented by this much).
    pub(super) field: usize,
    /// Labels right-aligned so their colons line up (the resource-group sections).
    pub(super) right: bool,
    pub(super) head_widths: &'t [usize],
    pub(super) row_widths: &'t [usize],
    pub(super) heads: &'t [&'t str],
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

/// Columns `text` takes: its chars (its bytes when ASCII, which is checked word by word
/// rather than decoded char by char).
fn columns(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Append `text` padded to `width`, always followed by at least one space.
fn cell(out: &mut String, text: &str, width: usize) {
    out.push_str(text);
    let len = columns(text);
    spaces(out, if len < width { width - len } else { 1 });
}

impl Table<'_> {
    /// The header and the rows. A column widens to its longest value plus one space, as real
    /// scstat does, so whitespace parsers keep their columns; its header widens with it.
    pub(super) fn render(&self, out: &mut String, rows: &[Vec<&str>]) {
        let mut extra = vec![0usize; self.row_widths.len()];
        for (i, w) in self.row_widths.iter().enumerate() {
            let longest = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| columns(c))
                .max()
                .unwrap_or(0);
            extra[i] = (longest + 1).saturating_sub(*w);
        }
        self.header(out, &extra);
        for r in rows {
            self.row(out, r, &extra);
            out.push('\n');
        }
    }

    /// As [`Table::render`], for rows made on demand by `rows`, called twice (to measure the
    /// columns, then to write): each row is `N` cells and a writer that may add to the last
    /// one. The text goes to `t`, which passes it on in pieces ([`Text::spill`]), so a table
    /// of a hundred thousand rows is never held whole, nor are its rows.
    pub(super) fn render_each<'r, const N: usize, F, I>(&self, t: &mut Text, rows: impl Fn() -> I)
    where
        F: FnOnce(&mut String),
        I: Iterator<Item = ([&'r str; N], F)>,
    {
        let mut extra = vec![0usize; self.row_widths.len()];
        for (cells, _) in rows() {
            for ((x, w), c) in extra.iter_mut().zip(self.row_widths).zip(&cells) {
                *x = (*x).max((columns(c) + 1).saturating_sub(*w));
            }
        }
        self.header(&mut t.out, &extra);
        for (cells, more) in rows() {
            self.row(&mut t.out, &cells, &extra);
            more(&mut t.out);
            t.out.push('\n');
            t.spill();
        }
    }
    fn header(&self, out: &mut String, extra: &[usize]) {
        for line in [false, true] {
            spaces(out, self.field);
            let (last, rest) = self.heads.split_last().expect("table has columns");
            for ((h, w), x) in rest.iter().zip(self.head_widths).zip(extra) {
                if line {
                    cell(out, &"-".repeat(h.len()), w + x);
                } else {
                    cell(out, h, w + x);
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
    fn row(&self, out: &mut String, cols: &[&str], extra: &[usize]) {
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
        for ((c, w), x) in rest.iter().zip(self.row_widths).zip(extra) {
            cell(out, c, w + x);
        }
        out.push_str(last);
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
/// Multi-owner (Solaris Volume Manager for Sun Cluster) disksets, as 3.1 and 3.2 print them.
const MULTI_OWNER: Table = Table {
    label: "Multi-owner device group:",
    field: 30,
    right: false,
    head_widths: &[20],
    row_widths: &[20],
    heads: &["Device Group", "Online Status"],
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
pub(super) struct Text<'s> {
    pub(super) out: String,
    /// Where the text goes in pieces, if anywhere before the end ([`Text::spill`]).
    sink: Option<&'s mut dyn FnMut(&str)>,
    /// Something has been written; the next component needs a separator.
    started: bool,
    /// Inside a component; the next sub-section needs a single-space line.
    in_component: bool,
}

impl<'s> Text<'s> {
    pub(super) fn new(capacity: usize) -> Text<'s> {
        Text {
            out: String::with_capacity(capacity),
            sink: None,
            started: false,
            in_component: false,
        }
    }
    /// A text passed on to `sink` in pieces ([`crate::render::pieces`]) as it is built, and
    /// the rest by [`Text::finish`].
    fn streaming(sink: &'s mut dyn FnMut(&str)) -> Text<'s> {
        Text {
            out: crate::render::pieces::buffer(),
            sink: Some(sink),
            started: false,
            in_component: false,
        }
    }
    /// Pass the text built so far on to the sink, once it is a piece.
    fn spill(&mut self) {
        if let Some(sink) = self.sink.as_mut() {
            crate::render::pieces::spill(&mut self.out, *sink);
        }
    }
    /// Pass the rest on to the sink (without one, the text stays in `out`).
    fn finish(&mut self) {
        if let Some(sink) = self.sink.as_mut()
            && !self.out.is_empty()
        {
            sink(&self.out);
            self.out.clear();
        }
    }
    pub(super) fn component(&mut self) {
        if self.started {
            self.out.push_str(" \n");
            self.out.push_str(SEPARATOR);
            self.out.push_str("\n \n");
        }
        self.started = true;
        self.in_component = false;
    }
    pub(super) fn sub(&mut self, title: &str) {
        if self.in_component {
            self.out.push_str(" \n");
        }
        self.in_component = true;
        self.out.push_str("-- ");
        self.out.push_str(title);
        self.out.push_str(" --\n \n");
    }
}

pub(super) fn dash_if_empty(s: String) -> String {
    if s.is_empty() { "-".to_string() } else { s }
}

/// The whole of [`write_text`] in one string.
#[cfg(test)]
pub(super) fn render_text(view: &StatusView) -> String {
    let mut text = String::new();
    write_text(view, &mut |piece| text.push_str(piece));
    text
}

/// The view in the scstat text layout: only the sections real scstat prints. `-v`/`-vv` print
/// the same (the simulator's extra detail is `scsim show`, [`super::render_details`]). The text
/// is handed to `sink` in pieces of about 64 KiB as it is made: that of a large cluster is
/// never held whole.
pub fn write_text(view: &StatusView, sink: &mut dyn FnMut(&str)) {
    let mut t = Text::streaming(sink);
    if let Some(nodes) = &view.nodes {
        t.component();
        t.sub("Cluster Nodes");
        let rows: Vec<Vec<&str>> = nodes.iter().map(|n| vec![n.name, n.status]).collect();
        NODES.render(&mut t.out, &rows);
    }
    if let Some(paths) = &view.transport_paths {
        t.component();
        t.sub("Cluster Transport Paths");
        let rows: Vec<Vec<&str>> = paths
            .iter()
            .map(|p| vec![p.endpoint_a, p.endpoint_b, p.status])
            .collect();
        PATHS.render(&mut t.out, &rows);
    }
    if let Some(q) = &view.quorum {
        render_quorum(&mut t, q);
    }
    if let Some(dgs) = &view.device_groups {
        t.component();
        t.sub("Device Group Servers");
        let rows: Vec<Vec<&str>> = dgs
            .iter()
            .map(|d| vec![d.name, d.primary.unwrap_or("-"), d.secondary.unwrap_or("-")])
            .collect();
        DG_SERVERS.render(&mut t.out, &rows);
        t.sub("Device Group Status");
        let rows: Vec<Vec<&str>> = dgs.iter().map(|d| vec![d.name, d.status]).collect();
        DG_STATUS.render(&mut t.out, &rows);
        // The simulator has no multi-owner (Oracle RAC) disksets: the section is always empty.
        t.sub("Multi-owner Device Groups");
        MULTI_OWNER.render(&mut t.out, &[]);
    }
    if let Some(groups) = view.resource_groups.as_ref().filter(|g| !g.is_empty()) {
        render_groups(&mut t, groups);
    }
    if let Some(ipmp) = &view.ipmp {
        t.component();
        t.sub("IPMP Groups");
        let rows: Vec<Vec<&str>> = ipmp
            .iter()
            .flat_map(|g| {
                g.adapters
                    .iter()
                    .map(move |a| vec![g.node, g.group, g.status, a.adapter, a.status])
            })
            .collect();
        IPMP.render(&mut t.out, &rows);
    }
    t.finish();
}

fn render_quorum(t: &mut Text, q: &QuorumView) {
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
        let nums: Vec<(String, String)> = votes
            .iter()
            .map(|v| (v.present.to_string(), v.possible.to_string()))
            .collect();
        let rows: Vec<Vec<&str>> = votes
            .iter()
            .zip(&nums)
            .map(|(v, (present, possible))| vec![v.name, present, possible, v.status])
            .collect();
        table.render(&mut t.out, &rows);
    }
}

fn render_groups(t: &mut Text, groups: &[GroupView]) {
    t.component();
    t.sub("Resource Groups and Resources");
    RG_RESOURCES.render_each(t, || {
        groups.iter().map(|g| {
            let names = move |out: &mut String| {
                if g.resources.is_empty() {
                    out.push('-');
                }
                for (i, r) in g.resources.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(r.name());
                }
            };
            ([g.name, ""], names)
        })
    });
    t.sub("Resource Groups");
    RG_STATES.render_each(t, || {
        groups.iter().flat_map(|g| {
            g.nodes
                .iter()
                .map(move |n| ([g.name, n.node, n.state], |_: &mut String| {}))
        })
    });
    t.sub("Resources");
    R_STATES.render_each(t, || {
        groups
            .iter()
            .flat_map(|g| g.resources.iter())
            .flat_map(|r| {
                r.nodes().map(move |n| {
                    let message = move |out: &mut String| {
                        if !n.message.is_empty() {
                            out.push_str(" - ");
                            out.push_str(n.message);
                        }
                    };
                    ([r.name(), n.node, n.state, n.status], message)
                })
            })
    });
}
