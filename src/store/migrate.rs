//! Forward migration of older state files.
//!
//! Rule: every change to the file format that an older scsim could not read bumps
//! `SCHEMA_VERSION` and adds one step here that rewrites a version-N document into version N+1.
//! Steps run in sequence on load; the file itself is rewritten in the new version by the next
//! command that commits. Version 1 is the first version, so there are no steps yet; version 0
//! (files written before `schema_version` existed) is not a thing.

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

fn step(_value: Value, from: u32) -> Result<Value, String> {
    Err(format!(
        "schema_version {from} is not a version scsim ever wrote (the first is 1)"
    ))
}
