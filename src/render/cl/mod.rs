//! The Sun Cluster 3.2 / Oracle Solaris Cluster object-CLI layouts (`clrg status`, `clrs show`,
//! `clq status`, …): section titles `=== … ===`, sub-titles `--- … ---`, tables whose object
//! name is printed on its first row only with continuation rows indented, and `Label:  value`
//! show blocks. Monitoring plugins split the table rows on whitespace, so every column but the
//! last (the status message) is one token.

pub mod show;
pub mod status;

/// `\n=== TITLE ===\n\n`: the title of a section (every layout starts with a blank line).
pub fn title(out: &mut String, title: &str) {
    out.push_str(&format!("\n=== {title} ===\n\n"));
}

/// `--- TITLE ---\n\n`: a sub-section title, indented by `indent`.
pub fn subtitle(out: &mut String, indent: &str, title: &str) {
    out.push_str(&format!("{indent}--- {title} ---\n\n"));
}

/// A table: column heads, their minimum widths, and objects (each one or more rows; the first
/// cell of a continuation row is empty). Every column is at least two wider than its longest
/// cell, so a long name never runs into the next column; the last column is not padded. With
/// `gap`, a blank line separates objects.
pub struct Table<'a> {
    pub heads: &'a [&'a str],
    pub min: &'a [usize],
    pub indent: &'a str,
    pub gap: bool,
}

impl Table<'_> {
    pub fn render(&self, out: &mut String, objects: &[Vec<Vec<String>>]) {
        let n = self.heads.len();
        let mut widths: Vec<usize> = (0..n)
            .map(|i| {
                self.min
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .max(self.heads[i].len() + 2)
            })
            .collect();
        for row in objects.iter().flatten() {
            for (i, cell) in row.iter().enumerate().take(n.saturating_sub(1)) {
                widths[i] = widths[i].max(cell.chars().count() + 2);
            }
        }
        let line = |out: &mut String, cells: &[String]| {
            let mut s = String::from(self.indent);
            for (i, c) in cells.iter().enumerate() {
                s.push_str(c);
                if i + 1 < cells.len() {
                    let pad = widths[i].saturating_sub(c.chars().count());
                    s.push_str(&" ".repeat(pad));
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        };
        let heads: Vec<String> = self.heads.iter().map(|h| h.to_string()).collect();
        line(out, &heads);
        let rules: Vec<String> = self.heads.iter().map(|h| "-".repeat(h.len())).collect();
        line(out, &rules);
        for (k, obj) in objects.iter().enumerate() {
            if self.gap && k > 0 {
                out.push('\n');
            }
            for row in obj {
                line(out, row);
            }
        }
    }
}

/// Width of the label column of show blocks (the value starts after it).
pub const LABEL_WIDTH: usize = 48;

/// One `Label:   value` line of a show block, at `depth` (two spaces per level); the value
/// column moves three to the right per level, as in the real layout.
pub fn field(out: &mut String, depth: usize, label: &str, value: &str) {
    let indent = "  ".repeat(depth);
    let used = indent.len() + label.len() + 1;
    let width = LABEL_WIDTH + 3 * depth;
    let pad = if used < width { width - used } else { 1 };
    let line = format!("{indent}{label}:{}{value}", " ".repeat(pad));
    out.push_str(line.trim_end());
    out.push('\n');
}

/// `True` / `False`, as the object CLI prints booleans.
pub fn bool_text(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// A list as the object CLI prints it: space-separated, `<NULL>` when empty.
pub fn list_text(l: &[String]) -> String {
    if l.is_empty() {
        "<NULL>".to_string()
    } else {
        l.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_on_first_rows_only_and_columns_stay_apart() {
        let t = Table {
            heads: &["Group Name", "Node Name", "Status"],
            min: &[16, 18],
            indent: "",
            gap: true,
        };
        let mut out = String::new();
        let row = |a: &str, b: &str, c: &str| vec![a.to_string(), b.to_string(), c.to_string()];
        t.render(
            &mut out,
            &[
                vec![
                    row("nfs-rg", "vincent", "Offline"),
                    row("", "theo", "Online"),
                ],
                vec![row(
                    "a-very-long-group-name",
                    "vincent",
                    "Error--stop failed",
                )],
            ],
        );
        let lines: Vec<&str> = out.lines().collect();
        // The long name widens its column for every row, heads included.
        assert_eq!(lines[0], "Group Name              Node Name         Status");
        assert_eq!(lines[1], "----------              ---------         ------");
        assert_eq!(lines[2].find("vincent"), lines[5].find("vincent"));
        assert_eq!(
            lines[2].split_whitespace().collect::<Vec<_>>(),
            ["nfs-rg", "vincent", "Offline"]
        );
        assert!(lines[3].starts_with(' '));
        assert_eq!(lines[4], "");
        assert_eq!(
            lines[5].split_whitespace().take(2).collect::<Vec<_>>(),
            ["a-very-long-group-name", "vincent"]
        );
    }

    #[test]
    fn fields_align_per_depth() {
        let mut out = String::new();
        field(&mut out, 0, "Resource", "r1");
        field(&mut out, 1, "Type", "SUNW.gds:5");
        field(&mut out, 1, "R_description", "");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0].find("r1"), Some(LABEL_WIDTH));
        assert_eq!(lines[1].find("SUNW"), Some(LABEL_WIDTH + 3));
        assert_eq!(lines[2], "  R_description:");
    }
}
