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
        #[command(flatten)]
        objects: Objects,
    },
    /// Configuration of every object
    Show {
        #[command(flatten)]
        detail: super::Detail,
        #[command(flatten)]
        objects: Objects,
    },
    /// The cluster's name
    List,
    /// The object commands of this release
    #[command(name = "list-cmds")]
    ListCmds,
}

/// `-t objecttype[,…]` and the cluster name operand of show and status.
#[derive(Debug, Clone, clap::Args)]
struct Objects {
    /// Only these object types (global, node, interconnect, quorum, devicegroup,
    /// resourcetype, resourcegroup, resource, ipmp)
    #[arg(short = 't', long = "type", value_name = "objecttype[,...]")]
    types: Vec<String>,
    /// The cluster's name (the only cluster there is)
    #[arg(value_name = "clustername")]
    cluster: Option<String>,
}

/// The object types of `cluster show|status -t` that the simulated cluster has.
const OBJECT_TYPES: [&str; 9] = [
    "global",
    "node",
    "interconnect",
    "quorum",
    "devicegroup",
    "resourcetype",
    "resourcegroup",
    "resource",
    "ipmp",
];

impl Objects {
    /// The object types asked for (all without `-t`), after checking the words and the name.
    fn wanted(&self, state: &crate::model::ClusterState) -> Result<Vec<&'static str>> {
        if let Some(name) = &self.cluster
            && *name != state.cluster.name
        {
            return Err(crate::error::ScError::new(
                crate::error::ErrorCode::Inval,
                format!(
                    "cluster {name} does not exist: this is cluster {}",
                    state.cluster.name
                ),
            )
            .kind(crate::error::Kind::NoEnt));
        }
        let types = super::split(&self.types);
        if types.is_empty() {
            return Ok(OBJECT_TYPES.to_vec());
        }
        types
            .iter()
            .map(|t| {
                OBJECT_TYPES
                    .iter()
                    .copied()
                    .find(|k| k.eq_ignore_ascii_case(t))
                    .ok_or_else(|| {
                        crate::error::ScError::inval(format!(
                            "-t {t}: not an object type of this cluster (types: {})",
                            OBJECT_TYPES.join(", ")
                        ))
                        .suggest(t, OBJECT_TYPES)
                    })
            })
            .collect()
    }
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
            Sub::Show { detail, objects } => {
                let wanted = objects.wanted(&state)?;
                show(&mut out, &state, &wanted, detail.verbose);
            }
            Sub::Status { json, objects, .. } => {
                let wanted = objects.wanted(&state)?;
                let has = |k: &str| wanted.contains(&k);
                let sections = Sections {
                    nodes: has("node"),
                    transport: has("interconnect"),
                    quorum: has("quorum"),
                    device_groups: has("devicegroup"),
                    resource_groups: has("resourcegroup") || has("resource"),
                    ipmp: has("ipmp"),
                };
                let view = status::collect(
                    &state,
                    &StatusOptions {
                        sections,
                        node: None,
                    },
                );
                if json {
                    out = status::render_json(&view);
                } else {
                    all_status(&mut out, &view, &wanted);
                }
            }
        }
        ctx.out.out(&out);
        Ok(())
    })
}

/// `cluster show`: the blocks of the object types asked for, in turn.
fn show(out: &mut String, state: &crate::model::ClusterState, wanted: &[&str], verbose: bool) {
    let has = |k: &str| wanted.contains(&k);
    if has("global") {
        render::title(out, "Cluster");
        render::field(out, 0, "Cluster Name", &state.cluster.name);
        render::field(out, 1, "Release", state.cluster.release.product());
        render::field(out, 1, "installmode", "disabled");
    }
    if has("node") {
        let names = state.cluster.node_names();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        render::show::nodes(out, state, &refs);
    }
    if has("interconnect") {
        render::show::interconnect(out, state);
    }
    if has("quorum") {
        render::show::quorum(out, state);
    }
    if has("devicegroup") {
        let dgs: Vec<&str> = state
            .cluster
            .device_groups
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        render::show::device_groups(out, state, &dgs);
    }
    if has("resourcetype") {
        let types: Vec<_> = state.resource_types.values().collect();
        render::show::types(out, &types, verbose);
    }
    if has("resourcegroup") {
        let groups: Vec<_> = state.resource_groups.values().collect();
        render::show::groups(out, state, &groups, verbose, true);
    } else if has("resource") {
        let rs: Vec<_> = state.resources.values().collect();
        let o = render::show::Shown::all(verbose);
        render::show::resources(out, state, &rs, &o);
    }
}

/// `cluster status`: the status layouts of the object types asked for, in turn.
fn all_status(out: &mut String, view: &status::StatusView, wanted: &[&str]) {
    let has = |k: &str| wanted.contains(&k);
    if has("node") {
        render::status::nodes(out, view.nodes.as_deref().unwrap_or(&[]));
    }
    if has("interconnect") {
        render::status::transport(out, view.transport_paths.as_deref().unwrap_or(&[]));
    }
    if let Some(q) = &view.quorum {
        render::status::quorum(out, q);
    }
    if has("devicegroup") {
        let dgs: Vec<&status::DeviceGroupView> = view.device_groups.iter().flatten().collect();
        render::status::device_groups(out, &dgs);
    }
    let groups: Vec<&status::GroupView> = view.resource_groups.iter().flatten().collect();
    if has("resourcegroup") {
        render::status::groups(out, &groups);
    }
    if has("resource") {
        let resources: Vec<status::ResourceView> =
            groups.iter().flat_map(|g| g.resources.iter()).collect();
        render::status::resources(out, &resources);
    }
    if has("ipmp") {
        render::status::ipmp(out, view.ipmp.as_deref().unwrap_or(&[]));
    }
}
