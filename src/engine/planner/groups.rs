//! Group intents: online (`-Z`), switch (`-z -h`), rebalance, offline (`-F`), restart (`-R`),
//! evacuate (`-S`), manage (`-o`) and unmanage (`-u`).

use super::{Auto, Draft, Goal, err, needs_stop};
use crate::engine::index::dep_target;
use crate::engine::plan::StepKind;
use crate::error::{ErrorCode, Result};
use crate::fasthash::FastSet;
use crate::model::Name;
use crate::model::{DepKind, Method, Resource, ResourceGroup, RgMode, RgState};

impl<'a> Draft<'a> {
    pub(super) fn online(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.all_or(rgs)?;
        let names: FastSet<&str> = gs.iter().map(|g| g.name.as_str()).collect();
        for g in &gs {
            if self.aims.hold.contains(g.name.as_str()) {
                continue;
            }
            self.check_not_frozen(g)?;
        }
        for g in &gs {
            if self.aims.hold.contains(g.name.as_str()) {
                continue;
            }
            if !g.managed {
                self.pre(StepKind::SetManaged {
                    rg: g.name.as_str().into(),
                    managed: true,
                });
                self.after.managed.insert(g.name.clone(), true);
                self.method_steps_init(g, Method::Init);
            }
            for rn in &g.resources {
                let Some(r) = self.st.resources.get(rn) else {
                    continue;
                };
                if !r.enabled {
                    self.pre(StepKind::SetEnabled {
                        resource: r.name.as_str().into(),
                        enabled: true,
                    });
                    self.after.enabled.insert(r.name.clone(), true);
                }
                if !r.monitored {
                    self.pre(StepKind::SetMonitored {
                        resource: r.name.as_str().into(),
                        monitored: true,
                    });
                    self.after.monitored.insert(r.name.clone(), true);
                }
            }
        }
        // Dependencies the groups' resources need must be enabled; RG_dependencies online.
        for g in &gs {
            for rn in &g.resources {
                let Some(r) = self.st.resources.get(rn) else {
                    continue;
                };
                self.check_dependees_enabled(r, &|_| false)?;
            }
            for h in &g.rare.rg_dependencies {
                if !names.contains(h.as_str()) && self.placed_after(h).is_empty() {
                    return Err(err(
                        ErrorCode::Depend,
                        format!(
                            "resource group {} depends on resource group {h} (RG_dependencies), which is not online",
                            g.name
                        ),
                    )
                    .hint(crate::fix::Hint::lead(
                        "bring both online: ",
                        crate::fix::Fix::OnlineGroup {
                            g: format!("{h},{}", g.name),
                        },
                    )));
                }
            }
        }
        for g in gs {
            if self.aims.hold.contains(g.name.as_str()) {
                continue;
            }
            if g.stranded {
                self.pre(StepKind::SetStranded {
                    rg: g.name.as_str().into(),
                    stranded: false,
                });
            }
            self.set_goal(
                &g.name,
                Goal::Auto(Auto {
                    sticky: true,
                    must_place: !rgs.is_empty(),
                    ..Auto::default()
                }),
                None,
            );
        }
        Ok(())
    }

    /// A resource about to be enabled needs its strong and restart dependees enabled.
    pub(super) fn check_dependees_enabled(
        &self,
        r: &Resource,
        also: &dyn Fn(&str) -> bool,
    ) -> Result<()> {
        for (kind, d) in r.dependencies.all() {
            if !matches!(kind, DepKind::Strong | DepKind::Restart) {
                continue;
            }
            let dn = dep_target(d);
            let Some(dr) = self.st.resources.get(dn) else {
                continue;
            };
            if !self.enabled_after(dr) && !also(dn) {
                return Err(err(
                    ErrorCode::Depend,
                    format!(
                        "resource {} depends on resource {dn} ({}), which is disabled; {} cannot be enabled before {dn}",
                        r.name,
                        kind.property(),
                        r.name
                    ),
                )
                .hint(
                    crate::fix::Hint::lead(
                        "enable the dependee first: ",
                        crate::fix::Fix::EnableResource { r: dn.to_string() },
                    )
                    .text(" (or both at once: ")
                    .fix(crate::fix::Fix::EnableResource {
                        r: format!("{dn},{}", r.name),
                    })
                    .text(")"),
                ));
            }
        }
        Ok(())
    }

    pub(super) fn check_switch_nodes(
        &self,
        g: &ResourceGroup,
        nodes: &[String],
    ) -> Result<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        for n in nodes {
            let name = self.node_known(n)?;
            if !g.nodelist.iter().any(|x| x == name.as_str()) {
                return Err(err(
                    ErrorCode::Node,
                    format!(
                        "node {name} is not in the Nodelist of resource group {} ({})",
                        g.name,
                        g.nodelist.join(",")
                    ),
                )
                .hint(
                    crate::fix::Hint::Text(format!(
                        "choose one of {}, or add {name} with ",
                        g.nodelist.join(", ")
                    ))
                    .fix(crate::fix::Fix::SetGroupNodes {
                        g: g.name.to_string(),
                        nodes: vec![g.nodelist.join(","), name.clone()],
                    }),
                ));
            }
            if !self.up_after(&name) {
                return Err(err(
                    ErrorCode::Node,
                    format!("node {name} is not a cluster member (it is down)"),
                )
                .hint(format!(
                    "boot it first (scsim node up {name}) or choose another node of {}",
                    g.nodelist.join(",")
                )));
            }
            if !out.contains(&name) {
                out.push(name);
            }
        }
        let max = if g.mode == RgMode::Failover {
            1
        } else {
            g.maximum_primaries.max(1)
        };
        if out.len() > max as usize {
            return Err(err(
                ErrorCode::Rg,
                format!(
                    "resource group {} can be online on at most {max} node{} (Maximum_primaries), {} given: {}",
                    g.name,
                    if max == 1 { "" } else { "s" },
                    out.len(),
                    out.join(",")
                ),
            )
            .hint(if max == 1 {
                crate::fix::Hint::lead(
                    "give one node: ",
                    crate::fix::Fix::SwitchGroup {
                        g: g.name.to_string(),
                        nodes: vec![out[0].clone()],
                    },
                )
            } else {
                crate::fix::Hint::lead(
                    format!("give at most {max} nodes, or raise Maximum_primaries with "),
                    crate::fix::Fix::SetGroupProperty {
                        g: g.name.to_string(),
                        prop: "Maximum_primaries".into(),
                        value: "N".into(),
                    },
                )
            }));
        }
        // Keep Nodelist order.
        let mut ordered: Vec<String> = g
            .nodelist
            .iter()
            .filter(|n| out.iter().any(|x| x == n.as_str()))
            .map(|n| n.to_string())
            .collect();
        for n in out {
            if !ordered.contains(&n) {
                ordered.push(n);
            }
        }
        Ok(ordered)
    }

    pub(super) fn switch(&mut self, rgs: &[String], nodes: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        let names: FastSet<&str> = gs.iter().map(|g| g.name.as_str()).collect();
        let mut plans = Vec::new();
        for g in &gs {
            if self.aims.hold.contains(g.name.as_str()) {
                continue;
            }
            self.check_managed(g, "switch")?;
            self.check_not_frozen(g)?;
            let ns = self.check_switch_nodes(g, nodes)?;
            for h in &g.rare.rg_dependencies {
                if !names.contains(h.as_str()) && self.placed_after(h).is_empty() {
                    return Err(err(
                        ErrorCode::Depend,
                        format!(
                            "resource group {} depends on resource group {h} (RG_dependencies), which is not online",
                            g.name
                        ),
                    )
                    .hint(crate::fix::Hint::lead(
                        format!("bring {h} online first: "),
                        crate::fix::Fix::OnlineGroup { g: h.to_string() },
                    )));
                }
            }
            plans.push((g.name.clone(), ns));
        }
        for (g, ns) in plans {
            let gr = self.st.resource_groups[&g].stranded;
            if gr {
                self.pre(StepKind::SetStranded {
                    rg: g.as_str().into(),
                    stranded: false,
                });
            }
            self.set_goal(&g, Goal::Fixed(ns), None);
        }
        Ok(())
    }

    pub(super) fn rebalance(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        for g in &gs {
            self.check_managed(g, "switch")?;
            self.check_not_frozen(g)?;
        }
        for g in gs {
            self.set_goal(
                &g.name,
                Goal::Auto(Auto {
                    must_place: true,
                    ..Auto::default()
                }),
                None,
            );
        }
        Ok(())
    }

    pub(super) fn offline(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        let names: FastSet<&str> = gs.iter().map(|g| g.name.as_str()).collect();
        for g in &gs {
            self.check_managed(g, "take offline")?;
            self.check_not_frozen(g)?;
            for h in self.ix.rg_dependents(&g.name) {
                if names.contains(h) {
                    continue;
                }
                if !self.placed_after(h).is_empty() {
                    return Err(err(
                        ErrorCode::Depend,
                        format!(
                            "resource group {h} depends on {} (RG_dependencies) and is online; {} cannot go offline under it",
                            g.name, g.name
                        ),
                    )
                    .hint(crate::fix::Hint::lead(
                        "take both offline: ",
                        crate::fix::Fix::OfflineGroup {
                            g: format!("{h},{}", g.name),
                        },
                    )));
                }
            }
            for (h, kind) in self.ix.affinity_holders(&g.name) {
                if names.contains(h) || !kind.strong_positive() {
                    continue;
                }
                if !self.placed_after(h).is_empty() {
                    return Err(err(
                        ErrorCode::Depend,
                        format!(
                            "resource group {h} has a strong positive affinity ({}{}) for {} and is online; {} cannot go offline under it",
                            kind.prefix(),
                            g.name,
                            g.name,
                            g.name
                        ),
                    )
                    .hint(crate::fix::Hint::lead(
                        "take both offline: ",
                        crate::fix::Fix::OfflineGroup {
                            g: format!("{h},{}", g.name),
                        },
                    )));
                }
            }
            for rn in &g.resources {
                for (dep, kind) in self.ix.dependents(rn) {
                    if !matches!(kind, DepKind::Strong | DepKind::Restart) {
                        continue;
                    }
                    let Some(dr) = self.st.resources.get(dep) else {
                        continue;
                    };
                    if names.contains(dr.group.as_str()) {
                        continue;
                    }
                    if dr.state.values().any(|s| needs_stop(s.state)) {
                        return Err(err(
                            ErrorCode::Depend,
                            format!(
                                "resource {dep} (group {}) depends on {rn} ({}) and is online; {} cannot go offline under it",
                                dr.group,
                                kind.property(),
                                g.name
                            ),
                        )
                        .hint(
                            crate::fix::Hint::lead(
                                "disable the dependent first (",
                                crate::fix::Fix::DisableResource { r: dep.to_string() },
                            )
                            .text(") or take its group offline too (")
                            .fix(crate::fix::Fix::OfflineGroup {
                                g: format!("{},{}", dr.group, g.name),
                            })
                            .text(")"),
                        ));
                    }
                }
            }
        }
        for g in gs {
            if g.stranded {
                self.pre(StepKind::SetStranded {
                    rg: g.name.as_str().into(),
                    stranded: false,
                });
            }
            self.set_goal(&g.name, Goal::Offline, None);
        }
        Ok(())
    }

    pub(super) fn restart(&mut self, rgs: &[String], nodes: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        let mut ns = Vec::new();
        for n in nodes {
            let n = self.node_known(n)?;
            if !ns.contains(&n) {
                ns.push(n);
            }
        }
        for g in &gs {
            self.check_managed(g, "restart")?;
            self.check_not_frozen(g)?;
            let m = self.mastered(g);
            for n in &ns {
                if !m.contains(n) {
                    return Err(err(
                        ErrorCode::State,
                        format!(
                            "resource group {} is not online on {n}; -R restarts a group where it is online ({})",
                            g.name,
                            if m.is_empty() { "it is offline everywhere".to_string() } else { format!("online on {}", m.join(",")) }
                        ),
                    )
                    .hint(crate::fix::Hint::lead(
                        format!("to bring it online on {n}: "),
                        crate::fix::Fix::SwitchGroup {
                            g: g.name.to_string(),
                            nodes: vec![n.to_string()],
                        },
                    )));
                }
            }
        }
        for g in gs {
            self.keep(&g.name);
            for n in &ns {
                self.aims
                    .restart_units
                    .insert((g.name.to_string(), n.clone()));
            }
        }
        Ok(())
    }

    pub(super) fn evacuate(&mut self, node: &str, keep_off_ms: u64) -> Result<()> {
        let node = self.node_known(node)?;
        if !self.st.cluster.is_up(&node) {
            return Err(err(
                ErrorCode::Node,
                format!(
                    "node {node} is not a cluster member (it is down); there is nothing to evacuate"
                ),
            ));
        }
        let mut on_node = Vec::new();
        for g in self.st.resource_groups.values() {
            if self.mastered(g).contains(&node) {
                self.check_not_frozen(g)?;
                on_node.push(g);
            }
        }
        self.pre(StepKind::SetEvacuation {
            node: node.as_str().into(),
            until: Some(self.now + keep_off_ms),
        });
        for g in on_node {
            self.set_goal(
                &g.name,
                Goal::Auto(Auto {
                    exclude: vec![Name::from(node.as_str())],
                    sticky: true,
                    ..Auto::default()
                }),
                None,
            );
        }
        self.move_device_groups_off(&node, true);
        Ok(())
    }

    pub(super) fn manage(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        for g in gs {
            if g.managed {
                self.notes
                    .push(format!("{} is already managed; nothing to do", g.name));
                continue;
            }
            self.pre(StepKind::SetManaged {
                rg: g.name.as_str().into(),
                managed: true,
            });
            self.after.managed.insert(g.name.clone(), true);
            self.method_steps_init(g, Method::Init);
        }
        Ok(())
    }

    pub(super) fn unmanage(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        for g in &gs {
            if !g.managed {
                continue;
            }
            let m = self.mastered(g);
            let errored: Vec<&str> = g
                .state
                .iter()
                .filter(|(_, s)| **s == RgState::ErrorStopFailed)
                .map(|(n, _)| n)
                .collect();
            if !errored.is_empty() {
                self.check_not_frozen(g)?;
            }
            if !m.is_empty() {
                return Err(err(
                    ErrorCode::State,
                    format!(
                        "resource group {} is online on {}; only an offline group can be unmanaged",
                        g.name,
                        m.join(",")
                    ),
                )
                .hint(crate::fix::Hint::lead(
                    "take it offline first: ",
                    crate::fix::Fix::OfflineGroup {
                        g: g.name.to_string(),
                    },
                )));
            }
            let on: Vec<&str> = g
                .resources
                .iter()
                .filter(|r| self.st.resources.get(*r).is_some_and(|r| r.enabled))
                .map(|n| n.as_str())
                .collect();
            if !on.is_empty() {
                return Err(err(
                    ErrorCode::State,
                    format!(
                        "resource group {} has enabled resources ({}); disable them before unmanaging the group",
                        g.name,
                        on.join(", ")
                    ),
                )
                .hint(crate::fix::Fix::DisableResource { r: on.join(",") }));
            }
        }
        for g in gs {
            if !g.managed {
                self.notes
                    .push(format!("{} is already unmanaged; nothing to do", g.name));
                continue;
            }
            self.method_steps_init(g, Method::Fini);
            self.pre(StepKind::SetManaged {
                rg: g.name.as_str().into(),
                managed: false,
            });
            if g.stranded {
                self.pre(StepKind::SetStranded {
                    rg: g.name.as_str().into(),
                    stranded: false,
                });
            }
        }
        Ok(())
    }
}
