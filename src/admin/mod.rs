//! Configuration changes: validated mutations of the cluster state (what scrgadm and
//! `scsim init` do). Pure functions over `ClusterState`; no I/O, no printing.
//!
//! A scrgadm change goes in two steps so that the engine can run Validate between them:
//! [`prepare`] checks a [`Request`] against the state without changing it and returns a
//! [`Plan`] (the new or changed object, complete); [`commit`] applies the plan and returns the
//! [`Outcome`]: warnings to print and the configuration events the engine reacts to. [`apply`]
//! does both (for tests and callers without an engine).
//!
//! Exit codes: 12 group errors, 13 type errors, 14 resource errors, 15 property errors (the
//! message names the property, what is allowed and why), 11 unknown nodes, 8 dependencies,
//! 9 wrong state, 3 misuse.

#![deny(clippy::too_many_lines)]

pub mod catalog;
mod deps;
mod gds;
mod groups;
mod hasp;
mod ims;
pub mod init;
mod listops;
pub mod names;
mod netaddr;
mod pernode;
pub mod request;
mod resources;
mod setprop;
mod topology;
mod typerules;
mod types;
pub mod values;

pub use crate::query::effective;
pub(crate) use crate::query::lookup;
pub use crate::query::lookup::{group as lookup_group, resource as lookup_resource};
pub use request::{NetKind, PrintRequest, PropArg, PropOp, Request, RtrFile};

use crate::error::{Result, ScError};
use crate::model::{ClusterState, ConfigEvent, Resource, ResourceGroup, ResourceType};

/// The validated change a request asks for, with every new object complete.
#[derive(Debug, Clone)]
pub enum Change {
    RegisterType(ResourceType),
    /// The type as it will be (same name).
    ChangeType(ResourceType),
    RemoveType(String),
    CreateGroup(ResourceGroup),
    /// The group as it will be (same name).
    ChangeGroup(ResourceGroup),
    RemoveGroup(String),
    CreateResource(Resource),
    /// The resource as it will be (same name).
    ChangeResource(Resource),
    RemoveResource(String),
}

/// A prepared change: what will happen, and warnings about how the request was read.
#[derive(Debug, Clone)]
pub struct Plan {
    pub change: Change,
    pub warnings: Vec<String>,
}

/// What a committed change leaves for the caller.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Printed on stderr as `scrgadm: warning: …`.
    pub warnings: Vec<String>,
    /// Engine reactions due after the change (Init, Update, …).
    pub events: Vec<ConfigEvent>,
}

impl Plan {
    fn new(change: Change) -> Plan {
        Plan {
            change,
            warnings: Vec::new(),
        }
    }

    /// The resource as it would be after a create or change: the engine's Validate runs on it
    /// before [`commit`].
    pub fn proposed_resource(&self) -> Option<&Resource> {
        match &self.change {
            Change::CreateResource(r) | Change::ChangeResource(r) => Some(r),
            _ => None,
        }
    }

    /// Events due before the change is applied (a resource about to be removed: Fini).
    pub fn pre_events(&self) -> Vec<ConfigEvent> {
        match &self.change {
            Change::RemoveResource(name) => vec![ConfigEvent::ResourceRemoving {
                resource: name.clone(),
            }],
            _ => Vec::new(),
        }
    }

    /// One line saying what the change does (`--dry-run`).
    pub fn describe(&self) -> String {
        match &self.change {
            Change::RegisterType(t) => {
                format!("register resource type {} (from {})", t.name, t.source)
            }
            Change::ChangeType(t) => format!(
                "change resource type {}: Installed_nodes {}, RT_system {}",
                t.name,
                t.installed_nodes
                    .as_ref()
                    .map(|n| n.join(","))
                    .unwrap_or_else(|| "<All>".into()),
                if t.rt_system { "TRUE" } else { "FALSE" }
            ),
            Change::RemoveType(n) => format!("unregister resource type {n}"),
            Change::CreateGroup(g) => format!(
                "create resource group {} ({:?}, Unmanaged, Nodelist {})",
                g.name,
                g.mode,
                g.nodelist.join(",")
            ),
            Change::ChangeGroup(g) => format!("change resource group {}", g.name),
            Change::RemoveGroup(n) => format!("remove resource group {n}"),
            Change::CreateResource(r) => format!(
                "create resource {} of type {} in group {} (disabled, monitored)",
                r.name, r.rtype, r.group
            ),
            Change::ChangeResource(r) => format!("change resource {}", r.name),
            Change::RemoveResource(n) => format!("remove resource {n}"),
        }
    }
}

/// Check `req` against `state` without changing it.
pub fn prepare(state: &ClusterState, req: &Request) -> Result<Plan> {
    let req = listops::resolve(state, req)?;
    match req.as_ref() {
        Request::Print(_) => Err(ScError::internal("scrgadm -p is not a change")),
        Request::RegisterType {
            rtype,
            installed_nodes,
            file,
        } => types::register(state, rtype, installed_nodes.as_deref(), file.as_ref()),
        Request::ChangeType {
            rtype,
            installed_nodes,
            props,
        } => types::change(state, rtype, installed_nodes.as_deref(), props),
        Request::RemoveType { rtype } => types::remove(state, rtype),
        Request::CreateGroup {
            group,
            nodelist,
            props,
        } => groups::create(state, group, nodelist.as_deref(), props),
        Request::ChangeGroup {
            group,
            nodelist,
            props,
        } => groups::change(state, group, nodelist.as_deref(), props),
        Request::RemoveGroup { group } => groups::remove(state, group),
        Request::CreateResource {
            resource,
            rtype,
            group,
            props,
        } => resources::create(state, resource, rtype, group, props),
        Request::CreateNetAddress {
            kind,
            group,
            hosts,
            resource,
            netifs,
            auxnodes,
            props,
        } => {
            let a = netaddr::create(
                state,
                &netaddr::NetAddressArgs {
                    kind: *kind,
                    group,
                    hosts,
                    resource: resource.as_deref(),
                    netifs: netifs.as_deref(),
                    auxnodes: auxnodes.as_deref(),
                    props,
                },
            )?;
            resources::create_typed(state, &a.name, a.rtype, a.group, &a.props)
        }
        Request::ChangeResource { resource, props } => resources::change(state, resource, props),
        Request::RemoveResource { resource } => resources::remove(state, resource),
    }
}

/// Apply a prepared plan. Cannot fail: everything was checked by [`prepare`] on this state.
pub fn commit(state: &mut ClusterState, plan: Plan) -> Outcome {
    let mut events = Vec::new();
    match plan.change {
        Change::RegisterType(t) | Change::ChangeType(t) => {
            state.resource_types.insert(t.name.clone(), t);
        }
        Change::RemoveType(name) => {
            state.resource_types.shift_remove(&name);
        }
        Change::CreateGroup(g) => {
            state.resource_groups.insert(g.name.clone(), g);
        }
        Change::ChangeGroup(g) => {
            pernode::forget_left_nodes(state, &g);
            events.push(ConfigEvent::GroupChanged {
                group: g.name.to_string(),
            });
            state.resource_groups.insert(g.name.clone(), g);
        }
        Change::RemoveGroup(name) => {
            state.resource_groups.shift_remove(&name);
        }
        Change::CreateResource(r) => {
            if let Some(g) = state.resource_groups.get_mut(&r.group) {
                g.resources.push(r.name.clone());
            }
            events.push(ConfigEvent::ResourceCreated {
                resource: r.name.to_string(),
            });
            state.resources.insert(r.name.clone(), r);
        }
        Change::ChangeResource(r) => {
            events.push(ConfigEvent::ResourceChanged {
                resource: r.name.to_string(),
            });
            state.resources.insert(r.name.clone(), r);
        }
        Change::RemoveResource(name) => {
            if let Some(r) = state.resources.shift_remove(&name)
                && let Some(g) = state.resource_groups.get_mut(&r.group)
            {
                g.resources.retain(|n| *n != name);
            }
        }
    }
    Outcome {
        warnings: plan.warnings,
        events,
    }
}

/// [`prepare`] then [`commit`], without engine hooks.
pub fn apply(state: &mut ClusterState, req: &Request) -> Result<Outcome> {
    let plan = prepare(state, req)?;
    Ok(commit(state, plan))
}

#[cfg(test)]
pub(crate) mod testutil;
