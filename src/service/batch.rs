//! Several steps of one command in one transaction: the object CLI's verbs that do what
//! several 3.1 commands did (`clrg delete -F`: offline, disable, remove the resources, remove
//! the group; `clrg online -M`: manage, then bring online; an operand list or `+`: the same
//! verb on every object). One lock, one read, one commit; a failing step writes nothing.

use super::session::Session;
use super::{ClusterBackend, CommandLine, Intent, Mode, Service, Transition, Unmet};
use crate::admin::{self, Request};
use crate::engine::check;
use crate::error::Result;
use crate::model::ClusterState;

/// One step: a configuration change or a runtime intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Configure(Request),
    Intent(Intent),
}

/// What the steps did.
#[derive(Debug)]
pub struct Batch {
    /// One line per configuration step saying what it did (or would do).
    pub descriptions: Vec<String>,
    /// The transitions of the intent steps, in order.
    pub transitions: Vec<Transition>,
    /// Requested results an intent step did not reach (checked right after the step).
    pub unmet: Vec<Unmet>,
    /// Warnings about how the steps were read or what they left behind.
    pub warnings: Vec<String>,
    /// The state after the last step (what was written, or would be).
    pub state: ClusterState,
}

impl Batch {
    /// Every step reached what it asked for: no method failed, nothing is unmet.
    pub fn reached(&self) -> bool {
        self.unmet.is_empty() && self.transitions.iter().all(|t| t.failures.is_empty())
    }
    /// The group to look at when something was not reached.
    pub fn group_to_inspect(&self) -> Option<&str> {
        self.transitions
            .iter()
            .flat_map(|t| t.failures.first())
            .map(|f| f.group.as_str())
            .next()
            .or_else(|| self.unmet.first().map(|u| u.subject()))
    }
}

impl<B: ClusterBackend> Service<B> {
    /// Run `steps` in order on one state and commit once (nothing in [`Mode::DryRun`], or when
    /// a step is refused). The command is logged once, before the first step.
    pub fn run_steps(
        &mut self,
        cmd: CommandLine,
        steps: &[Step],
        mode: Mode,
        now_ms: u64,
    ) -> Result<Batch> {
        let mut s = self.open(mode, now_ms)?;
        s.log_command(cmd);
        s.catch_up_clock();
        let mut descriptions = Vec::new();
        let mut transitions = Vec::new();
        let mut unmet = Vec::new();
        let mut warnings = Vec::new();
        for step in steps {
            match step {
                Step::Configure(req) => {
                    descriptions.push(configure_in(&mut s, req, &mut warnings)?);
                }
                Step::Intent(intent) => {
                    let tr = s.apply_intent(intent)?;
                    unmet.extend(check::unmet(s.state(), intent));
                    warnings.extend(check::warnings(s.state(), &tr.groups(s.state())));
                    transitions.push(tr);
                }
            }
        }
        // Only intents, none of which executed anything: nothing changed, nothing is written (as
        // for a single intent; membership events are not steps of a batch).
        let idle = descriptions.is_empty() && transitions.iter().all(|t| t.executed.is_empty());
        let state = if idle { s.abandon() } else { s.finish()? };
        Ok(Batch {
            descriptions,
            transitions,
            unmet,
            warnings,
            state,
        })
    }
}

/// One configuration change inside a session (committed into the session's state, which in a
/// dry run is a copy).
fn configure_in<B: ClusterBackend>(
    s: &mut Session<'_, B>,
    req: &Request,
    warnings: &mut Vec<String>,
) -> Result<String> {
    let plan = admin::prepare(s.state(), req)?;
    warnings.extend(plan.warnings.iter().cloned());
    let (state, backend, now) = s.parts();
    if let Some(r) = plan.proposed_resource() {
        backend.validate(state, r, now)?;
    }
    let description = plan.describe();
    for ev in plan.pre_events() {
        backend.config_event(state, &ev, now)?;
    }
    let outcome = admin::commit(state, plan);
    for ev in &outcome.events {
        backend.config_event(state, ev, now)?;
    }
    Ok(description)
}
