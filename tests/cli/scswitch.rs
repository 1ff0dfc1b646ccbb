//! Tests: scswitch.
