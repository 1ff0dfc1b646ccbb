//! A resource group's form in the state file. Most groups set no description, no
//! RG_dependencies or RG_affinities and no Pathprefix, and have no Pingpong history: those
//! fields are held out of line ([`Rare`], one pointer until the first is set), 136 bytes less
//! in each group. The file is unchanged: a group is read through [`GroupFile`] and written
//! through [`GroupOut`], with every field where it was.

use super::{Name, NodeMap, ResourceGroup, RgMode, RgState, defaults};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// The fields of a group that most groups leave empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extras {
    pub description: String,
    pub rg_dependencies: Vec<String>,
    /// Raw entries such as `++other-rg`.
    pub rg_affinities: Vec<String>,
    pub pathprefix: String,
    /// Per-node history used by Pingpong_interval: node -> simulated ms of the last failure
    /// to start.
    pub start_failures: BTreeMap<String, u64>,
    /// Per-node history used by Pingpong_interval for GIVEOVER: node -> simulated ms when the
    /// group was last given away from it by a fault monitor.
    pub giveovers: BTreeMap<String, u64>,
}

static NONE: Extras = Extras {
    description: String::new(),
    rg_dependencies: Vec::new(),
    rg_affinities: Vec::new(),
    pathprefix: String::new(),
    start_failures: BTreeMap::new(),
    giveovers: BTreeMap::new(),
};

impl super::extras::Sparse for Extras {
    fn none() -> &'static Extras {
        &NONE
    }
}

/// A group's [`Extras`], out of line ([`super::extras::Rare`]).
pub type Rare = super::extras::Rare<Extras>;

/// A group as the state file spells it, every field inline and in the file's order: read
/// and then moved into a [`ResourceGroup`] (whose rare fields go out of line).
#[derive(Deserialize)]
struct GroupFile {
    /// Schema 5 and older spell the name here too (`named.rs`).
    #[serde(default)]
    name: Name,
    #[serde(deserialize_with = "defaults::exact")]
    nodelist: Vec<Name>,
    #[serde(default = "defaults::yes")]
    managed: bool,
    #[serde(default = "defaults::failover")]
    mode: RgMode,
    #[serde(default)]
    description: String,
    #[serde(default)]
    failback: bool,
    #[serde(default = "defaults::one")]
    maximum_primaries: u32,
    #[serde(default = "defaults::one")]
    desired_primaries: u32,
    #[serde(default, deserialize_with = "defaults::exact")]
    rg_dependencies: Vec<String>,
    /// Raw entries such as `++other-rg`.
    #[serde(default, deserialize_with = "defaults::exact")]
    rg_affinities: Vec<String>,
    #[serde(default = "defaults::yes")]
    implicit_network_dependencies: bool,
    /// `["*"]` = all.
    #[serde(default = "defaults::global_resources_used")]
    global_resources_used: Vec<Name>,
    #[serde(default)]
    pathprefix: String,
    #[serde(default = "defaults::pingpong_interval")]
    pingpong_interval: u32,
    #[serde(default = "defaults::project_name")]
    project_name: Name,
    #[serde(default)]
    rg_system: bool,
    #[serde(default = "defaults::yes")]
    auto_start_on_new_cluster: bool,
    #[serde(default)]
    suspend_automatic_recovery: bool,
    /// Resources in creation order (Resource_list).
    #[serde(default, deserialize_with = "defaults::exact")]
    resources: Vec<Name>,
    /// Per-node state, one entry per Nodelist node (absent = Offline, or Unmanaged when unmanaged).
    #[serde(default)]
    state: NodeMap<RgState>,
    /// Per-node history used by Pingpong_interval: node -> simulated ms of the last failure to start.
    #[serde(default)]
    start_failures: BTreeMap<String, u64>,
    /// Set by `scswitch -Q`/error handling: automatic actions are frozen until cleared.
    #[serde(default)]
    quiesced: bool,
    /// Per-node history used by Pingpong_interval for GIVEOVER: node -> simulated ms when the
    /// group was last given away from it by a fault monitor.
    #[serde(default)]
    giveovers: BTreeMap<String, u64>,
    /// The group was online and lost every primary to failures with nowhere to go; the RGM
    /// brings it back when a node of its Nodelist joins (an operator's `scswitch -F` does not
    /// set this, so a group taken offline by hand stays offline).
    #[serde(default)]
    stranded: bool,
}

impl From<GroupFile> for ResourceGroup {
    fn from(f: GroupFile) -> ResourceGroup {
        ResourceGroup {
            name: f.name,
            nodelist: f.nodelist,
            managed: f.managed,
            mode: f.mode,
            failback: f.failback,
            maximum_primaries: f.maximum_primaries,
            desired_primaries: f.desired_primaries,
            implicit_network_dependencies: f.implicit_network_dependencies,
            global_resources_used: f.global_resources_used,
            pingpong_interval: f.pingpong_interval,
            project_name: f.project_name,
            rg_system: f.rg_system,
            auto_start_on_new_cluster: f.auto_start_on_new_cluster,
            suspend_automatic_recovery: f.suspend_automatic_recovery,
            resources: f.resources,
            state: f.state,
            quiesced: f.quiesced,
            stranded: f.stranded,
            rare: Rare::new(Extras {
                description: f.description,
                rg_dependencies: f.rg_dependencies,
                rg_affinities: f.rg_affinities,
                pathprefix: f.pathprefix,
                start_failures: f.start_failures,
                giveovers: f.giveovers,
            }),
        }
    }
}

impl<'de> Deserialize<'de> for ResourceGroup {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ResourceGroup, D::Error> {
        GroupFile::deserialize(d).map(ResourceGroup::from)
    }
}

/// A group as it is written: the fields of [`GroupFile`] in its order, each left out when it
/// has its default. The name is the key of `resource_groups` (schema 6).
#[derive(Serialize)]
struct GroupOut<'a> {
    nodelist: &'a [Name],
    #[serde(skip_serializing_if = "defaults::is_yes")]
    managed: bool,
    #[serde(skip_serializing_if = "defaults::is_failover")]
    mode: RgMode,
    #[serde(skip_serializing_if = "blank")]
    description: &'a str,
    #[serde(skip_serializing_if = "defaults::is_no")]
    failback: bool,
    #[serde(skip_serializing_if = "defaults::is_one")]
    maximum_primaries: u32,
    #[serde(skip_serializing_if = "defaults::is_one")]
    desired_primaries: u32,
    #[serde(skip_serializing_if = "none")]
    rg_dependencies: &'a [String],
    #[serde(skip_serializing_if = "none")]
    rg_affinities: &'a [String],
    #[serde(skip_serializing_if = "defaults::is_yes")]
    implicit_network_dependencies: bool,
    #[serde(skip_serializing_if = "global_default")]
    global_resources_used: &'a [Name],
    #[serde(skip_serializing_if = "blank")]
    pathprefix: &'a str,
    #[serde(skip_serializing_if = "defaults::is_pingpong_interval")]
    pingpong_interval: u32,
    #[serde(skip_serializing_if = "project_default")]
    project_name: &'a str,
    #[serde(skip_serializing_if = "defaults::is_no")]
    rg_system: bool,
    #[serde(skip_serializing_if = "defaults::is_yes")]
    auto_start_on_new_cluster: bool,
    #[serde(skip_serializing_if = "defaults::is_no")]
    suspend_automatic_recovery: bool,
    #[serde(skip_serializing_if = "none")]
    resources: &'a [Name],
    #[serde(skip_serializing_if = "no_states")]
    state: &'a NodeMap<RgState>,
    #[serde(skip_serializing_if = "no_times")]
    start_failures: &'a BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    quiesced: bool,
    #[serde(skip_serializing_if = "no_times")]
    giveovers: &'a BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    stranded: bool,
}

fn blank(s: &&str) -> bool {
    s.is_empty()
}

fn none<T>(v: &&[T]) -> bool {
    v.is_empty()
}

fn no_states(m: &&NodeMap<RgState>) -> bool {
    m.is_empty()
}

fn no_times(m: &&BTreeMap<String, u64>) -> bool {
    m.is_empty()
}

fn global_default(v: &&[Name]) -> bool {
    defaults::is_global_resources_used(v)
}

fn project_default(s: &&str) -> bool {
    defaults::is_project_name(s)
}

impl Serialize for ResourceGroup {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = self;
        GroupOut {
            nodelist: &g.nodelist,
            managed: g.managed,
            mode: g.mode,
            description: &g.rare.description,
            failback: g.failback,
            maximum_primaries: g.maximum_primaries,
            desired_primaries: g.desired_primaries,
            rg_dependencies: &g.rare.rg_dependencies,
            rg_affinities: &g.rare.rg_affinities,
            implicit_network_dependencies: g.implicit_network_dependencies,
            global_resources_used: &g.global_resources_used,
            pathprefix: &g.rare.pathprefix,
            pingpong_interval: g.pingpong_interval,
            project_name: &g.project_name,
            rg_system: g.rg_system,
            auto_start_on_new_cluster: g.auto_start_on_new_cluster,
            suspend_automatic_recovery: g.suspend_automatic_recovery,
            resources: &g.resources,
            state: &g.state,
            start_failures: &g.rare.start_failures,
            quiesced: g.quiesced,
            giveovers: &g.rare.giveovers,
            stranded: g.stranded,
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_fields_take_no_allocation_until_set_and_are_written_where_they_were() {
        let text = r#"{"nodelist":["n1","n2"],"description":"d","rg_affinities":["++g2"],"pathprefix":"/p","resources":["r"],"state":{"n1":"Online"},"giveovers":{"n2":5},"stranded":true}"#;
        let g: ResourceGroup = serde_json::from_str(text).unwrap();
        assert!(g.rare.0.is_some());
        assert_eq!(g.rare.description, "d");
        assert_eq!(g.rare.rg_affinities, ["++g2"]);
        assert_eq!(g.rare.giveovers.get("n2"), Some(&5));
        assert_eq!(serde_json::to_string(&g).unwrap(), text);
        let plain =
            r#"{"nodelist":["n1"],"managed":false,"project_name":"p","global_resources_used":[]}"#;
        let g: ResourceGroup = serde_json::from_str(plain).unwrap();
        assert!(g.rare.0.is_none(), "nothing rare set: nothing allocated");
        assert_eq!(
            serde_json::to_string(&g).unwrap(),
            r#"{"nodelist":["n1"],"managed":false,"global_resources_used":[],"project_name":"p"}"#
        );
        let mut emptied = g.clone();
        emptied.rare.giveovers.clear();
        assert!(emptied.rare.0.is_some());
        assert_eq!(emptied, g, "allocated and empty equals never set");
        assert!(std::mem::size_of::<ResourceGroup>() <= 192);
    }
}
