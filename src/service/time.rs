//! Simulated time: let it pass, and say which windows close.

use super::{ClusterBackend, CommandLine, Mode, Service};
use crate::engine::events;
use crate::error::Result;
use crate::model::ClusterState;
use crate::query::effective;

/// A window that closes while time passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expiry {
    /// `scswitch -S -K`: the node may host groups again.
    Evacuation { node: String },
    /// Pingpong_interval after a failed start of `group` on `node`.
    StartFailure { group: String, node: String },
    /// Pingpong_interval after a giveover of `group` to `node`.
    Giveover { group: String, node: String },
    /// Retry_interval of a resource: its restart count starts again.
    RetryInterval { resource: String },
}

/// Time that passed (or, dry run, would pass).
#[derive(Debug, Clone)]
pub struct Advanced {
    pub from_ms: u64,
    pub to_ms: u64,
    pub expired: Vec<Expiry>,
}

impl<B: ClusterBackend> Service<B> {
    /// Let `duration_ms` of simulated time pass (`as_written` is the duration as the operator
    /// wrote it, for the log).
    pub fn advance_time(
        &mut self,
        duration_ms: u64,
        as_written: &str,
        mode: Mode,
        now_ms: u64,
    ) -> Result<Advanced> {
        let mut s = self.open(mode, now_ms)?;
        let stored_ms = s.state().clock.now_ms;
        s.catch_up_clock();
        let from_ms = s.state().clock.now_ms;
        let to_ms = advance_to(from_ms, duration_ms, as_written)?;
        let expired = expirations(s.state(), from_ms, to_ms);
        // A clock that does not move changes nothing: the state is not rewritten and nothing
        // is logged.
        if mode == Mode::Apply && to_ms != stored_ms {
            let words = [
                "time".to_string(),
                "advance".to_string(),
                as_written.to_string(),
            ];
            s.log_command(CommandLine {
                prog: "scsim",
                words: &words,
            });
            let state = s.state_mut();
            state.clock.now_ms = to_ms;
            let node = events::local_node(state);
            events::push(
                state,
                events::TAG_CMD,
                &node,
                events::ID_TIME,
                "daemon.notice",
                None,
                None,
                format!("simulated time advanced by {as_written}"),
            );
            s.commit()?;
        }
        Ok(Advanced {
            from_ms,
            to_ms,
            expired,
        })
    }
}

/// Windows that close between `from` and `to`: evacuation guards, Pingpong_interval, retry
/// windows.
fn expirations(state: &ClusterState, from: u64, to: u64) -> Vec<Expiry> {
    let mut out = Vec::new();
    let closes = |end: u64| end > from && end <= to;
    for n in &state.cluster.nodes {
        if let Some(u) = n.evacuated_until
            && closes(u)
        {
            out.push(Expiry::Evacuation {
                node: n.name.clone(),
            });
        }
    }
    for g in state.resource_groups.values() {
        let pp = u64::from(g.pingpong_interval) * 1000;
        for (n, t) in &g.rare.start_failures {
            if closes(t.saturating_add(pp)) {
                out.push(Expiry::StartFailure {
                    group: g.name.to_string(),
                    node: n.clone(),
                });
            }
        }
        for (n, t) in &g.rare.giveovers {
            if closes(t.saturating_add(pp)) {
                out.push(Expiry::Giveover {
                    group: g.name.to_string(),
                    node: n.clone(),
                });
            }
        }
    }
    for r in state.resources.values() {
        let rt = state.resource_types.get(r.rtype.as_str());
        let w = effective::retry_interval_ms(rt, r);
        if let Some(last) = r.extras.restart_history.iter().max()
            && closes(last.saturating_add(w))
        {
            out.push(Expiry::RetryInterval {
                resource: r.name.to_string(),
            });
        }
    }
    out
}

/// The simulated time reached from `from` after `d` ms, refusing one past
/// [`crate::timefmt::MAX_SIM_TIME_MS`] (the year 9999) rather than saturating.
fn advance_to(from: u64, d: u64, text: &str) -> Result<u64> {
    match from.checked_add(d) {
        Some(t) if t <= crate::timefmt::MAX_SIM_TIME_MS => Ok(t),
        _ => Err(crate::error::ScError::inval(format!(
            "time advance {text}: the simulated clock would pass the year 9999"
        ))
        .hint("give a shorter duration, e.g. 1h, 2d or 365d")),
    }
}
