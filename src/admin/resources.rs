//! Resources: `scrgadm -a -j`, `-c -j`, `-r -j`, and the r_properties(5) rules (reference
//! §5.2, §5.4): `-y` sets standard and `-x` extension properties of the resource's type (names
//! case-insensitive); values are checked against the declaration; Tunable is enforced (NONE
//! never, AT_CREATION only by `-a`, WHEN_DISABLED only while disabled); properties without a
//! default must be given at creation; dependencies name existing resources without cycles.
//! A new resource is disabled with its monitor enabled.

use super::deps::{self, NETWORK_RESOURCES_USED, check_network_resources, check_resource_deps};
use super::lookup::{group as find_group, resource as find_resource};
use super::names::{check_new_name, join_some};
use super::pernode;
use super::setprop::{check_settable, store};
use super::typerules;
use super::values::{parse_value, prop_err};
use super::{Change, Plan, PropArg, catalog};
use crate::error::{ErrorCode, Result, ScError};
use crate::fix::{Fix, Hint};
use crate::model::{
    ClusterState, Dependencies, Name, ParamDecl, PropMap, PropValue, Resource, ResourceGroup,
    ResourceType, Tunable,
};

/// `-a -j R -t RT -g RG [-y …] [-x …]`
pub(super) fn create(
    state: &ClusterState,
    name: &str,
    type_query: &str,
    group: &str,
    props: &[PropArg],
) -> Result<Plan> {
    check_new_name("resource", name, ErrorCode::Rsrc)?;
    check_not_exists(state, name)?;
    let g = find_group(state, group)?;
    let rt = catalog::registered_type(state, type_query)?;
    create_typed(state, name, rt, g, props)
}

fn check_not_exists(state: &ClusterState, name: &str) -> Result<()> {
    match state.resource(name) {
        Some(r) => Err(ScError::new(
            ErrorCode::Rsrc,
            format!("resource {name} already exists (in group {})", r.group),
        )
        .kind(crate::error::Kind::Exists)
        .hint(Hint::lead(
            "see it with: ",
            Fix::ShowResource {
                r: name.to_string(),
            },
        ))),
        None => Ok(()),
    }
}

/// Create resource `name` of the (registered) type `rt` in group `g`.
pub(super) fn create_typed(
    state: &ClusterState,
    name: &str,
    rt: &ResourceType,
    g: &ResourceGroup,
    props: &[PropArg],
) -> Result<Plan> {
    check_new_name("resource", name, ErrorCode::Rsrc)?;
    check_not_exists(state, name)?;
    if let Some(installed) = &rt.installed_nodes
        && let Some(n) = g
            .nodelist
            .iter()
            .find(|n| !installed.iter().any(|i| i == *n))
    {
        return Err(ScError::new(
            ErrorCode::Node,
            format!(
                "resource {name}: type {} is installed only on {}, but group {} can run on {n}",
                rt.name,
                installed.join(", "),
                g.name
            ),
        )
        .hint(Fix::SetTypeNodes {
            t: rt.name.clone(),
            nodes: vec![installed.join(","), n.to_string()],
        }));
    }
    if rt.single_instance
        && let Some(other) = state.resources.values().find(|r| r.rtype == rt.name)
    {
        return Err(ScError::new(
            ErrorCode::Rt,
            format!(
                "resource type {} is single-instance (Single_instance=TRUE) and resource {} of it already exists",
                rt.name, other.name
            ),
        ));
    }
    if rt.failover && g.maximum_primaries > 1 {
        return Err(ScError::new(
            ErrorCode::Rg,
            format!(
                "resource {name}: type {} is a failover type, but group {} can be online on {} nodes at once (Maximum_primaries {})",
                rt.name, g.name, g.maximum_primaries, g.maximum_primaries
            ),
        )
        .hint("put it in a failover group (Maximum_primaries 1)"));
    }
    let mut r = Resource {
        name: Name::from(name),
        rtype: rt.name.as_str().into(),
        group: g.name.clone(),
        enabled: false,
        monitored: true,
        description: Default::default(),
        dependencies: Dependencies::default(),
        properties: PropMap::new(),
        extension: PropMap::new(),
        state: crate::model::NodeMap::new(),
        extras: Default::default(),
    };
    let warnings = Vec::new();
    set_props(state, rt, &mut r, props, None)?;
    check_required(rt, &r)?;
    for rules in typerules::of(rt) {
        rules.complete(state, rt, g, &mut r);
    }
    validate(state, rt, g, &r, None)?;
    Ok(Plan {
        change: Change::CreateResource(r),
        warnings,
    })
}

/// `-c -j R [-y …] [-x …]`
pub(super) fn change(state: &ClusterState, name: &str, props: &[PropArg]) -> Result<Plan> {
    let old = find_resource(state, name)?;
    let g = find_group(state, &old.group)?;
    let mut rt = state.type_of(old).ok_or_else(|| {
        ScError::internal(format!(
            "resource {name} is of type {}, which is not registered",
            old.rtype
        ))
    })?;
    let mut r = old.clone();
    let mut warnings = Vec::new();
    let (versions, rest): (Vec<&PropArg>, Vec<&PropArg>) = props
        .iter()
        .partition(|p| !p.extension && p.name.eq_ignore_ascii_case("Type_version"));
    if versions.len() > 1 {
        return Err(prop_err(
            &format!("resource {name}"),
            "Type_version",
            "is given twice",
        ));
    }
    if let Some(v) = versions.first() {
        rt = upgrade(state, &mut r, rt, g, v.value.trim(), &mut warnings)?;
    }
    let rest: Vec<PropArg> = rest.into_iter().cloned().collect();
    set_props(state, rt, &mut r, &rest, Some(old))?;
    if r.rtype != old.rtype {
        check_required(rt, &r)?;
    }
    validate(state, rt, g, &r, Some(old))?;
    Ok(Plan {
        change: Change::ChangeResource(r),
        warnings,
    })
}

/// `-r -j R`
pub(super) fn remove(state: &ClusterState, name: &str) -> Result<Plan> {
    let r = find_resource(state, name)?;
    if r.enabled {
        return Err(ScError::new(
            ErrorCode::Rsrc,
            format!("resource {name} is enabled; only a disabled resource can be removed"),
        )
        .hint(Hint::lead(
            "disable it first: ",
            Fix::DisableResource {
                r: name.to_string(),
            },
        )));
    }
    if let Some((node, st)) = r
        .state
        .iter()
        .find(|(_, s)| s.state.is_running() || s.state == crate::model::RState::StopFailed)
    {
        return Err(ScError::new(
            ErrorCode::State,
            format!(
                "resource {name} is {} on {node}; it must be offline everywhere to be removed",
                st.state.as_str()
            ),
        )
        .hint(Hint::lead(
            "clear it first, e.g. ",
            Fix::ClearStopFailed {
                r: name.to_string(),
                node: node.to_string(),
            },
        )));
    }
    let users = deps::dependents(state, name);
    if let Some(first) = users.first() {
        return Err(ScError::new(
            ErrorCode::Depend,
            format!(
                "resource {name} cannot be removed: {} depend{} on it",
                join_some(&users, 10),
                if users.len() == 1 { "s" } else { "" }
            ),
        )
        .hint(
            Hint::lead(
                "remove the dependency first, e.g. ",
                Fix::SetResourceProperty {
                    r: first.to_string(),
                    prop: "Resource_dependencies".into(),
                    value: "…".into(),
                    extension: false,
                },
            )
            .text(format!(" (without {name}), or remove {first}")),
        ));
    }
    Ok(Plan::new(Change::RemoveResource(name.to_string())))
}

/// Apply `-y`/`-x` arguments to `r`. `old` is the resource before a change (`None` when
/// creating): it decides which Tunable values allow the change.
fn set_props(
    state: &ClusterState,
    rt: &ResourceType,
    r: &mut Resource,
    args: &[PropArg],
    old: Option<&Resource>,
) -> Result<()> {
    let release = state.cluster.release;
    let subject = format!("resource {}", r.name);
    let mut seen: Vec<String> = Vec::new();
    let mut node_seen: Vec<String> = Vec::new();
    for p in args {
        if p.name.contains('{') {
            pernode::set(state, rt, r, p, old, &mut node_seen)?;
            continue;
        }
        let Some(decl) = catalog::param(rt, &p.name) else {
            let e = unknown_property(rt, &subject, p);
            return Err(typerules::of(rt)
                .filter_map(|t| t.undeclared_hint(p))
                .fold(e, ScError::hint));
        };
        if decl.extension != p.extension && !p.either {
            let (what, flag) = if decl.extension {
                ("an extension property", "-x")
            } else {
                ("a standard property", "-y")
            };
            return Err(prop_err(
                &subject,
                &decl.name,
                format!("is {what} of type {}: set it with {flag}", rt.name),
            )
            .hint(format!("{flag} {}={}", decl.name, p.value)));
        }
        if seen.contains(&decl.name) {
            return Err(prop_err(&subject, &decl.name, "is given twice"));
        }
        if !release.has_32_features() && crate::model::props::is_32_property(&decl.name) {
            return Err(prop_err(
                &subject,
                &decl.name,
                format!("is a Sun Cluster 3.2 property; this cluster runs {}", release.product()),
            )
            .hint("use Resource_dependencies_restart here, or rehearse on a cluster made with scsim init --release 3.2"));
        }
        seen.push(decl.name.clone());
        check_settable(&subject, &decl, r, old)?;
        if decl.name == "Type_version" {
            if p.value.trim() != rt.rt_version {
                return Err(prop_err(
                    &subject,
                    "Type_version",
                    format!(
                        "a new resource gets the version of its type ({}); choose another version with -t {}:{}",
                        rt.rt_version,
                        rt.vendor_id
                            .as_deref()
                            .map(|v| format!("{v}.{}", rt.resource_type))
                            .unwrap_or_else(|| rt.resource_type.clone()),
                        p.value.trim()
                    ),
                ));
            }
            continue;
        }
        let v = parse_value(&subject, &decl, &p.value)?;
        store(r, &decl, v);
        // A value without {node} is the value on every node.
        if r.extras.per_node.contains_key(&decl.name) {
            r.extras.per_node.remove(&decl.name);
        }
    }
    Ok(())
}

pub(super) fn unknown_property(rt: &ResourceType, subject: &str, p: &PropArg) -> ScError {
    let own: Vec<String> = catalog::all_params(rt)
        .into_iter()
        .filter(|d| d.extension == p.extension && !crate::model::props::is_query_only(&d.name))
        .map(|d| d.name)
        .collect();
    let kind = if p.extension { "extension" } else { "standard" };
    let ext_list = if own.is_empty() {
        format!("it has no {kind} properties")
    } else {
        format!("its {kind} properties: {}", own.join(", "))
    };
    if catalog::standard_param(&p.name).is_some() {
        return ScError::new(
            ErrorCode::Prop,
            format!(
                "{subject}: type {} has no property {}: this standard property exists only for types whose registration file declares it",
                rt.name, p.name
            ),
        );
    }
    if crate::model::props::rg_property(&p.name).is_some() {
        return ScError::new(
            ErrorCode::Prop,
            format!(
                "{subject}: {} is a resource group property, not a resource property",
                p.name
            ),
        )
        .hint(Fix::SetGroupProperty {
            g: "GROUP".into(),
            prop: p.name.clone(),
            value: p.value.clone(),
        });
    }
    // Every name the user may have meant: the type's own properties, and the standard ones
    // (a misspelt standard property the type lacks is still best named).
    let names: Vec<String> = catalog::all_params(rt)
        .into_iter()
        .map(|d| d.name)
        .chain(
            crate::model::props::standard_resource_params()
                .iter()
                .map(|d| d.name.clone()),
        )
        .collect();
    ScError::new(
        ErrorCode::Prop,
        format!(
            "{subject}: type {} has no {} property {} ({ext_list})",
            rt.name,
            if p.extension { "extension" } else { "standard" },
            p.name
        ),
    )
    .suggest(&p.name, names.iter().map(String::as_str))
}

/// Properties without a default must be set at creation.
fn check_required(rt: &ResourceType, r: &Resource) -> Result<()> {
    let missing: Vec<ParamDecl> = catalog::all_params(rt)
        .into_iter()
        .filter(|d| {
            d.default.is_none()
                && d.tunable != Tunable::None
                && !catalog::is_query_only(&d.name)
                && d.name != "Resource_project_name"
                && d.name != "Type_version"
                && !is_set(r, d)
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = missing
        .iter()
        .map(|d| format!("{} ({})", d.name, if d.extension { "-x" } else { "-y" }))
        .collect();
    let example: Vec<String> = missing
        .iter()
        .map(|d| format!("{} {}=…", if d.extension { "-x" } else { "-y" }, d.name))
        .collect();
    Err(ScError::new(
        ErrorCode::Prop,
        format!(
            "resource {}: type {} requires {} without a default: {}",
            r.name,
            rt.name,
            if missing.len() == 1 {
                "a property"
            } else {
                "properties"
            },
            names.join(", ")
        ),
    )
    .hint(format!("add {}", example.join(" "))))
}

fn is_set(r: &Resource, d: &ParamDecl) -> bool {
    if d.extension {
        return r.extension.contains_key(&d.name);
    }
    r.properties.contains_key(&d.name)
}

/// Rules across properties and objects, for the resource as it will be.
fn validate(
    state: &ClusterState,
    rt: &ResourceType,
    g: &ResourceGroup,
    r: &Resource,
    old: Option<&Resource>,
) -> Result<()> {
    let subject = format!("resource {}", r.name);
    if old.is_none_or(|o| o.dependencies != r.dependencies) {
        check_resource_deps(state, &r.name, &r.dependencies)?;
    }
    let nru = r.properties.get(NETWORK_RESOURCES_USED);
    if old.is_none_or(|o| o.properties.get(NETWORK_RESOURCES_USED) != nru)
        && let Some(PropValue::List(list)) = nru
    {
        check_network_resources(state, &r.name, list)?;
    }
    if let Some(PropValue::List(ports)) = r.properties.get("Port_list") {
        for p in ports {
            check_port(&subject, p)?;
        }
    }
    if let Some(PropValue::List(w)) = r.properties.get("Load_balancing_weights") {
        for e in w {
            check_weight(state, &subject, e)?;
        }
    }
    if rt.failover && r.properties.get("Scalable") == Some(&PropValue::Bool(true)) {
        return Err(prop_err(
            &subject,
            "Scalable",
            format!(
                "TRUE is not allowed: type {} is a failover type (Failover=TRUE), and a failover type cannot be scalable",
                rt.name
            ),
        ));
    }
    for rules in typerules::of(rt) {
        rules.check(state, rt, g, r)?;
    }
    Ok(())
}

fn check_port(subject: &str, entry: &str) -> Result<()> {
    let ok = entry.split_once('/').is_some_and(|(port, proto)| {
        port.parse::<u16>().is_ok_and(|p| p > 0)
            && ["tcp", "udp", "tcp6", "udp6", "sctp"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(proto))
    });
    if ok {
        Ok(())
    } else {
        Err(prop_err(
            subject,
            "Port_list",
            format!(
                "entry \"{entry}\" is not PORT/PROTOCOL (e.g. 80/tcp; port 1-65535, protocol tcp or udp)"
            ),
        ))
    }
}

fn check_weight(state: &ClusterState, subject: &str, entry: &str) -> Result<()> {
    let ok = entry.split_once('@').is_some_and(|(w, node)| {
        w.parse::<u32>().is_ok() && state.cluster.resolve_node(node).is_some()
    });
    if ok {
        Ok(())
    } else {
        Err(prop_err(
            subject,
            "Load_balancing_weights",
            format!(
                "entry \"{entry}\" is not WEIGHT@NODE (e.g. 3@mail-1 or 3@1, with a cluster node)"
            ),
        ))
    }
}

/// Switch resource `r` to another registered version of its type (`-y Type_version=V`),
/// honouring the target's `#$upgrade_from` tunability. Returns the new type.
fn upgrade<'a>(
    state: &'a ClusterState,
    r: &mut Resource,
    current: &'a ResourceType,
    g: &ResourceGroup,
    version: &str,
    warnings: &mut Vec<String>,
) -> Result<&'a ResourceType> {
    let subject = format!("resource {}", r.name);
    if version == current.rt_version {
        return Ok(current);
    }
    let same_base: Vec<&ResourceType> = state
        .resource_types
        .values()
        .filter(|t| t.vendor_id == current.vendor_id && t.resource_type == current.resource_type)
        .collect();
    let Some(target) = same_base.iter().find(|t| t.rt_version == version) else {
        let versions: Vec<String> = same_base.iter().map(|t| t.rt_version.clone()).collect();
        return Err(prop_err(
            &subject,
            "Type_version",
            format!(
                "no version {version} of {} is registered (registered versions: {})",
                current.resource_type,
                versions.join(", ")
            ),
        )
        .hint(Hint::lead(
            "register the new version first: ",
            Fix::RegisterTypeFrom {
                t: "NAME".into(),
                file: "RTRFILE".into(),
            },
        )));
    };
    // Without an #$upgrade_from line for the old version the RGM allows the upgrade only
    // while the group is unmanaged.
    let tunability = target
        .upgrade_from
        .iter()
        .find(|(v, _)| v == &current.rt_version)
        .map(|(_, t)| t.to_ascii_uppercase())
        .unwrap_or_else(|| "WHEN_UNMANAGED".to_string());
    let allowed = match tunability.as_str() {
        "ANYTIME" => Ok(()),
        "WHEN_DISABLED" if !r.enabled => Ok(()),
        "WHEN_UNMONITORED" if !r.monitored || !r.enabled => Ok(()),
        "WHEN_OFFLINE" if r.state.values().all(|s| !s.state.is_running()) => Ok(()),
        "WHEN_UNMANAGED" if !g.managed => Ok(()),
        "AT_CREATION" => Err("only new resources can use it (AT_CREATION)".to_string()),
        other => Err(format!(
            "the upgrade is allowed {other}, and the resource is not in that state"
        )),
    };
    if let Err(why) = allowed {
        return Err(prop_err(
            &subject,
            "Type_version",
            format!("cannot move to {} now: {why}", target.name),
        )
        .hint(match tunability.as_str() {
            "WHEN_UNMANAGED" => Hint::from(Fix::OfflineGroup {
                g: g.name.to_string(),
            })
            .text(" then ")
            .fix(Fix::UnmanageGroup {
                g: g.name.to_string(),
            }),
            "WHEN_UNMONITORED" => Hint::from(Fix::DisableMonitor {
                r: r.name.to_string(),
            }),
            _ => Hint::from(Fix::DisableResource {
                r: r.name.to_string(),
            }),
        }));
    }
    // Drop settings the new version does not have.
    let mut dropped = Vec::new();
    r.extension.retain(|k, _| {
        let keep = target.param(k).is_some_and(|d| d.extension);
        if !keep {
            dropped.push(k.to_string());
        }
        keep
    });
    r.properties.retain(|k, _| {
        let keep = catalog::param(target, k).is_some();
        if !keep {
            dropped.push(k.to_string());
        }
        keep
    });
    let per_node = super::pernode::forget_undeclared(r, target);
    if !per_node.is_empty() {
        warnings.push(format!(
            "resource {}: {} does not declare {} PER_NODE; the per-node values are dropped",
            r.name,
            target.name,
            per_node.join(", ")
        ));
    }
    if !dropped.is_empty() {
        warnings.push(format!(
            "resource {}: {} has no such properties; dropped: {}",
            r.name,
            target.name,
            dropped.join(", ")
        ));
    }
    r.rtype = target.name.as_str().into();
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{cluster, x, y};
    use super::*;
    use crate::admin::{Request, apply, prepare};

    /// The seed cluster: HAStoragePlus and ims registered, MAIL-RG with budgie and disk-rs.
    fn seeded() -> ClusterState {
        let mut s = cluster();
        for t in ["SUNW.HAStoragePlus", "SUNW.ims"] {
            apply(
                &mut s,
                &Request::RegisterType {
                    rtype: t.into(),
                    installed_nodes: None,
                    file: None,
                },
            )
            .unwrap();
        }
        apply(
            &mut s,
            &Request::CreateGroup {
                group: "MAIL-RG".into(),
                nodelist: None,
                props: vec![],
            },
        )
        .unwrap();
        apply(
            &mut s,
            &Request::CreateNetAddress {
                kind: crate::admin::NetKind::Logical,
                group: "MAIL-RG".into(),
                hosts: vec!["budgie".into()],
                resource: None,
                netifs: None,
                auxnodes: None,
                props: vec![],
            },
        )
        .unwrap();
        s
    }

    fn create(name: &str, rtype: &str, props: Vec<PropArg>) -> Request {
        Request::CreateResource {
            resource: name.into(),
            rtype: rtype.into(),
            group: "MAIL-RG".into(),
            props,
        }
    }

    fn change(name: &str, props: Vec<PropArg>) -> Request {
        Request::ChangeResource {
            resource: name.into(),
            props,
        }
    }

    #[test]
    fn new_resources_are_disabled_and_monitored() {
        let s = seeded();
        let r = s.resource("budgie").unwrap();
        assert!(!r.enabled);
        assert!(r.monitored);
        assert_eq!(s.group("MAIL-RG").unwrap().resources, vec!["budgie"]);
    }

    #[test]
    fn service_paths_on_hastorageplus_is_refused_with_the_right_names() {
        let s = seeded();
        let e = prepare(
            &s,
            &create(
                "disk-rs",
                "SUNW.HAStoragePlus",
                vec![x(
                    "servicepaths=/global/mail1,/dev/md/mailset/dsk/d1,mailset",
                )],
            ),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::Prop);
        assert!(
            e.message.contains("no extension property servicepaths"),
            "{}",
            e.message
        );
        assert!(
            e.hints.iter().any(|h| h.contains("SUNW.HAStorage,")
                && h.contains("-x FilesystemMountPoints=/global/mail1")),
            "{:?}",
            e.hints
        );
    }

    #[test]
    fn required_and_tunable() {
        let mut s = seeded();
        let e = apply(&mut s, &create("mail-rs", "SUNW.ims", vec![])).unwrap_err();
        assert_eq!(e.code, ErrorCode::Prop);
        assert!(e.message.contains("IMS_serverroot"), "{}", e.message);
        apply(
            &mut s,
            &create("mail-rs", "ims", vec![x("ims_SERVERROOT=/opt/SUNWmsgsr")]),
        )
        .unwrap();
        // Stored under the declared spelling.
        assert!(
            s.resource("mail-rs")
                .unwrap()
                .extension
                .contains_key("IMS_serverroot")
        );
        // AT_CREATION: not on change.
        let e = apply(&mut s, &change("mail-rs", vec![x("IMS_serverroot=/x")])).unwrap_err();
        assert!(e.message.contains("AT_CREATION"), "{}", e.message);
        // WHEN_DISABLED: only while disabled.
        apply(
            &mut s,
            &change("budgie", vec![x("HostnameList=budgie,lory")]),
        )
        .unwrap();
        s.resources.get_mut("budgie").unwrap().enabled = true;
        let e = apply(&mut s, &change("budgie", vec![x("HostnameList=budgie")])).unwrap_err();
        assert!(e.message.contains("WHEN_DISABLED"), "{}", e.message);
        // ANYTIME: always.
        apply(&mut s, &change("budgie", vec![y("Retry_count=5")])).unwrap();
        assert_eq!(
            s.resource("budgie").unwrap().properties.get("Retry_count"),
            Some(&PropValue::Int(5))
        );
    }

    #[test]
    fn dependencies_checked_and_blocking_removal() {
        let mut s = seeded();
        apply(&mut s, &create("disk-rs", "SUNW.HAStoragePlus", vec![])).unwrap();
        apply(
            &mut s,
            &create(
                "mail-rs",
                "SUNW.ims",
                vec![
                    x("IMS_serverroot=/opt/SUNWmsgsr"),
                    y("Resource_dependencies=disk-rs,budgie"),
                ],
            ),
        )
        .unwrap();
        let e = apply(
            &mut s,
            &change("budgie", vec![y("Resource_dependencies_restart=mail-rs")]),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::Depend);
        assert!(
            e.message.contains("budgie -> mail-rs -> budgie"),
            "{}",
            e.message
        );
        let e = apply(
            &mut s,
            &Request::RemoveResource {
                resource: "disk-rs".into(),
            },
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::Depend);
        apply(
            &mut s,
            &Request::RemoveResource {
                resource: "mail-rs".into(),
            },
        )
        .unwrap();
        apply(
            &mut s,
            &Request::RemoveResource {
                resource: "disk-rs".into(),
            },
        )
        .unwrap();
        assert_eq!(s.group("MAIL-RG").unwrap().resources, vec!["budgie"]);
    }

    #[test]
    fn flags_must_match_the_property_class() {
        let mut s = seeded();
        let e = apply(
            &mut s,
            &create("d", "SUNW.HAStoragePlus", vec![y("AffinityOn=false")]),
        )
        .unwrap_err();
        assert!(e.message.contains("set it with -x"), "{}", e.message);
        let e = apply(
            &mut s,
            &create("d", "SUNW.HAStoragePlus", vec![x("Failover_mode=SOFT")]),
        )
        .unwrap_err();
        assert!(e.message.contains("set it with -y"), "{}", e.message);
        apply(
            &mut s,
            &create(
                "d",
                "SUNW.HAStoragePlus",
                vec![y("failover_mode=soft"), x("affinityon=FALSE")],
            ),
        )
        .unwrap();
        let r = s.resource("d").unwrap();
        assert_eq!(
            r.properties.get("Failover_mode"),
            Some(&PropValue::Str("SOFT".into()))
        );
        assert_eq!(r.extension.get("AffinityOn"), Some(&PropValue::Bool(false)));
    }
}
