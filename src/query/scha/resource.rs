//! scha_resource_get(1HA): the properties of a resource (r_properties(5)), its per-node state
//! and status, its extension properties, and the properties of its type (rt_properties(5)).

use super::{Answer, node_operand, operands, status_name, unknown_tag};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, ParamDecl, PropType, PropValue, Resource, props};
use crate::query::effective;

/// Every optag of scha_resource_get(1HA) about the resource itself; the optags of
/// scha_resourcetype_get(1HA) are accepted too and answer for the resource's type.
pub const RESOURCE_TAGS: &[&str] = &[
    "AFFINITY_TIMEOUT",
    "ALL_EXTENSIONS",
    "BOOT_TIMEOUT",
    "CHEAP_PROBE_INTERVAL",
    "EXTENSION",
    "EXTENSION_NODE",
    "FAILOVER_MODE",
    "FINI_TIMEOUT",
    "GLOBAL_ZONE_OVERRIDE",
    "GROUP",
    "INIT_TIMEOUT",
    "LOAD_BALANCING_POLICY",
    "LOAD_BALANCING_WEIGHTS",
    "MONITORED_SWITCH",
    "MONITORED_SWITCH_NODE",
    "MONITOR_CHECK_TIMEOUT",
    "MONITOR_START_TIMEOUT",
    "MONITOR_STOP_TIMEOUT",
    "NETWORK_RESOURCES_USED",
    "NUM_RESOURCE_RESTARTS",
    "NUM_RG_RESTARTS",
    "ON_OFF_SWITCH",
    "ON_OFF_SWITCH_NODE",
    "PORT_LIST",
    "POSTNET_STOP_TIMEOUT",
    "PRENET_START_TIMEOUT",
    "R_DESCRIPTION",
    "RESOURCE_DEPENDENCIES",
    "RESOURCE_DEPENDENCIES_OFFLINE_RESTART",
    "RESOURCE_DEPENDENCIES_Q",
    "RESOURCE_DEPENDENCIES_Q_OFFLINE_RESTART",
    "RESOURCE_DEPENDENCIES_Q_RESTART",
    "RESOURCE_DEPENDENCIES_Q_WEAK",
    "RESOURCE_DEPENDENCIES_RESTART",
    "RESOURCE_DEPENDENCIES_WEAK",
    "RESOURCE_PROJECT_NAME",
    "RESOURCE_STATE",
    "RESOURCE_STATE_NODE",
    "RETRY_COUNT",
    "RETRY_INTERVAL",
    "SCALABLE",
    "START_TIMEOUT",
    "STATUS",
    "STATUS_NODE",
    "STOP_TIMEOUT",
    "THOROUGH_PROBE_INTERVAL",
    "TYPE",
    "TYPE_VERSION",
    "UDP_AFFINITY",
    "UPDATE_TIMEOUT",
    "VALIDATE_TIMEOUT",
    "WEAK_AFFINITY",
];

/// Restarts of `r` requested within its Retry_interval before `now` (NUM_RESOURCE_RESTARTS).
pub fn num_resource_restarts(state: &ClusterState, r: &Resource, now: u64) -> i64 {
    recent(state, r, &r.extras.restart_history, now)
}

fn recent(state: &ClusterState, r: &Resource, history: &[u64], now: u64) -> i64 {
    let window = effective::retry_interval_ms(state.type_of(r), r);
    history
        .iter()
        .filter(|t| now.saturating_sub(**t) < window)
        .count() as i64
}

/// A value as its property type prints; standard enums print uppercase.
pub(super) fn typed(ty: PropType, v: &PropValue, upper_enum: bool) -> Answer {
    match ty {
        PropType::Boolean => Answer::Bool(effective::as_bool(v).unwrap_or(false)),
        PropType::Int => match v {
            PropValue::Int(i) => Answer::Int(*i),
            other => Answer::Str(other.to_string()),
        },
        PropType::Enum => {
            let s = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            Answer::Enum(if upper_enum {
                s.to_ascii_uppercase()
            } else {
                s
            })
        }
        PropType::String => Answer::Str(v.as_str().map_or_else(|| v.to_string(), str::to_string)),
        PropType::Stringarray => Answer::List(effective::as_list(v)),
    }
}

fn type_name(ty: PropType) -> &'static str {
    match ty {
        PropType::String => "STRING",
        PropType::Int => "INT",
        PropType::Boolean => "BOOLEAN",
        PropType::Enum => "ENUM",
        PropType::Stringarray => "STRINGARRAY",
    }
}

fn switch(on: bool) -> Answer {
    Answer::Enum(if on { "ENABLED" } else { "DISABLED" }.to_string())
}

/// `-O EXTENSION … NAME`: the type line, then the value (on `node`: a PER_NODE property's own
/// value there, 3.2).
fn extension(state: &ClusterState, r: &Resource, name: &str, node: &str) -> Result<Answer> {
    let decl: Option<&ParamDecl> = state.type_of(r).and_then(|t| {
        t.params
            .iter()
            .find(|p| p.extension && p.name.eq_ignore_ascii_case(name))
    });
    let Some(decl) = decl else {
        let names: Vec<&str> = state
            .type_of(r)
            .map(|t| {
                t.params
                    .iter()
                    .filter(|p| p.extension)
                    .map(|p| p.name.as_str())
                    .collect()
            })
            .unwrap_or_default();
        return Err(ScError::new(
            ErrorCode::Prop,
            format!(
                "resource {} (type {}) has no extension property {name}",
                r.name, r.rtype
            ),
        )
        .suggest(name, names.iter().copied())
        .hint(format!(
            "its extension properties: {}",
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            }
        )));
    };
    let value = effective::resource_value_on(state, r, decl, node);
    Ok(Answer::Extension {
        ty: type_name(decl.ty),
        value: value.map(|v| Box::new(typed(decl.ty, &v, false))),
    })
}

/// One scha_resource_get(1HA) optag for resource `r`, on node `local` (the node the command
/// runs on).
pub fn resource(
    state: &ClusterState,
    r: &Resource,
    tag: &str,
    args: &[String],
    local: &str,
) -> Result<Answer> {
    super::check_release(state, tag, "scha_resource_get")?;
    let t = tag.to_ascii_uppercase();
    let node = |names: &[&str]| -> Result<String> {
        let a = operands(&t, args, names)?;
        Ok(
            node_operand(state, &t, a.last().map_or("", String::as_str))?
                .name
                .clone(),
        )
    };
    let none = || operands(&t, args, &[]).map(|_| ());
    let state_on = |n: &str| Answer::Enum(r.state_on(n).as_str().to_ascii_uppercase());
    let status_on = |n: &str| match r.state.get(n) {
        Some(s) => Answer::Status {
            status: status_name(s.status).to_string(),
            message: s.message.to_string(),
        },
        None => Answer::Status {
            status: "OFFLINE".to_string(),
            message: String::new(),
        },
    };
    let now = state.clock.now_ms;
    Ok(match t.as_str() {
        "RESOURCE_STATE" => none().map(|_| state_on(local))?,
        "RESOURCE_STATE_NODE" => state_on(&node(&["node"])?),
        "STATUS" => none().map(|_| status_on(local))?,
        "STATUS_NODE" => status_on(&node(&["node"])?),
        "EXTENSION" => {
            let a = operands(&t, args, &["name"])?;
            extension(state, r, &a[0], local)?
        }
        "EXTENSION_NODE" => {
            let n = node(&["name", "node"])?;
            extension(state, r, &args[0], &n)?
        }
        "ALL_EXTENSIONS" => {
            none()?;
            Answer::List(
                state
                    .type_of(r)
                    .map(|t| {
                        t.params
                            .iter()
                            .filter(|p| p.extension)
                            .map(|p| p.name.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
            )
        }
        "GROUP" => none().map(|_| Answer::Str(r.group.to_string()))?,
        "NUM_RESOURCE_RESTARTS" => {
            none().map(|_| Answer::Int(num_resource_restarts(state, r, now)))?
        }
        "NUM_RG_RESTARTS" => {
            none().map(|_| Answer::Int(recent(state, r, &r.extras.rg_restart_history, now)))?
        }
        "ON_OFF_SWITCH" => none().map(|_| switch(r.enabled))?,
        "ON_OFF_SWITCH_NODE" => {
            let n = node(&["node"])?;
            switch(r.enabled && !r.extras.disabled_on.contains(&n))
        }
        "MONITORED_SWITCH" => none().map(|_| switch(r.monitored))?,
        "MONITORED_SWITCH_NODE" => {
            let n = node(&["node"])?;
            switch(r.monitored && !r.extras.unmonitored_on.contains(&n))
        }
        "GLOBAL_ZONE_OVERRIDE" => {
            none()?;
            if !state.type_of(r).is_some_and(|t| t.global_zone) {
                return Err(ScError::new(
                    ErrorCode::Prop,
                    format!(
                        "resource {} has no Global_zone_override property: its type {} is not a Global_zone type",
                        r.name, r.rtype
                    ),
                ));
            }
            // Not settable in scsim: the default, TRUE.
            Answer::Bool(true)
        }
        // The qualified forms: no qualifiers ({LOCAL_NODE}, {ANY_NODE}) are stored, so they
        // answer as the property itself.
        q if q.starts_with("RESOURCE_DEPENDENCIES_Q") => {
            let base = format!(
                "RESOURCE_DEPENDENCIES{}",
                &q["RESOURCE_DEPENDENCIES_Q".len()..]
            );
            return standard(state, r, tag, &base, args);
        }
        "RESOURCE_NAME" | "STATUS_MSG" | "RESOURCE_STATE_MSG" => {
            return Err(unknown_tag(tag, "scha_resource_get", RESOURCE_TAGS));
        }
        _ => return standard(state, r, tag, &t, args),
    })
}

/// A standard resource property, else a property of the resource's type.
fn standard(
    state: &ClusterState,
    r: &Resource,
    tag: &str,
    t: &str,
    args: &[String],
) -> Result<Answer> {
    let rt = state.type_of(r);
    if let Some(std) = props::standard_resource_param(t) {
        operands(t, args, &[])?;
        let decl = rt.and_then(|rt| props::resolve_param(rt, &std.name));
        let Some(decl) = decl else {
            return Err(ScError::new(
                ErrorCode::Prop,
                format!(
                    "resource {} has no {} property: its type {} does not declare it",
                    r.name, std.name, r.rtype
                ),
            ));
        };
        return Ok(match effective::resource_value(state, r, &decl) {
            Some(v) => typed(decl.ty, &v, true),
            None => Answer::Nothing,
        });
    }
    if let Some(rt) = rt
        && super::TYPE_TAGS.contains(&t)
    {
        return super::rtype(state, rt, tag, args);
    }
    let mut all: Vec<&str> = RESOURCE_TAGS.to_vec();
    all.extend(super::TYPE_TAGS);
    Err(unknown_tag(tag, "scha_resource_get", &all))
}
