//! The executor: runs a plan's steps through a [`Backend`], records every outcome, derives the
//! next state from it, and on a failure records it, works out the recovery the resource's
//! Failover_mode asks for, and re-plans (bounded). Pacemaker's plan–execute–observe–replan
//! loop; `crm_simulate`'s injected failures are our [`SimBackend`] reading `state.faults`.
//!
//! State follows from outcomes only: a resource is Online because its Start returned 0, Offline
//! because its Stop (and Postnet_stop) did, Start_failed because Start did not.

use super::events::{self, ID_COMPLETED, ID_FAILED, ID_LAUNCH, ID_TIMEOUT};
use super::intent::Intent;
use super::plan::{MonitorDecision, Plan, Settle, Step, StepKind};
use super::planner::{self, needs_stop};
use super::settings::{self, FailoverMode};
use crate::error::Result;
use crate::model::{ClusterState, DepKind, Fault, FaultKind, Method, RState, RStatus, RgState};
use std::collections::VecDeque;

/// One method invocation as the backend sees it.
#[derive(Debug, Clone)]
pub struct MethodCall<'a> {
    pub resource: &'a str,
    pub group: &'a str,
    pub node: &'a str,
    pub method: Method,
    pub timeout_s: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallResult {
    Ok,
    /// Exited non-zero.
    Failed {
        exit: i32,
    },
    /// Did not return within its timeout.
    TimedOut,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallOutcome {
    pub result: CallResult,
    /// Simulated time the call took.
    pub duration_ms: u64,
}

/// Runs methods. The simulated backend decides outcomes from injected faults.
pub trait Backend {
    fn call(&mut self, faults: &mut Vec<Fault>, call: &MethodCall) -> CallOutcome;
}

/// The simulated cluster: every method succeeds after a fixed fraction of its timeout, unless
/// an injected fault says otherwise (a timeout fault consumes the whole timeout).
#[derive(Debug, Default, Clone, Copy)]
pub struct SimBackend;

impl Backend for SimBackend {
    fn call(&mut self, faults: &mut Vec<Fault>, call: &MethodCall) -> CallOutcome {
        let hit = faults.iter().position(|f| {
            f.resource == call.resource
                && f.node.as_deref().is_none_or(|n| n == call.node)
                && match &f.kind {
                    FaultKind::MethodFails { method } | FaultKind::MethodTimeout { method } => {
                        *method == call.method
                    }
                    FaultKind::Monitor => false,
                }
        });
        let Some(i) = hit else {
            return CallOutcome {
                result: CallResult::Ok,
                duration_ms: settings::method_duration_ms(call.timeout_s),
            };
        };
        let timeout = matches!(faults[i].kind, FaultKind::MethodTimeout { .. });
        if let Some(rem) = faults[i].remaining.as_mut() {
            *rem = rem.saturating_sub(1);
            if *rem == 0 {
                faults.remove(i);
            }
        }
        if timeout {
            CallOutcome {
                result: CallResult::TimedOut,
                duration_ms: call.timeout_s * 1000,
            }
        } else {
            CallOutcome {
                result: CallResult::Failed { exit: 1 },
                duration_ms: settings::method_duration_ms(call.timeout_s),
            }
        }
    }
}

/// The result of one executed step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepResult {
    Done,
    Failed { exit: i32 },
    TimedOut,
}

/// A step as it ran.
#[derive(Debug, Clone)]
pub struct Executed {
    pub step: Step,
    pub at_ms: u64,
    pub duration_ms: u64,
    pub result: StepResult,
    /// What the step led to, in words (`Online`, `Start_failed`, …); empty when obvious.
    pub detail: String,
}

/// A method that failed, and what the RGM did about it.
#[derive(Debug, Clone)]
pub struct Failure {
    pub resource: String,
    pub group: String,
    pub node: String,
    pub method: Method,
    pub timed_out: bool,
    pub recovery: String,
}

/// Everything one intent caused: the plan, the recovery plans, what ran, what failed.
#[derive(Debug, Clone)]
pub struct Transition {
    pub intent: String,
    pub plan: Plan,
    /// Plans made after failures (recovery, then the rest of the intent), non-empty ones.
    pub replans: Vec<Plan>,
    pub executed: Vec<Executed>,
    pub failures: Vec<Failure>,
    pub notes: Vec<String>,
}

impl Transition {
    /// Groups the transition touched, in first-touch order.
    pub fn groups(&self) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        let mut add = |g: &str| {
            if !v.iter().any(|x| x == g) {
                v.push(g.to_string());
            }
        };
        for (g, _) in self
            .plan
            .placement
            .iter()
            .chain(self.replans.iter().flat_map(|p| p.placement.iter()))
        {
            add(g);
        }
        for e in &self.executed {
            if let Some(g) = e.step.kind.group() {
                add(g);
            }
        }
        v
    }
}

/// Plan `intent`, execute it, recover from failures, re-plan; return what happened. An error
/// means the intent was refused before anything ran (the state is unchanged).
pub fn run(
    state: &mut ClusterState,
    intent: &Intent,
    backend: &mut dyn Backend,
) -> Result<Transition> {
    let first = planner::plan(state, intent, state.clock.now_ms)?;
    let mut tr = Transition {
        intent: intent.to_string(),
        notes: first.notes.clone(),
        plan: first.clone(),
        replans: Vec::new(),
        executed: Vec::new(),
        failures: Vec::new(),
    };
    let budget = 16 + 4 * state.resource_groups.len();
    let mut rounds = 0usize;
    let mut queue: VecDeque<Intent> = VecDeque::new();
    let mut current = Some(first);
    loop {
        let plan = match current.take() {
            Some(x) => x,
            None => {
                let Some(next) = queue.pop_front() else {
                    break;
                };
                rounds += 1;
                if rounds > budget {
                    tr.notes.push(format!(
                        "recovery stopped after {budget} re-plans; the cluster may need an operator"
                    ));
                    break;
                }
                match planner::plan(state, &next, state.clock.now_ms) {
                    Ok(p) => {
                        for n in &p.notes {
                            if !tr.notes.contains(n) {
                                tr.notes.push(n.clone());
                            }
                        }
                        if !p.steps.is_empty() {
                            tr.replans.push(p.clone());
                        }
                        p
                    }
                    Err(e) => {
                        tr.notes
                            .push(format!("{next}: not continued: {}", e.message));
                        continue;
                    }
                }
            }
        };
        if let Some(fail) = execute(state, &plan, backend, &mut tr) {
            let (recovery, hold) = recovery_for(state, &fail);
            let mut cont_hold = Vec::new();
            if hold {
                cont_hold.push(fail.group.clone());
            }
            queue.push_front(continue_with(&plan, cont_hold));
            if let Some(r) = recovery {
                queue.push_front(r);
            }
        }
    }
    Ok(tr)
}

/// The rest of an interrupted plan: its target placement, minus the groups being recovered.
fn continue_with(plan: &Plan, hold: Vec<String>) -> Intent {
    Intent::Continue {
        targets: plan
            .targets
            .iter()
            .filter(|(g, _)| !hold.contains(g))
            .cloned()
            .collect(),
        hold,
        reason: plan.intent.clone(),
    }
}

/// What the RGM does after a failed method: (recovery intent, hold the group in the rest of
/// the intent). `describe_recovery` says the same in words.
fn recovery_for(state: &ClusterState, fail: &FailInfo) -> (Option<Intent>, bool) {
    let r = state.resources.get(&fail.resource);
    let rt = r.and_then(|r| state.resource_types.get(&r.rtype));
    let mode = r
        .map(|r| settings::failover_mode(rt, r))
        .unwrap_or(FailoverMode::None);
    let suspended = state
        .resource_groups
        .get(&fail.group)
        .is_some_and(|g| g.suspend_automatic_recovery);
    match fail.method {
        Method::Start | Method::PrenetStart if !suspended && mode.relocates_on_start_failure() => (
            Some(Intent::Failover {
                rg: fail.group.clone(),
                from: fail.node.clone(),
                reason: format!(
                    "{} failed to start on {} (Failover_mode {}): move {} off {}",
                    fail.resource,
                    fail.node,
                    mode.as_str(),
                    fail.group,
                    fail.node
                ),
            }),
            true,
        ),
        Method::Stop | Method::MonitorStop | Method::PostnetStop
            if !suspended && mode == FailoverMode::Hard =>
        {
            (
                Some(Intent::NodeDown {
                    node: fail.node.clone(),
                    clean: false,
                    reason: Some(format!(
                        "{} failed to stop on {} (Failover_mode HARD): abort {}",
                        fail.resource, fail.node, fail.node
                    )),
                }),
                false,
            )
        }
        _ => (None, false),
    }
}

/// Internal: a failure that ended the plan being executed.
struct FailInfo {
    resource: String,
    group: String,
    node: String,
    method: Method,
}

/// Run the steps of `plan` in order. Stops at the first failure that calls for re-planning.
fn execute(
    state: &mut ClusterState,
    plan: &Plan,
    backend: &mut dyn Backend,
    tr: &mut Transition,
) -> Option<FailInfo> {
    for (i, step) in plan.steps.iter().enumerate() {
        if let Some(f) = execute_step(state, step, backend, tr) {
            if matches!(
                f.method,
                Method::Stop | Method::MonitorStop | Method::PostnetStop
            ) {
                finish_in_flight_stops(state, &plan.steps[i + 1..], &f, backend, tr);
            }
            return Some(f);
        }
    }
    None
}

/// Run one step and record it in the transcript.
fn execute_step(
    state: &mut ClusterState,
    step: &Step,
    backend: &mut dyn Backend,
    tr: &mut Transition,
) -> Option<FailInfo> {
    let at = state.clock.now_ms;
    let (result, stop) = apply(state, step, backend, tr);
    let duration_ms = state.clock.now_ms - at;
    tr.executed.push(Executed {
        step: step.clone(),
        at_ms: at,
        duration_ms,
        result,
        detail: detail_of(state, &step.kind),
    });
    stop
}

/// A stop failed on a node: the group is frozen there (Error_stop_failed), but the other
/// resources of that group whose Stop already succeeded are still between Stop and
/// Postnet_stop. Their Postnet_stop calls are in flight as far as the RGM is concerned, so they
/// complete (in plan order), and no resource is left Stopping. Nothing else of the plan runs.
fn finish_in_flight_stops(
    state: &mut ClusterState,
    rest: &[Step],
    fail: &FailInfo,
    backend: &mut dyn Backend,
    tr: &mut Transition,
) {
    for step in rest {
        let StepKind::Method {
            resource,
            group,
            node,
            method: Method::PostnetStop,
        } = &step.kind
        else {
            continue;
        };
        let in_flight = *group == fail.group
            && *node == fail.node
            && *resource != fail.resource
            && state
                .resources
                .get(resource)
                .is_some_and(|r| r.state_on(node) == RState::Stopping);
        if in_flight {
            // A further failure here is recorded by the step itself; the group is already
            // Error_stop_failed on this node.
            let _ = execute_step(state, step, backend, tr);
        }
    }
}

/// The state a step left behind, for the transcript.
fn detail_of(state: &ClusterState, kind: &StepKind) -> String {
    match kind {
        StepKind::RgPending { rg, node, .. } | StepKind::RgSettle { rg, node, .. } => state
            .resource_groups
            .get(rg)
            .map(|g| g.state_on(node).as_str().to_string())
            .unwrap_or_default(),
        StepKind::Method { resource, node, .. }
        | StepKind::Mark { resource, node, .. }
        | StepKind::ClearStopFailed { resource, node } => state
            .resources
            .get(resource)
            .map(|r| r.state_on(node).as_str().to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn set_rstate(state: &mut ClusterState, resource: &str, group: &str, node: &str, s: RState) {
    let Some(r) = state.resources.get_mut(resource) else {
        return;
    };
    let e = r.state.entry(node.to_string()).or_default();
    if e.state == s {
        return;
    }
    e.state = s;
    events::rgmd(
        state,
        node,
        events::ID_R_STATE,
        Some(group),
        Some(resource),
        format!(
            "resource {resource} state on node {node} change to {}",
            events::r_state_name(s)
        ),
    );
}

fn set_status(
    state: &mut ClusterState,
    resource: &str,
    group: &str,
    node: &str,
    status: RStatus,
    msg: &str,
) {
    let Some(r) = state.resources.get_mut(resource) else {
        return;
    };
    let e = r.state.entry(node.to_string()).or_default();
    let status_changed = e.status != status;
    let msg_changed = e.message != msg;
    e.status = status;
    e.message = msg.to_string();
    if status_changed {
        events::rgmd(
            state,
            node,
            events::ID_R_STATUS,
            Some(group),
            Some(resource),
            format!(
                "resource {resource} status on node {node} change to {}",
                events::r_status_name(status)
            ),
        );
    }
    if msg_changed && !msg.is_empty() {
        events::rgmd(
            state,
            node,
            events::ID_R_STATUS_MSG,
            Some(group),
            Some(resource),
            format!("resource {resource} status msg on node {node} change to <{msg}>"),
        );
    }
}

fn set_rg_state(state: &mut ClusterState, rg: &str, node: &str, s: RgState) {
    let Some(g) = state.resource_groups.get_mut(rg) else {
        return;
    };
    if g.state_on(node) == s {
        return;
    }
    if s == RgState::Offline {
        g.state.remove(node);
    } else {
        g.state.insert(node.to_string(), s);
    }
    events::rgmd(
        state,
        node,
        events::ID_RG_STATE,
        Some(rg),
        None,
        format!(
            "resource group {rg} state on node {node} change to {}",
            events::rg_state_name(s)
        ),
    );
}

/// Apply one step. Returns its result and, when it failed in a way that calls for re-planning,
/// the failure.
fn apply(
    state: &mut ClusterState,
    step: &Step,
    backend: &mut dyn Backend,
    tr: &mut Transition,
) -> (StepResult, Option<FailInfo>) {
    match &step.kind {
        StepKind::Method {
            resource,
            group,
            node,
            method,
        } => run_method(state, resource, group, node, *method, backend, tr),
        StepKind::Mark {
            resource,
            group,
            node,
            online,
        } => {
            if *online {
                set_rstate(state, resource, group, node, RState::Online);
                set_status(state, resource, group, node, RStatus::Online, "");
            } else {
                set_rstate(state, resource, group, node, RState::Offline);
                set_status(state, resource, group, node, RStatus::Offline, "");
            }
            (StepResult::Done, None)
        }
        StepKind::RgPending { rg, node, state: s } => {
            set_rg_state(state, rg, node, *s);
            (StepResult::Done, None)
        }
        StepKind::RgSettle { rg, node, mode } => {
            if let Some(s) = settled_state(state, rg, node, *mode) {
                set_rg_state(state, rg, node, s);
            }
            (StepResult::Done, None)
        }
        StepKind::SetManaged { rg, managed } => {
            let nodes: Vec<String> = match state.resource_groups.get_mut(rg) {
                Some(g) => {
                    g.managed = *managed;
                    g.state.clear();
                    g.nodelist.clone()
                }
                None => Vec::new(),
            };
            let s = if *managed {
                RgState::Offline
            } else {
                RgState::Unmanaged
            };
            for n in nodes {
                if state.cluster.is_up(&n) {
                    events::rgmd(
                        state,
                        &n,
                        events::ID_RG_STATE,
                        Some(rg),
                        None,
                        format!(
                            "resource group {rg} state on node {n} change to {}",
                            events::rg_state_name(s)
                        ),
                    );
                }
            }
            (StepResult::Done, None)
        }
        StepKind::SetEnabled { resource, enabled } => {
            let group = match state.resources.get_mut(resource) {
                Some(r) => {
                    r.enabled = *enabled;
                    r.group.clone()
                }
                None => return (StepResult::Done, None),
            };
            let node = events::local_node(state);
            events::rgmd(
                state,
                &node,
                events::ID_SWITCH,
                Some(&group),
                Some(resource),
                format!(
                    "resource {resource} {} (On_off_switch)",
                    if *enabled { "enabled" } else { "disabled" }
                ),
            );
            (StepResult::Done, None)
        }
        StepKind::SetMonitored {
            resource,
            monitored,
        } => {
            let group = match state.resources.get_mut(resource) {
                Some(r) => {
                    r.monitored = *monitored;
                    r.group.clone()
                }
                None => return (StepResult::Done, None),
            };
            let node = events::local_node(state);
            events::rgmd(
                state,
                &node,
                events::ID_SWITCH,
                Some(&group),
                Some(resource),
                format!(
                    "resource {resource} monitoring {} (Monitored_switch)",
                    if *monitored { "enabled" } else { "disabled" }
                ),
            );
            (StepResult::Done, None)
        }
        StepKind::SetSuspended { rg, suspended } => {
            if let Some(g) = state.resource_groups.get_mut(rg) {
                g.suspend_automatic_recovery = *suspended;
            }
            let node = events::local_node(state);
            events::rgmd(
                state,
                &node,
                events::ID_SWITCH,
                Some(rg),
                None,
                format!(
                    "automatic recovery of resource group {rg} {}",
                    if *suspended { "suspended" } else { "resumed" }
                ),
            );
            (StepResult::Done, None)
        }
        StepKind::SetStranded { rg, stranded } => {
            if let Some(g) = state.resource_groups.get_mut(rg) {
                g.stranded = *stranded;
            }
            if *stranded {
                let node = events::local_node(state);
                events::rgmd(
                    state,
                    &node,
                    events::ID_RECOVERY,
                    Some(rg),
                    None,
                    format!(
                        "resource group {rg} has no node to run on; it will be brought online when a node of its Nodelist joins"
                    ),
                );
            }
            (StepResult::Done, None)
        }
        StepKind::ClearStopFailed { resource, node } => {
            let group = state
                .resources
                .get(resource)
                .map(|r| r.group.clone())
                .unwrap_or_default();
            events::rgmd(
                state,
                node,
                events::ID_SWITCH,
                Some(&group),
                Some(resource),
                format!(
                    "STOP_FAILED flag of resource {resource} on node {node} cleared by operator"
                ),
            );
            set_rstate(state, resource, &group, node, RState::Offline);
            set_status(state, resource, &group, node, RStatus::Offline, "");
            (StepResult::Done, None)
        }
        StepKind::SetEvacuation { node, until } => {
            if let Some(n) = state.cluster.node_mut(node) {
                n.evacuated_until = *until;
            }
            if let Some(u) = until {
                events::rgmd(
                    state,
                    node,
                    events::ID_SWITCH,
                    None,
                    None,
                    format!(
                        "evacuating node {node}: it is not chosen for resource groups until {}",
                        crate::timefmt::syslog(*u)
                    ),
                );
            }
            (StepResult::Done, None)
        }
        StepKind::DeviceGroup {
            dg,
            primary,
            maintenance,
        } => {
            let old = state
                .cluster
                .device_groups
                .iter_mut()
                .find(|d| d.name == *dg)
                .map(|d| {
                    let old = d.primary.clone();
                    d.primary = primary.clone();
                    d.maintenance = *maintenance;
                    old
                });
            if let Some(old) = old {
                if let Some(o) = old.filter(|o| Some(o) != primary.as_ref())
                    && state.cluster.is_up(&o)
                {
                    device_line(state, &o, format!("stdout: no longer primary for {dg}"));
                }
                if let Some(p) = primary {
                    device_line(state, p, format!("stdout: becoming primary for {dg}"));
                } else if *maintenance {
                    let n = events::local_node(state);
                    device_line(state, &n, format!("device group {dg} is in maintenance"));
                }
            }
            (StepResult::Done, None)
        }
        StepKind::NodeCrash { node } => {
            node_leaves(state, node, false);
            (StepResult::Done, None)
        }
        StepKind::NodeHalt { node } => {
            node_leaves(state, node, true);
            (StepResult::Done, None)
        }
        StepKind::NodeJoin { node } => {
            let forming = !state.cluster.nodes.iter().any(|n| n.up);
            let id = match state.cluster.node_mut(node) {
                Some(n) => {
                    n.up = true;
                    n.evacuated_until = None;
                    n.id
                }
                None => return (StepResult::Done, None),
            };
            cmm(
                state,
                node,
                format!("CMM: Node {node} (nodeid = {id}) is up."),
            );
            let members: Vec<String> = state
                .cluster
                .nodes
                .iter()
                .filter(|n| n.up)
                .map(|n| n.name.clone())
                .collect();
            cmm(
                state,
                node,
                format!("CMM: Cluster members: {}.", members.join(" ")),
            );
            if forming {
                cmm(state, node, "CMM: Cluster has reached quorum.".to_string());
            }
            (StepResult::Done, None)
        }
        StepKind::MonitorReport {
            resource,
            group,
            node,
            decision,
        } => {
            monitor_report(state, resource, group, node, *decision);
            (StepResult::Done, None)
        }
        StepKind::PmfRestart {
            resource,
            group,
            node,
        } => {
            let tag = format!("{group},{resource},0.svc");
            events::push(
                state,
                events::TAG_PMF,
                node,
                events::ID_PMF,
                "daemon.notice",
                Some(group),
                Some(resource),
                format!("Process: tag={tag}, restarting the watcher (start-msg ha)"),
            );
            state.clock.now_ms += 2000;
            let msg = state
                .resources
                .get(resource)
                .map(|r| settings::status_message(state.resource_types.get(&r.rtype), true))
                .unwrap_or_default();
            set_status(state, resource, group, node, RStatus::Online, &msg);
            (StepResult::Done, None)
        }
    }
}

fn device_line(state: &mut ClusterState, node: &str, msg: String) {
    events::push(
        state,
        events::TAG_FRAMEWORK,
        node,
        events::ID_DEVICE,
        "daemon.notice",
        None,
        None,
        msg,
    );
}

fn cmm(state: &mut ClusterState, node: &str, msg: String) {
    events::push(
        state,
        events::TAG_CMM,
        node,
        events::ID_CMM,
        "kern.notice",
        None,
        None,
        format!("NOTICE: {msg}"),
    );
}

/// A node stops being a member: everything on it stops existing (no methods run there).
fn node_leaves(state: &mut ClusterState, node: &str, clean: bool) {
    let id = match state.cluster.node_mut(node) {
        Some(n) => {
            n.up = false;
            n.evacuated_until = None;
            n.id
        }
        None => return,
    };
    if clean {
        cmm(state, node, format!("CMM: Node {node} is shutting down."));
    }
    for g in state.resource_groups.values_mut() {
        if g.managed {
            g.state.remove(node);
        }
    }
    for r in state.resources.values_mut() {
        r.state.remove(node);
    }
    let survivor = state
        .cluster
        .nodes
        .iter()
        .find(|n| n.up)
        .map(|n| n.name.clone());
    match survivor {
        Some(s) => {
            cmm(
                state,
                &s,
                format!("CMM: Node {node} (nodeid = {id}) is down."),
            );
            let members: Vec<String> = state
                .cluster
                .nodes
                .iter()
                .filter(|n| n.up)
                .map(|n| n.name.clone())
                .collect();
            let (have, total) = planner::quorum_votes(state, &|n| members.iter().any(|m| m == n));
            if planner::has_quorum(have, total) {
                cmm(
                    state,
                    &s,
                    format!("CMM: Cluster members: {}.", members.join(" ")),
                );
            } else {
                events::push(
                    state,
                    events::TAG_CMM,
                    &s,
                    events::ID_QUORUM,
                    "kern.warning",
                    None,
                    None,
                    format!(
                        "WARNING: CMM: Cluster lost operational quorum ({have} of {total} votes); aborting."
                    ),
                );
            }
        }
        None => {
            if !clean {
                events::push(
                    state,
                    events::TAG_CMM,
                    node,
                    events::ID_QUORUM,
                    "kern.warning",
                    None,
                    None,
                    "WARNING: CMM: Cluster lost operational quorum; aborting.".to_string(),
                );
            }
        }
    }
}

fn monitor_report(
    state: &mut ClusterState,
    resource: &str,
    group: &str,
    node: &str,
    decision: MonitorDecision,
) {
    let (ims, window) = match state.resources.get(resource) {
        Some(r) => {
            let rt = state.resource_types.get(&r.rtype);
            (settings::is_ims(rt), settings::retry_interval_ms(rt, r))
        }
        None => return,
    };
    if ims {
        events::push(
            state,
            events::TAG_PMF,
            node,
            events::ID_PMF,
            "daemon.notice",
            Some(group),
            Some(resource),
            format!(
                "Process: tag={group},{resource},0.svc, cmd=[start-msg ha], Failed to stay up (the Messaging Server watcher exited)."
            ),
        );
    }
    let msg = if ims {
        "Messaging Server watcher died."
    } else {
        "Fault monitor detected a failure."
    };
    set_status(state, resource, group, node, RStatus::Faulted, msg);
    let now = state.clock.now_ms;
    match decision {
        MonitorDecision::Restart { attempt, of } => {
            if let Some(r) = state.resources.get_mut(resource) {
                r.restart_history
                    .retain(|t| now.saturating_sub(*t) < window);
                r.restart_history.push(now);
            }
            events::rgmd(
                state,
                node,
                events::ID_SCHA_CONTROL,
                Some(group),
                Some(resource),
                format!(
                    "resource {resource} in resource group {group} has requested restart of the resource on {node} (retry {attempt} of {})",
                    if of < 0 {
                        "unlimited".to_string()
                    } else {
                        of.to_string()
                    }
                ),
            );
        }
        MonitorDecision::Giveover => {
            if let Some(r) = state.resources.get_mut(resource) {
                r.restart_history.clear();
            }
            if let Some(g) = state.resource_groups.get_mut(group) {
                g.giveovers.insert(node.to_string(), now);
            }
            events::rgmd(
                state,
                node,
                events::ID_SCHA_CONTROL,
                Some(group),
                Some(resource),
                format!(
                    "resource {resource} in resource group {group} has requested failover of the resource group on {node}."
                ),
            );
        }
        MonitorDecision::LogOnly => {
            events::rgmd(
                state,
                node,
                events::ID_RECOVERY,
                Some(group),
                Some(resource),
                format!(
                    "resource {resource} in resource group {group} failed on {node}; no automatic recovery"
                ),
            );
        }
    }
}

/// Settle a group's state on a node from its resources there (None = leave it).
fn settled_state(state: &ClusterState, rg: &str, node: &str, mode: Settle) -> Option<RgState> {
    let g = state.resource_groups.get(rg)?;
    if !g.managed || !state.cluster.is_up(node) {
        return None;
    }
    let res: Vec<&crate::model::Resource> = g
        .resources
        .iter()
        .filter_map(|r| state.resources.get(r))
        .collect();
    if res.iter().any(|r| r.state_on(node) == RState::StopFailed) {
        return Some(RgState::ErrorStopFailed);
    }
    let online_rules = || {
        if res.iter().any(|r| {
            r.enabled
                && matches!(
                    r.state_on(node),
                    RState::StartFailed | RState::MonitorFailed
                )
        }) {
            return RgState::OnlineFaulted;
        }
        let blocked = res.iter().any(|r| {
            r.enabled
                && r.state_on(node) == RState::Offline
                && r.dependencies.all().any(|(k, d)| {
                    if k == DepKind::Weak {
                        return false;
                    }
                    let dn = super::index::dep_target(d);
                    match state.resources.get(dn) {
                        Some(dr) if dr.group != rg => {
                            !dr.state.values().any(|s| s.state.is_running())
                        }
                        _ => false,
                    }
                })
        });
        if blocked {
            RgState::PendingOnlineBlocked
        } else {
            RgState::Online
        }
    };
    Some(match mode {
        Settle::Offline => RgState::Offline,
        Settle::Online => online_rules(),
        Settle::Infer => {
            if res.iter().any(|r| needs_stop(r.state_on(node))) {
                online_rules()
            } else {
                RgState::Offline
            }
        }
    })
}

#[allow(clippy::too_many_arguments)]
fn run_method(
    state: &mut ClusterState,
    resource: &str,
    group: &str,
    node: &str,
    method: Method,
    backend: &mut dyn Backend,
    tr: &mut Transition,
) -> (StepResult, Option<FailInfo>) {
    let Some(r) = state.resources.get(resource) else {
        return (StepResult::Done, None);
    };
    let rt = state.resource_types.get(&r.rtype);
    let timeout = settings::timeout_s(rt, r, method);
    let prog = method.rtr_name();
    let has = |m: Method| rt.is_some_and(|t| t.has_method(m));
    let has_start = has(Method::Start);
    let has_postnet = has(Method::PostnetStop);
    let has_monitor = has(Method::MonitorStart);
    let on_msg = settings::status_message(rt, true);
    let off_msg = settings::status_message(rt, false);
    match method {
        Method::PrenetStart | Method::Start => {
            set_rstate(state, resource, group, node, RState::Starting)
        }
        Method::Stop | Method::PostnetStop => {
            set_rstate(state, resource, group, node, RState::Stopping)
        }
        _ => {}
    }
    events::rgmd(
        state,
        node,
        ID_LAUNCH,
        Some(group),
        Some(resource),
        format!(
            "launching method <{prog}> for resource <{resource}>, resource group <{group}>, node <{node}>, timeout <{timeout}> seconds"
        ),
    );
    let call = MethodCall {
        resource,
        group,
        node,
        method,
        timeout_s: timeout,
    };
    let out = backend.call(&mut state.faults, &call);
    state.clock.now_ms += out.duration_ms;
    match out.result {
        CallResult::Ok => {
            events::rgmd(
                state,
                node,
                ID_COMPLETED,
                Some(group),
                Some(resource),
                format!(
                    "method <{prog}> completed successfully for resource <{resource}>, resource group <{group}>, node <{node}>, time used: {}% of timeout <{timeout} seconds>",
                    percent(out.duration_ms, timeout)
                ),
            );
            let online = |state: &mut ClusterState| {
                let s = if has_monitor {
                    RState::OnlineNotMonitored
                } else {
                    RState::Online
                };
                set_rstate(state, resource, group, node, s);
                set_status(state, resource, group, node, RStatus::Online, &on_msg);
            };
            let offline = |state: &mut ClusterState| {
                set_rstate(state, resource, group, node, RState::Offline);
                set_status(state, resource, group, node, RStatus::Offline, &off_msg);
            };
            match method {
                Method::PrenetStart if !has_start => online(state),
                Method::Start => online(state),
                Method::MonitorStart => {
                    let cur = state.resources[resource].state_on(node);
                    if matches!(cur, RState::OnlineNotMonitored | RState::Online) {
                        set_rstate(state, resource, group, node, RState::Online);
                    }
                }
                Method::MonitorStop
                    if state.resources[resource].state_on(node) == RState::Online =>
                {
                    set_rstate(state, resource, group, node, RState::OnlineNotMonitored);
                }
                Method::Stop if !has_postnet => offline(state),
                Method::PostnetStop => offline(state),
                _ => {}
            }
            (StepResult::Done, None)
        }
        CallResult::Failed { .. } | CallResult::TimedOut => {
            let timed_out = out.result == CallResult::TimedOut;
            let result = match out.result {
                CallResult::Failed { exit } => {
                    events::rgmd_error(
                        state,
                        node,
                        ID_FAILED,
                        Some(group),
                        Some(resource),
                        format!(
                            "Method <{prog}> failed on resource <{resource}> in resource group <{group}>, node <{node}> [exit code <{exit}>, time used: {}% of timeout <{timeout} seconds>]",
                            percent(out.duration_ms, timeout)
                        ),
                    );
                    StepResult::Failed { exit }
                }
                _ => {
                    events::rgmd_error(
                        state,
                        node,
                        ID_TIMEOUT,
                        Some(group),
                        Some(resource),
                        format!(
                            "Method <{prog}> on resource <{resource}>, resource group <{group}>, node <{node}>: Timeout."
                        ),
                    );
                    StepResult::TimedOut
                }
            };
            let replan = match method {
                Method::PrenetStart | Method::Start => {
                    set_rstate(state, resource, group, node, RState::StartFailed);
                    set_status(state, resource, group, node, RStatus::Faulted, "");
                    let now = state.clock.now_ms;
                    if let Some(g) = state.resource_groups.get_mut(group) {
                        g.start_failures.insert(node.to_string(), now);
                    }
                    true
                }
                Method::MonitorStart => {
                    set_rstate(state, resource, group, node, RState::MonitorFailed);
                    true
                }
                Method::Stop | Method::MonitorStop | Method::PostnetStop => {
                    set_rstate(state, resource, group, node, RState::StopFailed);
                    set_status(state, resource, group, node, RStatus::Faulted, "");
                    set_rg_state(state, group, node, RgState::ErrorStopFailed);
                    true
                }
                _ => false,
            };
            let mut failure = Failure {
                resource: resource.to_string(),
                group: group.to_string(),
                node: node.to_string(),
                method,
                timed_out,
                recovery: String::new(),
            };
            let info = FailInfo {
                resource: resource.to_string(),
                group: group.to_string(),
                node: node.to_string(),
                method,
            };
            failure.recovery = describe_recovery(state, &info);
            events::rgmd(
                state,
                node,
                events::ID_RECOVERY,
                Some(group),
                Some(resource),
                failure.recovery.clone(),
            );
            tr.failures.push(failure);
            (result, replan.then_some(info))
        }
    }
}

/// The recovery text for a failure (same decision as `recovery_for`, without side effects).
fn describe_recovery(state: &ClusterState, fail: &FailInfo) -> String {
    let r = state.resources.get(&fail.resource);
    let rt = r.and_then(|r| state.resource_types.get(&r.rtype));
    let mode = r
        .map(|r| settings::failover_mode(rt, r))
        .unwrap_or(FailoverMode::None);
    let suspended = state
        .resource_groups
        .get(&fail.group)
        .is_some_and(|g| g.suspend_automatic_recovery);
    match fail.method {
        Method::Start | Method::PrenetStart => {
            if suspended {
                format!(
                    "automatic recovery of {} is suspended: {} stays Start_failed",
                    fail.group, fail.resource
                )
            } else if mode.relocates_on_start_failure() {
                format!(
                    "Failover_mode {}: the RGM looks for another node for {}",
                    mode.as_str(),
                    fail.group
                )
            } else {
                format!(
                    "Failover_mode {}: no recovery; {} stays Start_failed and resources that depend on it are not started",
                    mode.as_str(),
                    fail.resource
                )
            }
        }
        Method::Stop | Method::MonitorStop | Method::PostnetStop => {
            if mode == FailoverMode::Hard && !suspended {
                format!(
                    "Failover_mode HARD: {} is aborted so that {} can move",
                    fail.node, fail.group
                )
            } else {
                format!(
                    "{} is Error_stop_failed on {}; nothing moves it until an operator runs scswitch -c -h {} -j {} -f STOP_FAILED",
                    fail.group, fail.node, fail.node, fail.resource
                )
            }
        }
        Method::MonitorStart => format!(
            "{} runs without its fault monitor (Monitor_failed)",
            fail.resource
        ),
        m => format!("the {} failure is logged; no recovery", m.rtr_name()),
    }
}

/// Share of the timeout a call used, in whole percent.
fn percent(duration_ms: u64, timeout_s: u64) -> u64 {
    (duration_ms / 10 / timeout_s.max(1)).min(100)
}

/// Bring the simulated clock up to the wall clock (never backwards).
pub fn catch_up_clock(state: &mut ClusterState, wall_ms: u64) {
    if wall_ms > state.clock.now_ms {
        state.clock.now_ms = wall_ms;
    }
}

/// Execute prepared steps without re-planning (configuration hooks: Init, Fini, Update).
/// Failures are recorded and logged; the steps after them still run.
pub fn run_steps(
    state: &mut ClusterState,
    intent: &str,
    steps: Vec<Step>,
    backend: &mut dyn Backend,
) -> Transition {
    let plan = Plan {
        intent: intent.to_string(),
        steps,
        ..Plan::default()
    };
    let mut tr = Transition {
        intent: intent.to_string(),
        plan: plan.clone(),
        replans: Vec::new(),
        executed: Vec::new(),
        failures: Vec::new(),
        notes: Vec::new(),
    };
    for step in &plan.steps {
        let at = state.clock.now_ms;
        let (result, _) = apply(state, step, backend, &mut tr);
        tr.executed.push(Executed {
            step: step.clone(),
            at_ms: at,
            duration_ms: state.clock.now_ms - at,
            result,
            detail: detail_of(state, &step.kind),
        });
    }
    tr
}

/// Run one method of a resource that need not be in the state yet (Validate of a resource
/// being created). Logs like any other method; returns the call's result.
pub fn call_unlisted(
    state: &mut ClusterState,
    r: &crate::model::Resource,
    node: &str,
    method: Method,
    backend: &mut dyn Backend,
) -> CallResult {
    let rt = state.resource_types.get(&r.rtype);
    let timeout = settings::timeout_s(rt, r, method);
    let prog = method.rtr_name();
    let (resource, group) = (r.name.as_str(), r.group.as_str());
    events::rgmd(
        state,
        node,
        ID_LAUNCH,
        Some(group),
        Some(resource),
        format!(
            "launching method <{prog}> for resource <{resource}>, resource group <{group}>, node <{node}>, timeout <{timeout}> seconds"
        ),
    );
    let call = MethodCall {
        resource,
        group,
        node,
        method,
        timeout_s: timeout,
    };
    let out = backend.call(&mut state.faults, &call);
    state.clock.now_ms += out.duration_ms;
    match out.result {
        CallResult::Ok => events::rgmd(
            state,
            node,
            ID_COMPLETED,
            Some(group),
            Some(resource),
            format!(
                "method <{prog}> completed successfully for resource <{resource}>, resource group <{group}>, node <{node}>, time used: {}% of timeout <{timeout} seconds>",
                percent(out.duration_ms, timeout)
            ),
        ),
        CallResult::Failed { exit } => events::rgmd_error(
            state,
            node,
            ID_FAILED,
            Some(group),
            Some(resource),
            format!(
                "Method <{prog}> failed on resource <{resource}> in resource group <{group}>, node <{node}> [exit code <{exit}>]"
            ),
        ),
        CallResult::TimedOut => events::rgmd_error(
            state,
            node,
            ID_TIMEOUT,
            Some(group),
            Some(resource),
            format!(
                "Method <{prog}> on resource <{resource}>, resource group <{group}>, node <{node}>: Timeout."
            ),
        ),
    }
    out.result
}
