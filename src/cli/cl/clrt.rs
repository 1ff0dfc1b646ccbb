//! `clresourcetype` / `clrt`: register, unregister, list and show resource types.

use super::clrg::RunOpts;
use super::clrs::exec;
use super::{execute, operands, operands_or_all, prop_args, split, words};
use crate::cli::Ctx;
use crate::error::Result;
use crate::model::{ClusterState, ResourceType};
use crate::render::cl as render;
use crate::service::batch::Step;
use crate::service::config::{Request, RtrFile};
use std::ffi::OsString;

/// Manage Sun Cluster resource types.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clresourcetype",
    about = "Manage resource types: register, unregister, list, show, set the nodes they are installed on",
    subcommand_required = true,
    after_help = "The operand + means every registered type."
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Register resource types
    Register {
        /// The type's RTR file
        #[arg(short = 'f', long = "rtrfile", value_name = "rtrfile")]
        file: Option<String>,
        /// The nodes the type is installed on (default: every node)
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource types
        #[arg(value_name = "resourcetype", required = true)]
        operands: Vec<String>,
    },
    /// Unregister resource types (no resource may use them)
    Unregister {
        #[command(flatten)]
        run: RunOpts,
        /// The resource types (+: every registered type)
        #[arg(value_name = "resourcetype | +")]
        operands: Vec<String>,
    },
    /// List registered types
    List {
        /// With the nodes they are installed on
        #[arg(short = 'v', long = "verbose")]
        verbose: bool,
        /// Only types installed on one of these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        /// The resource types (+: every registered type)
        #[arg(value_name = "resourcetype | +")]
        operands: Vec<String>,
    },
    /// List the properties of types
    #[command(name = "list-props")]
    ListProps {
        /// With class and description
        #[arg(short = 'v', long = "verbose")]
        verbose: bool,
        #[command(flatten)]
        listing: super::PropListing,
        /// The resource types (+: every registered type)
        #[arg(value_name = "resourcetype | +")]
        operands: Vec<String>,
    },
    /// Show the configuration of types
    Show {
        /// Methods and properties too
        #[arg(short = 'v', long = "verbose")]
        verbose: bool,
        /// Only types installed on one of these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        #[command(flatten)]
        props: super::PropNames,
        /// The resource types (+: every registered type)
        #[arg(value_name = "resourcetype | +")]
        operands: Vec<String>,
    },
    /// Change the installed nodes or RT_system
    Set {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        /// A type property (RT_system=TRUE|FALSE)
        #[arg(short = 'p', long = "property", value_name = "name=value")]
        props: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource types (+: every registered type)
        #[arg(value_name = "resourcetype | +")]
        operands: Vec<String>,
    },
    /// Add nodes to the nodes the types are installed on
    #[command(name = "add-node")]
    AddNode {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]", required = true)]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource types (+: every registered type)
        #[arg(value_name = "resourcetype | +")]
        operands: Vec<String>,
    },
    /// Remove nodes from the nodes the types are installed on
    #[command(name = "remove-node")]
    RemoveNode {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]", required = true)]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource types (+: every registered type)
        #[arg(value_name = "resourcetype | +")]
        operands: Vec<String>,
    },
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

fn all_types(ctx: &Ctx) -> Result<Vec<String>> {
    Ok(ctx
        .service
        .snapshot()?
        .resource_types
        .keys()
        .cloned()
        .collect())
}

/// The registered types named (each resolved as scrgadm resolves them), or all of them.
fn shown<'a>(state: &'a ClusterState, ops: &[String]) -> Result<Vec<&'a ResourceType>> {
    let names = operands_or_all(ops, "resource type", || {
        Ok(state.resource_types.keys().cloned().collect())
    })?;
    names
        .iter()
        .map(|n| crate::query::types::registered_type(state, n))
        .collect()
}

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let w = words(&args);
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        match a.sub {
            Sub::List {
                verbose,
                nodes,
                operands,
            } => list(ctx, verbose, &split(&nodes), &operands),
            Sub::ListProps {
                verbose,
                listing,
                operands,
            } => list_props(ctx, verbose, &listing, &operands),
            Sub::Show {
                verbose,
                nodes,
                props,
                operands,
            } => {
                let state = ctx.service.snapshot()?;
                let ts = on_nodes(&state, &split(&nodes), &operands)?;
                let mut out = String::new();
                let o = props.shown(verbose);
                render::show::types_shown(&mut out, &ts, &o);
                super::check_shown(&o, ts.len(), "resource type")?;
                ctx.out.out(&out);
                Ok(())
            }
            sub => {
                let (run, steps) = steps(ctx, sub)?;
                execute(ctx, exec(prog, run), &w, &steps)
            }
        }
    })
}

fn steps(ctx: &Ctx, sub: Sub) -> Result<(RunOpts, Vec<Step>)> {
    let types = |ops: &[String]| operands(ops, "resource type", || all_types(ctx));
    Ok(match sub {
        Sub::Register {
            file,
            nodes,
            run,
            operands,
        } => {
            let nodes = split(&nodes);
            let installed = (!nodes.is_empty()).then_some(nodes);
            let mut steps = Vec::new();
            for rtype in split(&operands) {
                let mut req = Request::RegisterType {
                    rtype,
                    installed_nodes: installed.clone(),
                    file: file.as_ref().map(|path| RtrFile {
                        path: path.clone(),
                        text: String::new(),
                    }),
                };
                crate::cli::scrgadm::load_rtr_file(&mut req)?;
                steps.push(Step::Configure(req));
            }
            (run, steps)
        }
        Sub::Unregister { run, operands } => (
            run,
            types(&operands)?
                .into_iter()
                .map(|rtype| Step::Configure(Request::RemoveType { rtype }))
                .collect(),
        ),
        Sub::Set {
            nodes,
            props,
            run,
            operands,
        } => {
            let props = prop_args(&props, &[], &[])?;
            let nodes = split(&nodes);
            let installed = (!nodes.is_empty()).then_some(nodes);
            let steps = types(&operands)?
                .into_iter()
                .map(|rtype| {
                    Step::Configure(Request::ChangeType {
                        rtype,
                        installed_nodes: installed.clone(),
                        props: props.clone(),
                    })
                })
                .collect();
            (run, steps)
        }
        Sub::AddNode {
            nodes,
            run,
            operands,
        } => (
            run,
            node_edit(ctx, &split(&nodes), true, &types(&operands)?)?,
        ),
        Sub::RemoveNode {
            nodes,
            run,
            operands,
        } => (
            run,
            node_edit(ctx, &split(&nodes), false, &types(&operands)?)?,
        ),
        _ => return Err(crate::error::ScError::internal("not a changing subcommand")),
    })
}

/// add-node / remove-node: the new Installed_nodes from the current one (unset = every node).
fn node_edit(ctx: &Ctx, nodes: &[String], add: bool, types: &[String]) -> Result<Vec<Step>> {
    let state = ctx.service.snapshot()?;
    let mut steps = Vec::new();
    for t in types {
        let rt = crate::query::types::registered_type(&state, t)?;
        let all = state.cluster.node_names();
        let installed = match (&rt.installed_nodes, add) {
            // Installed everywhere already.
            (None, true) => continue,
            (None, false) => all.into_iter().filter(|n| !nodes.contains(n)).collect(),
            (Some(cur), true) => {
                let mut l = cur.clone();
                l.extend(nodes.iter().filter(|n| !cur.contains(n)).cloned());
                l
            }
            (Some(cur), false) => cur.iter().filter(|n| !nodes.contains(n)).cloned().collect(),
        };
        steps.push(Step::Configure(Request::ChangeType {
            rtype: rt.name.clone(),
            installed_nodes: Some(installed),
            props: Vec::new(),
        }));
    }
    Ok(steps)
}

/// The types named (or every type) installed on one of `nodes` (checked; all when empty).
fn on_nodes<'a>(
    state: &'a ClusterState,
    nodes: &[String],
    ops: &[String],
) -> Result<Vec<&'a ResourceType>> {
    let nodes = super::clrg::check_nodes(state, nodes)?;
    Ok(shown(state, ops)?
        .into_iter()
        .filter(|t| {
            nodes.is_empty()
                || t.installed_nodes
                    .as_ref()
                    .is_none_or(|i| i.iter().any(|n| nodes.contains(n)))
        })
        .collect())
}

fn list(ctx: &mut Ctx, verbose: bool, nodes: &[String], ops: &[String]) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let ts = on_nodes(&state, nodes, ops)?;
    let rows: Vec<Vec<Vec<String>>> = ts
        .iter()
        .map(|t| {
            let nodes = t
                .installed_nodes
                .as_ref()
                .map_or_else(|| "<All>".to_string(), |n| n.join(" "));
            vec![vec![t.name.clone(), nodes]]
        })
        .collect();
    let table = render::Table {
        heads: &["Resource Type", "Node List"],
        min: &[31],
        indent: "",
        gap: false,
    };
    let mut out = String::new();
    super::names_or_table(&mut out, verbose, &table, &rows);
    ctx.out.out(&out);
    Ok(())
}

fn list_props(
    ctx: &mut Ctx,
    verbose: bool,
    listing: &super::PropListing,
    ops: &[String],
) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for t in shown(&state, ops)? {
        for d in crate::query::types::all_params(t) {
            if seen.contains(&d.name) {
                continue;
            }
            seen.push(d.name.clone());
            let class = if d.extension { "extension" } else { "standard" };
            rows.push(vec![vec![
                d.name.clone(),
                class.to_string(),
                d.description.clone(),
            ]]);
        }
    }
    let mut out = String::new();
    let rows = listing.keep(rows, "resource type")?;
    super::names_or_table(&mut out, verbose, &super::PROPS_TABLE, &rows);
    ctx.out.out(&out);
    Ok(())
}
