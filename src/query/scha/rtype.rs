//! scha_resourcetype_get(1HA): the properties of a registered resource type (rt_properties(5)).

use super::{Answer, operands, unknown_tag};
use crate::error::Result;
use crate::model::{ClusterState, InitNodes, Method, ResourceType};

/// Every optag of scha_resourcetype_get(1HA).
pub const TYPE_TAGS: &[&str] = &[
    "API_VERSION",
    "BOOT",
    "FAILOVER",
    "FINI",
    "GLOBAL_ZONE",
    "INIT",
    "INIT_NODES",
    "INSTALLED_NODES",
    "IS_LOGICAL_HOSTNAME",
    "IS_SHARED_ADDRESS",
    "MONITOR_CHECK",
    "MONITOR_START",
    "MONITOR_STOP",
    "PKGLIST",
    "POSTNET_STOP",
    "PRENET_START",
    "PROXY",
    "RESOURCE_LIST",
    "RT_BASEDIR",
    "RT_DESCRIPTION",
    "RT_SYSTEM",
    "RT_VERSION",
    "SINGLE_INSTANCE",
    "START",
    "STOP",
    "UPDATE",
    "VALIDATE",
];

/// One scha_resourcetype_get(1HA) optag for type `rt`.
pub fn rtype(
    state: &ClusterState,
    rt: &ResourceType,
    tag: &str,
    args: &[String],
) -> Result<Answer> {
    super::check_release(state, tag, "scha_resourcetype_get")?;
    let t = tag.to_ascii_uppercase();
    if !TYPE_TAGS.contains(&t.as_str()) {
        return Err(unknown_tag(tag, "scha_resourcetype_get", TYPE_TAGS));
    }
    operands(&t, args, &[])?;
    if let Some(m) = Method::ALL
        .into_iter()
        .find(|m| m.rtr_name().eq_ignore_ascii_case(&t))
    {
        return Ok(match rt.methods.get(&m) {
            Some(program) => Answer::Str(program.clone()),
            None => Answer::Nothing,
        });
    }
    let text = |s: &str| Answer::Str(s.to_string());
    Ok(match t.as_str() {
        "API_VERSION" => Answer::Int(i64::from(rt.api_version)),
        "FAILOVER" => Answer::Bool(rt.failover),
        "GLOBAL_ZONE" => Answer::Bool(rt.global_zone),
        "PROXY" => Answer::Bool(rt.proxy),
        "INIT_NODES" => Answer::Enum(
            match rt.init_nodes {
                InitNodes::RgPrimaries => "RG_PRIMARIES",
                InitNodes::RtInstalledNodes => "RT_INSTALLED_NODES",
            }
            .to_string(),
        ),
        "INSTALLED_NODES" => Answer::List(
            rt.installed_nodes
                .clone()
                .unwrap_or_else(|| state.cluster.node_names()),
        ),
        "IS_LOGICAL_HOSTNAME" => Answer::Bool(rt.is_logical_hostname),
        "IS_SHARED_ADDRESS" => Answer::Bool(rt.is_shared_address),
        "PKGLIST" => Answer::List(rt.pkglist.clone()),
        "RESOURCE_LIST" => Answer::List(
            state
                .resources
                .values()
                .filter(|r| r.rtype == rt.name)
                .map(|r| r.name.to_string())
                .collect(),
        ),
        "RT_BASEDIR" => text(&rt.rt_basedir),
        "RT_DESCRIPTION" => text(&rt.rt_description),
        "RT_SYSTEM" => Answer::Bool(rt.rt_system),
        "RT_VERSION" => text(&rt.rt_version),
        "SINGLE_INSTANCE" => Answer::Bool(rt.single_instance),
        _ => return Err(unknown_tag(tag, "scha_resourcetype_get", TYPE_TAGS)),
    })
}
