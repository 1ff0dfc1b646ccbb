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

use crate::model::SCHEMA_VERSION;
use serde_json::Value;

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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(v2["schema_version"], 2);
        assert!(v2.get("events").is_none());
        assert_eq!(v2["log"]["entries"].as_array().unwrap().len(), 2);
        let log: crate::model::EventLog = serde_json::from_value(v2["log"].clone()).unwrap();
        assert_eq!(log.entries[1].group.as_deref(), Some("g"));
        assert_eq!(log.files, crate::model::EventLog::DEFAULT_FILES);
    }
}
