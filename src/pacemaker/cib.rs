//! `scsim export --cib`: the cluster's configuration and placement preferences as a Pacemaker
//! CIB (configuration section; the status section is left empty for the cluster to fill).
//!
//! The mapping (docs/pacemaker.md has the table): a failover group is a `group` with its
//! members in start order; a scalable group is a clone of that group (clone-max =
//! Desired_primaries, clone-node-max = 1); the Nodelist order becomes decreasing location
//! scores (-INFINITY on nodes outside it); Failback False/True is a high/zero stickiness;
//! Resource_dependencies are order constraints (Mandatory, weak ones Optional); RG_dependencies
//! order the groups' starts (Optional: a failed dependee does not stop its dependents);
//! RG_affinities are colocations; SC-only properties ride along as `sc-*` meta attributes. What SC says about runtime placement (enabled, online, managed) becomes
//! target-role and is-managed.

use super::map::{self, Agent};
use super::xml::{El, xml_id};
use crate::model::{ClusterState, Method, Resource, ResourceGroup, RgMode};
use crate::query::effective;

/// Score of the first Nodelist node; each later node gets [`NODE_STEP`] less.
pub const NODE_TOP: i64 = 100;
pub const NODE_STEP: i64 = 10;
/// Stickiness of a member of a group with Failback False (far above the Nodelist spread).
pub const STICKY: i64 = 1000;
/// Score of a weak (+/-) RG affinity: above the Nodelist spread, below the stickiness.
pub const WEAK_AFFINITY: i64 = 200;
/// The schema written in `validate-with` (Pacemaker 2.1 knows it).
pub const SCHEMA: &str = "pacemaker-3.7";

/// A generated CIB and what could not be carried over.
#[derive(Debug, Clone)]
pub struct Cib {
    pub doc: El,
    /// One line per SC setting that has no Pacemaker equivalent in this CIB.
    pub notes: Vec<String>,
}

impl Cib {
    pub fn to_xml(&self) -> String {
        self.doc.to_xml()
    }
}

/// Whether a group is to be started (target-role); [`export`] derives it from the state.
pub type Roles<'a> = &'a dyn Fn(&ResourceGroup) -> bool;

/// The CIB of `state`.
pub fn export(state: &ClusterState) -> Cib {
    let mut notes = Vec::new();
    let configuration = configuration(state, &wanted_online, &mut notes);
    let doc = El::new("cib")
        .attr("validate-with", SCHEMA)
        .attr("admin_epoch", "0")
        .attr("epoch", state.generation.max(1).to_string())
        .attr("num_updates", "0")
        .child(configuration)
        .child(El::new("status"));
    Cib { doc, notes }
}

/// The `<configuration>` element alone (what the backend replaces on a cluster).
pub fn configuration(state: &ClusterState, roles: Roles, notes: &mut Vec<String>) -> El {
    let groups: Vec<&ResourceGroup> = state
        .resource_groups
        .values()
        .filter(|g| {
            let keep = !g.resources.is_empty();
            if !keep {
                notes.push(format!(
                    "{}: an empty resource group has no Pacemaker form; it appears once it has a resource",
                    g.name
                ));
            }
            keep
        })
        .collect();
    let mut resources = El::new("resources");
    let mut constraints = El::new("constraints");
    for g in &groups {
        resources = resources.child(group_el(state, g, roles(g), notes));
        constraints = constraints.children(locations(state, g));
    }
    constraints = constraints
        .children(orders(state, &groups))
        .children(colocations(state, &groups, notes));
    El::new("configuration")
        .child(crm_config(state))
        .child(nodes(state))
        .child(resources)
        .child(constraints)
}

fn nvpair(owner: &str, name: &str, value: impl Into<String>) -> El {
    El::new("nvpair")
        .attr("id", xml_id(&format!("{owner}-{name}")))
        .attr("name", name.to_string())
        .attr("value", value)
}

fn attr_set(tag: &'static str, id: String, pairs: Vec<(String, String)>) -> Option<El> {
    if pairs.is_empty() {
        return None;
    }
    let el = El::new(tag).attr("id", id.clone());
    Some(el.children(pairs.into_iter().map(|(k, v)| nvpair(&id, &k, v))))
}

fn crm_config(state: &ClusterState) -> El {
    let id = "cib-bootstrap-options";
    El::new("crm_config").child(
        El::new("cluster_property_set")
            .attr("id", id)
            .child(nvpair(id, "stonith-enabled", "false"))
            .child(nvpair(id, "cluster-name", state.cluster.name.clone())),
    )
}

fn nodes(state: &ClusterState) -> El {
    El::new("nodes").children(state.cluster.nodes.iter().map(|n| {
        El::new("node")
            .attr("id", n.id.to_string())
            .attr("uname", n.name.clone())
    }))
}

/// The id constraints use for group `g`: the group, or its clone when scalable.
pub fn group_ref(g: &ResourceGroup) -> String {
    match g.mode {
        RgMode::Failover => xml_id(&g.name),
        RgMode::Scalable => format!("{}-clone", xml_id(&g.name)),
    }
}

/// The group should be started: it masters a node, or it lost them to failures and the RGM
/// brings it back when it can.
pub fn wanted_online(g: &ResourceGroup) -> bool {
    !g.primaries().is_empty() || g.stranded
}

fn group_el(state: &ClusterState, g: &ResourceGroup, started: bool, notes: &mut Vec<String>) -> El {
    let gid = xml_id(&g.name);
    let mut meta = vec![(
        "resource-stickiness".to_string(),
        if g.failback { 0 } else { STICKY }.to_string(),
    )];
    let role = if started { "Started" } else { "Stopped" };
    if !g.managed {
        meta.push(("is-managed".to_string(), "false".to_string()));
    }
    meta.extend(map::group_sc_meta(g, notes));
    let members = map::start_order(state, g)
        .into_iter()
        .filter_map(|r| state.resources.get(&r))
        .map(|r| primitive(state, r));
    let mut group = El::new("group").attr("id", gid.clone());
    let mut clone_meta = Vec::new();
    match g.mode {
        RgMode::Failover => meta.push(("target-role".to_string(), role.to_string())),
        RgMode::Scalable => {
            clone_meta.push(("clone-max".to_string(), g.desired_primaries.to_string()));
            clone_meta.push(("clone-node-max".to_string(), "1".to_string()));
            clone_meta.push(("target-role".to_string(), role.to_string()));
            if !g.managed {
                clone_meta.push(("is-managed".to_string(), "false".to_string()));
            }
        }
    }
    if let Some(m) = attr_set("meta_attributes", format!("{gid}-meta"), meta) {
        group = group.child(m);
    }
    group = group.children(members);
    match g.mode {
        RgMode::Failover => group,
        RgMode::Scalable => {
            let cid = group_ref(g);
            let mut clone = El::new("clone").attr("id", cid.clone());
            if let Some(m) = attr_set("meta_attributes", format!("{cid}-meta"), clone_meta) {
                clone = clone.child(m);
            }
            clone.child(group)
        }
    }
}

fn primitive(state: &ClusterState, r: &Resource) -> El {
    let rid = xml_id(&r.name);
    let rt = state.resource_types.get(r.rtype.as_str());
    let agent = map::agent(state, r);
    let mut el = El::new("primitive")
        .attr("id", rid.clone())
        .attr("class", agent.class())
        .attr("provider", agent.provider())
        .attr("type", agent.kind());
    if let Some(ia) = attr_set(
        "instance_attributes",
        format!("{rid}-params"),
        agent.params(),
    ) {
        el = el.child(ia);
    }
    let mut meta = Vec::new();
    if !r.enabled {
        meta.push(("target-role".to_string(), "Stopped".to_string()));
    }
    let monitored_type = rt.is_some_and(|t| t.has_method(Method::MonitorStart));
    if monitored_type {
        let count = effective::retry_count(rt, r);
        if count >= 0 {
            meta.push(("migration-threshold".to_string(), (count + 1).to_string()));
            let interval = effective::retry_interval_ms(rt, r) / 1000;
            if interval > 0 {
                meta.push(("failure-timeout".to_string(), format!("{interval}s")));
            }
        }
    }
    meta.push(("sc-type".to_string(), r.rtype.to_string()));
    meta.extend(map::resource_sc_meta(r));
    if let Some(m) = attr_set("meta_attributes", format!("{rid}-meta"), meta) {
        el = el.child(m);
    }
    el.child(operations(state, r, &agent, monitored_type))
}

fn operations(state: &ClusterState, r: &Resource, agent: &Agent, monitored_type: bool) -> El {
    let rt = state.resource_types.get(r.rtype.as_str());
    let rid = xml_id(&r.name);
    let mut ops = El::new("operations");
    let start = effective::timeout_s(rt, r, Method::Start);
    let stop = effective::timeout_s(rt, r, Method::Stop);
    ops = ops.child(
        El::new("op")
            .attr("id", format!("{rid}-start-0"))
            .attr("name", "start")
            .attr("interval", "0s")
            .attr("timeout", format!("{start}s")),
    );
    // SC never fences on a failed stop unless Failover_mode=HARD; with fencing off that
    // leaves the resource blocked (Stop_failed) either way.
    ops = ops.child(
        El::new("op")
            .attr("id", format!("{rid}-stop-0"))
            .attr("name", "stop")
            .attr("interval", "0s")
            .attr("timeout", format!("{stop}s"))
            .attr("on-fail", "block"),
    );
    if monitored_type || agent.always_monitored() {
        let every = (effective::probe_interval_ms(rt, r) / 1000).max(1);
        let mut op = El::new("op")
            .attr("id", format!("{rid}-monitor-{every}s"))
            .attr("name", "monitor")
            .attr("interval", format!("{every}s"))
            .attr("timeout", format!("{}s", every.max(20)));
        if !r.monitored {
            op = op.attr("enabled", "false");
        }
        ops = ops.child(op);
    }
    ops
}

fn locations(state: &ClusterState, g: &ResourceGroup) -> Vec<El> {
    let rsc = group_ref(g);
    state
        .cluster
        .nodes
        .iter()
        .map(|n| {
            let score = match g.nodelist.iter().position(|x| *x == n.name) {
                Some(i) => (NODE_TOP - NODE_STEP * i as i64).max(1).to_string(),
                None => "-INFINITY".to_string(),
            };
            El::new("rsc_location")
                .attr("id", xml_id(&format!("loc-{}-{}", g.name, n.name)))
                .attr("rsc", rsc.clone())
                .attr("node", n.name.clone())
                .attr("score", score)
        })
        .collect()
}

fn orders(state: &ClusterState, groups: &[&ResourceGroup]) -> Vec<El> {
    let mapped = |g: &str| groups.iter().find(|x| x.name == g).copied();
    let mut out = Vec::new();
    for g in groups {
        for d in &g.rare.rg_dependencies {
            if let Some(dg) = mapped(d) {
                out.push(
                    El::new("rsc_order")
                        .attr("id", xml_id(&format!("order-{}-after-{}", g.name, d)))
                        .attr("first", group_ref(dg))
                        .attr("then", group_ref(g))
                        .attr("kind", "Optional"),
                );
            }
        }
    }
    for (dependent, kind, dependee) in map::resource_orders(state, groups) {
        out.push(
            El::new("rsc_order")
                .attr(
                    "id",
                    xml_id(&format!(
                        "order-{dependent}-after-{dependee}-{}",
                        kind.to_lowercase()
                    )),
                )
                .attr("first", member_ref(state, &dependee))
                .attr("then", member_ref(state, &dependent))
                .attr("kind", kind),
        );
    }
    out
}

/// The id a constraint uses for resource `r`: its own, or its group's clone (members of a
/// cloned group cannot be constrained one by one).
fn member_ref(state: &ClusterState, r: &str) -> String {
    match state
        .resources
        .get(r)
        .and_then(|x| state.resource_groups.get(&x.group))
    {
        Some(g) if g.mode == RgMode::Scalable => group_ref(g),
        _ => xml_id(r),
    }
}

fn colocations(
    state: &ClusterState,
    groups: &[&ResourceGroup],
    notes: &mut Vec<String>,
) -> Vec<El> {
    let mapped = |g: &str| groups.iter().find(|x| x.name == g).copied();
    let mut out = Vec::new();
    for g in groups {
        for a in &g.rare.rg_affinities {
            let Some(aff) = map::Affinity::parse(a) else {
                notes.push(format!(
                    "{}: RG_affinities entry {a} not understood",
                    g.name
                ));
                continue;
            };
            let Some(other) = mapped(&aff.group) else {
                continue;
            };
            let mut el = El::new("rsc_colocation")
                .attr("id", xml_id(&format!("col-{}-{}", g.name, aff.group)))
                .attr("rsc", group_ref(g))
                .attr("with-rsc", group_ref(other))
                .attr("score", aff.score());
            if let Some(inf) = aff.influence() {
                el = el.attr("influence", inf);
            }
            out.push(el);
        }
    }
    let _ = state;
    out
}

#[cfg(test)]
mod tests;
