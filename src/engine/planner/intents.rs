//! Step 1 of planning: an intent is checked and dispatched to the translation that turns it
//! into flag steps and goals.

use super::{Auto, Draft, Goal};
use crate::engine::intent::Intent;
use crate::engine::plan::Name;
use crate::error::Result;
use crate::model::RgState;

impl<'a> Draft<'a> {
    pub(super) fn intent(&mut self, intent: &Intent) -> Result<()> {
        self.operator = matches!(
            intent,
            Intent::Online { .. } | Intent::Switch { .. } | Intent::Rebalance { .. }
        );
        match intent {
            Intent::Online { rgs } => self.online(rgs),
            Intent::Switch { rgs, nodes } => self.switch(rgs, nodes),
            Intent::Rebalance { rgs } => self.rebalance(rgs),
            Intent::Offline { rgs } => self.offline(rgs),
            Intent::Restart { rgs, nodes } => self.restart(rgs, nodes),
            Intent::Evacuate { node, keep_off_ms } => self.evacuate(node, *keep_off_ms),
            Intent::Manage { rgs } => self.manage(rgs),
            Intent::Unmanage { rgs } => self.unmanage(rgs),
            Intent::Enable {
                resources,
                monitor_only,
            } => self.enable(resources, *monitor_only),
            Intent::Disable {
                resources,
                monitor_only,
            } => self.disable(resources, *monitor_only),
            Intent::ClearStopFailed { resources, nodes } => self.clear(resources, nodes),
            Intent::NodeSwitch {
                resources,
                nodes,
                on,
                monitor_only,
            } => self.node_switch(resources, nodes, *on, *monitor_only),
            Intent::Quiesce { rgs, kill } => self.quiesce(rgs, *kill),
            Intent::Suspend { rgs, .. } => self.suspend(rgs, true),
            Intent::Resume { rgs } => self.suspend(rgs, false),
            Intent::DeviceSwitch { dgs, node } => self.dg_switch(dgs, node),
            Intent::DeviceOffline { dgs } => self.dg_offline(dgs, false),
            Intent::DeviceMaintenance { dgs } => self.dg_offline(dgs, true),
            Intent::NodeDown { node, clean, .. } => self.node_down(node, *clean),
            Intent::NodeUp { nodes } => self.node_up(nodes),
            Intent::MonitorFailure { resource, node } => self.monitor_failure(resource, node),
            Intent::Converge { rgs } => self.converge(rgs),
            Intent::Control {
                op,
                group,
                resource,
                node,
            } => self.control(*op, group, resource, node),
            Intent::Failover { rg, from, reason } => {
                let g = self.group(rg)?;
                self.failover(g, from, false, reason.clone());
                Ok(())
            }
            Intent::Continue { targets, hold, .. } => self.continue_after(targets, hold),
        }
    }

    /// `-Q`: nothing runs in the simulator, so every group is already quiescent.
    fn quiesce(&mut self, rgs: &[String], kill: bool) -> Result<()> {
        let gs = self.all_or(rgs)?;
        for g in gs {
            self.notes.push(format!(
                "{} is quiescent: no method is running{}",
                g.name,
                if kill {
                    ", so there is nothing to kill"
                } else {
                    ""
                }
            ));
        }
        Ok(())
    }

    /// After a configuration change: groups mastered off their (new) Nodelist move back onto
    /// it; the others keep their placement and only their resources catch up.
    fn converge(&mut self, rgs: &[String]) -> Result<()> {
        for g in self.groups_of(rgs)? {
            let m = self.mastered(g);
            let keep: Vec<String> = m
                .iter()
                .filter(|n| g.nodelist.iter().any(|x| x == n.as_str()))
                .cloned()
                .collect();
            let goal = if keep.len() == m.len() {
                Goal::Keep
            } else if keep.is_empty() {
                Goal::Auto(Auto {
                    sticky: true,
                    strand_if_empty: true,
                    ..Auto::default()
                })
            } else {
                Goal::Fixed(keep)
            };
            self.set_goal(&g.name, goal, None);
        }
        Ok(())
    }

    /// Carrying on after a failure toward the interrupted plan's targets.
    fn continue_after(&mut self, targets: &[(Name, Vec<Name>)], hold: &[String]) -> Result<()> {
        // Carrying on after a failure: groups being recovered, and groups a failure
        // left in Error_stop_failed, are left alone.
        self.aims.hold.extend(hold.iter().cloned());
        for g in self.st.resource_groups.values() {
            if g.state.values().any(|s| *s == RgState::ErrorStopFailed) {
                self.aims.hold.insert(g.name.to_string());
            }
        }
        for (g, nodes) in targets {
            if self.aims.hold.contains(g.as_str())
                || !self.st.resource_groups.contains_key(g.as_str())
            {
                continue;
            }
            let goal = if nodes.is_empty() {
                Goal::Offline
            } else {
                Goal::Prefer(nodes.iter().map(Name::to_string).collect())
            };
            self.set_goal(g, goal, None);
        }
        Ok(())
    }
}
