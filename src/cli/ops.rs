//! The simulator's own verbs: `scsim log` (the event log), `scsim node down|up` (membership
//! events), `scsim fault inject|list|clear` (method and monitor failures), `scsim time advance`
//! (simulated time) and `scsim simulate` (what-if on a copy). Every command that changes the
//! cluster prints what the cluster did in response and where the groups ended up, and takes
//! `--dry-run`.

use super::Ctx;
use crate::engine::{self, Intent, SimBackend, Transition};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, Fault, FaultKind, Method, RState};
use crate::render::plan as render;
use crate::timefmt;
use clap::Subcommand;

#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// Only events about this resource group
    #[arg(long, value_name = "RG")]
    pub group: Option<String>,
    /// Only events about this resource
    #[arg(long, value_name = "R")]
    pub resource: Option<String>,
    /// Only events logged on this node
    #[arg(long, value_name = "NODE")]
    pub node: Option<String>,
    /// From this time (YYYY-MM-DDTHH:MM:SS[Z], "Nov 24 09:00:27" as the log prints it, seconds since the epoch, or a duration ago: 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Up to this time (same forms as --since)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only the last N matching events
    #[arg(long, value_name = "N")]
    pub last: Option<usize>,
    /// JSON output (with --follow: one JSON object per line)
    #[arg(long)]
    pub json: bool,
    /// Print the matching entries, then new ones as commands log them, until interrupted
    #[arg(long, short = 'f')]
    pub follow: bool,
    /// With --follow: stop after this many seconds (for tests and scripts)
    #[arg(long, value_name = "SECS", hide = true, requires = "follow")]
    pub follow_timeout: Option<f64>,
}

#[derive(Debug, clap::Args)]
pub struct NodeArgs {
    #[command(subcommand)]
    pub action: NodeAction,
}

#[derive(Debug, Subcommand)]
pub enum NodeAction {
    /// The node crashes (or, with --clean, shuts down in order); its groups fail over
    Down {
        node: String,
        /// Orderly shutdown: switch the groups off first, then leave the cluster
        #[arg(long)]
        clean: bool,
        /// Print what would happen; change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// The nodes boot and join (Boot methods, Failback, stranded groups come back)
    Up {
        #[arg(required = true, num_args = 1..)]
        nodes: Vec<String>,
        /// Print what would happen; change nothing
        #[arg(long)]
        dry_run: bool,
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
    Inject {
        /// The resource
        #[arg(long, value_name = "R")]
        resource: String,
        /// The method that fails (Start, Stop, Prenet_start, Monitor_start, Validate, …)
        #[arg(long, value_name = "METHOD", conflicts_with_all = ["monitor", "watcher"])]
        method: Option<String>,
        /// The fault monitor reports the resource failed (now)
        #[arg(long, conflicts_with = "watcher")]
        monitor: bool,
        /// SUNW.ims: the Messaging Server watcher process dies (now)
        #[arg(long)]
        watcher: bool,
        /// Only on this node
        #[arg(long, value_name = "NODE")]
        node: Option<String>,
        /// Fail the next K calls (default: every call) / report K monitor failures (default 1)
        #[arg(long, value_name = "K")]
        times: Option<u32>,
        /// The method hangs until its timeout instead of exiting non-zero
        #[arg(long, requires = "method")]
        timeout: bool,
        /// Print what would happen; change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// List armed faults
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove armed faults (all, or those of one resource)
    Clear {
        #[arg(long, value_name = "R")]
        resource: Option<String>,
        /// Print what would be removed; change nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct TimeArgs {
    #[command(subcommand)]
    pub action: TimeAction,
}

#[derive(Debug, Subcommand)]
pub enum TimeAction {
    /// Let simulated time pass (90s, 10m, 1h30m, 2d)
    Advance {
        duration: String,
        /// Print what would expire; change nothing
        #[arg(long)]
        dry_run: bool,
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
}

pub fn log(ctx: &mut Ctx, a: LogArgs) -> Result<()> {
    let state = ctx.load()?;
    let now = state.clock.now_ms.max(ctx.now_ms()?);
    let bound = |s: &Option<String>, what: &str| -> Result<Option<u64>> {
        match s {
            None => Ok(None),
            Some(t) => parse_point(t, now).map(Some).ok_or_else(|| {
                ScError::inval(format!(
                    "--{what} {t}: give a time (2026-11-24T09:00:00Z, \"Nov 24 09:00:27\" as the log prints it, or seconds since the epoch) or a duration ago (10m, 2h)"
                ))
            }),
        }
    };
    let since = bound(&a.since, "since")?;
    let until = bound(&a.until, "until")?;
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        return Err(ScError::inval(format!(
            "--since {} is later than --until {}: no event can match",
            a.since.as_deref().unwrap_or_default(),
            a.until.as_deref().unwrap_or_default()
        ))
        .hint("swap them: --since is the earlier time"));
    }
    if let Some(t) = a.follow_timeout
        && !(t.is_finite() && t >= 0.0)
    {
        return Err(ScError::inval(format!(
            "--follow-timeout {t}: give seconds"
        )));
    }
    let mut read = crate::store::messages::read(&ctx.state_path, &state);
    for w in &read.warnings {
        ctx.out.warn(w);
    }
    // A name that is neither in the cluster nor in the log is a typo: say so rather than
    // print nothing (a removed object still has its history).
    if let Some(g) = &a.group
        && !state.resource_groups.contains_key(g)
        && !read.events.iter().any(|e| e.group.as_ref() == Some(g))
    {
        return Err(ScError::new(
            ErrorCode::Rg,
            format!("resource group {g} does not exist and the log has nothing about it"),
        )
        .suggest(g, state.resource_groups.keys().map(String::as_str)));
    }
    if let Some(r) = &a.resource
        && !state.resources.contains_key(r)
        && !read.events.iter().any(|e| e.resource.as_ref() == Some(r))
    {
        return Err(ScError::new(
            ErrorCode::Rsrc,
            format!("resource {r} does not exist and the log has nothing about it"),
        )
        .suggest(r, state.resources.keys().map(String::as_str)));
    }
    let node = match &a.node {
        None => None,
        Some(n) => Some(resolve_node(&state, n, &format!("--node {n}"))?),
    };
    let wanted = |e: &crate::model::Event| {
        a.group.as_ref().is_none_or(|g| e.group.as_ref() == Some(g))
            && a.resource
                .as_ref()
                .is_none_or(|r| e.resource.as_ref() == Some(r))
            && node.as_ref().is_none_or(|n| &e.node == n)
            && since.is_none_or(|s| e.time_ms >= s)
            && until.is_none_or(|u| e.time_ms <= u)
    };
    let matching: Vec<&crate::model::Event> = read.events.iter().filter(|e| wanted(e)).collect();
    let skip = a
        .last
        .map(|n| matching.len().saturating_sub(n))
        .unwrap_or(0);
    let shown = matching.into_iter().skip(skip);
    if a.follow {
        follow_lines(ctx, shown, a.json);
    } else if a.json {
        ctx.out.outln(&crate::render::log::json(shown));
    } else {
        ctx.out.out(&crate::render::log::text(shown));
    }
    if !a.follow {
        return Ok(());
    }
    // --follow: poll the messages file for what later commands append.
    let mut follower = crate::store::messages::Follower::new(&ctx.state_path, &mut read);
    drop(read);
    let deadline = a
        .follow_timeout
        .map(|t| std::time::Instant::now() + std::time::Duration::from_secs_f64(t));
    loop {
        ctx.out.flush_now();
        if ctx.out.is_closed() || deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            return Ok(());
        }
        std::thread::sleep(FOLLOW_POLL);
        let (events, warnings) = follower.poll();
        for w in &warnings {
            ctx.out.warn(w);
        }
        follow_lines(ctx, events.iter().filter(|e| wanted(e)), a.json);
    }
}

/// How often `scsim log --follow` looks for new entries.
const FOLLOW_POLL: std::time::Duration = std::time::Duration::from_millis(200);

/// Entries as `--follow` prints them: syslog lines, or one JSON object per line.
fn follow_lines<'a>(
    ctx: &mut Ctx,
    events: impl Iterator<Item = &'a crate::model::Event>,
    json: bool,
) {
    for e in events {
        if json {
            ctx.out.outln(&crate::render::log::json_line(e));
        } else {
            ctx.out.outln(&crate::render::log::line(e));
        }
    }
}

/// The name of the node given as `n` (name or id), or exit 11 naming the nodes; `what` is the
/// option as given, for the message.
fn resolve_node(state: &ClusterState, n: &str, what: &str) -> Result<String> {
    state
        .cluster
        .resolve_node(n)
        .map(|x| x.name.clone())
        .ok_or_else(|| {
            ScError::new(
                ErrorCode::Node,
                format!(
                    "{what}: {n} is not a cluster node (nodes: {})",
                    state.cluster.node_names().join(", ")
                ),
            )
            .suggest(n, state.cluster.nodes.iter().map(|x| x.name.as_str()))
        })
}

/// A resource named on the command line must exist (exit 14); `what` is the option as given
/// when the message should quote it.
fn known_resource(state: &ClusterState, r: &str, what: Option<&str>) -> Result<()> {
    if state.resources.contains_key(r) {
        return Ok(());
    }
    let msg = match what {
        Some(w) => format!("{w}: resource {r} does not exist"),
        None => format!("resource {r} does not exist"),
    };
    Err(ScError::new(ErrorCode::Rsrc, msg)
        .suggest(r, state.resources.keys().map(String::as_str))
        .hint("list the resources with: scrgadm -p"))
}

/// A method fault can only fire for a method the resource's type declares (exit 3 otherwise).
fn declared_method(state: &ClusterState, resource: &str, m: Method) -> Result<()> {
    let Some(r) = state.resources.get(resource) else {
        return Ok(());
    };
    let rt = state.resource_types.get(&r.rtype);
    if rt.is_some_and(|t| t.has_method(m)) {
        return Ok(());
    }
    let declared: Vec<&str> = rt
        .map(|t| t.methods.keys().map(|m| m.rtr_name()).collect())
        .unwrap_or_default();
    Err(ScError::inval(format!(
        "type {} of resource {resource} declares no {} method (it declares {}); the RGM never calls it",
        r.rtype,
        m.rtr_name(),
        declared.join(", ")
    )))
}

/// A point in time: absolute (also as the log prints it, `Nov 24 09:02:05`), or a duration
/// before `now`.
fn parse_point(s: &str, now: u64) -> Option<u64> {
    let t = s.trim();
    if t.chars().all(|c| c.is_ascii_digit()) || t.contains('-') {
        return timefmt::parse_time(t);
    }
    if t.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return timefmt::parse_syslog(t, now);
    }
    timefmt::parse_duration(t).map(|d| now.saturating_sub(d))
}

/// A transition and the placement of the groups it touched, as the state is right after it.
fn report(tr: &Transition, state: &ClusterState) -> String {
    let mut out = render::transition(tr);
    let groups = tr.groups();
    if !groups.is_empty() {
        out.push_str("Resulting placement:\n");
        out.push_str(&render::placement(state, &groups));
    }
    out
}

/// Run an intent as a native command: log it, run it, report, commit (or only show with
/// `dry_run`).
fn run_native(ctx: &mut Ctx, words: &[String], intents: Vec<Intent>, dry_run: bool) -> Result<()> {
    let now = ctx.now_ms()?;
    if dry_run {
        let mut state = ctx.load()?;
        engine::catch_up_clock(&mut state, now);
        // Printed only when every intent was accepted: a refusal prints nothing on stdout,
        // as the real command's would.
        let mut text = String::from("Dry run: nothing was changed.\n");
        for i in &intents {
            let tr = engine::run(&mut state, i, &mut SimBackend)?;
            text.push_str(&render::plan(&tr.plan));
            if !tr.failures.is_empty() || !tr.replans.is_empty() {
                text.push_str("With the injected faults, the run would go:\n");
                text.push_str(&render::transition(&tr));
            }
            let groups = tr.groups();
            if !groups.is_empty() {
                text.push_str("Resulting placement:\n");
                text.push_str(&render::placement(&state, &groups));
            }
        }
        ctx.out.out(&text);
        return Ok(());
    }
    let mut txn = ctx.begin()?;
    engine::hooks::log_command(&mut txn.state, "scsim", words, now);
    let mut text = String::new();
    for i in &intents {
        let tr = engine::run(&mut txn.state, i, &mut SimBackend)?;
        text.push_str(&report(&tr, &txn.state));
    }
    txn.commit()?;
    ctx.out.out(&text);
    Ok(())
}

pub fn node(ctx: &mut Ctx, a: NodeArgs) -> Result<()> {
    match a.action {
        NodeAction::Down {
            node,
            clean,
            dry_run,
        } => {
            let mut words = vec!["node".to_string(), "down".to_string(), node.clone()];
            if clean {
                words.push("--clean".into());
            }
            run_native(
                ctx,
                &words,
                vec![Intent::NodeDown {
                    node,
                    clean,
                    reason: None,
                }],
                dry_run,
            )
        }
        NodeAction::Up { nodes, dry_run } => {
            let mut words = vec!["node".to_string(), "up".to_string()];
            words.extend(nodes.iter().cloned());
            run_native(ctx, &words, vec![Intent::NodeUp { nodes }], dry_run)
        }
    }
}

pub fn fault(ctx: &mut Ctx, a: FaultArgs) -> Result<()> {
    match a.action {
        FaultAction::List { json } => {
            let state = ctx.load()?;
            if json {
                let v = serde_json::json!({"format_version": 1, "faults": state.faults});
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
        FaultAction::Clear { resource, dry_run } => {
            let unknown = |state: &ClusterState| -> Result<()> {
                match &resource {
                    Some(r)
                        if !state.resources.contains_key(r)
                            && !state.faults.iter().any(|f| &f.resource == r) =>
                    {
                        Err(ScError::new(
                            ErrorCode::Rsrc,
                            format!("resource {r} does not exist and has no faults armed"),
                        )
                        .suggest(r, state.resources.keys().map(String::as_str)))
                    }
                    _ => Ok(()),
                }
            };
            if dry_run {
                let state = ctx.load()?;
                unknown(&state)?;
                let n = state
                    .faults
                    .iter()
                    .filter(|f| resource.as_ref().is_none_or(|r| &f.resource == r))
                    .count();
                ctx.out.outln(&format!(
                    "Dry run: would clear {n} fault{}. Nothing was changed.",
                    if n == 1 { "" } else { "s" }
                ));
                return Ok(());
            }
            let mut txn = ctx.begin()?;
            unknown(&txn.state)?;
            let before = txn.state.faults.len();
            txn.state
                .faults
                .retain(|f| resource.as_ref().is_some_and(|r| &f.resource != r));
            let removed = before - txn.state.faults.len();
            let now = ctx.now_ms()?;
            let mut words = vec!["fault".to_string(), "clear".to_string()];
            if let Some(r) = &resource {
                words.push("--resource".into());
                words.push(r.clone());
            }
            engine::hooks::log_command(&mut txn.state, "scsim", &words, now);
            txn.commit()?;
            ctx.out.outln(&format!(
                "Cleared {removed} fault{}.",
                if removed == 1 { "" } else { "s" }
            ));
            Ok(())
        }
        FaultAction::Inject {
            resource,
            method,
            monitor,
            watcher,
            node,
            times,
            timeout,
            dry_run,
        } => inject(
            ctx, resource, method, monitor, watcher, node, times, timeout, dry_run,
        ),
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

#[allow(clippy::too_many_arguments)]
fn inject(
    ctx: &mut Ctx,
    resource: String,
    method: Option<String>,
    monitor: bool,
    watcher: bool,
    node: Option<String>,
    times: Option<u32>,
    timeout: bool,
    dry_run: bool,
) -> Result<()> {
    if times == Some(0) {
        return Err(ScError::inval("--times must be at least 1"));
    }
    let method = match method {
        None => None,
        Some(m) => Some(Method::parse(&m).ok_or_else(|| {
            ScError::inval(format!(
                "--method {m}: not a method name; use one of {}",
                Method::ALL.map(|m| m.rtr_name()).join(", ")
            ))
        })?),
    };
    if method.is_none() && !monitor && !watcher {
        return Err(ScError::inval(
            "say what fails: --method METHOD [--timeout], --monitor, or --watcher (SUNW.ims)",
        ));
    }
    let now = ctx.now_ms()?;
    // One read: a copy for --dry-run, else the locked state the change is made on.
    let mut copy;
    let mut txn_holder = None;
    let state: &mut ClusterState = if dry_run {
        copy = ctx.load()?;
        &mut copy
    } else {
        txn_holder = Some(ctx.begin()?);
        &mut txn_holder.as_mut().expect("transaction").state
    };
    known_resource(state, &resource, None)?;
    let node = match node {
        Some(n) => Some(resolve_node(state, &n, &format!("--node {n}"))?),
        None => None,
    };
    let r = &state.resources[&resource];
    let rt = state.resource_types.get(&r.rtype);
    let mut words = vec![
        "fault".to_string(),
        "inject".to_string(),
        "--resource".to_string(),
        resource.clone(),
    ];
    if let Some(m) = method {
        words.push("--method".into());
        words.push(m.rtr_name().to_string());
    }
    if monitor {
        words.push("--monitor".into());
    }
    if watcher {
        words.push("--watcher".into());
    }
    if let Some(n) = &node {
        words.push("--node".into());
        words.push(n.clone());
    }
    if let Some(t) = times {
        words.push("--times".into());
        words.push(t.to_string());
    }
    if timeout {
        words.push("--timeout".into());
    }
    if let Some(mm) = method {
        declared_method(state, &resource, mm)?;
        let fault = Fault {
            resource: resource.clone(),
            kind: if timeout {
                FaultKind::MethodTimeout { method: mm }
            } else {
                FaultKind::MethodFails { method: mm }
            },
            node,
            remaining: times,
        };
        let text = describe_fault(&fault);
        if dry_run {
            ctx.out
                .outln(&format!("Dry run: would arm: {text}. Nothing was changed."));
            return Ok(());
        }
        engine::hooks::log_command(state, "scsim", &words, now);
        state.faults.push(fault);
        if let Some(txn) = txn_holder {
            txn.commit()?;
        }
        ctx.out.outln(&format!("Armed: {text}."));
        ctx.out.outln(
            "No immediate effect: it fires when the RGM next runs that method (a switchover, failover, enable, …).",
        );
        return Ok(());
    }
    if watcher && !engine::settings::is_ims(rt) {
        return Err(ScError::inval(format!(
            "--watcher applies to SUNW.ims resources (the Messaging Server watcher); {resource} is of type {}: use --monitor",
            r.rtype
        )));
    }
    let node = match node {
        Some(n) => n,
        None => r
            .state
            .iter()
            .find(|(n, s)| {
                matches!(
                    s.state,
                    RState::Online | RState::OnlineNotMonitored | RState::MonitorFailed
                ) && state.cluster.is_up(n)
            })
            .map(|(n, _)| n.clone())
            .ok_or_else(|| {
                ScError::new(
                    ErrorCode::State,
                    format!(
                        "resource {resource} is not online anywhere; its fault monitor runs only where it is online"
                    ),
                )
                .hint(format!("bring its group online first: scswitch -Z -g {}", r.group))
            })?,
    };
    let k = times.unwrap_or(1);
    engine::catch_up_clock(state, now);
    if !dry_run {
        engine::hooks::log_command(state, "scsim", &words, now);
    }
    let text = run_monitor_faults(state, &resource, &node, k)?;
    if dry_run {
        ctx.out.outln("Dry run: nothing was changed.");
    } else if let Some(txn) = txn_holder {
        txn.commit()?;
    }
    ctx.out.out(&text);
    Ok(())
}

/// K monitor reports, one probe interval apart, each handled by the RGM; returns the report.
fn run_monitor_faults(
    state: &mut ClusterState,
    resource: &str,
    node: &str,
    k: u32,
) -> Result<String> {
    let mut text = String::new();
    for i in 0..k {
        let node = if i == 0 {
            node.to_string()
        } else {
            // The next probe, one Thorough_probe_interval later, where the resource now runs.
            let Some(r) = state.resources.get(resource) else {
                break;
            };
            let rt = state.resource_types.get(&r.rtype);
            let next = r
                .state
                .iter()
                .find(|(n, s)| {
                    matches!(s.state, RState::Online | RState::OnlineNotMonitored)
                        && state.cluster.is_up(n)
                })
                .map(|(n, _)| n.clone());
            let interval = engine::settings::probe_interval_ms(rt, r);
            let Some(n) = next else {
                break;
            };
            state.clock.now_ms += interval;
            n
        };
        let tr = engine::run(
            state,
            &Intent::MonitorFailure {
                resource: resource.to_string(),
                node,
            },
            &mut SimBackend,
        )?;
        text.push_str(&report(&tr, state));
    }
    Ok(text)
}

pub fn time(ctx: &mut Ctx, a: TimeArgs) -> Result<()> {
    let TimeAction::Advance { duration, dry_run } = a.action;
    let d = timefmt::parse_duration(&duration).ok_or_else(|| {
        ScError::inval(format!(
            "{duration} is not a duration: use e.g. 90, 90s, 10m, 1h30m, 2d, 500ms"
        ))
    })?;
    let now = ctx.now_ms()?;
    let mut copy;
    let mut txn_holder = None;
    let state: &mut ClusterState = if dry_run {
        copy = ctx.load()?;
        &mut copy
    } else {
        txn_holder = Some(ctx.begin()?);
        &mut txn_holder.as_mut().expect("transaction").state
    };
    engine::catch_up_clock(state, now);
    let from = state.clock.now_ms;
    let to = from.saturating_add(d);
    let expired = expirations(state, from, to);
    if !dry_run {
        engine::hooks::log_command(
            state,
            "scsim",
            &["time".to_string(), "advance".to_string(), duration.clone()],
            now,
        );
        state.clock.now_ms = to;
        let node = engine::events::local_node(state);
        engine::events::push(
            state,
            engine::events::TAG_CMD,
            &node,
            engine::events::ID_TIME,
            "daemon.notice",
            None,
            None,
            format!("simulated time advanced by {duration}"),
        );
    }
    if let Some(txn) = txn_holder {
        txn.commit()?;
    }
    ctx.out.outln(&format!(
        "{}Simulated time: {} -> {}",
        if dry_run { "Dry run: " } else { "" },
        timefmt::rfc3339(from),
        timefmt::rfc3339(to)
    ));
    if expired.is_empty() {
        ctx.out.outln("Nothing expired.");
    } else {
        ctx.out.outln("Expired:");
        for e in expired {
            ctx.out.outln(&format!("  - {e}"));
        }
    }
    Ok(())
}

/// Windows that close between `from` and `to`: evacuation guards, Pingpong_interval, retry
/// windows.
fn expirations(state: &ClusterState, from: u64, to: u64) -> Vec<String> {
    let mut out = Vec::new();
    let closes = |end: u64| end > from && end <= to;
    for n in &state.cluster.nodes {
        if let Some(u) = n.evacuated_until
            && closes(u)
        {
            out.push(format!(
                "evacuation of {} (-K): it may host groups again",
                n.name
            ));
        }
    }
    for g in state.resource_groups.values() {
        let pp = u64::from(g.pingpong_interval) * 1000;
        for (n, t) in &g.start_failures {
            if closes(t.saturating_add(pp)) {
                out.push(format!(
                    "Pingpong_interval of {} on {n}: {n} may be chosen for it again",
                    g.name
                ));
            }
        }
        for (n, t) in &g.giveovers {
            if closes(t.saturating_add(pp)) {
                out.push(format!(
                    "Pingpong_interval of {} for giveovers to {n}",
                    g.name
                ));
            }
        }
    }
    for r in state.resources.values() {
        let rt = state.resource_types.get(&r.rtype);
        let w = engine::settings::retry_interval_ms(rt, r);
        if let Some(last) = r.restart_history.iter().max()
            && closes(last.saturating_add(w))
        {
            out.push(format!(
                "Retry_interval of {}: its restart count starts again",
                r.name
            ));
        }
    }
    out
}

pub fn simulate(ctx: &mut Ctx, a: SimulateArgs) -> Result<()> {
    let mut state = ctx.load()?;
    engine::catch_up_clock(&mut state, ctx.now_ms()?);
    // Names are checked before anything is printed, so a typo gives an error, not half a
    // report.
    let node_down = a
        .node_down
        .iter()
        .map(|n| resolve_node(&state, n, &format!("--node-down {n}")))
        .collect::<Result<Vec<_>>>()?;
    let node_up = a
        .node_up
        .iter()
        .map(|n| resolve_node(&state, n, &format!("--node-up {n}")))
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
        known_resource(&state, r, Some(&format!("--fail {spec}")))?;
        let node = match node {
            Some(n) => Some(resolve_node(&state, &n, &format!("--fail {spec}"))?),
            None => None,
        };
        if m.eq_ignore_ascii_case("monitor") {
            let n = match node {
                Some(n) => n,
                None => state.resources[r]
                    .state
                    .iter()
                    .find(|(_, s)| s.state.is_running())
                    .map(|(n, _)| n.clone())
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
        declared_method(&state, r, method)
            .map_err(|e| ScError::inval(format!("--fail {spec}: {}", e.message)))?;
        let f = Fault {
            resource: r.to_string(),
            kind: FaultKind::MethodFails { method },
            node,
            remaining: None,
        };
        injected.push(describe_fault(&f));
        state.faults.push(f);
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
    ctx.out.out(&render::status(&state, None));
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
        return Ok(());
    }
    for ev in &events {
        ctx.out.outln("");
        ctx.out.outln(&format!("Event: {ev}"));
        let tr = engine::run(&mut state, ev, &mut SimBackend)?;
        ctx.out.out(&render::transition(&tr));
    }
    ctx.out.outln("");
    ctx.out.outln("Revised cluster status:");
    ctx.out.out(&render::status(&state, None));
    Ok(())
}
