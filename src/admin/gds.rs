//! SUNW.gds (Generic Data Service) specifics: a network-aware resource (`Network_aware=TRUE`,
//! the default) needs a network address, as the type's Validate checks: a LogicalHostname or
//! SharedAddress resource in its own group, or one it names in `Network_resources_used` or a
//! resource dependency (a scalable service's shared address lives in another group).

use super::typerules::TypeRules;
use super::values::prop_err;
use crate::error::Result;
use crate::fix::{Fix, Hint};
use crate::model::{ClusterState, Resource, ResourceGroup, ResourceType};
use crate::query::effective::{as_bool, as_list, ext_prop, std_prop};

/// SUNW.gds in the type-rule table.
pub(super) struct Gds;

impl TypeRules for Gds {
    fn applies(&self, rt: &ResourceType) -> bool {
        rt.vendor_id.as_deref() == Some("SUNW") && rt.resource_type == "gds"
    }

    fn check(
        &self,
        state: &ClusterState,
        rt: &ResourceType,
        g: &ResourceGroup,
        r: &Resource,
    ) -> Result<()> {
        let aware = ext_prop(Some(rt), r, "Network_aware")
            .as_ref()
            .and_then(as_bool)
            .unwrap_or(true);
        if !aware || has_network_address(state, g, r) {
            return Ok(());
        }
        let creating = !state.resources.contains_key(&r.name);
        let e = prop_err(
            &format!("resource {}", r.name),
            "Network_aware",
            format!(
                "Validate of {} refuses the resource: it is network-aware (Network_aware=TRUE, the default) but resource group {} has no network address resource (LogicalHostname or SharedAddress) and Network_resources_used names none",
                rt.name, g.name
            ),
        )
        .hint(
            Hint::lead(
                "create the address first: ",
                Fix::CreateLogicalHost {
                    g: g.name.to_string(),
                    host: "HOSTNAME".into(),
                    r: None,
                },
            )
            .text(" (or name a SharedAddress in Network_resources_used)"),
        );
        Err(if creating {
            e.hint("for an application that does not use the network, add -x Network_aware=FALSE (it can be set only at creation)")
        } else {
            e
        })
    }
}

/// Whether `r` has a network address: one in its group `g`, or one it names in
/// Network_resources_used or a dependency.
fn has_network_address(state: &ClusterState, g: &ResourceGroup, r: &Resource) -> bool {
    let is_address = |name: &str| {
        name != r.name
            && state
                .resources
                .get(name)
                .and_then(|x| state.resource_types.get(x.rtype.as_str()))
                .is_some_and(ResourceType::is_network_address)
    };
    if g.resources.iter().any(|n| is_address(n)) {
        return true;
    }
    let rt = state.resource_types.get(r.rtype.as_str());
    let used = std_prop(rt, r, "Network_resources_used")
        .as_ref()
        .map(as_list)
        .unwrap_or_default();
    if used.iter().any(|n| is_address(n)) {
        return true;
    }
    r.dependencies.all().any(|(_, d)| is_address(d))
}
