//! scha_resourcegroup_get(1HA): the properties of a resource group (rg_properties(5)) and its
//! state per node.

use super::resource::typed;
use super::{Answer, node_operand, operands, unknown_tag};
use crate::error::Result;
use crate::model::{ClusterState, ResourceGroup, props};
use crate::query::effective;

/// Every optag of scha_resourcegroup_get(1HA).
pub const GROUP_TAGS: &[&str] = &[
    "AUTO_START_ON_NEW_CLUSTER",
    "DESIRED_PRIMARIES",
    "FAILBACK",
    "GLOBAL_RESOURCES_USED",
    "IMPLICIT_NETWORK_DEPENDENCIES",
    "LOAD_FACTORS",
    "MAXIMUM_PRIMARIES",
    "NODELIST",
    "PATHPREFIX",
    "PINGPONG_INTERVAL",
    "PREEMPTION_MODE",
    "PRIORITY",
    "RESOURCE_LIST",
    "RG_AFFINITIES",
    "RG_DEPENDENCIES",
    "RG_DESCRIPTION",
    "RG_IS_FROZEN",
    "RG_MODE",
    "RG_PROJECT_NAME",
    "RG_SLM_CPU_SHARES",
    "RG_SLM_PSET_MIN",
    "RG_SLM_PSET_TYPE",
    "RG_SLM_TYPE",
    "RG_STATE",
    "RG_STATE_NODE",
    "RG_SYSTEM",
    "SUSPEND_AUTOMATIC_RECOVERY",
];

/// One scha_resourcegroup_get(1HA) optag for group `g`, on node `local`.
pub fn group(
    state: &ClusterState,
    g: &ResourceGroup,
    tag: &str,
    args: &[String],
    local: &str,
) -> Result<Answer> {
    super::check_release(state, tag, "scha_resourcegroup_get")?;
    let t = tag.to_ascii_uppercase();
    let state_on = |n: &str| Answer::Enum(g.state_on(n).as_str().to_ascii_uppercase());
    match t.as_str() {
        "RG_STATE" => {
            operands(&t, args, &[])?;
            return Ok(state_on(local));
        }
        "RG_STATE_NODE" => {
            let a = operands(&t, args, &["node"])?;
            return Ok(state_on(&node_operand(state, &t, &a[0])?.name));
        }
        _ => {}
    }
    if let Some(a) = unmodelled(&t) {
        operands(&t, args, &[])?;
        return Ok(a);
    }
    let def = props::rg_property(&t)
        .filter(|d| GROUP_TAGS.contains(&d.name.to_ascii_uppercase().as_str()))
        .ok_or_else(|| unknown_tag(tag, "scha_resourcegroup_get", GROUP_TAGS))?;
    operands(&t, args, &[])?;
    Ok(match effective::group_value(g, def.name) {
        Some(v) => typed(def.ty, &v, true),
        None => Answer::Nothing,
    })
}

/// The 3.2 properties of rg_properties(5) that scsim does not model, at their defaults: no
/// Solaris resource-management pools (RG_SLM_*), no load limits (Load_factors, Priority,
/// Preemption_mode).
fn unmodelled(t: &str) -> Option<Answer> {
    Some(match t {
        "RG_SLM_TYPE" => Answer::Enum("MANUAL".to_string()),
        "RG_SLM_PSET_TYPE" => Answer::Enum("DEFAULT".to_string()),
        "RG_SLM_CPU_SHARES" => Answer::Int(1),
        "RG_SLM_PSET_MIN" => Answer::Int(0),
        "LOAD_FACTORS" => Answer::List(Vec::new()),
        "PRIORITY" => Answer::Int(500),
        "PREEMPTION_MODE" => Answer::Enum("HAS_COST".to_string()),
        _ => return None,
    })
}
