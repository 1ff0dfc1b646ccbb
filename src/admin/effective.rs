//! Effective property values of a resource: what is set explicitly, else the type's declared
//! default, else the standard default; the special properties that live in their own fields
//! of [`Resource`] (dependencies, description, switches) are read from there.

use crate::model::{
    ClusterState, DepKind, ParamDecl, PropType, PropValue, Resource, ResourceGroup, props,
};

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
            return Some(PropValue::List(r.dependencies.get(kind).clone()));
        }
    }
    let switch = |on: bool| PropValue::Str(if on { "Enabled" } else { "Disabled" }.to_string());
    match decl.name.as_str() {
        "R_description" => Some(PropValue::Str(r.description.clone())),
        "Resource_name" => Some(PropValue::Str(r.name.clone())),
        "Type" => Some(PropValue::Str(r.rtype.clone())),
        "On_off_switch" => Some(switch(r.enabled)),
        "Monitored_switch" => Some(switch(r.monitored)),
        "Resource_state" | "Status" | "Status_msg" => None,
        "Resource_project_name" => r.properties.get(&decl.name).cloned().or_else(|| {
            state
                .group(&r.group)
                .map(|g| PropValue::Str(g.project_name.clone()))
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
    Some(match def.name {
        "Auto_start_on_new_cluster" => PropValue::Bool(g.auto_start_on_new_cluster),
        "Desired_primaries" => PropValue::Int(i64::from(g.desired_primaries)),
        "Failback" => PropValue::Bool(g.failback),
        "Global_resources_used" => list(&g.global_resources_used),
        "Implicit_network_dependencies" => PropValue::Bool(g.implicit_network_dependencies),
        "Maximum_primaries" => PropValue::Int(i64::from(g.maximum_primaries)),
        "Nodelist" => list(&g.nodelist),
        "Pathprefix" => PropValue::Str(g.pathprefix.clone()),
        "Pingpong_interval" => PropValue::Int(i64::from(g.pingpong_interval)),
        "Resource_list" => list(&g.resources),
        "RG_affinities" => list(&g.rg_affinities),
        "RG_dependencies" => list(&g.rg_dependencies),
        "RG_description" => PropValue::Str(g.description.clone()),
        "RG_is_frozen" => PropValue::Bool(false),
        "RG_mode" => PropValue::Str(format!("{:?}", g.mode)),
        "RG_name" => PropValue::Str(g.name.clone()),
        "RG_project_name" => PropValue::Str(g.project_name.clone()),
        "RG_system" => PropValue::Bool(g.rg_system),
        "Suspend_automatic_recovery" => PropValue::Bool(g.suspend_automatic_recovery),
        _ if def.ty == PropType::Boolean => PropValue::Bool(false),
        _ => return None,
    })
}
