//! Pacemaker/Corosync as a second cluster backend.
//!
//! * [`cib`]: `scsim export --cib`, the cluster's configuration as a CIB (quick-xml);
//! * [`map`]: the SC → Pacemaker rules (agents, start order, dependencies, affinities, what
//!   cannot be mapped);
//! * [`tools`]: running Pacemaker's command-line tools on a CIB file or the live cluster;
//! * [`monitor`]: reading `crm_mon --output-as=xml` (roxmltree) into SC placement;
//! * [`backend`]: the `ClusterBackend` that turns intents into Pacemaker targets;
//! * [`lab`]: a real Corosync/Pacemaker cluster in network namespaces on this machine.

#![deny(clippy::too_many_lines)]

pub mod backend;
pub mod cib;
pub mod cluster;
pub mod lab;
pub mod map;
pub mod monitor;
pub mod tools;
pub mod xml;
