//! Effective property values of a resource: what is set explicitly, else the type's declared
//! default, else the standard default; the special properties that live in their own fields
//! of [`Resource`] (dependencies, description, switches) are read from there. The one place for
//! defaults: listings, the engine (`engine::settings`) and the scha_* commands read them here.

use crate::model::{
    ClusterState, DepKind, Method, Name, ParamDecl, PropType, PropValue, Resource, ResourceGroup,
    ResourceType, props,
};

/// The value resource `r` has for property `decl` on node `node`: its per-node value (3.2,
/// PER_NODE extension properties), else the value it has everywhere ([`resource_value`]).
pub fn resource_value_on(
    state: &ClusterState,
    r: &Resource,
    decl: &ParamDecl,
    node: &str,
) -> Option<PropValue> {
    r.extras
        .per_node
        .get(&decl.name)
        .and_then(|m| m.get(node))
        .cloned()
        .or_else(|| resource_value(state, r, decl))
}

/// The value resource `r` has for property `decl` (declared for its type). `None` when the
/// property has no value (no default and never set) or is kept per node (Status, …).
pub fn resource_value(state: &ClusterState, r: &Resource, decl: &ParamDecl) -> Option<PropValue> {
    if decl.extension {
        return r
            .extension
            .get(&decl.name)
            .cloned()
            .or_else(|| decl.default.clone());
    }
    for kind in DepKind::ALL {
        if decl.name == kind.property() {
            return Some(PropValue::List(
                r.dependencies
                    .get(kind)
                    .iter()
                    .map(Name::to_string)
                    .collect(),
            ));
        }
    }
    let switch = |on: bool| PropValue::Str(if on { "Enabled" } else { "Disabled" }.to_string());
    match decl.name.as_str() {
        "R_description" => Some(PropValue::Str(r.description.to_string())),
        "Resource_name" => Some(PropValue::Str(r.name.to_string())),
        "Type" => Some(PropValue::Str(r.rtype.to_string())),
        "On_off_switch" => Some(switch(r.enabled)),
        "Monitored_switch" => Some(switch(r.monitored)),
        "Resource_state" | "Status" | "Status_msg" => None,
        "Resource_project_name" => r.properties.get(&decl.name).cloned().or_else(|| {
            state
                .group(&r.group)
                .map(|g| PropValue::Str(g.project_name.to_string()))
        }),
        _ => r
            .properties
            .get(&decl.name)
            .cloned()
            .or_else(|| decl.default.clone()),
    }
}

/// The value of an rg_properties(5) property as a typed value (for listings and JSON).
pub fn group_value(g: &ResourceGroup, name: &str) -> Option<PropValue> {
    let def = props::rg_property(name)?;
    let list = |v: &Vec<String>| PropValue::List(v.clone());
    let names = |v: &[Name]| PropValue::List(v.iter().map(Name::to_string).collect());
    Some(match def.name {
        "Auto_start_on_new_cluster" => PropValue::Bool(g.auto_start_on_new_cluster),
        "Desired_primaries" => PropValue::Int(i64::from(g.desired_primaries)),
        "Failback" => PropValue::Bool(g.failback),
        "Global_resources_used" => PropValue::List(
            g.global_resources_used
                .iter()
                .map(Name::to_string)
                .collect(),
        ),
        "Implicit_network_dependencies" => PropValue::Bool(g.implicit_network_dependencies),
        "Maximum_primaries" => PropValue::Int(i64::from(g.maximum_primaries)),
        "Nodelist" => names(&g.nodelist),
        "Pathprefix" => PropValue::Str(g.rare.pathprefix.clone()),
        "Pingpong_interval" => PropValue::Int(i64::from(g.pingpong_interval)),
        "Resource_list" => names(&g.resources),
        "RG_affinities" => list(&g.rare.rg_affinities),
        "RG_dependencies" => list(&g.rare.rg_dependencies),
        "RG_description" => PropValue::Str(g.rare.description.clone()),
        "RG_is_frozen" => PropValue::Bool(false),
        "RG_mode" => PropValue::Str(format!("{:?}", g.mode)),
        "RG_name" => PropValue::Str(g.name.to_string()),
        "RG_project_name" => PropValue::Str(g.project_name.to_string()),
        "RG_system" => PropValue::Bool(g.rg_system),
        "Suspend_automatic_recovery" => PropValue::Bool(g.suspend_automatic_recovery),
        _ if def.ty == PropType::Boolean => PropValue::Bool(false),
        _ => return None,
    })
}

/// r_properties(5): method timeouts default to 3600 s.
pub const DEFAULT_TIMEOUT_S: u64 = props::DEFAULT_METHOD_TIMEOUT.unsigned_abs();
/// Retry_count when the type declares none (the usual RTR sample value).
pub const DEFAULT_RETRY_COUNT: i64 = 2;
/// Retry_interval when the type declares none (the usual RTR sample value).
pub const DEFAULT_RETRY_INTERVAL_S: u64 = 300;
/// Thorough_probe_interval when the type declares none.
pub const DEFAULT_PROBE_INTERVAL_S: u64 = 60;

fn lookup<'a>(map: &'a crate::model::PropMap, name: &str) -> Option<&'a PropValue> {
    map.get(name).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

/// A standard property: set on the resource, else the type's declared default.
pub fn std_prop(rt: Option<&ResourceType>, r: &Resource, name: &str) -> Option<PropValue> {
    lookup(&r.properties, name).cloned().or_else(|| {
        rt.and_then(|t| {
            t.params
                .iter()
                .find(|p| !p.extension && p.name.eq_ignore_ascii_case(name))
        })
        .and_then(|p| p.default.clone())
    })
}

/// An extension property: set on the resource, else the type's declared default.
pub fn ext_prop(rt: Option<&ResourceType>, r: &Resource, name: &str) -> Option<PropValue> {
    lookup(&r.extension, name).cloned().or_else(|| {
        rt.and_then(|t| {
            t.params
                .iter()
                .find(|p| p.extension && p.name.eq_ignore_ascii_case(name))
        })
        .and_then(|p| p.default.clone())
    })
}

fn as_int(v: &PropValue) -> Option<i64> {
    match v {
        PropValue::Int(i) => Some(*i),
        PropValue::Str(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A value as a list of strings (a single string is a one-element list).
pub fn as_list(v: &PropValue) -> Vec<String> {
    match v {
        PropValue::List(l) => l.clone(),
        PropValue::Str(s) if s.is_empty() => Vec::new(),
        PropValue::Str(s) => s.split(',').map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// A value as a boolean (`TRUE`/`FALSE` strings accepted).
pub fn as_bool(v: &PropValue) -> Option<bool> {
    match v {
        PropValue::Bool(b) => Some(*b),
        PropValue::Str(s) if s.eq_ignore_ascii_case("true") => Some(true),
        PropValue::Str(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// Timeout of `m` for `r`, in seconds.
pub fn timeout_s(rt: Option<&ResourceType>, r: &Resource, m: Method) -> u64 {
    std_prop(rt, r, &m.timeout_property())
        .as_ref()
        .and_then(as_int)
        .filter(|v| *v > 0)
        .map(|v| v as u64)
        .unwrap_or(DEFAULT_TIMEOUT_S)
}

/// Retry_count; -1 means unlimited.
pub fn retry_count(rt: Option<&ResourceType>, r: &Resource) -> i64 {
    std_prop(rt, r, "Retry_count")
        .as_ref()
        .and_then(as_int)
        .unwrap_or(DEFAULT_RETRY_COUNT)
}

pub fn retry_interval_ms(rt: Option<&ResourceType>, r: &Resource) -> u64 {
    std_prop(rt, r, "Retry_interval")
        .as_ref()
        .and_then(as_int)
        .filter(|v| *v >= 0)
        .map(|v| v as u64)
        .unwrap_or(DEFAULT_RETRY_INTERVAL_S)
        * 1000
}

pub fn probe_interval_ms(rt: Option<&ResourceType>, r: &Resource) -> u64 {
    std_prop(rt, r, "Thorough_probe_interval")
        .as_ref()
        .and_then(as_int)
        .filter(|v| *v > 0)
        .map(|v| v as u64)
        .unwrap_or(DEFAULT_PROBE_INTERVAL_S)
        * 1000
}
