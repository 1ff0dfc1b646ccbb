//! scsim: a simulated Sun Cluster 3.1 resource-management command line.
//!
//! Map (see docs/ARCHITECTURE.md): `cli` parses the SC flag syntax at the edge and turns it into
//! typed requests; `admin` validates and applies configuration changes (scrgadm); `engine` plans
//! and executes runtime changes (scswitch, node and fault commands) through the simulated
//! backend; `render` turns state into text or JSON; `store` alone reads and writes the state file.

pub mod model;
pub mod rtr;
