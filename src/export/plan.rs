//! What recreates a cluster, independent of how a release spells it: the steps of an export in
//! the order they must run (types, groups, resources, then the references between them once
//! everything they name exists, then membership, switches and placement). The spellers in
//! `commands` turn each [`Op`] into command lines.

use crate::model::{ClusterState, Name, PropValue, RState, ResourceGroup, RgMode};
use crate::query::effective;

/// Standard resource properties that name other resources: set after every resource exists.
const REFERENCES: [&str; 1] = ["Network_resources_used"];

/// Extension properties the network-address commands take as options (`-h`, `-N`, `-X`).
pub(super) const HOSTNAME_LIST: &str = "HostnameList";
pub(super) const NETIF_LIST: &str = "NetIfList";
pub(super) const AUXNODE_LIST: &str = "AuxNodeList";

/// A property setting: name and value as the command line spells it.
pub(super) type Prop = (String, String);

/// The kind of network address a resource is (it has its own create command in the object CLI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Net {
    Logical,
    Shared,
}

/// One step of an export.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
    /// A `# …` heading before the steps that follow.
    Section(&'static str),
    RegisterType {
        name: String,
        file: Option<String>,
        nodes: Option<Vec<String>>,
    },
    /// RT_system=TRUE on a registered type.
    SystemType(String),
    CreateGroup {
        name: String,
        nodes: Vec<String>,
        scalable: bool,
        props: Vec<Prop>,
    },
    /// A new resource, disabled (the switches come later).
    CreateResource {
        name: String,
        group: String,
        rtype: String,
        net: Option<Net>,
        standard: Vec<Prop>,
        extension: Vec<Prop>,
    },
    SetGroup {
        name: String,
        props: Vec<Prop>,
    },
    SetResource {
        name: String,
        props: Vec<Prop>,
    },
    NodeDown(String),
    Manage(String),
    Enable(String),
    /// Per-node switches (3.2): off on these nodes although on cluster-wide.
    DisableOn(String, Vec<String>),
    Unmonitor(String),
    UnmonitorOn(String, Vec<String>),
    /// Bring a managed group online on these nodes.
    Place(String, Vec<String>),
    /// Suspend automatic recovery.
    Suspend(String),
    /// A note: something the commands do not recreate.
    Note(&'static str),
}

impl Op {
    /// The step needs a 3.2 cluster (per-node switches, suspend, 3.2-only properties).
    pub(super) fn needs_32(&self) -> bool {
        let props32 = |p: &[Prop]| {
            p.iter()
                .any(|(n, _)| crate::model::props::is_32_property(n))
        };
        match self {
            Op::DisableOn(..) | Op::UnmonitorOn(..) | Op::Suspend(_) => true,
            Op::SetResource { props, .. } => props32(props),
            Op::CreateResource {
                standard,
                extension,
                ..
            } => props32(standard) || extension.iter().any(|(n, _)| n.contains('{')),
            _ => false,
        }
    }
}

/// A value as the command line spells it: `TRUE`/`FALSE`, lists comma-separated.
pub(super) fn cli_value(v: &PropValue) -> String {
    match v {
        PropValue::Bool(true) => "TRUE".into(),
        PropValue::Bool(false) => "FALSE".into(),
        PropValue::Int(i) => i.to_string(),
        PropValue::Str(s) => s.clone(),
        PropValue::List(l) => l.join(","),
    }
}

/// Every step that recreates `state`.
pub(super) fn plan(state: &ClusterState) -> Vec<Op> {
    let mut ops = Vec::new();
    types(state, &mut ops);
    groups(state, &mut ops);
    resources(state, &mut ops);
    switches(state, &mut ops);
    let late = references(state, &mut ops);
    runtime(state, &mut ops);
    if !late.is_empty() {
        ops.push(Op::Section(
            "dependencies and affinities unmet where their groups run (set before the groups came online, they would hold them back)",
        ));
        ops.extend(late);
    }
    ops
}

/// A group is online although a group it must follow (`++` affinity) is not online on one of
/// its nodes, or a group it depends on is online nowhere: its RG_affinities and
/// RG_dependencies were set after it came online, and are set after placement again.
fn group_unmet_while_online(state: &ClusterState, g: &ResourceGroup) -> bool {
    let on = g.primaries();
    if on.is_empty() {
        return false;
    }
    let mastered = |name: &str, node: &str| {
        state
            .resource_groups
            .get(name)
            .is_some_and(|o| o.state_on(node).is_mastered())
    };
    let affinity = g.rare.rg_affinities.iter().any(|a| {
        a.strip_prefix("++")
            .map(|t| t.trim_start_matches('+'))
            .is_some_and(|t| on.iter().any(|n| !mastered(t, n)))
    });
    let dependency = g.rare.rg_dependencies.iter().any(|d| {
        state
            .resource_groups
            .get(d)
            .is_some_and(|o| o.primaries().is_empty())
    });
    affinity || dependency
}

/// A resource runs although a resource it depends on (strong, restart, offline-restart) runs
/// nowhere: the dependency was set after it started, and is set after placement again.
fn unmet_while_running(state: &ClusterState, r: &crate::model::Resource) -> bool {
    let running = r.state.values().any(|s| s.state.is_running());
    running
        && r.dependencies.hard().any(|d| {
            let bare = d.split('{').next().unwrap_or(d);
            state
                .resources
                .get(bare)
                .is_some_and(|x| !x.state.values().any(|s| s.state.is_running()))
        })
}

/// The enable switches, while every group is still unmanaged (nothing starts) and before
/// the dependencies exist: a resource may be enabled although a resource it depends on is
/// not (the dependency was set later), which enabling it after the dependency would refuse.
/// The per-node disables (3.2) come with them, for the same reason: a resource may be off on
/// a node where a resource depending on it is on (it was switched off before the dependency
/// was set), which disabling it there after the dependency would refuse.
fn switches(state: &ClusterState, ops: &mut Vec<Op>) {
    let enabled = || state.resources.values().filter(|r| r.enabled);
    let on: Vec<Op> = enabled()
        .map(|r| Op::Enable(r.name.to_string()))
        .chain(
            enabled()
                .filter(|r| !r.extras.disabled_on.is_empty())
                .map(|r| {
                    Op::DisableOn(
                        r.name.to_string(),
                        r.extras.disabled_on.iter().cloned().collect(),
                    )
                }),
        )
        .collect();
    if !on.is_empty() {
        ops.push(Op::Section(
            "enabled resources (every group is unmanaged still: nothing starts)",
        ));
        ops.extend(on);
    }
}

fn types(state: &ClusterState, ops: &mut Vec<Op>) {
    let registered: Vec<_> = state
        .resource_types
        .values()
        .filter(|t| !(t.rt_system && t.source == "builtin" && t.is_network_address()))
        .collect();
    if registered.is_empty() {
        return;
    }
    ops.push(Op::Section("resource types"));
    for t in registered {
        let builtin = t.source == "builtin";
        // A built-in type by its name without version: registering it gives the version of
        // the cluster's release.
        let name = if builtin {
            t.name.split(':').next().unwrap_or(&t.name).to_string()
        } else {
            t.name.clone()
        };
        ops.push(Op::RegisterType {
            name: name.clone(),
            file: (!builtin).then(|| t.source.clone()),
            nodes: t.installed_nodes.clone(),
        });
        if t.rt_system {
            ops.push(Op::SystemType(name));
        }
    }
}

/// Group properties that differ from a new group's, except those set in the second pass.
fn group_props(g: &ResourceGroup, later: bool) -> Vec<Prop> {
    let fresh = ResourceGroup::new(&g.name, g.nodelist.clone());
    let mut out = Vec::new();
    for def in crate::model::props::rg_properties() {
        let name = def.name;
        let deferred = matches!(name, "RG_dependencies" | "RG_affinities");
        if def.query_only || matches!(name, "Nodelist" | "RG_name" | "RG_mode") || deferred != later
        {
            continue;
        }
        let (Some(v), Some(d)) = (
            effective::group_value(g, name),
            effective::group_value(&fresh, name),
        ) else {
            continue;
        };
        if v != d {
            out.push((name.to_string(), cli_value(&v)));
        }
    }
    out
}

fn groups(state: &ClusterState, ops: &mut Vec<Op>) {
    if state.resource_groups.is_empty() {
        return;
    }
    ops.push(Op::Section("resource groups"));
    for g in state.resource_groups.values() {
        let scalable = g.mode == RgMode::Scalable;
        let mut props = group_props(g, false);
        if scalable {
            // Said outright: `clrg create -S` would otherwise size them to the Nodelist.
            for (name, n) in [
                ("Maximum_primaries", g.maximum_primaries),
                ("Desired_primaries", g.desired_primaries),
            ] {
                if !props.iter().any(|(p, _)| p == name) {
                    props.push((name.to_string(), n.to_string()));
                }
            }
        }
        ops.push(Op::CreateGroup {
            name: g.name.to_string(),
            nodes: g.nodelist.iter().map(Name::to_string).collect(),
            scalable,
            props,
        });
    }
}

/// A property naming other resources that must wait for the second pass: it names a
/// resource created after this one. One naming only earlier resources is set at creation
/// (Network_resources_used is AT_CREATION for some types, so it has to be when it can be).
fn is_deferred(state: &ClusterState, r: &str, name: &str, v: &PropValue) -> bool {
    if !REFERENCES.iter().any(|x| x.eq_ignore_ascii_case(name)) {
        return false;
    }
    let at = |n: &str| state.resources.get_index_of(n);
    let me = at(r);
    let PropValue::List(names) = v else {
        return false;
    };
    names.iter().any(|n| at(n) >= me)
}

fn resources(state: &ClusterState, ops: &mut Vec<Op>) {
    if state.resources.is_empty() {
        return;
    }
    ops.push(Op::Section("resources (created disabled)"));
    for r in state.resources.values() {
        let mut standard: Vec<Prop> = r
            .properties
            .iter()
            .filter(|(k, v)| !is_deferred(state, &r.name, k, v))
            .map(|(k, v)| (k.to_string(), cli_value(v)))
            .collect();
        if !r.description.is_empty() {
            standard.push(("R_description".into(), r.description.to_string()));
        }
        let net = state.type_of(r).and_then(|t| {
            if t.is_logical_hostname {
                Some(Net::Logical)
            } else if t.is_shared_address {
                Some(Net::Shared)
            } else {
                None
            }
        });
        ops.push(Op::CreateResource {
            name: r.name.to_string(),
            group: r.group.to_string(),
            rtype: type_name(state, &r.rtype),
            net,
            standard,
            extension: r
                .extension
                .iter()
                .map(|(k, v)| (k.to_string(), cli_value(v)))
                .chain(r.extras.per_node.iter().flat_map(|(k, nodes)| {
                    // 3.2 per-node values: `NAME{node}=value`.
                    nodes
                        .iter()
                        .map(move |(n, v)| (format!("{k}{{{n}}}"), cli_value(v)))
                }))
                .collect(),
        });
    }
}

/// How a resource names its type: a built-in type by its name without version when no other
/// registered type shares it (so the script replays on any release), any other by full name.
fn type_name(state: &ClusterState, full: &str) -> String {
    let base = full.split(':').next().unwrap_or(full);
    let builtin = state
        .resource_types
        .get(full)
        .is_some_and(|t| t.source == "builtin");
    let shared = state
        .resource_types
        .keys()
        .filter(|k| k.split(':').next() == Some(base))
        .count();
    if builtin && shared == 1 {
        base.to_string()
    } else {
        full.to_string()
    }
}

/// The second pass; returns the dependencies to set only after placement.
fn references(state: &ClusterState, ops: &mut Vec<Op>) -> Vec<Op> {
    let mut later = Vec::new();
    let mut late = Vec::new();
    for g in state.resource_groups.values() {
        let props = group_props(g, true);
        if props.is_empty() {
            continue;
        }
        let op = Op::SetGroup {
            name: g.name.to_string(),
            props,
        };
        if group_unmet_while_online(state, g) {
            late.push(op);
        } else {
            later.push(op);
        }
    }
    for r in state.resources.values() {
        let mut props: Vec<Prop> = r
            .properties
            .iter()
            .filter(|(k, v)| is_deferred(state, &r.name, k, v))
            .map(|(k, v)| (k.to_string(), cli_value(v)))
            .collect();
        let mut deps = Vec::new();
        for kind in crate::model::DepKind::ALL {
            let list = r.dependencies.get(kind);
            if !list.is_empty() && !props.iter().any(|(n, _)| n == kind.property()) {
                deps.push((kind.property().to_string(), list.join(",")));
            }
        }
        if unmet_while_running(state, r) {
            late.push(Op::SetResource {
                name: r.name.to_string(),
                props: deps,
            });
        } else {
            props.extend(deps);
        }
        if !props.is_empty() {
            later.push(Op::SetResource {
                name: r.name.to_string(),
                props,
            });
        }
    }
    if !later.is_empty() {
        ops.push(Op::Section(
            "dependencies, affinities and network resources (everything they name exists now)",
        ));
        ops.extend(later);
    }
    late
}

/// `scsim node down` for the nodes that are not members, in node order, leaving out those the
/// cluster takes down itself when the nodes before them leave it without quorum.
fn down_nodes(state: &ClusterState) -> Vec<Op> {
    let c = &state.cluster;
    let votes = |members: &[&str]| -> u32 {
        let nodes: u32 = c
            .nodes
            .iter()
            .filter(|n| members.contains(&n.name.as_str()))
            .map(|n| n.votes)
            .sum();
        let devices: u32 = c
            .quorum_devices
            .iter()
            .filter(|q| q.nodes.iter().any(|n| members.contains(&n.as_str())))
            .map(|q| q.votes)
            .sum();
        nodes + devices
    };
    let all: Vec<&str> = c.nodes.iter().map(|n| n.name.as_str()).collect();
    let total = votes(&all);
    let mut members = all;
    let mut ops = Vec::new();
    for n in c.nodes.iter().filter(|n| !n.up) {
        if !members.contains(&n.name.as_str()) {
            continue;
        }
        ops.push(Op::NodeDown(n.name.clone()));
        members.retain(|m| *m != n.name);
        if votes(&members) * 2 <= total {
            members.clear();
        }
    }
    ops
}

/// The groups to bring online, each after the groups it follows (`++` affinity) or depends
/// on (RG_dependencies): switching a group to a node where a group it follows is not online
/// yet is refused. Otherwise in the state's order; a cycle keeps that order.
fn placement_order<'s>(groups: &[&'s ResourceGroup]) -> Vec<&'s ResourceGroup> {
    let before = |g: &ResourceGroup, other: &str| {
        g.rare.rg_dependencies.iter().any(|d| d == other)
            || g.rare.rg_affinities.iter().any(|a| {
                crate::engine::index::parse_affinity(a)
                    .is_some_and(|(kind, t)| kind.strong_positive() && t == other)
            })
    };
    let mut left: Vec<&ResourceGroup> = groups.to_vec();
    let mut out = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let ready = left
            .iter()
            .position(|g| !left.iter().any(|o| o.name != g.name && before(g, &o.name)))
            .unwrap_or(0);
        out.push(left.remove(ready));
    }
    out
}

fn runtime(state: &ClusterState, ops: &mut Vec<Op>) {
    let mut steps = down_nodes(state);
    let managed: Vec<&ResourceGroup> = state
        .resource_groups
        .values()
        .filter(|g| g.managed)
        .collect();
    steps.extend(managed.iter().map(|g| Op::Manage(g.name.to_string())));
    for r in state.resources.values() {
        if !r.monitored {
            steps.push(Op::Unmonitor(r.name.to_string()));
        } else if !r.extras.unmonitored_on.is_empty() {
            steps.push(Op::UnmonitorOn(
                r.name.to_string(),
                r.extras.unmonitored_on.iter().cloned().collect(),
            ));
        }
    }
    for g in placement_order(&managed) {
        let on = g.primaries();
        if !on.is_empty() {
            let on = on.iter().map(Name::to_string).collect();
            steps.push(Op::Place(g.name.to_string(), on));
        }
    }
    steps.extend(
        state
            .resource_groups
            .values()
            .filter(|g| g.suspend_automatic_recovery)
            .map(|g| Op::Suspend(g.name.to_string())),
    );
    let failed = state.resources.values().any(|r| {
        r.state.values().any(|st| {
            !matches!(
                st.state,
                RState::Online | RState::Offline | RState::OnlineNotMonitored
            )
        })
    });
    if failed {
        steps.push(Op::Note(
            "some resources are in a failed state; the commands above do not recreate failures",
        ));
    }
    if !steps.is_empty() {
        ops.push(Op::Section("membership, switches and placement"));
        ops.extend(steps);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testkit;

    #[test]
    fn nodes_the_cluster_takes_down_itself_get_no_line() {
        let mut s = testkit::cluster(&["n1", "n2", "n3"], 0);
        s.cluster.quorum_devices.clear();
        for n in &mut s.cluster.nodes {
            n.up = false;
        }
        // Two of three votes gone: n3 loses quorum and halts on its own.
        assert_eq!(
            down_nodes(&s),
            [Op::NodeDown("n1".into()), Op::NodeDown("n2".into())]
        );
        s.cluster.nodes[2].up = true;
        s.cluster.nodes[0].up = true;
        assert_eq!(down_nodes(&s), [Op::NodeDown("n2".into())]);
    }

    #[test]
    fn network_resources_used_is_set_at_creation_when_it_names_earlier_resources() {
        let mut s = testkit::cluster(&["n1", "n2"], 0);
        testkit::add_group(&mut s, "g", &["n1", "n2"]);
        testkit::add_resource(&mut s, "lh", "lh", "g", &[]);
        testkit::add_resource(&mut s, "app", "gds", "g", &[]);
        testkit::add_resource(&mut s, "lh2", "lh", "g", &[]);
        let nru = |v: &[&str]| PropValue::List(v.iter().map(|x| x.to_string()).collect());
        let name = "Network_resources_used";
        assert!(!is_deferred(&s, "app", name, &nru(&["lh"])));
        assert!(is_deferred(&s, "app", name, &nru(&["lh", "lh2"])));
        assert!(!is_deferred(&s, "app", "Retry_count", &PropValue::Int(2)));
    }

    #[test]
    fn groups_are_placed_after_those_they_follow_or_depend_on() {
        let mut s = testkit::cluster(&["n1", "n2"], 0);
        testkit::add_group(&mut s, "a", &["n1", "n2"])
            .rare
            .rg_affinities = vec!["++c".into()];
        testkit::add_group(&mut s, "b", &["n1", "n2"])
            .rare
            .rg_dependencies = vec!["a".into()];
        testkit::add_group(&mut s, "c", &["n1", "n2"]);
        let groups: Vec<&ResourceGroup> = s.resource_groups.values().collect();
        let names = |v: Vec<&ResourceGroup>| v.iter().map(|g| g.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(placement_order(&groups)), ["c", "a", "b"]);
        // A cycle keeps the state's order.
        s.resource_groups.get_mut("c").unwrap().rare.rg_dependencies = vec!["b".into()];
        let groups: Vec<&ResourceGroup> = s.resource_groups.values().collect();
        assert_eq!(names(placement_order(&groups)), ["a", "b", "c"]);
    }

    #[test]
    fn enables_come_before_the_dependencies() {
        let mut s = testkit::cluster(&["n1", "n2"], 0);
        testkit::add_group(&mut s, "g", &["n1", "n2"]);
        testkit::add_resource(&mut s, "db", "gds", "g", &[]).enabled = false;
        testkit::add_resource(&mut s, "app", "gds", "g", &["db"]);
        let ops = plan(&s);
        let at = |f: &dyn Fn(&Op) -> bool| ops.iter().position(f).unwrap();
        let enable = at(&|o| *o == Op::Enable("app".into()));
        let deps = at(&|o| matches!(o, Op::SetResource { name, .. } if name == "app"));
        assert!(enable < deps, "{ops:?}");
        assert!(!ops.contains(&Op::Enable("db".into())));
    }
}
