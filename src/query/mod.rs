//! Read-only questions about the cluster, asked by render, the engine, admin and the coming
//! `scha_*` commands: finding objects by name (with "did you mean"), effective property values
//! and their defaults, type resolution and declarations. Nothing here changes state, prints or
//! touches files.

#![deny(clippy::too_many_lines)]

pub mod affinity;
pub mod diff;
pub mod effective;
pub mod lookup;
pub mod release;
pub mod scha;
pub mod types;

pub use lookup::join_some;
pub use release::release;

/// What `-p`, `-pv`, `-pvv` should print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintRequest {
    /// Number of `v`s (0, 1, 2; more are accepted and mean 2).
    pub verbosity: u8,
    pub rtype: Option<String>,
    pub group: Option<String>,
    pub resource: Option<String>,
    /// `--json`: machine-readable output instead of the "Res …" layout.
    pub json: bool,
}
