//! `clinterconnect` / `clintr`: status and configuration of the private interconnect.

use crate::cli::Ctx;
use crate::error::Result;
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use std::ffi::OsString;

/// Show the cluster transport paths.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clinterconnect",
    about = "Private interconnect: transport path status, cables and adapters",
    subcommand_required = true
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Show the transport cables and adapters
    Show {
        /// Only the cables with an endpoint on these nodes and their adapters
        #[arg(short = 'n', long = "node", value_name = "node[,…]")]
        nodes: Vec<String>,
        #[command(flatten)]
        detail: super::Detail,
    },
    /// Show whether the transport paths are online
    Status {
        /// Only the paths with an endpoint on these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,…]")]
        nodes: Vec<String>,
        #[command(flatten)]
        detail: super::Detail,
        /// Only the paths with one of these endpoints (node:adapter); + or none for all
        #[arg(value_name = "endpoint")]
        endpoints: Vec<String>,
    },
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
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
            Sub::Show { nodes, .. } => {
                let only = super::clrg::check_nodes(&state, &super::split(&nodes))?;
                if !only.is_empty() {
                    let cl = &mut state.cluster;
                    cl.transport_paths
                        .retain(|p| on_nodes(&only, &p.endpoint_a, &p.endpoint_b));
                    cl.nodes.retain(|n| only.contains(&n.name));
                }
                render::show::interconnect(&mut out, &state);
            }
            Sub::Status {
                nodes, endpoints, ..
            } => {
                let only = super::clrg::check_nodes(&state, &super::split(&nodes))?;
                let ends = endpoints_named(&state, &endpoints)?;
                let opts = StatusOptions {
                    sections: Sections {
                        transport: true,
                        ..Sections::default()
                    },
                    node: None,
                };
                let view = status::collect(&state, &opts);
                let mut paths = view.transport_paths.unwrap_or_default();
                if !only.is_empty() {
                    paths.retain(|p| on_nodes(&only, p.endpoint_a, p.endpoint_b));
                }
                if !ends.is_empty() {
                    paths.retain(|p| ends.iter().any(|e| e == p.endpoint_a || e == p.endpoint_b));
                }
                render::status::transport(&mut out, &paths);
            }
        }
        ctx.out.out(&out);
        Ok(())
    })
}

/// Whether a path `node:adapter` – `node:adapter` has an endpoint on one of `nodes`.
fn on_nodes(nodes: &[String], a: &str, b: &str) -> bool {
    let node = |e: &str| e.split(':').next().unwrap_or(e).to_string();
    nodes.contains(&node(a)) || nodes.contains(&node(b))
}

/// The endpoint operands (`node:adapter`; none or `+`: every path), each an endpoint of some
/// transport path (CL_ENOENT otherwise).
fn endpoints_named(state: &crate::model::ClusterState, ops: &[String]) -> Result<Vec<String>> {
    let named = super::split(ops);
    if named.iter().any(|e| e == "+") {
        return Ok(Vec::new());
    }
    let known: Vec<&str> = state
        .cluster
        .transport_paths
        .iter()
        .flat_map(|p| [p.endpoint_a.as_str(), p.endpoint_b.as_str()])
        .collect();
    for e in &named {
        if !known.contains(&e.as_str()) {
            return Err(crate::error::ScError::new(
                crate::error::ErrorCode::Inval,
                format!("{e}: no transport path has this endpoint (give node:adapter)"),
            )
            .kind(crate::error::Kind::NoEnt)
            .suggest(e, known.iter().copied()));
        }
    }
    Ok(named)
}
