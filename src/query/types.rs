//! Type resolution and declarations, read-only: which registered type a name means (full name,
//! or without vendor and/or version when unambiguous), the effective property declarations of a
//! type, and the names of property types.

use super::join_some;
use crate::error::{ErrorCode, Result, ScError};
use crate::fix::{Fix, Hint};
use crate::model::{ClusterState, ParamDecl, PropType, ResourceType, props};
use crate::rtr::{self, ResolveError};

/// Type names as they may be written, for "did you mean": each full name (`SUNW.gds:5`) and
/// its form without the version (`SUNW.gds`).
pub fn type_name_forms(names: &[String]) -> Vec<&str> {
    let mut v = Vec::with_capacity(names.len() * 2);
    for n in names {
        v.push(n.as_str());
        if let Some((base, _)) = n.split_once(':') {
            v.push(base);
        }
    }
    v
}

/// The registered type named by `query` (full name, or without vendor and/or version when
/// unambiguous). Unknown or ambiguous names fail with exit 13, listing what is registered.
pub fn registered_type<'a>(state: &'a ClusterState, query: &str) -> Result<&'a ResourceType> {
    match rtr::resolve_type_name(state.resource_types.values(), query) {
        Ok(rt) => Ok(rt),
        Err(ResolveError::Unknown) => {
            let names: Vec<String> = state.resource_types.keys().cloned().collect();
            let listed = if names.is_empty() {
                "no resource types are registered".to_string()
            } else {
                format!("registered: {}", join_some(&names, 12))
            };
            let e = ScError::new(
                ErrorCode::Rt,
                format!("resource type {query} is not registered ({listed})"),
            )
            .kind(crate::error::Kind::NoEnt)
            .suggest(query, type_name_forms(&names));
            // "Register it" only when it is not a near miss of a registered name.
            Err(if e.hints.is_empty() {
                e.hint(Hint::lead(
                    "register it first: ",
                    Fix::RegisterType {
                        t: query.to_string(),
                    },
                ))
            } else {
                e
            })
        }
        Err(ResolveError::Ambiguous(c)) => Err(ScError::new(
            ErrorCode::Rt,
            format!(
                "resource type name {query} is ambiguous: it matches {}",
                c.join(", ")
            ),
        )
        .hint("give the full name, with vendor prefix and :version")),
    }
}

/// Whether `query` (as given to `-t`) names `rt`: its full name, or the name without vendor
/// and/or version.
pub fn names_type(rt: &ResourceType, query: &str) -> bool {
    rtr::resolve_type_name(std::iter::once(rt), query).is_ok()
}

/// Effective declaration of resource property `name` for type `rt` (`None`: no such property).
pub fn param(rt: &ResourceType, name: &str) -> Option<ParamDecl> {
    props::resolve_param(rt, name)
}

/// Every property a resource of type `rt` has (standard, then extension).
pub fn all_params(rt: &ResourceType) -> Vec<ParamDecl> {
    props::all_params(rt)
}

/// Standard properties that only the RGM or other options set (On_off_switch, Type, …).
pub fn is_query_only(name: &str) -> bool {
    props::is_query_only(name)
}

/// The standard resource property of this name, whether or not a given type has it.
pub fn standard_param(name: &str) -> Option<&'static ParamDecl> {
    props::standard_resource_param(name)
}

/// Whether the type is SUNW.HAStoragePlus (any version).
pub fn is_hastorageplus(rt: &ResourceType) -> bool {
    rt.vendor_id.as_deref() == Some("SUNW") && rt.resource_type == "HAStoragePlus"
}

/// `int`, `boolean`, … as printed by listings and messages.
pub fn prop_type_name(t: PropType) -> &'static str {
    match t {
        PropType::String => "string",
        PropType::Int => "int",
        PropType::Boolean => "boolean",
        PropType::Enum => "enum",
        PropType::Stringarray => "stringarray",
    }
}
