//! Tests: scrgadm.
