//! Runtime intents: scswitch forms, node membership events, what-ifs.

use super::{ClusterBackend, CommandLine, Intent, Mode, Service, Transition, Unmet};
use crate::engine::check;
use crate::error::Result;
use crate::model::ClusterState;

/// An intent that ran: what happened, where the cluster ended, and whether the request was
/// met.
#[derive(Debug)]
pub struct Applied {
    pub transition: Transition,
    /// The state after the intent (written in [`Mode::Apply`], a copy in [`Mode::DryRun`]).
    pub state: ClusterState,
    /// What the intent asked for and did not get (empty: reached).
    pub unmet: Vec<Unmet>,
    /// Worth telling even on success: resources waiting for a dependee in another group.
    pub warnings: Vec<String>,
}

impl Applied {
    /// No method failed and the requested result was reached.
    pub fn reached(&self) -> bool {
        self.transition.failures.is_empty() && self.unmet.is_empty()
    }

    /// The group to look at when the result was not reached: the first failure's, else the
    /// first unmet object's.
    pub fn group_to_inspect(&self) -> Option<&str> {
        self.transition
            .failures
            .first()
            .map(|f| f.group.as_str())
            .or_else(|| self.unmet.first().map(|u| u.subject()))
    }
}

impl<B: ClusterBackend> Service<B> {
    /// Run one intent: log the command, carry the intent out, write the state (nothing is
    /// logged or written in [`Mode::DryRun`], or when the intent is refused).
    pub fn apply_intent(
        &mut self,
        cmd: CommandLine,
        intent: &Intent,
        mode: Mode,
        now_ms: u64,
    ) -> Result<Applied> {
        let mut s = self.open(mode, now_ms)?;
        s.log_command(cmd);
        s.catch_up_clock();
        let transition = s.apply_intent(intent)?;
        // A request that executed nothing changed nothing: nothing is written, not even the
        // command's log line, so the file and its generation stay as they were. Membership
        // events change the cluster even when no method runs.
        let membership = matches!(intent, Intent::NodeDown { .. } | Intent::NodeUp { .. });
        // A state bound to Pacemaker runs no SC methods: what Pacemaker did is the placement
        // read back into it, so it is always written.
        let bound = s.state().backend.is_some();
        let state = if transition.executed.is_empty() && !membership && !bound {
            s.abandon()
        } else {
            s.finish()?
        };
        let unmet = check::unmet(&state, intent);
        let warnings = check::warnings(&state, &transition.groups(&state));
        Ok(Applied {
            transition,
            state,
            unmet,
            warnings,
        })
    }
}
