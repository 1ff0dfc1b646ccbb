//! Resource intents: enable and disable (`-e`/`-n`, `-M` for monitoring), clear STOP_FAILED
//! (`-c -f STOP_FAILED`), and suspend/resume automatic recovery.

use super::{Draft, Goal, err};
use crate::engine::plan::{Name, Settle, StepKind};
use crate::error::{ErrorCode, Result};
use crate::fasthash::FastSet;
use crate::model::{DepKind, RState, Resource, RgState};

impl<'a> Draft<'a> {
    pub(super) fn enable(&mut self, resources: &[String], monitor_only: bool) -> Result<()> {
        let mut rs: Vec<&Resource> = Vec::new();
        for n in resources {
            let r = self.resource(n)?;
            if self.aims.hold.contains(r.group.as_str()) {
                continue;
            }
            if !rs.iter().any(|o| o.name == r.name) {
                rs.push(r);
            }
        }
        let names: FastSet<&str> = rs.iter().map(|r| r.name.as_str()).collect();
        for r in &rs {
            let g = self.group(&r.group)?;
            self.check_not_frozen(g)?;
            if !monitor_only {
                self.check_dependees_enabled(r, &|d| names.contains(d))?;
            }
        }
        for r in rs {
            if monitor_only {
                if r.monitored {
                    continue;
                }
                self.pre(StepKind::SetMonitored {
                    resource: r.name.as_str().into(),
                    monitored: true,
                });
                self.after.monitored.insert(r.name.clone(), true);
            } else {
                if r.enabled {
                    continue;
                }
                self.pre(StepKind::SetEnabled {
                    resource: r.name.as_str().into(),
                    enabled: true,
                });
                self.after.enabled.insert(r.name.clone(), true);
            }
            self.keep(&r.group);
        }
        Ok(())
    }

    pub(super) fn disable(&mut self, resources: &[String], monitor_only: bool) -> Result<()> {
        let mut rs: Vec<&Resource> = Vec::new();
        for n in resources {
            let r = self.resource(n)?;
            if self.aims.hold.contains(r.group.as_str()) {
                continue;
            }
            if !rs.iter().any(|o| o.name == r.name) {
                rs.push(r);
            }
        }
        let names: FastSet<&str> = rs.iter().map(|r| r.name.as_str()).collect();
        for r in &rs {
            let g = self.group(&r.group)?;
            self.check_not_frozen(g)?;
            if monitor_only {
                continue;
            }
            let still_enabled = |d: &str| {
                !names.contains(d) && self.st.resources.get(d).is_some_and(|dr| dr.enabled)
            };
            // A network address an enabled resource uses (Network_resources_used) is a
            // dependee like a strong one: the service would lose its address.
            let deps: Vec<(&str, &str)> = self
                .ix
                .dependents(&r.name)
                .filter(|(d, k)| {
                    matches!(k, DepKind::Strong | DepKind::Restart) && still_enabled(d)
                })
                .map(|(d, k)| (d, k.property()))
                .chain(
                    self.ix
                        .network_users(&r.name)
                        .iter()
                        .filter(|d| still_enabled(d))
                        .map(|d| (*d, "Network_resources_used")),
                )
                .collect();
            if !deps.is_empty() {
                let mut list: Vec<&str> = deps.iter().map(|(d, _)| *d).collect();
                list.dedup();
                return Err(err(
                    ErrorCode::Depend,
                    format!(
                        "resource {} cannot be disabled: enabled resource{} {} depend{} on it ({})",
                        r.name,
                        if list.len() == 1 { "" } else { "s" },
                        list.join(", "),
                        if list.len() == 1 { "s" } else { "" },
                        deps[0].1
                    ),
                )
                .hint(
                    crate::fix::Hint::lead(
                        "disable the dependents first: ",
                        crate::fix::Fix::DisableResource { r: list.join(",") },
                    )
                    .text(" (or together: ")
                    .fix(crate::fix::Fix::DisableResource {
                        r: format!("{},{}", list.join(","), r.name),
                    })
                    .text(")"),
                ));
            }
        }
        for r in rs {
            if monitor_only {
                if !r.monitored {
                    continue;
                }
                self.pre(StepKind::SetMonitored {
                    resource: r.name.as_str().into(),
                    monitored: false,
                });
                self.after.monitored.insert(r.name.clone(), false);
            } else {
                if !r.enabled {
                    continue;
                }
                self.pre(StepKind::SetEnabled {
                    resource: r.name.as_str().into(),
                    enabled: false,
                });
                self.after.enabled.insert(r.name.clone(), false);
            }
            self.keep(&r.group);
        }
        Ok(())
    }

    /// On_off_switch or Monitored_switch on some nodes only (3.2): the resource starts or stops
    /// there, elsewhere it is left as it is.
    pub(super) fn node_switch(
        &mut self,
        resources: &[String],
        nodes: &[String],
        on: bool,
        monitor_only: bool,
    ) -> Result<()> {
        let release = self.st.cluster.release;
        if !release.has_32_features() {
            let flag = if on { "-e" } else { "-n" };
            return Err(err(
                ErrorCode::Inval,
                format!(
                    "per-node {flag} (-h) is a Sun Cluster 3.2 feature and this cluster runs {}: resources are enabled or disabled cluster-wide",
                    release.product()
                ),
            )
            .hint(
                crate::fix::Hint::lead(
                    "switch it on every node (",
                    crate::fix::Fix::SwitchResource {
                        r: resources.join(","),
                        on,
                        monitor: monitor_only,
                        nodes: Vec::new(),
                    },
                )
                .text("), or switch the group off the node; a cluster made with scsim init --release 3.2 has per-node switches"),
            ));
        }
        let mut ns: Vec<String> = Vec::new();
        for n in nodes {
            let n = self.node_known(n)?;
            if !ns.contains(&n) {
                ns.push(n);
            }
        }
        for rn in resources {
            let r = self.resource(rn)?;
            if self.aims.hold.contains(r.group.as_str()) {
                continue;
            }
            let g = self.group(&r.group)?;
            self.check_not_frozen(g)?;
            if let Some(n) = ns
                .iter()
                .find(|n| !g.nodelist.iter().any(|x| x == n.as_str()))
            {
                return Err(err(
                    ErrorCode::Node,
                    format!(
                        "{n} is not in the Nodelist of resource group {} (resource {}): the resource cannot run there",
                        g.name, r.name
                    ),
                ));
            }
            if on && !monitor_only {
                self.check_dependees_enabled(r, &|_| false)?;
            }
            if !on && !monitor_only {
                self.check_no_dependents_on(r, &ns, resources)?;
            }
            for n in &ns {
                let now = if monitor_only {
                    self.monitored_after_on(r, n)
                } else {
                    self.enabled_after_on(r, n)
                };
                if now == on {
                    continue;
                }
                self.pre(StepKind::SetNodeSwitch {
                    resource: r.name.as_str().into(),
                    node: n.as_str().into(),
                    monitor: monitor_only,
                    on,
                });
                let key = (r.name.clone(), Name::from(n.as_str()));
                if monitor_only {
                    self.after.node_monitored.insert(key, on);
                } else {
                    self.after.node_enabled.insert(key, on);
                }
            }
            self.keep(&r.group);
        }
        Ok(())
    }

    /// A per-node disable stops `r` on those nodes: refused while a resource that depends on
    /// it (strong or restart dependency, or Network_resources_used) stays enabled on one of
    /// them, as the cluster-wide disable is. `request` names the resources disabled together.
    fn check_no_dependents_on(
        &self,
        r: &Resource,
        nodes: &[String],
        request: &[String],
    ) -> Result<()> {
        let deps = self
            .ix
            .dependents(&r.name)
            .filter(|(_, k)| matches!(k, DepKind::Strong | DepKind::Restart))
            .map(|(d, k)| (d, k.property()))
            .chain(
                self.ix
                    .network_users(&r.name)
                    .iter()
                    .map(|d| (*d, "Network_resources_used")),
            );
        let mut hits: Vec<(&str, &str, &str)> = Vec::new();
        for (d, prop) in deps {
            if request.iter().any(|x| x == d) {
                continue;
            }
            let Some(dr) = self.st.resources.get(d) else {
                continue;
            };
            let can_run = |n: &str| {
                self.st
                    .group(&dr.group)
                    .is_some_and(|g| g.nodelist.iter().any(|x| x == n))
            };
            if let Some(n) = nodes
                .iter()
                .find(|n| can_run(n) && self.enabled_after_on(dr, n))
                && !hits.iter().any(|(x, _, _)| *x == d)
            {
                hits.push((d, n, prop));
            }
        }
        let Some((_, node, prop)) = hits.first().copied() else {
            return Ok(());
        };
        let list: Vec<String> = hits.iter().map(|(d, _, _)| (*d).to_string()).collect();
        let one = list.len() == 1;
        Err(err(
            ErrorCode::Depend,
            format!(
                "resource {} cannot be disabled on {node}: resource{} {} enabled there depend{} on it ({prop})",
                r.name,
                if one { "" } else { "s" },
                list.join(", "),
                if one { "s" } else { "" },
            ),
        )
        .hint(
            crate::fix::Hint::lead(
                "disable the dependents there first: ",
                crate::fix::Fix::SwitchResource {
                    r: list.join(","),
                    on: false,
                    monitor: false,
                    nodes: nodes.to_vec(),
                },
            )
            .text(" (or together: ")
            .fix(crate::fix::Fix::SwitchResource {
                r: format!("{},{}", list.join(","), r.name),
                on: false,
                monitor: false,
                nodes: nodes.to_vec(),
            })
            .text(")"),
        ))
    }

    pub(super) fn clear(&mut self, resources: &[String], nodes: &[String]) -> Result<()> {
        let mut ns = Vec::new();
        for n in nodes {
            let n = self.node_known(n)?;
            if !ns.contains(&n) {
                ns.push(n);
            }
        }
        let mut pairs = Vec::new();
        for rn in resources {
            let r = self.resource(rn)?;
            for n in &ns {
                let s = r.state_on(n);
                if s != RState::StopFailed {
                    return Err(err(
                        ErrorCode::State,
                        format!(
                            "resource {} is not in Stop_failed on {n} (it is {}); there is nothing to clear",
                            r.name,
                            s.as_str()
                        ),
                    ));
                }
                pairs.push((r, n.clone()));
            }
        }
        let mut settles: Vec<(String, String)> = Vec::new();
        for (r, n) in pairs {
            self.pre(StepKind::ClearStopFailed {
                resource: r.name.as_str().into(),
                node: n.as_str().into(),
            });
            let k = (r.group.to_string(), n);
            if !settles.contains(&k) {
                settles.push(k);
            }
        }
        // A group whose every Stop_failed resource on the node is cleared leaves
        // Error_stop_failed for Offline there: what still runs of it is stopped, and its
        // `++` followers leave the node with it (the 3.1 procedure: clear, then bring the
        // group online). Otherwise the group stays Error_stop_failed.
        let cleared: FastSet<(String, String)> = settles
            .iter()
            .filter(|(rg, n)| {
                self.st.resource_groups.get(rg).is_some_and(|g| {
                    g.state_on(n) == RgState::ErrorStopFailed
                        && g.resources.iter().all(|r| {
                            resources.iter().any(|x| x == r.as_str())
                                || self
                                    .st
                                    .resources
                                    .get(r)
                                    .is_none_or(|x| x.state_on(n) != RState::StopFailed)
                        })
                })
            })
            .cloned()
            .collect();
        self.after.cleared.extend(cleared.iter().cloned());
        for (rg, node) in settles {
            if !cleared.contains(&(rg.clone(), node.clone())) {
                self.pre(StepKind::RgSettle {
                    rg: rg.into(),
                    node: node.into(),
                    mode: Settle::Infer,
                });
                continue;
            }
            let Some(g) = self.st.resource_groups.get(&rg) else {
                continue;
            };
            let rest: Vec<String> = self
                .mastered(g)
                .into_iter()
                .filter(|n| !self.after.cleared.contains(&(rg.clone(), n.clone())))
                .collect();
            let goal = if rest.is_empty() {
                Goal::Offline
            } else {
                Goal::Fixed(rest)
            };
            let why = format!("STOP_FAILED cleared on {node}: {rg} goes offline there");
            self.set_goal(&rg, goal, Some(why));
        }
        Ok(())
    }

    pub(super) fn suspend(&mut self, rgs: &[String], on: bool) -> Result<()> {
        let gs = self.all_or(rgs)?;
        for g in gs {
            if g.suspend_automatic_recovery != on {
                self.pre(StepKind::SetSuspended {
                    rg: g.name.as_str().into(),
                    suspended: on,
                });
            }
        }
        Ok(())
    }
}
