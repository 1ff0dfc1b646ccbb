//! Lookup tables built once per command so that planning never scans the cluster per object:
//! resource → dependents (by kind), group → groups that name it in RG_dependencies or
//! RG_affinities, parsed affinities, and the dependency order of a group's resources.
//! Building the index is linear in the size of the state.

use crate::fasthash::FastMap;
use crate::model::{ClusterState, DepKind, PropValue, Resource};

pub use crate::query::affinity::AffKind;

/// Parse one stored RG_affinities entry (`++DB-RG`): the shared syntax
/// ([`crate::query::affinity::parse`]) around a group name that starts with a letter.
pub fn parse_affinity(s: &str) -> Option<(AffKind, &str)> {
    crate::query::affinity::parse(s.trim())
        .filter(|(_, name)| name.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// The resource a dependency entry names (`disk-rs{LOCAL_NODE}` → `disk-rs`).
pub fn dep_target(s: &str) -> &str {
    s.split('{').next().unwrap_or(s).trim()
}

/// Per-command lookup tables over one state.
pub struct Index<'a> {
    pub state: &'a ClusterState,
    dependents: Dependents,
    network_users: FastMap<&'a str, Vec<&'a str>>,
    rg_dependents: FastMap<&'a str, Vec<&'a str>>,
    affinity_holders: FastMap<&'a str, Vec<(&'a str, AffKind)>>,
    affinities: FastMap<&'a str, Vec<(AffKind, &'a str)>>,
}

impl<'a> Index<'a> {
    pub fn new(state: &'a ClusterState) -> Index<'a> {
        let dependents = Dependents::new(state);
        let mut network_users: FastMap<&str, Vec<&str>> = FastMap::default();
        for r in state.resources.values() {
            if let Some(PropValue::List(l)) = r.properties.get("Network_resources_used") {
                for d in l {
                    network_users
                        .entry(d.as_str())
                        .or_default()
                        .push(r.name.as_str());
                }
            }
        }
        let mut rg_dependents: FastMap<&str, Vec<&str>> = FastMap::default();
        let mut affinity_holders: FastMap<&str, Vec<(&str, AffKind)>> = FastMap::default();
        let mut affinities: FastMap<&str, Vec<(AffKind, &str)>> = FastMap::default();
        for g in state.resource_groups.values() {
            for d in &g.rare.rg_dependencies {
                rg_dependents
                    .entry(d.as_str())
                    .or_default()
                    .push(g.name.as_str());
            }
            for a in &g.rare.rg_affinities {
                if let Some((kind, target)) = parse_affinity(a) {
                    affinity_holders
                        .entry(target)
                        .or_default()
                        .push((g.name.as_str(), kind));
                    affinities
                        .entry(g.name.as_str())
                        .or_default()
                        .push((kind, target));
                }
            }
        }
        Index {
            state,
            dependents,
            network_users,
            rg_dependents,
            affinity_holders,
            affinities,
        }
    }

    /// Resources that depend on `r`, with the kind of dependency.
    pub fn dependents(&self, r: &str) -> impl Iterator<Item = (&'a str, DepKind)> + '_ {
        let state = self.state;
        self.state
            .resources
            .get_index_of(r)
            .map_or(&[][..], |i| self.dependents.of(i))
            .iter()
            .filter_map(move |&(d, kind)| {
                let (name, _) = state.resources.get_index(d as usize)?;
                Some((name.as_str(), kind))
            })
    }

    /// Resources whose Network_resources_used names the network address `r`.
    pub fn network_users(&self, r: &str) -> &[&'a str] {
        self.network_users.get(r).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Groups whose RG_dependencies name `rg`.
    pub fn rg_dependents(&self, rg: &str) -> &[&'a str] {
        self.rg_dependents.get(rg).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Groups whose RG_affinities name `rg`, with the kind.
    pub fn affinity_holders(&self, rg: &str) -> &[(&'a str, AffKind)] {
        self.affinity_holders
            .get(rg)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Parsed RG_affinities of `rg`.
    pub fn affinities(&self, rg: &str) -> &[(AffKind, &'a str)] {
        self.affinities.get(rg).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Creation position of a group (for deterministic ordering).
    pub fn group_pos(&self, rg: &str) -> usize {
        self.state
            .resource_groups
            .get_index_of(rg)
            .unwrap_or(usize::MAX)
    }

    pub fn resource(&self, name: &str) -> Option<&'a Resource> {
        self.state.resources.get(name)
    }

    /// The group's resources in start order: network addresses first when the group has
    /// Implicit_network_dependencies (and is not scalable), then dependees before dependents
    /// (every dependency kind within the group orders the start), creation order breaking ties.
    /// Dependency cycles fall back to creation order for the members of the cycle.
    pub fn start_order(&self, rg: &str) -> Vec<&'a str> {
        let Some(g) = self.state.resource_groups.get(rg) else {
            return Vec::new();
        };
        let names: Vec<&str> = g
            .resources
            .iter()
            .filter(|r| self.state.resources.contains_key(r.as_str()))
            .map(|n| n.as_str())
            .collect();
        let pos: FastMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let n = names.len();
        let mut indeg = vec![0usize; n];
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, name) in names.iter().enumerate() {
            let r = &self.state.resources[*name];
            for (_, d) in r.dependencies.all() {
                if let Some(&j) = pos.get(dep_target(d))
                    && j != i
                {
                    out[j].push(i);
                    indeg[i] += 1;
                }
            }
        }
        // Kahn with a priority: network addresses (when implicit) first, then creation order.
        let implicit = g.implicit_network_dependencies && g.mode == crate::model::RgMode::Failover;
        let is_net = |i: usize| {
            implicit
                && self
                    .state
                    .type_of(&self.state.resources[names[i]])
                    .is_some_and(|t| t.is_network_address())
        };
        let key = |i: usize| (!is_net(i), i);
        priority_topo_order(&out, indeg, key)
            .into_iter()
            .map(|i| names[i])
            .collect()
    }
}

/// Every resource's dependents, by the resource's position in the state: one list of
/// (dependent, kind) ordered by dependee, and where each dependee's part starts. A map from
/// name to a list of its own cost 180 bytes a dependee (a table slot and a list block); this
/// costs 4 bytes a resource and 8 a dependency.
struct Dependents {
    /// `starts[i]..starts[i + 1]` is resource `i`'s part of `edges`.
    starts: Vec<u32>,
    /// Each dependent by its position among the resources (8 bytes an edge, where a name
    /// would take 24: 8,000 dependencies at 10,000 resources).
    edges: Vec<(u32, DepKind)>,
}

impl Dependents {
    fn new(state: &ClusterState) -> Dependents {
        let n = state.resources.len();
        // Each dependency's dependee position (NONE: not a resource), in the order of the
        // dependents and their lists: 4 bytes a dependency, read again to fill `edges`.
        const NONE: u32 = u32::MAX;
        let total = state
            .resources
            .values()
            .map(|r| r.dependencies.all().count())
            .sum();
        let mut targets: Vec<u32> = Vec::with_capacity(total);
        let mut starts = vec![0u32; n + 1];
        for r in state.resources.values() {
            for (_, d) in r.dependencies.all() {
                let t = state.resources.get_index_of(dep_target(d));
                if let Some(t) = t {
                    starts[t + 1] += 1;
                }
                targets.push(t.map_or(NONE, |t| t as u32));
            }
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut edges = vec![(0, DepKind::Strong); starts[n] as usize];
        let mut targets = targets.into_iter();
        for (i, r) in state.resources.values().enumerate() {
            for (kind, _) in r.dependencies.all() {
                let t = targets.next().unwrap_or(NONE);
                if t == NONE {
                    continue;
                }
                let at = &mut fill[t as usize];
                edges[*at as usize] = (i as u32, kind);
                *at += 1;
            }
        }
        Dependents { starts, edges }
    }

    fn of(&self, i: usize) -> &[(u32, DepKind)] {
        &self.edges[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// Order nodes `0..n` so that every edge `j -> out[j][..]` goes forward, picking among the ready
/// nodes the one with the smallest `key` (Kahn's algorithm with a priority). Nodes caught in a
/// cycle are taken in `key` order once nothing else is ready, so every node appears exactly once.
/// `indeg[i]` is the number of edges into `i`.
pub fn priority_topo_order<K: Ord + Copy>(
    out: &[Vec<usize>],
    mut indeg: Vec<usize>,
    key: impl Fn(usize) -> K,
) -> Vec<usize> {
    let n = out.len();
    let mut ready: std::collections::BTreeSet<(K, usize)> = (0..n)
        .filter(|i| indeg[*i] == 0)
        .map(|i| (key(i), i))
        .collect();
    let mut order = Vec::with_capacity(n);
    let mut done = vec![false; n];
    while order.len() < n {
        let next = match ready.pop_first() {
            Some((_, i)) => i,
            // A cycle: take the first unfinished node in priority order.
            None => match (0..n).filter(|i| !done[*i]).min_by_key(|i| key(*i)) {
                Some(i) => i,
                None => break,
            },
        };
        if done[next] {
            continue;
        }
        done[next] = true;
        order.push(next);
        for &k in &out[next] {
            indeg[k] = indeg[k].saturating_sub(1);
            if indeg[k] == 0 && !done[k] {
                ready.insert((key(k), k));
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_topo_order_respects_edges_priority_and_cycles() {
        // 0 -> 2, 1 -> 2; priority prefers 1 over 0; 3 <-> 4 form a cycle.
        let out = vec![vec![2], vec![2], vec![], vec![4], vec![3]];
        let indeg = vec![0, 0, 2, 1, 1];
        let prio = [5, 1, 0, 3, 2];
        let order = priority_topo_order(&out, indeg, |i| prio[i]);
        assert_eq!(order, vec![1, 0, 2, 4, 3]);
    }

    #[test]
    fn stored_affinities_are_trimmed_and_name_a_group() {
        assert_eq!(
            parse_affinity(" ++DB "),
            Some((AffKind::StrongPositive, "DB"))
        );
        assert_eq!(parse_affinity("+*X"), None);
        assert_eq!(parse_affinity("+-X"), None);
    }

    #[test]
    fn dependents_are_listed_per_dependee_in_creation_order() {
        use crate::engine::testkit::{add_group, add_resource, cluster};
        let mut s = cluster(&["n1", "n2"], 0);
        add_group(&mut s, "rg", &["n1", "n2"]);
        add_resource(&mut s, "disk", "hasp", "rg", &[]);
        add_resource(&mut s, "ip", "lh", "rg", &[]);
        add_resource(&mut s, "app", "gds", "rg", &["disk", "ip"]);
        add_resource(&mut s, "web", "gds", "rg", &["ghost"]);
        let r = s.resources.get_mut("web").expect("web");
        r.dependencies
            .set(DepKind::Weak, vec!["disk{LOCAL_NODE}".into()]);
        r.dependencies.set(DepKind::Restart, vec!["app".into()]);
        let ix = Index::new(&s);
        let of = |r: &str| ix.dependents(r).collect::<Vec<_>>();
        assert_eq!(
            of("disk"),
            [("app", DepKind::Strong), ("web", DepKind::Weak)]
        );
        assert_eq!(of("ip"), [("app", DepKind::Strong)]);
        assert_eq!(of("app"), [("web", DepKind::Restart)]);
        assert!(of("web").is_empty());
        // A dependee that is not a resource has no entry, and neither has a stranger.
        assert!(of("ghost").is_empty());
        assert!(of("nobody").is_empty());
    }

    #[test]
    fn dependency_qualifiers_are_stripped() {
        assert_eq!(dep_target("disk-rs{LOCAL_NODE}"), "disk-rs");
        assert_eq!(dep_target("disk-rs"), "disk-rs");
    }
}
