//! Running one method through the [`MethodRunner`]: the launch/completion/failure lines, the
//! simulated time it took, and the resource state that follows from its outcome.

use super::record::{set_rg_state, set_rstate, set_status};
use super::recovery::describe_recovery;
use super::{CallResult, FailInfo, Failure, MethodCall, MethodRunner, StepResult, Transition};
use crate::engine::events::{ID_COMPLETED, ID_FAILED, ID_LAUNCH, ID_TIMEOUT};
use crate::engine::{events, settings};
use crate::model::{ClusterState, Method, RState, RStatus, RgState};

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
    let out = runner.call(&call);
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

/// Run one method of a resource that need not be in the state yet (Validate of a resource
/// being created). Logs like any other method; returns the call's result.
pub fn call_unlisted(
    state: &mut ClusterState,
    r: &crate::model::Resource,
    node: &str,
    method: Method,
    runner: &mut dyn MethodRunner,
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
    let out = runner.call(&call);
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

/// Share of the timeout a call used, in whole percent.
pub(super) fn percent(duration_ms: u64, timeout_s: u64) -> u64 {
    (duration_ms / 10 / timeout_s.max(1)).min(100)
}
