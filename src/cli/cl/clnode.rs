//! `clnode`: list, show and status of cluster nodes; evacuate a node.

use super::clrg::RunOpts;
use super::clrs::exec;
use super::{execute, operands_or_all, split, words};
use crate::cli::Ctx;
use crate::error::Result;
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use crate::service::Intent;
use crate::service::batch::Step;
use std::ffi::OsString;

/// Show and evacuate cluster nodes.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clnode",
    about = "Cluster nodes: list, show, status, evacuate",
    subcommand_required = true
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// List node names
    List {
        #[command(flatten)]
        detail: super::Detail,
        #[command(flatten)]
        kind: NodeType,
        /// The nodes (+: every node)
        #[arg(value_name = "node | +")]
        operands: Vec<String>,
    },
    /// Show the configuration of nodes
    Show {
        #[command(flatten)]
        detail: super::Detail,
        #[command(flatten)]
        kind: NodeType,
        #[command(flatten)]
        props: super::PropNames,
        /// The nodes (+: every node)
        #[arg(value_name = "node | +")]
        operands: Vec<String>,
    },
    /// Show whether nodes are cluster members (-m: and their IPMP groups)
    Status {
        /// IPMP group status too
        #[arg(short = 'm')]
        ipmp: bool,
        /// Only these nodes (as the operands)
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        only: Vec<String>,
        #[command(flatten)]
        kind: NodeType,
        #[command(flatten)]
        detail: super::Detail,
        /// The nodes (+: every node)
        #[arg(value_name = "node | +")]
        operands: Vec<String>,
    },
    /// Move every resource group and device group off a node
    Evacuate {
        /// Seconds the node is not chosen again (default 60)
        #[arg(short = 'T', long = "time", value_name = "seconds")]
        seconds: Option<u64>,
        #[command(flatten)]
        run: RunOpts,
        /// The nodes
        #[arg(value_name = "node", required = true)]
        operands: Vec<String>,
    },
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

/// `-t nodetype[,…]` of list, show and status.
#[derive(Debug, Clone, clap::Args)]
struct NodeType {
    /// Only nodes of these types: cluster (the cluster's own nodes) or farm
    #[arg(short = 't', long = "type", value_name = "nodetype[,...]")]
    types: Vec<String>,
}

/// The node types `-t` takes: every simulated node is a cluster node; there are no farm
/// nodes.
const NODE_TYPES: [&str; 2] = ["cluster", "farm"];

impl NodeType {
    /// Whether the cluster's nodes are of a type asked for (a word that is no type is a
    /// usage error).
    fn cluster_nodes(&self) -> Result<bool> {
        let types = split(&self.types);
        for t in &types {
            if !NODE_TYPES.iter().any(|k| k.eq_ignore_ascii_case(t)) {
                return Err(crate::error::ScError::inval(format!(
                    "-t {t}: not a node type (types: {})",
                    NODE_TYPES.join(", ")
                ))
                .suggest(t, NODE_TYPES));
            }
        }
        Ok(types.is_empty() || types.iter().any(|t| t.eq_ignore_ascii_case("cluster")))
    }
}

/// The nodes named (checked), or every node; none when `-t` asks for another node type.
fn nodes(
    state: &crate::model::ClusterState,
    ops: &[String],
    kind: &NodeType,
) -> Result<Vec<String>> {
    let names = operands_or_all(ops, "node", || Ok(state.cluster.node_names()))?;
    let names = super::clrg::check_nodes(state, &names)?;
    Ok(if kind.cluster_nodes()? {
        names
    } else {
        Vec::new()
    })
}

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let w = words(&args);
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        match a.sub {
            Sub::List { operands, kind, .. } => {
                let state = ctx.service.snapshot()?;
                for n in nodes(&state, &operands, &kind)? {
                    ctx.out.outln(&n);
                }
                Ok(())
            }
            Sub::Show {
                operands,
                kind,
                props,
                ..
            } => {
                let state = ctx.service.snapshot()?;
                let names = nodes(&state, &operands, &kind)?;
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                let mut out = String::new();
                let o = props.shown(false);
                render::show::nodes_shown(&mut out, &state, &refs, &o);
                super::check_shown(&o, refs.len(), "node")?;
                ctx.out.out(&out);
                Ok(())
            }
            Sub::Status {
                ipmp,
                only,
                kind,
                operands,
                ..
            } => {
                let state = ctx.service.snapshot()?;
                let mut names = nodes(&state, &operands, &kind)?;
                let only = super::clrg::check_nodes(&state, &super::split(&only))?;
                if !only.is_empty() {
                    names.retain(|n| only.contains(n));
                }
                let opts = StatusOptions {
                    sections: Sections {
                        nodes: true,
                        ipmp: true,
                        ..Sections::default()
                    },
                    node: None,
                };
                let view = status::collect(&state, &opts);
                let ns: Vec<status::NodeView> = view
                    .nodes
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|n| names.iter().any(|x| x == n.name))
                    .collect();
                let mut out = String::new();
                render::status::nodes(&mut out, &ns);
                if ipmp {
                    let gs: Vec<status::IpmpView> = view
                        .ipmp
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|g| names.iter().any(|x| x == g.node))
                        .collect();
                    render::status::ipmp(&mut out, &gs);
                }
                ctx.out.out(&out);
                Ok(())
            }
            Sub::Evacuate {
                seconds,
                run,
                operands,
            } => {
                let keep_off_ms = crate::cli::limits::keep_off_ms(
                    seconds.unwrap_or(crate::cli::scswitch::DEFAULT_KEEP_OFF_S),
                )?;
                let steps: Vec<Step> = split(&operands)
                    .into_iter()
                    .map(|node| Step::Intent(Intent::Evacuate { node, keep_off_ms }))
                    .collect();
                execute(ctx, exec(prog, run), &w, &steps)
            }
        }
    })
}
