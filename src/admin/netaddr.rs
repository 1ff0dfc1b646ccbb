//! Network address resources: `scrgadm -a -L` (SUNW.LogicalHostname) and `-a -S`
//! (SUNW.SharedAddress), and the rules on their HostnameList, NetIfList and AuxNodeList
//! (reference §6.2), whichever way the resource was created.
//!
//! * `-l` → HostnameList, recorded as written (names, IPv4 and IPv6 literals; nothing is
//!   resolved). A host name is managed by one resource only.
//! * `-n` → NetIfList, `ipmpgroup@node` with the node by name or id; the IPMP group must exist
//!   on that node, and every node of the group's Nodelist needs one entry. Without `-n` the
//!   list is generated from the first IPMP group of each Nodelist node (`ipmp0@1,ipmp0@2`).
//! * `-X` → AuxNodeList (SharedAddress only): cluster nodes outside the Nodelist.
//! * Without `-j` the resource is named after the first host name.

use super::lookup::{group as find_group, node};
use super::names::{check_host, is_legal_name};
use super::typerules::TypeRules;
use super::values::prop_err;
use super::{NetKind, PropArg};
use crate::error::{ErrorCode, Result, ScError};
use crate::fix::{Fix, Hint};
use crate::model::{ClusterState, Name, PropValue, Resource, ResourceGroup, ResourceType};
use std::collections::HashSet;

pub(super) const HOSTNAME_LIST: &str = "HostnameList";
pub(super) const NETIF_LIST: &str = "NetIfList";
pub(super) const AUXNODE_LIST: &str = "AuxNodeList";

/// The arguments of `-a -L` / `-a -S`.
pub(super) struct NetAddressArgs<'a> {
    pub kind: NetKind,
    pub group: &'a str,
    pub hosts: &'a [String],
    pub resource: Option<&'a str>,
    pub netifs: Option<&'a [String]>,
    pub auxnodes: Option<&'a [String]>,
    pub props: &'a [PropArg],
}

/// What `-a -L|-S` creates: a resource of a network address type, by the generic rules.
pub(super) struct NetAddressResource<'a> {
    pub name: String,
    pub rtype: &'a ResourceType,
    pub group: &'a ResourceGroup,
    /// The `-y`/`-x` properties with HostnameList, NetIfList and AuxNodeList from `-l`, `-n`,
    /// `-X`.
    pub props: Vec<PropArg>,
}

/// `-a -L|-S -g RG -l hosts [-j R] [-n netifs] [-X auxnodes] [-y …]`: the resource to create.
pub(super) fn create<'a>(
    state: &'a ClusterState,
    a: &NetAddressArgs,
) -> Result<NetAddressResource<'a>> {
    let g = find_group(state, a.group)?;
    let rt = network_type(state, a.kind)?;
    let Some(first) = a.hosts.first() else {
        return Err(ScError::inval(format!(
            "{} needs at least one host name with -l",
            a.kind.flag()
        )));
    };
    let name = match a.resource {
        Some(n) => n.to_string(),
        None => {
            if !is_legal_name(first) {
                return Err(ScError::new(
                    ErrorCode::Rsrc,
                    format!(
                        "the resource would be named after the first host name, {first}, which is not a legal resource name (a letter first, then letters, digits, '-' and '_')"
                    ),
                )
                .hint(format!(
                    "name the resource with -j, e.g. scrgadm -a {} -g {} -j {}-rs -l {}",
                    a.kind.flag(),
                    g.name,
                    legalise(first),
                    a.hosts.join(",")
                )));
            }
            first.clone()
        }
    };
    let mut props: Vec<PropArg> = a.props.to_vec();
    let ext = |name: &str, list: &[String]| PropArg {
        either: false,
        op: Default::default(),
        name: name.to_string(),
        value: list.join(","),
        extension: true,
    };
    props.push(ext(HOSTNAME_LIST, a.hosts));
    if let Some(n) = a.netifs {
        props.push(ext(NETIF_LIST, n));
    }
    if let Some(x) = a.auxnodes {
        props.push(ext(AUXNODE_LIST, x));
    }
    Ok(NetAddressResource {
        name,
        rtype: rt,
        group: g,
        props,
    })
}

/// A legal resource-name stem made from a host name (for hints).
fn legalise(host: &str) -> String {
    let mut s: String = host
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s.insert_str(0, "lh-");
    }
    s
}

/// The registered LogicalHostname or SharedAddress type, or exit 13 with the command that
/// registers it.
fn network_type(state: &ClusterState, kind: NetKind) -> Result<&ResourceType> {
    state
        .resource_types
        .values()
        .find(|t| match kind {
            NetKind::Logical => t.is_logical_hostname,
            NetKind::Shared => t.is_shared_address,
        })
        .ok_or_else(|| {
            ScError::new(
                ErrorCode::Rt,
                format!("resource type {} is not registered", kind.type_name()),
            )
            .hint(Hint::lead(
                "register it: ",
                Fix::RegisterType {
                    t: kind.type_name().to_string(),
                },
            ))
        })
}

fn list<'a>(r: &'a Resource, rt: &ResourceType, prop: &str) -> Option<&'a [String]> {
    let decl = rt.param(prop)?;
    match r.extension.get(&decl.name) {
        Some(PropValue::List(l)) => Some(l),
        _ => None,
    }
}

/// Generate NetIfList when it was not given: the first IPMP group of each Nodelist node.
pub(super) fn fill_netiflist(
    state: &ClusterState,
    r: &mut Resource,
    rt: &ResourceType,
    g: &ResourceGroup,
) {
    let Some(decl) = rt.param(NETIF_LIST) else {
        return;
    };
    if list(r, rt, NETIF_LIST).is_some_and(|l| !l.is_empty()) {
        return;
    }
    let generated: Vec<String> = g
        .nodelist
        .iter()
        .filter_map(|n| state.cluster.node(n))
        .filter_map(|n| {
            n.ipmp_groups
                .first()
                .map(|i| format!("{}@{}", i.name, n.id))
        })
        .collect();
    r.extension
        .insert(decl.name.clone(), PropValue::List(generated));
}

/// Every host name (not an address literal) resolves in `/etc/hosts` on every Nodelist node.
fn check_resolves(
    state: &ClusterState,
    nodelist: &[Name],
    r: &Resource,
    hosts: &[String],
) -> Result<()> {
    for (node, view) in super::typerules::checked_nodes(state, nodelist) {
        for h in hosts {
            if crate::model::nodefiles::is_address(h) || check_host(h).is_err() {
                continue;
            }
            if view.resolve(h).is_none() {
                return Err(super::typerules::validate_failed(
                    r,
                    node,
                    format!("host name {h} does not resolve: no entry in /etc/hosts"),
                    format!(
                        "add \"ADDRESS {h}\" to /etc/hosts on every node of the group ($(scsim node root {node})/etc/hosts), or create the cluster with scsim init --host {h}=ADDRESS"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// HostnameList, NetIfList and AuxNodeList of a network address resource in group `g`.
pub(super) fn check_resource(
    state: &ClusterState,
    rt: &ResourceType,
    g: &ResourceGroup,
    r: &Resource,
) -> Result<()> {
    let subject = format!("resource {}", r.name);
    let hosts = list(r, rt, HOSTNAME_LIST).unwrap_or(&[]);
    if hosts.is_empty() {
        return Err(prop_err(
            &subject,
            HOSTNAME_LIST,
            "needs at least one host name (-l host[,host…])",
        ));
    }
    let mut seen = HashSet::new();
    for h in hosts {
        if let Err(why) = check_host(h) {
            return Err(prop_err(
                &subject,
                HOSTNAME_LIST,
                format!("\"{h}\" is not a host name or IP address: {why}"),
            ));
        }
        if !seen.insert(h.to_ascii_lowercase()) {
            return Err(prop_err(
                &subject,
                HOSTNAME_LIST,
                format!("lists {h} twice"),
            ));
        }
    }
    for other in state.resources.values() {
        if other.name == r.name {
            continue;
        }
        let Some(ot) = state.type_of(other) else {
            continue;
        };
        if !ot.is_network_address() {
            continue;
        }
        if let Some(h) = list(other, ot, HOSTNAME_LIST)
            .unwrap_or(&[])
            .iter()
            .find(|h| seen.contains(&h.to_ascii_lowercase()))
        {
            return Err(prop_err(
                &subject,
                HOSTNAME_LIST,
                format!(
                    "host {h} is already managed by resource {} (group {})",
                    other.name, other.group
                ),
            ));
        }
    }
    if let Some(netifs) = list(r, rt, NETIF_LIST) {
        let mut covered: Vec<String> = Vec::new();
        for e in netifs {
            let Some((ipmp, n)) = e.rsplit_once('@') else {
                return Err(prop_err(
                    &subject,
                    NETIF_LIST,
                    format!("entry \"{e}\" is not IPMPGROUP@NODE (e.g. ipmp0@mail-1 or ipmp0@1)"),
                ));
            };
            let nd = node(state, n, &format!("{subject}: {NETIF_LIST} entry {e}"))?;
            if !nd.ipmp_groups.iter().any(|i| i.name == ipmp) {
                let have: Vec<&str> = nd.ipmp_groups.iter().map(|i| i.name.as_str()).collect();
                return Err(prop_err(
                    &subject,
                    NETIF_LIST,
                    format!(
                        "entry \"{e}\": node {} has no IPMP group {ipmp} (its IPMP groups: {})",
                        nd.name,
                        if have.is_empty() {
                            "none".to_string()
                        } else {
                            have.join(", ")
                        }
                    ),
                ));
            }
            if covered.contains(&nd.name) {
                return Err(prop_err(
                    &subject,
                    NETIF_LIST,
                    format!("node {} has more than one entry", nd.name),
                ));
            }
            covered.push(nd.name.clone());
        }
        check_covers(&subject, &covered, &g.nodelist, &g.name)?;
    }
    if rt.is_shared_address
        && let Some(aux) = list(r, rt, AUXNODE_LIST)
    {
        let mut names = Vec::new();
        for a in aux {
            let nd = node(state, a, &format!("{subject}: {AUXNODE_LIST}"))?;
            if names.contains(&nd.name) {
                return Err(prop_err(
                    &subject,
                    AUXNODE_LIST,
                    format!("lists node {} twice", nd.name),
                ));
            }
            names.push(nd.name.clone());
        }
        check_aux_disjoint(&subject, &names, &g.nodelist, &g.name)?;
    }
    check_resolves(state, &g.nodelist, r, hosts)
}

fn check_covers(subject: &str, covered: &[String], nodelist: &[Name], group: &str) -> Result<()> {
    if let Some(missing) = nodelist.iter().find(|n| !covered.iter().any(|c| c == *n)) {
        return Err(prop_err(
            subject,
            NETIF_LIST,
            format!(
                "has no entry for node {missing}, which is in the Nodelist of {group}; every node that can host the address needs its IPMP group (IPMPGROUP@{missing})"
            ),
        ));
    }
    Ok(())
}

fn check_aux_disjoint(subject: &str, aux: &[String], nodelist: &[Name], group: &str) -> Result<()> {
    if let Some(n) = aux.iter().find(|n| nodelist.iter().any(|x| x == *n)) {
        return Err(prop_err(
            subject,
            AUXNODE_LIST,
            format!(
                "node {n} is in the Nodelist of {group}; auxiliary nodes host the shared address without mastering the group, so they must be outside the Nodelist"
            ),
        ));
    }
    Ok(())
}

/// When a group's Nodelist changes: its network address resources must still fit it.
pub(super) fn check_nodes_fit(
    state: &ClusterState,
    r: &Resource,
    rt: &ResourceType,
    nodelist: &[Name],
) -> Result<()> {
    if !rt.is_network_address() {
        return Ok(());
    }
    let subject = format!("resource {}", r.name);
    if let Some(netifs) = list(r, rt, NETIF_LIST) {
        let covered: Vec<String> = netifs
            .iter()
            .filter_map(|e| e.rsplit_once('@'))
            .filter_map(|(_, n)| state.cluster.resolve_node(n))
            .map(|n| n.name.clone())
            .collect();
        check_covers(&subject, &covered, nodelist, &r.group).map_err(|e| {
            e.hint(Hint::lead(
                "add the node's IPMP group first: ",
                Fix::SetResourceProperty {
                    r: r.name.to_string(),
                    prop: NETIF_LIST.to_string(),
                    value: format!("{},IPMPGROUP@NODE", netifs.join(",")),
                    extension: true,
                },
            ))
        })?;
    }
    if rt.is_shared_address
        && let Some(aux) = list(r, rt, AUXNODE_LIST)
    {
        let names: Vec<String> = aux
            .iter()
            .filter_map(|a| state.cluster.resolve_node(a))
            .map(|n| n.name.clone())
            .collect();
        check_aux_disjoint(&subject, &names, nodelist, &r.group)?;
    }
    Ok(())
}

/// SUNW.LogicalHostname and SUNW.SharedAddress in the type-rule table.
pub(super) struct NetworkAddress;

impl TypeRules for NetworkAddress {
    fn applies(&self, rt: &ResourceType) -> bool {
        rt.is_network_address()
    }
    fn complete(
        &self,
        state: &ClusterState,
        rt: &ResourceType,
        g: &ResourceGroup,
        r: &mut Resource,
    ) {
        fill_netiflist(state, r, rt, g);
    }
    fn check(
        &self,
        state: &ClusterState,
        rt: &ResourceType,
        g: &ResourceGroup,
        r: &Resource,
    ) -> Result<()> {
        check_resource(state, rt, g, r)
    }
    fn check_nodelist(
        &self,
        state: &ClusterState,
        rt: &ResourceType,
        r: &Resource,
        nodelist: &[Name],
    ) -> Result<()> {
        check_nodes_fit(state, r, rt, nodelist)?;
        check_resolves(
            state,
            nodelist,
            r,
            list(r, rt, HOSTNAME_LIST).unwrap_or(&[]),
        )
    }
}
