//! `scinstall -p[v]`: the Sun Cluster release this node runs (`3.1u4`), the check installers
//! make for "is this a cluster node". `-pv` adds the release line and the versions of the core
//! packages. Installing, adding nodes and upgrading are not simulated: `scsim init` creates
//! the cluster.

use super::Ctx;
use crate::error::{Result, ScError};
use crate::query::release;
use std::ffi::OsString;

/// scinstall command line (only the print form is simulated).
#[derive(Debug, clap::Parser)]
#[command(
    name = "scinstall",
    disable_help_flag = true,
    about = "Print the Sun Cluster release and package versions (the print form of scinstall)",
    override_usage = "scinstall -p[v]",
    after_help = "Examples:\n  scinstall -p     prints the release, e.g. 3.1u4\n  scinstall -pv    adds the versions of the Sun Cluster packages\n\nInstalling, adding nodes and upgrading are not simulated: scsim init creates the cluster."
)]
pub struct Args {
    /// Print the release (-pv: and the package versions)
    #[arg(short = 'p')]
    print: bool,
    /// Verbose: the package versions as well
    #[arg(short = 'v', action = clap::ArgAction::Count)]
    verbose: u8,
    /// Print help
    #[arg(short = '?', long = "help", action = clap::ArgAction::Help)]
    help: Option<bool>,
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

/// The core packages `scinstall -pv` lists (the 3.1 System Administration Guide example).
const PACKAGES: [&str; 7] = [
    "SUNWscr",
    "SUNWscdev",
    "SUNWscu",
    "SUNWscman",
    "SUNWscsal",
    "SUNWscsam",
    "SUNWscvm",
];

pub fn run(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    let Some(a) = super::parse_with::<Args>("scinstall", args, ctx.out)? else {
        return Ok(());
    };
    if !a.print {
        return Err(ScError::inval(
            "only the print form (scinstall -p) is simulated: this node is already a cluster member",
        )
        .hint("create or recreate the simulated cluster with scsim init --nodes N1,N2"));
    }
    let state = ctx.service.snapshot()?;
    let r = release(&state);
    if a.verbose == 0 {
        ctx.out.outln(&r.text());
        return Ok(());
    }
    let mut text = format!("SunCluster {}\n", r.text());
    for p in PACKAGES {
        text.push_str(&format!(
            "{:<15}{},REV=2005.07.18.20.55\n",
            format!("{p}:"),
            r.package_version()
        ));
    }
    ctx.out.out(&text);
    Ok(())
}
