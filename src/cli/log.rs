//! `scsim log`: the event log (the messages file beside the state, `store::messages`),
//! filtered by group, resource, node and time; `--follow` streams what later commands append.

use super::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::query::lookup::node_name as resolve_node;
use crate::timefmt;

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

pub fn log(ctx: &mut Ctx, a: LogArgs) -> Result<()> {
    let state = ctx.service.snapshot()?;
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
    let mut read = ctx.service.read_log(&state);
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
        .suggest(g, state.resource_groups.keys().map(|k| k.as_str())));
    }
    if let Some(r) = &a.resource
        && !state.resources.contains_key(r)
        && !read.events.iter().any(|e| e.resource.as_ref() == Some(r))
    {
        return Err(ScError::new(
            ErrorCode::Rsrc,
            format!("resource {r} does not exist and the log has nothing about it"),
        )
        .suggest(r, state.resources.keys().map(|k| k.as_str())));
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
    // --follow: poll the messages file for what later commands append (no lock taken).
    let mut follower = ctx.service.follow_log(&mut read);
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
