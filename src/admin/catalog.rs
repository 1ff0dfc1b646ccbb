//! What scrgadm needs from the type system, in one place: resolving type names among the
//! registered types, finding the RTR of a type to register (built in or from `-f`), and the
//! effective property declarations of a type (`model::props`). Turns the lower layers' errors
//! into scrgadm errors with exit codes and hints.

use super::names::join_some;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, ParamDecl, ResourceType, props};
use crate::rtr::{self, ResolveError};

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
            Err(ScError::new(
                ErrorCode::Rt,
                format!("resource type {query} is not registered ({listed})"),
            )
            .hint(format!("register it first: scrgadm -a -t {query}")))
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

/// The built-in type named by `query`, if any (same naming rules as registered types).
pub fn builtin_type(query: &str) -> Result<Option<ResourceType>> {
    let all = rtr::builtin_types();
    match rtr::resolve_type_name(all.iter(), query) {
        Ok(rt) => Ok(Some(rt.clone())),
        Err(ResolveError::Unknown) => Ok(None),
        Err(ResolveError::Ambiguous(c)) => Err(ScError::new(
            ErrorCode::Rt,
            format!(
                "resource type name {query} is ambiguous among the built-in types: it matches {}",
                c.join(", ")
            ),
        )
        .hint("give the full name, with vendor prefix and :version")),
    }
}

/// Names of the built-in types (for messages).
pub fn builtin_names() -> Vec<String> {
    rtr::builtin_types().into_iter().map(|t| t.name).collect()
}

/// Parse an RTR file given with `-f`. Errors name the file, line and column. They exit 3 (not
/// 13): installers treat 13 from `scrgadm -a -t` as "already registered", and a broken file
/// must not look like success to them.
pub fn parse_rtr_file(path: &str, text: &str) -> Result<ResourceType> {
    rtr::parse_rtr(text, path).map_err(|e| {
        ScError::inval(format!("{e}"))
            .hint("fix the RTR file (rt_reg(4) syntax) and run the command again")
    })
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
