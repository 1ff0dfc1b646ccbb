//! The Sun Cluster release a state stands for, the one place that answers it: `scinstall -p`
//! prints it, `scconf -p` and the package versions follow it. It follows `cluster.release`
//! (`scsim init --release`): 3.1 is 3.1 Update 4 (the 3.1 8/05 release, the last 3.1 update,
//! whose commands and behaviour scsim follows), 3.2 is 3.2 Update 3 (11/09, the last 3.2
//! update), 4.4 is Oracle Solaris Cluster 4.4.

use crate::model::ClusterState;

/// The release of a cluster: major, minor and update (`3.1u4`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    pub major: u32,
    pub minor: u32,
    /// 0 for the first release of a minor version.
    pub update: u32,
}

impl Release {
    /// As `scinstall -p` prints it: `3.1u4` (`3.1` for the first release).
    pub fn text(&self) -> String {
        if self.update == 0 {
            format!("{}.{}", self.major, self.minor)
        } else {
            format!("{}.{}u{}", self.major, self.minor, self.update)
        }
    }
    /// The version field of the cluster packages (`3.1.0`).
    pub fn package_version(&self) -> String {
        format!("{}.{}.0", self.major, self.minor)
    }
}

/// The release `state` was made with.
pub fn release(state: &ClusterState) -> Release {
    let (major, minor, update) = match state.cluster.release {
        crate::model::Release::V31 => (3, 1, 4),
        crate::model::Release::V32 => (3, 2, 3),
        crate::model::Release::V44 => (4, 4, 0),
    };
    Release {
        major,
        minor,
        update,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelled_as_scinstall_prints_it() {
        let r = Release {
            major: 3,
            minor: 1,
            update: 4,
        };
        assert_eq!(r.text(), "3.1u4");
        assert_eq!(r.package_version(), "3.1.0");
        assert_eq!(Release { update: 0, ..r }.text(), "3.1");
    }
}
