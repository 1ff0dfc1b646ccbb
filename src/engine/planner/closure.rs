//! Steps 2 and 3 of planning: the goal set is closed over affinities, RG_dependencies and
//! resource dependencies, and the goal groups are ordered dependees first.

use super::{Auto, Draft, Goal};
use crate::engine::index::{self, AffKind, dep_target};
use crate::fasthash::{FastMap, FastSet};
use crate::model::DepKind;
use crate::model::Name;
use std::collections::VecDeque;

impl<'a> Draft<'a> {
    pub(super) fn close_goals(&mut self) {
        let mut queue: VecDeque<String> = self.aims.goals.keys().map(Name::to_string).collect();
        let mut seen: FastSet<String> = queue.iter().cloned().collect();
        while let Some(gname) = queue.pop_front() {
            let moving = !matches!(self.aims.goals.get(gname.as_str()), Some(Goal::Keep));
            if moving {
                for (h, kind) in self.ix.affinity_holders(&gname) {
                    if !(kind.strong_positive() || *kind == AffKind::StrongNegative) {
                        continue;
                    }
                    let Some(hg) = self.st.resource_groups.get(*h) else {
                        continue;
                    };
                    if self.aims.goals.contains_key(*h)
                        || self.frozen(hg)
                        || !self.managed_after(hg)
                    {
                        continue;
                    }
                    if self.mastered(hg).is_empty() && !hg.stranded {
                        continue;
                    }
                    let operator_follower =
                        (self.operator && kind.strong_positive()).then(|| gname.clone());
                    self.aims.goals.insert(
                        Name::from(*h),
                        Goal::Auto(Auto {
                            sticky: true,
                            strand_if_empty: true,
                            operator_follower,
                            ..Auto::default()
                        }),
                    );
                    self.aims.reasons.insert(
                        h.to_string(),
                        format!("{h} has affinity {}{gname}", kind.prefix()),
                    );
                    if seen.insert(h.to_string()) {
                        queue.push_back(h.to_string());
                    }
                }
                for h in self.ix.rg_dependents(&gname) {
                    let Some(hg) = self.st.resource_groups.get(*h) else {
                        continue;
                    };
                    if !hg.stranded || self.aims.goals.contains_key(*h) || self.frozen(hg) {
                        continue;
                    }
                    self.aims.goals.insert(
                        Name::from(*h),
                        Goal::Auto(Auto {
                            sticky: true,
                            strand_if_empty: true,
                            ..Auto::default()
                        }),
                    );
                    self.aims.reasons.insert(
                        h.to_string(),
                        format!("{h} waits for {gname} (RG_dependencies)"),
                    );
                    if seen.insert(h.to_string()) {
                        queue.push_back(h.to_string());
                    }
                }
            }
            let Some(g) = self.st.resource_groups.get(&gname) else {
                continue;
            };
            for rn in &g.resources {
                for (dep, kind) in self.ix.dependents(rn) {
                    if kind == DepKind::Weak {
                        continue;
                    }
                    let Some(dr) = self.st.resources.get(dep) else {
                        continue;
                    };
                    if dr.group == gname || self.aims.goals.contains_key(dr.group.as_str()) {
                        continue;
                    }
                    self.aims.goals.insert(dr.group.clone(), Goal::Keep);
                    if seen.insert(dr.group.to_string()) {
                        queue.push_back(dr.group.to_string());
                    }
                }
            }
        }
    }

    /// Goal groups, dependees first (RG_dependencies, affinities, resource dependencies);
    /// creation order breaks ties and cycles.
    pub(super) fn order_groups(&self) -> Vec<String> {
        let names: Vec<&Name> = self.aims.goals.keys().collect();
        let pos: FastMap<&str, usize> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let n = names.len();
        let mut indeg = vec![0usize; n];
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut add = |from: usize, to: usize, indeg: &mut Vec<usize>| {
            if from != to && !out[from].contains(&to) {
                out[from].push(to);
                indeg[to] += 1;
            }
        };
        for (i, name) in names.iter().enumerate() {
            let Some(g) = self.st.resource_groups.get(*name) else {
                continue;
            };
            for h in &g.rare.rg_dependencies {
                if let Some(&j) = pos.get(h.as_str()) {
                    add(j, i, &mut indeg);
                }
            }
            for (_, h) in self.ix.affinities(name) {
                if let Some(&j) = pos.get(h) {
                    add(j, i, &mut indeg);
                }
            }
            for rn in &g.resources {
                let Some(r) = self.st.resources.get(rn) else {
                    continue;
                };
                for (_, d) in r.dependencies.all() {
                    if let Some(dr) = self.st.resources.get(dep_target(d))
                        && let Some(&j) = pos.get(dr.group.as_str())
                    {
                        add(j, i, &mut indeg);
                    }
                }
            }
        }
        let key = |i: usize| self.ix.group_pos(names[i]);
        index::priority_topo_order(&out, indeg, key)
            .into_iter()
            .map(|i| names[i].to_string())
            .collect()
    }
}
