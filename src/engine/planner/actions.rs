//! Step 5 of planning: per (group, node) unit, each resource gets an action (start, stop,
//! restart, monitor on/off) from its state, its switches and its dependencies.

use super::{Draft, needs_stop};
use crate::engine::index::dep_target;
use crate::model::{DepKind, Method, RState, RgState};
use std::collections::{HashMap, HashSet};

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

pub(super) struct Unit {
    pub(super) rg: String,
    pub(super) node: String,
    pub(super) before: bool,
    pub(super) after: bool,
    pub(super) restart: bool,
    pub(super) acts: Vec<(String, Act)>,
}

impl<'a> Draft<'a> {
    /// Resource actions per (group, node) unit, groups in dependency order.
    pub(super) fn units(&self, order: &[String]) -> Vec<Unit> {
        let mut units = Vec::new();
        let mut run_after: HashMap<String, bool> = HashMap::new();
        // Resources that stop somewhere in this plan; a node crash stops what ran there.
        let mut bounced: HashSet<String> = HashSet::new();
        if !self.crashed.is_empty() {
            for gname in order {
                let Some(g) = self.st.resource_groups.get(gname) else {
                    continue;
                };
                for rn in &g.resources {
                    if let Some(r) = self.st.resources.get(rn)
                        && r.state
                            .iter()
                            .any(|(n, s)| self.crashed.contains(n) && needs_stop(s.state))
                    {
                        bounced.insert(rn.clone());
                    }
                }
            }
        }
        let mut processed: HashSet<&str> = HashSet::new();
        for gname in order {
            let Some(g) = self.st.resource_groups.get(gname) else {
                continue;
            };
            if self.frozen(g) {
                continue;
            }
            let current = self.mastered(g);
            let target = self.targets.get(gname).cloned().unwrap_or_default();
            let mut nodes: Vec<&String> = g
                .nodelist
                .iter()
                .filter(|n| current.contains(n) || target.contains(n))
                .collect();
            for n in current.iter().chain(target.iter()) {
                if !nodes.contains(&n) {
                    nodes.push(n);
                }
            }
            let order_r = self.ix.start_order(gname);
            let managed = self.managed_after(g);
            for n in nodes {
                let before = current.contains(n);
                let after = target.contains(n);
                let restart = self.restart_units.contains(&(gname.clone(), n.clone()));
                let mut will: HashMap<&str, bool> = HashMap::new();
                let mut local_bounce: HashSet<&str> = HashSet::new();
                let mut acts = Vec::new();
                for rn in &order_r {
                    let r = &self.st.resources[*rn];
                    let s = self.rstate(r, n);
                    let running = needs_stop(s) && before;
                    let base = after && managed && self.enabled_after(r);
                    let dep_ok = |kinds: &[DepKind]| {
                        r.dependencies.all().all(|(k, d)| {
                            if !kinds.contains(&k) {
                                return true;
                            }
                            let dn = dep_target(d);
                            let Some(dr) = self.st.resources.get(dn) else {
                                return true;
                            };
                            if dr.group == *gname {
                                will.get(dn).copied().unwrap_or(false)
                            } else if processed.contains(dr.group.as_str()) {
                                run_after.get(dn).copied().unwrap_or(false)
                            } else {
                                dr.state.iter().any(|(m, st)| {
                                    !self.crashed.contains(m) && st.state.is_running()
                                })
                            }
                        })
                    };
                    let start_ok =
                        dep_ok(&[DepKind::Strong, DepKind::Restart, DepKind::OfflineRestart]);
                    let keep_ok = dep_ok(&[DepKind::OfflineRestart]);
                    let sticky_failed = s == RState::StartFailed && before && after && !restart;
                    let (act, runs) = if sticky_failed {
                        (if base { None } else { Some(Act::Stop) }, false)
                    } else if running {
                        if !base || !keep_ok {
                            (Some(Act::Stop), false)
                        } else {
                            let short = self.res_restart.contains(&(rn.to_string(), n.clone()));
                            let dep_bounced = r.dependencies.all().any(|(k, d)| {
                                if !matches!(k, DepKind::Restart | DepKind::OfflineRestart) {
                                    return false;
                                }
                                let dn = dep_target(d);
                                match self.st.resources.get(dn) {
                                    Some(dr) if dr.group == *gname => local_bounce.contains(dn),
                                    Some(_) => {
                                        bounced.contains(dn)
                                            && run_after.get(dn).copied().unwrap_or(true)
                                    }
                                    None => false,
                                }
                            });
                            if s == RState::Starting && !restart && !short && !dep_bounced {
                                if start_ok {
                                    (Some(Act::Resume), true)
                                } else {
                                    (Some(Act::Stop), false)
                                }
                            } else if restart || short || dep_bounced {
                                if start_ok {
                                    (
                                        Some(Act::Restart {
                                            short: short && !restart,
                                        }),
                                        true,
                                    )
                                } else {
                                    (Some(Act::Stop), false)
                                }
                            } else {
                                let rt = self.rt(r);
                                let has = |m: Method| rt.is_some_and(|t| t.has_method(m));
                                let monitored = self.monitored_after(r);
                                let a = if monitored
                                    && s == RState::OnlineNotMonitored
                                    && has(Method::MonitorStart)
                                {
                                    Some(Act::MonitorOn)
                                } else if !monitored
                                    && s == RState::Online
                                    && has(Method::MonitorStop)
                                {
                                    Some(Act::MonitorOff)
                                } else {
                                    None
                                };
                                (a, true)
                            }
                        }
                    } else if base && start_ok {
                        (Some(Act::Start), true)
                    } else {
                        (None, false)
                    };
                    will.insert(rn, runs);
                    if runs {
                        run_after.insert(rn.to_string(), true);
                    } else {
                        run_after.entry(rn.to_string()).or_insert(false);
                    }
                    if let Some(a) = act {
                        if matches!(a, Act::Stop | Act::Restart { .. }) {
                            bounced.insert(rn.to_string());
                            local_bounce.insert(rn);
                        }
                        acts.push((rn.to_string(), a));
                    }
                }
                let pending = !self.crashed.contains(n)
                    && matches!(
                        g.state_on(n),
                        RgState::PendingOnline | RgState::PendingOffline
                    );
                let blocked = g.state_on(n) == RgState::PendingOnlineBlocked && after;
                if before != after || restart || !acts.is_empty() || pending || blocked {
                    units.push(Unit {
                        rg: gname.clone(),
                        node: n.clone(),
                        before,
                        after,
                        restart,
                        acts,
                    });
                }
            }
            processed.insert(gname.as_str());
        }
        units
    }
}
