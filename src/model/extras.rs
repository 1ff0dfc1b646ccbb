//! A resource's rarely used fields, out of line: restart histories, per-node switches and
//! values, the watcher's server restarts. Most resources have none of them, and seven empty
//! collections inline cost 168 bytes a resource; out of line they cost one pointer until the
//! first is set. The state file is unchanged: the fields are written and read where they were,
//! as fields of the resource's object.

use super::{
    Dependencies, Name, NodeMap, PropMap, PropValue, Resource, ResourceNodeState, SparseText,
    defaults,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The rarely used fields of a resource.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Extras {
    /// Monitor-requested restarts: simulated ms timestamps, for Retry_count/Retry_interval.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub restart_history: Vec<u64>,
    /// Restarts of its group requested for it (`scha_control -O RESTART`): simulated ms
    /// timestamps, for NUM_RG_RESTARTS.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rg_restart_history: Vec<u64>,
    /// Nodes where the resource is disabled although On_off_switch is on (3.2 per-node
    /// `clrs disable -n`, `scswitch -n -h`).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub disabled_on: BTreeSet<String>,
    /// Nodes where the fault monitor is off although Monitored_switch is on (3.2 per-node
    /// `clrs unmonitor -n`).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub unmonitored_on: BTreeSet<String>,
    /// 3.2 per-node values of extension properties declared PER_NODE (`-p NAME{node}=value`):
    /// declared spelling -> node -> value. A node without an entry takes the value in
    /// `extension` (or the declared default).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub per_node: BTreeMap<String, BTreeMap<String, PropValue>>,
    /// SUNW.ims: the Messaging Server watcher's restarts of its servers, by `NODE:SERVER`
    /// (simulated ms timestamps), for `local.autorestart.timeout`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub server_restarts: BTreeMap<String, Vec<u64>>,
    /// Nodes where `scha_control -O IGNORE_FAILED_START` was requested (3.2): the next start
    /// of the resource there (Prenet_start, Start) that fails leaves the group where it is,
    /// whatever Failover_mode says. Cleared by that start, whether it fails or not.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub ignore_failed_start: BTreeSet<String>,
}

static NONE: Extras = Extras {
    restart_history: Vec::new(),
    rg_restart_history: Vec::new(),
    disabled_on: BTreeSet::new(),
    unmonitored_on: BTreeSet::new(),
    per_node: BTreeMap::new(),
    server_restarts: BTreeMap::new(),
    ignore_failed_start: BTreeSet::new(),
};

/// A set of fields most objects leave empty — a resource's [`Extras`], a group's
/// (`group::Extras`) — with the empty set every object without its own reads through.
pub trait Sparse: Default + PartialEq + 'static {
    fn none() -> &'static Self;
}

impl Sparse for Extras {
    fn none() -> &'static Extras {
        &NONE
    }
}

/// Fields out of line: nothing allocated while all are empty. Reading goes through the shared
/// empty set; changing one (through `DerefMut`) allocates the object's own.
#[derive(Debug, Clone)]
pub struct Rare<T: Sparse = Extras>(pub(super) Option<Box<T>>);

impl<T: Sparse> Default for Rare<T> {
    fn default() -> Self {
        Rare(None)
    }
}

impl<T: Sparse> Rare<T> {
    /// Out of line only when one of them is set.
    pub fn new(fields: T) -> Rare<T> {
        if fields == *T::none() {
            Rare(None)
        } else {
            Rare(Some(Box::new(fields)))
        }
    }
}

impl<T: Sparse> std::ops::Deref for Rare<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0.as_deref().unwrap_or(T::none())
    }
}

impl<T: Sparse> std::ops::DerefMut for Rare<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.get_or_insert_with(Default::default)
    }
}

/// Equal when the fields are, allocated or not.
impl<T: Sparse> PartialEq for Rare<T> {
    fn eq(&self, other: &Rare<T>) -> bool {
        **self == **other
    }
}

impl<T: Sparse + Serialize> Serialize for Rare<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

/// A resource as the state file spells it: every field inline, read and then moved into a
/// [`Resource`] (whose rare fields go out of line).
#[derive(Deserialize)]
pub(super) struct ResourceFile {
    #[serde(default)]
    name: Name,
    #[serde(rename = "type")]
    rtype: super::Interned,
    group: Name,
    #[serde(default = "defaults::yes")]
    enabled: bool,
    #[serde(default = "defaults::yes")]
    monitored: bool,
    #[serde(default)]
    description: SparseText,
    #[serde(default)]
    dependencies: Dependencies,
    #[serde(default)]
    properties: PropMap,
    #[serde(default)]
    extension: PropMap,
    #[serde(default)]
    state: NodeMap<ResourceNodeState>,
    #[serde(default)]
    restart_history: Vec<u64>,
    #[serde(default)]
    rg_restart_history: Vec<u64>,
    #[serde(default)]
    disabled_on: BTreeSet<String>,
    #[serde(default)]
    unmonitored_on: BTreeSet<String>,
    #[serde(default)]
    per_node: BTreeMap<String, BTreeMap<String, PropValue>>,
    #[serde(default)]
    server_restarts: BTreeMap<String, Vec<u64>>,
    #[serde(default)]
    ignore_failed_start: BTreeSet<String>,
}

impl From<ResourceFile> for Resource {
    fn from(f: ResourceFile) -> Resource {
        Resource {
            name: f.name,
            rtype: f.rtype,
            group: f.group,
            enabled: f.enabled,
            monitored: f.monitored,
            description: f.description,
            dependencies: f.dependencies,
            properties: f.properties,
            extension: f.extension,
            state: f.state,
            extras: Rare::new(Extras {
                restart_history: f.restart_history,
                rg_restart_history: f.rg_restart_history,
                disabled_on: f.disabled_on,
                unmonitored_on: f.unmonitored_on,
                per_node: f.per_node,
                server_restarts: f.server_restarts,
                ignore_failed_start: f.ignore_failed_start,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_extras_take_no_allocation_and_compare_equal_to_emptied_ones() {
        let mut a = Rare::<Extras>::default();
        assert!(a.0.is_none());
        assert!(a.disabled_on.is_empty());
        assert!(a.0.is_none(), "reading does not allocate");
        a.disabled_on.insert("n1".into());
        assert!(a.0.is_some());
        a.disabled_on.clear();
        assert_eq!(a, Rare::<Extras>::default());
        assert!(Rare::new(Extras::default()).0.is_none());
    }

    #[test]
    fn a_resource_reads_and_writes_its_rare_fields_where_they_were() {
        let text = r#"{"type":"T","group":"g","state":{"n1":"Online"},"restart_history":[5],"disabled_on":["n2"],"ignore_failed_start":["n1"]}"#;
        let r: Resource = serde_json::from_str(text).unwrap();
        assert_eq!(r.extras.restart_history, [5]);
        assert!(r.extras.disabled_on.contains("n2"));
        assert_eq!(serde_json::to_string(&r).unwrap(), text);
        let plain = r#"{"type":"T","group":"g"}"#;
        let r: Resource = serde_json::from_str(plain).unwrap();
        assert!(r.extras.0.is_none());
        assert_eq!(serde_json::to_string(&r).unwrap(), plain);
    }
}
