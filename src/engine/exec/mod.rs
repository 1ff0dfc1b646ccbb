//! The executor: runs a plan's steps through a [`MethodRunner`], records every outcome, derives
//! the next state from it, and on a failure records it, works out the recovery the resource's
//! Failover_mode asks for, and re-plans (bounded). Pacemaker's plan–execute–observe–replan
//! loop; `crm_simulate`'s injected failures are our [`SimMethods`], which owns the faults of
//! `state.faults` while it runs.
//!
//! State follows from outcomes only: a resource is Online because its Start returned 0, Offline
//! because its Stop (and Postnet_stop) did, Start_failed because Start did not.

mod apply;
mod control;
mod membership;
mod method;
mod record;
mod recovery;
mod runner;

use super::intent::Intent;
use super::plan::{Plan, Step, StepKind};
use super::planner;
use crate::error::Result;
use crate::model::{ClusterState, Method, RState};
use apply::apply;
use recovery::recovery_for;
use std::collections::VecDeque;

pub use method::call_unlisted;
pub use record::set_status;
pub use runner::{CallOutcome, CallResult, MethodCall, MethodRunner, SimMethods};

/// The result of one executed step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepResult {
    Done,
    Failed { exit: i32 },
    TimedOut,
}

/// A step as it ran. The step itself is in its plan ([`Transition::executed`] pairs them): a
/// node failure at scale runs tens of thousands of steps, which are not copied. A transition
/// keeps its records in an [`ExecLog`]; this is one of them, made when it is read. When a
/// step started is in its log entries, not here.
#[derive(Debug, Clone, Copy)]
pub struct Executed {
    /// The plan the step is in: 0 the first ([`Transition::plan`]), `n` `replans[n - 1]`.
    plan: u32,
    /// The step's place in that plan.
    index: u32,
    /// Simulated milliseconds the step took (a method runs at most its timeout, which is far
    /// below `u32::MAX` milliseconds; longer is recorded as that).
    duration_ms: u32,
    pub result: StepResult,
    detail: Detail,
}

impl Executed {
    fn new(
        (plan, index): (usize, usize),
        at_ms: u64,
        until_ms: u64,
        result: StepResult,
        detail: Detail,
    ) -> Executed {
        Executed {
            plan: u32::try_from(plan).unwrap_or(u32::MAX),
            index: u32::try_from(index).unwrap_or(u32::MAX),
            duration_ms: u32::try_from(until_ms.saturating_sub(at_ms)).unwrap_or(u32::MAX),
            result,
            detail,
        }
    }
    /// The simulated time the step took.
    pub fn duration_ms(&self) -> u64 {
        u64::from(self.duration_ms)
    }
    /// What the step led to, in words (`Online`, `Start_failed`, …); empty when obvious.
    pub fn detail(&self) -> &'static str {
        match self.detail {
            Detail::None => "",
            Detail::Group(s) => s.as_str(),
            Detail::Resource(s) => s.as_str(),
        }
    }
}

/// What a step led to: the state of its group or resource on its node after it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    None,
    Group(crate::model::RgState),
    Resource(RState),
}

/// The records of the steps a transition ran, in the order they ran, held by what varies: a
/// plan's steps run one after another, so the plan and the step's place are kept once per run
/// of consecutive steps, and a result once per step that did not succeed. Each record then
/// takes 6 bytes (what it led to, and its duration) where an [`Executed`] takes 24: a node
/// failure at 10,000 resources runs 13,000 steps.
#[derive(Debug, Clone, Default)]
pub struct ExecLog {
    /// Runs of consecutive steps of one plan: (the record the run starts at, the plan, the
    /// place of its first step in that plan).
    runs: Vec<(u32, u32, u32)>,
    /// Per record, what the step led to.
    details: Vec<Detail>,
    /// Per record, the simulated milliseconds the step took.
    durations: Vec<u32>,
    /// The records whose step failed or timed out, with the result, in record order.
    unusual: Vec<(u32, StepResult)>,
}

impl ExecLog {
    /// The number of steps recorded.
    pub fn len(&self) -> usize {
        self.details.len()
    }
    pub fn is_empty(&self) -> bool {
        self.details.is_empty()
    }
    fn push(&mut self, e: Executed) {
        let at = u32::try_from(self.len()).unwrap_or(u32::MAX);
        let continues = self.runs.last().is_some_and(|&(start, plan, first)| {
            plan == e.plan && u64::from(first) + u64::from(at - start) == u64::from(e.index)
        });
        if !continues {
            self.runs.push((at, e.plan, e.index));
        }
        if e.result != StepResult::Done {
            self.unusual.push((at, e.result));
        }
        self.details.push(e.detail);
        self.durations.push(e.duration_ms);
    }
    /// Record `k` (0 the first step that ran).
    pub fn get(&self, k: usize) -> Option<Executed> {
        let detail = *self.details.get(k)?;
        let k32 = u32::try_from(k).ok()?;
        // The last run that starts at or before the record.
        let run = self.runs.partition_point(|&(start, _, _)| start <= k32);
        let (start, plan, first) = self.runs[run.checked_sub(1)?];
        let result = self
            .unusual
            .binary_search_by_key(&k32, |&(at, _)| at)
            .map_or(StepResult::Done, |i| self.unusual[i].1);
        Some(Executed {
            plan,
            index: first + (k32 - start),
            duration_ms: self.durations[k],
            result,
            detail,
        })
    }
    /// The records in the order the steps ran.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Executed> + '_ {
        (0..self.len()).filter_map(|k| self.get(k))
    }
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

impl Failure {
    /// How to clear the flag when the failure left its resource Stop_failed on the node
    /// (`state`: after the command).
    pub fn clear_hint(&self, state: &ClusterState) -> Option<crate::fix::Hint> {
        let r = state.resource(&self.resource)?;
        (r.state_on(&self.node) == RState::StopFailed).then(|| {
            crate::fix::Hint::lead(
                "after repairing the stop: ",
                crate::fix::Fix::ClearStopFailed {
                    r: self.resource.clone(),
                    node: self.node.clone(),
                },
            )
        })
    }
}

/// Everything one intent caused: the plan, the recovery plans, what ran, what failed.
#[derive(Debug, Clone)]
pub struct Transition {
    pub intent: String,
    pub plan: Plan,
    /// Plans made after failures (recovery, then the rest of the intent), non-empty ones.
    pub replans: Vec<Plan>,
    pub executed: ExecLog,
    pub failures: Vec<Failure>,
    pub notes: Vec<String>,
}

impl Transition {
    /// The steps that ran, in order, each with how it ran.
    pub fn executed(&self) -> impl DoubleEndedIterator<Item = (Executed, &Step)> + '_ {
        self.executed.iter().filter_map(move |e| {
            let plan = match e.plan {
                0 => &self.plan,
                n => self.replans.get(n as usize - 1)?,
            };
            plan.steps.get(e.index as usize).map(|s| (e, s))
        })
    }
    /// Groups the transition touched, in first-touch order. `state` is the cluster it ran on
    /// (before or after: a resource's group does not change), where the steps on resources
    /// find their groups.
    pub fn groups(&self, state: &ClusterState) -> Vec<String> {
        // A set beside the list: a node failure at scale touches hundreds of groups in tens of
        // thousands of steps.
        let mut seen: crate::fasthash::FastSet<&str> = crate::fasthash::FastSet::default();
        let placed = self
            .plan
            .placement
            .iter()
            .chain(self.replans.iter().flat_map(|p| p.placement.iter()))
            .map(crate::model::Name::as_str);
        let stepped = self.executed().filter_map(|(_, s)| s.kind.group(state));
        placed
            .chain(stepped)
            .filter(|g| seen.insert(g))
            .map(str::to_string)
            .collect()
    }
}

/// Plan `intent`, execute it, recover from failures, re-plan; return what happened. An error
/// means the intent was refused before anything ran (the state is unchanged).
pub fn run(
    state: &mut ClusterState,
    intent: &Intent,
    runner: &mut dyn MethodRunner,
) -> Result<Transition> {
    let first = planner::plan(state, intent, state.clock.now_ms)?;
    let mut tr = Transition {
        intent: intent.to_string(),
        notes: first.notes.clone(),
        plan: Plan::default(),
        replans: Vec::new(),
        executed: ExecLog::default(),
        failures: Vec::new(),
    };
    let budget = 16 + 4 * state.resource_groups.len();
    let mut rounds = 0usize;
    let mut queue: VecDeque<Intent> = VecDeque::new();
    // Each plan is executed by value and then moved into the transition (not copied: the
    // first plan of a node failure at scale holds thousands of steps).
    let mut current = Some((first, Keep::First));
    loop {
        let (plan, keep) = match current.take() {
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
                        let keep = if p.steps.is_empty() {
                            Keep::Drop
                        } else {
                            Keep::Replan
                        };
                        (p, keep)
                    }
                    Err(e) => {
                        tr.notes
                            .push(format!("{next}: not continued: {}", e.message));
                        continue;
                    }
                }
            }
        };
        // Where the plan goes once executed, which its executed steps point to.
        let number = match keep {
            Keep::First => 0,
            Keep::Replan | Keep::Drop => tr.replans.len() + 1,
        };
        if let Some(fail) = execute(state, &plan, number, runner, &mut tr) {
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
        match keep {
            Keep::First => tr.plan = plan,
            Keep::Replan => tr.replans.push(plan),
            Keep::Drop => {}
        }
    }
    Ok(tr)
}

/// Where an executed plan goes in the transition.
enum Keep {
    First,
    Replan,
    Drop,
}

/// The rest of an interrupted plan: its target placement, minus the groups being recovered.
fn continue_with(plan: &Plan, hold: Vec<String>) -> Intent {
    Intent::Continue {
        targets: plan
            .targets
            .iter()
            .filter(|(g, _)| !hold.iter().any(|h| h == g))
            .cloned()
            .collect(),
        hold,
        reason: plan.intent.clone(),
    }
}

/// A failure that ended the plan being executed.
struct FailInfo {
    resource: String,
    group: String,
    node: String,
    method: Method,
    /// A failed start the resource asked to ignore (`scha_control -O IGNORE_FAILED_START`):
    /// recovery as under Failover_mode NONE.
    ignore_start_failure: bool,
}

/// Run the steps of `plan` (the transition's plan number `number`) in order. Stops at the
/// first failure that calls for re-planning.
fn execute(
    state: &mut ClusterState,
    plan: &Plan,
    number: usize,
    runner: &mut dyn MethodRunner,
    tr: &mut Transition,
) -> Option<FailInfo> {
    for (i, step) in plan.steps.iter().enumerate() {
        if let Some(f) = execute_step(state, step, (number, i), runner, tr) {
            if matches!(
                f.method,
                Method::Stop | Method::MonitorStop | Method::PostnetStop
            ) {
                finish_in_flight_stops(state, plan, number, i + 1, &f, runner, tr);
            }
            return Some(f);
        }
    }
    None
}

/// Run one step (`at`: its plan's number and its place there) and record it in the
/// transcript.
fn execute_step(
    state: &mut ClusterState,
    step: &Step,
    (plan, index): (usize, usize),
    runner: &mut dyn MethodRunner,
    tr: &mut Transition,
) -> Option<FailInfo> {
    let at = state.clock.now_ms;
    let (result, stop) = apply(state, step, runner, tr);
    tr.executed.push(Executed::new(
        (plan, index),
        at,
        state.clock.now_ms,
        result,
        detail_of(state, &step.kind),
    ));
    stop
}

/// A stop failed on a node: the group is frozen there (Error_stop_failed), but the other
/// resources of that group whose Stop already succeeded are still between Stop and
/// Postnet_stop. Their Postnet_stop calls are in flight as far as the RGM is concerned, so they
/// complete (in plan order), and no resource is left Stopping. Nothing else of the plan runs.
/// `plan` is the transition's plan number `number`, stopped before step `from`.
fn finish_in_flight_stops(
    state: &mut ClusterState,
    plan: &Plan,
    number: usize,
    from: usize,
    fail: &FailInfo,
    runner: &mut dyn MethodRunner,
    tr: &mut Transition,
) {
    for (i, step) in plan.steps.iter().enumerate().skip(from) {
        let StepKind::Method {
            resource,
            node,
            method: Method::PostnetStop,
        } = &step.kind
        else {
            continue;
        };
        let in_flight = *node == fail.node
            && *resource != fail.resource
            && state
                .resources
                .get(resource.as_str())
                .is_some_and(|r| r.group == fail.group && r.state_on(node) == RState::Stopping);
        if in_flight {
            // A further failure here is recorded by the step itself; the group is already
            // Error_stop_failed on this node.
            let _ = execute_step(state, step, (number, i), runner, tr);
        }
    }
}

/// The state a step left behind, for the transcript.
fn detail_of(state: &ClusterState, kind: &StepKind) -> Detail {
    match kind {
        StepKind::RgPending { rg, node, .. } | StepKind::RgSettle { rg, node, .. } => state
            .resource_groups
            .get(rg.as_str())
            .map_or(Detail::None, |g| Detail::Group(g.state_on(node))),
        StepKind::Method { resource, node, .. }
        | StepKind::Mark { resource, node, .. }
        | StepKind::ClearStopFailed { resource, node } => state
            .resources
            .get(resource.as_str())
            .map_or(Detail::None, |r| Detail::Resource(r.state_on(node))),
        _ => Detail::None,
    }
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
    runner: &mut dyn MethodRunner,
) -> Transition {
    let plan = Plan {
        intent: intent.to_string(),
        steps,
        ..Plan::default()
    };
    let mut tr = Transition {
        intent: intent.to_string(),
        plan: Plan::default(),
        replans: Vec::new(),
        executed: ExecLog::default(),
        failures: Vec::new(),
        notes: Vec::new(),
    };
    for (i, step) in plan.steps.iter().enumerate() {
        let at = state.clock.now_ms;
        let (result, _) = apply(state, step, runner, &mut tr);
        tr.executed.push(Executed::new(
            (0, i),
            at,
            state.clock.now_ms,
            result,
            detail_of(state, &step.kind),
        ));
    }
    tr.plan = plan;
    tr
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RgState;

    fn rec(plan: usize, index: usize, ms: u64, result: StepResult, detail: Detail) -> Executed {
        Executed::new((plan, index), 1_000, 1_000 + ms, result, detail)
    }

    #[test]
    fn the_log_gives_back_each_record_as_pushed() {
        let pushed = [
            rec(0, 0, 0, StepResult::Done, Detail::None),
            rec(
                0,
                1,
                2_000,
                StepResult::Done,
                Detail::Resource(RState::Online),
            ),
            rec(
                0,
                2,
                300_000,
                StepResult::TimedOut,
                Detail::Resource(RState::StartFailed),
            ),
            // A recovery plan, then the rest of the intent from its first step.
            rec(
                1,
                0,
                5,
                StepResult::Failed { exit: 3 },
                Detail::Group(RgState::Offline),
            ),
            rec(1, 1, 0, StepResult::Done, Detail::None),
            rec(2, 0, 7, StepResult::Done, Detail::Group(RgState::Online)),
            // A step out of order in the same plan (the in-flight stops after a failure).
            rec(2, 5, 1, StepResult::Done, Detail::None),
        ];
        let mut log = ExecLog::default();
        for e in pushed {
            log.push(e);
        }
        assert_eq!(log.len(), pushed.len());
        assert_eq!(log.runs.len(), 4);
        assert_eq!(log.unusual.len(), 2);
        let back: Vec<Executed> = log.iter().collect();
        for (a, b) in pushed.iter().zip(&back) {
            assert_eq!(
                (a.plan, a.index, a.duration_ms),
                (b.plan, b.index, b.duration_ms)
            );
            assert_eq!((a.result, a.detail), (b.result, b.detail));
        }
        assert_eq!(back.len(), pushed.len());
        assert!(log.get(pushed.len()).is_none());
        let last = log.iter().next_back().map(|e| e.index);
        assert_eq!(last, Some(5));
    }

    #[test]
    fn a_record_in_the_log_takes_six_bytes() {
        // A node failure at 10,000 resources runs about 13,000 steps, kept until the
        // transition is reported.
        assert_eq!(
            std::mem::size_of::<Detail>() + std::mem::size_of::<u32>(),
            6
        );
    }
}
