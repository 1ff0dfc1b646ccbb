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
use crate::model::Name;
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
        match op {
            ControlOp::IgnoreFailedStart => self.ignore_checks(g, r, &node)?,
            ControlOp::ChangeStateOnline | ControlOp::ChangeStateOffline => {
                self.proxy_checks(op, g, r, &node)?;
            }
            _ => self.control_checks(op, g, r, &node)?,
        }
        self.pre(StepKind::Control {
            op,
            resource: r.name.as_str().into(),
            node: node.as_str().into(),
        });
        match op {
            ControlOp::Giveover => {
                let reason = self.reason.clone();
                self.failover(g, &node, true, reason);
            }
            ControlOp::Restart => {
                self.keep(&g.name);
                self.aims.restart_units.insert((g.name.to_string(), node));
            }
            ControlOp::ResourceRestart => {
                self.keep(&g.name);
                self.aims.res_restart.insert((r.name.to_string(), node));
            }
            ControlOp::ResourceIsRestarted | ControlOp::IgnoreFailedStart => {}
            ControlOp::ResourceDisable => {
                self.node_switch(&[r.name.to_string()], &[node], false, false)?;
            }
            ControlOp::ChangeStateOnline | ControlOp::ChangeStateOffline => {
                let online = op == ControlOp::ChangeStateOnline;
                self.pre(StepKind::Mark {
                    resource: r.name.as_str().into(),
                    node: node.as_str().into(),
                    online,
                });
                // Its offline-restart dependents follow: stopped while it is offline, started
                // again when it is back (in their own groups too).
                self.after
                    .marked
                    .insert((r.name.to_string(), node.clone()), online);
                self.keep(&g.name);
                let dependents: Vec<String> = self
                    .st
                    .resources
                    .values()
                    .filter(|d| {
                        d.dependencies
                            .get(crate::model::DepKind::OfflineRestart)
                            .iter()
                            .any(|x| crate::engine::index::dep_target(x) == r.name)
                    })
                    .map(|d| d.group.to_string())
                    .collect();
                for dg in dependents {
                    self.keep(&dg);
                }
            }
        }
        Ok(())
    }

    /// The group must be online on the requesting node (SCHA_ERR_STATE otherwise).
    fn online_here(&self, g: &ResourceGroup, node: &str) -> Result<()> {
        let here = g.state_on(node);
        if matches!(
            here,
            RgState::Online | RgState::OnlineFaulted | RgState::PendingOnlineBlocked
        ) && self.st.cluster.is_up(node)
        {
            return Ok(());
        }
        Err(err(
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
        )))
    }

    /// CHANGE_STATE_ONLINE / CHANGE_STATE_OFFLINE: a resource of a proxy type (Proxy = TRUE),
    /// enabled on a node where its group is online.
    fn proxy_checks(
        &self,
        op: ControlOp,
        g: &ResourceGroup,
        r: &Resource,
        node: &str,
    ) -> Result<()> {
        if !self.rt(r).is_some_and(|t| t.proxy) {
            return Err(err(
                ErrorCode::Inval,
                format!(
                    "-O {} for resource {}: its type {} is not a proxy type (Proxy = TRUE in its RTR file); only a proxy resource has its state set by its monitor",
                    op.optag(),
                    r.name,
                    r.rtype
                ),
            )
            .hint(format!(
                "to stop and start {} with its methods: scha_control -O RESOURCE_RESTART -G {} -R {}",
                r.name, g.name, r.name
            )));
        }
        self.online_here(g, node)?;
        if !self.enabled_after_on(r, node) {
            return Err(err(
                ErrorCode::State,
                format!(
                    "-O {} for resource {}: it is disabled on {node}",
                    op.optag(),
                    r.name
                ),
            )
            .hint(crate::fix::Hint::lead(
                "enable it there first: ",
                crate::fix::Fix::SwitchResource {
                    r: r.name.to_string(),
                    on: true,
                    monitor: false,
                    nodes: vec![node.to_string()],
                },
            )));
        }
        Ok(())
    }

    /// IGNORE_FAILED_START: asked from a Prenet_start or Start method, so the group is not
    /// online there yet; the node must be one where the resource can start.
    fn ignore_checks(&self, g: &ResourceGroup, r: &Resource, node: &str) -> Result<()> {
        if g.nodelist.iter().any(|n| n == node) {
            return Ok(());
        }
        Err(err(
            ErrorCode::Node,
            format!(
                "-O IGNORE_FAILED_START for resource {}: {node} is not in the Nodelist of resource group {}, so {} never starts there",
                r.name, g.name, r.name
            ),
        ))
    }

    fn control_checks(
        &self,
        op: ControlOp,
        g: &ResourceGroup,
        r: &Resource,
        node: &str,
    ) -> Result<()> {
        self.online_here(g, node)?;
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
                    r: r.name.to_string(),
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
                        crate::fix::Fix::ResumeGroup {
                            g: g.name.to_string(),
                        },
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
            (
                FailoverMode::RestartOnly,
                ControlOp::Giveover | ControlOp::Restart | ControlOp::ResourceDisable,
            ) => {
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
                    .extras
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
            exclude: vec![Name::from(from)],
            giveover: true,
            ..Auto::default()
        };
        let mastered = self.mastered(g);
        let mut why = Vec::new();
        for n in &g.nodelist {
            if n == from {
                continue;
            }
            if mastered.iter().any(|x| x == n.as_str()) {
                why.push(format!("{n} already masters it"));
                continue;
            }
            match self.ineligible(g, n, &a, false) {
                None => return Ok(n.to_string()),
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
            .rare
            .giveovers
            .insert("mail-2".into(), NOW - 1000);
        assert_eq!(code(&s, ControlOp::Giveover, "mail-1"), ErrorCode::Checks);
        // RESOURCE_IS_RESTARTED only counts: allowed even under LOG_ONLY.
        s.resources.get_mut("mail-rs").unwrap().properties.insert(
            "Failover_mode",
            crate::model::PropValue::Str("LOG_ONLY".into()),
        );
        assert_eq!(
            code(&s, ControlOp::ResourceRestart, "mail-1"),
            ErrorCode::Checks
        );
        let p = planner::plan(&s, &req(ControlOp::ResourceIsRestarted, "mail-1"), NOW).unwrap();
        assert_eq!(p.steps.len(), 1);
    }

    #[test]
    fn the_32_requests() {
        let mut s = testkit::seed(NOW);
        s.cluster.release = crate::model::Release::V32;
        // RESOURCE_DISABLE: the per-node switch off on the requesting node only.
        let p = planner::plan(&s, &req(ControlOp::ResourceDisable, "mail-1"), NOW).unwrap();
        assert!(p.steps.iter().any(|st| matches!(
            &st.kind,
            StepKind::SetNodeSwitch { resource, node, on: false, monitor: false }
                if resource == "mail-rs" && node == "mail-1"
        )));
        // CHANGE_STATE_*: proxy types only; then a mark, no method.
        let code = |s: &crate::model::ClusterState, op, n| {
            planner::plan(s, &req(op, n), NOW).unwrap_err().code
        };
        assert_eq!(
            code(&s, ControlOp::ChangeStateOffline, "mail-1"),
            ErrorCode::Inval
        );
        let rt = s.resources["mail-rs"].rtype;
        s.resource_types.get_mut(rt.as_str()).unwrap().proxy = true;
        let p = planner::plan(&s, &req(ControlOp::ChangeStateOffline, "mail-1"), NOW).unwrap();
        assert!(
            p.steps
                .iter()
                .all(|st| !matches!(st.kind, StepKind::Method { .. }))
        );
        assert!(p.steps.iter().any(|st| matches!(
            &st.kind,
            StepKind::Mark { online: false, node, .. } if node == "mail-1"
        )));
        assert_eq!(
            code(&s, ControlOp::ChangeStateOnline, "mail-2"),
            ErrorCode::State
        );
        // IGNORE_FAILED_START: any Nodelist node, online there or not.
        planner::plan(&s, &req(ControlOp::IgnoreFailedStart, "mail-2"), NOW).unwrap();
        s.resource_groups
            .get_mut("MAIL-RG")
            .unwrap()
            .nodelist
            .retain(|n| n == "mail-1");
        assert_eq!(
            code(&s, ControlOp::IgnoreFailedStart, "mail-2"),
            ErrorCode::Node
        );
    }
}
