//! `scsim export`: the cluster's configuration written out in another form.
//!
//! Formats are pluggable: each is one variant of [`Format`] and one module that turns a
//! [`ClusterState`] into text. `commands` writes the command lines that recreate the cluster
//! (configuration, then placement and enable/monitor states) in the spelling of a release.

mod commands;

use crate::error::Result;
use crate::model::ClusterState;

/// What `scsim export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The commands that recreate the cluster (a shell script).
    Commands,
    /// A Pacemaker CIB (XML): groups, constraints, target roles, sc-* meta attributes.
    Cib,
}

/// Which release's commands to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Release {
    /// Sun Cluster 3.1: scrgadm and scswitch.
    #[value(name = "3.1")]
    Sc31,
}

/// How to export.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub format: Format,
    pub release: Release,
}

/// The state written out as `opts` says.
pub fn export(state: &ClusterState, opts: Options) -> Result<String> {
    match (opts.format, opts.release) {
        (Format::Commands, Release::Sc31) => Ok(commands::sc31(state)),
        (Format::Cib, _) => Ok(crate::pacemaker::cib::export(state).to_xml()),
    }
}

/// The release a state's commands are written for (the only one the model knows today).
pub fn release_of(_state: &ClusterState) -> Release {
    Release::Sc31
}
