//! Tests: scstat.
