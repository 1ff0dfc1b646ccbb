//! Load-time consistency check: the references between objects that every command relies on.
//!
//! scsim itself never writes a state that fails these checks; a file that does was edited by
//! hand (or by another tool). It is refused with its path and the broken reference, and since
//! every changing command loads before it writes, such a file is never rewritten.

use crate::error::{Result, ScError};
use crate::fasthash::FastSet;
use crate::model::ClusterState;
use std::path::Path;

/// How much a command relies on: a changing command needs every reference intact; a read
/// (scstat, listings) shows a resource whose type is missing as it is, so that check is left
/// to the commands that would write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Read,
    Write,
}

/// The first broken reference of `state`, if any, as a sentence.
pub fn first_problem(state: &ClusterState, level: Level) -> Option<String> {
    let mut nodes = FastSet::default();
    for n in &state.cluster.nodes {
        if !nodes.insert(n.name.as_str()) {
            return Some(format!("node {} is listed twice", n.name));
        }
    }
    for (name, g) in &state.resource_groups {
        for n in &g.nodelist {
            if !nodes.contains(n.as_str()) {
                return Some(format!(
                    "resource group {name}: Nodelist names node {n}, which is not a cluster node"
                ));
            }
        }
        for r in &g.resources {
            match state.resources.get(r) {
                None => {
                    return Some(format!(
                        "resource group {name}: Resource_list names resource {r}, which does not exist"
                    ));
                }
                Some(res) if res.group != name => {
                    return Some(format!(
                        "resource group {name}: Resource_list names resource {r}, which belongs to group {}",
                        res.group
                    ));
                }
                Some(_) => {}
            }
        }
    }
    for (name, r) in &state.resources {
        match state.resource_groups.get(&r.group) {
            None => {
                return Some(format!(
                    "resource {name}: its group {} does not exist",
                    r.group
                ));
            }
            Some(g) if !g.resources.iter().any(|x| x == name) => {
                return Some(format!(
                    "resource {name}: its group {} does not list it in Resource_list",
                    r.group
                ));
            }
            Some(_) => {}
        }
        if level == Level::Write && !state.resource_types.contains_key(r.rtype.as_str()) {
            return Some(format!(
                "resource {name}: its type {} is not registered",
                r.rtype
            ));
        }
    }
    for (name, t) in &state.resource_types {
        for n in t.installed_nodes.iter().flatten() {
            if !nodes.contains(n.as_str()) {
                return Some(format!(
                    "resource type {name}: Installed_nodes names node {n}, which is not a cluster node"
                ));
            }
        }
    }
    None
}

/// Refuse a state with a broken reference, naming the file.
pub fn check(state: &ClusterState, path: &Path, level: Level) -> Result<()> {
    match first_problem(state, level) {
        None => Ok(()),
        Some(p) => Err(ScError::internal(format!(
            "{}: inconsistent cluster state: {p}",
            path.display()
        ))
        .hint("the file was left untouched (was it edited by hand?); restore it from a backup or recreate it with `scsim init --force`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testkit;

    #[test]
    fn a_consistent_state_passes() {
        let s = testkit::seed(0);
        assert_eq!(first_problem(&s, Level::Write), None);
    }

    #[test]
    fn each_broken_reference_is_named() {
        let base = testkit::seed(0);
        let (rname, r) = base
            .resources
            .first()
            .map(|(k, v)| (k.clone(), v.clone()))
            .unwrap();
        let gname = r.group.clone();

        let mut s = base.clone();
        s.resources.get_mut(&rname).unwrap().group = "nope-rg".into();
        assert!(first_problem(&s, Level::Write).unwrap().contains("nope-rg"));

        let mut s = base.clone();
        s.resources.get_mut(&rname).unwrap().rtype = "NO.type".into();
        assert!(first_problem(&s, Level::Write).unwrap().contains("NO.type"));
        assert_eq!(first_problem(&s, Level::Read), None);

        let mut s = base.clone();
        s.resource_groups
            .get_mut(&gname)
            .unwrap()
            .nodelist
            .push("ghost".into());
        assert!(first_problem(&s, Level::Write).unwrap().contains("ghost"));

        let mut s = base.clone();
        s.resource_groups
            .get_mut(&gname)
            .unwrap()
            .resources
            .push("phantom".into());
        assert!(first_problem(&s, Level::Write).unwrap().contains("phantom"));

        let mut s = base.clone();
        s.resource_groups
            .get_mut(&gname)
            .unwrap()
            .resources
            .retain(|x| *x != rname);
        assert!(
            first_problem(&s, Level::Write)
                .unwrap()
                .contains("does not list it")
        );
    }
}
