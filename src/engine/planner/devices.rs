//! Device groups: switch, offline and maintenance intents, moving them off a leaving node, and
//! HAStoragePlus device-group affinity (AffinityOn) when its resource starts.

use super::{Draft, err, needs_stop};
use crate::engine::plan::{Node, StepKind};
use crate::engine::settings;
use crate::error::{ErrorCode, Result};
use crate::fasthash::FastSet;
use crate::model::{Resource, ResourceType, RgMode};

impl<'a> Draft<'a> {
    pub(super) fn dg_switch(&mut self, dgs: &[String], node: &str) -> Result<()> {
        let node = self.node_known(node)?;
        if !self.up_after(&node) {
            return Err(err(
                ErrorCode::Node,
                format!("node {node} is not a cluster member (it is down)"),
            )
            .hint(format!("boot it first: scsim node up {node}")));
        }
        let mut steps = Vec::new();
        for name in dgs {
            let dg = self.dg(name)?;
            if !dg.nodes.contains(&node) {
                return Err(err(
                    ErrorCode::Node,
                    format!(
                        "node {node} is not in the node list of device group {} ({})",
                        dg.name,
                        dg.nodes.join(",")
                    ),
                ));
            }
            if dg.primary.as_deref() == Some(node.as_str()) && !dg.maintenance {
                continue;
            }
            steps.push(StepKind::DeviceGroup {
                dg: dg.name.as_str().into(),
                primary: Some(node.as_str().into()),
                maintenance: false,
            });
        }
        for s in steps {
            self.pre(s);
        }
        Ok(())
    }

    pub(super) fn dg_offline(&mut self, dgs: &[String], maintenance: bool) -> Result<()> {
        let mut steps = Vec::new();
        for name in dgs {
            let dg = self.dg(name)?;
            if let Some((r, n)) = self.dg_in_use(&dg.name) {
                let g = &self.st.resources[&r].group;
                return Err(err(
                    ErrorCode::Depend,
                    format!(
                        "device group {} is in use by resource {r} (group {g}), online on {n}",
                        dg.name
                    ),
                )
                .hint(crate::fix::Hint::lead(
                    "take the group offline first: ",
                    crate::fix::Fix::OfflineGroup { g: g.to_string() },
                )));
            }
            if dg.primary.is_none() && dg.maintenance == maintenance {
                continue;
            }
            steps.push(StepKind::DeviceGroup {
                dg: dg.name.as_str().into(),
                primary: None,
                maintenance,
            });
        }
        for s in steps {
            self.pre(s);
        }
        Ok(())
    }

    /// An online HAStoragePlus resource that names the device group in GlobalDevicePaths.
    pub(super) fn dg_in_use(&self, dg: &str) -> Option<(String, String)> {
        for r in self.st.resources.values() {
            let rt = self.rt(r);
            if !settings::is_hasp(rt) {
                continue;
            }
            if !hasp_device_groups(rt, r).iter().any(|d| d == dg) {
                continue;
            }
            if let Some((n, _)) = r.state.iter().find(|(_, s)| needs_stop(s.state)) {
                return Some((r.name.to_string(), n.to_string()));
            }
        }
        None
    }

    pub(super) fn move_device_groups_off(&mut self, node: &str, as_pre: bool) {
        for dg in &self.st.cluster.device_groups {
            if dg.primary.as_deref() != Some(node) {
                continue;
            }
            let next = dg
                .nodes
                .iter()
                .find(|n| n.as_str() != node && self.up_after(n))
                .map(|n| Node::from(n.as_str()));
            let s = self.step(
                StepKind::DeviceGroup {
                    dg: dg.name.as_str().into(),
                    primary: next,
                    maintenance: false,
                },
                &self.reason.clone(),
            );
            if as_pre {
                self.flags.pre.push(s);
            } else {
                self.flags.mid.push(s);
            }
        }
    }

    /// HAStoragePlus with AffinityOn=TRUE switches the device groups it uses to the node it
    /// starts on (failover groups only).
    pub(super) fn hasp_affinity(
        &self,
        r: &str,
        node: &str,
        seen: &mut FastSet<String>,
        steps: &mut Vec<StepKind>,
    ) {
        let res = &self.st.resources[r];
        let rt = self.rt(res);
        if !settings::is_hasp(rt) {
            return;
        }
        if self
            .st
            .resource_groups
            .get(&res.group)
            .is_some_and(|g| g.mode == RgMode::Scalable)
        {
            return;
        }
        let affinity = settings::ext_prop(rt, res, "AffinityOn")
            .as_ref()
            .and_then(settings::as_bool)
            .unwrap_or(true);
        if !affinity {
            return;
        }
        for dg in hasp_device_groups(rt, res) {
            let Some(d) = self.st.cluster.device_groups.iter().find(|d| d.name == dg) else {
                continue;
            };
            if d.maintenance
                || !d.nodes.iter().any(|n| n == node)
                || d.primary.as_deref() == Some(node)
                || !seen.insert(dg.clone())
            {
                continue;
            }
            steps.push(StepKind::DeviceGroup {
                dg: dg.into(),
                primary: Some(node.into()),
                maintenance: false,
            });
        }
    }
}

/// Device groups a HAStoragePlus resource names in GlobalDevicePaths (by name, or inside a
/// `/dev/md/<set>/…` or `/dev/vx/…/<dg>/…` path).
pub fn hasp_device_groups(rt: Option<&ResourceType>, r: &Resource) -> Vec<String> {
    let Some(v) = settings::ext_prop(rt, r, "GlobalDevicePaths") else {
        return Vec::new();
    };
    settings::as_list(&v)
        .into_iter()
        .filter_map(|p| {
            if !p.contains('/') {
                return Some(p);
            }
            let parts: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
            match parts.as_slice() {
                ["dev", "md", set, ..] => Some(set.to_string()),
                ["dev", "vx", _, dg, ..] => Some(dg.to_string()),
                _ => None,
            }
        })
        .collect()
}
