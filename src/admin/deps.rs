//! Dependencies between objects: resource dependencies of the four kinds
//! (Resource_dependencies, _weak, _restart, _offline_restart), Network_resources_used, and
//! RG_dependencies / RG_affinities between groups. Dependees must exist, an object cannot depend
//! on itself, and the dependency graph stays acyclic (exit 8 with the cycle spelled out).
//! Cycle checks are one depth-first search: linear in the size of the graph.

use super::names::join_some;
use super::values::prop_err;
use crate::error::{ErrorCode, Result, ScError};
use crate::fix::{Fix, Hint};
use crate::model::{ClusterState, DepKind, Dependencies, PropValue};
use crate::query::affinity::AffKind;
use crate::query::lookup::{missing_group, missing_resource};
use std::collections::{HashMap, HashSet};

/// The Network_resources_used property name.
pub(super) const NETWORK_RESOURCES_USED: &str = "Network_resources_used";

/// Check the dependency lists resource `name` will have.
pub(super) fn check_resource_deps(
    state: &ClusterState,
    name: &str,
    deps: &Dependencies,
) -> Result<()> {
    let subject = format!("resource {name}");
    let mut seen: HashMap<&str, DepKind> = HashMap::new();
    for (kind, dep) in deps.all() {
        if dep == name {
            return Err(ScError::new(
                ErrorCode::Depend,
                format!(
                    "{subject}: {}: a resource cannot depend on itself",
                    kind.property()
                ),
            ));
        }
        if state.resource(dep).is_none() {
            let context = format!("{subject}: {}", kind.property());
            return Err(
                missing_resource(state, dep, Some(&context)).hint(Hint::lead(
                    "create the dependee first, or check the name with: ",
                    Fix::ListConfiguration,
                )),
            );
        }
        if let Some(prev) = seen.insert(dep.as_str(), kind) {
            let what = if prev == kind {
                format!("lists {dep} twice")
            } else {
                format!(
                    "lists {dep} in both {} and {}",
                    prev.property(),
                    kind.property()
                )
            };
            return Err(prop_err(&subject, kind.property(), what));
        }
    }
    if let Some(cycle) = find_cycle(name, deps.all().map(|(_, d)| d.as_str()), |n| {
        state
            .resource(n)
            .map(|r| r.dependencies.all().map(|(_, d)| d.as_str()).collect())
            .unwrap_or_default()
    }) {
        return Err(ScError::new(
            ErrorCode::Depend,
            format!(
                "{subject}: the dependencies would form a cycle: {}",
                cycle.join(" -> ")
            ),
        )
        .hint("remove one of the dependencies in the cycle"));
    }
    Ok(())
}

/// Check Network_resources_used of resource `name`: every entry is an existing
/// LogicalHostname or SharedAddress resource.
pub(super) fn check_network_resources(
    state: &ClusterState,
    name: &str,
    list: &[String],
) -> Result<()> {
    let subject = format!("resource {name}");
    for n in list {
        let Some(r) = state.resource(n) else {
            let context = format!("{subject}: {NETWORK_RESOURCES_USED}");
            return Err(missing_resource(state, n, Some(&context))
                .hint("name LogicalHostname or SharedAddress resources"));
        };
        let is_net = state.type_of(r).is_some_and(|t| t.is_network_address());
        if !is_net {
            return Err(prop_err(
                &subject,
                NETWORK_RESOURCES_USED,
                format!(
                    "{n} is a {} resource; only LogicalHostname and SharedAddress resources may be listed",
                    r.rtype
                ),
            ));
        }
    }
    Ok(())
}

/// Resources that depend on `name` (any kind, or through Network_resources_used).
pub(super) fn dependents(state: &ClusterState, name: &str) -> Vec<String> {
    state
        .resources
        .values()
        .filter(|r| {
            r.name != name
                && (r.dependencies.all().any(|(_, d)| d == name)
                    || matches!(r.properties.get(NETWORK_RESOURCES_USED),
                        Some(PropValue::List(l)) if l.iter().any(|d| d == name)))
        })
        .map(|r| r.name.to_string())
        .collect()
}

/// Check RG_dependencies group `name` will have.
pub(super) fn check_group_deps(state: &ClusterState, name: &str, deps: &[String]) -> Result<()> {
    let subject = format!("resource group {name}");
    let mut seen = HashSet::new();
    for d in deps {
        if d == name {
            return Err(ScError::new(
                ErrorCode::Depend,
                format!("{subject}: RG_dependencies: a resource group cannot depend on itself"),
            ));
        }
        if state.group(d).is_none() {
            let context = format!("{subject}: RG_dependencies");
            return Err(missing_group(state, d, Some(&context)));
        }
        if !seen.insert(d.as_str()) {
            return Err(prop_err(
                &subject,
                "RG_dependencies",
                format!("lists {d} twice"),
            ));
        }
    }
    if let Some(cycle) = find_cycle(name, deps.iter().map(String::as_str), |n| {
        state
            .group(n)
            .map(|g| g.rare.rg_dependencies.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }) {
        return Err(ScError::new(
            ErrorCode::Depend,
            format!(
                "{subject}: RG_dependencies would form a cycle: {}",
                cycle.join(" -> ")
            ),
        ));
    }
    Ok(())
}

/// Parse one RG_affinities entry: the shared syntax ([`crate::query::affinity::parse`])
/// around a legal group name.
pub(super) fn parse_affinity(entry: &str) -> Option<(AffKind, &str)> {
    crate::query::affinity::parse(entry).filter(|(_, rest)| super::names::is_legal_name(rest))
}

/// Check RG_affinities group `name` will have: syntax, existing groups, not itself, each
/// group at most once.
pub(super) fn check_affinities(state: &ClusterState, name: &str, entries: &[String]) -> Result<()> {
    let subject = format!("resource group {name}");
    let mut seen = HashSet::new();
    for e in entries {
        let Some((_, target)) = parse_affinity(e) else {
            return Err(prop_err(
                &subject,
                "RG_affinities",
                format!(
                    "entry \"{e}\" is not an affinity: write +RG (weak positive), ++RG (strong positive), +++RG (strong positive with failover delegation), -RG (weak negative) or --RG (strong negative)"
                ),
            ));
        };
        if target == name {
            return Err(prop_err(
                &subject,
                "RG_affinities",
                format!("entry \"{e}\": a resource group cannot have an affinity for itself"),
            ));
        }
        if state.group(target).is_none() {
            let context = format!("{subject}: RG_affinities");
            return Err(missing_group(state, target, Some(&context)));
        }
        if !seen.insert(target) {
            return Err(prop_err(
                &subject,
                "RG_affinities",
                format!("names {target} more than once"),
            ));
        }
    }
    Ok(())
}

/// Groups whose RG_dependencies or RG_affinities name `name`.
pub(super) fn group_dependents(state: &ClusterState, name: &str) -> Vec<String> {
    state
        .resource_groups
        .values()
        .filter(|g| {
            g.name != name
                && (g.rare.rg_dependencies.iter().any(|d| d == name)
                    || g.rare
                        .rg_affinities
                        .iter()
                        .any(|a| parse_affinity(a).is_some_and(|(_, t)| t == name)))
        })
        .map(|g| g.name.to_string())
        .collect()
}

/// A path `start -> … -> start` if following `edges` from `first` (the new edges of `start`)
/// reaches `start` again. `start`'s stored edges are never followed: `first` replaces them.
fn find_cycle<'a>(
    start: &'a str,
    first: impl Iterator<Item = &'a str>,
    edges: impl Fn(&str) -> Vec<&'a str>,
) -> Option<Vec<String>> {
    let mut parent: HashMap<&'a str, &'a str> = HashMap::new();
    let mut stack: Vec<&'a str> = Vec::new();
    for n in first {
        if !parent.contains_key(n) {
            parent.insert(n, start);
            stack.push(n);
        }
    }
    while let Some(n) = stack.pop() {
        if n == start {
            let mut path = vec![start.to_string()];
            let mut cur = parent[start];
            while cur != start {
                path.push(cur.to_string());
                cur = parent[cur];
            }
            path.push(start.to_string());
            path.reverse();
            return Some(path);
        }
        for m in edges(n) {
            if !parent.contains_key(m) {
                parent.insert(m, n);
                stack.push(m);
            }
        }
    }
    None
}

/// `a, b and 3 more`
pub(super) fn list_names(names: &[String]) -> String {
    join_some(names, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_affinity_names_a_legal_group() {
        assert_eq!(parse_affinity("+++a"), Some((AffKind::Delegate, "a")));
        for bad in ["+*a", "+-a", "--", "a"] {
            assert_eq!(parse_affinity(bad), None, "{bad}");
        }
    }

    #[test]
    fn cycles_are_found_with_their_path() {
        let graph: HashMap<&str, Vec<&str>> =
            HashMap::from([("b", vec!["c"]), ("c", vec!["a"]), ("d", vec![])]);
        let edges = |n: &str| graph.get(n).cloned().unwrap_or_default();
        let c = find_cycle("a", ["d", "b"].into_iter(), edges).unwrap();
        assert_eq!(c, vec!["a", "b", "c", "a"]);
        assert!(find_cycle("a", ["d"].into_iter(), edges).is_none());
        assert!(find_cycle("x", ["b"].into_iter(), edges).is_none());
    }
}
