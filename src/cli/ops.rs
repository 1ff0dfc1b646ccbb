//! The simulator's own verbs: `scsim node down|up` (membership events), `scsim fault
//! inject|list|clear` (method and monitor failures), `scsim time advance` (simulated time) and
//! `scsim simulate` (what-if on a copy); `scsim log` is in `log.rs`. The service does the work;
//! these parse the options and print the outcome. Every command that changes the cluster prints
//! what the cluster did in response and where the groups ended up, and takes `--dry-run`.

use super::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, Fault, FaultKind, Method};
use crate::query::lookup::{declared_method, known_resource, node_name};
use crate::render::plan as render;
use crate::service::faults::{FaultSpec, Injected};
use crate::service::time::Expiry;
use crate::service::{CommandLine, Intent, Mode, Transition};
use crate::timefmt;
use clap::Subcommand;

#[derive(Debug, clap::Args)]
pub struct NodeArgs {
    #[command(subcommand)]
    pub action: NodeAction,
}

#[derive(Debug, Subcommand)]
pub enum NodeAction {
    /// The node crashes (or, with --clean, shuts down in order); its groups fail over
    Down {
        /// The node (name or id)
        #[arg(value_name = "NODE")]
        node: String,
        /// Orderly shutdown: switch the groups off first, then leave the cluster
        #[arg(long)]
        clean: bool,
        /// Print what would happen; change nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the outcome as JSON (docs/json.md)
        #[arg(long)]
        json: bool,
    },
    /// The nodes boot and join (Boot methods, Failback, stranded groups come back)
    Up {
        /// The nodes (names or ids)
        #[arg(required = true, num_args = 1.., value_name = "NODE")]
        nodes: Vec<String>,
        /// Print what would happen; change nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the outcome as JSON (docs/json.md)
        #[arg(long)]
        json: bool,
    },
    /// Print the path of the node's root directory (its etc/hosts, etc/vfstab, opt/…)
    #[command(after_help = "Example:\n  cat $(scsim node root mail-1)/etc/vfstab")]
    Root {
        /// The node (name)
        #[arg(value_name = "NODE")]
        node: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct FaultArgs {
    #[command(subcommand)]
    pub action: FaultAction,
}

#[derive(Debug, Subcommand)]
pub enum FaultAction {
    /// Make a method fail (or hang), or make a fault monitor report a failure now
    Inject(InjectArgs),
    /// List armed faults
    List {
        /// Print JSON (format_version, faults) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Remove armed faults (all, or those of one resource)
    Clear {
        /// Only the faults of this resource
        #[arg(long, value_name = "R")]
        resource: Option<String>,
        /// Print what would be removed; change nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the outcome as JSON (docs/json.md)
        #[arg(long)]
        json: bool,
    },
}

// The options of `scsim fault inject` (its help is the variant's doc comment).
#[derive(Debug, clap::Args)]
pub struct InjectArgs {
    /// The resource
    #[arg(long, value_name = "R")]
    pub resource: String,
    /// The method that fails (Start, Stop, Prenet_start, Monitor_start, Validate, …)
    #[arg(long, value_name = "METHOD", conflicts_with_all = ["monitor", "watcher"])]
    pub method: Option<String>,
    /// The fault monitor reports the resource failed (now)
    #[arg(long, conflicts_with = "watcher")]
    pub monitor: bool,
    /// SUNW.ims: the Messaging Server watcher process dies (now)
    #[arg(long, conflicts_with = "server")]
    pub watcher: bool,
    /// SUNW.ims: a Messaging Server server dies (now; the watcher restarts it, logs it or gives up, per local.autorestart): store, imap, pop, http, job_controller, dispatcher, ens, sched, mmp
    #[arg(long, value_name = "SERVER", conflicts_with_all = ["method", "monitor"])]
    pub server: Option<String>,
    /// Only on this node
    #[arg(long, value_name = "NODE")]
    pub node: Option<String>,
    /// Fail the next K calls (default: every call) / report K monitor failures (default 1)
    #[arg(long, value_name = "K")]
    pub times: Option<u32>,
    /// The method hangs until its timeout instead of exiting non-zero
    #[arg(long, requires = "method")]
    pub timeout: bool,
    /// Print what would happen; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print the outcome as JSON (docs/json.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct TimeArgs {
    #[command(subcommand)]
    pub action: TimeAction,
}

#[derive(Debug, Subcommand)]
pub enum TimeAction {
    /// Let simulated time pass (90, 90s, 10m, "10 minutes", 1h30m, 2d)
    Advance {
        /// How long: seconds, or spans with units (10m, 10 minutes, 1h30m, 2d, 500ms)
        #[arg(required = true, num_args = 1.., value_name = "DURATION")]
        duration: Vec<String>,
        /// Print what would expire; change nothing
        #[arg(long)]
        dry_run: bool,
        /// Print the outcome as JSON (docs/json.md)
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// A node crashes (repeatable, applied in order)
    #[arg(long = "node-down", value_name = "NODE")]
    pub node_down: Vec<String>,
    /// A node boots (repeatable, applied after the node-downs)
    #[arg(long = "node-up", value_name = "NODE")]
    pub node_up: Vec<String>,
    /// A method fails: R:METHOD[@NODE] (METHOD `monitor` = the fault monitor reports a failure)
    #[arg(long = "fail", value_name = "R:METHOD[@NODE]")]
    pub fail: Vec<String>,
    /// Print the simulation as JSON (docs/json.md)
    #[arg(long)]
    pub json: bool,
}

/// A transition and the placement of the groups it touched, as the state is right after it,
/// handed to `sink` in pieces.
fn report(tr: &Transition, state: &ClusterState, sink: &mut dyn FnMut(&str)) {
    render::write_transition(tr, sink);
    let groups = tr.groups(state);
    if !groups.is_empty() {
        sink("Resulting placement:\n");
        sink(&render::placement(state, &groups));
    }
}

/// Run an intent as a native command and report what the cluster did (with `dry_run`: the
/// plan, and the run the injected faults would cause; nothing written).
/// Returns the cluster as the intent leaves it (or, in a dry run, would leave it).
fn run_native(
    ctx: &mut Ctx,
    words: &[String],
    intent: Intent,
    dry_run: bool,
) -> Result<ClusterState> {
    let now = ctx.now_ms()?;
    let mode = Mode::dry_run_if(dry_run);
    let cmd = CommandLine {
        prog: "scsim",
        words,
    };
    let done = ctx.service.apply_intent(cmd, &intent, mode, now)?;
    let tr = &done.transition;
    if !dry_run {
        report(tr, &done.state, &mut |piece| ctx.out.out(piece));
        crate::let_go(done.transition);
        return Ok(done.state);
    }
    // Printed only when the intent was accepted: a refusal prints nothing on stdout, as the
    // real command's would.
    let mut text = String::from("Dry run: nothing was changed.\n");
    text.push_str(&render::plan(&tr.plan));
    if !tr.failures.is_empty() || !tr.replans.is_empty() {
        text.push_str("With the injected faults, the run would go:\n");
        text.push_str(&render::transition(tr));
    }
    let groups = tr.groups(&done.state);
    if !groups.is_empty() {
        text.push_str("Resulting placement:\n");
        text.push_str(&render::placement(&done.state, &groups));
    }
    ctx.out.out(&text);
    Ok(done.state)
}

pub fn node(ctx: &mut Ctx, a: NodeArgs) -> Result<ClusterState> {
    match a.action {
        NodeAction::Down {
            node,
            clean,
            dry_run,
            ..
        } => {
            let mut words = vec!["node".to_string(), "down".to_string(), node.clone()];
            if clean {
                words.push("--clean".into());
            }
            let intent = Intent::NodeDown {
                node,
                clean,
                reason: None,
            };
            run_native(ctx, &words, intent, dry_run)
        }
        NodeAction::Root { node } => {
            let root = ctx.service.node_root(&node)?;
            ctx.out.outln(&root.display().to_string());
            ctx.service.snapshot()
        }
        NodeAction::Up { nodes, dry_run, .. } => {
            let mut words = vec!["node".to_string(), "up".to_string()];
            words.extend(nodes.iter().cloned());
            run_native(ctx, &words, Intent::NodeUp { nodes }, dry_run)
        }
    }
}

pub fn fault(ctx: &mut Ctx, a: FaultArgs) -> Result<()> {
    match a.action {
        FaultAction::List { json } => {
            let state = ctx.service.snapshot()?;
            if json {
                let v = serde_json::json!({"format_version": crate::render::FORMAT_VERSION, "faults": state.faults});
                ctx.out.outln(
                    &serde_json::to_string_pretty(&v)
                        .map_err(|e| ScError::internal(e.to_string()))?,
                );
            } else if state.faults.is_empty() {
                ctx.out.outln("No faults armed.");
            } else {
                for f in &state.faults {
                    ctx.out.outln(&describe_fault(f));
                }
            }
            Ok(())
        }
        FaultAction::Clear {
            resource, dry_run, ..
        } => {
            let mode = Mode::dry_run_if(dry_run);
            let now = if dry_run { 0 } else { ctx.now_ms()? };
            let n = ctx.service.clear_faults(resource.as_deref(), mode, now)?;
            let s = if n == 1 { "" } else { "s" };
            ctx.out.outln(&if dry_run {
                format!("Dry run: would clear {n} fault{s}. Nothing was changed.")
            } else {
                format!("Cleared {n} fault{s}.")
            });
            Ok(())
        }
        FaultAction::Inject(args) => inject(ctx, args),
    }
}

fn describe_fault(f: &Fault) -> String {
    let what = match &f.kind {
        FaultKind::MethodFails { method } => format!("{} fails", method.rtr_name()),
        FaultKind::MethodTimeout { method } => {
            format!("{} hangs until its timeout", method.rtr_name())
        }
        FaultKind::Monitor => "fault monitor reports a failure".to_string(),
    };
    format!(
        "{}: {what}{}, {}",
        f.resource,
        f.node
            .as_ref()
            .map(|n| format!(" on {n}"))
            .unwrap_or_else(|| " on any node".to_string()),
        match f.remaining {
            Some(1) => "next call only".to_string(),
            Some(k) => format!("next {k} calls"),
            None => "every call".to_string(),
        }
    )
}

fn inject(ctx: &mut Ctx, a: InjectArgs) -> Result<()> {
    if a.times == Some(0) {
        return Err(ScError::inval("--times must be at least 1"));
    }
    let method = match &a.method {
        None => None,
        Some(m) => Some(Method::parse(m).ok_or_else(|| {
            ScError::inval(format!(
                "--method {m}: not a method name; use one of {}",
                Method::ALL.map(|m| m.rtr_name()).join(", ")
            ))
        })?),
    };
    if method.is_none() && !a.monitor && !a.watcher && a.server.is_none() {
        return Err(ScError::inval(
            "say what fails: --method METHOD [--timeout], --monitor, or --watcher / --server SERVER (SUNW.ims)",
        ));
    }
    const SERVERS: [&str; 9] = [
        "store",
        "imap",
        "pop",
        "http",
        "job_controller",
        "dispatcher",
        "ens",
        "sched",
        "mmp",
    ];
    if let Some(srv) = &a.server
        && !SERVERS.contains(&srv.as_str())
    {
        return Err(ScError::inval(format!(
            "--server {srv}: not a Messaging Server server ({})",
            SERVERS.join(", ")
        ))
        .suggest(srv, SERVERS));
    }
    let spec = FaultSpec {
        resource: a.resource,
        method,
        monitor: a.monitor,
        watcher: a.watcher,
        server: a.server,
        node: a.node,
        times: a.times,
        timeout: a.timeout,
    };
    let now = ctx.now_ms()?;
    let mode = Mode::dry_run_if(a.dry_run);
    let mut text = String::new();
    let done = ctx
        .service
        .inject_fault(&spec, mode, now, &mut |tr, state| {
            report(tr, state, &mut |piece| text.push_str(piece))
        })?;
    match done {
        Injected::Armed(fault) if a.dry_run => {
            let text = describe_fault(&fault);
            ctx.out
                .outln(&format!("Dry run: would arm: {text}. Nothing was changed."));
        }
        Injected::Armed(fault) => {
            ctx.out
                .outln(&format!("Armed: {}.", describe_fault(&fault)));
            ctx.out.outln(
                "No immediate effect: it fires when the RGM next runs that method (a switchover, failover, enable, …).",
            );
        }
        Injected::MonitorReports => {
            if a.dry_run {
                ctx.out.outln("Dry run: nothing was changed.");
            }
            ctx.out.out(&text);
        }
        Injected::ServerReports(lines) => {
            if a.dry_run {
                ctx.out.outln("Dry run: nothing was changed.");
            }
            for l in lines {
                ctx.out.outln(&l);
            }
            ctx.out.out(&text);
        }
    }
    Ok(())
}

pub fn time(ctx: &mut Ctx, a: TimeArgs) -> Result<()> {
    let TimeAction::Advance {
        duration, dry_run, ..
    } = a.action;
    let duration = duration.join(" ");
    let d = timefmt::parse_duration(&duration).ok_or_else(|| {
        ScError::inval(format!(
            "{duration} is not a duration: use e.g. 90, 90s, 10m, 10 minutes, 1h30m, 2d, 500ms"
        ))
    })?;
    let now = ctx.now_ms()?;
    let mode = Mode::dry_run_if(dry_run);
    let done = ctx.service.advance_time(d, &duration, mode, now)?;
    ctx.out.outln(&format!(
        "{}Simulated time: {} -> {}",
        if dry_run { "Dry run: " } else { "" },
        timefmt::rfc3339(done.from_ms),
        timefmt::rfc3339(done.to_ms)
    ));
    if done.expired.is_empty() {
        ctx.out.outln("Nothing expired.");
    } else {
        ctx.out.outln("Expired:");
        for e in &done.expired {
            ctx.out.outln(&format!("  - {}", expiry_text(e)));
        }
    }
    Ok(())
}

fn expiry_text(e: &Expiry) -> String {
    match e {
        Expiry::Evacuation { node } => {
            format!("evacuation of {node} (-K): it may host groups again")
        }
        Expiry::StartFailure { group, node } => {
            format!("Pingpong_interval of {group} on {node}: {node} may be chosen for it again")
        }
        Expiry::Giveover { group, node } => {
            format!("Pingpong_interval of {group} for giveovers to {node}")
        }
        Expiry::RetryInterval { resource } => {
            format!("Retry_interval of {resource}: its restart count starts again")
        }
    }
}

/// Returns the cluster as the simulation leaves it (for `--json`).
pub fn simulate(ctx: &mut Ctx, a: SimulateArgs) -> Result<ClusterState> {
    let now = ctx.now_ms()?;
    let mut session = ctx.service.open(Mode::DryRun, now)?;
    session.catch_up_clock();
    // Names are checked before anything is printed, so a typo gives an error, not half a
    // report.
    let node_down = a
        .node_down
        .iter()
        .map(|n| node_name(session.state(), n, &format!("--node-down {n}")))
        .collect::<Result<Vec<_>>>()?;
    let node_up = a
        .node_up
        .iter()
        .map(|n| node_name(session.state(), n, &format!("--node-up {n}")))
        .collect::<Result<Vec<_>>>()?;
    let mut monitor_events = Vec::new();
    let mut injected = Vec::new();
    for spec in &a.fail {
        let (r, rest) = spec.split_once(':').ok_or_else(|| {
            ScError::inval(format!(
                "--fail {spec}: write RESOURCE:METHOD[@NODE], e.g. disk-rs:Start@mail-2"
            ))
        })?;
        let (m, node) = match rest.split_once('@') {
            Some((m, n)) => (m, Some(n.to_string())),
            None => (rest, None),
        };
        known_resource(session.state(), r, Some(&format!("--fail {spec}")))?;
        let node = match node {
            Some(n) => Some(node_name(session.state(), &n, &format!("--fail {spec}"))?),
            None => None,
        };
        if m.eq_ignore_ascii_case("monitor") {
            let n = match node {
                Some(n) => n,
                None => session.state().resources[r]
                    .state
                    .iter()
                    .find(|(_, s)| s.state.is_running())
                    .map(|(n, _)| n.to_string())
                    .ok_or_else(|| {
                        ScError::new(
                            ErrorCode::State,
                            format!("--fail {spec}: {r} is not online anywhere"),
                        )
                    })?,
            };
            monitor_events.push(Intent::MonitorFailure {
                resource: r.to_string(),
                node: n,
            });
            continue;
        }
        let method = Method::parse(m).ok_or_else(|| {
            ScError::inval(format!(
                "--fail {spec}: {m} is not a method (Start, Stop, Prenet_start, …, or monitor)"
            ))
        })?;
        declared_method(session.state(), r, method)
            .map_err(|e| ScError::inval(format!("--fail {spec}: {}", e.message)))?;
        let f = Fault {
            resource: r.to_string(),
            kind: FaultKind::MethodFails { method },
            node,
            remaining: None,
        };
        injected.push(describe_fault(&f));
        session.arm_fault(f);
    }
    let mut events: Vec<Intent> = Vec::new();
    for n in node_down {
        events.push(Intent::NodeDown {
            node: n,
            clean: false,
            reason: None,
        });
    }
    if !node_up.is_empty() {
        events.push(Intent::NodeUp { nodes: node_up });
    }
    events.extend(monitor_events);
    ctx.out
        .outln("Simulation on a copy of the cluster: the state file is not changed.");
    ctx.out.outln("");
    ctx.out.outln("Current cluster status:");
    render::write_status(session.state(), None, &mut |p| ctx.out.out(p));
    if !injected.is_empty() {
        ctx.out.outln("");
        ctx.out.outln("Injected faults:");
        for i in &injected {
            ctx.out.outln(&format!("  - {i}"));
        }
    }
    if events.is_empty() {
        ctx.out.outln("");
        ctx.out.outln(
            "No event to simulate: add --node-down NODE, --node-up NODE or --fail R:monitor (method faults fire when a method runs).",
        );
        return Ok(session.abandon());
    }
    for ev in &events {
        ctx.out.outln("");
        ctx.out.outln(&format!("Event: {ev}"));
        let tr = session.apply_intent(ev)?;
        render::write_transition(&tr, &mut |p| ctx.out.out(p));
    }
    ctx.out.outln("");
    ctx.out.outln("Revised cluster status:");
    render::write_status(session.state(), None, &mut |p| ctx.out.out(p));
    // The session's own copy (a dry run writes nothing), not a second copy of the cluster.
    Ok(session.abandon())
}
