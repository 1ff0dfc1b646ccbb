//! scha_resource_setstatus(1HA): `-R resource -G group -s status [-m msg]` sets the status and
//! status message of a resource on the node the command runs on (what scstat's Status Message
//! column and `scha_resource_get -O STATUS` show). Silent on success, as the real one.

use super::{Spec, Want, parse};
use crate::cli::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::RStatus;
use crate::service::scha::StatusRequest;
use crate::service::{CommandLine, Mode};
use std::ffi::OsString;

fn spec() -> Spec {
    Spec {
        name: "scha_resource_setstatus",
        about: "Set the status and status message of a resource on this node (scha_resource_setstatus(1HA))",
        usage: "scha_resource_setstatus -R resource -G group -s status [-m msg] [-Z zonename]",
        optag: Want::No,
        group: Want::Required,
        resource: Want::Required,
        rtype: Want::No,
        quiet: false,
        status: true,
        zone: true,
        operands: false,
        after_help:
            "The status is set on the node the command runs on (SCSIM_NODE or scsim on NODE,\n\
             else the member with the lowest node id). Without -m the message is cleared.\n\n\
             Examples:\n  \
             scha_resource_setstatus -R mail-rs -G MAIL-RG -s DEGRADED -m \"queue is slow\"\n  \
             scha_resource_setstatus -R mail-rs -G MAIL-RG -s OK\n  \
             scsim on mail-2 -- scha_resource_setstatus -R web-rs -G WEB-RG -s FAULTED"
                .to_string(),
    }
}

pub fn setstatus_command() -> clap::Command {
    super::build(&spec())
}

/// `OK`, `DEGRADED`, `FAULTED`, `UNKNOWN`, `OFFLINE` in any case; anything else is exit 17
/// (SCHA_ERR_RSTATUS).
pub fn parse_status(s: &str) -> Result<RStatus> {
    Ok(match s.to_ascii_uppercase().as_str() {
        "OK" => RStatus::Online,
        "DEGRADED" => RStatus::Degraded,
        "FAULTED" => RStatus::Faulted,
        "UNKNOWN" => RStatus::Unknown,
        "OFFLINE" => RStatus::Offline,
        _ => {
            return Err(
                ScError::new(ErrorCode::Rstatus, format!("-s {s}: not a resource status"))
                    .hint("give OK, DEGRADED, FAULTED, UNKNOWN or OFFLINE"),
            );
        }
    })
}

pub fn run_setstatus(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let Some(w) = parse(ctx, &spec(), args)? else {
        return Ok(());
    };
    let req = StatusRequest {
        resource: w.resource.unwrap_or_default(),
        group: w.group.unwrap_or_default(),
        status: parse_status(w.status.as_deref().unwrap_or_default())?,
        message: w.message.unwrap_or_default(),
        zone: w.zone,
    };
    let now = ctx.now_ms()?;
    let cmd = CommandLine {
        prog: "scha_resource_setstatus",
        words: &words,
    };
    ctx.service.set_status(cmd, &req, Mode::Apply, now)?;
    Ok(())
}
