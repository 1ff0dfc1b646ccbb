//! The JSON form of what a changing command did (or, with `--dry-run`, would do): the report
//! as printed, line by line, and the resulting cluster — node membership, group states and
//! resource states per node. Documented field by field in docs/json.md.

use crate::model::ClusterState;
use serde_json::{Map, Value, json};

/// What a changing command reports, as JSON text (pretty, one trailing newline).
/// `groups`: the groups to show (`None`: every group).
pub fn json(
    command: &str,
    dry_run: bool,
    report: &str,
    state: &ClusterState,
    groups: Option<&[String]>,
) -> String {
    let v = value(command, dry_run, report, state, groups);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// As [`json`], as a value (for documents that hold several, `scsim simulate`).
pub fn value(
    command: &str,
    dry_run: bool,
    report: &str,
    state: &ClusterState,
    groups: Option<&[String]>,
) -> Value {
    json!({
        "format_version": super::FORMAT_VERSION,
        "command": command,
        "dry_run": dry_run,
        "report": report.lines().collect::<Vec<_>>(),
        "cluster": cluster(state, groups),
    })
}

/// Membership and placement: `nodes`, `resource_groups` (with their resources).
pub fn cluster(state: &ClusterState, groups: Option<&[String]>) -> Value {
    let nodes: Vec<Value> = state
        .cluster
        .nodes
        .iter()
        .map(|n| json!({"name": n.name, "id": n.id, "member": n.up}))
        .collect();
    let shown = state
        .resource_groups
        .values()
        .filter(|g| groups.is_none_or(|gs| gs.iter().any(|x| *x == g.name)));
    let rgs: Vec<Value> = shown
        .map(|g| {
            let mut st = Map::new();
            for n in &g.nodelist {
                st.insert(n.to_string(), json!(g.state_on(n).as_str()));
            }
            let resources: Vec<Value> = g
                .resources
                .iter()
                .filter_map(|r| state.resources.get(r))
                .map(|r| {
                    let mut rs = Map::new();
                    for n in &g.nodelist {
                        let s = r.state.get(n).cloned().unwrap_or_default();
                        rs.insert(
                            n.to_string(),
                            json!({"state": s.state.as_str(), "status": s.status.as_str(), "message": s.message.as_str()}),
                        );
                    }
                    json!({
                        "name": r.name,
                        "enabled": r.enabled,
                        "monitored": r.monitored,
                        "state": Value::Object(rs),
                    })
                })
                .collect();
            json!({
                "name": g.name,
                "managed": g.managed,
                "state": Value::Object(st),
                "resources": resources,
            })
        })
        .collect();
    json!({"nodes": nodes, "resource_groups": rgs})
}
