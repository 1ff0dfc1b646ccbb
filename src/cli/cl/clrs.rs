//! `clresource` / `clrs`: create, change, list, show, enable, disable and monitor resources.
//! The verbs other than `create` are shared with `clrslh` and `clrssa` ([`Verbs`]).

use super::clrg::RunOpts;
use super::{Exec, execute, operands, operands_or_all, prop_args, split, words};
use crate::cli::Ctx;
use crate::error::{Result, ScError};
use crate::model::{ClusterState, Resource};
use crate::render::cl as render;
use crate::render::status::{self, Sections, StatusOptions};
use crate::service::Intent;
use crate::service::batch::Step;
use crate::service::config::Request;
use std::ffi::OsString;

/// Manage Sun Cluster resources.
#[derive(Debug, clap::Parser)]
#[command(
    name = "clresource",
    about = "Manage resources: create, change, list, show, enable, disable, monitor",
    subcommand_required = true,
    after_help = "The operand + means every resource (of the groups given with -g, the types given with -t)."
)]
pub struct Args {
    #[command(subcommand)]
    sub: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Create resources (enabled unless -d)
    Create {
        /// The resource group
        #[arg(
            short = 'g',
            long = "resourcegroup",
            value_name = "resourcegroup",
            required = true
        )]
        group: String,
        /// The resource type
        #[arg(
            short = 't',
            long = "type",
            value_name = "resourcetype",
            required = true
        )]
        rtype: String,
        #[command(flatten)]
        create: CreateOpts,
        /// A standard property
        #[arg(short = 'y', long = "standard-property", value_name = "name=value")]
        standard: Vec<String>,
        /// An extension property
        #[arg(short = 'x', long = "extension-property", value_name = "name=value")]
        extension: Vec<String>,
        #[command(flatten)]
        run: RunOpts,
        /// The name of the new resource
        #[arg(value_name = "resource", required = true)]
        operands: Vec<String>,
    },
    #[command(flatten)]
    Verb(Verbs),
}

/// Options every `create` takes.
#[derive(Debug, Clone, clap::Args)]
pub struct CreateOpts {
    /// Leave the new resources disabled
    #[arg(short = 'd', long = "disable")]
    pub disabled: bool,
    /// A property (standard or extension; NAME{node}=value for a PER_NODE one, 3.2)
    #[arg(short = 'p', long = "property", value_name = "name=value")]
    pub props: Vec<String>,
}

/// Which resources a verb considers.
#[derive(Debug, Clone, clap::Args)]
pub struct Scope {
    /// Only resources of these groups
    #[arg(
        short = 'g',
        long = "resourcegroup",
        value_name = "resourcegroup[,...]"
    )]
    pub groups: Vec<String>,
    /// Only resources of these types
    #[arg(short = 't', long = "type", value_name = "resourcetype[,...]")]
    pub types: Vec<String>,
}

/// The verbs of clrs that clrslh and clrssa share.
#[derive(Debug, clap::Subcommand)]
pub enum Verbs {
    /// Delete resources (-F: disable them first)
    Delete {
        /// Disable enabled resources before deleting them
        #[arg(short = 'F', long = "force")]
        force: bool,
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        run: RunOpts,
        /// The resources (+: every resource in scope)
        #[arg(value_name = "resource | +")]
        operands: Vec<String>,
    },
    /// Change properties (name=value, name+=value, name-=value)
    Set {
        /// A property: name=value, name+=value, name-=value (lists), name{node}=value (per-node)
        #[arg(short = 'p', long = "property", value_name = "name=value")]
        props: Vec<String>,
        /// A standard property (name=value)
        #[arg(short = 'y', long = "standard-property", value_name = "name=value")]
        standard: Vec<String>,
        /// An extension property (name=value, name{node}=value)
        #[arg(short = 'x', long = "extension-property", value_name = "name=value")]
        extension: Vec<String>,
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        run: RunOpts,
        /// The resources (+: every resource in scope)
        #[arg(value_name = "resource | +")]
        operands: Vec<String>,
    },
    /// Show the configuration of resources
    Show {
        /// Every property
        #[arg(short = 'v', long = "verbose")]
        verbose: bool,
        #[command(flatten)]
        props: super::PropNames,
        #[command(flatten)]
        scope: Scope,
        /// The resources (+: every resource in scope)
        #[arg(value_name = "resource | +")]
        operands: Vec<String>,
    },
    /// List resource names
    List {
        /// With group and type
        #[arg(short = 'v', long = "verbose")]
        verbose: bool,
        /// Only resources whose group may run on these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        /// Only resources in one of these states on some node (of -n, if given)
        #[arg(short = 's', long = "state", value_name = "state[,...]")]
        states: Vec<String>,
        #[command(flatten)]
        scope: Scope,
        /// The resources (+: every resource in scope)
        #[arg(value_name = "resource | +")]
        operands: Vec<String>,
    },
    /// List the properties of resources
    #[command(name = "list-props")]
    ListProps {
        /// With class and description
        #[arg(short = 'v', long = "verbose")]
        verbose: bool,
        #[command(flatten)]
        listing: super::PropListing,
        #[command(flatten)]
        scope: Scope,
        /// The resources (+: every resource in scope)
        #[arg(value_name = "resource | +")]
        operands: Vec<String>,
    },
    /// Show the state of resources on their nodes
    Status {
        /// Accepted as in the synopsis (the status tables have no other detail)
        #[command(flatten)]
        detail: super::Detail,
        /// Only these nodes
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        /// Only resources in one of these states on some node
        #[arg(short = 's', long = "state", value_name = "state[,...]")]
        states: Vec<String>,
        /// Print the status as JSON (the scstat --json format; scsim extension)
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        scope: Scope,
        /// The resources (+: every resource in scope)
        #[arg(value_name = "resource | +")]
        operands: Vec<String>,
    },
    /// Enable resources
    Enable {
        #[command(flatten)]
        switch: Switch,
    },
    /// Disable resources
    Disable {
        #[command(flatten)]
        switch: Switch,
    },
    /// Enable the fault monitors of resources
    Monitor {
        #[command(flatten)]
        switch: Switch,
    },
    /// Disable the fault monitors of resources
    Unmonitor {
        #[command(flatten)]
        switch: Switch,
    },
    /// Clear an error flag (STOP_FAILED) of resources (`reset` in clrslh and clrssa)
    #[command(alias = "reset")]
    Clear {
        /// The error flag to clear
        #[arg(short = 'f', long = "flag", value_name = "errorflag", required = true)]
        flag: String,
        /// On these nodes (default: every node of the group)
        #[arg(short = 'n', long = "node", value_name = "node[,...]")]
        nodes: Vec<String>,
        #[command(flatten)]
        scope: Scope,
        #[command(flatten)]
        run: RunOpts,
        /// The resources (+: every resource in scope)
        #[arg(value_name = "resource | +")]
        operands: Vec<String>,
    },
}

/// Options of enable, disable, monitor, unmonitor.
#[derive(Debug, Clone, clap::Args)]
pub struct Switch {
    /// Only on these nodes (3.2 per-node switches)
    #[arg(short = 'n', long = "node", value_name = "node[,...]")]
    pub nodes: Vec<String>,
    /// Also the resources they depend on (enable) or that depend on them (disable)
    #[arg(short = 'r', short_alias = 'R', long = "recursive")]
    pub recursive: bool,
    #[command(flatten)]
    pub scope: Scope,
    #[command(flatten)]
    pub run: RunOpts,
    /// The resources (+: every resource in scope)
    #[arg(value_name = "resource | +")]
    pub operands: Vec<String>,
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

pub fn run(ctx: &mut Ctx, prog: &'static str, args: Vec<OsString>) -> Result<()> {
    super::run_cl(ctx, args, |ctx, args| {
        let w = words(&args);
        let cmd = super::conventions(command(), prog);
        let Some(a) = super::parse::<Args>(ctx, prog, cmd, args)? else {
            return Ok(());
        };
        match a.sub {
            Sub::Create {
                group,
                rtype,
                create,
                standard,
                extension,
                run,
                operands,
            } => {
                let props = prop_args(&create.props, &standard, &extension)?;
                let mut steps: Vec<Step> = split(&operands)
                    .into_iter()
                    .map(|resource| {
                        Step::Configure(Request::CreateResource {
                            resource,
                            rtype: rtype.clone(),
                            group: group.clone(),
                            props: props.clone(),
                        })
                    })
                    .collect();
                if !create.disabled {
                    steps.push(enable_new(split(&operands)));
                }
                execute(ctx, exec(prog, run), &w, &steps)
            }
            Sub::Verb(v) => verb(ctx, prog, &w, v, None),
        }
    })
}

/// New resources are enabled unless `-d` (the 3.2 default).
pub fn enable_new(resources: Vec<String>) -> Step {
    Step::Intent(Intent::Enable {
        resources,
        monitor_only: false,
    })
}

pub fn exec(prog: &'static str, run: RunOpts) -> Exec {
    Exec {
        prog,
        dry_run: run.dry_run,
        verbose: run.verbose,
    }
}

/// The resources in scope: in the groups of `-g` and of the types of `-t` (both checked).
fn in_scope<'a>(
    state: &'a ClusterState,
    scope: &Scope,
    only_type: Option<&str>,
) -> Result<Vec<&'a Resource>> {
    let groups = split(&scope.groups);
    for g in &groups {
        crate::query::lookup::group(state, g)?;
    }
    let mut types = split(&scope.types);
    for t in &types {
        crate::query::types::registered_type(state, t)?;
    }
    if let Some(t) = only_type {
        types.push(t.to_string());
    }
    Ok(state
        .resources
        .values()
        .filter(|r| groups.is_empty() || groups.iter().any(|x| x == r.group.as_str()))
        .filter(|r| {
            types.is_empty()
                || state
                    .type_of(r)
                    .is_some_and(|t| types.iter().any(|q| crate::query::types::names_type(t, q)))
        })
        .collect())
}

/// The resources a changing verb acts on: names, or `+` for every resource in scope.
fn targets(
    ctx: &Ctx,
    ops: &[String],
    scope: &Scope,
    only_type: Option<&str>,
) -> Result<Vec<String>> {
    operands(ops, "resource", || {
        let state = ctx.service.snapshot()?;
        Ok(in_scope(&state, scope, only_type)?
            .into_iter()
            .map(|r| r.name.to_string())
            .collect())
    })
}

/// The resources a read-only verb shows: names (checked), or every resource in scope.
fn shown<'a>(
    state: &'a ClusterState,
    ops: &[String],
    scope: &Scope,
    only_type: Option<&str>,
) -> Result<Vec<&'a Resource>> {
    let all = in_scope(state, scope, only_type)?;
    if ops.is_empty() || ops.iter().any(|o| o == "+") {
        operands_or_all(ops, "resource", || Ok(Vec::new()))?;
        return Ok(all);
    }
    let mut out = Vec::new();
    for n in split(ops) {
        let r = crate::query::lookup::resource(state, &n)?;
        if all.iter().any(|a| a.name == r.name) {
            out.push(r);
        }
    }
    Ok(out)
}

/// Run one of the shared verbs; `only_type` limits clrslh/clrssa to their type.
pub fn verb(
    ctx: &mut Ctx,
    prog: &'static str,
    w: &[String],
    v: Verbs,
    only_type: Option<&str>,
) -> Result<()> {
    match v {
        Verbs::Show {
            verbose,
            props,
            scope,
            operands,
        } => {
            let state = ctx.service.snapshot()?;
            let rs = shown(&state, &operands, &scope, only_type)?;
            let mut out = String::new();
            let o = props.shown(verbose);
            render::show::resources(&mut out, &state, &rs, &o);
            super::check_shown(&o, rs.len(), "resource")?;
            ctx.out.out(&out);
            Ok(())
        }
        Verbs::List {
            verbose,
            nodes,
            states,
            scope,
            operands,
        } => {
            let sel = Selection {
                nodes: split(&nodes),
                states: split(&states),
                json: false,
            };
            list(ctx, verbose, &sel, &scope, &operands, only_type)
        }
        Verbs::ListProps {
            verbose,
            listing,
            scope,
            operands,
        } => list_props(ctx, (verbose, &listing), &scope, &operands, only_type),
        Verbs::Status {
            nodes,
            states,
            json,
            scope,
            operands,
            ..
        } => {
            let sel = Selection {
                nodes: split(&nodes),
                states: split(&states),
                json,
            };
            resource_status(ctx, &sel, &scope, &operands, only_type)
        }
        v => {
            let (run, steps) = change(ctx, v, only_type)?;
            execute(ctx, exec(prog, run), w, &steps)
        }
    }
}

fn change(ctx: &Ctx, v: Verbs, only_type: Option<&str>) -> Result<(RunOpts, Vec<Step>)> {
    Ok(match v {
        Verbs::Delete {
            force,
            scope,
            run,
            operands,
        } => {
            let rs = targets(ctx, &operands, &scope, only_type)?;
            let mut steps = Vec::new();
            if force {
                let state = ctx.service.snapshot()?;
                let enabled: Vec<String> = rs
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
            }
            steps.extend(
                rs.into_iter()
                    .map(|resource| Step::Configure(Request::RemoveResource { resource })),
            );
            (run, steps)
        }
        Verbs::Set {
            props,
            standard,
            extension,
            scope,
            run,
            operands,
        } => {
            let props = prop_args(&props, &standard, &extension)?;
            if props.is_empty() {
                return Err(ScError::inval(
                    "set needs -p name=value (or -y, -x): nothing to change",
                ));
            }
            let steps = targets(ctx, &operands, &scope, only_type)?
                .into_iter()
                .map(|resource| {
                    Step::Configure(Request::ChangeResource {
                        resource,
                        props: props.clone(),
                    })
                })
                .collect();
            (run, steps)
        }
        Verbs::Enable { switch } => switched(ctx, switch, true, false, only_type)?,
        Verbs::Disable { switch } => switched(ctx, switch, false, false, only_type)?,
        Verbs::Monitor { switch } => switched(ctx, switch, true, true, only_type)?,
        Verbs::Unmonitor { switch } => switched(ctx, switch, false, true, only_type)?,
        Verbs::Clear {
            flag,
            nodes,
            scope,
            run,
            operands,
        } => {
            if !flag.trim().eq_ignore_ascii_case("STOP_FAILED") {
                return Err(ScError::inval(format!(
                    "-f {flag}: the error flag the simulated cluster sets and clears is STOP_FAILED"
                )));
            }
            let resources = targets(ctx, &operands, &scope, only_type)?;
            let mut nodes = split(&nodes);
            if nodes.is_empty() {
                let state = ctx.service.snapshot()?;
                for r in &resources {
                    let r = crate::query::lookup::resource(&state, r)?;
                    for n in state
                        .group(&r.group)
                        .map(|g| g.nodelist.clone())
                        .unwrap_or_default()
                    {
                        if !nodes.iter().any(|x| x == n.as_str()) {
                            nodes.push(n.to_string());
                        }
                    }
                }
            }
            (
                run,
                vec![Step::Intent(Intent::ClearStopFailed { resources, nodes })],
            )
        }
        _ => return Err(ScError::internal("not a changing verb")),
    })
}

/// enable / disable / monitor / unmonitor.
fn switched(
    ctx: &Ctx,
    s: Switch,
    on: bool,
    monitor_only: bool,
    only_type: Option<&str>,
) -> Result<(RunOpts, Vec<Step>)> {
    let mut resources = targets(ctx, &s.operands, &s.scope, only_type)?;
    if s.recursive {
        let state = ctx.service.snapshot()?;
        resources = closure(&state, &resources, on);
    }
    let nodes = split(&s.nodes);
    let intent = match (nodes.is_empty(), on) {
        (true, true) => Intent::Enable {
            resources,
            monitor_only,
        },
        (true, false) => Intent::Disable {
            resources,
            monitor_only,
        },
        (false, on) => Intent::NodeSwitch {
            resources,
            nodes,
            on,
            monitor_only,
        },
    };
    Ok((s.run, vec![Step::Intent(intent)]))
}

/// With `-r`: enabling takes the resources they depend on along (strong and restart
/// dependencies, transitively); disabling takes their dependents along.
fn closure(state: &ClusterState, start: &[String], dependees: bool) -> Vec<String> {
    let mut out: Vec<String> = start.to_vec();
    let mut i = 0;
    while i < out.len() {
        let name = out[i].clone();
        let next: Vec<String> = if dependees {
            state
                .resource(&name)
                .map(|r| r.dependencies.hard().map(|n| n.to_string()).collect())
                .unwrap_or_default()
        } else {
            state
                .resources
                .values()
                .filter(|r| r.dependencies.hard().any(|d| *d == name))
                .map(|r| r.name.to_string())
                .collect()
        };
        for n in next {
            let bare = n.split('{').next().unwrap_or(&n).to_string();
            if !out.contains(&bare) && state.resource(&bare).is_some() {
                out.push(bare);
            }
        }
        i += 1;
    }
    out
}

fn list(
    ctx: &mut Ctx,
    verbose: bool,
    sel: &Selection,
    scope: &Scope,
    ops: &[String],
    only_type: Option<&str>,
) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let nodes = super::clrg::check_nodes(&state, &sel.nodes)?;
    let states = super::check_states(&sel.states, &super::RESOURCE_STATES, "resource")?;
    // The nodes a resource is looked at on: its group's Nodelist, within -n when given.
    let on = |r: &Resource| -> Vec<String> {
        state
            .group(&r.group)
            .map(|g| {
                g.nodelist
                    .iter()
                    .filter(|n| nodes.is_empty() || nodes.iter().any(|x| x == n.as_str()))
                    .map(|n| n.to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let rs: Vec<&Resource> = shown(&state, ops, scope, only_type)?
        .into_iter()
        .filter(|r| !on(r).is_empty())
        .filter(|r| {
            states.is_empty()
                || on(r).iter().any(|n| {
                    let s = r.state_on(n).as_str();
                    states.iter().any(|w| w.eq_ignore_ascii_case(s))
                })
        })
        .collect();
    let objects: Vec<Vec<Vec<String>>> = rs
        .iter()
        .map(|r| {
            vec![vec![
                r.name.to_string(),
                r.rtype.to_string(),
                r.group.to_string(),
            ]]
        })
        .collect();
    let table = render::Table {
        heads: &["Resource Name", "Resource Type", "Resource Group"],
        min: &[16, 24],
        indent: "",
        gap: false,
    };
    let mut out = String::new();
    super::names_or_table(&mut out, verbose, &table, &objects);
    ctx.out.out(&out);
    Ok(())
}

fn list_props(
    ctx: &mut Ctx,
    (verbose, listing): (bool, &super::PropListing),
    scope: &Scope,
    ops: &[String],
    only_type: Option<&str>,
) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let rs = shown(&state, ops, scope, only_type)?;
    let mut out = String::new();
    let mut seen: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    for r in rs {
        let Some(rt) = state.type_of(r) else { continue };
        for d in crate::query::types::all_params(rt) {
            if crate::query::types::is_query_only(&d.name) || seen.contains(&d.name) {
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
    let rows = listing.keep(rows, "resource")?;
    super::names_or_table(&mut out, verbose, &super::PROPS_TABLE, &rows);
    ctx.out.out(&out);
    Ok(())
}

/// What `status` shows: which nodes and states, and in which form.
struct Selection {
    nodes: Vec<String>,
    states: Vec<String>,
    json: bool,
}

fn resource_status(
    ctx: &mut Ctx,
    sel: &Selection,
    scope: &Scope,
    ops: &[String],
    only_type: Option<&str>,
) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let nodes = super::clrg::check_nodes(&state, &sel.nodes)?;
    super::check_states(&sel.states, &super::RESOURCE_STATES, "resource")?;
    let names: Vec<String> = shown(&state, ops, scope, only_type)?
        .into_iter()
        .map(|r| r.name.to_string())
        .collect();
    let opts = StatusOptions {
        sections: Sections {
            resource_groups: true,
            ..Sections::default()
        },
        node: None,
    };
    let mut view = status::collect(&state, &opts);
    let mut groups = view.resource_groups.take().unwrap_or_default();
    for g in &mut groups {
        g.resources.retain(|r| names.iter().any(|n| n == r.name()));
        if !nodes.is_empty() {
            g.resources.keep_nodes(&nodes);
        }
        g.resources.retain(|r| {
            r.nodes().next().is_some()
                && (sel.states.is_empty()
                    || r.nodes()
                        .any(|n| sel.states.iter().any(|s| s.eq_ignore_ascii_case(n.state))))
        });
    }
    groups.retain(|g| !g.resources.is_empty());
    if sel.json {
        view.resource_groups = Some(groups);
        ctx.out.out(&status::render_json(&view));
        return Ok(());
    }
    let mut chosen: Vec<status::ResourceView> =
        groups.iter().flat_map(|g| g.resources.iter()).collect();
    // In the order the operands (or the configuration) name them.
    chosen.sort_by_key(|r| names.iter().position(|n| n == r.name()));
    let mut out = String::new();
    render::status::resources(&mut out, &chosen);
    ctx.out.out(&out);
    Ok(())
}
