//! `clresourcegroup` / `clrg`: create, change, list, show and switch resource groups.

use super::{Exec, execute, operands, operands_or_all, prop_args, split, words};
use crate::cli::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, RgMode};
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use crate::service::Intent;
use crate::service::batch::Step;
use crate::service::config::{PropArg, PropOp, Request};
use std::ffi::OsString;

/// Options of every changing subcommand.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct RunOpts {
    /// Print what ran and where the groups ended up (scsim extension)
    #[arg(short = 'v', long = "verbose")]
    pub verbose: bool,
    /// Print the plan and the simulated result; change nothing (scsim extension)
    #[arg(long = "dry-run")]
    pub dry_run: bool,
}

/// Manage Sun Cluster resource groups.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clresourcegroup",
    about = "Manage resource groups: create, change, list, show, bring online, switch, take offline",
    subcommand_required = true,
    after_help = "The operand + means every resource group. Lists are comma-separated."
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Create resource groups (unmanaged, offline)
    Create {
        /// A scalable group (Maximum_primaries and Desired_primaries = the number of nodes)
        #[arg(short = 'S', long = "scalable")]
        scalable: bool,
        /// The Nodelist (default: every cluster node)
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        /// A group property
        #[arg(short = 'p', long = "property", value_name = "name=value")]
        props: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups to create
        #[arg(value_name = "resourcegroup", required = true)]
        operands: Vec<String>,
    },
    /// Delete resource groups (-F: with their resources, taking them offline first)
    Delete {
        /// Delete the resources too, disabling them and taking the group offline first
        #[arg(short = 'F', long = "force")]
        force: bool,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Add nodes to the Nodelist
    #[command(name = "add-node")]
    AddNode {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]", required = true)]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Remove nodes from the Nodelist
    #[command(name = "remove-node")]
    RemoveNode {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]", required = true)]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Change group properties (name=value, name+=value, name-=value)
    Set {
        /// A new Nodelist
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        /// A group property: name=value, name+=value, name-=value (lists)
        #[arg(short = 'p', long = "property", value_name = "name=value")]
        props: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Show the configuration of groups and their resources
    Show {
        /// Every property
        #[arg(short = 'v', long = "verbose")]
        verbose: bool,
        #[command(flatten)]
        props: super::PropNames,
        /// Only groups whose Nodelist has one of these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        #[command(flatten)]
        holding: Holding,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// List group names
    List {
        /// With its mode
        #[arg(short = 'v', long = "verbose")]
        verbose: bool,
        /// Only groups whose Nodelist has one of these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        #[command(flatten)]
        holding: Holding,
        /// Only groups in one of these states on some node
        #[arg(short = 's', long = "state", value_name = "state[,...]")]
        states: Vec<String>,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Show the state of groups on their nodes
    Status {
        /// Accepted as in the synopsis (the status tables have no other detail)
        #[command(flatten)]
        detail: super::Detail,
        /// Only these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        /// Only groups in one of these states on some node
        #[arg(short = 's', long = "state", value_name = "state[,...]")]
        states: Vec<String>,
        #[command(flatten)]
        holding: Holding,
        /// Print the status as JSON (the scstat --json format; scsim extension)
        #[arg(long)]
        json: bool,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Bring groups online (-M manage, -e enable resources, -m enable monitors)
    Online {
        /// Enable every resource of the groups
        #[arg(short = 'e', long = "enable")]
        enable: bool,
        /// Enable the fault monitors of the resources
        #[arg(short = 'm', long = "monitor")]
        monitor: bool,
        /// Manage the groups first
        #[arg(short = 'M', long = "manage")]
        manage: bool,
        /// Bring them online on these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Take groups offline (on every node, or on the nodes given)
    Offline {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Switch groups to the nodes given
    Switch {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]", required = true)]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Make groups managed (offline)
    Manage {
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Make offline groups unmanaged
    Unmanage {
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Suspend automatic recovery
    Suspend {
        /// Kill methods that are running
        #[arg(short = 'k', long = "kill")]
        kill: bool,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Resume automatic recovery
    Resume {
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Quiesce groups (let running methods finish, stop automatic actions)
    Quiesce {
        /// Kill methods that are running
        #[arg(short = 'k', long = "kill")]
        kill: bool,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Restart groups on their primaries (or the nodes given)
    Restart {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
    /// Move every group off the nodes given
    Evacuate {
        /// The nodes (comma-separated or repeated)
        #[arg(short = 'n', long = "node", value_name = "node[,...]", required = true)]
        nodes: Vec<String>,
        /// Seconds the node is not chosen again (default 60)
        #[arg(short = 'T', long = "time", value_name = "seconds")]
        seconds: Option<u64>,
        #[command(flatten)]
        run: RunOpts,
        /// The objects (+)
        #[arg(value_name = "+")]
        operands: Vec<String>,
    },
    /// Bring groups to their most preferred nodes
    Remaster {
        #[command(flatten)]
        run: RunOpts,
        /// The resource groups (+: every group)
        #[arg(value_name = "resourcegroup | +")]
        operands: Vec<String>,
    },
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

/// Every group, in creation order.
pub fn all_groups(ctx: &Ctx) -> Result<Vec<String>> {
    Ok(ctx
        .service
        .snapshot()?
        .resource_groups
        .keys()
        .map(|n| n.to_string())
        .collect())
}

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let w = words(&args);
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        dispatch(ctx, prog, &w, a.sub)
    })
}

fn exec(prog: &'static str, run: RunOpts) -> Exec {
    Exec {
        prog,
        dry_run: run.dry_run,
        verbose: run.verbose,
    }
}

fn groups(ctx: &Ctx, ops: &[String]) -> Result<Vec<String>> {
    operands(ops, "resource group", || all_groups(ctx))
}

fn dispatch(ctx: &mut Ctx, prog: &'static str, w: &[String], sub: Sub) -> Result<()> {
    match sub {
        Sub::Show {
            verbose,
            props,
            nodes,
            holding,
            operands,
        } => show(
            ctx,
            &props.shown(verbose),
            &Filter::new(&nodes, &[], &holding),
            &operands,
        ),
        Sub::List {
            verbose,
            nodes,
            holding,
            states,
            operands,
        } => list(
            ctx,
            verbose,
            &Filter::new(&nodes, &states, &holding),
            &operands,
        ),
        Sub::Status {
            nodes,
            states,
            holding,
            json,
            operands,
            ..
        } => group_status(
            ctx,
            &Filter::new(&nodes, &states, &holding),
            json,
            &operands,
        ),
        sub => {
            let (run, steps) = steps(ctx, sub)?;
            execute(ctx, exec(prog, run), w, &steps)
        }
    }
}

fn configure(reqs: impl IntoIterator<Item = Request>) -> Vec<Step> {
    reqs.into_iter().map(Step::Configure).collect()
}

/// The steps of a changing subcommand.
fn steps(ctx: &Ctx, sub: Sub) -> Result<(RunOpts, Vec<Step>)> {
    Ok(match sub {
        Sub::Create {
            scalable,
            nodes,
            props,
            run,
            operands,
        } => (
            run,
            create(ctx, scalable, &split(&nodes), &props, &operands)?,
        ),
        Sub::Delete {
            force,
            run,
            operands,
        } => (run, delete(ctx, force, &groups(ctx, &operands)?)?),
        Sub::AddNode {
            nodes,
            run,
            operands,
        } => (
            run,
            node_edit(&nodes, PropOp::Add, &groups(ctx, &operands)?),
        ),
        Sub::RemoveNode {
            nodes,
            run,
            operands,
        } => (
            run,
            node_edit(&nodes, PropOp::Remove, &groups(ctx, &operands)?),
        ),
        Sub::Set {
            nodes,
            props,
            run,
            operands,
        } => {
            let props = prop_args(&props, &[], &[])?;
            let nodes = split(&nodes);
            if props.is_empty() && nodes.is_empty() {
                return Err(ScError::inval(
                    "set needs -p name=value or -n nodes: nothing to change",
                ));
            }
            let nodelist = (!nodes.is_empty()).then_some(nodes);
            let reqs = groups(ctx, &operands)?
                .into_iter()
                .map(|group| Request::ChangeGroup {
                    group,
                    nodelist: nodelist.clone(),
                    props: props.clone(),
                });
            (run, configure(reqs))
        }
        sub => runtime(ctx, sub)?,
    })
}

/// The steps of the subcommands that change where groups run.
fn runtime(ctx: &Ctx, sub: Sub) -> Result<(RunOpts, Vec<Step>)> {
    let one = |i: Intent| vec![Step::Intent(i)];
    Ok(match sub {
        Sub::Online {
            enable,
            monitor,
            manage,
            nodes,
            run,
            operands,
        } => (
            run,
            online(ctx, enable, monitor, manage, &split(&nodes), &operands)?,
        ),
        Sub::Offline {
            nodes,
            run,
            operands,
        } => (run, offline(ctx, &split(&nodes), &operands)?),
        Sub::Switch {
            nodes,
            run,
            operands,
        } => {
            let rgs = groups(ctx, &operands)?;
            (
                run,
                one(Intent::Switch {
                    rgs,
                    nodes: split(&nodes),
                }),
            )
        }
        Sub::Manage { run, operands } => (
            run,
            one(Intent::Manage {
                rgs: groups(ctx, &operands)?,
            }),
        ),
        Sub::Unmanage { run, operands } => (
            run,
            one(Intent::Unmanage {
                rgs: groups(ctx, &operands)?,
            }),
        ),
        Sub::Suspend {
            kill,
            run,
            operands,
        } => (
            run,
            one(Intent::Suspend {
                rgs: groups(ctx, &operands)?,
                kill,
            }),
        ),
        Sub::Resume { run, operands } => (
            run,
            one(Intent::Resume {
                rgs: groups(ctx, &operands)?,
            }),
        ),
        Sub::Quiesce {
            kill,
            run,
            operands,
        } => (
            run,
            one(Intent::Quiesce {
                rgs: groups(ctx, &operands)?,
                kill,
            }),
        ),
        Sub::Restart {
            nodes,
            run,
            operands,
        } => (run, restart(ctx, &split(&nodes), &operands)?),
        Sub::Evacuate {
            nodes,
            seconds,
            run,
            operands,
        } => {
            if operands.iter().any(|o| o != "+") {
                return Err(ScError::inval(
                    "evacuate moves every group off the node: give + (or no operand), not group names",
                )
                .hint("to move one group, use: clrg switch -n NODE GROUP"));
            }
            let keep_off_ms = crate::cli::limits::keep_off_ms(
                seconds.unwrap_or(crate::cli::scswitch::DEFAULT_KEEP_OFF_S),
            )?;
            let steps = split(&nodes)
                .into_iter()
                .map(|node| Step::Intent(Intent::Evacuate { node, keep_off_ms }))
                .collect();
            (run, steps)
        }
        Sub::Remaster { run, operands } => (
            run,
            one(Intent::Rebalance {
                rgs: groups(ctx, &operands)?,
            }),
        ),
        _ => return Err(ScError::internal("not a changing subcommand")),
    })
}

fn create(
    ctx: &Ctx,
    scalable: bool,
    nodes: &[String],
    props: &[String],
    ops: &[String],
) -> Result<Vec<Step>> {
    let mut props = prop_args(props, &[], &[])?;
    let has = |props: &[PropArg], n: &str| props.iter().any(|p| p.name.eq_ignore_ascii_case(n));
    if scalable {
        if !has(&props, "RG_mode") {
            props.push(set_arg("RG_mode", "Scalable"));
        }
        let count = if nodes.is_empty() {
            ctx.service.snapshot()?.cluster.nodes.len()
        } else {
            nodes.len()
        };
        for p in ["Maximum_primaries", "Desired_primaries"] {
            if !has(&props, p) {
                props.push(set_arg(p, &count.to_string()));
            }
        }
    }
    let nodelist = (!nodes.is_empty()).then(|| nodes.to_vec());
    Ok(configure(split(ops).into_iter().map(|group| {
        Request::CreateGroup {
            group,
            nodelist: nodelist.clone(),
            props: props.clone(),
        }
    })))
}

fn set_arg(name: &str, value: &str) -> PropArg {
    PropArg {
        name: name.to_string(),
        value: value.to_string(),
        either: true,
        ..PropArg::default()
    }
}

/// `delete -F`: offline, disable and delete the resources (dependents first), then the groups.
fn delete(ctx: &Ctx, force: bool, rgs: &[String]) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    if force {
        let state = ctx.service.snapshot()?;
        let managed: Vec<String> = rgs
            .iter()
            .filter(|g| state.group(g).is_some_and(|g| g.managed))
            .cloned()
            .collect();
        if !managed.is_empty() {
            steps.push(Step::Intent(Intent::Offline { rgs: managed }));
        }
        let resources: Vec<String> = rgs
            .iter()
            .filter_map(|g| state.group(g))
            .flat_map(|g| g.resources.iter().rev().map(|n| n.to_string()))
            .collect();
        let enabled: Vec<String> = resources
            .iter()
            .filter(|r| state.resource(r).is_some_and(|r| r.enabled))
            .cloned()
            .collect();
        if !enabled.is_empty() {
            steps.push(Step::Intent(Intent::Disable {
                resources: enabled,
                monitor_only: false,
            }));
        }
        steps.extend(configure(
            resources
                .into_iter()
                .map(|resource| Request::RemoveResource { resource }),
        ));
    }
    steps.extend(configure(
        rgs.iter()
            .map(|g| Request::RemoveGroup { group: g.clone() }),
    ));
    Ok(steps)
}

fn node_edit(nodes: &[String], op: PropOp, rgs: &[String]) -> Vec<Step> {
    let arg = PropArg {
        name: "Nodelist".into(),
        value: split(nodes).join(","),
        either: true,
        op,
        ..PropArg::default()
    };
    configure(rgs.iter().map(|g| Request::ChangeGroup {
        group: g.clone(),
        nodelist: None,
        props: vec![arg.clone()],
    }))
}

fn online(
    ctx: &Ctx,
    enable: bool,
    monitor: bool,
    manage: bool,
    nodes: &[String],
    ops: &[String],
) -> Result<Vec<Step>> {
    let rgs = groups(ctx, ops)?;
    if enable && manage && nodes.is_empty() {
        // What scswitch -Z does: manage, enable resources and monitors, bring online.
        return Ok(vec![Step::Intent(Intent::Online { rgs })]);
    }
    let mut steps = Vec::new();
    if manage {
        steps.push(Step::Intent(Intent::Manage { rgs: rgs.clone() }));
    }
    if enable || monitor {
        let state = ctx.service.snapshot()?;
        let resources: Vec<String> = rgs
            .iter()
            .filter_map(|g| state.group(g))
            .flat_map(|g| g.resources.iter().map(|n| n.to_string()))
            .collect();
        if enable {
            steps.push(Step::Intent(Intent::Enable {
                resources: resources.clone(),
                monitor_only: false,
            }));
        }
        if monitor {
            steps.push(Step::Intent(Intent::Enable {
                resources,
                monitor_only: true,
            }));
        }
    }
    steps.push(Step::Intent(if nodes.is_empty() {
        Intent::Rebalance { rgs }
    } else {
        Intent::Switch {
            rgs,
            nodes: nodes.to_vec(),
        }
    }));
    Ok(steps)
}

/// `offline -n nodes`: leave the other primaries online.
fn offline(ctx: &Ctx, nodes: &[String], ops: &[String]) -> Result<Vec<Step>> {
    let rgs = groups(ctx, ops)?;
    if nodes.is_empty() {
        return Ok(vec![Step::Intent(Intent::Offline { rgs })]);
    }
    let state = ctx.service.snapshot()?;
    let mut steps = Vec::new();
    for name in rgs {
        let g = crate::query::lookup::group(&state, &name)?;
        let keep: Vec<String> = g
            .primaries()
            .into_iter()
            .filter(|p| !nodes.iter().any(|x| x == p.as_str()))
            .map(|p| p.to_string())
            .collect();
        steps.push(Step::Intent(if keep.is_empty() {
            Intent::Offline { rgs: vec![name] }
        } else {
            Intent::Switch {
                rgs: vec![name],
                nodes: keep,
            }
        }));
    }
    Ok(steps)
}

/// `restart [-n nodes]`: on the nodes given, else on each group's current primaries.
fn restart(ctx: &Ctx, nodes: &[String], ops: &[String]) -> Result<Vec<Step>> {
    let rgs = groups(ctx, ops)?;
    if !nodes.is_empty() {
        return Ok(vec![Step::Intent(Intent::Restart {
            rgs,
            nodes: nodes.to_vec(),
        })]);
    }
    let state = ctx.service.snapshot()?;
    let mut steps = Vec::new();
    for name in rgs {
        let g = crate::query::lookup::group(&state, &name)?;
        let primaries = g.primaries();
        if primaries.is_empty() {
            return Err(ScError::new(
                ErrorCode::State,
                format!("resource group {name} is not online on any node: nothing to restart"),
            )
            .hint(crate::fix::Hint::lead(
                "bring it online with: ",
                crate::fix::Fix::OnlineGroup { g: name.clone() },
            )));
        }
        steps.push(Step::Intent(Intent::Restart {
            rgs: vec![name],
            nodes: primaries.iter().map(|n| n.to_string()).collect(),
        }));
    }
    Ok(steps)
}

/// The `-r` and `-t` filters of `clrg list`, `show` and `status`.
#[derive(Debug, Clone, clap::Args)]
pub struct Holding {
    /// Only groups holding one of these resources
    #[arg(short = 'r', long = "resource", value_name = "resource[,...]")]
    resources: Vec<String>,
    /// Only groups holding a resource of one of these types
    #[arg(short = 't', long = "type", value_name = "resourcetype[,...]")]
    types: Vec<String>,
}

/// Selection of `clrg list`, `show` and `status` (-n, -r, -s, -t).
#[derive(Debug, Default)]
struct Filter {
    resources: Vec<String>,
    nodes: Vec<String>,
    states: Vec<String>,
    types: Vec<String>,
}

impl Filter {
    fn new(nodes: &[String], states: &[String], holding: &Holding) -> Filter {
        Filter {
            resources: split(&holding.resources),
            nodes: split(nodes),
            states: split(states),
            types: split(&holding.types),
        }
    }
}

/// The groups named (none or `+`: every group), each checked to exist.
fn selected<'a>(
    state: &'a ClusterState,
    ops: &[String],
) -> Result<Vec<&'a crate::model::ResourceGroup>> {
    let names = operands_or_all(ops, "resource group", || {
        Ok(state
            .resource_groups
            .keys()
            .map(|n| n.to_string())
            .collect())
    })?;
    names
        .iter()
        .map(|n| crate::query::lookup::group(state, n))
        .collect()
}

/// The groups of `ops` that pass the filter, its names checked first: an unknown node,
/// resource or type is CL_ENOENT, an unknown state a usage error. `per_node`: the states are
/// looked at on the `-n` nodes only (status), else on every node of the Nodelist (list).
fn filtered<'a>(
    state: &'a ClusterState,
    ops: &[String],
    f: &Filter,
    per_node: bool,
) -> Result<Vec<&'a crate::model::ResourceGroup>> {
    let nodes = check_nodes(state, &f.nodes)?;
    for r in &f.resources {
        crate::query::lookup::resource(state, r)?;
    }
    let types = super::check_types(state, &f.types)?;
    let states = super::check_states(&f.states, super::group_states(), "resource group")?;
    let state_nodes: Option<&[String]> = per_node.then_some(nodes.as_slice());
    Ok(selected(state, ops)?
        .into_iter()
        .filter(|g| {
            nodes.is_empty()
                || g.nodelist
                    .iter()
                    .any(|n| nodes.iter().any(|x| x == n.as_str()))
        })
        .filter(|g| {
            f.resources.is_empty()
                || g.resources
                    .iter()
                    .any(|r| f.resources.iter().any(|x| x == r.as_str()))
        })
        .filter(|g| {
            types.is_empty()
                || g.resources
                    .iter()
                    .filter_map(|r| state.resource(r))
                    .any(|r| types.iter().any(|x| x == r.rtype.as_str()))
        })
        .filter(|g| in_state(g, &states, state_nodes))
        .collect())
}

fn in_state(g: &crate::model::ResourceGroup, states: &[String], nodes: Option<&[String]>) -> bool {
    states.is_empty()
        || g.nodelist
            .iter()
            .filter(|n| nodes.is_none_or(|ns| ns.is_empty() || ns.iter().any(|x| x == n.as_str())))
            .any(|n| {
                let s = g.state_on(n).as_str();
                states.iter().any(|w| w.eq_ignore_ascii_case(s))
            })
}

fn list(ctx: &mut Ctx, verbose: bool, f: &Filter, ops: &[String]) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let chosen = filtered(&state, ops, f, false)?;
    let mut out = String::new();
    let objects: Vec<Vec<Vec<String>>> = chosen
        .iter()
        .map(|g| {
            let mode = match g.mode {
                RgMode::Failover => "Failover",
                RgMode::Scalable => "Scalable",
            };
            vec![vec![g.name.to_string(), mode.to_string()]]
        })
        .collect();
    let table = render::Table {
        heads: &["Resource Group", "Mode"],
        min: &[21],
        indent: "",
        gap: false,
    };
    super::names_or_table(&mut out, verbose, &table, &objects);
    ctx.out.out(&out);
    Ok(())
}

fn show(ctx: &mut Ctx, o: &render::show::Shown, f: &Filter, ops: &[String]) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let chosen = filtered(&state, ops, f, false)?;
    let mut out = String::new();
    render::show::groups_shown(&mut out, &state, &chosen, o, true);
    super::check_shown(o, chosen.len(), "resource group")?;
    ctx.out.out(&out);
    Ok(())
}

/// Check that every node named exists (CL_ENOENT otherwise).
pub fn check_nodes(state: &ClusterState, nodes: &[String]) -> Result<Vec<String>> {
    nodes
        .iter()
        .map(|n| crate::query::lookup::node(state, n, "-n").map(|n| n.name.clone()))
        .collect()
}

fn group_status(ctx: &mut Ctx, f: &Filter, json: bool, ops: &[String]) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let nodes = check_nodes(&state, &f.nodes)?;
    let names: Vec<String> = filtered(&state, ops, f, true)?
        .into_iter()
        .map(|g| g.name.to_string())
        .collect();
    let opts = StatusOptions {
        sections: Sections {
            resource_groups: true,
            ..Sections::default()
        },
        node: None,
    };
    let mut view = status::collect(&state, &opts);
    let mut groups: Vec<status::GroupView> = view
        .resource_groups
        .take()
        .unwrap_or_default()
        .into_iter()
        .filter(|g| names.iter().any(|n| n == g.name))
        .collect();
    if !nodes.is_empty() {
        for g in &mut groups {
            g.nodes.retain(|n| nodes.iter().any(|x| x == n.node));
        }
        groups.retain(|g| !g.nodes.is_empty());
    }
    if json {
        view.resource_groups = Some(groups);
        ctx.out.out(&status::render_json(&view));
        return Ok(());
    }
    let refs: Vec<&status::GroupView> = groups.iter().collect();
    let mut out = String::new();
    render::status::groups(&mut out, &refs);
    ctx.out.out(&out);
    Ok(())
}
