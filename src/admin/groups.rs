//! Resource groups: `scrgadm -a -g`, `-c -g`, `-r -g`, and the rg_properties(5) rules
//! (reference §5.1): Nodelist nodes exist; a Failover group has Maximum_primaries =
//! Desired_primaries = 1; Desired_primaries ≤ Maximum_primaries ≤ size of the Nodelist;
//! RG_mode is set only at creation; RG_dependencies and RG_affinities name existing groups and
//! form no cycle; RG_system protects the group from changes and removal.

use super::deps::{self, check_affinities, check_group_deps, group_dependents};
use super::lookup::{group as find_group, resolve_nodes};
use super::names::{check_new_name, join_some};
use super::values::{check_legal, parse_bool, prop_err, split_array};
use super::{Change, Plan, PropArg, catalog};
use crate::error::{ErrorCode, Result, ScError};
use crate::fix::{Fix, Hint};
use crate::model::{ClusterState, Name, ResourceGroup, RgMode, props};

/// `-a -g RG [-h nodes] [-y …]`
pub(super) fn create(
    state: &ClusterState,
    name: &str,
    nodelist: Option<&[String]>,
    props: &[PropArg],
) -> Result<Plan> {
    check_new_name("resource group", name, ErrorCode::Rg)?;
    if state.group(name).is_some() {
        return Err(ScError::new(
            ErrorCode::Rg,
            format!("resource group {name} already exists"),
        )
        .kind(crate::error::Kind::Exists)
        .hint(Hint::lead(
            "see it with: ",
            Fix::ShowGroup {
                g: name.to_string(),
            },
        )));
    }
    let nodes = match nodelist {
        Some(list) => resolve_nodes(state, list, &format!("Nodelist of {name}"))?,
        None => state
            .cluster
            .nodes
            .iter()
            .map(|n| Name::from(n.name.as_str()))
            .collect(),
    };
    let mut g = ResourceGroup::new(name, nodes);
    let set = set_props(state, &mut g, props, true, nodelist.is_some())?;
    g.mode = match set.mode {
        Some(m) => m,
        None if g.maximum_primaries > 1 || g.desired_primaries > 1 => RgMode::Scalable,
        None => RgMode::Failover,
    };
    check_group(state, &g, None)?;
    Ok(Plan::new(Change::CreateGroup(g)))
}

/// `-c -g RG [-h nodes] [-y …]`
pub(super) fn change(
    state: &ClusterState,
    name: &str,
    nodelist: Option<&[String]>,
    props: &[PropArg],
) -> Result<Plan> {
    let current = find_group(state, name)?;
    let mut g = current.clone();
    if let Some(list) = nodelist {
        g.nodelist = resolve_nodes(state, list, &format!("Nodelist of {name}"))?;
    }
    let set = set_props(state, &mut g, props, false, nodelist.is_some())?;
    if current.rg_system && set.rg_system != Some(false) {
        return Err(ScError::new(
            ErrorCode::Rg,
            format!(
                "resource group {name} is a system group (RG_system=TRUE) and cannot be changed"
            ),
        )
        .hint(Hint::lead(
            "clear the flag in the same command or first: ",
            Fix::SetGroupProperty {
                g: name.to_string(),
                prop: "RG_system".into(),
                value: "FALSE".into(),
            },
        )));
    }
    check_group(state, &g, Some(current))?;
    // Per-node records of nodes that left the Nodelist go with them.
    let nodes = g.nodelist.clone();
    g.state.retain(|n, _| nodes.iter().any(|x| x == n));
    if !g.rare.start_failures.is_empty() {
        g.rare
            .start_failures
            .retain(|n, _| nodes.iter().any(|x| x == n));
    }
    let mut plan = Plan::new(Change::ChangeGroup(g));
    if let Change::ChangeGroup(g) = &plan.change {
        for (r, prop, node) in super::pernode::left_behind(state, g) {
            plan.warnings.push(format!(
                "resource {r}: the value of {prop}{{{node}}} is dropped: {node} leaves the Nodelist of {name}"
            ));
        }
    }
    Ok(plan)
}

/// `-r -g RG`
pub(super) fn remove(state: &ClusterState, name: &str) -> Result<Plan> {
    let g = find_group(state, name)?;
    if g.rg_system {
        return Err(ScError::new(
            ErrorCode::Rg,
            format!(
                "resource group {name} is a system group (RG_system=TRUE) and cannot be removed"
            ),
        )
        .hint(Fix::SetGroupProperty {
            g: name.to_string(),
            prop: "RG_system".into(),
            value: "FALSE".into(),
        }));
    }
    if let Some(first) = g.resources.first() {
        return Err(ScError::new(
            ErrorCode::Rg,
            format!(
                "resource group {name} is not empty: it contains {} resource{} ({})",
                g.resources.len(),
                if g.resources.len() == 1 { "" } else { "s" },
                join_some(&g.resources, 10)
            ),
        )
        .kind(crate::error::Kind::Busy)
        .hint(
            Hint::lead(
                "disable and remove its resources first, e.g. ",
                Fix::DisableResource {
                    r: first.to_string(),
                },
            )
            .text(" then ")
            .fix(Fix::RemoveResource {
                r: first.to_string(),
            }),
        ));
    }
    let primaries = g.primaries();
    if g.managed && !primaries.is_empty() {
        return Err(ScError::new(
            ErrorCode::State,
            format!(
                "resource group {name} is online on {}",
                primaries.join(", ")
            ),
        )
        .hint(
            Hint::lead(
                "take it offline and unmanage it first: ",
                Fix::OfflineGroup {
                    g: name.to_string(),
                },
            )
            .text(" then ")
            .fix(Fix::UnmanageGroup {
                g: name.to_string(),
            }),
        ));
    }
    let users = group_dependents(state, name);
    if let Some(first) = users.first() {
        return Err(ScError::new(
            ErrorCode::Depend,
            format!(
                "resource group {name} is named in the RG_dependencies or RG_affinities of {}",
                deps::list_names(&users)
            ),
        )
        .hint(Hint::lead(
            "remove it from those lists first, e.g. ",
            Fix::SetGroupProperty {
                g: first.to_string(),
                prop: "RG_dependencies".into(),
                value: "…".into(),
            },
        )));
    }
    Ok(Plan::new(Change::RemoveGroup(name.to_string())))
}

/// What `-y` set that needs more than a field assignment.
#[derive(Default)]
struct SetProps {
    mode: Option<RgMode>,
    rg_system: Option<bool>,
}

/// Apply `-y` properties to `g` (syntax and per-value checks only; cross-property and
/// cross-object rules are in [`check_group`]).
fn set_props(
    state: &ClusterState,
    g: &mut ResourceGroup,
    args: &[PropArg],
    creating: bool,
    nodelist_given: bool,
) -> Result<SetProps> {
    let subject = format!("resource group {}", g.name);
    let mut out = SetProps::default();
    let mut seen: Vec<&'static str> = Vec::new();
    for p in args {
        if p.extension && !p.either {
            return Err(ScError::inval(format!(
                "{}: resource groups have no extension properties; set group properties with -y",
                p.as_written()
            )));
        }
        let Some(def) = props::rg_property(&p.name) else {
            return Err(unknown_rg_property(&subject, &p.name));
        };
        let name = def.name;
        if seen.contains(&name) {
            return Err(prop_err(&subject, name, "is given twice"));
        }
        seen.push(name);
        if def.query_only {
            return Err(prop_err(
                &subject,
                name,
                "is maintained by the RGM and cannot be set with -y",
            ));
        }
        check_legal(&subject, name, &p.value)?;
        let raw = p.value.as_str();
        let b = || bool_value(&subject, name, raw);
        let list = || split_array(&subject, name, raw);
        match name {
            "RG_name" => {
                return Err(prop_err(
                    &subject,
                    name,
                    "is the name given with -g; it cannot be set with -y",
                ));
            }
            "RG_mode" => {
                if !creating {
                    return Err(prop_err(
                        &subject,
                        name,
                        "can only be set when the group is created (Tunable NONE)",
                    )
                    .hint(Hint::lead(
                        "remove and re-create the group with: ",
                        Fix::CreateGroupWith {
                            g: g.name.to_string(),
                            prop: "RG_mode".into(),
                            value: raw.to_string(),
                        },
                    )));
                }
                out.mode = Some(match raw.trim() {
                    s if s.eq_ignore_ascii_case("failover") => RgMode::Failover,
                    s if s.eq_ignore_ascii_case("scalable") => RgMode::Scalable,
                    _ => {
                        return Err(prop_err(
                            &subject,
                            name,
                            format!(
                                "value \"{raw}\" is not one of the allowed values (Failover, Scalable)"
                            ),
                        ));
                    }
                });
            }
            "Auto_start_on_new_cluster" => g.auto_start_on_new_cluster = b()?,
            "Failback" => g.failback = b()?,
            "Implicit_network_dependencies" => g.implicit_network_dependencies = b()?,
            "RG_system" => {
                let v = b()?;
                g.rg_system = v;
                out.rg_system = Some(v);
            }
            "Desired_primaries" => g.desired_primaries = uint_value(&subject, name, raw, 0)?,
            "Maximum_primaries" => g.maximum_primaries = uint_value(&subject, name, raw, 1)?,
            "Pingpong_interval" => g.pingpong_interval = uint_value(&subject, name, raw, 0)?,
            "Nodelist" => {
                if nodelist_given {
                    return Err(ScError::inval(format!(
                        "{subject}: the Nodelist is given twice (-h and -y Nodelist); give it once"
                    )));
                }
                g.nodelist = resolve_nodes(state, &list()?, &format!("Nodelist of {}", g.name))?;
            }
            "Global_resources_used" => {
                g.global_resources_used = list()?.into_iter().map(Name::from).collect();
            }
            "RG_affinities" => g.rare.rg_affinities = list()?,
            "RG_dependencies" => g.rare.rg_dependencies = list()?,
            "Pathprefix" => {
                let v = raw.trim();
                if !v.is_empty() && !v.starts_with('/') {
                    return Err(prop_err(
                        &subject,
                        name,
                        format!(
                            "value \"{raw}\" is not an absolute path (a directory on a cluster file system, e.g. /global/admin)"
                        ),
                    ));
                }
                g.rare.pathprefix = v.to_string();
            }
            "RG_description" => g.rare.description = raw.to_string(),
            "RG_project_name" => {
                let v = raw.trim();
                if v.is_empty() {
                    return Err(prop_err(
                        &subject,
                        name,
                        "cannot be empty (the default project is \"default\")",
                    ));
                }
                g.project_name = Name::from(v);
            }
            other => {
                return Err(prop_err(
                    &subject,
                    other,
                    "cannot be set by the administrator",
                ));
            }
        }
    }
    Ok(out)
}

fn unknown_rg_property(subject: &str, name: &str) -> ScError {
    let settable: Vec<String> = props::rg_properties()
        .iter()
        .filter(|d| !d.query_only && d.name != "RG_name")
        .map(|d| d.name.to_string())
        .collect();
    let mut e = ScError::new(
        ErrorCode::Prop,
        format!("{subject}: {name} is not a resource group property"),
    )
    .hint(format!(
        "resource group properties: {}",
        settable.join(", ")
    ));
    if catalog::standard_param(name).is_some() {
        e = e.hint(Hint::lead(
            format!("{name} is a resource property: set it with "),
            Fix::SetResourceProperty {
                r: "RESOURCE".into(),
                prop: name.to_string(),
                value: "…".into(),
                extension: false,
            },
        ));
    }
    e.suggest(name, settable.iter().map(String::as_str))
}

fn bool_value(subject: &str, name: &str, raw: &str) -> Result<bool> {
    parse_bool(raw.trim()).ok_or_else(|| {
        prop_err(
            subject,
            name,
            format!("value \"{raw}\" is not a boolean (allowed: TRUE or FALSE, any case)"),
        )
    })
}

fn uint_value(subject: &str, name: &str, raw: &str, min: u32) -> Result<u32> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|v| *v >= min)
        .ok_or_else(|| {
            prop_err(
                subject,
                name,
                format!("value \"{raw}\" is not an integer of {min} or more"),
            )
        })
}

/// Rules across properties and objects, for a group as it will be. `old` is the group before
/// a change (`None` at creation).
fn check_group(state: &ClusterState, g: &ResourceGroup, old: Option<&ResourceGroup>) -> Result<()> {
    let subject = format!("resource group {}", g.name);
    if g.nodelist.is_empty() {
        return Err(prop_err(
            &subject,
            "Nodelist",
            "cannot be empty: give at least one node",
        ));
    }
    if g.mode == RgMode::Failover && (g.maximum_primaries > 1 || g.desired_primaries > 1) {
        let (prop, v) = if g.maximum_primaries > 1 {
            ("Maximum_primaries", g.maximum_primaries)
        } else {
            ("Desired_primaries", g.desired_primaries)
        };
        let mut e = prop_err(
            &subject,
            prop,
            format!(
                "value {v} is not allowed: a failover group (RG_mode Failover) has Maximum_primaries and Desired_primaries 1"
            ),
        );
        if old.is_none() {
            e = e.hint(Hint::lead(
                "for a group online on several nodes, create it scalable: ",
                Fix::CreateGroupWith {
                    g: g.name.to_string(),
                    prop: "RG_mode".into(),
                    value: "Scalable".into(),
                },
            ));
        }
        return Err(e);
    }
    if g.desired_primaries > g.maximum_primaries {
        return Err(prop_err(
            &subject,
            "Desired_primaries",
            format!(
                "value {} exceeds Maximum_primaries ({}); Desired_primaries must be at most Maximum_primaries",
                g.desired_primaries, g.maximum_primaries
            ),
        ));
    }
    if g.maximum_primaries as usize > g.nodelist.len() {
        return Err(prop_err(
            &subject,
            "Maximum_primaries",
            format!(
                "value {} exceeds the number of nodes in the Nodelist ({})",
                g.maximum_primaries,
                g.nodelist.len()
            ),
        ));
    }
    if g.global_resources_used.len() > 1 && g.global_resources_used.iter().any(|s| s == "*") {
        return Err(prop_err(
            &subject,
            "Global_resources_used",
            "\"*\" (all global resources) cannot be combined with other entries",
        ));
    }
    let changed = |f: fn(&ResourceGroup) -> &Vec<String>| old.is_none_or(|o| f(o) != f(g));
    if changed(|x| &x.rare.rg_dependencies) {
        check_group_deps(state, &g.name, &g.rare.rg_dependencies)?;
    }
    if changed(|x| &x.rare.rg_affinities) {
        check_affinities(state, &g.name, &g.rare.rg_affinities)?;
    }
    let Some(old) = old else {
        return Ok(());
    };
    // The group's resources must fit the group as it will be.
    let nodelist_changed = old.nodelist != g.nodelist;
    for rname in &g.resources {
        let Some(r) = state.resource(rname) else {
            continue;
        };
        let Some(rt) = state.type_of(r) else { continue };
        if rt.failover && g.maximum_primaries > 1 {
            return Err(prop_err(
                &subject,
                "Maximum_primaries",
                format!(
                    "value {} is not allowed: resource {rname} is of failover type {}, which cannot be online on several nodes",
                    g.maximum_primaries, rt.name
                ),
            ));
        }
        if nodelist_changed {
            if let Some(installed) = &rt.installed_nodes
                && let Some(n) = g
                    .nodelist
                    .iter()
                    .find(|n| !installed.iter().any(|i| i == *n))
            {
                return Err(ScError::new(
                    ErrorCode::Node,
                    format!(
                        "{subject}: node {n} cannot be in the Nodelist: resource {rname} is of type {}, which is installed only on {}",
                        rt.name,
                        installed.join(", ")
                    ),
                )
                .hint(Fix::SetTypeNodes {
                    t: rt.name.clone(),
                    nodes: vec![installed.join(","), n.to_string()],
                }));
            }
            for rules in super::typerules::of(rt) {
                rules.check_nodelist(state, rt, r, &g.nodelist)?;
            }
        }
    }
    if nodelist_changed && g.managed {
        for n in &old.nodelist {
            if !g.nodelist.contains(n) && g.state_on(n).is_mastered() {
                return Err(ScError::new(
                    ErrorCode::State,
                    format!(
                        "{subject} is {} on {n}; a node cannot leave the Nodelist while the group is online there",
                        g.state_on(n).as_str()
                    ),
                )
                .hint(Hint::lead(
                    "switch the group away first: ",
                    Fix::SwitchGroup {
                        g: g.name.to_string(),
                        nodes: g.nodelist.iter().map(Name::to_string).collect(),
                    },
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{cluster, y};
    use super::*;
    use crate::admin::{Request, apply};

    fn create_req(name: &str, nodes: Option<&[&str]>, props: &[&str]) -> Request {
        Request::CreateGroup {
            group: name.into(),
            nodelist: nodes.map(|n| n.iter().map(|s| s.to_string()).collect()),
            props: props.iter().map(|p| y(p)).collect(),
        }
    }

    #[test]
    fn new_group_defaults() {
        let mut s = cluster();
        apply(&mut s, &create_req("RG", None, &[])).unwrap();
        let g = s.group("RG").unwrap();
        assert!(!g.managed);
        assert_eq!(g.mode, RgMode::Failover);
        assert_eq!(g.nodelist, vec!["mail-1", "mail-2"]);
    }

    #[test]
    fn scalable_from_primaries_and_failover_limits() {
        let mut s = cluster();
        apply(
            &mut s,
            &create_req("S", None, &["maximum_PRIMARIES=2", "Desired_primaries=2"]),
        )
        .unwrap();
        assert_eq!(s.group("S").unwrap().mode, RgMode::Scalable);
        let e = apply(
            &mut s,
            &create_req("F", None, &["RG_mode=failover", "Maximum_primaries=2"]),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::Prop);
        let e = apply(
            &mut s,
            &create_req("F", None, &["Maximum_primaries=3", "RG_mode=Scalable"]),
        )
        .unwrap_err();
        assert!(e.message.contains("number of nodes"), "{}", e.message);
        let e = apply(
            &mut s,
            &create_req(
                "F",
                None,
                &[
                    "Desired_primaries=2",
                    "Maximum_primaries=1",
                    "RG_mode=Scalable",
                ],
            ),
        )
        .unwrap_err();
        assert!(e.message.contains("Desired_primaries"), "{}", e.message);
    }

    #[test]
    fn mode_is_fixed_after_creation() {
        let mut s = cluster();
        apply(&mut s, &create_req("RG", None, &[])).unwrap();
        let e = apply(
            &mut s,
            &Request::ChangeGroup {
                group: "RG".into(),
                nodelist: None,
                props: vec![y("RG_mode=Scalable")],
            },
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::Prop);
    }

    #[test]
    fn dependencies_and_affinities() {
        let mut s = cluster();
        apply(&mut s, &create_req("A", None, &[])).unwrap();
        apply(
            &mut s,
            &create_req("B", None, &["RG_dependencies=A", "RG_affinities=++A"]),
        )
        .unwrap();
        let chg = |p: &str| Request::ChangeGroup {
            group: "A".into(),
            nodelist: None,
            props: vec![y(p)],
        };
        assert_eq!(
            apply(&mut s, &chg("RG_dependencies=B")).unwrap_err().code,
            ErrorCode::Depend
        );
        assert_eq!(
            apply(&mut s, &chg("RG_dependencies=A")).unwrap_err().code,
            ErrorCode::Depend
        );
        assert_eq!(
            apply(&mut s, &chg("RG_dependencies=Z")).unwrap_err().code,
            ErrorCode::Rg
        );
        assert_eq!(
            apply(&mut s, &chg("RG_affinities=+++B")).map(|_| ()),
            Ok(())
        );
        assert_eq!(
            apply(&mut s, &chg("RG_affinities=*B")).unwrap_err().code,
            ErrorCode::Prop
        );
        assert_eq!(
            apply(&mut s, &Request::RemoveGroup { group: "A".into() })
                .unwrap_err()
                .code,
            ErrorCode::Depend
        );
    }

    #[test]
    fn unknown_nodes_and_properties() {
        let mut s = cluster();
        assert_eq!(
            apply(&mut s, &create_req("RG", Some(&["mail-1", "mail-9"]), &[]))
                .unwrap_err()
                .code,
            ErrorCode::Node
        );
        assert_eq!(
            apply(&mut s, &create_req("RG", None, &["Bogus=1"]))
                .unwrap_err()
                .code,
            ErrorCode::Prop
        );
        assert_eq!(
            apply(&mut s, &create_req("RG", None, &["Failback=maybe"]))
                .unwrap_err()
                .code,
            ErrorCode::Prop
        );
        assert_eq!(
            apply(&mut s, &create_req("1RG", None, &[]))
                .unwrap_err()
                .code,
            ErrorCode::Rg
        );
        // node ids are accepted and stored as names
        apply(&mut s, &create_req("RG", Some(&["2", "mail-1"]), &[])).unwrap();
        assert_eq!(s.group("RG").unwrap().nodelist, vec!["mail-2", "mail-1"]);
    }
}
