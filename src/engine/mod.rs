//! The RGM engine: planner, executor and simulated backend.
