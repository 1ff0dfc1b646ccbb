//! `cldevicegroup` / `cldg`: list, show, status and switch device groups.

use super::clrg::RunOpts;
use super::clrs::exec;
use super::{execute, operands, operands_or_all, words};
use crate::cli::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::ClusterState;
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use crate::service::Intent;
use crate::service::batch::Step;
use std::ffi::OsString;

/// Show and switch device groups.
#[derive(Debug, clap::Parser)]
#[command(
    name = "cldevicegroup",
    about = "Device groups: list, show, status, switch, online, offline, enable, disable",
    subcommand_required = true,
    after_help = "The operand + means every device group."
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// List device group names
    List {
        #[command(flatten)]
        detail: super::Detail,
        #[command(flatten)]
        filter: DgFilter,
        /// The device groups (+: every device group)
        #[arg(value_name = "devicegroup | +")]
        operands: Vec<String>,
    },
    /// Show the configuration of device groups
    Show {
        #[command(flatten)]
        detail: super::Detail,
        #[command(flatten)]
        filter: DgFilter,
        /// The device groups (+: every device group)
        #[arg(value_name = "devicegroup | +")]
        operands: Vec<String>,
    },
    /// Show the primary, secondary and status of device groups
    Status {
        /// Accepted as in the synopsis (the status tables have no other detail)
        #[command(flatten)]
        detail: super::Detail,
        #[command(flatten)]
        filter: DgFilter,
        /// The device groups (+: every device group)
        #[arg(value_name = "devicegroup | +")]
        operands: Vec<String>,
    },
    /// Make a node the primary
    Switch {
        /// The node
        #[arg(short = 'n', long = "node", value_name = "node", required = true)]
        node: String,
        #[command(flatten)]
        run: RunOpts,
        /// The device groups (+: every device group)
        #[arg(value_name = "devicegroup | +")]
        operands: Vec<String>,
    },
    /// Bring device groups online (on the node given, else on the first of their nodes)
    Online {
        /// The node
        #[arg(short = 'n', long = "node", value_name = "node")]
        node: Option<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The device groups (+: every device group)
        #[arg(value_name = "devicegroup | +")]
        operands: Vec<String>,
    },
    /// Take device groups offline
    Offline {
        #[command(flatten)]
        run: RunOpts,
        /// The device groups (+: every device group)
        #[arg(value_name = "devicegroup | +")]
        operands: Vec<String>,
    },
    /// Allow device groups to be brought online again (leave maintenance)
    Enable {
        #[command(flatten)]
        run: RunOpts,
        /// The device groups (+: every device group)
        #[arg(value_name = "devicegroup | +")]
        operands: Vec<String>,
    },
    /// Take device groups offline and keep them offline (maintenance)
    Disable {
        #[command(flatten)]
        run: RunOpts,
        /// The device groups (+: every device group)
        #[arg(value_name = "devicegroup | +")]
        operands: Vec<String>,
    },
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

fn all(ctx: &Ctx) -> Result<Vec<String>> {
    Ok(ctx
        .service
        .snapshot()?
        .cluster
        .device_groups
        .iter()
        .map(|d| d.name.clone())
        .collect())
}

/// The device groups named (checked, CL_ENOENT), or every one.
fn shown(state: &ClusterState, ops: &[String]) -> Result<Vec<String>> {
    let names = operands_or_all(ops, "device group", || {
        Ok(state
            .cluster
            .device_groups
            .iter()
            .map(|d| d.name.clone())
            .collect())
    })?;
    for n in &names {
        if !state.cluster.device_groups.iter().any(|d| &d.name == n) {
            let known: Vec<&str> = state
                .cluster
                .device_groups
                .iter()
                .map(|d| d.name.as_str())
                .collect();
            return Err(
                ScError::new(ErrorCode::Inval, format!("device group {n} does not exist"))
                    .kind(crate::error::Kind::NoEnt)
                    .hint("list the device groups with: cldg list")
                    .suggest(n, known),
            );
        }
    }
    Ok(names)
}

/// `-n` and `-t` of list, show and status.
#[derive(Debug, Clone, clap::Args)]
struct DgFilter {
    /// Only device groups that can be mastered by one of these nodes
    #[arg(short = 'n', long = "node", value_name = "node[,...]")]
    nodes: Vec<String>,
    /// Only device groups of these types (rawdisk, svm or its older name sds, vxvm)
    #[arg(short = 't', long = "type", value_name = "devicegrouptype[,...]")]
    types: Vec<String>,
}

/// The device group types `-t` takes; the simulated device groups are all Solaris Volume
/// Manager disk sets (`svm`, `sds` in 3.1's words).
const DG_TYPES: [&str; 4] = ["rawdisk", "svm", "sds", "vxvm"];

/// With `-n`: only the device groups whose node list has one of the nodes (checked); with
/// `-t`: only those of one of the types (a word that is no type is a usage error).
fn on_nodes(state: &ClusterState, names: Vec<String>, f: &DgFilter) -> Result<Vec<String>> {
    let types = super::split(&f.types);
    for t in &types {
        if !DG_TYPES.iter().any(|k| k.eq_ignore_ascii_case(t)) {
            return Err(ScError::inval(format!(
                "-t {t}: not a device group type (types: {})",
                DG_TYPES.join(", ")
            ))
            .suggest(t, DG_TYPES));
        }
    }
    let svm = types.is_empty()
        || types
            .iter()
            .any(|t| t.eq_ignore_ascii_case("svm") || t.eq_ignore_ascii_case("sds"));
    let nodes = super::clrg::check_nodes(state, &super::split(&f.nodes))?;
    Ok(names
        .into_iter()
        .filter(|n| {
            svm && state.cluster.device_groups.iter().any(|d| {
                &d.name == n && (nodes.is_empty() || d.nodes.iter().any(|x| nodes.contains(x)))
            })
        })
        .collect())
}

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let w = words(&args);
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        let dgs = |ops: &[String]| operands(ops, "device group", || all(ctx));
        let (run, steps) = match a.sub {
            Sub::List {
                operands, filter, ..
            } => {
                let state = ctx.service.snapshot()?;
                for n in on_nodes(&state, shown(&state, &operands)?, &filter)? {
                    ctx.out.outln(&n);
                }
                return Ok(());
            }
            Sub::Show {
                operands, filter, ..
            } => {
                let state = ctx.service.snapshot()?;
                let names = on_nodes(&state, shown(&state, &operands)?, &filter)?;
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                let mut out = String::new();
                render::show::device_groups(&mut out, &state, &refs);
                ctx.out.out(&out);
                return Ok(());
            }
            Sub::Status {
                operands, filter, ..
            } => {
                let state = ctx.service.snapshot()?;
                let names = on_nodes(&state, shown(&state, &operands)?, &filter)?;
                let opts = StatusOptions {
                    sections: Sections {
                        device_groups: true,
                        ..Sections::default()
                    },
                    node: None,
                };
                let view = status::collect(&state, &opts);
                let list = view.device_groups.unwrap_or_default();
                let chosen: Vec<&status::DeviceGroupView> = list
                    .iter()
                    .filter(|d| names.iter().any(|n| n == d.name))
                    .collect();
                let mut out = String::new();
                render::status::device_groups(&mut out, &chosen);
                ctx.out.out(&out);
                return Ok(());
            }
            Sub::Switch {
                node,
                run,
                operands,
            } => (
                run,
                vec![Step::Intent(Intent::DeviceSwitch {
                    dgs: dgs(&operands)?,
                    node,
                })],
            ),
            Sub::Online {
                node,
                run,
                operands,
            } => {
                let names = dgs(&operands)?;
                let steps = match node {
                    Some(node) => vec![Step::Intent(Intent::DeviceSwitch { dgs: names, node })],
                    None => {
                        let state = ctx.service.snapshot()?;
                        let mut steps = Vec::new();
                        for n in shown(&state, &names)? {
                            let dg = state.cluster.device_groups.iter().find(|d| d.name == n);
                            if let Some(first) =
                                dg.and_then(|d| d.nodes.iter().find(|x| state.cluster.is_up(x)))
                            {
                                steps.push(Step::Intent(Intent::DeviceSwitch {
                                    dgs: vec![n.clone()],
                                    node: first.clone(),
                                }));
                            }
                        }
                        steps
                    }
                };
                (run, steps)
            }
            Sub::Offline { run, operands } | Sub::Enable { run, operands } => (
                run,
                vec![Step::Intent(Intent::DeviceOffline {
                    dgs: dgs(&operands)?,
                })],
            ),
            Sub::Disable { run, operands } => (
                run,
                vec![Step::Intent(Intent::DeviceMaintenance {
                    dgs: dgs(&operands)?,
                })],
            ),
        };
        execute(ctx, exec(prog, run), &w, &steps)
    })
}
