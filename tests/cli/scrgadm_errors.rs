//! Tests: scrgadm_errors.
