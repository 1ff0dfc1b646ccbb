//! Resource types: `scrgadm -a -t` (register from the built-in RTR or `-f FILE`), `-c -t`
//! (Installed_nodes with `-h`, RT_system with `-y`) and `-r -t` (unregister).

use super::catalog;
use super::lookup::resolve_nodes;
use super::names::join_some;
use super::values::{check_legal, parse_bool, prop_err};
use super::{Change, Plan, PropArg, RtrFile};
use crate::error::{ErrorCode, Result, ScError};
use crate::fix::{Fix, Hint};
use crate::model::ClusterState;

/// `-a -t RT [-h nodes] [-f file]`
pub(super) fn register(
    state: &ClusterState,
    query: &str,
    installed: Option<&[String]>,
    file: Option<&RtrFile>,
) -> Result<Plan> {
    let mut rt = match file {
        Some(f) => {
            let rt = catalog::parse_rtr_file(&f.path, &f.text)?;
            if !catalog::names_type(&rt, query) {
                return Err(ScError::inval(format!(
                    "-t {query} does not name the type that {} declares ({})",
                    f.path, rt.name
                ))
                .hint(Fix::RegisterTypeFrom {
                    t: rt.name.clone(),
                    file: f.path.clone(),
                }));
            }
            rt
        }
        None => match catalog::builtin_type(&catalog::unversioned(query, state.cluster.release))?
            .map(|rt| catalog::for_release(rt, state.cluster.release))
            .filter(|rt| catalog::version_matches(query, rt))
        {
            Some(rt) => rt,
            None => {
                if let Ok(rt) = catalog::registered_type(state, query) {
                    return Err(already(&rt.name));
                }
                // Exit 3, not 13: installers read 13 from `scrgadm -a -t` as "already
                // registered" (docs/decisions.md).
                return Err(ScError::new(
                    ErrorCode::Inval,
                    format!(
                        "no registration file for resource type {query}: /usr/cluster/lib/rgm/rtreg/{query} does not exist and it is not one of the built-in types ({})",
                        catalog::release_names(state.cluster.release).join(", ")
                    ),
                )
                .hint(crate::fix::Hint::lead(
                    "give its RTR file: ",
                    crate::fix::Fix::RegisterTypeFrom {
                        t: query.to_string(),
                        file: format!("/opt/cluster/lib/rgm/rtreg/{query}"),
                    },
                ))
                .suggest(
                    query,
                    catalog::type_name_forms(&catalog::release_names(state.cluster.release)),
                ));
            }
        },
    };
    if state.resource_types.contains_key(&rt.name) {
        return Err(already(&rt.name));
    }
    if let Some(list) = installed {
        rt.installed_nodes = Some(resolve_nodes(
            state,
            list,
            &format!("Installed_nodes of {}", rt.name),
        )?);
    }
    Ok(Plan::new(Change::RegisterType(rt)))
}

fn already(name: &str) -> ScError {
    ScError::new(
        ErrorCode::Rt,
        format!("resource type {name} is already registered"),
    )
    .kind(crate::error::Kind::Exists)
    .hint(Hint::lead(
        "see it with: ",
        Fix::ShowType {
            t: name.to_string(),
        },
    ))
}

/// `-c -t RT [-h nodes] [-y RT_system=…]`
pub(super) fn change(
    state: &ClusterState,
    query: &str,
    installed: Option<&[String]>,
    props: &[PropArg],
) -> Result<Plan> {
    let current = catalog::registered_type(state, query)?;
    let subject = format!("resource type {}", current.name);
    let mut rt = current.clone();
    let mut system_given = None;
    for p in props {
        if p.name.eq_ignore_ascii_case("RT_system") {
            if system_given.is_some() {
                return Err(prop_err(&subject, "RT_system", "is given twice"));
            }
            check_legal(&subject, "RT_system", &p.value)?;
            let v = parse_bool(p.value.trim()).ok_or_else(|| {
                prop_err(
                    &subject,
                    "RT_system",
                    format!(
                        "value \"{}\" is not a boolean (allowed: TRUE or FALSE, any case)",
                        p.value
                    ),
                )
            })?;
            system_given = Some(v);
        } else if p.name.eq_ignore_ascii_case("Installed_nodes") {
            return Err(prop_err(
                &subject,
                "Installed_nodes",
                "is set as the type's node list, not as a property",
            )
            .hint(Fix::SetTypeNodes {
                t: rt.name.clone(),
                nodes: vec![p.value.clone()],
            }));
        } else {
            return Err(prop_err(
                &subject,
                &p.name,
                "cannot be changed: the only changeable resource type properties are Installed_nodes (the type's node list) and RT_system (TRUE or FALSE)",
            ));
        }
    }
    if let Some(list) = installed {
        if current.rt_system && system_given != Some(false) {
            return Err(ScError::new(
                ErrorCode::Rt,
                format!(
                    "resource type {} is a system type (RT_system=TRUE); its Installed_nodes cannot be changed",
                    rt.name
                ),
            )
            .hint(Fix::SetTypeProperty {
                t: rt.name.clone(),
                prop: "RT_system".into(),
                value: "FALSE".into(),
            }));
        }
        let nodes = resolve_nodes(state, list, &format!("Installed_nodes of {}", rt.name))?;
        check_nodes_still_cover(state, &rt.name, &nodes)?;
        rt.installed_nodes = Some(nodes);
    }
    if let Some(v) = system_given {
        rt.rt_system = v;
    }
    Ok(Plan::new(Change::ChangeType(rt)))
}

/// Every group holding a resource of type `rtype` must keep its Nodelist inside the new
/// Installed_nodes.
fn check_nodes_still_cover(state: &ClusterState, rtype: &str, nodes: &[String]) -> Result<()> {
    for r in state.resources.values().filter(|r| r.rtype == rtype) {
        if let Some(g) = state.group(&r.group)
            && let Some(missing) = g.nodelist.iter().find(|n| !nodes.iter().any(|x| x == *n))
        {
            return Err(ScError::new(
                ErrorCode::Node,
                format!(
                    "Installed_nodes of {rtype} must include {missing}: resource {} of this type is in group {}, whose Nodelist includes {missing}",
                    r.name, g.name
                ),
            )
            .hint(format!(
                "keep {missing} among the installed nodes, or remove it from the Nodelist of {} first",
                g.name
            )));
        }
    }
    Ok(())
}

/// `-r -t RT`
pub(super) fn remove(state: &ClusterState, query: &str) -> Result<Plan> {
    let rt = catalog::registered_type(state, query)?;
    if rt.rt_system {
        return Err(ScError::new(
            ErrorCode::Rt,
            format!(
                "resource type {} is a system type (RT_system=TRUE) and cannot be unregistered",
                rt.name
            ),
        )
        .hint(Hint::lead(
            "clear the flag first: ",
            Fix::SetTypeProperty {
                t: rt.name.clone(),
                prop: "RT_system".into(),
                value: "FALSE".into(),
            },
        )));
    }
    let users: Vec<String> = state
        .resources
        .values()
        .filter(|r| r.rtype == rt.name)
        .map(|r| r.name.to_string())
        .collect();
    if let Some(first) = users.first() {
        return Err(ScError::new(
            ErrorCode::Rt,
            format!(
                "resource type {} is in use by {} resource{}: {}",
                rt.name,
                users.len(),
                if users.len() == 1 { "" } else { "s" },
                join_some(&users, 10)
            ),
        )
        .kind(crate::error::Kind::Busy)
        .hint(
            Hint::lead(
                "remove them first, e.g. ",
                Fix::DisableResource { r: first.clone() },
            )
            .text(" then ")
            .fix(Fix::RemoveResource { r: first.clone() }),
        ));
    }
    Ok(Plan::new(Change::RemoveType(rt.name.clone())))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{cluster, x, y};
    use super::*;
    use crate::admin::{Request, apply};

    fn register(t: &str, nodes: Option<&[&str]>) -> Request {
        Request::RegisterType {
            rtype: t.into(),
            installed_nodes: nodes.map(|n| n.iter().map(|s| s.to_string()).collect()),
            file: None,
        }
    }

    #[test]
    fn register_once_with_installed_nodes() {
        let mut s = cluster();
        apply(&mut s, &register("HAStoragePlus", Some(&["2"]))).unwrap();
        let rt = s.resource_types.get("SUNW.HAStoragePlus:4").unwrap();
        assert_eq!(rt.installed_nodes, Some(vec!["mail-2".to_string()]));
        let e = apply(&mut s, &register("SUNW.HAStoragePlus", None)).unwrap_err();
        assert_eq!(e.code, ErrorCode::Rt);
        let e = apply(&mut s, &register("SUNW.nothing", None)).unwrap_err();
        assert_eq!(
            e.code,
            ErrorCode::Inval,
            "13 would read as already registered"
        );
        assert!(
            e.hints[0]
                .render(|f| format!("{f:?}"))
                .contains("RegisterTypeFrom"),
            "{:?}",
            e.hints
        );
    }

    #[test]
    fn change_and_remove_respect_users() {
        let mut s = cluster();
        apply(&mut s, &register("SUNW.gds", None)).unwrap();
        apply(
            &mut s,
            &Request::CreateGroup {
                group: "G".into(),
                nodelist: None,
                props: vec![],
            },
        )
        .unwrap();
        apply(
            &mut s,
            &Request::CreateResource {
                resource: "app".into(),
                rtype: "gds".into(),
                group: "G".into(),
                props: vec![x("Start_command=/bin/true"), x("Network_aware=FALSE")],
            },
        )
        .unwrap();
        let shrink = Request::ChangeType {
            rtype: "gds".into(),
            installed_nodes: Some(vec!["mail-1".into()]),
            props: vec![],
        };
        assert_eq!(apply(&mut s, &shrink).unwrap_err().code, ErrorCode::Node);
        let remove = Request::RemoveType {
            rtype: "SUNW.gds".into(),
        };
        let e = apply(&mut s, &remove).unwrap_err();
        assert_eq!(e.code, ErrorCode::Rt);
        assert!(e.message.contains("app"), "{}", e.message);
        let other = Request::ChangeType {
            rtype: "gds".into(),
            installed_nodes: None,
            props: vec![y("Single_instance=TRUE")],
        };
        assert_eq!(apply(&mut s, &other).unwrap_err().code, ErrorCode::Prop);
        apply(
            &mut s,
            &Request::RemoveResource {
                resource: "app".into(),
            },
        )
        .unwrap();
        apply(&mut s, &remove).unwrap();
        assert!(s.resource_types.get("SUNW.gds:5").is_none());
    }
}
