//! Step 6 of planning: the ordered method steps of each unit (stops in reverse dependency
//! order, starts dependees first, Pending/settle steps around each changing unit).

use super::Draft;
use super::actions::{Act, Unit};
use crate::engine::plan::{Name, Settle, Step, StepKind};
use crate::fasthash::FastSet;
use crate::model::{Method, RState, RgState};

impl<'a> Draft<'a> {
    pub(super) fn emit_stop(&self, u: &Unit, out: &mut Vec<Step>) {
        // One text shared by the unit's steps.
        let reason: crate::engine::plan::Reason = self.reason_of(u.rg).into();
        let leaving = u.before && !u.after;
        let stops: Vec<(&str, bool)> = u
            .acts
            .iter()
            .filter_map(|(r, a)| match a {
                Act::Stop => Some((*r, false)),
                Act::Restart { short } => Some((*r, *short)),
                _ => None,
            })
            .collect();
        let offs: Vec<&str> = u
            .acts
            .iter()
            .filter(|(_, a)| *a == Act::MonitorOff)
            .map(|(r, _)| *r)
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
                rg: Name::from(u.rg),
                node: u.node,
                state: RgState::PendingOffline,
            });
        }
        let method = |r: &str, m: Method| StepKind::Method {
            resource: Name::from(r),
            node: u.node,
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
                    resource: Name::from(*r),
                    node: u.node,
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
                rg: Name::from(u.rg),
                node: u.node,
                mode: Settle::Offline,
            });
        }
    }

    pub(super) fn emit_start(&self, u: &Unit, out: &mut Vec<Step>) {
        if !u.after {
            return;
        }
        // One text shared by the unit's steps.
        let reason: crate::engine::plan::Reason = self.reason_of(u.rg).into();
        let entering = !u.before;
        // (resource, skip Prenet_start)
        let starts: Vec<(&str, bool)> = u
            .acts
            .iter()
            .filter_map(|(r, a)| match a {
                Act::Start => Some((*r, false)),
                Act::Resume => Some((*r, true)),
                Act::Restart { short } => Some((*r, *short)),
                _ => None,
            })
            .collect();
        let ons: Vec<&str> = u
            .acts
            .iter()
            .filter(|(_, a)| *a == Act::MonitorOn)
            .map(|(r, _)| *r)
            .collect();
        let mut steps: Vec<StepKind> = Vec::new();
        if entering || u.restart {
            steps.push(StepKind::RgPending {
                rg: Name::from(u.rg),
                node: u.node,
                state: RgState::PendingOnline,
            });
        }
        let method = |r: &str, m: Method| StepKind::Method {
            resource: Name::from(r),
            node: u.node,
            method: m,
        };
        let mut dg_seen: FastSet<String> = FastSet::default();
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
                    resource: Name::from(*r),
                    node: u.node,
                    online: true,
                });
            } else if *short && !self.has(r, Method::Start) {
                // A restart of a type whose only start method is Prenet_start.
                let resumed = u.acts.iter().any(|(x, a)| x == r && *a == Act::Resume);
                if !resumed {
                    steps.push(method(r, Method::PrenetStart));
                }
            }
            if self.monitored_after_on(res, &u.node) && self.has(r, Method::MonitorStart) {
                steps.push(method(r, Method::MonitorStart));
            }
        }
        for r in ons {
            steps.push(method(r, Method::MonitorStart));
        }
        steps.push(StepKind::RgSettle {
            rg: Name::from(u.rg),
            node: u.node,
            mode: Settle::Online,
        });
        out.extend(steps.into_iter().map(|kind| Step {
            kind,
            reason: reason.clone(),
        }));
    }
}
