//! `--json` on the simulator's changing verbs (`scsim node`, `fault`, `time`, `simulate`): the
//! verb prints its text report as usual, captured here and put inside the outcome document of
//! `render::outcome` with the cluster as the command leaves it.

use super::{Ctx, ops};
use crate::error::Result;
use crate::model::ClusterState;
use crate::render::outcome;

/// Run `f`; with `json`, print its report inside the JSON outcome. `f` returns the cluster as
/// it leaves it when it knows it (a simulation's copy); otherwise the state file is read.
fn wrap(
    ctx: &mut Ctx,
    json: bool,
    command: &str,
    dry_run: bool,
    f: impl FnOnce(&mut Ctx) -> Result<Option<ClusterState>>,
) -> Result<()> {
    if !json {
        return f(ctx).map(crate::let_go);
    }
    let original = ctx.out.begin_capture();
    let done = f(ctx);
    let report = ctx.out.end_capture(original);
    let state = match done? {
        Some(s) => s,
        None => ctx.service.snapshot()?,
    };
    ctx.out
        .out(&outcome::json(command, dry_run, &report, &state, None));
    crate::let_go(state);
    Ok(())
}

pub fn node(ctx: &mut Ctx, a: ops::NodeArgs) -> Result<()> {
    let (json, dry_run, verb) = match &a.action {
        ops::NodeAction::Down { json, dry_run, .. } => (*json, *dry_run, "node down"),
        ops::NodeAction::Up { json, dry_run, .. } => (*json, *dry_run, "node up"),
        ops::NodeAction::Root { .. } => (false, false, "node root"),
    };
    wrap(ctx, json, verb, dry_run, |ctx| ops::node(ctx, a).map(Some))
}

pub fn fault(ctx: &mut Ctx, a: ops::FaultArgs) -> Result<()> {
    let (json, dry_run, verb) = match &a.action {
        ops::FaultAction::Inject(i) => (i.json, i.dry_run, "fault inject"),
        ops::FaultAction::Clear { json, dry_run, .. } => (*json, *dry_run, "fault clear"),
        ops::FaultAction::List { .. } => (false, false, "fault list"),
    };
    wrap(ctx, json, verb, dry_run, |ctx| {
        ops::fault(ctx, a).map(|_| None)
    })
}

pub fn time(ctx: &mut Ctx, a: ops::TimeArgs) -> Result<()> {
    let ops::TimeAction::Advance { json, dry_run, .. } = &a.action;
    let (json, dry_run) = (*json, *dry_run);
    wrap(ctx, json, "time advance", dry_run, |ctx| {
        ops::time(ctx, a).map(|_| None)
    })
}

pub fn simulate(ctx: &mut Ctx, a: ops::SimulateArgs) -> Result<()> {
    let json = a.json;
    wrap(ctx, json, "simulate", true, |ctx| {
        ops::simulate(ctx, a).map(Some)
    })
}
