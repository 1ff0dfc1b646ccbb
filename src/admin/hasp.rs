//! SUNW.HAStoragePlus specifics: the checks on FilesystemMountPoints and GlobalDevicePaths
//! (reference §6.1), and the hint for `ServicePaths`, the older SUNW.HAStorage type's property,
//! which HAStoragePlus refuses as an unknown extension property. The hint sorts the paths given:
//!
//! * a global device path — `/dev/global/…`, `/dev/md/…`, `/dev/did/…`, `/dev/vx/…` — or a bare
//!   name (a device group) belongs in **GlobalDevicePaths**;
//! * any other absolute path (`/global/mail1`, `/local/data`) is a mount point and belongs in
//!   **FilesystemMountPoints**.
//!
//! A mount point outside `/global/` is a local (failover) file system, which only a failover
//! group may use.

use super::typerules::TypeRules;
use super::values::prop_err;
use super::{PropArg, catalog};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, Name, PropValue, Resource, ResourceGroup, ResourceType, RgMode};

pub(super) const MOUNT_POINTS: &str = "FilesystemMountPoints";
pub(super) const DEVICE_PATHS: &str = "GlobalDevicePaths";

/// Prefixes of global device paths.
const DEVICE_PREFIXES: [&str; 4] = ["/dev/global/", "/dev/md/", "/dev/did/", "/dev/vx/"];

/// Where a ServicePaths entry belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PathKind {
    MountPoint,
    DevicePath,
    DeviceGroup,
}

/// Classify one path (see the module documentation).
pub(super) fn classify(path: &str) -> PathKind {
    if DEVICE_PREFIXES.iter().any(|p| path.starts_with(p)) {
        PathKind::DevicePath
    } else if path.starts_with('/') {
        PathKind::MountPoint
    } else {
        PathKind::DeviceGroup
    }
}

/// The hint for `-x ServicePaths=…` on an HAStoragePlus resource, which the type refuses as an
/// unknown extension property: ServicePaths is SUNW.HAStorage's; the same paths go to
/// FilesystemMountPoints (mount points) and GlobalDevicePaths (global devices, device groups).
pub(super) fn service_paths_hint(arg: &PropArg) -> String {
    let mut mounts = Vec::new();
    let mut devices = Vec::new();
    for p in arg
        .value
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match classify(p) {
            PathKind::MountPoint => mounts.push(p),
            PathKind::DevicePath | PathKind::DeviceGroup => devices.push(p),
        }
    }
    let mut flags = Vec::new();
    if !mounts.is_empty() {
        flags.push(format!("-x {MOUNT_POINTS}={}", mounts.join(",")));
    }
    if !devices.is_empty() {
        flags.push(format!("-x {DEVICE_PATHS}={}", devices.join(",")));
    }
    let fix = if flags.is_empty() {
        format!("-x {MOUNT_POINTS}=/global/…")
    } else {
        flags.join(" ")
    };
    format!(
        "ServicePaths is a property of SUNW.HAStorage, the older type; SUNW.HAStoragePlus takes mount points in {MOUNT_POINTS} and global devices in {DEVICE_PATHS}: {fix}"
    )
}

fn check_device_group(state: &ClusterState, subject: &str, prop: &str, name: &str) -> Result<()> {
    if state.cluster.device_groups.iter().any(|d| d.name == name) {
        return Ok(());
    }
    let known: Vec<&str> = state
        .cluster
        .device_groups
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    Err(prop_err(
        subject,
        prop,
        format!(
            "\"{name}\" is neither an absolute path nor a device group of the cluster (device groups: {})",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        ),
    ))
}

/// Check FilesystemMountPoints and GlobalDevicePaths of an HAStoragePlus resource in group `g`.
pub(super) fn check(state: &ClusterState, g: &ResourceGroup, r: &Resource) -> Result<()> {
    let subject = format!("resource {}", r.name);
    if let Some(PropValue::List(mounts)) = r.extension.get(MOUNT_POINTS) {
        for (i, m) in mounts.iter().enumerate() {
            if classify(m) != PathKind::MountPoint || m.starts_with("/dev/") {
                return Err(prop_err(
                    &subject,
                    MOUNT_POINTS,
                    format!(
                        "entry \"{m}\" is not a mount point (an absolute directory path such as /global/mail1)"
                    ),
                ));
            }
            if mounts[..i].contains(m) {
                return Err(prop_err(&subject, MOUNT_POINTS, format!("lists {m} twice")));
            }
            if g.mode == RgMode::Scalable && !m.starts_with("/global/") {
                return Err(ScError::new(
                    ErrorCode::Prop,
                    format!(
                        "{subject}: property {MOUNT_POINTS}: {m} is a local (failover) file system, and group {} is scalable; only cluster file systems (/global/…) can be used by a scalable group",
                        g.name
                    ),
                ));
            }
        }
    }
    if let Some(PropValue::List(mounts)) = r.extension.get(MOUNT_POINTS) {
        check_vfstab(state, &g.nodelist, r, mounts)?;
    }
    if let Some(PropValue::List(devs)) = r.extension.get(DEVICE_PATHS) {
        for (i, d) in devs.iter().enumerate() {
            match classify(d) {
                PathKind::DevicePath => {}
                PathKind::DeviceGroup => check_device_group(state, &subject, DEVICE_PATHS, d)?,
                PathKind::MountPoint => {
                    return Err(prop_err(
                        &subject,
                        DEVICE_PATHS,
                        format!(
                            "entry \"{d}\" is not a global device path (/dev/global/…, /dev/md/…, /dev/did/…, /dev/vx/…) or a device group name; mount points go in {MOUNT_POINTS}"
                        ),
                    ));
                }
            }
            if devs[..i].contains(d) {
                return Err(prop_err(&subject, DEVICE_PATHS, format!("lists {d} twice")));
            }
        }
    }
    Ok(())
}

/// Every mount point needs a vfstab line on every Nodelist node; a failover file system's
/// (not `global`) must not be mounted at boot. A cluster file system is only checked.
fn check_vfstab(
    state: &ClusterState,
    nodelist: &[Name],
    r: &Resource,
    mounts: &[String],
) -> Result<()> {
    for (node, view) in super::typerules::checked_nodes(state, nodelist) {
        for m in mounts {
            let Some(e) = view.vfstab_entry(m) else {
                return Err(super::typerules::validate_failed(
                    r,
                    node,
                    format!("{MOUNT_POINTS} entry {m} has no line in /etc/vfstab"),
                    format!(
                        "add the file system's line to /etc/vfstab on every node of the group ($(scsim node root {node})/etc/vfstab), e.g. /dev/md/ds/dsk/d100 /dev/md/ds/rdsk/d100 {m} ufs 2 no logging"
                    ),
                ));
            };
            if !e.is_global() && e.at_boot() {
                return Err(super::typerules::validate_failed(
                    r,
                    node,
                    format!(
                        "/etc/vfstab mounts the failover file system {m} at boot (mount at boot `{}`); only HAStoragePlus may mount it, on the node that masters the group",
                        e.at_boot
                    ),
                    format!(
                        "set the sixth field of the {m} line to `no` in /etc/vfstab on every node ($(scsim node root {node})/etc/vfstab)"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// SUNW.HAStoragePlus in the type-rule table.
pub(super) struct HaStoragePlus;

impl TypeRules for HaStoragePlus {
    fn applies(&self, rt: &ResourceType) -> bool {
        catalog::is_hastorageplus(rt)
    }
    fn undeclared_hint(&self, arg: &PropArg) -> Option<String> {
        ((arg.extension || arg.either) && arg.name.eq_ignore_ascii_case("ServicePaths"))
            .then(|| service_paths_hint(arg))
    }
    fn check(
        &self,
        state: &ClusterState,
        _rt: &ResourceType,
        g: &ResourceGroup,
        r: &Resource,
    ) -> Result<()> {
        check(state, g, r)
    }
    fn check_nodelist(
        &self,
        state: &ClusterState,
        _rt: &ResourceType,
        r: &Resource,
        nodelist: &[Name],
    ) -> Result<()> {
        match r.extension.get(MOUNT_POINTS) {
            Some(PropValue::List(mounts)) => check_vfstab(state, nodelist, r, mounts),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_paths_hint_sorts_the_paths() {
        let arg = PropArg {
            name: "servicepaths".into(),
            value: "/global/mail1,/dev/md/mailset/dsk/d1,mailset".into(),
            extension: true,
            ..PropArg::default()
        };
        let h = service_paths_hint(&arg);
        assert!(h.contains("SUNW.HAStorage"), "{h}");
        assert!(
            h.ends_with(
                "-x FilesystemMountPoints=/global/mail1 -x GlobalDevicePaths=/dev/md/mailset/dsk/d1,mailset"
            ),
            "{h}"
        );
    }

    #[test]
    fn classification() {
        assert_eq!(classify("/global/mail1"), PathKind::MountPoint);
        assert_eq!(classify("/local/data"), PathKind::MountPoint);
        assert_eq!(classify("/dev/global/dsk/d4s2"), PathKind::DevicePath);
        assert_eq!(classify("/dev/md/mailset/dsk/d100"), PathKind::DevicePath);
        assert_eq!(classify("/dev/did/dsk/d5"), PathKind::DevicePath);
        assert_eq!(classify("mailset"), PathKind::DeviceGroup);
    }
}
