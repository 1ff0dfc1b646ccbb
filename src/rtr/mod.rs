//! RTR (rt_reg(4)) parser and the built-in resource types.

use crate::model::ResourceType;

/// Built-in resource types (placeholder until the RTR parser lands).
pub fn builtin_types() -> Vec<ResourceType> {
    Vec::new()
}
