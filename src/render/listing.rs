//! `scrgadm -p`, `-pv`, `-pvv`: the configuration in the "Res …" layout of the reference
//! (§1.3 b), which the parsers real installations use expect, or as JSON (`--json`).
//!
//! Layout:
//!
//! * RT blocks first (`Res Type name:`), then each RG block (`Res Group name:`) followed by its
//!   resources (`(rg) Res name:`).
//! * Detail lines: two spaces, `(qualifier) `, the label padded to a fixed width, the value.
//!   Qualifiers: `rt`, `rg`, `rg:res`; `-pvv` property lines are indented four spaces and
//!   qualified `rg:res:prop`. Label widths: 36 for groups, 26 for resources and 29 for types
//!   (from the documented samples). A longer label is
//!   followed by one space. Each block's header is padded to the value column of its lines.
//! * Values: `True`/`False`; arrays space-separated; unset arrays and RG_description
//!   `<NULL>`; empty strings print nothing (and no trailing blanks); Global_resources_used `*`
//!   prints `All`; Installed_nodes unset prints `All`.
//! * `-p` prints names, descriptions, types and groups; `-pv` adds states, switches and the
//!   other group properties of the documented sample; `-pvv` adds the RT methods, the rest of
//!   the group properties and, for each resource property, `Res property name/class/
//!   description/type/value` lines.
//! * `-t`, `-g`, `-j` narrow the output to the named object; with `-j` the enclosing
//!   `Res Group name:` line is still printed (unpadded, as in the sample).
//!
//! Output is built in one `String`; every resource is visited once and each type's property
//! table is computed once, so the cost is linear in the size of the configuration.

use crate::error::{ErrorCode, Result, ScError};
use crate::model::{
    ClusterState, InitNodes, ParamDecl, PropValue, Resource, ResourceGroup, ResourceType, props,
};
use crate::query::PrintRequest;
use crate::query::effective::{group_value, resource_value, resource_value_on};
use crate::query::lookup;
use crate::query::types::{self as catalog, prop_type_name as type_name};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::fmt::Write;

/// 29: `Res Type installed on nodes:` plus one space; values at column 45 for SUNW.apache in
/// the documented `scrgadm -pv -t SUNW.apache` sample (817-4638).
const RT_WIDTH: usize = 29;
const RG_WIDTH: usize = 36;
const RES_WIDTH: usize = 26;

/// What to print, resolved against the state.
struct Selection<'a> {
    types: Vec<&'a ResourceType>,
    /// Each group with the resources of it to print.
    groups: Vec<(&'a ResourceGroup, Vec<&'a Resource>)>,
    /// `-j`: the group header is the short form.
    single_resource: bool,
}

fn select<'a>(state: &'a ClusterState, req: &PrintRequest) -> Result<Selection<'a>> {
    let rtype = match &req.rtype {
        Some(q) => Some(catalog::registered_type(state, q)?),
        None => None,
    };
    let group = match &req.group {
        Some(g) => Some(lookup::group(state, g)?),
        None => None,
    };
    if let Some(rname) = &req.resource {
        let r = lookup::resource(state, rname)?;
        if let Some(g) = group
            && g.name != r.group
        {
            return Err(ScError::new(
                ErrorCode::Rsrc,
                format!("resource {rname} is in group {}, not {}", r.group, g.name),
            ));
        }
        if let Some(t) = rtype
            && t.name != r.rtype
        {
            return Err(ScError::new(
                ErrorCode::Rsrc,
                format!("resource {rname} is of type {}, not {}", r.rtype, t.name),
            ));
        }
        let g = lookup::group(state, &r.group)?;
        return Ok(Selection {
            types: Vec::new(),
            groups: vec![(g, vec![r])],
            single_resource: true,
        });
    }
    let types: Vec<&ResourceType> = match rtype {
        Some(t) => vec![t],
        None if group.is_some() => Vec::new(),
        None => state.resource_types.values().collect(),
    };
    let members = |g: &'a ResourceGroup| -> Vec<&'a Resource> {
        g.resources
            .iter()
            .filter_map(|n| state.resource(n))
            .filter(|r| rtype.is_none_or(|t| t.name == r.rtype))
            .collect()
    };
    let groups = match group {
        Some(g) => vec![(g, members(g))],
        None if rtype.is_some() => Vec::new(),
        None => state
            .resource_groups
            .values()
            .map(|g| (g, members(g)))
            .collect(),
    };
    Ok(Selection {
        types,
        groups,
        single_resource: false,
    })
}

/// Render the listing `req` asks for into one string.
pub fn render(state: &ClusterState, req: &PrintRequest) -> Result<String> {
    let mut all = String::new();
    render_to(state, req, &mut |s| all.push_str(s))?;
    Ok(all)
}

/// Render the listing `req` asks for, handing it to `emit` block by block so a listing of
/// 10,000 resources never has to sit in memory whole.
pub fn render_to(
    state: &ClusterState,
    req: &PrintRequest,
    emit: &mut dyn FnMut(&str),
) -> Result<()> {
    let sel = select(state, req)?;
    if req.json {
        let v = to_json(state, &sel);
        let mut s = serde_json::to_string_pretty(&v)
            .map_err(|e| ScError::internal(format!("cannot encode listing: {e}")))?;
        s.push('\n');
        emit(&s);
        return Ok(());
    }
    let v = req.verbosity.min(2);
    // Handed on in pieces of whole blocks (a block is never split).
    let mut out = super::pieces::buffer();
    let mut tables: HashMap<&str, Vec<ParamDecl>> = HashMap::new();
    for t in &sel.types {
        render_type(&mut out, t, v);
        super::pieces::spill(&mut out, emit);
    }
    for (g, members) in &sel.groups {
        if sel.single_resource {
            let _ = writeln!(out, "Res Group name: {}", g.name);
        } else {
            render_group(&mut out, g, v);
        }
        for r in members {
            render_resource(&mut out, state, &mut tables, g, r, v);
            super::pieces::spill(&mut out, emit);
        }
    }
    emit(&out);
    Ok(())
}

/// `{indent}({qual}) {label padded}{value}` without trailing blanks. Built with `push_str`
/// rather than `write!`: `-pvv` prints five of these per property of every resource.
fn detail(out: &mut String, indent: &str, qual: &str, label: &str, width: usize, value: &str) {
    let start = out.len();
    out.push_str(indent);
    out.push('(');
    out.push_str(qual);
    out.push_str(") ");
    out.push_str(label);
    if !value.is_empty() {
        pad(out, label.len(), width);
        out.push_str(value);
    }
    debug_assert!(!out[start..].ends_with(' '));
    out.push('\n');
}

fn pad(out: &mut String, used: usize, width: usize) {
    const SPACES: &str = "                                                                ";
    let mut n = if used < width { width - used } else { 1 };
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

/// A header line (`Res Group name:`) padded to the value column of its detail lines.
fn header(out: &mut String, label: &str, column: usize, value: &str) {
    out.push_str(label);
    pad(out, label.len(), column);
    out.push_str(value);
    out.push('\n');
}

fn bool_text(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

fn list_text<S: std::borrow::Borrow<str>>(l: &[S]) -> String {
    if l.is_empty() {
        "<NULL>".to_string()
    } else {
        l.join(" ")
    }
}

fn value_text(v: Option<&PropValue>) -> String {
    match v {
        None => "<NULL>".to_string(),
        Some(v) => v.to_string(),
    }
}

fn render_type(out: &mut String, t: &ResourceType, v: u8) {
    let q = t.name.as_str();
    header(out, "Res Type name:", 2 + q.len() + 3 + RT_WIDTH, q);
    let mut line = |label: &str, value: &str| detail(out, "  ", q, label, RT_WIDTH, value);
    line("Res Type description:", &t.rt_description);
    if v == 0 {
        return;
    }
    line("Res Type base directory:", &t.rt_basedir);
    line("Res Type single instance:", bool_text(t.single_instance));
    line(
        "Res Type init nodes:",
        match t.init_nodes {
            InitNodes::RgPrimaries => "All potential masters",
            InitNodes::RtInstalledNodes => "All installed nodes",
        },
    );
    line("Res Type failover:", bool_text(t.failover));
    line("Res Type version:", &t.rt_version);
    line("Res Type API version:", &t.api_version.to_string());
    line(
        "Res Type installed on nodes:",
        &t.installed_nodes
            .as_ref()
            .map(|n| list_text(n))
            .unwrap_or_else(|| "All".to_string()),
    );
    line("Res Type packages:", &list_text(&t.pkglist));
    line("Res Type system:", bool_text(t.rt_system));
    if v < 2 {
        return;
    }
    for (m, path) in &t.methods {
        let label = format!("Res Type {} method:", m.rtr_name().to_ascii_uppercase());
        line(&label, path);
    }
}

fn render_group(out: &mut String, g: &ResourceGroup, v: u8) {
    let q = g.name.as_str();
    header(out, "Res Group name:", 2 + q.len() + 3 + RG_WIDTH, q);
    let mut line = |label: &str, value: &str| detail(out, "  ", q, label, RG_WIDTH, value);
    line(
        "Res Group RG_description:",
        if g.rare.description.is_empty() {
            "<NULL>"
        } else {
            &g.rare.description
        },
    );
    if v == 0 {
        return;
    }
    line(
        "Res Group management state:",
        if g.managed { "Managed" } else { "Unmanaged" },
    );
    line("Res Group Failback:", bool_text(g.failback));
    line("Res Group Nodelist:", &list_text(&g.nodelist));
    line(
        "Res Group Maximum_primaries:",
        &g.maximum_primaries.to_string(),
    );
    line(
        "Res Group Desired_primaries:",
        &g.desired_primaries.to_string(),
    );
    line(
        "Res Group RG_dependencies:",
        &list_text(&g.rare.rg_dependencies),
    );
    line("Res Group mode:", &format!("{:?}", g.mode));
    line(
        "Res Group network dependencies:",
        bool_text(g.implicit_network_dependencies),
    );
    let global = if g.global_resources_used.iter().any(|s| s == "*") {
        "All".to_string()
    } else {
        list_text(&g.global_resources_used)
    };
    line("Res Group Global_resources_used:", &global);
    line("Res Group Pathprefix:", &g.rare.pathprefix);
    if v < 2 {
        return;
    }
    line(
        "Res Group RG_affinities:",
        &list_text(&g.rare.rg_affinities),
    );
    line(
        "Res Group Pingpong_interval:",
        &g.pingpong_interval.to_string(),
    );
    line("Res Group RG_project_name:", &g.project_name);
    line("Res Group system:", bool_text(g.rg_system));
    line(
        "Res Group Auto_start_on_new_cluster:",
        bool_text(g.auto_start_on_new_cluster),
    );
    line(
        "Res Group Suspend_automatic_recovery:",
        bool_text(g.suspend_automatic_recovery),
    );
}

fn render_resource<'a>(
    out: &mut String,
    state: &'a ClusterState,
    tables: &mut HashMap<&'a str, Vec<ParamDecl>>,
    g: &ResourceGroup,
    r: &'a Resource,
    v: u8,
) {
    let q = format!("{}:{}", g.name, r.name);
    header(
        out,
        &format!("({}) Res name:", g.name),
        2 + q.len() + 3 + RES_WIDTH,
        &r.name,
    );
    let rt = state.type_of(r);
    let line =
        |out: &mut String, label: &str, value: &str| detail(out, "  ", &q, label, RES_WIDTH, value);
    line(out, "Res R_description:", &r.description);
    line(out, "Res resource type:", &r.rtype);
    if v >= 1 {
        let version = r
            .properties
            .get("Type_version")
            .map(|v| v.to_string())
            .or_else(|| rt.map(|t| t.rt_version.clone()))
            .unwrap_or_default();
        line(out, "Res type version:", &version);
    }
    line(out, "Res resource group name:", &r.group);
    if v == 0 {
        return;
    }
    let project = r
        .properties
        .get("Resource_project_name")
        .map(|v| v.to_string())
        .unwrap_or_else(|| g.project_name.to_string());
    line(out, "Res resource project name:", &project);
    line(out, "Res enabled:", bool_text(r.enabled));
    line(out, "Res monitor enabled:", bool_text(r.monitored));
    line(
        out,
        "Res strong dependencies:",
        &list_text(r.dependencies.get(crate::model::DepKind::Strong)),
    );
    line(
        out,
        "Res weak dependencies:",
        &list_text(r.dependencies.get(crate::model::DepKind::Weak)),
    );
    line(
        out,
        "Res restart dependencies:",
        &list_text(r.dependencies.get(crate::model::DepKind::Restart)),
    );
    line(
        out,
        "Res offline restart dependencies:",
        &list_text(r.dependencies.get(crate::model::DepKind::OfflineRestart)),
    );
    if v < 2 {
        return;
    }
    let Some(rt) = rt else {
        return;
    };
    let decls = tables
        .entry(r.rtype.as_str())
        .or_insert_with(|| settable_params(rt));
    for d in decls.iter() {
        let pq = format!("{q}:{}", d.name);
        let value = value_text(resource_value(state, r, d).as_ref());
        let mut pline =
            |label: &str, value: &str| detail(out, "    ", &pq, label, RES_WIDTH, value);
        pline("Res property name:", &d.name);
        pline(
            "Res property class:",
            if d.extension { "extension" } else { "standard" },
        );
        pline("Res property description:", &d.description);
        pline("Res property type:", type_name(d.ty));
        if d.per_node {
            // 3.2: one value row per node of the group, the node in the qualifier.
            for n in &g.nodelist {
                let v = value_text(resource_value_on(state, r, d, n).as_ref());
                detail(
                    out,
                    "    ",
                    &format!("{pq}{{{n}}}"),
                    "Res property value:",
                    RES_WIDTH,
                    &v,
                );
            }
        } else {
            pline("Res property value:", &value);
        }
    }
}

/// The properties `-pvv` lists per resource: every property of the type except those only
/// the RGM keeps (switches, state, status, which `-pv` and scstat show).
fn settable_params(rt: &ResourceType) -> Vec<ParamDecl> {
    catalog::all_params(rt)
        .into_iter()
        .filter(|d| !catalog::is_query_only(&d.name))
        .collect()
}

fn to_json(state: &ClusterState, sel: &Selection) -> Value {
    let types: Vec<Value> = sel
        .types
        .iter()
        .map(|t| serde_json::to_value(t).unwrap_or(Value::Null))
        .collect();
    let mut tables: HashMap<&str, Vec<ParamDecl>> = HashMap::new();
    let groups: Vec<Value> = sel
        .groups
        .iter()
        .map(|(g, members)| {
            let mut gp = Map::new();
            for def in props::rg_properties() {
                if def.name == "RG_state" {
                    continue;
                }
                if let Some(v) = group_value(g, def.name) {
                    gp.insert(def.name.to_string(), prop_json(&v));
                }
            }
            let resources: Vec<Value> = members
                .iter()
                .map(|r| {
                    let mut rp = Map::new();
                    if let Some(rt) = state.type_of(r) {
                        let decls = tables
                            .entry(r.rtype.as_str())
                            .or_insert_with(|| settable_params(rt));
                        for d in decls.iter() {
                            let v = resource_value(state, r, d);
                            rp.insert(
                                d.name.clone(),
                                v.as_ref().map(prop_json).unwrap_or(Value::Null),
                            );
                        }
                    }
                    let mut doc = json!({
                        "name": r.name,
                        "type": r.rtype,
                        "group": r.group,
                        "enabled": r.enabled,
                        "monitored": r.monitored,
                        "properties": Value::Object(rp),
                    });
                    // 3.2 per-node values, only where the resource has some.
                    if !r.extras.per_node.is_empty() {
                        let per_node: Map<String, Value> = r
                            .extras
                            .per_node
                            .iter()
                            .map(|(p, by_node)| {
                                let nodes: Map<String, Value> = by_node
                                    .iter()
                                    .map(|(n, v)| (n.clone(), prop_json(v)))
                                    .collect();
                                (p.clone(), Value::Object(nodes))
                            })
                            .collect();
                        doc["per_node"] = Value::Object(per_node);
                    }
                    doc
                })
                .collect();
            json!({
                "name": g.name,
                "managed": g.managed,
                "mode": format!("{:?}", g.mode),
                "properties": Value::Object(gp),
                "resources": resources,
            })
        })
        .collect();
    json!({
        "format_version": super::FORMAT_VERSION,
        "resource_types": types,
        "resource_groups": groups,
    })
}

fn prop_json(v: &PropValue) -> Value {
    match v {
        PropValue::Bool(b) => Value::Bool(*b),
        PropValue::Int(i) => json!(i),
        PropValue::Str(s) => Value::String(s.clone()),
        PropValue::List(l) => json!(l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::testutil::{cluster, x};
    use crate::admin::{PropArg, Request, apply};

    /// `groups` groups of `per` HAStoragePlus resources each.
    fn big(groups: usize, per: usize) -> ClusterState {
        let mut s = cluster();
        let reg = Request::RegisterType {
            rtype: "SUNW.HAStoragePlus".into(),
            installed_nodes: None,
            file: None,
        };
        apply(&mut s, &reg).unwrap();
        for g in 0..groups {
            let group = format!("rg-{g}");
            apply(
                &mut s,
                &Request::CreateGroup {
                    group: group.clone(),
                    nodelist: None,
                    props: Vec::<PropArg>::new(),
                },
            )
            .unwrap();
            for r in 0..per {
                apply(
                    &mut s,
                    &Request::CreateResource {
                        resource: format!("hasp-{g}-{r}"),
                        rtype: "SUNW.HAStoragePlus".into(),
                        group: group.clone(),
                        props: vec![x(&format!("FilesystemMountPoints=/global/fs{g}-{r}"))],
                    },
                )
                .unwrap();
            }
        }
        s
    }

    fn print(s: &ClusterState, v: u8) -> String {
        render(
            s,
            &PrintRequest {
                verbosity: v,
                ..Default::default()
            },
        )
        .unwrap()
    }

    #[test]
    fn ten_thousand_resources_listing_is_linear() {
        let s = big(2000, 5);
        let out = print(&s, 1);
        // 3 types × 11 lines, 2000 groups × 12 lines, 10,000 resources × 12 lines.
        assert_eq!(out.lines().count(), 3 * 11 + 2000 * 12 + 10_000 * 12);
        assert!(
            out.contains("(rg-1999:hasp-1999-4) Res resource type:        SUNW.HAStoragePlus:4\n")
        );
    }

    #[test]
    fn pvv_lists_every_property_once_per_resource() {
        let s = big(100, 10);
        let out = print(&s, 2);
        let rt = s.resource_types.get("SUNW.HAStoragePlus:4").unwrap();
        let props = settable_params(rt).len();
        let value_lines = out
            .lines()
            .filter(|l| l.contains(") Res property value:"))
            .count();
        assert_eq!(value_lines, 1000 * props);
        assert!(out.contains(
            "    (rg-7:hasp-7-3:FilesystemMountPoints) Res property value:       /global/fs7-3\n"
        ));
        assert!(!out.lines().any(|l| l.ends_with(' ')), "no trailing blanks");
    }
}
