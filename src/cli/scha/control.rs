//! scha_control(1HA): `-O optag -G group -R resource`, a fault monitor's request to the RGM,
//! made on the node the command runs on. Silent; the exit status says whether the RGM accepted
//! it (0), refused it by its checks (16, SCHA_ERR_CHECKS), or could not take it (the group not
//! online there 9, unknown names 12/14, an unknown optag 4).

use super::{Spec, Want, parse, tag_list};
use crate::cli::Ctx;
use crate::engine::ControlOp;
use crate::error::Result;
use crate::query::scha::unknown_tag;
use crate::service::CommandLine;
use crate::service::scha::ControlRequest;
use std::ffi::OsString;

/// The optags of scha_control(1HA) that scsim carries out (the first four and the last three
/// since Sun Cluster 3.2's: CHANGE_STATE_*, IGNORE_FAILED_START, RESOURCE_DISABLE).
pub const CONTROL_TAGS: &[&str] = &[
    "CHANGE_STATE_OFFLINE",
    "CHANGE_STATE_ONLINE",
    "CHECK_GIVEOVER",
    "CHECK_RESTART",
    "GIVEOVER",
    "IGNORE_FAILED_START",
    "RESOURCE_DISABLE",
    "RESOURCE_IS_RESTARTED",
    "RESOURCE_RESTART",
    "RESTART",
];

fn spec() -> Spec {
    Spec {
        name: "scha_control",
        about: "Ask the RGM to restart or give over a resource or group (scha_control(1HA))",
        usage: "scha_control -O optag -G group -R resource [-Z zonename]",
        optag: Want::Required,
        group: Want::Required,
        resource: Want::Required,
        rtype: Want::No,
        quiet: false,
        status: false,
        zone: true,
        operands: false,
        after_help: format!(
            "The request is made on the node the command runs on (SCSIM_NODE or scsim on NODE),\n\
             where the group must be online. GIVEOVER moves the group to another node,\n\
             RESTART restarts the group there, RESOURCE_RESTART the resource,\n\
             RESOURCE_IS_RESTARTED only counts a restart; CHECK_GIVEOVER and CHECK_RESTART\n\
             run the checks and change nothing. Failover_mode, Retry_count/Retry_interval and\n\
             Pingpong_interval decide; a refusal exits 16 (SCHA_ERR_CHECKS).\n\
             Since 3.2: RESOURCE_DISABLE disables the resource on this node; CHANGE_STATE_ONLINE\n\
             and CHANGE_STATE_OFFLINE set the state of a proxy resource (Proxy type) here\n\
             without running a method; IGNORE_FAILED_START keeps the group where it is when\n\
             the resource's next start on this node fails. -Z names the zone cluster: only\n\
             the global cluster exists (global, or the cluster's name).\n\n\
             Examples:\n  \
             scha_control -O CHECK_GIVEOVER -G MAIL-RG -R mail-rs && \\\n    \
             scha_control -O GIVEOVER -G MAIL-RG -R mail-rs\n  \
             scha_control -O RESOURCE_RESTART -G MAIL-RG -R mail-rs\n  \
             scha_control -O RESOURCE_DISABLE -G MAIL-RG -R mail-rs\n  \
             scsim on mail-2 -- scha_control -O RESTART -G MAIL-RG -R mail-rs\n\n\
             Optags:\n{}",
            tag_list(CONTROL_TAGS)
        ),
    }
}

pub fn control_command() -> clap::Command {
    super::build(&spec())
}

/// The request an optag names, and whether only its checks run.
pub fn parse_optag(tag: &str) -> Result<(ControlOp, bool)> {
    Ok(match tag.to_ascii_uppercase().as_str() {
        "GIVEOVER" => (ControlOp::Giveover, false),
        "CHECK_GIVEOVER" => (ControlOp::Giveover, true),
        "RESTART" => (ControlOp::Restart, false),
        "CHECK_RESTART" => (ControlOp::Restart, true),
        "RESOURCE_RESTART" => (ControlOp::ResourceRestart, false),
        "RESOURCE_IS_RESTARTED" => (ControlOp::ResourceIsRestarted, false),
        "RESOURCE_DISABLE" => (ControlOp::ResourceDisable, false),
        "CHANGE_STATE_ONLINE" => (ControlOp::ChangeStateOnline, false),
        "CHANGE_STATE_OFFLINE" => (ControlOp::ChangeStateOffline, false),
        "IGNORE_FAILED_START" => (ControlOp::IgnoreFailedStart, false),
        _ => return Err(unknown_tag(tag, "scha_control", CONTROL_TAGS)),
    })
}

pub fn run_control(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let Some(w) = parse(ctx, &spec(), args)? else {
        return Ok(());
    };
    let (op, check_only) = parse_optag(&w.optag)?;
    let req = ControlRequest {
        op,
        check_only,
        group: w.group.unwrap_or_default(),
        resource: w.resource.unwrap_or_default(),
        zone: w.zone,
    };
    let now = ctx.now_ms()?;
    let cmd = CommandLine {
        prog: "scha_control",
        words: &words,
    };
    ctx.service.control(cmd, &req, now)?;
    Ok(())
}
