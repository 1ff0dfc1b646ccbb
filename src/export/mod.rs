//! `scsim export`: the cluster's configuration written out in another form.
//!
//! Formats are pluggable: each is one variant of [`Format`] and one module that turns a
//! [`ClusterState`] into text. `commands` writes the command lines that recreate the cluster
//! (configuration, then placement and enable/monitor states) in the spelling of a release;
//! `plan` decides the steps, whatever the spelling.

mod commands;
mod plan;

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
    /// Sun Cluster 3.2: the object CLI (clrt, clrg, clrs, clrslh, clrssa).
    #[value(name = "3.2")]
    Sc32,
    /// Oracle Solaris Cluster 4.4: the object CLI.
    #[value(name = "4.4")]
    Sc44,
}

impl Release {
    /// The cluster release of the same number.
    pub fn model(self) -> crate::model::Release {
        match self {
            Release::Sc31 => crate::model::Release::V31,
            Release::Sc32 => crate::model::Release::V32,
            Release::Sc44 => crate::model::Release::V44,
        }
    }
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
        (Format::Commands, release) => Ok(commands::script(state, release)),
        (Format::Cib, _) => Ok(crate::pacemaker::cib::export(state).to_xml()),
    }
}

/// The release a state's commands are written for by default: the cluster's own (a 3.2
/// cluster, which has both command sets, gets the object CLI; `--release 3.1` asks for the
/// 3.1 commands).
pub fn release_of(state: &ClusterState) -> Release {
    match state.cluster.release {
        crate::model::Release::V31 => Release::Sc31,
        crate::model::Release::V32 => Release::Sc32,
        crate::model::Release::V44 => Release::Sc44,
    }
}
