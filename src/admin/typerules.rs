//! Rules that belong to particular resource types, behind one hook: the generic resource and
//! group code asks the table for the rules of a type and calls them, never a type by name.
//! HAStoragePlus (ServicePaths, mount points, device paths), the network address types
//! (HostnameList, NetIfList, AuxNodeList), SUNW.ims (the server root) and SUNW.gds (a
//! network-aware resource needs a network address) register here; a new
//! type-specific rule is one implementation and one row.

use super::PropArg;
use crate::error::Result;
use crate::model::{ClusterState, Resource, ResourceGroup, ResourceType};

/// An accepted alias as given, with what it is applied with.
pub(super) struct Alias<'a> {
    pub arg: &'a PropArg,
    /// The properties set by name in the same command.
    pub explicit: &'a [String],
    /// The resource before a change (`None` when creating).
    pub old: Option<&'a Resource>,
}

/// The rules of one family of resource types. Every method has a neutral default.
pub(super) trait TypeRules: Sync {
    /// Whether these rules are for resources of `rt`.
    fn applies(&self, rt: &ResourceType) -> bool;

    /// A property the type accepts without declaring it (`-x ServicePaths=…` on
    /// HAStoragePlus), applied by [`TypeRules::apply_alias`] after the declared ones.
    fn accepts_alias(&self, _arg: &PropArg) -> bool {
        false
    }

    /// The name of the accepted alias, for messages.
    fn alias(&self) -> &'static str {
        ""
    }

    /// Apply an accepted alias to `r`.
    fn apply_alias(
        &self,
        _state: &ClusterState,
        _rt: &ResourceType,
        _r: &mut Resource,
        _alias: &Alias,
        _warnings: &mut Vec<String>,
    ) -> Result<()> {
        Ok(())
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
        _nodelist: &[String],
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
