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
    "MAXIMUM_PRIMARIES",
    "NODELIST",
    "PATHPREFIX",
    "PINGPONG_INTERVAL",
    "RESOURCE_LIST",
    "RG_AFFINITIES",
    "RG_DEPENDENCIES",
    "RG_DESCRIPTION",
    "RG_IS_FROZEN",
    "RG_MODE",
    "RG_PROJECT_NAME",
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
    let def = props::rg_property(&t)
        .filter(|d| GROUP_TAGS.contains(&d.name.to_ascii_uppercase().as_str()))
        .ok_or_else(|| unknown_tag(tag, "scha_resourcegroup_get", GROUP_TAGS))?;
    operands(&t, args, &[])?;
    Ok(match effective::group_value(g, def.name) {
        Some(v) => typed(def.ty, &v, true),
        None => Answer::Nothing,
    })
}
