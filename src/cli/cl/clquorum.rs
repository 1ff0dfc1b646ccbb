//! `clquorum` / `clq`: list, show and status of the quorum votes.

use super::{operands_or_all, split};
use crate::cli::Ctx;
use crate::error::{ErrorCode, Kind, Result, ScError};
use crate::model::ClusterState;
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use std::ffi::OsString;

/// Show quorum devices and votes.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clquorum",
    about = "Quorum: list devices, show their configuration, show the votes",
    subcommand_required = true
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

/// The filters of list, show and status (clquorum(1CL)).
#[derive(Debug, Clone, clap::Args)]
struct Filter {
    /// Only quorum devices of these types (shared_disk, quorum_server, netapp_nas) or node
    /// votes (node)
    #[arg(short = 't', long = "type", value_name = "type[,…]")]
    types: Vec<String>,
    /// Only the nodes named and the quorum devices connected to them
    #[arg(short = 'n', long = "node", value_name = "node[,…]")]
    nodes: Vec<String>,
    #[command(flatten)]
    detail: super::Detail,
    /// Quorum devices (dN or the full path) or nodes; + or none for all
    #[arg(value_name = "devicename|node")]
    operands: Vec<String>,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// List quorum devices and nodes
    List {
        #[command(flatten)]
        filter: Filter,
    },
    /// Show the configuration of quorum devices and node votes
    Show {
        #[command(flatten)]
        filter: Filter,
    },
    /// Show the votes needed, present and possible
    Status {
        #[command(flatten)]
        filter: Filter,
    },
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

/// The quorum device types `-t` takes: the simulated devices are all shared disks; `node`
/// selects the nodes' votes.
const TYPES: [&str; 4] = ["shared_disk", "quorum_server", "netapp_nas", "node"];

/// What the filters keep: the quorum devices (by full name) and the nodes.
struct Selection {
    devices: Vec<String>,
    nodes: Vec<String>,
}

fn select(state: &ClusterState, f: &Filter) -> Result<Selection> {
    let types = split(&f.types);
    for t in &types {
        if !TYPES.iter().any(|k| k.eq_ignore_ascii_case(t)) {
            return Err(ScError::inval(format!(
                "-t {t}: not a quorum device type (types: {})",
                TYPES.join(", ")
            ))
            .suggest(t, TYPES));
        }
    }
    let wants = |t: &str| types.is_empty() || types.iter().any(|k| k.eq_ignore_ascii_case(t));
    let only_nodes = super::clrg::check_nodes(state, &split(&f.nodes))?;
    let cl = &state.cluster;
    let named = operands_or_all(&f.operands, "quorum device", || {
        Ok(cl
            .quorum_devices
            .iter()
            .map(|d| d.name.clone())
            .chain(cl.node_names())
            .collect())
    })?;
    let mut sel = Selection {
        devices: Vec::new(),
        nodes: Vec::new(),
    };
    for name in named {
        if let Some(d) = cl
            .quorum_devices
            .iter()
            .find(|d| d.name == name || render::status::device_name(&d.name) == name)
        {
            let on_nodes = only_nodes.is_empty() || d.nodes.iter().any(|n| only_nodes.contains(n));
            if wants("shared_disk") && on_nodes && !sel.devices.contains(&d.name) {
                sel.devices.push(d.name.clone());
            }
        } else if let Some(n) = cl.nodes.iter().find(|n| n.name == name) {
            let on_nodes = only_nodes.is_empty() || only_nodes.contains(&n.name);
            if wants("node") && on_nodes && !sel.nodes.contains(&n.name) {
                sel.nodes.push(n.name.clone());
            }
        } else {
            let known: Vec<&str> = cl
                .quorum_devices
                .iter()
                .map(|d| render::status::device_name(&d.name))
                .chain(cl.nodes.iter().map(|n| n.name.as_str()))
                .collect();
            return Err(ScError::new(
                ErrorCode::Node,
                format!(
                    "{name}: no such quorum device or node (quorum devices and nodes: {})",
                    known.join(", ")
                ),
            )
            .kind(Kind::NoEnt)
            .suggest(&name, known.iter().copied()));
        }
    }
    Ok(sel)
}

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        let mut state = ctx.service.snapshot()?;
        let mut out = String::new();
        match a.sub {
            Sub::List { filter } => {
                let sel = select(&state, &filter)?;
                for d in &sel.devices {
                    out.push_str(render::status::device_name(d));
                    out.push('\n');
                }
                for n in &sel.nodes {
                    out.push_str(n);
                    out.push('\n');
                }
            }
            Sub::Show { filter } => {
                let sel = select(&state, &filter)?;
                let cl = &mut state.cluster;
                cl.quorum_devices.retain(|d| sel.devices.contains(&d.name));
                cl.nodes.retain(|n| sel.nodes.contains(&n.name));
                render::show::quorum(&mut out, &state);
            }
            Sub::Status { filter } => {
                let sel = select(&state, &filter)?;
                let opts = StatusOptions {
                    sections: Sections {
                        quorum: true,
                        ..Sections::default()
                    },
                    node: None,
                };
                let view = status::collect(&state, &opts);
                if let Some(mut q) = view.quorum {
                    q.nodes.retain(|v| sel.nodes.iter().any(|n| n == v.name));
                    q.devices
                        .retain(|v| sel.devices.iter().any(|d| d == v.name));
                    render::status::quorum(&mut out, &q);
                }
            }
        }
        ctx.out.out(&out);
        Ok(())
    })
}
