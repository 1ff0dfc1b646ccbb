//! Running one method through the [`MethodRunner`]: the launch/completion/failure lines, the
//! simulated time it took, and the resource state that follows from its outcome.

use super::record::{set_rg_state, set_rstate, set_status};
use super::recovery::describe_recovery;
use super::{
    CallOutcome, CallResult, FailInfo, Failure, MethodCall, MethodRunner, StepResult, Transition,
};
use crate::engine::events::{ID_COMPLETED, ID_FAILED, ID_LAUNCH, ID_TIMEOUT};
use crate::engine::{events, settings};
use crate::model::{ClusterState, Method, RState, RStatus, Resource, RgState};

/// Run a method of a resource in the state and apply what its outcome implies. Returns the
/// step's result and, when the failure calls for re-planning, the failure.
#[allow(clippy::too_many_arguments)]
pub(super) fn run_method(
    state: &mut ClusterState,
    resource: &str,
    group: &str,
    node: &str,
    method: Method,
    runner: &mut dyn MethodRunner,
    tr: &mut Transition,
) -> (StepResult, Option<FailInfo>) {
    let Some(r) = state.resources.get(resource) else {
        return (StepResult::Done, None);
    };
    let rt = state.resource_types.get(r.rtype.as_str());
    let timeout_s = settings::timeout_s(rt, r, method);
    let program = settings::method_program(rt, method);
    let call = MethodCall {
        resource,
        group,
        node,
        method,
        program: &program,
        timeout_s,
    };
    match method {
        Method::PrenetStart | Method::Start => {
            set_rstate(state, resource, group, node, RState::Starting)
        }
        Method::Stop | Method::PostnetStop => {
            set_rstate(state, resource, group, node, RState::Stopping)
        }
        _ => {}
    }
    let out = launch(state, &call, runner);
    match out.result {
        CallResult::Ok => {
            log_completed(state, &call, out);
            succeeded(state, &call);
            (StepResult::Done, None)
        }
        CallResult::Failed { .. } | CallResult::TimedOut => failed(state, &call, out, tr),
    }
}

/// Log the launch, run the call, and advance the clock by the time it took.
fn launch(
    state: &mut ClusterState,
    call: &MethodCall,
    runner: &mut dyn MethodRunner,
) -> CallOutcome {
    let (prog, timeout) = (call.program, call.timeout_s);
    let (resource, group, node) = (call.resource, call.group, call.node);
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
    let mut out = runner.call(call);
    state.clock.now_ms += out.duration_ms;
    if out.result == CallResult::Ok && crate::engine::agents::after_call(state, call).is_err() {
        out.result = CallResult::Failed { exit: 1 };
    }
    out
}

fn log_completed(state: &mut ClusterState, call: &MethodCall, out: CallOutcome) {
    let (prog, timeout) = (call.program, call.timeout_s);
    let (resource, group, node) = (call.resource, call.group, call.node);
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
}

fn log_timeout(state: &mut ClusterState, call: &MethodCall) {
    let prog = call.program;
    let (resource, group, node) = (call.resource, call.group, call.node);
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
}

/// The resource state a successful method leads to.
fn succeeded(state: &mut ClusterState, call: &MethodCall) {
    let (resource, group, node) = (call.resource, call.group, call.node);
    let rt = state
        .resources
        .get(resource)
        .and_then(|r| state.resource_types.get(r.rtype.as_str()));
    let has = |m: Method| rt.is_some_and(|t| t.has_method(m));
    let (has_start, has_postnet, has_monitor) = (
        has(Method::Start),
        has(Method::PostnetStop),
        has(Method::MonitorStart),
    );
    let on_msg = settings::status_message(rt, true);
    let off_msg = settings::status_message(rt, false);
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
    match call.method {
        Method::PrenetStart if !has_start => {
            online(state);
            take_ignore_failed_start(state, resource, node);
        }
        Method::Start => {
            online(state);
            take_ignore_failed_start(state, resource, node);
        }
        Method::MonitorStart => {
            let cur = state.resources[resource].state_on(node);
            if matches!(cur, RState::OnlineNotMonitored | RState::Online) {
                set_rstate(state, resource, group, node, RState::Online);
            }
        }
        Method::MonitorStop if state.resources[resource].state_on(node) == RState::Online => {
            set_rstate(state, resource, group, node, RState::OnlineNotMonitored);
        }
        Method::Stop if !has_postnet => offline(state),
        Method::PostnetStop => offline(state),
        _ => {}
    }
}

/// A method failed or timed out: log it, set the state it leaves, record the failure and the
/// recovery the RGM takes.
fn failed(
    state: &mut ClusterState,
    call: &MethodCall,
    out: CallOutcome,
    tr: &mut Transition,
) -> (StepResult, Option<FailInfo>) {
    let (resource, group, node, method) = (call.resource, call.group, call.node, call.method);
    let result = match out.result {
        CallResult::Failed { exit } => {
            let prog = call.program;
            let timeout = call.timeout_s;
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
            log_timeout(state, call);
            StepResult::TimedOut
        }
    };
    let ignore_start_failure = matches!(method, Method::PrenetStart | Method::Start)
        && take_ignore_failed_start(state, resource, node);
    let replan = set_failed_state(state, call);
    let info = FailInfo {
        resource: resource.to_string(),
        group: group.to_string(),
        node: node.to_string(),
        method,
        ignore_start_failure,
    };
    let recovery = describe_recovery(state, &info);
    events::rgmd(
        state,
        node,
        events::ID_RECOVERY,
        Some(group),
        Some(resource),
        recovery.clone(),
    );
    tr.failures.push(Failure {
        resource: resource.to_string(),
        group: group.to_string(),
        node: node.to_string(),
        method,
        timed_out: out.result == CallResult::TimedOut,
        recovery,
    });
    (result, replan.then_some(info))
}

/// Consume a `scha_control -O IGNORE_FAILED_START` request of `resource` on `node`: whether
/// there was one. It covers one start only, whatever its outcome.
fn take_ignore_failed_start(state: &mut ClusterState, resource: &str, node: &str) -> bool {
    state.resources.get_mut(resource).is_some_and(|r| {
        // Through `&` first: removing from an empty set would give the resource its extras.
        r.extras.ignore_failed_start.contains(node) && r.extras.ignore_failed_start.remove(node)
    })
}

/// The state a failed method leaves the resource (and group) in; true when the failure calls
/// for re-planning.
fn set_failed_state(state: &mut ClusterState, call: &MethodCall) -> bool {
    let (resource, group, node) = (call.resource, call.group, call.node);
    match call.method {
        Method::PrenetStart | Method::Start => {
            set_rstate(state, resource, group, node, RState::StartFailed);
            set_status(state, resource, group, node, RStatus::Faulted, "");
            let now = state.clock.now_ms;
            if let Some(g) = state.resource_groups.get_mut(group) {
                g.rare.start_failures.insert(node.to_string(), now);
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
    }
}

/// Run one method of a resource that need not be in the state yet (Validate of a resource
/// being created). Logs like any other method; returns the call's result.
pub fn call_unlisted(
    state: &mut ClusterState,
    r: &Resource,
    node: &str,
    method: Method,
    runner: &mut dyn MethodRunner,
) -> CallResult {
    let rt = state.resource_types.get(r.rtype.as_str());
    let program = settings::method_program(rt, method);
    let call = MethodCall {
        resource: &r.name,
        group: &r.group,
        node,
        method,
        program: &program,
        timeout_s: settings::timeout_s(rt, r, method),
    };
    let out = launch(state, &call, runner);
    match out.result {
        CallResult::Ok => log_completed(state, &call, out),
        CallResult::Failed { exit } => {
            let prog = call.program;
            let (resource, group) = (call.resource, call.group);
            events::rgmd_error(
                state,
                node,
                ID_FAILED,
                Some(group),
                Some(resource),
                format!(
                    "Method <{prog}> failed on resource <{resource}> in resource group <{group}>, node <{node}> [exit code <{exit}>]"
                ),
            )
        }
        CallResult::TimedOut => log_timeout(state, &call),
    }
    out.result
}

/// Share of the timeout a call used, in whole percent.
fn percent(duration_ms: u64, timeout_s: u64) -> u64 {
    (duration_ms / 10 / timeout_s.max(1)).min(100)
}
