//! The event log as text (syslog lines, `Nov 24 09:00:01 mail-1 Cluster.RGM.rgmd: [ID 707948
//! daemon.notice] launching method …`) or JSON.

use crate::model::Event;

/// One syslog-style line.
pub fn line(e: &Event) -> String {
    format!(
        "{} {} {}: [ID {} {}] {}",
        crate::timefmt::syslog(e.time_ms),
        e.node,
        e.tag,
        e.id,
        e.severity,
        e.message
    )
}

/// Lines for a list of events.
pub fn text<'a>(events: impl IntoIterator<Item = &'a Event>) -> String {
    let mut out = String::new();
    for e in events {
        out.push_str(&line(e));
        out.push('\n');
    }
    out
}

/// One event as JSON, with its RFC 3339 time and its syslog line added.
fn json_value(e: &Event) -> serde_json::Value {
    let mut v = serde_json::to_value(e).unwrap_or(serde_json::Value::Null);
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "time".to_string(),
            serde_json::Value::String(crate::timefmt::rfc3339(e.time_ms)),
        );
        o.insert("line".to_string(), serde_json::Value::String(line(e)));
    }
    v
}

/// One event as a compact JSON object on one line (`scsim log --follow --json`).
pub fn json_line(e: &Event) -> String {
    serde_json::to_string(&json_value(e)).unwrap_or_default()
}

/// `{"format_version":1,"events":[…]}` with RFC 3339 times added.
pub fn json<'a>(events: impl IntoIterator<Item = &'a Event>) -> String {
    let list: Vec<serde_json::Value> = events.into_iter().map(json_value).collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "format_version": super::FORMAT_VERSION,
        "events": list,
    }))
    .unwrap_or_default()
}
