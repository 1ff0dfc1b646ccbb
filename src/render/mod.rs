//! Rendering of listings (scrgadm -p), the cluster configuration (scconf -p), status (scstat)
//! and the event log.

#![deny(clippy::too_many_lines)]

pub mod cl;
pub mod config;
pub mod graph;
pub mod listing;
pub mod log;
pub mod outcome;
pub mod pieces;
pub mod plan;
pub mod scha;
pub mod status;

/// `format_version` of every `--json` document that carries one (scstat, scsim log, scsim fault
/// list): raised together when a field changes meaning or goes away.
pub const FORMAT_VERSION: u32 = 1;
