//! `scha_control` requests (scha_control(1HA), scha_control(3HA)): the checks the RGM makes
//! before it accepts one, and what an accepted one does. A refusal is an error and changes
//! nothing: the group must be online on the requesting node (SCHA_ERR_STATE otherwise);
//! Failover_mode, Retry_count within Retry_interval, suspended recovery and the lack of a node
//! to give the group to (down, Pingpong_interval, affinities) refuse with SCHA_ERR_CHECKS.

use super::{Auto, Draft, err};
use crate::engine::ControlOp;
use crate::engine::plan::StepKind;
use crate::engine::settings::{self, FailoverMode};
use crate::error::{ErrorCode, Result};
use crate::model::{RState, Resource, ResourceGroup, RgState};

impl<'a> Draft<'a> {
    pub(super) fn control(
        &mut self,
        op: ControlOp,
        group: &str,
        resource: &str,
        node: &str,
    ) -> Result<()> {
        let g = self.group(group)?;
        let r = self.resource(resource)?;
        if r.group != g.name {
            return Err(err(
                ErrorCode::Rsrc,
                format!(
                    "resource {} is not in resource group {}; it is in {}",
                    r.name, g.name, r.group
                ),
            ));
        }
        let node = self.node_known(node)?;
        self.control_checks(op, g, r, &node)?;
        self.pre(StepKind::Control {
            op,
            resource: r.name.clone(),
            group: g.name.clone(),
            node: node.clone(),
        });
        match op {
            ControlOp::Giveover => {
                let reason = self.reason.clone();
                self.failover(g, &node, true, reason);
            }
            ControlOp::Restart => {
                self.keep(&g.name);
                self.aims.restart_units.insert((g.name.clone(), node));
            }
            ControlOp::ResourceRestart => {
                self.keep(&g.name);
                self.aims.res_restart.insert((r.name.clone(), node));
            }
            ControlOp::ResourceIsRestarted => {}
        }
        Ok(())
    }

    fn control_checks(
        &self,
        op: ControlOp,
        g: &ResourceGroup,
        r: &Resource,
        node: &str,
    ) -> Result<()> {
        let here = g.state_on(node);
        if !matches!(
            here,
            RgState::Online | RgState::OnlineFaulted | RgState::PendingOnlineBlocked
        ) || !self.st.cluster.is_up(node)
        {
            return Err(err(
                ErrorCode::State,
                format!(
                    "resource group {} is not online on {node} (it is {}): scha_control acts only on a node where the group is online",
                    g.name,
                    here.as_str()
                ),
            )
            .hint(format!(
                "run it on a node where {} is online: scsim on NODE -- scha_control …",
                g.name
            )));
        }
        let on_resource = matches!(
            op,
            ControlOp::ResourceRestart | ControlOp::ResourceIsRestarted
        );
        let rs = r.state_on(node);
        if on_resource
            && !matches!(
                rs,
                RState::Online | RState::OnlineNotMonitored | RState::MonitorFailed
            )
        {
            return Err(err(
                ErrorCode::State,
                format!(
                    "resource {} is not online on {node} (it is {}): there is nothing to restart",
                    r.name,
                    rs.as_str()
                ),
            ));
        }
        let refuse = |why: String| {
            err(
                ErrorCode::Checks,
                format!("-O {} for resource {} refused: {why}", op.optag(), r.name),
            )
        };
        let set = |lead: &str, prop: &str, value: String| {
            crate::fix::Hint::lead(
                lead,
                crate::fix::Fix::SetResourceProperty {
                    r: r.name.clone(),
                    prop: prop.to_string(),
                    value,
                    extension: false,
                },
            )
        };
        if g.suspend_automatic_recovery && op != ControlOp::ResourceIsRestarted {
            return Err(
                refuse(format!("automatic recovery of {} is suspended", g.name)).hint(
                    crate::fix::Hint::lead(
                        "resume it with: ",
                        crate::fix::Fix::ResumeGroup { g: g.name.clone() },
                    ),
                ),
            );
        }
        if self.frozen(g) {
            return Err(refuse(format!("{} is in Error_stop_failed", g.name)).hint(
                crate::fix::Hint::lead(
                    "clear it first: ",
                    crate::fix::Fix::ClearStopFailed {
                        r: "RESOURCE".into(),
                        node: "NODE".into(),
                    },
                ),
            ));
        }
        let rt = self.rt(r);
        let mode = settings::failover_mode(rt, r);
        match (mode, op) {
            (_, ControlOp::ResourceIsRestarted) => {}
            (FailoverMode::LogOnly, _) => {
                return Err(refuse(
                    "its Failover_mode is LOG_ONLY: the RGM only logs its failures".to_string(),
                )
                .hint(set(
                    "to let its monitor restart or give over: ",
                    "Failover_mode",
                    "SOFT".into(),
                )));
            }
            (FailoverMode::RestartOnly, ControlOp::Giveover | ControlOp::Restart) => {
                return Err(refuse(
                    "its Failover_mode is RESTART_ONLY: only RESOURCE_RESTART is allowed"
                        .to_string(),
                )
                .hint(set("to allow it: ", "Failover_mode", "SOFT".into())));
            }
            (FailoverMode::RestartOnly, ControlOp::ResourceRestart) => {
                let rc = settings::retry_count(rt, r);
                let window = settings::retry_interval_ms(rt, r);
                let recent = r
                    .restart_history
                    .iter()
                    .filter(|t| self.now.saturating_sub(**t) < window)
                    .count() as i64;
                if rc >= 0 && recent >= rc {
                    return Err(refuse(format!(
                        "Retry_count {rc} restarts within Retry_interval {} s are used up (Failover_mode RESTART_ONLY)",
                        window / 1000
                    ))
                    .hint(set(
                        "wait until Retry_interval has passed, or allow more: ",
                        "Retry_count",
                        (rc + 1).to_string(),
                    )));
                }
            }
            _ => {}
        }
        if op == ControlOp::Giveover {
            self.giveover_target(g, node).map_err(|why| {
                refuse(format!("no other node can take {}: {why}", g.name)).hint(
                    "bring a node of its Nodelist up, or wait until Pingpong_interval has passed",
                )
            })?;
        }
        Ok(())
    }

    /// A node other than `from` that may take `g` by GIVEOVER, or why there is none.
    fn giveover_target(&self, g: &ResourceGroup, from: &str) -> Result<String, String> {
        let a = Auto {
            exclude: vec![from.to_string()],
            giveover: true,
            ..Auto::default()
        };
        let mastered = self.mastered(g);
        let mut why = Vec::new();
        for n in &g.nodelist {
            if n == from {
                continue;
            }
            if mastered.contains(n) {
                why.push(format!("{n} already masters it"));
                continue;
            }
            match self.ineligible(g, n, &a, false) {
                None => return Ok(n.clone()),
                Some((reason, _)) => why.push(reason),
            }
        }
        if why.is_empty() {
            why.push(format!("its Nodelist is only {from}"));
        }
        Err(why.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::plan::StepKind;
    use crate::engine::{ControlOp, Intent, planner, testkit};
    use crate::error::ErrorCode;

    const NOW: u64 = 1_700_000_000_000;

    fn req(op: ControlOp, node: &str) -> Intent {
        Intent::Control {
            op,
            group: "MAIL-RG".into(),
            resource: "mail-rs".into(),
            node: node.into(),
        }
    }

    #[test]
    fn giveover_plans_the_move_after_the_request() {
        let s = testkit::seed(NOW);
        let p = planner::plan(&s, &req(ControlOp::Giveover, "mail-1"), NOW).unwrap();
        assert!(matches!(
            &p.steps[0].kind,
            StepKind::Control { op: ControlOp::Giveover, node, .. } if node == "mail-1"
        ));
        assert!(p.steps.iter().any(|st| matches!(
            &st.kind,
            StepKind::Method { node, .. } if node == "mail-2"
        )));
    }

    #[test]
    fn refusals() {
        let mut s = testkit::seed(NOW);
        let code = |s: &crate::model::ClusterState, op, n| {
            planner::plan(s, &req(op, n), NOW).unwrap_err().code
        };
        assert_eq!(code(&s, ControlOp::Giveover, "mail-2"), ErrorCode::State);
        s.resource_groups
            .get_mut("MAIL-RG")
            .unwrap()
            .giveovers
            .insert("mail-2".into(), NOW - 1000);
        assert_eq!(code(&s, ControlOp::Giveover, "mail-1"), ErrorCode::Checks);
        // RESOURCE_IS_RESTARTED only counts: allowed even under LOG_ONLY.
        s.resources.get_mut("mail-rs").unwrap().properties.insert(
            "Failover_mode".into(),
            crate::model::PropValue::Str("LOG_ONLY".into()),
        );
        assert_eq!(
            code(&s, ControlOp::ResourceRestart, "mail-1"),
            ErrorCode::Checks
        );
        let p = planner::plan(&s, &req(ControlOp::ResourceIsRestarted, "mail-1"), NOW).unwrap();
        assert_eq!(p.steps.len(), 1);
    }
}
