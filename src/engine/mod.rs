//! The RGM engine: planner, executor and simulated backend.
//!
//! Hooks called by configuration commands (scrgadm) live in `hooks`; their bodies belong to the
//! engine.

pub mod hooks;
