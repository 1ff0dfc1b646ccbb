//! Recovery intents: a fault monitor reports a failure (restart in place, give over, or log
//! only, per Failover_mode and Retry_count), and failover of a group off a node.

use super::{Auto, Draft, Goal, err};
use crate::engine::index::AffKind;
use crate::engine::plan::{MonitorDecision, StepKind};
use crate::engine::settings;
use crate::error::{ErrorCode, Result};
use crate::model::Name;
use crate::model::{RState, Resource, ResourceGroup};

impl<'a> Draft<'a> {
    pub(super) fn monitor_failure(&mut self, resource: &str, node: &str) -> Result<()> {
        let r = self.resource(resource)?;
        let node = self.node_known(node)?;
        let g = self.group(&r.group)?;
        let s = r.state_on(&node);
        if !matches!(
            s,
            RState::Online | RState::OnlineNotMonitored | RState::MonitorFailed
        ) || !self.st.cluster.is_up(&node)
        {
            let on: Vec<&str> = r
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
                        format!(" ({})", on.join(","))
                    }
                ),
            ));
        }
        let rt = self.rt(r);
        let (decision, why) = self.monitor_decision(r, g);
        self.reason = format!("{}: {why}", self.reason);
        self.pre(StepKind::MonitorReport {
            resource: r.name.as_str().into(),
            node: node.as_str().into(),
            decision,
        });
        match decision {
            MonitorDecision::Restart { .. } => {
                if settings::is_ims(rt) {
                    self.pre(StepKind::PmfRestart {
                        resource: r.name.as_str().into(),
                        node: node.as_str().into(),
                    });
                } else {
                    self.keep(&g.name);
                    self.aims
                        .res_restart
                        .insert((r.name.to_string(), node.clone()));
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

    /// What the RGM does about a fault-monitor report of `r` (in `g`), and why: restart in
    /// place within Retry_count, give the group over when retries are exhausted, or only log
    /// (suspended recovery, Error_stop_failed, Failover_mode).
    fn monitor_decision(&self, r: &Resource, g: &ResourceGroup) -> (MonitorDecision, String) {
        let rt = self.rt(r);
        let mode = settings::failover_mode(rt, r);
        let rc = settings::retry_count(rt, r);
        let window = settings::retry_interval_ms(rt, r);
        let recent = r
            .extras
            .restart_history
            .iter()
            .filter(|t| self.now.saturating_sub(**t) < window)
            .count();
        if g.suspend_automatic_recovery {
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
                    // An attempt number beyond 16 bits is shown as the largest.
                    attempt: u16::try_from(recent.saturating_add(1)).unwrap_or(u16::MAX),
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
        }
    }

    /// Move `g` (or the group it delegates failover to with `+++`) off `from`.
    pub(super) fn failover(
        &mut self,
        g: &'a ResourceGroup,
        from: &str,
        giveover: bool,
        reason: String,
    ) {
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
                exclude: vec![Name::from(from)],
                sticky: true,
                giveover,
                fallback_current: true,
                ..Auto::default()
            }),
            Some(reason),
        );
    }
}
