//! Finding the objects a command names, with the errors scripts expect: groups (exit 12),
//! resources (14) and nodes (11). Node lists (`-h`, `Nodelist`, `-X`, `name@node` entries) name
//! nodes by name or id, must be cluster members and may not repeat; they are stored by name.

use crate::error::{ErrorCode, Result, ScError};
use crate::fix::{Fix, Hint};
use crate::model::{ClusterState, Method, Node, Resource, ResourceGroup};

/// The one "does not exist" error of a resource group (exit 12): `[CONTEXT: ]resource group
/// NAME does not exist`, with "did you mean" first when a group name is close. Callers add
/// their hints after it.
pub fn missing_group(state: &ClusterState, name: &str, context: Option<&str>) -> ScError {
    missing(
        ErrorCode::Rg,
        "resource group",
        name,
        context,
        state.resource_groups.keys().map(|k| k.as_str()),
    )
}

/// The one "does not exist" error of a resource (exit 14), as [`missing_group`].
pub fn missing_resource(state: &ClusterState, name: &str, context: Option<&str>) -> ScError {
    missing(
        ErrorCode::Rsrc,
        "resource",
        name,
        context,
        state.resources.keys().map(|k| k.as_str()),
    )
}

fn missing<'a>(
    code: ErrorCode,
    what: &str,
    name: &str,
    context: Option<&str>,
    names: impl IntoIterator<Item = &'a str>,
) -> ScError {
    let msg = match context {
        Some(c) => format!("{c}: {what} {name} does not exist"),
        None => format!("{what} {name} does not exist"),
    };
    ScError::new(code, msg)
        .kind(crate::error::Kind::NoEnt)
        .suggest(name, names)
}

/// The group `name`, or exit 12.
pub fn group<'a>(state: &'a ClusterState, name: &str) -> Result<&'a ResourceGroup> {
    state.group(name).ok_or_else(|| {
        missing_group(state, name, None).hint(Hint::lead(
            "list the resource groups with: ",
            Fix::ListConfiguration,
        ))
    })
}

/// The resource `name`, or exit 14.
pub fn resource<'a>(state: &'a ClusterState, name: &str) -> Result<&'a Resource> {
    state
        .resource(name)
        .ok_or_else(|| missing_resource(state, name, None).hint(list_resources()))
}

/// The cluster node named `name_or_id` (name, or numeric id), or an exit-11 error saying what
/// `context` needed it for and which nodes exist.
pub fn node<'a>(state: &'a ClusterState, name_or_id: &str, context: &str) -> Result<&'a Node> {
    state.cluster.resolve_node(name_or_id).ok_or_else(|| {
        ScError::new(
            ErrorCode::Node,
            format!(
                "{context}: {name_or_id} is not a cluster node (nodes: {})",
                cluster_nodes(state)
            ),
        )
        .kind(crate::error::Kind::NoEnt)
        .suggest(
            name_or_id,
            state.cluster.nodes.iter().map(|n| n.name.as_str()),
        )
    })
}

/// The node a command runs on: `requested` (from `SCSIM_NODE` or `scsim on NODE`, a name or
/// an id) when given, else the cluster member with the lowest node id, else (no member) the
/// node with the lowest id. An unknown requested node exits 11 with the nodes that exist.
pub fn local_node(state: &ClusterState, requested: Option<&str>) -> Result<String> {
    if let Some(n) = requested {
        return node(state, n, "the local node (SCSIM_NODE or scsim on NODE)")
            .map(|n| n.name.clone());
    }
    Ok(default_local_node(state))
}

/// The node a command of the cluster's command line runs on, as [`local_node`], and that node
/// must be up: a node that is down (crashed, halted, not yet booted) runs no command. Exit 11
/// (SCHA_ERR_NODE) naming the node, the members that could run it and how to boot it.
pub fn running_node(state: &ClusterState, requested: Option<&str>) -> Result<String> {
    let name = local_node(state, requested)?;
    if requested.is_none() || state.cluster.is_up(&name) {
        return Ok(name);
    }
    let members: Vec<String> = state.cluster.up_members();
    let e = ScError::new(
        ErrorCode::Node,
        format!(
            "the local node (SCSIM_NODE or scsim on NODE): {name} is down; a node that is not a cluster member runs no cluster command"
        ),
    );
    let e = match members.first() {
        Some(m) => e.hint(format!(
            "run it on a member ({}): scsim on {m} -- …",
            join_some(&members, 16)
        )),
        None => e.hint("no node is up"),
    };
    Err(e.hint(format!("or boot the node first: scsim node up {name}")))
}

/// The cluster member with the lowest node id, else the first node (no member is up).
pub fn default_local_node(state: &ClusterState) -> String {
    state
        .cluster
        .nodes
        .iter()
        .find(|n| n.up)
        .or_else(|| state.cluster.nodes.first())
        .map(|n| n.name.clone())
        .unwrap_or_default()
}

/// Resolve a node list to node names, in the order given. Unknown or repeated nodes exit 11.
pub fn resolve_nodes<T>(state: &ClusterState, list: &[String], context: &str) -> Result<Vec<T>>
where
    T: for<'a> From<&'a str> + AsRef<str>,
{
    let mut out: Vec<T> = Vec::with_capacity(list.len());
    for item in list {
        let n = node(state, item, context)?;
        if out.iter().any(|o| o.as_ref() == n.name) {
            return Err(ScError::new(
                ErrorCode::Node,
                format!("{context}: node {} is listed twice", n.name),
            )
            .hint(format!(
                "list each node once, in order of preference: {}",
                once_each(state, list).join(",")
            )));
        }
        out.push(T::from(n.name.as_str()));
    }
    Ok(out)
}

/// The names of `list` with repeats left out, first occurrence kept (for a hint).
fn once_each(state: &ClusterState, list: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in list {
        let name = state
            .cluster
            .resolve_node(item)
            .map_or_else(|| item.clone(), |n| n.name.clone());
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// `mail-1 (1), mail-2 (2)`, for messages.
pub fn cluster_nodes(state: &ClusterState) -> String {
    let names: Vec<String> = state
        .cluster
        .nodes
        .iter()
        .map(|n| format!("{} ({})", n.name, n.id))
        .collect();
    join_some(&names, 16)
}

/// Join names for a message, showing at most `max` of them (`a, b, c and 7 more`).
pub fn join_some<S: std::borrow::Borrow<str>>(names: &[S], max: usize) -> String {
    if names.len() <= max {
        return names.join(", ");
    }
    format!("{} and {} more", names[..max].join(", "), names.len() - max)
}

/// The name of the node given as `n` (name or id), or exit 11 naming the nodes; `what` is the
/// option as given, for the message.
pub fn node_name(state: &ClusterState, n: &str, what: &str) -> Result<String> {
    state
        .cluster
        .resolve_node(n)
        .map(|x| x.name.clone())
        .ok_or_else(|| {
            ScError::new(
                ErrorCode::Node,
                format!(
                    "{what}: {n} is not a cluster node (nodes: {})",
                    state.cluster.node_names().join(", ")
                ),
            )
            .suggest(n, state.cluster.nodes.iter().map(|x| x.name.as_str()))
        })
}

/// A resource named on the command line must exist (exit 14); `what` is the option as given
/// when the message should quote it.
pub fn known_resource(state: &ClusterState, r: &str, what: Option<&str>) -> Result<()> {
    if state.resources.contains_key(r) {
        return Ok(());
    }
    Err(missing_resource(state, r, what).hint(list_resources()))
}

fn list_resources() -> Hint {
    Hint::lead("list the resources with: ", Fix::ListConfiguration)
}

/// A method fault can only fire for a method the resource's type declares (exit 3 otherwise).
pub fn declared_method(state: &ClusterState, resource: &str, m: Method) -> Result<()> {
    let Some(r) = state.resources.get(resource) else {
        return Ok(());
    };
    let rt = state.resource_types.get(r.rtype.as_str());
    if rt.is_some_and(|t| t.has_method(m)) {
        return Ok(());
    }
    let declared: Vec<&str> = rt
        .map(|t| t.methods.keys().map(|m| m.rtr_name()).collect())
        .unwrap_or_default();
    Err(ScError::inval(format!(
        "type {} of resource {resource} declares no {} method (it declares {}); the RGM never calls it",
        r.rtype,
        m.rtr_name(),
        declared.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_running_node_exists_and_is_up() {
        let mut s = crate::engine::testkit::seed(1_700_000_000_000);
        assert_eq!(running_node(&s, Some("2")).unwrap(), "mail-2");
        let e = running_node(&s, Some("mial-2")).unwrap_err();
        assert_eq!(e.code, ErrorCode::Node);
        assert_eq!(e.kind, Some(crate::error::Kind::NoEnt));
        s.cluster.nodes[1].up = false;
        let e = running_node(&s, Some("mail-2")).unwrap_err();
        assert_eq!(e.code, ErrorCode::Node);
        assert!(e.message.contains("mail-2 is down"), "{}", e.message);
        assert_eq!(e.kind, None);
        // Without a requested node: the default, a member.
        assert_eq!(running_node(&s, None).unwrap(), "mail-1");
        s.cluster.nodes[0].up = false;
        assert_eq!(running_node(&s, None).unwrap(), "mail-1");
    }
}
