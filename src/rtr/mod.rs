//! RTR (rt_reg(4)) parser and the built-in resource types.
