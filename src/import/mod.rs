//! `scsim import`: read a real cluster's captured `scrgadm -pvv` (and optionally `scstat`)
//! output. [`parse_pvv`] and [`parse_scstat`] turn the text into records; [`rtr_text`] writes a
//! registration file for a type scsim does not ship, from what the capture shows of it.
//! `cli::import` turns the records into commands and runs them on a new state.

use indexmap::IndexMap;

/// One `Res Type name:` block.
#[derive(Debug, Clone, Default)]
pub struct TypeRec {
    pub name: String,
    /// `description`, `base directory`, `failover`, `START method`, … as printed.
    pub fields: IndexMap<String, String>,
}

/// One `Res Group name:` block.
#[derive(Debug, Clone, Default)]
pub struct GroupRec {
    pub name: String,
    /// `Nodelist`, `Failback`, `management state`, … as printed.
    pub fields: IndexMap<String, String>,
}

/// One resource property block.
#[derive(Debug, Clone, Default)]
pub struct PropRec {
    pub name: String,
    /// `standard` or `extension`.
    pub class: String,
    /// `string`, `int`, `boolean`, `enum`, `stringarray`.
    pub ty: String,
    pub description: String,
    pub value: String,
}

/// One `Res name:` block.
#[derive(Debug, Clone, Default)]
pub struct ResourceRec {
    pub name: String,
    pub group: String,
    /// `resource type`, `enabled`, `monitor enabled`, `strong dependencies`, … as printed.
    pub fields: IndexMap<String, String>,
    pub props: Vec<PropRec>,
}

/// What a `scrgadm -pvv` capture holds.
#[derive(Debug, Clone, Default)]
pub struct Captured {
    pub types: Vec<TypeRec>,
    pub groups: Vec<GroupRec>,
    pub resources: Vec<ResourceRec>,
    /// Lines that were not understood (1-based line number, text).
    pub skipped: Vec<(usize, String)>,
}

/// `(prefix) Res KEY: value` → (prefix, KEY, value); a line without a prefix gives "".
fn split(line: &str) -> Option<(&str, &str, &str)> {
    let t = line.trim();
    let (prefix, rest) = match t.strip_prefix('(') {
        Some(r) => {
            let (p, rest) = r.split_once(')')?;
            (p, rest.trim_start())
        }
        None => ("", t),
    };
    let rest = rest.strip_prefix("Res ")?;
    let (key, value) = rest.split_once(':')?;
    Some((prefix, key.trim(), value.trim()))
}

/// Parse `scrgadm -pvv` output (as the 3.1 command and scsim print it).
pub fn parse_pvv(text: &str) -> Captured {
    let mut c = Captured::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((prefix, key, value)) = split(line) else {
            c.skipped.push((i + 1, line.to_string()));
            continue;
        };
        let parts: Vec<&str> = prefix.split(':').collect();
        if key == "Type name" && prefix.is_empty() {
            c.types.push(TypeRec {
                name: value.to_string(),
                ..Default::default()
            });
        } else if key == "Group name" && prefix.is_empty() {
            c.groups.push(GroupRec {
                name: value.to_string(),
                ..Default::default()
            });
        } else if key == "name" && parts.len() == 1 && !prefix.is_empty() {
            c.resources.push(ResourceRec {
                name: value.to_string(),
                group: prefix.to_string(),
                ..Default::default()
            });
        } else if let Some(k) = key.strip_prefix("Type ") {
            match c.types.last_mut() {
                Some(t) if t.name == prefix => {
                    t.fields.insert(k.to_string(), value.to_string());
                }
                _ => c.skipped.push((i + 1, line.to_string())),
            }
        } else if let Some(k) = key.strip_prefix("Group ") {
            match c.groups.last_mut() {
                Some(g) if g.name == prefix => {
                    g.fields.insert(k.to_string(), value.to_string());
                }
                _ => c.skipped.push((i + 1, line.to_string())),
            }
        } else if let Some(k) = key.strip_prefix("property ") {
            let r = c
                .resources
                .last_mut()
                .filter(|r| parts.len() == 3 && r.name == parts[1]);
            let Some(r) = r else {
                c.skipped.push((i + 1, line.to_string()));
                continue;
            };
            if k == "name" {
                r.props.push(PropRec {
                    name: value.to_string(),
                    ..Default::default()
                });
            } else if let Some(p) = r.props.last_mut().filter(|p| p.name == parts[2]) {
                match k {
                    "class" => p.class = value.to_string(),
                    "type" => p.ty = value.to_string(),
                    "description" => p.description = value.to_string(),
                    "value" => p.value = value.to_string(),
                    _ => {}
                }
            }
        } else {
            match c.resources.last_mut() {
                Some(r) if parts.len() == 2 && r.name == parts[1] => {
                    r.fields.insert(key.to_string(), value.to_string());
                }
                _ => c.skipped.push((i + 1, line.to_string())),
            }
        }
    }
    c
}

/// Where `scstat -g` says groups are online: group → nodes, in the order printed.
pub fn parse_scstat(text: &str) -> IndexMap<String, Vec<String>> {
    let mut online: IndexMap<String, Vec<String>> = IndexMap::new();
    for line in text.lines() {
        let mut w = line.split_whitespace();
        if w.next() != Some("Group:") {
            continue;
        }
        let (Some(g), Some(n), Some(state)) = (w.next(), w.next(), w.next()) else {
            continue;
        };
        let entry = online.entry(g.to_string()).or_default();
        if matches!(state, "Online" | "Online_faulted" | "Pending_online") {
            entry.push(n.to_string());
        }
    }
    online
}

/// A value as printed (`True`, `a b`, `<NULL>`) as the command line takes it.
pub fn cli_value(printed: &str, ty: &str) -> String {
    match (printed, ty) {
        ("<NULL>", _) => String::new(),
        (v, "stringarray") => v.split_whitespace().collect::<Vec<_>>().join(","),
        ("True", _) => "TRUE".into(),
        ("False", _) => "FALSE".into(),
        (v, _) => v.to_string(),
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "'"))
}

/// A registration file for a type that scsim does not ship: its header from the capture; the
/// standard integer and enum properties its resources show, declared with the value seen as
/// default; and its extension properties (no defaults: they are set at creation).
pub fn rtr_text(t: &TypeRec, props: &[&PropRec]) -> String {
    let (vendor, rest) = t.name.split_once('.').unwrap_or(("", t.name.as_str()));
    let (base, version) = rest.split_once(':').unwrap_or((rest, ""));
    let f = |k: &str| t.fields.get(k).map(String::as_str).unwrap_or("");
    let version = if version.is_empty() {
        f("version")
    } else {
        version
    };
    let mut s = format!(
        "# Registered by scsim import from a scrgadm -pvv capture of {}.\n",
        t.name
    );
    s.push_str(&format!("RESOURCE_TYPE = {};\n", quoted(base)));
    if !vendor.is_empty() {
        s.push_str(&format!("VENDOR_ID = {vendor};\n"));
    }
    s.push_str(&format!("RT_DESCRIPTION = {};\n", quoted(f("description"))));
    s.push_str(&format!(
        "RT_VERSION = {};\n",
        quoted(if version.is_empty() { "1" } else { version })
    ));
    s.push_str(&format!(
        "API_VERSION = {};\n",
        f("API version").parse::<u32>().unwrap_or(2)
    ));
    let b = |k: &str| if f(k) == "True" { "TRUE" } else { "FALSE" };
    s.push_str(&format!("FAILOVER = {};\n", b("failover")));
    s.push_str(&format!("SINGLE_INSTANCE = {};\n", b("single instance")));
    if !f("base directory").is_empty() {
        s.push_str(&format!("RT_BASEDIR = {};\n", f("base directory")));
    }
    if !matches!(f("packages"), "" | "<NULL>") {
        s.push_str(&format!(
            "PKGLIST = {};\n",
            f("packages")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for (k, v) in &t.fields {
        if let Some(m) = k.strip_suffix(" method") {
            s.push_str(&format!("{m} = {v};\n"));
        }
    }
    if !t
        .fields
        .keys()
        .any(|k| k == "START method" || k == "PRENET_START method")
    {
        s.push_str("START = start;\nSTOP = stop;\n");
    }
    for p in props.iter().filter(|p| p.class != "extension") {
        if p.ty == "stringarray" && p.value == "<NULL>" {
            s.push_str(&format!(
                "{{ PROPERTY = {}; DEFAULT = \"\"; TUNABLE = ANYTIME; }}\n",
                p.name
            ));
        } else if matches!(p.ty.as_str(), "int" | "enum")
            && !p.value.is_empty()
            && p.value != "<NULL>"
        {
            s.push_str(&format!(
                "{{ PROPERTY = {}; DEFAULT = {}; TUNABLE = ANYTIME; }}\n",
                p.name, p.value
            ));
        }
    }
    for p in props.iter().filter(|p| p.class == "extension") {
        let ty = match p.ty.as_str() {
            "int" => "INT",
            "boolean" => "BOOLEAN",
            "stringarray" => "STRINGARRAY",
            _ => "STRING",
        };
        s.push_str(&format!(
            "{{ PROPERTY = {}; EXTENSION; {ty}; TUNABLE = ANYTIME; DESCRIPTION = {}; }}\n",
            p.name,
            quoted(&p.description)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks_and_properties() {
        let text = "Res Type name:   ACME.db\n  (ACME.db) Res Type failover:  True\n\
Res Group name:  DB-RG\n  (DB-RG) Res Group Nodelist:  n1 n2\n\
(DB-RG) Res name:  db-rs\n  (DB-RG:db-rs) Res resource type:  ACME.db\n\
    (DB-RG:db-rs:Home) Res property name: Home\n    (DB-RG:db-rs:Home) Res property class: extension\n\
    (DB-RG:db-rs:Home) Res property type: string\n    (DB-RG:db-rs:Home) Res property value: /db\n\
garbage\n";
        let c = parse_pvv(text);
        assert_eq!(c.types[0].fields["failover"], "True");
        assert_eq!(c.groups[0].fields["Nodelist"], "n1 n2");
        assert_eq!(c.resources[0].group, "DB-RG");
        assert_eq!(c.resources[0].fields["resource type"], "ACME.db");
        assert_eq!(c.resources[0].props[0].value, "/db");
        assert_eq!(c.skipped, [(11, "garbage".to_string())]);
        let rtr = rtr_text(&c.types[0], &[&c.resources[0].props[0]]);
        assert!(
            rtr.contains("{ PROPERTY = Home; EXTENSION; STRING;"),
            "{rtr}"
        );
        let scstat = "     Group: DB-RG   n1   Offline\n     Group: DB-RG   n2   Online\n";
        assert_eq!(parse_scstat(scstat)["DB-RG"], ["n2"]);
    }
}
