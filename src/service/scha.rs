//! The changing scha_* commands: `scha_resource_setstatus` (the status an agent reports for
//! its resource on the node it runs on) and `scha_control` (a fault monitor's request to the
//! RGM, carried out on the node it runs on).

use super::{ClusterBackend, CommandLine, Mode, Service};
use crate::error::Result;
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
}

impl<B: ClusterBackend> Service<B> {
    /// Set a resource's status and message on the node the command runs on; returns that node.
    /// Unknown group (12), resource (14) or local node (11) change nothing.
    pub fn set_status(
        &mut self,
        cmd: CommandLine,
        req: &StatusRequest,
        mode: Mode,
        now_ms: u64,
    ) -> Result<String> {
        let mut s = self.open(mode, now_ms)?;
        q::resource_in(s.state(), &req.resource, Some(&req.group))?;
        let node = s.checked_local_node()?;
        s.log_command(cmd);
        let (state, backend, now) = s.backend_parts();
        backend.set_status(state, &req.resource, &node, req.status, &req.message, now);
        s.finish()?;
        Ok(node)
    }
}
