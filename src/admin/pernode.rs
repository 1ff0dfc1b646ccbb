//! Per-node values of extension properties (Sun Cluster 3.2): `-p NAME{node}=value`,
//! `-x "NAME{node1,node2}=value"`. Only extension properties the type declares PER_NODE take
//! them; a node without its own value takes the cluster-wide one (or the declared default), and
//! setting the property without `{…}` sets it on every node (the per-node values go).

use super::catalog;
use super::setprop::check_settable;
use super::values::{parse_value, prop_err};
use super::{PropArg, lookup};
use crate::error::Result;
use crate::fix::{Fix, Hint};
use crate::model::{ClusterState, ParamDecl, Resource, ResourceGroup, ResourceType};

/// `NAME{a,b}` → (`NAME`, [`a`, `b`]); `None` when the name has no node specifier.
pub(super) fn split_spec(name: &str) -> Option<(&str, Vec<String>)> {
    let (base, rest) = name.split_once('{')?;
    let inner = rest.strip_suffix('}').unwrap_or(rest);
    let nodes = inner
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some((base.trim(), nodes))
}

/// Apply one `NAME{nodes}=value` argument to `r`. `seen` holds the `NAME{node}` keys set by
/// earlier arguments of the same command.
pub(super) fn set(
    state: &ClusterState,
    rt: &ResourceType,
    r: &mut Resource,
    p: &PropArg,
    old: Option<&Resource>,
    seen: &mut Vec<String>,
) -> Result<()> {
    let subject = format!("resource {}", r.name);
    let release = state.cluster.release;
    let Some((base, nodes)) = split_spec(&p.name) else {
        return Ok(());
    };
    if !release.has_32_features() {
        return Err(prop_err(
            &subject,
            &p.name,
            format!(
                "per-node values (NAME{{node}}=value) came with Sun Cluster 3.2 and this cluster runs {}: one value holds on every node",
                release.product()
            ),
        )
        .hint(format!(
            "set one value for all nodes: -x {base}={}; a cluster made with scsim init --release 3.2 takes per-node values",
            p.value
        )));
    }
    if !p.name.ends_with('}') || nodes.is_empty() {
        return Err(prop_err(
            &subject,
            &p.name,
            "a node specifier is a node list in braces after the name: NAME{node}=value or NAME{node1,node2}=value",
        ));
    }
    let Some(decl) = catalog::param(rt, base) else {
        let bare = PropArg {
            name: base.to_string(),
            ..p.clone()
        };
        return Err(super::resources::unknown_property(rt, &subject, &bare));
    };
    check_per_node(&subject, rt, r, &decl, &nodes)?;
    if !decl.extension || (!p.extension && !p.either) {
        return Err(prop_err(
            &subject,
            &decl.name,
            "is an extension property: give per-node values with -p or -x",
        ));
    }
    check_settable(&subject, &decl, r, old)?;
    let v = parse_value(&subject, &decl, &p.value)?;
    let nodelist = state
        .group(&r.group)
        .map(|g| g.nodelist.clone())
        .unwrap_or_default();
    let mut names: Vec<String> = Vec::new();
    for n in &nodes {
        let node = lookup::node(state, n, &format!("{subject}: property {}", p.name))?;
        if !nodelist.iter().any(|x| *x == node.name) {
            return Err(prop_err(
                &subject,
                &p.name,
                format!(
                    "{} is not in the Nodelist of resource group {} ({}): a per-node value is for a node the resource can run on",
                    node.name,
                    r.group,
                    nodelist.join(", ")
                ),
            ));
        }
        let key = format!("{}{{{}}}", decl.name, node.name);
        if seen.contains(&key) || names.contains(&node.name) {
            return Err(prop_err(&subject, &key, "is given twice"));
        }
        names.push(node.name.clone());
    }
    let values = r.extras.per_node.entry(decl.name.clone()).or_default();
    for n in names {
        seen.push(format!("{}{{{n}}}", decl.name));
        values.insert(n, v.clone());
    }
    Ok(())
}

/// Only extension properties declared PER_NODE take `{node}` values; On_off_switch and
/// Monitored_switch are per node too, but through their own verbs.
fn check_per_node(
    subject: &str,
    rt: &ResourceType,
    r: &Resource,
    decl: &ParamDecl,
    nodes: &[String],
) -> Result<()> {
    if decl.per_node {
        return Ok(());
    }
    let switch = match decl.name.as_str() {
        "On_off_switch" => Some(false),
        "Monitored_switch" => Some(true),
        _ => None,
    };
    if let Some(monitor) = switch {
        return Err(prop_err(
            subject,
            &decl.name,
            "is switched per node with its own commands, not set with {node}",
        )
        .hint(Hint::lead(
            "for example: ",
            Fix::SwitchResource {
                r: r.name.to_string(),
                on: false,
                monitor,
                nodes: nodes.to_vec(),
            },
        )));
    }
    let per_node: Vec<String> = catalog::all_params(rt)
        .into_iter()
        .filter(|d| d.per_node)
        .map(|d| d.name)
        .collect();
    let (kind, which) = if decl.extension {
        (
            "extension",
            format!("type {} does not declare it PER_NODE", rt.name),
        )
    } else {
        ("standard", "standard properties have one value".to_string())
    };
    let others = if per_node.is_empty() {
        format!("type {} has no per-node properties", rt.name)
    } else {
        format!(
            "per-node properties of {}: {}",
            rt.name,
            per_node.join(", ")
        )
    };
    Err(prop_err(
        subject,
        &decl.name,
        format!("is not a per-node property ({which}); it takes one value on every node ({kind} property; {others})"),
    )
    .hint(Hint::lead(
        "set it for every node: ",
        Fix::SetResourceProperty {
            r: r.name.to_string(),
            prop: decl.name.clone(),
            value: "VALUE".into(),
            extension: decl.extension,
        },
    )))
}

/// The per-node values that a group's new Nodelist leaves without a node: `(resource,
/// property, node)` of every value set for a node that is no longer in `g.nodelist`.
pub(super) fn left_behind<'a>(
    state: &'a ClusterState,
    g: &'a ResourceGroup,
) -> Vec<(&'a str, &'a str, &'a str)> {
    let mut out = Vec::new();
    for r in g.resources.iter().filter_map(|r| state.resources.get(r)) {
        for (prop, values) in &r.extras.per_node {
            for n in values
                .keys()
                .filter(|n| !g.nodelist.iter().any(|x| x == *n))
            {
                out.push((r.name.as_str(), prop.as_str(), n.as_str()));
            }
        }
    }
    out
}

/// Drop the per-node values of nodes that left group `g`'s Nodelist (a node that comes back
/// takes the cluster-wide value until it is given its own again).
pub(super) fn forget_left_nodes(state: &mut ClusterState, g: &ResourceGroup) {
    for name in &g.resources {
        // Through `&` first: a resource without per-node values keeps its extras unallocated.
        if let Some(r) = state.resources.get_mut(name)
            && !r.extras.per_node.is_empty()
        {
            for values in r.extras.per_node.values_mut() {
                values.retain(|n, _| g.nodelist.iter().any(|x| x == n));
            }
            r.extras.per_node.retain(|_, v| !v.is_empty());
        }
    }
}

/// Drop the per-node values of properties that `target` (a type version a resource moves
/// to) does not declare PER_NODE; returns their names.
pub(super) fn forget_undeclared(r: &mut Resource, target: &ResourceType) -> Vec<String> {
    let mut dropped = Vec::new();
    if r.extras.per_node.is_empty() {
        return dropped;
    }
    r.extras.per_node.retain(|k, _| {
        let keep = target.param(k).is_some_and(|d| d.extension && d.per_node);
        if !keep {
            dropped.push(k.clone());
        }
        keep
    });
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_specifiers() {
        assert_eq!(split_spec("Port"), None);
        assert_eq!(
            split_spec("Port{a, b}"),
            Some(("Port", vec!["a".to_string(), "b".to_string()]))
        );
        assert_eq!(split_spec("Port{}"), Some(("Port", vec![])));
    }
}
