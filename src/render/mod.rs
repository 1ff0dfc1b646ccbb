//! Rendering of listings (scrgadm -p), status (scstat) and the event log.

pub mod listing;
pub mod status;
