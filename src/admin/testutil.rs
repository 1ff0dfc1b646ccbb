//! Helpers for the unit tests of `admin`: a two-node cluster and argument builders.

use super::PropArg;
use crate::admin::init::{InitOptions, new_cluster};
use crate::model::ClusterState;

/// `mail-1`, `mail-2`, as `scsim init` leaves them (with a device group `mailset`).
pub(crate) fn cluster() -> ClusterState {
    new_cluster(
        &InitOptions {
            nodes: vec!["mail-1".into(), "mail-2".into()],
            device_groups: vec!["mailset".into()],
            ..Default::default()
        },
        0,
    )
    .expect("init")
}

fn arg(s: &str, extension: bool) -> PropArg {
    let (name, value) = s.split_once('=').expect("name=value");
    PropArg {
        either: false,
        op: Default::default(),
        name: name.into(),
        value: value.into(),
        extension,
    }
}

/// `-y name=value`
pub(crate) fn y(s: &str) -> PropArg {
    arg(s, false)
}

/// `-x name=value`
#[allow(dead_code)]
pub(crate) fn x(s: &str) -> PropArg {
    arg(s, true)
}
