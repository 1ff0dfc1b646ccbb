//! SUNW.HAStoragePlus specifics: the `ServicePaths` spelling of the older SUNW.HAStorage type,
//! and the checks on FilesystemMountPoints and GlobalDevicePaths (reference §6.1).
//!
//! `-x ServicePaths=…` on an HAStoragePlus resource is accepted with a warning and each path
//! is stored where HAStoragePlus keeps it:
//!
//! * a global device path — `/dev/global/…`, `/dev/md/…`, `/dev/did/…`, `/dev/vx/…` — or a bare
//!   name (a device group, which must exist) goes to **GlobalDevicePaths**;
//! * any other absolute path (`/global/mail1`, `/local/data`) is a mount point and goes to
//!   **FilesystemMountPoints**.
//!
//! A mount point outside `/global/` is a local (failover) file system, which only a failover
//! group may use.

use super::setprop::{check_settable, store};
use super::typerules::{Alias, TypeRules};
use super::values::{check_legal, parse_value, prop_err, split_array};
use super::{PropArg, catalog};
use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, PropValue, Resource, ResourceGroup, ResourceType, RgMode};

pub const MOUNT_POINTS: &str = "FilesystemMountPoints";
pub const DEVICE_PATHS: &str = "GlobalDevicePaths";

/// Prefixes of global device paths.
const DEVICE_PREFIXES: [&str; 4] = ["/dev/global/", "/dev/md/", "/dev/did/", "/dev/vx/"];

/// Where a ServicePaths entry belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    MountPoint,
    DevicePath,
    DeviceGroup,
}

/// Classify one path (see the module documentation).
pub fn classify(path: &str) -> PathKind {
    if DEVICE_PREFIXES.iter().any(|p| path.starts_with(p)) {
        PathKind::DevicePath
    } else if path.starts_with('/') {
        PathKind::MountPoint
    } else {
        PathKind::DeviceGroup
    }
}

/// Store `-x ServicePaths=…` of an HAStoragePlus resource as FilesystemMountPoints and
/// GlobalDevicePaths. `explicit` are the properties set by name in the same command: their
/// lists are extended rather than replaced.
pub fn apply_service_paths(
    state: &ClusterState,
    rt: &ResourceType,
    r: &mut Resource,
    arg: &PropArg,
    explicit: &[String],
    old: Option<&Resource>,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let subject = format!("resource {}", r.name);
    check_legal(&subject, "ServicePaths", &arg.value)?;
    let paths = split_array(&subject, "ServicePaths", &arg.value)?;
    let mut mounts = Vec::new();
    let mut devices = Vec::new();
    for p in paths {
        match classify(&p) {
            PathKind::MountPoint => mounts.push(p),
            PathKind::DevicePath => devices.push(p),
            PathKind::DeviceGroup => {
                check_device_group(state, &subject, "ServicePaths", &p)?;
                devices.push(p);
            }
        }
    }
    let mut stored = Vec::new();
    for (prop, new) in [(MOUNT_POINTS, mounts), (DEVICE_PATHS, devices)] {
        let decl = catalog::param(rt, prop).ok_or_else(|| {
            ScError::internal(format!("type {} does not declare {prop}", rt.name))
        })?;
        let given = explicit.iter().any(|e| e == prop);
        let list = if given {
            let mut cur = match r.extension.get(prop) {
                Some(PropValue::List(l)) => l.clone(),
                _ => Vec::new(),
            };
            for p in new {
                if !cur.contains(&p) {
                    cur.push(p);
                }
            }
            cur
        } else {
            let before = old.and_then(|o| o.extension.get(prop)).cloned();
            let unchanged = match &before {
                Some(PropValue::List(l)) => *l == new,
                _ => new.is_empty() && old.is_some(),
            };
            if !unchanged {
                check_settable(&subject, &decl, r, old)?;
            }
            new
        };
        if !list.is_empty() {
            stored.push(format!("{prop}={}", list.join(",")));
        }
        let v = parse_value(&subject, &decl, &list.join(","))?;
        store(r, &decl, v);
    }
    warnings.push(format!(
        "resource {}: ServicePaths is the SUNW.HAStorage property; {} keeps paths in {MOUNT_POINTS} and {DEVICE_PATHS}: stored {}",
        r.name,
        rt.name,
        if stored.is_empty() {
            "no paths".to_string()
        } else {
            stored.join(" and ")
        }
    ));
    Ok(())
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
pub fn check(state: &ClusterState, g: &ResourceGroup, r: &Resource) -> Result<()> {
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

/// SUNW.HAStoragePlus in the type-rule table.
pub(super) struct HaStoragePlus;

impl TypeRules for HaStoragePlus {
    fn applies(&self, rt: &ResourceType) -> bool {
        catalog::is_hastorageplus(rt)
    }
    fn accepts_alias(&self, arg: &PropArg) -> bool {
        (arg.extension || arg.either) && arg.name.eq_ignore_ascii_case("ServicePaths")
    }
    fn alias(&self) -> &'static str {
        "ServicePaths"
    }
    fn apply_alias(
        &self,
        state: &ClusterState,
        rt: &ResourceType,
        r: &mut Resource,
        alias: &Alias,
        warnings: &mut Vec<String>,
    ) -> Result<()> {
        apply_service_paths(state, rt, r, alias.arg, alias.explicit, alias.old, warnings)
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
