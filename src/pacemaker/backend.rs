//! The Pacemaker backend: the SC commands acting on a Pacemaker cluster (a CIB file settled
//! with crm_simulate, or the live cluster of this node).
//!
//! SC's rules stay scsim's: every intent is first run by the engine on a copy of the state, so
//! SC's refusals (validation, dependency checks, forbidden moves) happen before Pacemaker is
//! asked anything, and the switches SC's intent sets (enabled, monitored, managed) come from
//! that run. Pacemaker then gets targets (target-role, move then clear, ban then clear,
//! standby on then off, is-managed, cleanup), settles, and its placement is read back into the
//! state (crm_mon XML). A group that Pacemaker starts only partly is stopped again: an SC
//! group is all-or-nothing.

use super::cluster::{self, target};
use super::monitor;
use super::tools::Target;
use crate::engine::{self, Intent, Name, Plan, Transition};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, Resource, RgMode};
use crate::service::{ClusterBackend, ConfigEvent, Mode};
use std::collections::BTreeMap;

/// The backend; `begin` tells it whether the session is a dry run.
#[derive(Debug, Default)]
pub struct Pacemaker {
    dry_run: bool,
}

fn unmappable(what: &str, instead: &str) -> ScError {
    ScError::new(
        ErrorCode::Inval,
        format!("{what} cannot be mapped to Pacemaker"),
    )
    .hint(instead.to_string())
}

/// Refuse intents that have no Pacemaker form on this target, before anything is changed.
fn check_mappable(intent: &Intent, t: &Target) -> Result<()> {
    let live = *t == Target::Live;
    match intent {
        Intent::Quiesce { .. } | Intent::Suspend { .. } | Intent::Resume { .. } => Err(unmappable(
            "suspending, quiescing or resuming automatic recovery",
            "use crm_resource --meta -p is-managed -v false on the group for the same effect",
        )),
        Intent::DeviceSwitch { .. }
        | Intent::DeviceOffline { .. }
        | Intent::DeviceMaintenance { .. } => Err(unmappable(
            "a device group operation",
            "device groups have no Pacemaker form; manage the storage with its own agent",
        )),
        Intent::MonitorFailure { .. } | Intent::Failover { .. } | Intent::Continue { .. } => {
            Err(unmappable(
                "an injected fault",
                "on a CIB file use crm_simulate -i RSC_monitor_0@NODE=7; in the lab, make the agent fail",
            ))
        }
        Intent::NodeDown { .. } | Intent::NodeUp { .. } if live => Err(unmappable(
            "a simulated node crash or boot on a live cluster",
            "crash a lab node with scsim lab crash NODE, or stop the node itself",
        )),
        _ => Ok(()),
    }
}

/// Groups whose target role SC's result decides: the ones the intent names (all for an
/// empty list), and any whose online/offline state SC's run changed.
fn decided_groups(intent: &Intent, before: &ClusterState, sc: &ClusterState) -> Vec<String> {
    let named: Vec<String> = match intent {
        Intent::Online { rgs }
        | Intent::Offline { rgs }
        | Intent::Rebalance { rgs }
        | Intent::Manage { rgs }
        | Intent::Unmanage { rgs }
        | Intent::Converge { rgs } => rgs.clone(),
        Intent::Switch { rgs, .. } | Intent::Restart { rgs, .. } => rgs.clone(),
        _ => Vec::new(),
    };
    let all = named.is_empty() && matches!(intent, Intent::Online { .. } | Intent::Converge { .. });
    sc.resource_groups
        .values()
        .filter(|g| {
            let was = before
                .resource_groups
                .get(&g.name)
                .is_some_and(|b| !b.primaries().is_empty());
            let now = !g.primaries().is_empty();
            all || named.iter().any(|x| x == g.name.as_str()) || was != now
        })
        .map(|g| g.name.to_string())
        .collect()
}

/// Copy the switches SC's intent set (enabled, monitored, managed) from SC's run.
fn carry_switches(state: &mut ClusterState, sc: &ClusterState) {
    for r in state.resources.values_mut() {
        if let Some(s) = sc.resources.get(&r.name) {
            r.enabled = s.enabled;
            r.monitored = s.monitored;
        }
    }
    for g in state.resource_groups.values_mut() {
        if let Some(s) = sc.resource_groups.get(&g.name) {
            g.managed = s.managed;
        }
    }
}

/// Read Pacemaker's placement into `state`; stop groups it started only partly. Returns notes.
fn read_back(t: &Target, state: &mut ClusterState) -> Result<Vec<String>> {
    let before: BTreeMap<String, crate::model::NodeMap<crate::model::RgState>> = state
        .resource_groups
        .values()
        .map(|g| (g.name.to_string(), g.state.clone()))
        .collect();
    monitor::apply(state, &cluster::observe(t)?);
    monitor::keep_idle_groups(state, &before, &cluster::current_roles(t)?);
    let partial = monitor::partial_groups(state);
    if partial.is_empty() {
        return Ok(Vec::new());
    }
    let mut roles = cluster::current_roles(t)?;
    let mut notes = Vec::new();
    for (g, node, missing) in &partial {
        roles.insert(g.clone(), false);
        notes.push(format!(
            "Pacemaker started {g} only partly on {node} ({} not started); stopped it again, as \
             an SC resource group is all-or-nothing",
            missing.join(", ")
        ));
    }
    cluster::push(t, state, &roles)?;
    cluster::settle(t)?;
    monitor::apply(state, &cluster::observe(t)?);
    Ok(notes)
}

/// The targets an intent sets beyond target roles; returns what was done.
fn act(
    t: &Target,
    intent: &Intent,
    state: &ClusterState,
    sc: &ClusterState,
) -> Result<Vec<String>> {
    let mut did = Vec::new();
    let gref = |g: &str| state.resource_groups.get(g).map(super::cib::group_ref);
    match intent {
        Intent::Switch { rgs, nodes } => {
            for g in rgs {
                let (Some(rg), Some(id)) = (state.resource_groups.get(g), gref(g)) else {
                    continue;
                };
                if rg.mode == RgMode::Failover {
                    let node = nodes.first().cloned().unwrap_or_default();
                    cluster::move_to(t, &id, &node)?;
                    did.push(format!(
                        "crm_resource --move -r {id} -N {node}, settle, --clear"
                    ));
                } else {
                    let off: Vec<String> = rg
                        .nodelist
                        .iter()
                        .filter(|n| !nodes.iter().any(|x| x == n.as_str()))
                        .map(|n| n.to_string())
                        .collect();
                    cluster::ban_from(t, &id, &off)?;
                    did.push(format!(
                        "crm_resource --ban -r {id} from {}, settle, --clear",
                        off.join(",")
                    ));
                }
            }
        }
        Intent::Rebalance { rgs } => {
            for g in rgs {
                let target = sc
                    .resource_groups
                    .get(g)
                    .map(|x| x.primaries())
                    .unwrap_or_default();
                if let (Some(id), Some(node)) = (gref(g), target.first())
                    && state.resource_groups[g].mode == RgMode::Failover
                {
                    cluster::move_to(t, &id, node)?;
                    did.push(format!(
                        "crm_resource --move -r {id} -N {node}, settle, --clear"
                    ));
                }
            }
        }
        Intent::Evacuate { node, .. } => {
            cluster::evacuate(t, node)?;
            did.push(format!("standby {node} on, settle, off"));
        }
        Intent::NodeDown { node, .. } => {
            cluster::settle_with(t, &["--node-fail", node])?;
            did.push(format!("crm_simulate --node-fail {node}"));
        }
        Intent::NodeUp { nodes } => {
            for n in nodes {
                cluster::forget_node_history(t, n)?;
            }
            let mut ev = Vec::new();
            for n in nodes {
                ev.push("--node-up");
                ev.push(n.as_str());
            }
            cluster::settle_with(t, &ev)?;
            did.push(format!(
                "crm_simulate --node-up {}",
                nodes.join(" --node-up ")
            ));
        }
        Intent::ClearStopFailed { resources, nodes } => {
            for r in resources {
                for n in nodes {
                    cluster::cleanup(t, &super::xml::xml_id(r), n)?;
                    did.push(format!("crm_resource --cleanup -r {r} -N {n}"));
                }
            }
        }
        _ => {}
    }
    Ok(did)
}

/// The intents whose own action settles the cluster (a settle before it would be wasted).
fn settles_itself(intent: &Intent) -> bool {
    matches!(
        intent,
        Intent::Switch { .. }
            | Intent::Evacuate { .. }
            | Intent::NodeDown { .. }
            | Intent::NodeUp { .. }
    )
}

/// A transition as the service reports it: no SC method steps (Pacemaker ran the agents),
/// the resulting placement of the groups involved, what was asked of Pacemaker (the plan's
/// notes) and what is worth telling (the transition's notes: a group stopped as partial).
fn transition(
    intent: &Intent,
    state: &ClusterState,
    groups: &[String],
    asked: Vec<String>,
    notes: Vec<String>,
) -> Transition {
    let placement: Vec<(Name, Vec<Name>)> = groups
        .iter()
        .filter_map(|g| state.resource_groups.get(g))
        .map(|g| (g.name.clone(), g.primaries()))
        .collect();
    Transition {
        intent: intent.to_string(),
        plan: Plan {
            intent: intent.to_string(),
            actions: Vec::new(),
            steps: Vec::new(),
            notes: asked,
            placement: placement.iter().map(|(g, _)| g.clone()).collect(),
            targets: placement,
        },
        replans: Vec::new(),
        executed: crate::engine::exec::ExecLog::default(),
        failures: Vec::new(),
        notes,
    }
}

impl Pacemaker {
    fn carry_out(
        &mut self,
        state: &mut ClusterState,
        intent: &Intent,
        sc: &ClusterState,
    ) -> Result<Transition> {
        let t = target(state);
        let before: BTreeMap<String, Vec<Name>> = state
            .resource_groups
            .values()
            .map(|g| (g.name.to_string(), g.primaries()))
            .collect();
        let decided = decided_groups(intent, state, sc);
        carry_switches(state, sc);
        let mut roles = cluster::current_roles(&t)?;
        let mut notes = Vec::new();
        if let Intent::Restart { rgs, .. } = intent {
            for g in rgs {
                roles.insert(g.clone(), false);
            }
            cluster::push(&t, state, &roles)?;
            cluster::settle(&t)?;
            notes.push(format!(
                "target-role Stopped then Started: {}",
                rgs.join(",")
            ));
        }
        for g in &decided {
            if let Some(x) = sc.resource_groups.get(g) {
                roles.insert(g.clone(), super::cib::wanted_online(x));
            }
        }
        cluster::push(&t, state, &roles)?;
        let set: Vec<String> = decided
            .iter()
            .map(|g| {
                let role = if roles.get(g) == Some(&true) {
                    "Started"
                } else {
                    "Stopped"
                };
                format!("{g}={role}")
            })
            .collect();
        if !set.is_empty() {
            notes.push(format!("Pacemaker: target-role {}", set.join(", ")));
        }
        if !settles_itself(intent) {
            cluster::settle(&t)?;
        }
        notes.extend(
            act(&t, intent, state, sc)?
                .into_iter()
                .map(|d| format!("Pacemaker: {d}")),
        );
        let partial = read_back(&t, state)?;
        let mut groups = decided;
        for g in state.resource_groups.values() {
            if !groups.iter().any(|x| x == g.name.as_str())
                && before.get(g.name.as_str()) != Some(&g.primaries())
            {
                groups.push(g.name.to_string());
            }
        }
        Ok(transition(intent, state, &groups, notes, partial))
    }
}

impl ClusterBackend for Pacemaker {
    fn apply_intent(
        &mut self,
        state: &mut ClusterState,
        intent: &Intent,
        now_ms: u64,
    ) -> Result<Transition> {
        // SC's answer first: its refusals, and what SC's intent changes.
        let mut sc = state.clone();
        sc.faults.clear();
        engine::catch_up_clock(&mut sc, now_ms);
        let sc_tr = engine::simulate_with_faults(&mut sc, |s, m| engine::run(s, intent, m))?;
        if self.dry_run {
            let mut tr = sc_tr;
            tr.notes.push(
                "dry run: the simulator's plan for the SC rules; Pacemaker was not asked"
                    .to_string(),
            );
            *state = sc;
            return Ok(tr);
        }
        check_mappable(intent, &target(state))?;
        self.carry_out(state, intent, &sc)
    }

    fn validate(
        &mut self,
        _state: &mut ClusterState,
        _proposed: &Resource,
        _now_ms: u64,
    ) -> Result<()> {
        Ok(())
    }

    /// SC's method reactions (Init, Fini, Update) have no Pacemaker form; the new
    /// configuration reaches Pacemaker in [`ClusterBackend::committed`].
    fn config_event(
        &mut self,
        _state: &mut ClusterState,
        _event: &ConfigEvent,
        _now_ms: u64,
    ) -> Result<()> {
        Ok(())
    }

    fn log_command(
        &mut self,
        state: &mut ClusterState,
        node: &str,
        prog: &str,
        words: &[String],
        now_ms: u64,
    ) {
        engine::hooks::log_command_on(state, node, prog, words, now_ms);
    }

    fn begin(&mut self, mode: Mode) {
        self.dry_run = mode.is_dry_run();
    }

    fn committed(&mut self, state: &mut ClusterState, _now_ms: u64) -> Result<()> {
        if self.dry_run {
            return Ok(());
        }
        let refused = super::map::unmappable(state);
        if let Some(first) = refused.first() {
            return Err(ScError::new(ErrorCode::Inval, first.clone())
                .hint("the state is bound to Pacemaker (scsim init --backend pacemaker); nothing was changed"));
        }
        let t = target(state);
        let roles: BTreeMap<String, bool> = cluster::current_roles(&t)?;
        cluster::push(&t, state, &roles)?;
        cluster::settle(&t)?;
        read_back(&t, state)?;
        Ok(())
    }

    fn observe(&self, state: &mut ClusterState) -> Result<()> {
        let t = target(state);
        monitor::apply(state, &cluster::observe(&t)?);
        Ok(())
    }
}

/// Bind a new state to its Pacemaker cluster: a CIB file is created when missing (the
/// cluster's nodes, online, with quorum); an existing file or the live cluster must know
/// every node of the state. Runtime placement is read back.
pub fn bind(state: &mut ClusterState) -> Result<()> {
    let t = target(state);
    if let Target::File(f) = &t
        && !f.exists()
    {
        cluster::create_file(f, state)?;
    }
    let obs = cluster::observe(&t)?;
    let missing: Vec<&str> = state
        .cluster
        .nodes
        .iter()
        .map(|n| n.name.as_str())
        .filter(|n| !obs.nodes.contains_key(*n))
        .collect();
    if !missing.is_empty() {
        let known: Vec<&str> = obs.nodes.keys().map(|k| k.as_str()).collect();
        return Err(ScError::new(
            ErrorCode::Node,
            format!(
                "the Pacemaker cluster has no node {} (it has {})",
                missing.join(", "),
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ),
        )
        .hint("give --nodes the node names crm_mon shows"));
    }
    monitor::apply(state, &obs);
    Ok(())
}
