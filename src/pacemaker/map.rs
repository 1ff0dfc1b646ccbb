//! SC → Pacemaker mapping rules shared by the CIB export and the backend: agents, start order
//! inside a group, dependencies, affinities, and what has no Pacemaker form.

use crate::model::{ClusterState, DepKind, PropValue, Resource, ResourceGroup};
use crate::query::effective;

/// The network prefix the lab gives its nodes and a logical hostname that is not an address
/// literal gets an address from (TEST-NET-1, RFC 5737: never routed).
pub const LAB_NET: &str = "192.0.2";

/// The resource agent an SC resource runs as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Agent {
    /// `ocf:heartbeat:IPaddr2` for a LogicalHostname / SharedAddress.
    IpAddr { ip: String },
    /// `ocf:heartbeat:Dummy`: a stand-in for agents Pacemaker does not have (HAStoragePlus on
    /// global paths, ims, gds, custom types); the SC type stays in `sc-type`.
    Dummy,
}

impl Agent {
    pub fn class(&self) -> &'static str {
        "ocf"
    }
    pub fn provider(&self) -> &'static str {
        "heartbeat"
    }
    pub fn kind(&self) -> &'static str {
        match self {
            Agent::IpAddr { .. } => "IPaddr2",
            Agent::Dummy => "Dummy",
        }
    }
    pub fn params(&self) -> Vec<(String, String)> {
        match self {
            Agent::IpAddr { ip } => vec![
                ("ip".to_string(), ip.clone()),
                ("cidr_netmask".to_string(), "24".to_string()),
            ],
            Agent::Dummy => Vec::new(),
        }
    }
    /// Network addresses are monitored by Pacemaker even though SC types have no monitor.
    pub fn always_monitored(&self) -> bool {
        matches!(self, Agent::IpAddr { .. })
    }
}

fn is_network(state: &ClusterState, r: &Resource) -> bool {
    state
        .resource_types
        .get(r.rtype.as_str())
        .is_some_and(|t| t.is_network_address())
}

/// The agent of resource `r`. A network address gets the first IPv4 literal of its
/// HostnameList, else the address a node's hosts table gives its first name that resolves,
/// else one of the lab's subnet.
pub fn agent(state: &ClusterState, r: &Resource) -> Agent {
    if !is_network(state, r) {
        return Agent::Dummy;
    }
    let hosts = r
        .extension
        .get("HostnameList")
        .map(effective::as_list)
        .unwrap_or_default();
    let literal = hosts
        .iter()
        .find(|h| h.parse::<std::net::Ipv4Addr>().is_ok())
        .cloned();
    // Else the nodes' hosts tables (`scsim init --hosts`), as the node would resolve it.
    let resolved = || {
        hosts.iter().find_map(|h| {
            state
                .files
                .nodes
                .values()
                .find_map(|v| v.resolve(h))
                .map(|e| e.addr.clone())
                .filter(|a| a.parse::<std::net::Ipv4Addr>().is_ok())
        })
    };
    let ip = literal.or_else(resolved).unwrap_or_else(|| {
        let index = state
            .resources
            .values()
            .filter(|x| is_network(state, x))
            .position(|x| x.name == r.name)
            .unwrap_or(0);
        format!("{LAB_NET}.{}", 100 + index.min(150))
    });
    Agent::IpAddr { ip }
}

/// Members of `g` in start order: network addresses first when the group has
/// Implicit_network_dependencies, then every resource after the members of its group it
/// depends on (stable: creation order otherwise).
pub fn start_order(state: &ClusterState, g: &ResourceGroup) -> Vec<String> {
    let members: Vec<&Resource> = g
        .resources
        .iter()
        .filter_map(|r| state.resources.get(r))
        .collect();
    let mut pending: Vec<&Resource> = Vec::new();
    if g.implicit_network_dependencies {
        pending.extend(members.iter().filter(|r| is_network(state, r)));
        pending.extend(members.iter().filter(|r| !is_network(state, r)));
    } else {
        pending.extend(members.iter());
    }
    let mut done: Vec<String> = Vec::new();
    while !pending.is_empty() {
        let ready = pending.iter().position(|r| {
            r.dependencies.all().all(|(_, d)| {
                done.iter().any(|x| x == d.as_str()) || !g.resources.contains(d) || *d == r.name
            })
        });
        // A cycle cannot be configured; take the next one anyway rather than loop.
        let i = ready.unwrap_or(0);
        done.push(pending.remove(i).name.to_string());
    }
    done
}

/// Order constraints for resource dependencies: (dependent, kind, dependee). Inside a group
/// the member order already starts the dependee first; across groups a strong, restart or
/// offline-restart dependency is Mandatory and a weak one Optional. No colocation: SC only
/// asks that the dependee be online somewhere.
pub fn resource_orders(
    state: &ClusterState,
    groups: &[&ResourceGroup],
) -> Vec<(String, &'static str, String)> {
    let mapped = |name: &str| groups.iter().any(|g| g.name == name);
    let mut out = Vec::new();
    for g in groups {
        for rname in &g.resources {
            let Some(r) = state.resources.get(rname) else {
                continue;
            };
            for (kind, d) in r.dependencies.all() {
                let Some(dep) = state.resources.get(d) else {
                    continue;
                };
                if dep.group == r.group || !mapped(&dep.group) {
                    continue;
                }
                let k = if kind == DepKind::Weak {
                    "Optional"
                } else {
                    "Mandatory"
                };
                out.push((r.name.to_string(), k, d.to_string()));
            }
        }
    }
    out
}

/// One RG_affinities entry: `+`/`++`/`+++`/`-`/`--` and the group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affinity {
    pub sign: i8,
    pub strength: usize,
    pub group: String,
}

impl Affinity {
    pub fn parse(s: &str) -> Option<Affinity> {
        use crate::query::affinity::{AffKind, parse};
        let (kind, group) = parse(s)?;
        let (sign, strength) = match kind {
            AffKind::WeakPositive => (1, 1),
            AffKind::StrongPositive => (1, 2),
            AffKind::Delegate => (1, 3),
            AffKind::WeakNegative => (-1, 1),
            AffKind::StrongNegative => (-1, 2),
        };
        Some(Affinity {
            sign,
            strength,
            group: group.to_string(),
        })
    }
    /// The colocation score.
    pub fn score(&self) -> String {
        match (self.sign, self.strength) {
            (1, 1) => super::cib::WEAK_AFFINITY.to_string(),
            (-1, 1) => format!("-{}", super::cib::WEAK_AFFINITY),
            (1, _) => "INFINITY".to_string(),
            _ => "-INFINITY".to_string(),
        }
    }
    /// `influence` for strong positive affinities: +++ (delegated failover) lets this group's
    /// failures move the other one; ++ does not.
    pub fn influence(&self) -> Option<&'static str> {
        match (self.sign, self.strength) {
            (1, 3) => Some("true"),
            (1, 2) => Some("false"),
            _ => None,
        }
    }
}

fn meta_value(v: &PropValue) -> String {
    match v {
        PropValue::List(l) => l.join(","),
        other => other.to_string(),
    }
}

/// SC group properties with no Pacemaker form but a non-default value, as `sc-*` meta.
pub fn group_sc_meta(g: &ResourceGroup, notes: &mut Vec<String>) -> Vec<(String, String)> {
    let defaults = ResourceGroup::new(&g.name, g.nodelist.clone());
    let mut out = Vec::new();
    let mut keep = |name: &str, v: String, note: bool| {
        if note {
            notes.push(format!(
                "{}: {name}={v} has no Pacemaker equivalent (kept as sc-{name})",
                g.name
            ));
        }
        out.push((format!("sc-{name}"), v));
    };
    if g.pingpong_interval != defaults.pingpong_interval {
        keep("Pingpong_interval", g.pingpong_interval.to_string(), true);
    }
    if g.auto_start_on_new_cluster != defaults.auto_start_on_new_cluster {
        keep(
            "Auto_start_on_new_cluster",
            g.auto_start_on_new_cluster.to_string(),
            true,
        );
    }
    if g.maximum_primaries != g.desired_primaries {
        keep("Maximum_primaries", g.maximum_primaries.to_string(), false);
    }
    if !g.rare.description.is_empty() {
        keep("RG_description", g.rare.description.clone(), false);
    }
    if g.suspend_automatic_recovery {
        keep("Suspend_automatic_recovery", "true".to_string(), true);
    }
    out
}

/// Explicitly set SC resource properties (standard and extension) as `sc-*` meta.
pub fn resource_sc_meta(r: &Resource) -> Vec<(String, String)> {
    r.properties
        .iter()
        .chain(r.extension.iter())
        .map(|(k, v)| (format!("sc-{k}"), meta_value(v)))
        .collect()
}

/// Settings the Pacemaker backend refuses because Pacemaker cannot carry them out: one line
/// each, naming the object, the setting and what to do instead.
pub fn unmappable(state: &ClusterState) -> Vec<String> {
    let mut out = Vec::new();
    for g in state.resource_groups.values() {
        let defaults = ResourceGroup::new(&g.name, g.nodelist.clone());
        if g.pingpong_interval != defaults.pingpong_interval {
            out.push(format!(
                "resource group {}: Pingpong_interval={} cannot be mapped to Pacemaker (it has no \
                 per-node start-failure window); leave it at {}",
                g.name, g.pingpong_interval, defaults.pingpong_interval
            ));
        }
        if !g.auto_start_on_new_cluster {
            out.push(format!(
                "resource group {}: Auto_start_on_new_cluster=False cannot be mapped to Pacemaker \
                 (a cluster start does not differ from a rejoin); leave it True",
                g.name
            ));
        }
        if g.maximum_primaries != g.desired_primaries {
            out.push(format!(
                "resource group {}: Maximum_primaries={} differs from Desired_primaries={}; \
                 Pacemaker clones have one count (clone-max): set both to the same value",
                g.name, g.maximum_primaries, g.desired_primaries
            ));
        }
        for a in &g.rare.rg_affinities {
            if Affinity::parse(a).is_none() {
                out.push(format!(
                    "resource group {}: RG_affinities entry {a} cannot be mapped",
                    g.name
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testkit;

    #[test]
    fn affinities_parse_and_score() {
        let a = Affinity::parse("+++PROD").unwrap();
        assert_eq!((a.sign, a.strength, a.group.as_str()), (1, 3, "PROD"));
        assert_eq!(
            (a.score().as_str(), a.influence()),
            ("INFINITY", Some("true"))
        );
        let b = Affinity::parse("++PROD").unwrap();
        assert_eq!(b.influence(), Some("false"));
        assert_eq!(Affinity::parse("+P").unwrap().score(), "200");
        assert_eq!(Affinity::parse("-P").unwrap().score(), "-200");
        assert_eq!(Affinity::parse("--P").unwrap().score(), "-INFINITY");
        assert_eq!(Affinity::parse("--P").unwrap().influence(), None);
        assert!(Affinity::parse("---P").is_none());
        assert!(Affinity::parse("P").is_none());
        assert!(Affinity::parse("++").is_none());
    }

    #[test]
    fn start_order_puts_addresses_and_dependees_first() {
        let mut s = testkit::cluster(&["n1", "n2"], 0);
        testkit::add_group(&mut s, "G", &["n1", "n2"]);
        testkit::add_resource(&mut s, "app", "gds", "G", &["disk"]);
        testkit::add_resource(&mut s, "disk", "hasp", "G", &[]);
        testkit::add_resource(&mut s, "ip", "lh", "G", &[]);
        let g = s.resource_groups["G"].clone();
        assert_eq!(start_order(&s, &g), ["ip", "disk", "app"]);
        s.resource_groups
            .get_mut("G")
            .unwrap()
            .implicit_network_dependencies = false;
        let g = s.resource_groups["G"].clone();
        assert_eq!(start_order(&s, &g), ["disk", "app", "ip"]);
    }

    #[test]
    fn unmappable_settings_are_named() {
        let mut s = testkit::seed(0);
        assert!(unmappable(&s).is_empty());
        s.resource_groups
            .get_mut("MAIL-RG")
            .unwrap()
            .pingpong_interval = 60;
        let v = unmappable(&s);
        assert_eq!(v.len(), 1);
        assert!(
            v[0].contains("MAIL-RG") && v[0].contains("Pingpong_interval=60"),
            "{v:?}"
        );
    }

    #[test]
    fn addresses_come_from_literals_or_the_lab_net() {
        let mut s = testkit::seed(0);
        assert_eq!(
            agent(&s, &s.resources["budgie"]),
            Agent::IpAddr {
                ip: "192.0.2.100".into()
            }
        );
        s.resources
            .get_mut("budgie")
            .unwrap()
            .extension
            .insert("HostnameList", PropValue::List(vec!["10.1.2.3".into()]));
        assert_eq!(
            agent(&s, &s.resources["budgie"]),
            Agent::IpAddr {
                ip: "10.1.2.3".into()
            }
        );
        assert_eq!(agent(&s, &s.resources["mail-rs"]), Agent::Dummy);
        // A name the hosts table resolves.
        s.resources
            .get_mut("budgie")
            .unwrap()
            .extension
            .insert("HostnameList", PropValue::List(vec!["budgie".into()]));
        s.files.nodes.insert(
            "mail-1".into(),
            crate::model::nodefiles::NodeView {
                hosts: vec![crate::model::nodefiles::HostEntry {
                    addr: "192.0.2.50".into(),
                    names: vec!["Budgie".into()],
                }],
                ..Default::default()
            },
        );
        assert_eq!(
            agent(&s, &s.resources["budgie"]),
            Agent::IpAddr {
                ip: "192.0.2.50".into()
            }
        );
    }
}
