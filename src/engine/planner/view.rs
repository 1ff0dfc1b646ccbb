//! Views over the state as it will be after the plan (switches, membership and placement
//! decided so far), the lookups that name a missing object, and the small step builders.

use super::{Draft, Goal, err, init_nodes, known_list};
use crate::engine::plan::{Name, Step, StepKind};
use crate::error::{ErrorCode, Result};
use crate::model::{Method, RState, Resource, ResourceGroup, ResourceType, RgState};

impl<'a> Draft<'a> {
    pub(super) fn group(&self, name: &str) -> Result<&'a ResourceGroup> {
        self.st.resource_groups.get(name).ok_or_else(|| {
            err(
                ErrorCode::Rg,
                format!("resource group {name} does not exist"),
            )
            .kind(crate::error::Kind::NoEnt)
            .hint(known_list(
                "resource groups",
                self.st.resource_groups.keys(),
            ))
            .suggest(name, self.st.resource_groups.keys().map(|k| k.as_str()))
        })
    }

    pub(super) fn resource(&self, name: &str) -> Result<&'a Resource> {
        self.st.resources.get(name).ok_or_else(|| {
            err(ErrorCode::Rsrc, format!("resource {name} does not exist"))
                .kind(crate::error::Kind::NoEnt)
                .hint(known_list("resources", self.st.resources.keys()))
                .suggest(name, self.st.resources.keys().map(|k| k.as_str()))
        })
    }

    pub(super) fn rt(&self, r: &Resource) -> Option<&'a ResourceType> {
        self.st.resource_types.get(r.rtype.as_str())
    }

    pub(super) fn node_known(&self, name: &str) -> Result<String> {
        self.st
            .cluster
            .resolve_node(name)
            .map(|n| n.name.clone())
            .ok_or_else(|| {
                err(
                    ErrorCode::Node,
                    format!(
                        "{name} is not a cluster node (nodes: {})",
                        self.st.cluster.node_names().join(", ")
                    ),
                )
                .kind(crate::error::Kind::NoEnt)
                .suggest(name, self.st.cluster.nodes.iter().map(|n| n.name.as_str()))
            })
    }

    pub(super) fn up_after(&self, n: &str) -> bool {
        !self.after.down.contains(n) && (self.after.joined.contains(n) || self.st.cluster.is_up(n))
    }

    pub(super) fn managed_after(&self, g: &ResourceGroup) -> bool {
        self.after
            .managed
            .get(g.name.as_str())
            .copied()
            .unwrap_or(g.managed)
    }

    pub(super) fn enabled_after(&self, r: &Resource) -> bool {
        self.after
            .enabled
            .get(r.name.as_str())
            .copied()
            .unwrap_or(r.enabled)
    }

    /// On_off_switch of `r` on node `n` after the plan: a per-node change, else a cluster-wide
    /// change (which sets every node), else the current per-node value.
    pub(super) fn enabled_after_on(&self, r: &Resource, n: &str) -> bool {
        let key = (r.name.clone(), Name::from(n));
        match (
            self.after.node_enabled.get(&key),
            self.after.enabled.get(r.name.as_str()),
        ) {
            (Some(b), _) | (None, Some(b)) => *b,
            (None, None) => r.enabled_on(n),
        }
    }

    /// Monitored_switch of `r` on node `n` after the plan (as [`Self::enabled_after_on`]).
    pub(super) fn monitored_after_on(&self, r: &Resource, n: &str) -> bool {
        let key = (r.name.clone(), Name::from(n));
        match (
            self.after.node_monitored.get(&key),
            self.after.monitored.get(r.name.as_str()),
        ) {
            (Some(b), _) | (None, Some(b)) => *b,
            (None, None) => r.monitored_on(n),
        }
    }

    pub(super) fn rstate(&self, r: &Resource, n: &str) -> RState {
        if self.after.crashed.contains(n) {
            RState::Offline
        } else {
            r.state_on(n)
        }
    }

    /// Nodes where the group is mastered now (crashed nodes excluded), Nodelist order first.
    pub(super) fn mastered(&self, g: &ResourceGroup) -> Vec<String> {
        if !g.managed {
            return Vec::new();
        }
        let mut v: Vec<String> = g
            .nodelist
            .iter()
            .filter(|n| !self.after.crashed.contains(n.as_str()) && g.state_on(n).is_mastered())
            .map(|n| n.as_str().to_owned())
            .collect();
        for (n, s) in &g.state {
            if !g.nodelist.iter().any(|x| x == n)
                && !self.after.crashed.contains(n)
                && s.is_mastered()
            {
                v.push(n.to_string());
            }
        }
        v
    }

    pub(super) fn placed_after(&self, rg: &str) -> Vec<String> {
        if let Some(t) = self.targets.get(rg) {
            return t.clone();
        }
        self.st
            .resource_groups
            .get(rg)
            .map(|g| self.mastered(g))
            .unwrap_or_default()
    }

    /// Error_stop_failed somewhere (not on a crashed node, not being cleared), or held by
    /// recovery.
    pub(super) fn frozen(&self, g: &ResourceGroup) -> bool {
        self.aims.hold.contains(g.name.as_str())
            || g.state.keys().any(|n| self.stop_failed_on(g, n))
    }

    /// `g` is (and stays, in this plan) Error_stop_failed on `n`.
    pub(super) fn stop_failed_on(&self, g: &ResourceGroup, n: &str) -> bool {
        g.state_on(n) == RgState::ErrorStopFailed
            && !self.after.crashed.contains(n)
            && !self
                .after
                .cleared
                .contains(&(g.name.as_str().to_owned(), n.to_string()))
    }

    /// Group `rg` is (or will be) online on `n`, in a state a strong positive affinity
    /// accepts: not Error_stop_failed there.
    pub(super) fn leader_on(&self, rg: &str, n: &str) -> bool {
        self.placed_after(rg).iter().any(|x| x == n)
            && !self
                .st
                .resource_groups
                .get(rg)
                .is_some_and(|g| self.stop_failed_on(g, n))
    }

    pub(super) fn check_not_frozen(&self, g: &ResourceGroup) -> Result<()> {
        if self.aims.hold.contains(g.name.as_str()) {
            return Ok(());
        }
        for n in g.state.keys() {
            if self.stop_failed_on(g, n) {
                let failed: Vec<&str> = g
                    .resources
                    .iter()
                    .filter(|r| {
                        self.st
                            .resources
                            .get(*r)
                            .is_some_and(|r| r.state_on(n) == RState::StopFailed)
                    })
                    .map(|n| n.as_str())
                    .collect();
                let list = if failed.is_empty() {
                    "RESOURCE".to_string()
                } else {
                    failed.join(",")
                };
                return Err(err(
                    ErrorCode::State,
                    format!(
                        "resource group {} is in Error_stop_failed on {n} ({} failed to stop there); the RGM will not move or restart it",
                        g.name,
                        if failed.is_empty() { "a resource".to_string() } else { failed.join(", ") }
                    ),
                )
                .hint(crate::fix::Hint::lead(
                    "fix the cause, then clear the flag: ",
                    crate::fix::Fix::ClearStopFailed {
                        r: list,
                        node: n.to_string(),
                    },
                )));
            }
        }
        Ok(())
    }

    pub(super) fn check_managed(&self, g: &ResourceGroup, what: &str) -> Result<()> {
        if !self.managed_after(g) {
            return Err(err(
                ErrorCode::State,
                format!("resource group {} is unmanaged; cannot {what} it", g.name),
            )
            .hint(
                crate::fix::Hint::lead(
                    "manage it first: ",
                    crate::fix::Fix::ManageGroup {
                        g: g.name.to_string(),
                    },
                )
                .text(" (or bring it online with ")
                .fix(crate::fix::Fix::OnlineGroup {
                    g: g.name.to_string(),
                })
                .text(")"),
            ));
        }
        Ok(())
    }

    /// The named groups, each once, without those held by recovery.
    pub(super) fn groups_of(&self, rgs: &[String]) -> Result<Vec<&'a ResourceGroup>> {
        let mut out: Vec<&ResourceGroup> = Vec::new();
        for n in rgs {
            let g = self.group(n)?;
            if !out.iter().any(|o| o.name == g.name) && !self.aims.hold.contains(g.name.as_str()) {
                out.push(g);
            }
        }
        Ok(out)
    }

    pub(super) fn all_or(&self, rgs: &[String]) -> Result<Vec<&'a ResourceGroup>> {
        if rgs.is_empty() {
            Ok(self
                .st
                .resource_groups
                .values()
                .filter(|g| !self.aims.hold.contains(g.name.as_str()))
                .collect())
        } else {
            self.groups_of(rgs)
        }
    }

    pub(super) fn dg(&self, name: &str) -> Result<&'a crate::model::DeviceGroup> {
        self.st
            .cluster
            .device_groups
            .iter()
            .find(|d| d.name == name)
            .ok_or_else(|| {
                err(
                    ErrorCode::Inval,
                    format!("device group {name} does not exist"),
                )
                .kind(crate::error::Kind::NoEnt)
                .hint(known_list(
                    "device groups",
                    self.st.cluster.device_groups.iter().map(|d| &d.name),
                ))
                .suggest(
                    name,
                    self.st
                        .cluster
                        .device_groups
                        .iter()
                        .map(|d| d.name.as_str()),
                )
            })
    }

    pub(super) fn has(&self, r: &str, m: Method) -> bool {
        self.st
            .resources
            .get(r)
            .and_then(|r| self.rt(r))
            .is_some_and(|t| t.has_method(m))
    }

    pub(super) fn reason_of(&self, g: &str) -> String {
        self.aims
            .reasons
            .get(g)
            .cloned()
            .unwrap_or_else(|| self.reason.clone())
    }

    /// A step for `reason`: steps of the same reason one after another share its text (a node
    /// failure at scale plans thousands of them).
    pub(super) fn step(&self, kind: StepKind, reason: &str) -> Step {
        let mut last = self.last_reason.borrow_mut();
        let shared = match last.as_ref() {
            Some(r) if **r == *reason => r.clone(),
            _ => {
                let r: crate::engine::plan::Reason = reason.into();
                *last = Some(r.clone());
                r
            }
        };
        Step {
            kind,
            reason: shared,
        }
    }

    pub(super) fn pre(&mut self, kind: StepKind) {
        let s = self.step(kind, &self.reason);
        self.flags.pre.push(s);
    }

    pub(super) fn set_goal(&mut self, rg: &str, goal: Goal, reason: Option<String>) {
        self.aims.goals.insert(Name::from(rg), goal);
        if let Some(r) = reason {
            self.aims.reasons.insert(rg.to_string(), r);
        }
    }

    pub(super) fn keep(&mut self, rg: &str) {
        if !self.aims.goals.contains_key(rg) {
            self.aims.goals.insert(Name::from(rg), Goal::Keep);
        }
    }

    pub(super) fn method_steps_init(&mut self, g: &ResourceGroup, m: Method) {
        for rn in &g.resources {
            let Some(r) = self.st.resources.get(rn) else {
                continue;
            };
            let rt = self.rt(r);
            if !rt.is_some_and(|t| t.has_method(m)) {
                continue;
            }
            for n in init_nodes(self.st, rt, Some(g), |n| self.up_after(n)) {
                self.pre(StepKind::Method {
                    resource: r.name.as_str().into(),
                    node: n.into(),
                    method: m,
                });
            }
        }
    }
}
