//! The planner: `plan(&state, &intent, now)` turns an intent into ordered steps. Pure: no I/O,
//! no clock, no randomness; the same inputs give the same plan.
//!
//! How a plan is made (Pacemaker's scheduler in miniature):
//! 1. the intent is checked (errors name the object, say what is wrong and the fix) and turned
//!    into *flag steps* (manage, enable, node crash, …) and *goals*: for each group it touches,
//!    where it should be (`Keep`, `Offline`, `Fixed` nodes, or `Auto` placement);
//! 2. the goal set is closed over affinities (followers of `++`/`+++`, groups evicted by `--`),
//!    stranded RG_dependencies dependents and groups holding resources that depend on touched
//!    resources;
//! 3. groups are ordered dependees first (RG_dependencies, affinities, resource dependencies);
//! 4. each group's target nodes are decided in that order (so affinities see their targets'
//!    new placement), honouring Nodelist order, node membership, Desired/Maximum_primaries,
//!    evacuation, Pingpong_interval and weak affinities;
//! 5. per (group, node) unit, each resource gets an action (start, stop, restart, monitor
//!    on/off) from its state, its On_off_switch and its dependencies;
//! 6. steps are emitted: flag steps, every stop (units in reverse order; Monitor_stop, Stop,
//!    Postnet_stop, dependents before dependees), node halts, every start (units in order;
//!    Prenet_start, then Start + Monitor_start per resource, dependees first, network
//!    addresses first when implicit), final flag steps.
//!
//! Everything is proportional to the groups and resources the intent touches, plus one index
//! build that is linear in the state.
//!
//! Where each step lives: 1 in `intents.rs` (dispatch) and the per-kind translations
//! (`groups.rs`, `resources.rs`, `devices.rs`, `membership.rs`, `recovery.rs`), over the views
//! of `view.rs`; 2 and 3 in `closure.rs`; 4 in `placement.rs`; 5 in `actions.rs`; 6 in
//! `emit.rs`, with the summary lines in `summary.rs`. `Draft::finish` runs 2–6 in order.

mod actions;
mod closure;
mod control;
mod devices;
mod emit;
mod groups;
mod intents;
mod membership;
mod placement;
mod recovery;
mod resources;
mod summary;
mod view;

use super::index::Index;
use super::intent::Intent;
use super::plan::{Action, Name, Plan, Step};
use crate::error::{ErrorCode, Result, ScError};
use crate::fasthash::{FastMap, FastSet};
use crate::model::{ClusterState, InitNodes, RState, ResourceGroup, ResourceType};
use indexmap::IndexMap;

pub use devices::hasp_device_groups;
pub use membership::{has_quorum, quorum_votes};

/// Plan `intent` against `state` at simulated time `now` (ms).
pub fn plan(state: &ClusterState, intent: &Intent, now: u64) -> Result<Plan> {
    let ix = Index::new(state);
    let mut d = Draft::new(&ix, now, intent.to_string());
    d.intent(intent)?;
    d.finish()
}

/// Nodes where Init/Fini/Boot/Validate of a resource of `rt` in `g` run (Init_nodes), among
/// the nodes `up` accepts.
pub fn init_nodes(
    state: &ClusterState,
    rt: Option<&ResourceType>,
    g: Option<&ResourceGroup>,
    up: impl Fn(&str) -> bool,
) -> Vec<String> {
    let all = || state.cluster.node_names();
    let nodes: Vec<String> = match (rt.map(|t| t.init_nodes), g) {
        (Some(InitNodes::RtInstalledNodes), _) => rt
            .and_then(|t| t.installed_nodes.clone())
            .unwrap_or_else(all),
        (_, Some(g)) => g.nodelist.iter().map(Name::to_string).collect(),
        _ => all(),
    };
    nodes.into_iter().filter(|n| up(n)).collect()
}

/// The resource's service may be running on the node: stop methods are due before it leaves.
pub fn needs_stop(s: RState) -> bool {
    matches!(
        s,
        RState::Online
            | RState::OnlineNotMonitored
            | RState::MonitorFailed
            | RState::Starting
            | RState::StartFailed
            | RState::Stopping
    )
}

#[derive(Debug, Clone)]
enum Goal {
    /// Placement unchanged; resource-level changes only.
    Keep,
    Offline,
    Fixed(Vec<String>),
    /// Continuation: these nodes if they are still usable, else automatic placement.
    Prefer(Vec<String>),
    Auto(Auto),
}

#[derive(Debug, Clone, Default)]
struct Auto {
    exclude: Vec<Name>,
    /// Keep current primaries that remain eligible.
    sticky: bool,
    /// Pingpong also excludes nodes that recently gave the group away.
    giveover: bool,
    /// Nowhere else to go: stay where it is.
    fallback_current: bool,
    /// Nowhere to go: go offline and remember to come back when a node joins.
    strand_if_empty: bool,
    /// The operator named the group: no eligible node is an error.
    must_place: bool,
    /// Failback on a join: move only to a joining node the Nodelist prefers over the node
    /// the group leaves.
    failback: bool,
    /// A `++`/`+++` follower of a group an operator command moves (the leader's name): it is
    /// placed as the operator's own groups are (the `-K` and Pingpong guards do not hold it
    /// back), and with nowhere to follow the command is refused.
    operator_follower: Option<String>,
}

/// The cluster as it will be once the flag steps planned so far have run: switch changes and
/// membership changes, over the current state.
#[derive(Default)]
struct After {
    /// On_off_switch changes.
    enabled: FastMap<Name, bool>,
    /// Monitored_switch changes.
    monitored: FastMap<Name, bool>,
    /// Per-node On_off_switch changes (resource, node).
    node_enabled: FastMap<(Name, Name), bool>,
    /// Per-node Monitored_switch changes (resource, node).
    node_monitored: FastMap<(Name, Name), bool>,
    /// Groups becoming managed or unmanaged.
    managed: FastMap<Name, bool>,
    /// Nodes that crash (nothing they ran needs stopping).
    crashed: FastSet<String>,
    /// Nodes that leave (crash or halt).
    down: FastSet<String>,
    /// Nodes that join.
    joined: FastSet<String>,
    /// (group, node) whose Error_stop_failed the operator clears (every Stop_failed resource
    /// of the group there).
    cleared: FastSet<(String, String)>,
    /// (resource, node) whose state a proxy's monitor sets (`scha_control -O
    /// CHANGE_STATE_ONLINE|OFFLINE`): online or not after the plan, with no method run.
    marked: FastMap<(String, String), bool>,
}

/// What the plan aims at, per group and per resource.
#[derive(Default)]
struct Aims {
    /// The groups the plan touches and where each should be, in the order they were named.
    goals: IndexMap<Name, Goal>,
    /// Why a group is touched, when it is not the intent itself.
    reasons: FastMap<String, String>,
    /// Groups left alone (being recovered, or frozen by a failure).
    hold: FastSet<String>,
    /// (group, node) units restarted as a whole (`-R`).
    restart_units: FastSet<(String, String)>,
    /// (resource, node) restarted in place by its fault monitor.
    res_restart: FastSet<(String, String)>,
}

/// Flag steps outside the per-unit method steps: before every stop (`pre`), between the
/// stops and the starts (`mid`), after every start (`post`).
#[derive(Default)]
struct FlagSteps {
    pre: Vec<Step>,
    mid: Vec<Step>,
    post: Vec<Step>,
}

/// A plan being made: the inputs, what the intent asks, and what has been decided so far.
struct Draft<'a> {
    ix: &'a Index<'a>,
    st: &'a ClusterState,
    now: u64,
    /// Why the steps are there (the intent, refined by the recovery decision).
    reason: String,
    /// The text of the last step's reason, shared with the next step of the same reason.
    last_reason: std::cell::RefCell<Option<crate::engine::plan::Reason>>,
    flags: FlagSteps,
    after: After,
    aims: Aims,
    /// Target nodes of each group, decided in dependency order.
    targets: FastMap<Name, Vec<String>>,
    notes: Vec<String>,
    actions: Vec<Action>,
    /// The intent is an operator command that places groups (`-z`, `-Z`): `++` followers
    /// that cannot follow make it fail instead of going offline.
    operator: bool,
}

fn err(code: ErrorCode, msg: impl Into<String>) -> ScError {
    ScError::new(code, msg)
}

impl<'a> Draft<'a> {
    fn new(ix: &'a Index<'a>, now: u64, reason: String) -> Draft<'a> {
        Draft {
            ix,
            st: ix.state,
            now,
            reason,
            last_reason: Default::default(),
            flags: FlagSteps::default(),
            after: After::default(),
            aims: Aims::default(),
            targets: FastMap::default(),
            notes: Vec::new(),
            actions: Vec::new(),
            operator: false,
        }
    }

    fn finish(mut self) -> Result<Plan> {
        self.close_goals();
        let order = self.order_groups();
        for g in &order {
            let t = self.decide(g)?;
            self.targets.insert(Name::from(g.as_str()), t);
        }
        let units = self.units(&order);
        self.summarize(&units);
        let mut steps = std::mem::take(&mut self.flags.pre);
        for u in units.iter().rev() {
            self.emit_stop(u, &mut steps);
        }
        steps.append(&mut self.flags.mid);
        for u in &units {
            self.emit_start(u, &mut steps);
        }
        steps.append(&mut self.flags.post);
        let target = |g: &String| {
            let nodes = self.targets.get(g.as_str()).map_or(&[][..], Vec::as_slice);
            (Name::from(g), nodes.iter().map(Name::from).collect())
        };
        let placement = order
            .iter()
            .filter(|g| !matches!(self.aims.goals.get(g.as_str()), Some(Goal::Keep)))
            .map(Name::from)
            .collect();
        let targets = order.iter().map(target).collect();
        Ok(Plan {
            intent: self.reason.clone(),
            actions: self.actions,
            steps,
            notes: self.notes,
            placement,
            targets,
        })
    }
}

fn known_list<'b>(what: &str, names: impl Iterator<Item = &'b (impl AsRef<str> + 'b)>) -> String {
    let v: Vec<&str> = names.take(20).map(AsRef::as_ref).collect();
    if v.is_empty() {
        format!("there are no {what}")
    } else {
        format!("known {what}: {}", v.join(", "))
    }
}
