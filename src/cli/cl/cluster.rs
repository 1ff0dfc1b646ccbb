//! `cluster`: the status and configuration of the whole cluster, and the list of commands.

use crate::cli::Ctx;
use crate::error::Result;
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use std::ffi::OsString;

/// The whole cluster.
#[derive(Debug, clap::Parser)]
#[command(
    name = "cluster",
    about = "The whole cluster: status, configuration, name, commands",
    subcommand_required = true
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Status of nodes, transport paths, quorum, device groups, resource groups, resources, IPMP
    Status {
        #[command(flatten)]
        detail: super::Detail,
        /// Print the status as JSON (the scstat --json format; scsim extension)
        #[arg(long)]
        json: bool,
    },
    /// Configuration of every object
    Show {
        #[command(flatten)]
        detail: super::Detail,
    },
    /// The cluster's name
    List,
    /// The object commands of this release
    #[command(name = "list-cmds")]
    ListCmds,
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

/// The long names of the object commands, as `cluster list-cmds` prints them.
const COMMANDS: [&str; 9] = [
    "cldevicegroup",
    "clinterconnect",
    "clnode",
    "clquorum",
    "clreslogicalhostname",
    "clresource",
    "clresourcegroup",
    "clresourcetype",
    "clressharedaddress",
];

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        let state = ctx.service.snapshot()?;
        let mut out = String::new();
        match a.sub {
            Sub::List => {
                out.push_str(&state.cluster.name);
                out.push('\n');
            }
            Sub::ListCmds => {
                let mut all: Vec<&str> = COMMANDS.to_vec();
                all.push("cluster");
                all.sort_unstable();
                for c in all {
                    out.push_str(c);
                    out.push('\n');
                }
            }
            Sub::Show { detail } => {
                let verbose = detail.verbose;
                render::title(&mut out, "Cluster");
                render::field(&mut out, 0, "Cluster Name", &state.cluster.name);
                render::field(&mut out, 1, "Release", state.cluster.release.product());
                render::field(&mut out, 1, "installmode", "disabled");
                let names = state.cluster.node_names();
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                render::show::nodes(&mut out, &state, &refs);
                render::show::interconnect(&mut out, &state);
                render::show::quorum(&mut out, &state);
                let dgs: Vec<&str> = state
                    .cluster
                    .device_groups
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect();
                render::show::device_groups(&mut out, &state, &dgs);
                let types: Vec<_> = state.resource_types.values().collect();
                render::show::types(&mut out, &types, verbose);
                let groups: Vec<_> = state.resource_groups.values().collect();
                render::show::groups(&mut out, &state, &groups, verbose, true);
            }
            Sub::Status { json, .. } => {
                let view = status::collect(
                    &state,
                    &StatusOptions {
                        sections: Sections::all(),
                        node: None,
                    },
                );
                if json {
                    out = status::render_json(&view);
                } else {
                    all_status(&mut out, &view);
                }
            }
        }
        ctx.out.out(&out);
        Ok(())
    })
}

/// `cluster status`: every status layout in turn.
fn all_status(out: &mut String, view: &status::StatusView) {
    render::status::nodes(out, view.nodes.as_deref().unwrap_or(&[]));
    render::status::transport(out, view.transport_paths.as_deref().unwrap_or(&[]));
    if let Some(q) = &view.quorum {
        render::status::quorum(out, q);
    }
    let dgs: Vec<&status::DeviceGroupView> = view.device_groups.iter().flatten().collect();
    render::status::device_groups(out, &dgs);
    let groups: Vec<&status::GroupView> = view.resource_groups.iter().flatten().collect();
    render::status::groups(out, &groups);
    let resources: Vec<&status::ResourceView> = groups.iter().flat_map(|g| &g.resources).collect();
    render::status::resources(out, &resources);
    render::status::ipmp(out, view.ipmp.as_deref().unwrap_or(&[]));
}
