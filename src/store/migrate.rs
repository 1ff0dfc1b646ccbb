//! Forward migration of older state files.
//!
//! Rule: every change to the file format that an older scsim could not read bumps
//! `SCHEMA_VERSION` and adds one step here that rewrites a version-N document into version N+1.
//! Steps run in sequence on load; the file itself is rewritten in the new version by the next
//! command that commits. Version 0 (files written before `schema_version` existed) is not a
//! thing.
//!
//! * 1 → 2: the event log leaves the state file for the messages file beside it. The embedded
//!   `events` (`capacity`, `next_seq`, `entries`) become `log` (rotation settings, defaults)
//!   whose `entries` are read but never written again: the first commit appends them to a new
//!   messages file (see `store::messages`), and until then read-only commands show them as the
//!   log.
//! * 2 → 3: the cluster's release (`cluster.release`) and the 3.2 per-node switches
//!   (`disabled_on`, `unmonitored_on` of a resource). Absent they mean 3.1 and no per-node
//!   exception, so a version-2 document is a version-3 document as it is; the version is raised
//!   so that a scsim that knows neither refuses a 3.2 or 4.4 cluster instead of running 3.1
//!   commands on it and starting resources on nodes where they are disabled.
//! * 3 → 4: per-node values of PER_NODE extension properties (`per_node` of a resource, 3.2
//!   `-p NAME{node}=value`). Absent means none, so a version-3 document is a version-4 document
//!   as it is; the version is raised so that a scsim that does not know them refuses the file
//!   instead of keeping them as unknown fields and showing one value for every node.
//! * 4 → 5: resource groups and resources leave out fields at their default value
//!   (`src/model/defaults.rs`: an empty description, no dependencies, Maximum_primaries 1,
//!   Pingpong_interval 3600, …), a third of the file at 1,000 resources. A missing field
//!   reads as its default and a spelled-out one reads as before, so a version-4 document is a
//!   version-5 document as it is; the version is raised because a version-4 scsim requires
//!   those fields and would report a version-5 file as broken rather than as newer.
//! * 5 → 6: a resource's per-node state that is Online with status Online, or Offline with
//!   status Offline, and has no message is written as the bare name (`"Online"`) instead of an
//!   object, a quarter of a resource's bytes. The object form still reads, so a version-5
//!   document is a version-6 document as it is; the version is raised because a version-5
//!   scsim cannot read the bare form.

use crate::model::nodefiles::{self, FileChange, VfstabEntry};
use crate::model::{ClusterState, PropValue, SCHEMA_VERSION};
use serde_json::Value;

/// Whether a file of version `from` parses straight into the current model: every step from
/// it to the current version only added fields whose absence keeps the old meaning, or new
/// spellings beside the old ones (2 → 3 → 4 → 5 → 6).
pub fn reads_as_current(from: u32) -> bool {
    (2..SCHEMA_VERSION).contains(&from)
}

/// The order of the name-keyed maps (`resource_types`, `resource_groups`, `resources`: creation
/// order, which listings follow) as `bytes` has them. A migration through generic JSON sorts
/// object keys; this puts `state`'s maps back in the file's order.
pub fn restore_order(state: &mut ClusterState, bytes: &[u8]) {
    use serde::de::IgnoredAny;
    #[derive(serde::Deserialize)]
    struct Order {
        #[serde(default)]
        resource_types: indexmap::IndexMap<String, IgnoredAny>,
        #[serde(default)]
        resource_groups: indexmap::IndexMap<String, IgnoredAny>,
        #[serde(default)]
        resources: indexmap::IndexMap<String, IgnoredAny>,
    }
    let Ok(order) = serde_json::from_slice::<Order>(bytes) else {
        return;
    };
    let at = |order: &indexmap::IndexMap<String, IgnoredAny>, k: &str| {
        order.get_index_of(k).unwrap_or(usize::MAX)
    };
    let types = &order.resource_types;
    state.resource_types.sort_by_cached_key(|k, _| at(types, k));
    let groups = &order.resource_groups;
    state
        .resource_groups
        .sort_by_cached_key(|k, _| at(groups, k));
    let resources = &order.resources;
    state.resources.sort_by_cached_key(|k, _| at(resources, k));
}

/// Upgrade `value` from `from` to the current version.
pub fn upgrade(mut value: Value, from: u32) -> Result<Value, String> {
    let mut v = from;
    while v < SCHEMA_VERSION {
        value = step(value, v)?;
        v += 1;
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(value)
}

fn step(value: Value, from: u32) -> Result<Value, String> {
    match from {
        1 => Ok(v1_to_v2(value)),
        // Only additions whose absence keeps the previous version's meaning.
        2..=5 => Ok(value),
        _ => Err(format!(
            "schema_version {from} is not a version scsim ever wrote (the first is 1)"
        )),
    }
}

/// Version 1 embedded the log (`events`); version 2 keeps its settings (`log`) and moves the
/// entries to the messages file.
fn v1_to_v2(mut value: Value) -> Value {
    if let Some(obj) = value.as_object_mut() {
        let entries = obj
            .remove("events")
            .and_then(|mut e| e.get_mut("entries").map(Value::take))
            .unwrap_or_else(|| Value::Array(Vec::new()));
        obj.insert(
            "log".into(),
            serde_json::json!({
                "file_bytes": crate::model::EventLog::DEFAULT_FILE_BYTES,
                "files": crate::model::EventLog::DEFAULT_FILES,
                "entries": entries,
            }),
        );
    }
    value
}

/// The note in node files written for a state made before node files existed.
pub const NODE_FILES_NOTE: &str = "written by scsim for a cluster created before node files existed: the entries its resources need";

/// The node files of a state made before node files existed: `/etc/hosts` with the nodes and
/// every host name a network address resource uses (addresses from 192.0.2.100 on), and
/// `/etc/vfstab` with a failover line for every HAStoragePlus mount point (a cluster file
/// system for a scalable group's `/global/…` one), on every node. Written once, with a note.
pub fn node_files(state: &ClusterState) -> Vec<FileChange> {
    let mut hosts: Vec<(String, String)> = Vec::new();
    let mut vfstab: Vec<VfstabEntry> = Vec::new();
    for r in state.resources.values() {
        let Some(rt) = state.type_of(r) else { continue };
        let list = |p: &str| match r.extension.iter().find(|(k, _)| k.eq_ignore_ascii_case(p)) {
            Some((_, PropValue::List(l))) => l.clone(),
            _ => Vec::new(),
        };
        if rt.is_network_address() {
            for h in list("HostnameList") {
                if !nodefiles::is_address(&h) && !hosts.iter().any(|(n, _)| *n == h) {
                    let addr = format!("192.0.2.{}", 100 + hosts.len());
                    hosts.push((h, addr));
                }
            }
        }
        if rt.resource_type.eq_ignore_ascii_case("HAStoragePlus") {
            let scalable = state
                .resource_groups
                .get(&r.group)
                .is_some_and(|g| g.mode == crate::model::RgMode::Scalable);
            for m in list(nodefiles::MOUNT_POINTS_PROP) {
                if vfstab.iter().any(|e| e.mount_point == m) {
                    continue;
                }
                let mut e = VfstabEntry::failover(&m, vfstab.len());
                if scalable {
                    e.at_boot = "yes".into();
                    e.options = "logging,global".into();
                }
                vfstab.push(e);
            }
        }
    }
    let mut out = Vec::new();
    for n in &state.cluster.nodes {
        out.push(FileChange::Write {
            node: n.name.clone(),
            path: "/etc/hosts".into(),
            content: nodefiles::hosts_file(state, &hosts, NODE_FILES_NOTE),
        });
        out.push(FileChange::Write {
            node: n.name.clone(),
            path: "/etc/vfstab".into(),
            content: nodefiles::vfstab_file(&vfstab, NODE_FILES_NOTE),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_through_generic_json_keeps_creation_order() {
        use crate::engine::testkit;
        let mut state = testkit::cluster(&["a", "b"], 0);
        testkit::add_group(&mut state, "zeta", &["a", "b"]);
        testkit::add_group(&mut state, "alpha", &["a", "b"]);
        let text = serde_json::to_string(&state).unwrap();
        // Generic JSON (what a migration goes through) sorts the keys.
        let sorted: ClusterState =
            serde_json::from_value(serde_json::from_str::<Value>(&text).unwrap()).unwrap();
        let names = |s: &ClusterState| s.resource_groups.keys().cloned().collect::<Vec<_>>();
        assert_eq!(names(&sorted), ["alpha", "zeta"]);
        let mut restored = sorted;
        restore_order(&mut restored, text.as_bytes());
        assert_eq!(names(&restored), ["zeta", "alpha"]);
        assert_eq!(restored.resource_groups["zeta"].name, "zeta");
    }

    #[test]
    fn versions_from_2_read_as_the_current_one() {
        assert!(!reads_as_current(1));
        assert!((2..SCHEMA_VERSION).all(reads_as_current));
        assert!(!reads_as_current(SCHEMA_VERSION));
    }

    #[test]
    fn v2_is_a_31_cluster_without_per_node_switches() {
        let v2 = serde_json::json!({
            "schema_version": 2,
            "cluster": {"name": "c", "nodes": []},
            "resources": {"r": {"enabled": true}}
        });
        let v3 = upgrade(v2.clone(), 2).unwrap();
        assert_eq!(v3["schema_version"], SCHEMA_VERSION);
        assert!(v3["cluster"].get("release").is_none());
        assert_eq!(v3["resources"], v2["resources"]);
    }

    #[test]
    fn v3_has_no_per_node_values() {
        let v3 = serde_json::json!({
            "schema_version": 3,
            "cluster": {"name": "c", "nodes": [], "release": "3.2"},
            "resources": {"r": {"enabled": true, "disabled_on": ["a"]}}
        });
        let v4 = upgrade(v3.clone(), 3).unwrap();
        assert_eq!(v4["schema_version"], SCHEMA_VERSION);
        assert_eq!(v4["resources"], v3["resources"]);
        assert_eq!(v4["cluster"], v3["cluster"]);
    }

    #[test]
    fn v4_spells_out_defaults_that_v5_leaves_out() {
        let v4 = serde_json::json!({
            "schema_version": 4,
            "resource_groups": {"g": {"name": "g", "pingpong_interval": 3600}}
        });
        let v5 = upgrade(v4.clone(), 4).unwrap();
        assert_eq!(v5["schema_version"], SCHEMA_VERSION);
        assert_eq!(v5["resource_groups"], v4["resource_groups"]);
    }

    #[test]
    fn v1_events_become_log_entries() {
        let v1 = serde_json::json!({
            "schema_version": 1,
            "events": {"capacity": 2000, "next_seq": 3, "entries": [
                {"seq": 1, "time_ms": 5, "node": "a", "id": 1, "severity": "daemon.notice", "message": "m"},
                {"seq": 2, "time_ms": 6, "node": "a", "id": 2, "severity": "daemon.notice", "message": "n", "group": "g"}
            ]}
        });
        let v2 = upgrade(v1, 1).unwrap();
        assert_eq!(v2["schema_version"], SCHEMA_VERSION);
        assert!(v2.get("events").is_none());
        assert_eq!(v2["log"]["entries"].as_array().unwrap().len(), 2);
        let log: crate::model::EventLog = serde_json::from_value(v2["log"].clone()).unwrap();
        assert_eq!(log.entries[1].group.as_deref(), Some("g"));
        assert_eq!(log.files, crate::model::EventLog::DEFAULT_FILES);
    }
}
