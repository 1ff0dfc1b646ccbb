//! SUNW.ims (Sun Java System Messaging Server) specifics: the server root is an absolute path.

use super::typerules::TypeRules;
use super::values::prop_err;
use crate::error::Result;
use crate::model::{ClusterState, Name, PropValue, Resource, ResourceGroup, ResourceType};

/// SUNW.ims in the type-rule table.
pub(super) struct Ims;

impl TypeRules for Ims {
    fn applies(&self, rt: &ResourceType) -> bool {
        rt.vendor_id.as_deref() == Some("SUNW") && rt.resource_type == "ims"
    }
    fn check(
        &self,
        state: &ClusterState,
        rt: &ResourceType,
        g: &ResourceGroup,
        r: &Resource,
    ) -> Result<()> {
        if let Some(decl) = rt.param("IMS_serverroot")
            && let Some(PropValue::Str(root)) = r.extension.get(&decl.name)
            && !root.starts_with('/')
        {
            return Err(prop_err(
                &format!("resource {}", r.name),
                &decl.name,
                format!(
                    "value \"{root}\" is not an absolute path (the Messaging Server server root, e.g. /opt/SUNWmsgsr)"
                ),
            ));
        }
        check_installed(state, rt, r, &g.nodelist)
    }
    fn check_nodelist(
        &self,
        state: &ClusterState,
        rt: &ResourceType,
        r: &Resource,
        nodelist: &[Name],
    ) -> Result<()> {
        check_installed(state, rt, r, nodelist)
    }
}

/// IMS_serverroot is an installed Messaging Server on every node of `nodelist`.
fn check_installed(
    state: &ClusterState,
    rt: &ResourceType,
    r: &Resource,
    nodelist: &[Name],
) -> Result<()> {
    if let Some(decl) = rt.param("IMS_serverroot")
        && let Some(PropValue::Str(root)) = r.extension.get(&decl.name)
    {
        for (node, view) in super::typerules::checked_nodes(state, nodelist) {
            if !view.msg.contains_key(root.trim_end_matches('/')) {
                let have = view.msg.keys().next().map_or(String::new(), |b| {
                    format!(" (it is installed in {b} there)")
                });
                return Err(super::typerules::validate_failed(
                    r,
                    node,
                    format!("IMS_serverroot {root} is not an installed Messaging Server{have}"),
                    format!(
                        "install it on every node of the group: scsim install messaging-server --nodes {} --base {root}",
                        nodelist.join(",")
                    ),
                ));
            }
        }
    }
    Ok(())
}
