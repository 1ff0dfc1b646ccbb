//! The changing scha_* commands: `scha_resource_setstatus` (the status an agent reports for
//! its resource on the node it runs on) and `scha_control` (a fault monitor's request to the
//! RGM, carried out on the node it runs on, through the backend like any intent).

use super::{ClusterBackend, CommandLine, Intent, Mode, Service, Transition};
use crate::engine::ControlOp;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::RStatus;
use crate::query::scha as q;

/// What `scha_resource_setstatus` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRequest {
    pub resource: String,
    pub group: String,
    pub status: RStatus,
    /// Empty: no message (clears the one set before).
    pub message: String,
    /// `-Z zonename` (3.2 and later; only the global cluster exists).
    pub zone: Option<String>,
}

impl<B: ClusterBackend> Service<B> {
    /// Set a resource's status and message on the node the command runs on; returns that node.
    /// Unknown group (12), resource (14) or local node (11), and a message with a control
    /// character or over the value limit (3), change nothing.
    pub fn set_status(
        &mut self,
        cmd: CommandLine,
        req: &StatusRequest,
        mode: Mode,
        now_ms: u64,
    ) -> Result<String> {
        if let Some(why) = crate::admin::names::value_chars_reason(&req.message) {
            return Err(ScError::inval(format!(
                "-m: the status message of {} is refused: {why}",
                req.resource
            )));
        }
        let mut s = self.open(mode, now_ms)?;
        q::zone(s.state(), req.zone.as_deref())?;
        q::resource_in(s.state(), &req.resource, Some(&req.group))?;
        let node = s.checked_local_node()?;
        s.log_command(cmd);
        let (state, backend, now) = s.backend_parts();
        backend.set_status(state, &req.resource, &node, req.status, &req.message, now);
        s.commit()?;
        Ok(node)
    }
}

/// What `scha_control` asks for: the request, and whether only its checks run (`CHECK_GIVEOVER`,
/// `CHECK_RESTART`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlRequest {
    pub op: ControlOp,
    pub check_only: bool,
    pub group: String,
    pub resource: String,
    /// `-Z zonename` (3.2 and later; only the global cluster exists).
    pub zone: Option<String>,
}

/// An accepted `scha_control` request.
#[derive(Debug)]
pub struct Controlled {
    /// The node it ran on.
    pub node: String,
    /// What the RGM did (`None` for a CHECK_ request, which does nothing).
    pub transition: Option<Transition>,
}

impl<B: ClusterBackend> Service<B> {
    /// Carry out a `scha_control` request on the node the command runs on. A refusal (the
    /// RGM's checks, unknown names, the group not online there) is an error and changes
    /// nothing; a CHECK_ request runs the same checks on a copy and changes nothing either.
    pub fn control(
        &mut self,
        cmd: CommandLine,
        req: &ControlRequest,
        now_ms: u64,
    ) -> Result<Controlled> {
        let mode = if req.check_only {
            Mode::DryRun
        } else {
            Mode::Apply
        };
        let mut s = self.open(mode, now_ms)?;
        let release = s.state().cluster.release;
        if req.op.since_32() && !release.has_32_features() {
            return Err(ScError::new(
                ErrorCode::Tag,
                format!(
                    "{} is not an optag of scha_control on {}: it came with Sun Cluster 3.2",
                    req.op.optag(),
                    release.product()
                ),
            )
            .hint("scha_control --help lists its optags"));
        }
        q::zone(s.state(), req.zone.as_deref())?;
        q::resource_in(s.state(), &req.resource, Some(&req.group))?;
        let node = s.checked_local_node()?;
        let intent = Intent::Control {
            op: req.op,
            group: req.group.clone(),
            resource: req.resource.clone(),
            node: node.clone(),
        };
        s.log_command(cmd);
        s.catch_up_clock();
        let transition = s.apply_intent(&intent)?;
        s.commit()?;
        Ok(Controlled {
            node,
            transition: (!req.check_only).then_some(transition),
        })
    }
}
