//! Rules that belong to particular resource types, behind one hook: the generic resource and
//! group code asks the table for the rules of a type and calls them, never a type by name.
//! HAStoragePlus (mount points, device paths, the ServicePaths hint), the network address types
//! (HostnameList, NetIfList, AuxNodeList), SUNW.ims (the server root) and SUNW.gds (a
//! network-aware resource needs a network address) register here; a new
//! type-specific rule is one implementation and one row.

use super::PropArg;
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, Name, Resource, ResourceGroup, ResourceType};

/// The rules of one family of resource types. Every method has a neutral default.
pub(super) trait TypeRules: Sync {
    /// Whether these rules are for resources of `rt`.
    fn applies(&self, rt: &ResourceType) -> bool;

    /// A hint for a property the type does not declare, when the type knows what was meant
    /// (`-x ServicePaths=…` on HAStoragePlus).
    fn undeclared_hint(&self, _arg: &PropArg) -> Option<String> {
        None
    }

    /// Fill in what a new resource of the type derives when not given (NetIfList).
    fn complete(
        &self,
        _state: &ClusterState,
        _rt: &ResourceType,
        _g: &ResourceGroup,
        _r: &mut Resource,
    ) {
    }

    /// The type's own checks on a resource as it would be after a change.
    fn check(
        &self,
        _state: &ClusterState,
        _rt: &ResourceType,
        _g: &ResourceGroup,
        _r: &Resource,
    ) -> Result<()> {
        Ok(())
    }

    /// Whether a resource of the type still fits its group after the Nodelist changes.
    fn check_nodelist(
        &self,
        _state: &ClusterState,
        _rt: &ResourceType,
        _r: &Resource,
        _nodelist: &[Name],
    ) -> Result<()> {
        Ok(())
    }
}

/// Every family of type-specific rules.
static RULES: &[&dyn TypeRules] = &[
    &super::hasp::HaStoragePlus,
    &super::netaddr::NetworkAddress,
    &super::ims::Ims,
    &super::gds::Gds,
];

/// The rules that apply to resources of `rt`.
pub(super) fn of(rt: &ResourceType) -> impl Iterator<Item = &'static dyn TypeRules> + '_ {
    RULES.iter().copied().filter(move |t| t.applies(rt))
}

/// A Validate refusal by a type's agent, read from the nodes' files: the resource, the node,
/// what is wrong there and how to fix it.
pub(super) fn validate_failed(r: &Resource, node: &str, why: String, fix: String) -> ScError {
    ScError::new(
        ErrorCode::Method,
        format!(
            "VALIDATE method of resource {} failed on node {node}: {why}; the change was not made",
            r.name
        ),
    )
    .hint(fix)
}

/// The nodes of `nodelist` whose files are known (none for a state built in memory).
pub(super) fn checked_nodes<'a>(
    state: &'a ClusterState,
    nodelist: &'a [Name],
) -> impl Iterator<Item = (&'a str, &'a crate::model::nodefiles::NodeView)> + 'a {
    nodelist.iter().filter_map(move |n| {
        if !state.files.loaded {
            return None;
        }
        state.files.nodes.get(n.as_str()).map(|v| (n.as_str(), v))
    })
}
