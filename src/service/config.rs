//! Configuration changes (scrgadm today; clrg/clrs create/set/delete later).

use super::{ClusterBackend, CommandLine, Mode, Service};
use crate::admin;
pub use crate::admin::names::split_list;
pub use crate::admin::{NetKind, PrintRequest, PropArg, PropOp, Request, RtrFile};
use crate::error::Result;

/// A configuration change that was made, or (dry run) would be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Configured {
    /// One line saying what the change does (`create resource R of type T in group G …`).
    pub description: String,
}

impl<B: ClusterBackend> Service<B> {
    /// Apply a configuration change: log the command, prepare the change against the state,
    /// run Validate on the resource as it would be, run the reactions due before it (Fini of a
    /// removed resource), commit it, run the reactions due after it (Init, Update, bringing
    /// groups in line), write the state. Nothing is written when any step fails, or in
    /// [`Mode::DryRun`] (prepare and Validate only). Warnings about how the request was read
    /// are pushed to `warnings` as soon as the change is prepared (also when a later step
    /// fails).
    pub fn configure(
        &mut self,
        cmd: CommandLine,
        req: &Request,
        mode: Mode,
        now_ms: u64,
        warnings: &mut Vec<String>,
    ) -> Result<Configured> {
        let mut s = self.open(mode, now_ms)?;
        // The command line is logged first, before the methods it triggers.
        s.log_command(cmd);
        let plan = admin::prepare(s.state(), req)?;
        warnings.extend(plan.warnings.iter().cloned());
        let (state, backend, now) = s.parts();
        if let Some(r) = plan.proposed_resource() {
            backend.validate(state, r, now)?;
        }
        let description = plan.describe();
        if mode.is_dry_run() {
            return Ok(Configured { description });
        }
        for ev in plan.pre_events() {
            backend.config_event(state, &ev, now)?;
        }
        let outcome = admin::commit(state, plan);
        for ev in &outcome.events {
            backend.config_event(state, ev, now)?;
        }
        backend.committed(state, now)?;
        s.commit()?;
        Ok(Configured { description })
    }
}
