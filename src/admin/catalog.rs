//! What scrgadm needs from the type system, in one place: resolving type names among the
//! registered types, finding the RTR of a type to register (built in or from `-f`), and the
//! effective property declarations of a type (`model::props`). Turns the lower layers' errors
//! into scrgadm errors with exit codes and hints.

use crate::error::{ErrorCode, Result, ScError};
use crate::model::{Release, ResourceType};
pub use crate::query::types::{
    all_params, is_hastorageplus, is_query_only, names_type, param, registered_type,
    standard_param, type_name_forms,
};
use crate::rtr::{self, ResolveError};

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
/// The versions the built-in types have on the later releases (`clrt list` of a fresh 3.2
/// cluster shows `SUNW.HAStoragePlus:6`, `SUNW.gds:6`); 3.1 keeps the files' own versions.
const RELEASE_VERSIONS: [(&str, Release, &str); 6] = [
    ("SUNW.HAStoragePlus", Release::V32, "6"),
    ("SUNW.gds", Release::V32, "6"),
    ("SUNW.HAStoragePlus", Release::V44, "11"),
    ("SUNW.gds", Release::V44, "6"),
    ("SUNW.LogicalHostname", Release::V44, "5"),
    ("SUNW.SharedAddress", Release::V44, "3"),
];

/// A built-in type as the cluster's release ships it: its version (and the `:version` of its
/// name) follow the release.
pub fn for_release(mut rt: ResourceType, release: Release) -> ResourceType {
    let base = rt.name.split(':').next().unwrap_or(&rt.name).to_string();
    if let Some((_, _, v)) = RELEASE_VERSIONS
        .iter()
        .find(|(t, r, _)| *t == base && *r == release)
    {
        rt.rt_version = (*v).to_string();
        rt.name = format!("{base}:{v}");
    }
    rt
}

/// A query that names a version (`SUNW.gds:5`) matches a built-in type only in the version
/// the cluster's release ships (`SUNW.gds:6` on 4.4): another release's file is not installed.
pub fn version_matches(query: &str, rt: &ResourceType) -> bool {
    match query.rsplit_once(':') {
        Some((_, v)) => rt.rt_version == v || rt.name.rsplit_once(':').is_some_and(|(_, n)| n == v),
        None => true,
    }
}

/// The built-in types' names as the release ships them (`SUNW.HAStoragePlus:11` on 4.4).
pub fn release_names(release: Release) -> Vec<String> {
    rtr::builtin_types()
        .into_iter()
        .map(|t| for_release(t, release).name)
        .collect()
}

/// A type name as the built-in files spell it: `SUNW.gds:6` on a release that ships gds as
/// version 6 is the file's `SUNW.gds`; any other name is unchanged.
pub fn unversioned(query: &str, release: Release) -> String {
    if let Some((base, v)) = query.rsplit_once(':') {
        let shipped = RELEASE_VERSIONS.iter().any(|(t, r, rv)| {
            *r == release && *rv == v && (*t == base || t.split('.').nth(1) == Some(base))
        });
        if shipped {
            return base.to_string();
        }
    }
    query.to_string()
}

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
