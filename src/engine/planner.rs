//! The planner: `plan(&state, &intent, now)` turns an intent into ordered steps. Pure: no I/O,
//! no clock, no randomness; the same inputs give the same plan.
//!
//! How a plan is made (Pacemaker's scheduler in miniature):
//! 1. the intent is checked (errors name the object, say what is wrong and the fix) and turned
//!    into *flag steps* (manage, enable, node crash, …) and *goals*: for each group it touches,
//!    where it should be (`Keep`, `Offline`, `Fixed` nodes, or `Auto` placement);
//! 2. the goal set is closed over affinities (followers of `++`/`+++`, groups evicted by `--`),
//!    stranded RG_dependencies dependents and groups holding resources that depend on touched
//!    resources;
//! 3. groups are ordered dependees first (RG_dependencies, affinities, resource dependencies);
//! 4. each group's target nodes are decided in that order (so affinities see their targets'
//!    new placement), honouring Nodelist order, node membership, Desired/Maximum_primaries,
//!    evacuation, Pingpong_interval and weak affinities;
//! 5. per (group, node) unit, each resource gets an action (start, stop, restart, monitor
//!    on/off) from its state, its On_off_switch and its dependencies;
//! 6. steps are emitted: flag steps, every stop (units in reverse order; Monitor_stop, Stop,
//!    Postnet_stop, dependents before dependees), node halts, every start (units in order;
//!    Prenet_start, then Start + Monitor_start per resource, dependees first, network
//!    addresses first when implicit), final flag steps.
//!
//! Everything is proportional to the groups and resources the intent touches, plus one index
//! build that is linear in the state.

use super::index::{self, AffKind, Index, dep_target};
use super::intent::Intent;
use super::plan::{Action, MonitorDecision, Plan, Settle, Step, StepKind};
use super::settings;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{
    ClusterState, DepKind, InitNodes, Method, RState, Resource, ResourceGroup, ResourceType,
    RgMode, RgState,
};
use indexmap::IndexMap;
use std::collections::{HashMap, HashSet, VecDeque};

/// Plan `intent` against `state` at simulated time `now` (ms).
pub fn plan(state: &ClusterState, intent: &Intent, now: u64) -> Result<Plan> {
    let ix = Index::new(state);
    let mut d = Draft::new(&ix, now, intent.to_string());
    d.intent(intent)?;
    d.finish()
}

/// Nodes where Init/Fini/Boot/Validate of a resource of `rt` in `g` run (Init_nodes), among
/// the nodes `up` accepts.
pub fn init_nodes(
    state: &ClusterState,
    rt: Option<&ResourceType>,
    g: Option<&ResourceGroup>,
    up: impl Fn(&str) -> bool,
) -> Vec<String> {
    let all = || state.cluster.node_names();
    let nodes: Vec<String> = match (rt.map(|t| t.init_nodes), g) {
        (Some(InitNodes::RtInstalledNodes), _) => rt
            .and_then(|t| t.installed_nodes.clone())
            .unwrap_or_else(all),
        (_, Some(g)) => g.nodelist.clone(),
        _ => all(),
    };
    nodes.into_iter().filter(|n| up(n)).collect()
}

/// The resource's service may be running on the node: stop methods are due before it leaves.
pub fn needs_stop(s: RState) -> bool {
    matches!(
        s,
        RState::Online
            | RState::OnlineNotMonitored
            | RState::MonitorFailed
            | RState::Starting
            | RState::StartFailed
            | RState::Stopping
    )
}

/// Votes the given members hold (node votes plus the quorum devices they reach) and the
/// cluster's total.
pub fn quorum_votes(state: &ClusterState, members: &dyn Fn(&str) -> bool) -> (u32, u32) {
    let total: u32 = state.cluster.nodes.iter().map(|n| n.votes).sum::<u32>()
        + state
            .cluster
            .quorum_devices
            .iter()
            .map(|q| q.votes)
            .sum::<u32>();
    let have: u32 = state
        .cluster
        .nodes
        .iter()
        .filter(|n| members(&n.name))
        .map(|n| n.votes)
        .sum::<u32>()
        + state
            .cluster
            .quorum_devices
            .iter()
            .filter(|q| q.nodes.iter().any(|n| members(n)))
            .map(|q| q.votes)
            .sum::<u32>();
    (have, total)
}

/// A majority of the configured votes.
pub fn has_quorum(have: u32, total: u32) -> bool {
    have * 2 > total
}

#[derive(Debug, Clone)]
enum Goal {
    /// Placement unchanged; resource-level changes only.
    Keep,
    Offline,
    Fixed(Vec<String>),
    /// Continuation: these nodes if they are still usable, else automatic placement.
    Prefer(Vec<String>),
    Auto(Auto),
}

#[derive(Debug, Clone, Default)]
struct Auto {
    exclude: Vec<String>,
    /// Keep current primaries that remain eligible.
    sticky: bool,
    /// Pingpong also excludes nodes that recently gave the group away.
    giveover: bool,
    /// Nowhere else to go: stay where it is.
    fallback_current: bool,
    /// Nowhere to go: go offline and remember to come back when a node joins.
    strand_if_empty: bool,
    /// The operator named the group: no eligible node is an error.
    must_place: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
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

struct Unit {
    rg: String,
    node: String,
    before: bool,
    after: bool,
    restart: bool,
    acts: Vec<(String, Act)>,
}

struct Draft<'a> {
    ix: &'a Index<'a>,
    st: &'a ClusterState,
    now: u64,
    reason: String,
    pre: Vec<Step>,
    mid: Vec<Step>,
    post: Vec<Step>,
    enabled: HashMap<String, bool>,
    monitored: HashMap<String, bool>,
    managed: HashMap<String, bool>,
    crashed: HashSet<String>,
    down: HashSet<String>,
    joined: HashSet<String>,
    goals: IndexMap<String, Goal>,
    reasons: HashMap<String, String>,
    hold: HashSet<String>,
    restart_units: HashSet<(String, String)>,
    res_restart: HashSet<(String, String)>,
    monitor_change: HashMap<String, bool>,
    targets: HashMap<String, Vec<String>>,
    notes: Vec<String>,
    actions: Vec<Action>,
}

fn err(code: ErrorCode, msg: impl Into<String>) -> ScError {
    ScError::new(code, msg)
}

impl<'a> Draft<'a> {
    fn new(ix: &'a Index<'a>, now: u64, reason: String) -> Draft<'a> {
        Draft {
            ix,
            st: ix.state,
            now,
            reason,
            pre: Vec::new(),
            mid: Vec::new(),
            post: Vec::new(),
            enabled: HashMap::new(),
            monitored: HashMap::new(),
            managed: HashMap::new(),
            crashed: HashSet::new(),
            down: HashSet::new(),
            joined: HashSet::new(),
            goals: IndexMap::new(),
            reasons: HashMap::new(),
            hold: HashSet::new(),
            restart_units: HashSet::new(),
            res_restart: HashSet::new(),
            monitor_change: HashMap::new(),
            targets: HashMap::new(),
            notes: Vec::new(),
            actions: Vec::new(),
        }
    }

    // ----- views over the state as it will be -----

    fn group(&self, name: &str) -> Result<&'a ResourceGroup> {
        self.st.resource_groups.get(name).ok_or_else(|| {
            err(
                ErrorCode::Rg,
                format!("resource group {name} does not exist"),
            )
            .hint(known_list(
                "resource groups",
                self.st.resource_groups.keys(),
            ))
            .suggest(name, self.st.resource_groups.keys().map(String::as_str))
        })
    }

    fn resource(&self, name: &str) -> Result<&'a Resource> {
        self.st.resources.get(name).ok_or_else(|| {
            err(ErrorCode::Rsrc, format!("resource {name} does not exist"))
                .hint(known_list("resources", self.st.resources.keys()))
                .suggest(name, self.st.resources.keys().map(String::as_str))
        })
    }

    fn rt(&self, r: &Resource) -> Option<&'a ResourceType> {
        self.st.resource_types.get(&r.rtype)
    }

    fn node_known(&self, name: &str) -> Result<String> {
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
                .suggest(name, self.st.cluster.nodes.iter().map(|n| n.name.as_str()))
            })
    }

    fn up_after(&self, n: &str) -> bool {
        !self.down.contains(n) && (self.joined.contains(n) || self.st.cluster.is_up(n))
    }

    fn managed_after(&self, g: &ResourceGroup) -> bool {
        self.managed.get(&g.name).copied().unwrap_or(g.managed)
    }

    fn enabled_after(&self, r: &Resource) -> bool {
        self.enabled.get(&r.name).copied().unwrap_or(r.enabled)
    }

    fn monitored_after(&self, r: &Resource) -> bool {
        self.monitored.get(&r.name).copied().unwrap_or(r.monitored)
    }

    fn rstate(&self, r: &Resource, n: &str) -> RState {
        if self.crashed.contains(n) {
            RState::Offline
        } else {
            r.state_on(n)
        }
    }

    /// Nodes where the group is mastered now (crashed nodes excluded), Nodelist order first.
    fn mastered(&self, g: &ResourceGroup) -> Vec<String> {
        if !g.managed {
            return Vec::new();
        }
        let mut v: Vec<String> = g
            .nodelist
            .iter()
            .filter(|n| !self.crashed.contains(*n) && g.state_on(n).is_mastered())
            .cloned()
            .collect();
        for (n, s) in &g.state {
            if !g.nodelist.contains(n) && !self.crashed.contains(n) && s.is_mastered() {
                v.push(n.clone());
            }
        }
        v
    }

    fn placed_after(&self, rg: &str) -> Vec<String> {
        if let Some(t) = self.targets.get(rg) {
            return t.clone();
        }
        self.st
            .resource_groups
            .get(rg)
            .map(|g| self.mastered(g))
            .unwrap_or_default()
    }

    /// Error_stop_failed somewhere (not on a crashed node), or held by recovery.
    fn frozen(&self, g: &ResourceGroup) -> bool {
        self.hold.contains(&g.name)
            || g.state
                .iter()
                .any(|(n, s)| *s == RgState::ErrorStopFailed && !self.crashed.contains(n))
    }

    fn check_not_frozen(&self, g: &ResourceGroup) -> Result<()> {
        if self.hold.contains(&g.name) {
            return Ok(());
        }
        for (n, s) in &g.state {
            if *s == RgState::ErrorStopFailed && !self.crashed.contains(n) {
                let failed: Vec<&str> = g
                    .resources
                    .iter()
                    .filter(|r| {
                        self.st
                            .resources
                            .get(*r)
                            .is_some_and(|r| r.state_on(n) == RState::StopFailed)
                    })
                    .map(String::as_str)
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
                .hint(format!(
                    "fix the cause, then clear the flag: scswitch -c -h {n} -j {list} -f STOP_FAILED"
                )));
            }
        }
        Ok(())
    }

    fn check_managed(&self, g: &ResourceGroup, what: &str) -> Result<()> {
        if !self.managed_after(g) {
            return Err(err(
                ErrorCode::State,
                format!("resource group {} is unmanaged; cannot {what} it", g.name),
            )
            .hint(format!(
                "manage it first: scswitch -o -g {0} (or bring it online with scswitch -Z -g {0})",
                g.name
            )));
        }
        Ok(())
    }

    /// The named groups, each once, without those held by recovery.
    fn groups_of(&self, rgs: &[String]) -> Result<Vec<&'a ResourceGroup>> {
        let mut out: Vec<&ResourceGroup> = Vec::new();
        for n in rgs {
            let g = self.group(n)?;
            if !out.iter().any(|o| o.name == g.name) && !self.hold.contains(&g.name) {
                out.push(g);
            }
        }
        Ok(out)
    }

    fn all_or(&self, rgs: &[String]) -> Result<Vec<&'a ResourceGroup>> {
        if rgs.is_empty() {
            Ok(self
                .st
                .resource_groups
                .values()
                .filter(|g| !self.hold.contains(&g.name))
                .collect())
        } else {
            self.groups_of(rgs)
        }
    }

    fn step(&self, kind: StepKind, reason: &str) -> Step {
        Step {
            kind,
            reason: reason.to_string(),
        }
    }

    fn pre(&mut self, kind: StepKind) {
        let s = self.step(kind, &self.reason.clone());
        self.pre.push(s);
    }

    fn set_goal(&mut self, rg: &str, goal: Goal, reason: Option<String>) {
        self.goals.insert(rg.to_string(), goal);
        if let Some(r) = reason {
            self.reasons.insert(rg.to_string(), r);
        }
    }

    fn keep(&mut self, rg: &str) {
        if !self.goals.contains_key(rg) {
            self.goals.insert(rg.to_string(), Goal::Keep);
        }
    }

    fn method_steps_init(&mut self, g: &ResourceGroup, m: Method) {
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
                    resource: r.name.clone(),
                    group: g.name.clone(),
                    node: n,
                    method: m,
                });
            }
        }
    }

    // ----- intents -----

    fn intent(&mut self, intent: &Intent) -> Result<()> {
        match intent {
            Intent::Online { rgs } => self.online(rgs),
            Intent::Switch { rgs, nodes } => self.switch(rgs, nodes),
            Intent::Rebalance { rgs } => self.rebalance(rgs),
            Intent::Offline { rgs } => self.offline(rgs),
            Intent::Restart { rgs, nodes } => self.restart(rgs, nodes),
            Intent::Evacuate { node, keep_off_ms } => self.evacuate(node, *keep_off_ms),
            Intent::Manage { rgs } => self.manage(rgs),
            Intent::Unmanage { rgs } => self.unmanage(rgs),
            Intent::Enable {
                resources,
                monitor_only,
            } => self.enable(resources, *monitor_only),
            Intent::Disable {
                resources,
                monitor_only,
            } => self.disable(resources, *monitor_only),
            Intent::ClearStopFailed { resources, nodes } => self.clear(resources, nodes),
            Intent::Quiesce { rgs, kill } => {
                let gs = self.all_or(rgs)?;
                for g in gs {
                    self.notes.push(format!(
                        "{} is quiescent: no method is running{}",
                        g.name,
                        if *kill {
                            ", so there is nothing to kill"
                        } else {
                            ""
                        }
                    ));
                }
                Ok(())
            }
            Intent::Suspend { rgs, .. } => self.suspend(rgs, true),
            Intent::Resume { rgs } => self.suspend(rgs, false),
            Intent::DeviceSwitch { dgs, node } => self.dg_switch(dgs, node),
            Intent::DeviceOffline { dgs } => self.dg_offline(dgs, false),
            Intent::DeviceMaintenance { dgs } => self.dg_offline(dgs, true),
            Intent::NodeDown { node, clean, .. } => self.node_down(node, *clean),
            Intent::NodeUp { nodes } => self.node_up(nodes),
            Intent::MonitorFailure { resource, node } => self.monitor_failure(resource, node),
            Intent::Converge { rgs } => {
                for g in self.groups_of(rgs)? {
                    let m = self.mastered(g);
                    let keep: Vec<String> = m
                        .iter()
                        .filter(|n| g.nodelist.contains(n))
                        .cloned()
                        .collect();
                    let goal = if keep.len() == m.len() {
                        Goal::Keep
                    } else if keep.is_empty() {
                        Goal::Auto(Auto {
                            sticky: true,
                            strand_if_empty: true,
                            ..Auto::default()
                        })
                    } else {
                        Goal::Fixed(keep)
                    };
                    self.set_goal(&g.name, goal, None);
                }
                Ok(())
            }
            Intent::Failover { rg, from, reason } => {
                let g = self.group(rg)?;
                self.failover(g, from, false, reason.clone());
                Ok(())
            }
            Intent::Continue { targets, hold, .. } => {
                // Carrying on after a failure: groups being recovered, and groups a failure
                // left in Error_stop_failed, are left alone.
                self.hold.extend(hold.iter().cloned());
                for g in self.st.resource_groups.values() {
                    if g.state.values().any(|s| *s == RgState::ErrorStopFailed) {
                        self.hold.insert(g.name.clone());
                    }
                }
                for (g, nodes) in targets {
                    if self.hold.contains(g) || !self.st.resource_groups.contains_key(g) {
                        continue;
                    }
                    let goal = if nodes.is_empty() {
                        Goal::Offline
                    } else {
                        Goal::Prefer(nodes.clone())
                    };
                    self.set_goal(g, goal, None);
                }
                Ok(())
            }
        }
    }

    fn online(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.all_or(rgs)?;
        let names: HashSet<&str> = gs.iter().map(|g| g.name.as_str()).collect();
        for g in &gs {
            if self.hold.contains(&g.name) {
                continue;
            }
            self.check_not_frozen(g)?;
        }
        for g in &gs {
            if self.hold.contains(&g.name) {
                continue;
            }
            if !g.managed {
                self.pre(StepKind::SetManaged {
                    rg: g.name.clone(),
                    managed: true,
                });
                self.managed.insert(g.name.clone(), true);
                self.method_steps_init(g, Method::Init);
            }
            for rn in &g.resources {
                let Some(r) = self.st.resources.get(rn) else {
                    continue;
                };
                if !r.enabled {
                    self.pre(StepKind::SetEnabled {
                        resource: r.name.clone(),
                        enabled: true,
                    });
                    self.enabled.insert(r.name.clone(), true);
                }
                if !r.monitored {
                    self.pre(StepKind::SetMonitored {
                        resource: r.name.clone(),
                        monitored: true,
                    });
                    self.monitored.insert(r.name.clone(), true);
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
            for h in &g.rg_dependencies {
                if !names.contains(h.as_str()) && self.placed_after(h).is_empty() {
                    return Err(err(
                        ErrorCode::Depend,
                        format!(
                            "resource group {} depends on resource group {h} (RG_dependencies), which is not online",
                            g.name
                        ),
                    )
                    .hint(format!("bring both online: scswitch -Z -g {h},{}", g.name)));
                }
            }
        }
        for g in gs {
            if self.hold.contains(&g.name) {
                continue;
            }
            if g.stranded {
                self.pre(StepKind::SetStranded {
                    rg: g.name.clone(),
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
    fn check_dependees_enabled(&self, r: &Resource, also: &dyn Fn(&str) -> bool) -> Result<()> {
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
                .hint(format!(
                    "enable the dependee first: scswitch -e -j {dn} (or both at once: scswitch -e -j {dn},{})",
                    r.name
                )));
            }
        }
        Ok(())
    }

    fn check_switch_nodes(&self, g: &ResourceGroup, nodes: &[String]) -> Result<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        for n in nodes {
            let name = self.node_known(n)?;
            if !g.nodelist.contains(&name) {
                return Err(err(
                    ErrorCode::Node,
                    format!(
                        "node {name} is not in the Nodelist of resource group {} ({})",
                        g.name,
                        g.nodelist.join(",")
                    ),
                )
                .hint(format!(
                    "choose one of {}, or add {name} with scrgadm -c -g {} -h {},{name}",
                    g.nodelist.join(", "),
                    g.name,
                    g.nodelist.join(",")
                )));
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
                format!("give one node: scswitch -z -g {} -h {}", g.name, out[0])
            } else {
                format!("give at most {max} nodes, or raise Maximum_primaries with scrgadm -c -g {} -y Maximum_primaries=N", g.name)
            }));
        }
        // Keep Nodelist order.
        let mut ordered: Vec<String> = g
            .nodelist
            .iter()
            .filter(|n| out.contains(n))
            .cloned()
            .collect();
        for n in out {
            if !ordered.contains(&n) {
                ordered.push(n);
            }
        }
        Ok(ordered)
    }

    fn switch(&mut self, rgs: &[String], nodes: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        let names: HashSet<&str> = gs.iter().map(|g| g.name.as_str()).collect();
        let mut plans = Vec::new();
        for g in &gs {
            if self.hold.contains(&g.name) {
                continue;
            }
            self.check_managed(g, "switch")?;
            self.check_not_frozen(g)?;
            let ns = self.check_switch_nodes(g, nodes)?;
            for h in &g.rg_dependencies {
                if !names.contains(h.as_str()) && self.placed_after(h).is_empty() {
                    return Err(err(
                        ErrorCode::Depend,
                        format!(
                            "resource group {} depends on resource group {h} (RG_dependencies), which is not online",
                            g.name
                        ),
                    )
                    .hint(format!("bring {h} online first: scswitch -Z -g {h}")));
                }
            }
            plans.push((g.name.clone(), ns));
        }
        for (g, ns) in plans {
            let gr = self.st.resource_groups[&g].stranded;
            if gr {
                self.pre(StepKind::SetStranded {
                    rg: g.clone(),
                    stranded: false,
                });
            }
            self.set_goal(&g, Goal::Fixed(ns), None);
        }
        Ok(())
    }

    fn rebalance(&mut self, rgs: &[String]) -> Result<()> {
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

    fn offline(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        let names: HashSet<&str> = gs.iter().map(|g| g.name.as_str()).collect();
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
                    .hint(format!("take both offline: scswitch -F -g {h},{}", g.name)));
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
                    .hint(format!("take both offline: scswitch -F -g {h},{}", g.name)));
                }
            }
            for rn in &g.resources {
                for (dep, kind) in self.ix.dependents(rn) {
                    if !matches!(kind, DepKind::Strong | DepKind::Restart) {
                        continue;
                    }
                    let Some(dr) = self.st.resources.get(*dep) else {
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
                        .hint(format!(
                            "disable the dependent first (scswitch -n -j {dep}) or take its group offline too (scswitch -F -g {},{})",
                            dr.group, g.name
                        )));
                    }
                }
            }
        }
        for g in gs {
            if g.stranded {
                self.pre(StepKind::SetStranded {
                    rg: g.name.clone(),
                    stranded: false,
                });
            }
            self.set_goal(&g.name, Goal::Offline, None);
        }
        Ok(())
    }

    fn restart(&mut self, rgs: &[String], nodes: &[String]) -> Result<()> {
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
                    .hint(format!(
                        "to bring it online on {n}: scswitch -z -g {} -h {n}",
                        g.name
                    )));
                }
            }
        }
        for g in gs {
            self.keep(&g.name);
            for n in &ns {
                self.restart_units.insert((g.name.clone(), n.clone()));
            }
        }
        Ok(())
    }

    fn evacuate(&mut self, node: &str, keep_off_ms: u64) -> Result<()> {
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
            node: node.clone(),
            until: Some(self.now + keep_off_ms),
        });
        for g in on_node {
            self.set_goal(
                &g.name,
                Goal::Auto(Auto {
                    exclude: vec![node.clone()],
                    sticky: true,
                    ..Auto::default()
                }),
                None,
            );
        }
        self.move_device_groups_off(&node, true);
        Ok(())
    }

    fn move_device_groups_off(&mut self, node: &str, as_pre: bool) {
        for dg in &self.st.cluster.device_groups {
            if dg.primary.as_deref() != Some(node) {
                continue;
            }
            let next = dg
                .nodes
                .iter()
                .find(|n| n.as_str() != node && self.up_after(n))
                .cloned();
            let s = self.step(
                StepKind::DeviceGroup {
                    dg: dg.name.clone(),
                    primary: next,
                    maintenance: false,
                },
                &self.reason.clone(),
            );
            if as_pre {
                self.pre.push(s);
            } else {
                self.mid.push(s);
            }
        }
    }

    fn manage(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        for g in gs {
            if g.managed {
                self.notes
                    .push(format!("{} is already managed; nothing to do", g.name));
                continue;
            }
            self.pre(StepKind::SetManaged {
                rg: g.name.clone(),
                managed: true,
            });
            self.managed.insert(g.name.clone(), true);
            self.method_steps_init(g, Method::Init);
        }
        Ok(())
    }

    fn unmanage(&mut self, rgs: &[String]) -> Result<()> {
        let gs = self.groups_of(rgs)?;
        for g in &gs {
            if !g.managed {
                continue;
            }
            let m = self.mastered(g);
            let errored: Vec<&String> = g
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
                .hint(format!("take it offline first: scswitch -F -g {}", g.name)));
            }
            let on: Vec<&str> = g
                .resources
                .iter()
                .filter(|r| self.st.resources.get(*r).is_some_and(|r| r.enabled))
                .map(String::as_str)
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
                .hint(format!("scswitch -n -j {}", on.join(","))));
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
                rg: g.name.clone(),
                managed: false,
            });
            if g.stranded {
                self.pre(StepKind::SetStranded {
                    rg: g.name.clone(),
                    stranded: false,
                });
            }
        }
        Ok(())
    }

    fn enable(&mut self, resources: &[String], monitor_only: bool) -> Result<()> {
        let mut rs: Vec<&Resource> = Vec::new();
        for n in resources {
            let r = self.resource(n)?;
            if self.hold.contains(&r.group) {
                continue;
            }
            if !rs.iter().any(|o| o.name == r.name) {
                rs.push(r);
            }
        }
        let names: HashSet<&str> = rs.iter().map(|r| r.name.as_str()).collect();
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
                    resource: r.name.clone(),
                    monitored: true,
                });
                self.monitored.insert(r.name.clone(), true);
                self.monitor_change.insert(r.name.clone(), true);
            } else {
                if r.enabled {
                    continue;
                }
                self.pre(StepKind::SetEnabled {
                    resource: r.name.clone(),
                    enabled: true,
                });
                self.enabled.insert(r.name.clone(), true);
            }
            self.keep(&r.group);
        }
        Ok(())
    }

    fn disable(&mut self, resources: &[String], monitor_only: bool) -> Result<()> {
        let mut rs: Vec<&Resource> = Vec::new();
        for n in resources {
            let r = self.resource(n)?;
            if self.hold.contains(&r.group) {
                continue;
            }
            if !rs.iter().any(|o| o.name == r.name) {
                rs.push(r);
            }
        }
        let names: HashSet<&str> = rs.iter().map(|r| r.name.as_str()).collect();
        for r in &rs {
            let g = self.group(&r.group)?;
            self.check_not_frozen(g)?;
            if monitor_only {
                continue;
            }
            let deps: Vec<(&str, DepKind)> = self
                .ix
                .dependents(&r.name)
                .iter()
                .filter(|(d, k)| {
                    matches!(k, DepKind::Strong | DepKind::Restart)
                        && !names.contains(d)
                        && self.st.resources.get(*d).is_some_and(|dr| dr.enabled)
                })
                .copied()
                .collect();
            if !deps.is_empty() {
                let list: Vec<&str> = deps.iter().map(|(d, _)| *d).collect();
                return Err(err(
                    ErrorCode::Depend,
                    format!(
                        "resource {} cannot be disabled: enabled resource{} {} depend{} on it ({})",
                        r.name,
                        if list.len() == 1 { "" } else { "s" },
                        list.join(", "),
                        if list.len() == 1 { "s" } else { "" },
                        deps[0].1.property()
                    ),
                )
                .hint(format!(
                    "disable the dependents first: scswitch -n -j {} (or together: scswitch -n -j {},{})",
                    list.join(","),
                    list.join(","),
                    r.name
                )));
            }
        }
        for r in rs {
            if monitor_only {
                if !r.monitored {
                    continue;
                }
                self.pre(StepKind::SetMonitored {
                    resource: r.name.clone(),
                    monitored: false,
                });
                self.monitored.insert(r.name.clone(), false);
                self.monitor_change.insert(r.name.clone(), false);
            } else {
                if !r.enabled {
                    continue;
                }
                self.pre(StepKind::SetEnabled {
                    resource: r.name.clone(),
                    enabled: false,
                });
                self.enabled.insert(r.name.clone(), false);
            }
            self.keep(&r.group);
        }
        Ok(())
    }

    fn clear(&mut self, resources: &[String], nodes: &[String]) -> Result<()> {
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
                resource: r.name.clone(),
                node: n.clone(),
            });
            let k = (r.group.clone(), n);
            if !settles.contains(&k) {
                settles.push(k);
            }
        }
        for (rg, node) in settles {
            self.pre(StepKind::RgSettle {
                rg,
                node,
                mode: Settle::Infer,
            });
        }
        Ok(())
    }

    fn suspend(&mut self, rgs: &[String], on: bool) -> Result<()> {
        let gs = self.all_or(rgs)?;
        for g in gs {
            if g.suspend_automatic_recovery != on {
                self.pre(StepKind::SetSuspended {
                    rg: g.name.clone(),
                    suspended: on,
                });
            }
        }
        Ok(())
    }

    fn dg(&self, name: &str) -> Result<&'a crate::model::DeviceGroup> {
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

    fn dg_switch(&mut self, dgs: &[String], node: &str) -> Result<()> {
        let node = self.node_known(node)?;
        if !self.up_after(&node) {
            return Err(err(
                ErrorCode::Node,
                format!("node {node} is not a cluster member (it is down)"),
            )
            .hint(format!("boot it first: scsim node up {node}")));
        }
        let mut steps = Vec::new();
        for name in dgs {
            let dg = self.dg(name)?;
            if !dg.nodes.contains(&node) {
                return Err(err(
                    ErrorCode::Node,
                    format!(
                        "node {node} is not in the node list of device group {} ({})",
                        dg.name,
                        dg.nodes.join(",")
                    ),
                ));
            }
            if dg.primary.as_deref() == Some(node.as_str()) && !dg.maintenance {
                continue;
            }
            steps.push(StepKind::DeviceGroup {
                dg: dg.name.clone(),
                primary: Some(node.clone()),
                maintenance: false,
            });
        }
        for s in steps {
            self.pre(s);
        }
        Ok(())
    }

    fn dg_offline(&mut self, dgs: &[String], maintenance: bool) -> Result<()> {
        let mut steps = Vec::new();
        for name in dgs {
            let dg = self.dg(name)?;
            if let Some((r, n)) = self.dg_in_use(&dg.name) {
                let g = &self.st.resources[&r].group;
                return Err(err(
                    ErrorCode::Depend,
                    format!(
                        "device group {} is in use by resource {r} (group {g}), online on {n}",
                        dg.name
                    ),
                )
                .hint(format!("take the group offline first: scswitch -F -g {g}")));
            }
            if dg.primary.is_none() && dg.maintenance == maintenance {
                continue;
            }
            steps.push(StepKind::DeviceGroup {
                dg: dg.name.clone(),
                primary: None,
                maintenance,
            });
        }
        for s in steps {
            self.pre(s);
        }
        Ok(())
    }

    /// An online HAStoragePlus resource that names the device group in GlobalDevicePaths.
    fn dg_in_use(&self, dg: &str) -> Option<(String, String)> {
        for r in self.st.resources.values() {
            let rt = self.rt(r);
            if !settings::is_hasp(rt) {
                continue;
            }
            if !hasp_device_groups(rt, r).iter().any(|d| d == dg) {
                continue;
            }
            if let Some((n, _)) = r.state.iter().find(|(_, s)| needs_stop(s.state)) {
                return Some((r.name.clone(), n.clone()));
            }
        }
        None
    }

    fn node_down(&mut self, node: &str, clean: bool) -> Result<()> {
        let node = self.node_known(node)?;
        if !self.st.cluster.is_up(&node) {
            return Err(
                err(ErrorCode::State, format!("node {node} is already down"))
                    .hint(format!("boot it with scsim node up {node}")),
            );
        }
        self.down.insert(node.clone());
        let survivors = |n: &str| n != node && self.st.cluster.is_up(n);
        let (have, total) = quorum_votes(self.st, &survivors);
        if !has_quorum(have, total) {
            self.crashed.insert(node.clone());
            self.pre(if clean {
                StepKind::NodeHalt { node: node.clone() }
            } else {
                StepKind::NodeCrash { node: node.clone() }
            });
            let others: Vec<String> = self
                .st
                .cluster
                .nodes
                .iter()
                .filter(|n| n.up && n.name != node)
                .map(|n| n.name.clone())
                .collect();
            let why = format!(
                "cluster lost operational quorum: {have} of {total} votes left, {} needed",
                total / 2 + 1
            );
            for o in others {
                self.crashed.insert(o.clone());
                self.down.insert(o.clone());
                let s = self.step(StepKind::NodeCrash { node: o }, &why);
                self.pre.push(s);
            }
            for dg in &self.st.cluster.device_groups {
                if dg.primary.is_some() {
                    let s = self.step(
                        StepKind::DeviceGroup {
                            dg: dg.name.clone(),
                            primary: None,
                            maintenance: dg.maintenance,
                        },
                        &why,
                    );
                    self.pre.push(s);
                }
            }
            self.notes.push(format!("{why}: every node halts"));
            let lost: Vec<String> = self
                .st
                .resource_groups
                .values()
                .filter(|g| g.managed && g.state.values().any(|s| s.is_mastered()))
                .map(|g| g.name.clone())
                .collect();
            for g in lost {
                self.set_goal(&g, Goal::Offline, Some(why.clone()));
            }
            return Ok(());
        }
        if !clean {
            self.crashed.insert(node.clone());
            self.pre(StepKind::NodeCrash { node: node.clone() });
        }
        let on_node: Vec<&ResourceGroup> = self
            .st
            .resource_groups
            .values()
            .filter(|g| {
                g.managed
                    && !self.hold.contains(&g.name)
                    && (g.state_on(&node).is_mastered()
                        || g.state.get(&node).is_some_and(|s| s.is_mastered()))
            })
            .collect();
        for g in on_node {
            if clean && self.frozen(g) {
                self.notes.push(format!(
                    "{} is in Error_stop_failed and stays where it is until cleared",
                    g.name
                ));
                continue;
            }
            self.set_goal(
                &g.name,
                Goal::Auto(Auto {
                    exclude: vec![node.clone()],
                    sticky: true,
                    strand_if_empty: true,
                    ..Auto::default()
                }),
                None,
            );
        }
        self.move_device_groups_off(&node, !clean);
        if clean {
            let s = self.step(
                StepKind::NodeHalt { node: node.clone() },
                &self.reason.clone(),
            );
            self.mid.push(s);
        }
        Ok(())
    }

    fn node_up(&mut self, nodes: &[String]) -> Result<()> {
        let mut ns = Vec::new();
        for n in nodes {
            let n = self.node_known(n)?;
            if self.st.cluster.is_up(&n) {
                return Err(err(ErrorCode::State, format!("node {n} is already up")));
            }
            if !ns.contains(&n) {
                ns.push(n);
            }
        }
        let forming = !self.st.cluster.nodes.iter().any(|n| n.up);
        let members = |n: &str| ns.iter().any(|x| x == n) || self.st.cluster.is_up(n);
        let (have, total) = quorum_votes(self.st, &members);
        if !has_quorum(have, total) {
            let down: Vec<String> = self
                .st
                .cluster
                .nodes
                .iter()
                .filter(|n| !members(&n.name))
                .map(|n| n.name.clone())
                .collect();
            return Err(err(
                ErrorCode::Node,
                format!(
                    "{} cannot form the cluster: {have} of {total} votes, {} needed for quorum",
                    ns.join(", "),
                    total / 2 + 1
                ),
            )
            .hint(format!(
                "boot more nodes together: scsim node up {} {}",
                ns.join(" "),
                down.join(" ")
            )));
        }
        for n in &ns {
            self.joined.insert(n.clone());
            self.pre(StepKind::NodeJoin { node: n.clone() });
        }
        // Boot methods on the joining nodes.
        for g in self.st.resource_groups.values() {
            if !g.managed {
                continue;
            }
            for rn in &g.resources {
                let Some(r) = self.st.resources.get(rn) else {
                    continue;
                };
                let rt = self.rt(r);
                if !rt.is_some_and(|t| t.has_method(Method::Boot)) {
                    continue;
                }
                for n in init_nodes(self.st, rt, Some(g), |n| self.joined.contains(n)) {
                    self.pre(StepKind::Method {
                        resource: r.name.clone(),
                        group: g.name.clone(),
                        node: n,
                        method: Method::Boot,
                    });
                }
            }
        }
        // Device groups come online on a joining node.
        for dg in &self.st.cluster.device_groups {
            if dg.primary.is_none()
                && !dg.maintenance
                && let Some(n) = dg.nodes.iter().find(|n| self.joined.contains(*n))
            {
                let s = self.step(
                    StepKind::DeviceGroup {
                        dg: dg.name.clone(),
                        primary: Some(n.clone()),
                        maintenance: false,
                    },
                    &self.reason.clone(),
                );
                self.pre.push(s);
            }
        }
        let mut goals = Vec::new();
        for g in self.st.resource_groups.values() {
            if !g.managed || self.frozen(g) {
                continue;
            }
            if forming {
                if g.auto_start_on_new_cluster {
                    goals.push((
                        g.name.clone(),
                        Auto {
                            strand_if_empty: true,
                            ..Auto::default()
                        },
                        format!(
                            "new cluster formed: {} starts (Auto_start_on_new_cluster=TRUE)",
                            g.name
                        ),
                    ));
                } else if g.stranded {
                    let s = self.step(
                        StepKind::SetStranded {
                            rg: g.name.clone(),
                            stranded: false,
                        },
                        "Auto_start_on_new_cluster=FALSE",
                    );
                    self.pre.push(s);
                }
                continue;
            }
            if !g.nodelist.iter().any(|n| self.joined.contains(n)) {
                continue;
            }
            let m = self.mastered(g);
            if g.stranded && m.is_empty() {
                goals.push((
                    g.name.clone(),
                    Auto {
                        sticky: true,
                        strand_if_empty: true,
                        ..Auto::default()
                    },
                    format!("{} joined: {} had nowhere to run", ns.join(","), g.name),
                ));
            } else if g.failback && !m.is_empty() {
                goals.push((
                    g.name.clone(),
                    Auto::default(),
                    format!("{} joined: Failback=TRUE on {}", ns.join(","), g.name),
                ));
            } else if g.mode == RgMode::Scalable
                && !m.is_empty()
                && m.len() < g.desired_primaries.min(g.maximum_primaries) as usize
            {
                goals.push((
                    g.name.clone(),
                    Auto {
                        sticky: true,
                        ..Auto::default()
                    },
                    format!(
                        "{} joined: {} runs on {} of {} desired primaries",
                        ns.join(","),
                        g.name,
                        m.len(),
                        g.desired_primaries
                    ),
                ));
            }
        }
        for (g, a, why) in goals {
            self.set_goal(&g, Goal::Auto(a), Some(why));
        }
        Ok(())
    }

    fn monitor_failure(&mut self, resource: &str, node: &str) -> Result<()> {
        let r = self.resource(resource)?;
        let node = self.node_known(node)?;
        let g = self.group(&r.group)?;
        let s = r.state_on(&node);
        if !matches!(
            s,
            RState::Online | RState::OnlineNotMonitored | RState::MonitorFailed
        ) || !self.st.cluster.is_up(&node)
        {
            let on: Vec<&String> = r
                .state
                .iter()
                .filter(|(_, s)| s.state.is_running())
                .map(|(n, _)| n)
                .collect();
            return Err(err(
                ErrorCode::State,
                format!(
                    "resource {} is not online on {node} (it is {}); its fault monitor runs only where it is online{}",
                    r.name,
                    s.as_str(),
                    if on.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " ({})",
                            on.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
                        )
                    }
                ),
            ));
        }
        let rt = self.rt(r);
        let mode = settings::failover_mode(rt, r);
        let rc = settings::retry_count(rt, r);
        let window = settings::retry_interval_ms(rt, r);
        let recent = r
            .restart_history
            .iter()
            .filter(|t| self.now.saturating_sub(**t) < window)
            .count();
        let (decision, why) = if g.suspend_automatic_recovery {
            (
                MonitorDecision::LogOnly,
                format!("automatic recovery of {} is suspended", g.name),
            )
        } else if self.frozen(g) {
            (
                MonitorDecision::LogOnly,
                format!("{} is in Error_stop_failed", g.name),
            )
        } else if !mode.monitor_may_restart() {
            (
                MonitorDecision::LogOnly,
                "Failover_mode LOG_ONLY: the monitor may not restart or fail over".to_string(),
            )
        } else if rc < 0 || (recent as i64) < rc {
            (
                MonitorDecision::Restart {
                    attempt: recent as u32 + 1,
                    of: rc,
                },
                format!(
                    "restart {} in place ({} of {} within Retry_interval {} s)",
                    r.name,
                    recent + 1,
                    if rc < 0 {
                        "unlimited".to_string()
                    } else {
                        rc.to_string()
                    },
                    window / 1000
                ),
            )
        } else if mode.monitor_may_giveover() {
            (
                MonitorDecision::Giveover,
                format!(
                    "Retry_count {rc} exhausted within Retry_interval {} s: give {} over to another node",
                    window / 1000,
                    g.name
                ),
            )
        } else {
            (
                MonitorDecision::LogOnly,
                format!(
                    "Retry_count {rc} exhausted, and Failover_mode RESTART_ONLY forbids failing {} over",
                    g.name
                ),
            )
        };
        self.reason = format!("{}: {why}", self.reason);
        self.pre(StepKind::MonitorReport {
            resource: r.name.clone(),
            group: g.name.clone(),
            node: node.clone(),
            decision,
        });
        match decision {
            MonitorDecision::Restart { .. } => {
                if settings::is_ims(rt) {
                    self.pre(StepKind::PmfRestart {
                        resource: r.name.clone(),
                        group: g.name.clone(),
                        node: node.clone(),
                    });
                } else {
                    self.keep(&g.name);
                    self.res_restart.insert((r.name.clone(), node.clone()));
                }
            }
            MonitorDecision::Giveover => {
                let reason = self.reason.clone();
                self.failover(g, &node, true, reason);
            }
            MonitorDecision::LogOnly => self.notes.push(why),
        }
        Ok(())
    }

    /// Move `g` (or the group it delegates failover to with `+++`) off `from`.
    fn failover(&mut self, g: &'a ResourceGroup, from: &str, giveover: bool, reason: String) {
        let mut root = g;
        for _ in 0..8 {
            let next = self
                .ix
                .affinities(&root.name)
                .iter()
                .find(|(k, h)| {
                    *k == AffKind::Delegate
                        && self
                            .st
                            .resource_groups
                            .get(*h)
                            .is_some_and(|hg| self.mastered(hg).iter().any(|n| n == from))
                })
                .and_then(|(_, h)| self.st.resource_groups.get(*h));
            match next {
                Some(h) if h.name != root.name && h.name != g.name => root = h,
                _ => break,
            }
        }
        if root.name != g.name {
            self.notes.push(format!(
                "{} delegates failover to {} (+++{}): {} moves and {} follows",
                g.name, root.name, root.name, root.name, g.name
            ));
        }
        self.set_goal(
            &root.name.clone(),
            Goal::Auto(Auto {
                exclude: vec![from.to_string()],
                sticky: true,
                giveover,
                fallback_current: true,
                ..Auto::default()
            }),
            Some(reason),
        );
    }

    // ----- finishing: closure, order, placement, actions, emission -----

    fn finish(mut self) -> Result<Plan> {
        self.close_goals();
        let order = self.order_groups();
        for g in &order {
            let t = self.decide(g)?;
            self.targets.insert(g.clone(), t);
        }
        let units = self.units(&order);
        self.summarize(&units);
        let mut steps = std::mem::take(&mut self.pre);
        for u in units.iter().rev() {
            self.emit_stop(u, &mut steps);
        }
        steps.append(&mut self.mid);
        for u in &units {
            self.emit_start(u, &mut steps);
        }
        steps.append(&mut self.post);
        let placement = order
            .iter()
            .filter(|g| !matches!(self.goals.get(*g), Some(Goal::Keep)))
            .map(|g| (g.clone(), self.targets.get(g).cloned().unwrap_or_default()))
            .collect();
        let targets = order
            .iter()
            .map(|g| (g.clone(), self.targets.get(g).cloned().unwrap_or_default()))
            .collect();
        Ok(Plan {
            intent: self.reason.clone(),
            actions: self.actions,
            steps,
            notes: self.notes,
            placement,
            targets,
        })
    }

    fn close_goals(&mut self) {
        let mut queue: VecDeque<String> = self.goals.keys().cloned().collect();
        let mut seen: HashSet<String> = queue.iter().cloned().collect();
        while let Some(gname) = queue.pop_front() {
            let moving = !matches!(self.goals.get(&gname), Some(Goal::Keep));
            if moving {
                for (h, kind) in self.ix.affinity_holders(&gname) {
                    if !(kind.strong_positive() || *kind == AffKind::StrongNegative) {
                        continue;
                    }
                    let Some(hg) = self.st.resource_groups.get(*h) else {
                        continue;
                    };
                    if self.goals.contains_key(*h) || self.frozen(hg) || !self.managed_after(hg) {
                        continue;
                    }
                    if self.mastered(hg).is_empty() && !hg.stranded {
                        continue;
                    }
                    self.goals.insert(
                        h.to_string(),
                        Goal::Auto(Auto {
                            sticky: true,
                            strand_if_empty: true,
                            ..Auto::default()
                        }),
                    );
                    self.reasons.insert(
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
                    if !hg.stranded || self.goals.contains_key(*h) || self.frozen(hg) {
                        continue;
                    }
                    self.goals.insert(
                        h.to_string(),
                        Goal::Auto(Auto {
                            sticky: true,
                            strand_if_empty: true,
                            ..Auto::default()
                        }),
                    );
                    self.reasons.insert(
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
                    if *kind == DepKind::Weak {
                        continue;
                    }
                    let Some(dr) = self.st.resources.get(*dep) else {
                        continue;
                    };
                    if dr.group == gname || self.goals.contains_key(&dr.group) {
                        continue;
                    }
                    self.goals.insert(dr.group.clone(), Goal::Keep);
                    if seen.insert(dr.group.clone()) {
                        queue.push_back(dr.group.clone());
                    }
                }
            }
        }
    }

    /// Goal groups, dependees first (RG_dependencies, affinities, resource dependencies);
    /// creation order breaks ties and cycles.
    fn order_groups(&self) -> Vec<String> {
        let names: Vec<&String> = self.goals.keys().collect();
        let pos: HashMap<&str, usize> = names
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
            for h in &g.rg_dependencies {
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
            .map(|i| names[i].clone())
            .collect()
    }

    /// Why `n` cannot take `g` (None = eligible). `current` relaxes the checks that only
    /// restrict new placements (evacuation, pingpong).
    fn ineligible(
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
            if let Some(t) = g.start_failures.get(n)
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
                && let Some(t) = g.giveovers.get(n)
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
            if kind.strong_positive() && !on {
                return Some((
                    format!("{h} is not online on {n} ({}{h})", kind.prefix()),
                    true,
                ));
            }
            if *kind == AffKind::StrongNegative && on {
                return Some((format!("{h} is online on {n} (--{h})"), true));
            }
        }
        None
    }

    fn weak_score(&self, g: &ResourceGroup, n: &str) -> i32 {
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

    fn decide(&mut self, gname: &str) -> Result<Vec<String>> {
        let Some(g) = self.st.resource_groups.get(gname) else {
            return Ok(Vec::new());
        };
        let goal = self.goals.get(gname).cloned().unwrap_or(Goal::Keep);
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
                        if kind.strong_positive() && !on {
                            return Err(err(
                                ErrorCode::Depend,
                                format!(
                                    "resource group {gname} has a strong positive affinity ({}{h}) for {h}, which will not be online on {n}",
                                    kind.prefix()
                                ),
                            )
                            .hint(format!(
                                "switch {h} to {n} instead ({gname} follows it): scswitch -z -g {h} -h {n}"
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
                    g.nodelist.contains(n) && self.ineligible(g, n, &keep, true).is_none()
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

    fn auto_place(&mut self, g: &ResourceGroup, a: &Auto) -> Result<Vec<String>> {
        let current = self.mastered(g);
        let count = if g.mode == RgMode::Failover {
            1
        } else {
            g.desired_primaries.min(g.maximum_primaries) as usize
        };
        let mut why: Vec<String> = Vec::new();
        let mut blocked_by_dependency = false;
        for h in &g.rg_dependencies {
            if self.placed_after(h).is_empty() {
                why.push(format!(
                    "it depends on {h} (RG_dependencies), which is offline"
                ));
                blocked_by_dependency = true;
            }
        }
        let mut chosen: Vec<String> = Vec::new();
        if !blocked_by_dependency {
            if a.sticky {
                for n in &current {
                    if chosen.len() < count && self.ineligible(g, n, a, true).is_none() {
                        chosen.push(n.clone());
                    }
                }
            }
            let mut cands: Vec<(i32, usize, String)> = Vec::new();
            for (i, n) in g.nodelist.iter().enumerate() {
                if chosen.contains(n) {
                    continue;
                }
                match self.ineligible(g, n, a, false) {
                    None => cands.push((-self.weak_score(g, n), i, n.clone())),
                    Some((w, dependency)) => {
                        blocked_by_dependency |= dependency;
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
        }
        if !chosen.is_empty() || count == 0 {
            if g.stranded {
                let r = self.reason_of(&g.name);
                self.post.push(Step {
                    kind: StepKind::SetStranded {
                        rg: g.name.clone(),
                        stranded: false,
                    },
                    reason: r,
                });
            }
            return Ok(chosen);
        }
        let why = if why.is_empty() {
            "no node of its Nodelist is available".to_string()
        } else {
            why.join("; ")
        };
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
            .hint(format!(
                "make a node of {} available, or name one explicitly: scswitch -z -g {} -h NODE",
                g.nodelist.join(","),
                g.name
            )));
        }
        // Mastered before this plan (a node that just crashed counts).
        let was_online = g.managed && g.state.values().any(|s| s.is_mastered());
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
                self.post.push(Step {
                    kind: StepKind::SetStranded {
                        rg: g.name.clone(),
                        stranded: true,
                    },
                    reason: r,
                });
            }
        } else {
            self.notes.push(format!("{} stays offline ({why})", g.name));
        }
        Ok(Vec::new())
    }

    fn reason_of(&self, g: &str) -> String {
        self.reasons
            .get(g)
            .cloned()
            .unwrap_or_else(|| self.reason.clone())
    }

    /// Resource actions per (group, node) unit, groups in dependency order.
    fn units(&self, order: &[String]) -> Vec<Unit> {
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

    fn summarize(&mut self, units: &[Unit]) {
        // Flag-level actions from the pre steps.
        for s in &self.pre {
            let (verb, object, detail) = match &s.kind {
                StepKind::SetManaged { rg, managed } => (
                    if *managed { "Manage" } else { "Unmanage" },
                    rg.clone(),
                    String::new(),
                ),
                StepKind::SetEnabled { resource, enabled } => (
                    if *enabled { "Enable" } else { "Disable" },
                    resource.clone(),
                    String::new(),
                ),
                StepKind::SetMonitored {
                    resource,
                    monitored,
                } => (
                    if *monitored { "Monitor" } else { "Unmonitor" },
                    resource.clone(),
                    String::new(),
                ),
                StepKind::SetSuspended { rg, suspended } => (
                    if *suspended { "Suspend" } else { "Resume" },
                    rg.clone(),
                    String::new(),
                ),
                StepKind::ClearStopFailed { resource, node } => {
                    ("Clear", resource.clone(), format!("STOP_FAILED on {node}"))
                }
                StepKind::NodeCrash { node } => ("Crash", node.clone(), String::new()),
                StepKind::NodeHalt { node } => ("Halt", node.clone(), String::new()),
                StepKind::NodeJoin { node } => ("Join", node.clone(), String::new()),
                StepKind::SetEvacuation { node, until } => (
                    "Evacuate",
                    node.clone(),
                    match until {
                        Some(u) => format!("until {}", crate::timefmt::syslog(*u)),
                        None => String::new(),
                    },
                ),
                StepKind::DeviceGroup {
                    dg,
                    primary,
                    maintenance,
                } => (
                    "Device",
                    dg.clone(),
                    match (primary, maintenance) {
                        (Some(p), _) => format!("primary {p}"),
                        (None, true) => "maintenance".to_string(),
                        (None, false) => "offline".to_string(),
                    },
                ),
                StepKind::MonitorReport {
                    resource,
                    node,
                    decision,
                    ..
                } => (
                    "Fault",
                    resource.clone(),
                    format!(
                        "on {node}: {}",
                        match decision {
                            MonitorDecision::Restart { .. } => "restart",
                            MonitorDecision::Giveover => "giveover",
                            MonitorDecision::LogOnly => "log only",
                        }
                    ),
                ),
                _ => continue,
            };
            self.actions.push(Action {
                verb: verb.to_string(),
                object,
                detail,
                reason: s.reason.clone(),
            });
        }
        // Group-level moves, then resource-level changes, in unit order.
        // group -> (nodes it comes online on, nodes it leaves, nodes it restarts on)
        type Moves<'u> = (Vec<&'u str>, Vec<&'u str>, Vec<&'u str>);
        let mut per_group: IndexMap<&str, Moves> = IndexMap::new();
        for u in units {
            let e = per_group.entry(u.rg.as_str()).or_default();
            if u.after && !u.before {
                e.0.push(u.node.as_str());
            }
            if u.before && !u.after {
                e.1.push(u.node.as_str());
            }
            if u.restart {
                e.2.push(u.node.as_str());
            }
        }
        for (g, (on, off, rs)) in &per_group {
            let reason = self.reason_of(g);
            let mut push = |verb: &str, detail: String| {
                self.actions.push(Action {
                    verb: verb.to_string(),
                    object: g.to_string(),
                    detail,
                    reason: reason.clone(),
                })
            };
            if !on.is_empty() && !off.is_empty() {
                push("Move", format!("{} -> {}", off.join(","), on.join(",")));
            } else if !on.is_empty() {
                push("Start", on.join(","));
            } else if !off.is_empty() {
                push("Stop", off.join(","));
            }
            if !rs.is_empty() {
                push("Restart", rs.join(","));
            }
        }
        for u in units {
            if u.before != u.after || u.restart {
                continue;
            }
            let reason = self.reason_of(&u.rg);
            for (r, a) in &u.acts {
                let verb = match a {
                    Act::Start | Act::Resume => "Start",
                    Act::Stop => "Stop",
                    Act::Restart { .. } => "Restart",
                    Act::MonitorOn => "MonStart",
                    Act::MonitorOff => "MonStop",
                };
                self.actions.push(Action {
                    verb: verb.to_string(),
                    object: r.clone(),
                    detail: u.node.clone(),
                    reason: reason.clone(),
                });
            }
        }
    }

    fn has(&self, r: &str, m: Method) -> bool {
        self.st
            .resources
            .get(r)
            .and_then(|r| self.rt(r))
            .is_some_and(|t| t.has_method(m))
    }

    fn emit_stop(&self, u: &Unit, out: &mut Vec<Step>) {
        let reason = self.reason_of(&u.rg);
        let leaving = u.before && !u.after;
        let stops: Vec<(&str, bool)> = u
            .acts
            .iter()
            .filter_map(|(r, a)| match a {
                Act::Stop => Some((r.as_str(), false)),
                Act::Restart { short } => Some((r.as_str(), *short)),
                _ => None,
            })
            .collect();
        let offs: Vec<&str> = u
            .acts
            .iter()
            .filter(|(_, a)| *a == Act::MonitorOff)
            .map(|(r, _)| r.as_str())
            .collect();
        if stops.is_empty() && offs.is_empty() && !leaving && !u.restart {
            return;
        }
        let mut push = |kind: StepKind| {
            out.push(Step {
                kind,
                reason: reason.clone(),
            })
        };
        if leaving || u.restart {
            push(StepKind::RgPending {
                rg: u.rg.clone(),
                node: u.node.clone(),
                state: RgState::PendingOffline,
            });
        }
        let method = |r: &str, m: Method| StepKind::Method {
            resource: r.to_string(),
            group: u.rg.clone(),
            node: u.node.clone(),
            method: m,
        };
        for r in offs.iter().rev() {
            push(method(r, Method::MonitorStop));
        }
        for (r, _) in stops.iter().rev() {
            let s = self.st.resources[*r].state_on(&u.node);
            if s == RState::Online && self.has(r, Method::MonitorStop) {
                push(method(r, Method::MonitorStop));
            }
        }
        for (r, _) in stops.iter().rev() {
            if self.has(r, Method::Stop) {
                push(method(r, Method::Stop));
            } else if !self.has(r, Method::PostnetStop) {
                push(StepKind::Mark {
                    resource: r.to_string(),
                    group: u.rg.clone(),
                    node: u.node.clone(),
                    online: false,
                });
            }
        }
        for (r, short) in stops.iter().rev() {
            // A short (monitor) restart skips Postnet_stop unless it is the only stop method.
            if self.has(r, Method::PostnetStop) && (!*short || !self.has(r, Method::Stop)) {
                push(method(r, Method::PostnetStop));
            }
        }
        if leaving || u.restart {
            push(StepKind::RgSettle {
                rg: u.rg.clone(),
                node: u.node.clone(),
                mode: Settle::Offline,
            });
        }
    }

    fn emit_start(&self, u: &Unit, out: &mut Vec<Step>) {
        if !u.after {
            return;
        }
        let reason = self.reason_of(&u.rg);
        let entering = !u.before;
        // (resource, skip Prenet_start)
        let starts: Vec<(&str, bool)> = u
            .acts
            .iter()
            .filter_map(|(r, a)| match a {
                Act::Start => Some((r.as_str(), false)),
                Act::Resume => Some((r.as_str(), true)),
                Act::Restart { short } => Some((r.as_str(), *short)),
                _ => None,
            })
            .collect();
        let ons: Vec<&str> = u
            .acts
            .iter()
            .filter(|(_, a)| *a == Act::MonitorOn)
            .map(|(r, _)| r.as_str())
            .collect();
        let mut steps: Vec<StepKind> = Vec::new();
        if entering || u.restart {
            steps.push(StepKind::RgPending {
                rg: u.rg.clone(),
                node: u.node.clone(),
                state: RgState::PendingOnline,
            });
        }
        let method = |r: &str, m: Method| StepKind::Method {
            resource: r.to_string(),
            group: u.rg.clone(),
            node: u.node.clone(),
            method: m,
        };
        let mut dg_seen: HashSet<String> = HashSet::new();
        for (r, short) in &starts {
            if *short || !self.has(r, Method::PrenetStart) {
                continue;
            }
            self.hasp_affinity(r, &u.node, &mut dg_seen, &mut steps);
            steps.push(method(r, Method::PrenetStart));
        }
        for (r, short) in &starts {
            let res = &self.st.resources[*r];
            if self.has(r, Method::Start) {
                if !self.has(r, Method::PrenetStart) {
                    self.hasp_affinity(r, &u.node, &mut dg_seen, &mut steps);
                }
                steps.push(method(r, Method::Start));
            } else if !self.has(r, Method::PrenetStart) {
                steps.push(StepKind::Mark {
                    resource: r.to_string(),
                    group: u.rg.clone(),
                    node: u.node.clone(),
                    online: true,
                });
            } else if *short && !self.has(r, Method::Start) {
                // A restart of a type whose only start method is Prenet_start.
                let resumed = u.acts.iter().any(|(x, a)| x == r && *a == Act::Resume);
                if !resumed {
                    steps.push(method(r, Method::PrenetStart));
                }
            }
            if self.monitored_after(res) && self.has(r, Method::MonitorStart) {
                steps.push(method(r, Method::MonitorStart));
            }
        }
        for r in ons {
            steps.push(method(r, Method::MonitorStart));
        }
        steps.push(StepKind::RgSettle {
            rg: u.rg.clone(),
            node: u.node.clone(),
            mode: Settle::Online,
        });
        out.extend(steps.into_iter().map(|kind| Step {
            kind,
            reason: reason.clone(),
        }));
    }

    /// HAStoragePlus with AffinityOn=TRUE switches the device groups it uses to the node it
    /// starts on (failover groups only).
    fn hasp_affinity(
        &self,
        r: &str,
        node: &str,
        seen: &mut HashSet<String>,
        steps: &mut Vec<StepKind>,
    ) {
        let res = &self.st.resources[r];
        let rt = self.rt(res);
        if !settings::is_hasp(rt) {
            return;
        }
        if self
            .st
            .resource_groups
            .get(&res.group)
            .is_some_and(|g| g.mode == RgMode::Scalable)
        {
            return;
        }
        let affinity = settings::ext_prop(rt, res, "AffinityOn")
            .as_ref()
            .and_then(settings::as_bool)
            .unwrap_or(true);
        if !affinity {
            return;
        }
        for dg in hasp_device_groups(rt, res) {
            let Some(d) = self.st.cluster.device_groups.iter().find(|d| d.name == dg) else {
                continue;
            };
            if d.maintenance
                || !d.nodes.iter().any(|n| n == node)
                || d.primary.as_deref() == Some(node)
                || !seen.insert(dg.clone())
            {
                continue;
            }
            steps.push(StepKind::DeviceGroup {
                dg,
                primary: Some(node.to_string()),
                maintenance: false,
            });
        }
    }
}

/// Device groups a HAStoragePlus resource names in GlobalDevicePaths (by name, or inside a
/// `/dev/md/<set>/…` or `/dev/vx/…/<dg>/…` path).
pub fn hasp_device_groups(rt: Option<&ResourceType>, r: &Resource) -> Vec<String> {
    let Some(v) = settings::ext_prop(rt, r, "GlobalDevicePaths") else {
        return Vec::new();
    };
    settings::as_list(&v)
        .into_iter()
        .filter_map(|p| {
            if !p.contains('/') {
                return Some(p);
            }
            let parts: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
            match parts.as_slice() {
                ["dev", "md", set, ..] => Some(set.to_string()),
                ["dev", "vx", _, dg, ..] => Some(dg.to_string()),
                _ => None,
            }
        })
        .collect()
}

fn known_list<'b>(what: &str, names: impl Iterator<Item = &'b String>) -> String {
    let v: Vec<&str> = names.take(20).map(String::as_str).collect();
    if v.is_empty() {
        format!("there are no {what}")
    } else {
        format!("known {what}: {}", v.join(", "))
    }
}
