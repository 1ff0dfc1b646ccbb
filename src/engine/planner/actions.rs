//! Step 5 of planning: per (group, node) unit, each resource gets an action (start, stop,
//! restart, monitor on/off) from its state, its switches and its dependencies.

use super::{Draft, needs_stop};
use crate::engine::index::dep_target;
use crate::fasthash::{FastMap, FastSet};
use crate::model::{DepKind, Method, RState, Resource, ResourceGroup, RgState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Act {
    Start,
    /// Prenet_start already ran: finish with Start (and Monitor_start).
    Resume,
    Stop,
    Restart {
        short: bool,
    },
    MonitorOn,
    MonitorOff,
}

pub(super) struct Unit<'a> {
    /// Names borrowed from the state: a node failure at scale plans thousands of units.
    pub(super) rg: &'a str,
    pub(super) node: crate::engine::plan::Node,
    pub(super) before: bool,
    pub(super) after: bool,
    pub(super) restart: bool,
    pub(super) acts: Vec<(&'a str, Act)>,
}

/// What the pass over the groups (in dependency order) knows so far.
#[derive(Default)]
struct Progress<'o> {
    /// Whether each resource seen so far runs after the plan.
    run_after: FastMap<&'o str, bool>,
    /// Resources that stop somewhere in this plan (a node crash stops what ran there).
    bounced: FastSet<&'o str>,
    /// Of those, the ones whose service goes down: stopped, crashed or restarted with their
    /// group (not a fault monitor's restart in place). Strong dependents in other groups
    /// stop before them and start again after them.
    stopped: FastSet<&'o str>,
    /// (resource, node) where the service goes down in this plan. The names are borrowed
    /// from the state (a node failure at scale stops thousands of resources).
    stopped_on: FastSet<(&'o str, &'o str)>,
    /// Groups already processed.
    processed: FastSet<&'o str>,
}

/// One (group, node) unit being worked out.
struct UnitScope<'g, 'u> {
    g: &'g ResourceGroup,
    node: &'u str,
    before: bool,
    after: bool,
    restart: bool,
    managed: bool,
    /// Whether each resource of the group handled so far runs on the node after the plan.
    will: FastMap<&'g str, bool>,
    /// Resources of the group stopped or restarted on the node.
    local_bounce: FastSet<&'g str>,
}

impl<'a> Draft<'a> {
    /// Resource actions per (group, node) unit, groups in dependency order.
    pub(super) fn units(&self, order: &[String]) -> Vec<Unit<'a>> {
        let mut units = Vec::new();
        let crashed = self.crash_bounced(order);
        let mut p = Progress {
            stopped: crashed.clone(),
            bounced: crashed,
            ..Progress::default()
        };
        for gname in order {
            let Some(g) = self.st.resource_groups.get(gname) else {
                continue;
            };
            if self.frozen(g) {
                continue;
            }
            let current = self.mastered(g);
            let target: &[String] = self.targets.get(gname.as_str()).map_or(&[], Vec::as_slice);
            let mut nodes: Vec<&str> = g
                .nodelist
                .iter()
                .map(|n| n.as_str())
                .filter(|n| current.iter().any(|x| x == n) || target.iter().any(|x| x == n))
                .collect();
            for n in current.iter().chain(target.iter()) {
                if !nodes.contains(&n.as_str()) {
                    nodes.push(n);
                }
            }
            let order_r = self.ix.start_order(gname);
            for n in nodes {
                let u = UnitScope {
                    g,
                    node: n,
                    before: current.iter().any(|x| x == n),
                    after: target.iter().any(|x| x == n),
                    restart: self
                        .aims
                        .restart_units
                        .contains(&(gname.clone(), n.to_string())),
                    managed: self.managed_after(g),
                    will: FastMap::default(),
                    local_bounce: FastSet::default(),
                };
                if let Some(unit) = self.unit(u, &order_r, &mut p) {
                    units.push(unit);
                }
            }
            p.processed.insert(gname.as_str());
        }
        units
    }

    /// Resources of the ordered groups that were running on a crashing node.
    fn crash_bounced(&self, order: &[String]) -> FastSet<&'a str> {
        let mut bounced = FastSet::default();
        if self.after.crashed.is_empty() {
            return bounced;
        }
        for gname in order {
            let Some(g) = self.st.resource_groups.get(gname) else {
                continue;
            };
            for rn in &g.resources {
                if let Some(r) = self.st.resources.get(rn)
                    && r.state
                        .iter()
                        .any(|(n, s)| self.after.crashed.contains(n) && needs_stop(s.state))
                {
                    bounced.insert(r.name.as_str());
                }
            }
        }
        bounced
    }

    /// The actions of one (group, node) unit, resources in start order; None when nothing
    /// changes there.
    fn unit<'o>(
        &self,
        mut u: UnitScope<'a, '_>,
        order_r: &[&'a str],
        p: &mut Progress<'o>,
    ) -> Option<Unit<'a>>
    where
        'a: 'o,
    {
        let mut acts = Vec::new();
        for &rn in order_r {
            let (act, runs) = self.resource_act(rn, &u, p);
            u.will.insert(rn, runs);
            if runs {
                p.run_after.insert(rn, true);
            } else {
                p.run_after.entry(rn).or_insert(false);
            }
            if let Some(a) = act {
                if matches!(a, Act::Stop | Act::Restart { .. }) {
                    p.bounced.insert(rn);
                    u.local_bounce.insert(rn);
                }
                if matches!(a, Act::Stop | Act::Restart { short: false }) {
                    p.stopped.insert(rn);
                    p.stopped_on
                        .insert((rn, crate::engine::plan::Node::new(u.node).as_str()));
                }
                acts.push((rn, a));
            }
        }
        let (g, n) = (u.g, u.node);
        let pending = !self.after.crashed.contains(n)
            && matches!(
                g.state_on(n),
                RgState::PendingOnline | RgState::PendingOffline
            );
        let blocked = g.state_on(n) == RgState::PendingOnlineBlocked && u.after;
        let becomes_blocked = g.state_on(n) == RgState::Online
            && u.before
            && u.after
            && order_r.iter().any(|&rn| self.waits_across(rn, &u, p));
        if u.before != u.after
            || u.restart
            || !acts.is_empty()
            || pending
            || blocked
            || becomes_blocked
        {
            Some(Unit {
                rg: g.name.as_str(),
                node: crate::engine::plan::Node::new(n),
                before: u.before,
                after: u.after,
                restart: u.restart,
                acts,
            })
        } else {
            None
        }
    }

    /// `rn` is enabled on the unit's node after the plan but does not run there, waiting for
    /// a dependee in another group that runs nowhere after the plan: its group, online there,
    /// settles to Pending_online_blocked (a resource enabled in an online group while the
    /// group its dependee is in is offline or unmanaged starts nothing, but blocks the group).
    fn waits_across(&self, rn: &str, u: &UnitScope, p: &Progress) -> bool {
        let r = &self.st.resources[rn];
        if u.will.get(rn).copied().unwrap_or(false) || !self.enabled_after_on(r, u.node) {
            return false;
        }
        r.dependencies.all().any(|(k, d)| {
            let Some(dr) = self.st.resources.get(dep_target(d)) else {
                return false;
            };
            k != DepKind::Weak && dr.group != u.g.name && !self.runs_after(dr, p)
        })
    }

    /// `r` (of another group than the unit's) runs somewhere after the plan, as far as it is
    /// decided: its group's units are worked out already, or it runs now on a node that stays.
    fn runs_after(&self, r: &Resource, p: &Progress) -> bool {
        if p.processed.contains(r.group.as_str()) {
            return p.run_after.get(r.name.as_str()).copied().unwrap_or(false);
        }
        r.state
            .iter()
            .any(|(m, st)| !self.after.crashed.contains(m) && st.state.is_running())
    }

    /// What resource `rn` does in the unit, and whether it runs there after the plan.
    fn resource_act(&self, rn: &str, u: &UnitScope, p: &Progress) -> (Option<Act>, bool) {
        let r = &self.st.resources[rn];
        let n = u.node;
        if let Some(&on) = self.after.marked.get(&(rn.to_string(), n.to_string())) {
            return (None, on && u.after);
        }
        let s = self.rstate(r, n);
        let running = needs_stop(s) && u.before;
        let base = u.after && u.managed && self.enabled_after_on(r, n);
        let start_ok = self.dependees_run(
            r,
            &[DepKind::Strong, DepKind::Restart, DepKind::OfflineRestart],
            u,
            p,
        );
        let sticky_failed = s == RState::StartFailed && u.before && u.after && !u.restart;
        if sticky_failed {
            return (if base { None } else { Some(Act::Stop) }, false);
        }
        if !running {
            return if base && start_ok {
                (Some(Act::Start), true)
            } else {
                (None, false)
            };
        }
        let keep_ok = self.dependees_run(r, &[DepKind::OfflineRestart], u, p)
            && self.cross_group_strong_run(r, u, p);
        if !base || !keep_ok {
            return (Some(Act::Stop), false);
        }
        let short = self
            .aims
            .res_restart
            .contains(&(rn.to_string(), n.to_string()));
        let dep_bounced = self.dependee_bounced(r, u, p);
        let restart_or_stop = |a: Act| {
            if start_ok {
                (Some(a), true)
            } else {
                (Some(Act::Stop), false)
            }
        };
        if s == RState::Starting && !u.restart && !short && !dep_bounced {
            restart_or_stop(Act::Resume)
        } else if u.restart || short || dep_bounced {
            restart_or_stop(Act::Restart {
                short: short && !u.restart,
            })
        } else {
            (self.monitor_act(r, n, s), true)
        }
    }

    /// Every dependee of `r` by one of `kinds` runs after the plan (as far as it is decided).
    fn dependees_run(&self, r: &Resource, kinds: &[DepKind], u: &UnitScope, p: &Progress) -> bool {
        r.dependencies.all().all(|(k, d)| {
            if !kinds.contains(&k) {
                return true;
            }
            let dn = dep_target(d);
            let Some(dr) = self.st.resources.get(dn) else {
                return true;
            };
            if dr.group == u.g.name {
                u.will.get(dn).copied().unwrap_or(false)
            } else if p.processed.contains(dr.group.as_str()) {
                p.run_after.get(dn).copied().unwrap_or(false)
            } else {
                dr.state
                    .iter()
                    .any(|(m, st)| !self.after.crashed.contains(m) && st.state.is_running())
            }
        })
    }

    /// A restart or offline-restart dependee of `r` is stopped or restarted by this plan, or
    /// a strong dependee in another group goes down (switchover, evacuation, group restart,
    /// node failure) and comes back.
    fn dependee_bounced(&self, r: &Resource, u: &UnitScope, p: &Progress) -> bool {
        r.dependencies.all().any(|(k, d)| {
            let dn = dep_target(d);
            let back = || p.run_after.get(dn).copied().unwrap_or(true);
            match (k, self.st.resources.get(dn)) {
                (DepKind::Restart | DepKind::OfflineRestart, Some(dr)) if dr.group == u.g.name => {
                    u.local_bounce.contains(dn)
                }
                (DepKind::Restart | DepKind::OfflineRestart, Some(_)) => {
                    p.bounced.contains(dn) && back()
                }
                (DepKind::Strong, Some(dr)) if dr.group != u.g.name => {
                    p.stopped.contains(dn) && back() && !self.kept_running(dr, p)
                }
                _ => false,
            }
        })
    }

    /// `r` runs on some node throughout the plan (a scalable dependee that loses one
    /// instance): its strong dependents need not bounce.
    fn kept_running(&self, r: &'a Resource, p: &Progress) -> bool {
        r.state.iter().any(|(m, st)| {
            st.state.is_running()
                && !self.after.crashed.contains(m)
                && !p.stopped_on.contains(&(r.name.as_str(), m))
        })
    }

    /// Every strong dependee of `r` in another group runs after the plan: a strong
    /// dependency holds across groups, so the dependent does not keep running without it.
    fn cross_group_strong_run(&self, r: &Resource, u: &UnitScope, p: &Progress) -> bool {
        r.dependencies.get(DepKind::Strong).iter().all(|d| {
            let dn = dep_target(d);
            match self.st.resources.get(dn) {
                Some(dr) if dr.group != u.g.name && p.processed.contains(dr.group.as_str()) => {
                    p.run_after.get(dn).copied().unwrap_or(false)
                }
                _ => true,
            }
        })
    }

    /// Start or stop the fault monitor of a running resource to match Monitored_switch.
    fn monitor_act(&self, r: &Resource, n: &str, s: RState) -> Option<Act> {
        let rt = self.rt(r);
        let has = |m: Method| rt.is_some_and(|t| t.has_method(m));
        let monitored = self.monitored_after_on(r, n);
        if monitored && s == RState::OnlineNotMonitored && has(Method::MonitorStart) {
            Some(Act::MonitorOn)
        } else if !monitored && s == RState::Online && has(Method::MonitorStop) {
            Some(Act::MonitorOff)
        } else {
            None
        }
    }
}
