//! `scstat`: the command line of scstat(1M) — `scstat [-DWginpqv[v]] [-h node] [--json]`.
//!
//! Parses the options (they combine: `-gn`), checks the node given with `-h`, reads the state
//! once (no lock, no write) and prints the status computed by `render::status` in the
//! Sun Cluster 3.1 layout or, with `--json`, in the JSON form documented there. `-h` is a node,
//! so clap's help flag is replaced by `-?` / `--help`.

use super::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::render::status::{self, Sections, StatusOptions};
use std::ffi::OsString;

/// Display the status of the simulated cluster (scstat(1M)).
///
/// With no section option (or with -p) every section is shown, in the order nodes, transport
/// paths, quorum, device groups, resource groups, IPMP groups. Section options combine.
#[derive(Debug, clap::Parser)]
#[command(
    name = "scstat",
    disable_help_flag = true,
    override_usage = "scstat [-DWginpqv[v]] [-h node] [--json]"
)]
pub struct Args {
    /// Show the status of all components (the default)
    #[arg(short = 'p')]
    pub all: bool,
    /// Show device group servers and device group status
    #[arg(short = 'D')]
    pub device_groups: bool,
    /// Show cluster transport paths (the private interconnect)
    #[arg(short = 'W')]
    pub transport: bool,
    /// Show resource groups and resources
    #[arg(short = 'g')]
    pub groups: bool,
    /// Show IPMP groups
    #[arg(short = 'i')]
    pub ipmp: bool,
    /// Show cluster nodes
    #[arg(short = 'n')]
    pub nodes: bool,
    /// Show the quorum summary and the votes of nodes and quorum devices
    #[arg(short = 'q')]
    pub quorum: bool,
    /// Limit the output to the components relevant to NODE (name or node id)
    #[arg(short = 'h', value_name = "node")]
    pub node: Option<String>,
    /// Verbose output (-vv more verbose); prints the same sections (details: scsim show)
    #[arg(short = 'v', action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Print the status as JSON (format_version 1) instead of the scstat layout
    #[arg(long)]
    pub json: bool,
    /// Print help
    #[arg(short = '?', long = "help", action = clap::ArgAction::Help)]
    help: Option<bool>,
}

impl Args {
    /// The sections asked for; none (or -p) means all.
    pub fn sections(&self) -> Sections {
        let chosen = Sections {
            nodes: self.nodes,
            transport: self.transport,
            quorum: self.quorum,
            device_groups: self.device_groups,
            resource_groups: self.groups,
            ipmp: self.ipmp,
        };
        if self.all || !chosen.any() {
            Sections::all()
        } else {
            chosen
        }
    }
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

pub fn run(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    ctx.service.require(crate::service::CommandSet::Sc31);
    let Some(a) = super::parse_with::<Args>("scstat", args, ctx.out)? else {
        return Ok(());
    };
    let state = ctx.service.snapshot()?;
    let node = match &a.node {
        None => None,
        Some(n) => match state.cluster.resolve_node(n) {
            Some(node) => Some(node.name.clone()),
            None => {
                let names = state.cluster.node_names();
                return Err(ScError::new(
                    ErrorCode::Node,
                    format!(
                        "-h {n}: {n} is not a node of cluster {}; its nodes are {}",
                        state.cluster.name,
                        names.join(", ")
                    ),
                )
                .hint(format!(
                    "give a node name or id, e.g. `scstat -h {}`",
                    names.first().map_or("NODE", String::as_str)
                ))
                .suggest(n, names.iter().map(String::as_str)));
            }
        },
    };
    let opts = StatusOptions {
        sections: a.sections(),
        node,
    };
    let view = status::collect(&state, &opts);
    if a.json {
        status::write_json(&view, &mut |piece| ctx.out.out(piece));
    } else {
        status::write_text(&view, &mut |piece| ctx.out.out(piece));
    }
    crate::let_go(view);
    crate::let_go(state);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Args {
        Args::try_parse_from(std::iter::once("scstat").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn no_option_and_p_mean_all() {
        assert_eq!(parse(&[]).sections(), Sections::all());
        assert_eq!(parse(&["-p"]).sections(), Sections::all());
        assert_eq!(parse(&["-pg"]).sections(), Sections::all());
    }

    #[test]
    fn options_combine() {
        let s = parse(&["-gn"]).sections();
        assert!(s.resource_groups && s.nodes);
        assert!(!s.transport && !s.quorum && !s.device_groups && !s.ipmp);
        let s = parse(&["-W", "-q", "-D", "-i"]).sections();
        assert!(s.transport && s.quorum && s.device_groups && s.ipmp);
        assert!(!s.nodes && !s.resource_groups);
    }

    #[test]
    fn h_is_a_node_and_v_counts() {
        let a = parse(&["-g", "-h", "mail-1", "-vv"]);
        assert_eq!(a.node.as_deref(), Some("mail-1"));
        assert_eq!(a.verbose, 2);
        assert_eq!(parse(&["-hmail-2"]).node.as_deref(), Some("mail-2"));
        assert_eq!(parse(&["-v"]).verbose, 1);
    }

    #[test]
    fn stray_operand_is_a_usage_error() {
        assert!(Args::try_parse_from(["scstat", "extra"]).is_err());
        assert!(Args::try_parse_from(["scstat", "-h"]).is_err());
    }
}
