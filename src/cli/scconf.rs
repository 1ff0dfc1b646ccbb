//! `scconf -p[v[v]]`: the cluster configuration listing (`Cluster name:` first) that discovery
//! tools read, rendered by `render::config`. Changing the configuration with scconf (quorum
//! devices, adapters, device groups) is not simulated: `scsim init` sets the topology.

use super::Ctx;
use crate::error::{Result, ScError};
use crate::render::config;
use std::ffi::OsString;

/// scconf command line (only the print form is simulated).
#[derive(Debug, clap::Parser)]
#[command(
    name = "scconf",
    disable_help_flag = true,
    about = "Print the cluster configuration (the print form of scconf)",
    override_usage = "scconf -p[v[v]]",
    after_help = "Examples:\n  scconf -p       the cluster, its nodes, adapters, junctions, cables, quorum devices, device groups\n  scconf -pv      every node and device line qualified with its object\n\nChanging the configuration is not simulated: scsim init sets the topology."
)]
pub struct Args {
    /// Print the configuration
    #[arg(short = 'p')]
    print: bool,
    /// Verbose (-pv); more v's are accepted
    #[arg(short = 'v', action = clap::ArgAction::Count)]
    verbose: u8,
    /// Print help
    #[arg(short = '?', long = "help", action = clap::ArgAction::Help)]
    help: Option<bool>,
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

pub fn run(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    let Some(a) = super::parse_with::<Args>("scconf", args, ctx.out)? else {
        return Ok(());
    };
    // scconf went with scrgadm, scswitch and scstat: Oracle Solaris Cluster 4.x has cluster(1CL).
    ctx.service.require(crate::service::CommandSet::Sc31);
    if !a.print {
        return Err(ScError::inval(
            "only the print form (scconf -p) is simulated; the topology is set when the cluster is created",
        )
        .hint("scsim init --nodes N1,N2 [--adapters NODE=AD,...] [--ipmp GROUP@NODE=AD,...] [--quorum-device dN@N1,N2]"));
    }
    let state = ctx.service.snapshot()?;
    ctx.out.out(&config::render(&state, a.verbose));
    Ok(())
}
