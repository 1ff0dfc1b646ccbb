//! Step 4 of planning: each goal group's target nodes (fixed, preferred or automatic placement
//! with eligibility: membership, evacuation, Pingpong_interval, strong and weak affinities).

use super::{Auto, Draft, Goal, err};
use crate::engine::index::AffKind;
use crate::engine::plan::{Step, StepKind};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ResourceGroup, RgMode};

impl<'a> Draft<'a> {
    /// Why `n` cannot take `g` (None = eligible). `current` relaxes the checks that only
    /// restrict new placements (evacuation, pingpong).
    pub(super) fn ineligible(
        &self,
        g: &ResourceGroup,
        n: &str,
        a: &Auto,
        current: bool,
    ) -> Option<(String, bool)> {
        if !self.up_after(n) {
            return Some((format!("{n} is down"), false));
        }
        if a.exclude.iter().any(|x| x == n) {
            return Some((format!("{n} is the node it leaves"), false));
        }
        if !current {
            if let Some(until) = self.st.cluster.node(n).and_then(|x| x.evacuated_until)
                && until > self.now
            {
                return Some((
                    format!(
                        "{n} is evacuated for another {} s",
                        (until - self.now).div_ceil(1000)
                    ),
                    false,
                ));
            }
            let pp = u64::from(g.pingpong_interval) * 1000;
            if let Some(t) = g.rare.start_failures.get(n)
                && self.now < t.saturating_add(pp)
            {
                return Some((
                    format!(
                        "{} failed to start on {n} {} s ago (Pingpong_interval {} s)",
                        g.name,
                        (self.now - t) / 1000,
                        g.pingpong_interval
                    ),
                    false,
                ));
            }
            if a.giveover
                && let Some(t) = g.rare.giveovers.get(n)
                && self.now < t.saturating_add(pp)
            {
                return Some((
                    format!(
                        "{n} gave {} away {} s ago (Pingpong_interval {} s)",
                        g.name,
                        (self.now - t) / 1000,
                        g.pingpong_interval
                    ),
                    false,
                ));
            }
        }
        for (kind, h) in self.ix.affinities(&g.name) {
            let on = self.placed_after(h).iter().any(|x| x == n);
            if kind.strong_positive() && !self.leader_on(h, n) {
                let how = if on {
                    "is Error_stop_failed"
                } else {
                    "is not online"
                };
                return Some((format!("{h} {how} on {n} ({}{h})", kind.prefix()), true));
            }
            if *kind == AffKind::StrongNegative && on {
                return Some((format!("{h} is online on {n} (--{h})"), true));
            }
        }
        None
    }

    pub(super) fn weak_score(&self, g: &ResourceGroup, n: &str) -> i32 {
        let mut s = 0;
        for (kind, h) in self.ix.affinities(&g.name) {
            let on = self.placed_after(h).iter().any(|x| x == n);
            match kind {
                AffKind::WeakPositive if on => s += 1,
                AffKind::WeakNegative if on => s -= 1,
                _ => {}
            }
        }
        s
    }

    pub(super) fn decide(&mut self, gname: &str) -> Result<Vec<String>> {
        let Some(g) = self.st.resource_groups.get(gname) else {
            return Ok(Vec::new());
        };
        let goal = self.aims.goals.get(gname).cloned().unwrap_or(Goal::Keep);
        if self.frozen(g) {
            return Ok(self.mastered(g));
        }
        match goal {
            Goal::Keep => Ok(self.mastered(g)),
            Goal::Offline => Ok(Vec::new()),
            Goal::Fixed(nodes) => {
                for (kind, h) in self.ix.affinities(gname) {
                    let placed = self.placed_after(h);
                    for n in &nodes {
                        let on = placed.contains(n);
                        if kind.strong_positive() && !self.leader_on(h, n) {
                            return Err(err(
                                ErrorCode::Depend,
                                format!(
                                    "resource group {gname} has a strong positive affinity ({}{h}) for {h}, which will not be online on {n}",
                                    kind.prefix()
                                ),
                            )
                            .hint(crate::fix::Hint::lead(
                                format!("switch {h} to {n} instead ({gname} follows it): "),
                                crate::fix::Fix::SwitchGroup {
                                    g: h.to_string(),
                                    nodes: vec![n.to_string()],
                                },
                            )));
                        }
                        if *kind == AffKind::StrongNegative && on {
                            return Err(err(
                                ErrorCode::Depend,
                                format!(
                                    "resource group {gname} has a strong negative affinity (--{h}) for {h}, which is online on {n}"
                                ),
                            )
                            .hint(format!("choose a node where {h} is not online")));
                        }
                    }
                }
                Ok(nodes)
            }
            Goal::Prefer(nodes) => {
                let keep = Auto {
                    sticky: true,
                    strand_if_empty: true,
                    ..Auto::default()
                };
                let usable = nodes.iter().all(|n| {
                    g.nodelist.iter().any(|x| x == n.as_str())
                        && self.ineligible(g, n, &keep, true).is_none()
                });
                if usable {
                    Ok(nodes)
                } else {
                    self.auto_place(g, &keep)
                }
            }
            Goal::Auto(a) => self.auto_place(g, &a),
        }
    }

    /// Up to `count` eligible nodes: current primaries first when sticky, then Nodelist order
    /// adjusted by weak affinities. Why each other node is not eligible goes to `why`.
    fn choose(
        &self,
        g: &ResourceGroup,
        a: &Auto,
        current: &[String],
        count: usize,
        why: &mut Vec<String>,
        blocked_by_dependency: &mut bool,
    ) -> Vec<String> {
        let mut chosen: Vec<String> = Vec::new();
        if a.sticky {
            for n in current {
                if chosen.len() < count && self.ineligible(g, n, a, true).is_none() {
                    chosen.push(n.clone());
                }
            }
        }
        let mut cands: Vec<(i32, usize, String)> = Vec::new();
        // An operator's command places its groups' followers past the -K and Pingpong
        // guards, as it places the groups it names.
        let relaxed = a.operator_follower.is_some();
        for (i, n) in g.nodelist.iter().enumerate() {
            if chosen.iter().any(|x| x == n.as_str()) {
                continue;
            }
            match self.ineligible(g, n, a, relaxed) {
                None => cands.push((-self.weak_score(g, n), i, n.as_str().to_owned())),
                Some((w, dependency)) => {
                    *blocked_by_dependency |= dependency;
                    why.push(w)
                }
            }
        }
        cands.sort();
        for (_, _, n) in cands {
            if chosen.len() >= count {
                break;
            }
            chosen.push(n);
        }
        chosen
    }

    /// Automatic placement: the chosen nodes, or what happens when there are none (an error
    /// when the operator named the group, staying put, going offline and stranded).
    pub(super) fn auto_place(&mut self, g: &ResourceGroup, a: &Auto) -> Result<Vec<String>> {
        let current = self.mastered(g);
        let count = if g.mode == RgMode::Failover {
            1
        } else {
            g.desired_primaries.min(g.maximum_primaries) as usize
        };
        let mut why: Vec<String> = Vec::new();
        let mut blocked_by_dependency = false;
        for h in &g.rare.rg_dependencies {
            if self.placed_after(h).is_empty() {
                why.push(format!(
                    "it depends on {h} (RG_dependencies), which is offline"
                ));
                blocked_by_dependency = true;
            }
        }
        let chosen = if blocked_by_dependency {
            Vec::new()
        } else {
            self.choose(g, a, &current, count, &mut why, &mut blocked_by_dependency)
        };
        if a.failback && !self.failback_improves(g, &current, &chosen) {
            return Ok(current);
        }
        if !chosen.is_empty() || count == 0 {
            if g.stranded {
                let r = self.reason_of(&g.name);
                self.flags.post.push(Step {
                    kind: StepKind::SetStranded {
                        rg: g.name.as_str().into(),
                        stranded: false,
                    },
                    reason: r.into(),
                });
            }
            return Ok(chosen);
        }
        let why = if why.is_empty() {
            "no node of its Nodelist is available".to_string()
        } else {
            why.join("; ")
        };
        // Mastered before this plan (a node that just crashed counts).
        let was_online = g.managed && g.state.values().any(|s| s.is_mastered());
        if let Some(leader) = &a.operator_follower
            && was_online
        {
            return Err(self.follower_stranded(g, leader, &why));
        }
        if a.must_place {
            let code = if blocked_by_dependency {
                ErrorCode::Depend
            } else {
                ErrorCode::Node
            };
            return Err(err(
                code,
                format!("resource group {} cannot be brought online: {why}", g.name),
            )
            .hint(crate::fix::Hint::lead(
                format!(
                    "make a node of {} available, or name one explicitly: ",
                    g.nodelist.join(",")
                ),
                crate::fix::Fix::SwitchGroup {
                    g: g.name.to_string(),
                    nodes: vec!["NODE".into()],
                },
            )));
        }
        if a.fallback_current && !current.is_empty() {
            self.notes.push(format!(
                "no other node can take {} ({why}); it stays on {}",
                g.name,
                current.join(",")
            ));
            return Ok(current);
        }
        if was_online || g.stranded {
            self.notes.push(format!(
                "{} has nowhere to go ({why}); it goes offline",
                g.name
            ));
            if a.strand_if_empty && !g.stranded {
                let r = self.reason_of(&g.name);
                self.flags.post.push(Step {
                    kind: StepKind::SetStranded {
                        rg: g.name.as_str().into(),
                        stranded: true,
                    },
                    reason: r.into(),
                });
            }
        } else {
            self.notes.push(format!("{} stays offline ({why})", g.name));
        }
        Ok(Vec::new())
    }

    /// A failback moves a group only to nodes that just joined and that its Nodelist prefers
    /// over every node it leaves (never to a less preferred node, whatever keeps it off a
    /// better one).
    fn failback_improves(&self, g: &ResourceGroup, current: &[String], chosen: &[String]) -> bool {
        let pos = |n: &String| g.nodelist.iter().position(|x| x == n).unwrap_or(usize::MAX);
        let gained: Vec<&String> = chosen.iter().filter(|n| !current.contains(n)).collect();
        let lost_best = current
            .iter()
            .filter(|n| !chosen.contains(n))
            .map(pos)
            .min()
            .unwrap_or(usize::MAX);
        gained
            .iter()
            .all(|n| self.after.joined.contains(*n) && pos(n) < lost_best)
    }

    /// The refusal when an operator command would leave a `++`/`+++` follower with nowhere
    /// to go.
    fn follower_stranded(&self, g: &ResourceGroup, leader: &str, why: &str) -> ScError {
        let to = self.targets.get(leader).cloned().unwrap_or_default();
        let to = if to.is_empty() {
            "offline".to_string()
        } else {
            format!("to {}", to.join(","))
        };
        err(
            ErrorCode::Depend,
            format!(
                "resource group {f} has a strong positive affinity for {leader} and cannot follow it {to} ({why}); the command would leave {f} with nowhere to go",
                f = g.name
            ),
        )
        .hint(
            crate::fix::Hint::lead(
                format!("take {} offline first (", g.name),
                crate::fix::Fix::OfflineGroup { g: g.name.to_string() },
            )
            .text("), add the node to its Nodelist (")
            .fix(crate::fix::Fix::SetGroupNodes {
                g: g.name.to_string(),
                nodes: vec![g.nodelist.join(","), "…".into()],
            })
            .text(format!("), or choose a node {} can follow to", g.name)),
        )
    }
}
