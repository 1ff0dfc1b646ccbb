//! What the RGM does after a failed method, per the resource's Failover_mode: the recovery
//! intent the executor re-plans with, and the same decision in words for the log.

use super::FailInfo;
use crate::engine::intent::Intent;
use crate::engine::settings;
use crate::engine::settings::FailoverMode;
use crate::model::{ClusterState, Method};

/// What the RGM does after a failed method: (recovery intent, hold the group in the rest of
/// the intent). `describe_recovery` says the same in words.
pub(super) fn recovery_for(state: &ClusterState, fail: &FailInfo) -> (Option<Intent>, bool) {
    let r = state.resources.get(&fail.resource);
    let rt = r.and_then(|r| state.resource_types.get(r.rtype.as_str()));
    let mode = r
        .map(|r| settings::failover_mode(rt, r))
        .unwrap_or(FailoverMode::None);
    let suspended = state
        .resource_groups
        .get(&fail.group)
        .is_some_and(|g| g.suspend_automatic_recovery);
    match fail.method {
        Method::Start | Method::PrenetStart
            if !suspended && !fail.ignore_start_failure && mode.relocates_on_start_failure() =>
        {
            (
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
            )
        }
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

/// The recovery text for a failure (same decision as `recovery_for`, without side effects).
pub(super) fn describe_recovery(state: &ClusterState, fail: &FailInfo) -> String {
    let r = state.resources.get(&fail.resource);
    let rt = r.and_then(|r| state.resource_types.get(r.rtype.as_str()));
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
            } else if fail.ignore_start_failure {
                format!(
                    "{} asked to ignore this failed start (scha_control -O IGNORE_FAILED_START): no failover; it stays Start_failed",
                    fail.resource
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
                    "{} is Error_stop_failed on {}; nothing moves it until an operator clears the STOP_FAILED flag of {} there",
                    fail.group, fail.node, fail.resource
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
