//! Node membership intents: a node leaves (crash or clean halt) or nodes join, with the
//! quorum arithmetic that decides whether the cluster survives or forms.

use super::{Auto, Draft, Goal, err, init_nodes};
use crate::engine::plan::StepKind;
use crate::error::{ErrorCode, Result};
use crate::model::Name;
use crate::model::{ClusterState, Method, ResourceGroup, RgMode};

impl<'a> Draft<'a> {
    pub(super) fn node_down(&mut self, node: &str, clean: bool) -> Result<()> {
        let node = self.node_known(node)?;
        if !self.st.cluster.is_up(&node) {
            return Err(
                err(ErrorCode::State, format!("node {node} is already down"))
                    .hint(format!("boot it with scsim node up {node}")),
            );
        }
        self.after.down.insert(node.clone());
        let survivors = |n: &str| n != node && self.st.cluster.is_up(n);
        let (have, total) = quorum_votes(self.st, &survivors);
        if !has_quorum(have, total) {
            self.quorum_lost(&node, clean, have, total);
            return Ok(());
        }
        if !clean {
            self.after.crashed.insert(node.clone());
            self.pre(StepKind::NodeCrash {
                node: node.as_str().into(),
            });
        }
        let on_node: Vec<&ResourceGroup> = self
            .st
            .resource_groups
            .values()
            .filter(|g| {
                g.managed
                    && !self.aims.hold.contains(g.name.as_str())
                    && (g.state_on(&node).is_mastered()
                        || g.state.get(&node).is_some_and(|s| s.is_mastered()))
            })
            .collect();
        for g in on_node {
            if clean && self.frozen(g) {
                self.notes.push(format!(
                    "{} is in Error_stop_failed and stays where it is until cleared",
                    g.name
                ));
                continue;
            }
            self.set_goal(
                &g.name,
                Goal::Auto(Auto {
                    exclude: vec![Name::from(node.as_str())],
                    sticky: true,
                    strand_if_empty: true,
                    ..Auto::default()
                }),
                None,
            );
        }
        self.move_device_groups_off(&node, !clean);
        if clean {
            let s = self.step(
                StepKind::NodeHalt {
                    node: node.as_str().into(),
                },
                &self.reason.clone(),
            );
            self.flags.mid.push(s);
        }
        Ok(())
    }

    /// The node leaving costs the cluster its quorum: every node halts, device groups go
    /// offline, and every group that was online goes offline with them.
    fn quorum_lost(&mut self, node: &str, clean: bool, have: u32, total: u32) {
        self.after.crashed.insert(node.to_string());
        self.pre(if clean {
            StepKind::NodeHalt { node: node.into() }
        } else {
            StepKind::NodeCrash { node: node.into() }
        });
        let others: Vec<String> = self
            .st
            .cluster
            .nodes
            .iter()
            .filter(|n| n.up && n.name != node)
            .map(|n| n.name.clone())
            .collect();
        let why = format!(
            "cluster lost operational quorum: {have} of {total} votes left, {} needed",
            total / 2 + 1
        );
        for o in others {
            self.after.crashed.insert(o.clone());
            self.after.down.insert(o.clone());
            let s = self.step(StepKind::NodeCrash { node: o.into() }, &why);
            self.flags.pre.push(s);
        }
        for dg in &self.st.cluster.device_groups {
            if dg.primary.is_some() {
                let s = self.step(
                    StepKind::DeviceGroup {
                        dg: dg.name.as_str().into(),
                        primary: None,
                        maintenance: dg.maintenance,
                    },
                    &why,
                );
                self.flags.pre.push(s);
            }
        }
        self.notes.push(format!("{why}: every node halts"));
        let lost: Vec<String> = self
            .st
            .resource_groups
            .values()
            .filter(|g| g.managed && g.state.values().any(|s| s.is_mastered()))
            .map(|g| g.name.to_string())
            .collect();
        for g in lost {
            self.set_goal(&g, Goal::Offline, Some(why.clone()));
        }
    }

    pub(super) fn node_up(&mut self, nodes: &[String]) -> Result<()> {
        let mut ns = Vec::new();
        for n in nodes {
            let n = self.node_known(n)?;
            if self.st.cluster.is_up(&n) {
                return Err(err(ErrorCode::State, format!("node {n} is already up")));
            }
            if !ns.contains(&n) {
                ns.push(n);
            }
        }
        let forming = !self.st.cluster.nodes.iter().any(|n| n.up);
        let members = |n: &str| ns.iter().any(|x| x == n) || self.st.cluster.is_up(n);
        let (have, total) = quorum_votes(self.st, &members);
        if !has_quorum(have, total) {
            let down: Vec<String> = self
                .st
                .cluster
                .nodes
                .iter()
                .filter(|n| !members(&n.name))
                .map(|n| n.name.clone())
                .collect();
            return Err(err(
                ErrorCode::Node,
                format!(
                    "{} cannot form the cluster: {have} of {total} votes, {} needed for quorum",
                    ns.join(", "),
                    total / 2 + 1
                ),
            )
            .hint(format!(
                "boot more nodes together: scsim node up {} {}",
                ns.join(" "),
                down.join(" ")
            )));
        }
        for n in &ns {
            self.after.joined.insert(n.clone());
            self.pre(StepKind::NodeJoin {
                node: n.as_str().into(),
            });
        }
        self.boot_joining();
        for (g, a, why) in self.rejoin_goals(&ns, forming) {
            self.set_goal(&g, Goal::Auto(a), Some(why));
        }
        Ok(())
    }

    /// Boot methods on the joining nodes, and device groups coming online on them.
    fn boot_joining(&mut self) {
        for g in self.st.resource_groups.values() {
            if !g.managed {
                continue;
            }
            for rn in &g.resources {
                let Some(r) = self.st.resources.get(rn) else {
                    continue;
                };
                let rt = self.rt(r);
                if !rt.is_some_and(|t| t.has_method(Method::Boot)) {
                    continue;
                }
                for n in init_nodes(self.st, rt, Some(g), |n| self.after.joined.contains(n)) {
                    self.pre(StepKind::Method {
                        resource: r.name.as_str().into(),
                        node: n.into(),
                        method: Method::Boot,
                    });
                }
            }
        }
        // Device groups come online on a joining node.
        for dg in &self.st.cluster.device_groups {
            if dg.primary.is_none()
                && !dg.maintenance
                && let Some(n) = dg.nodes.iter().find(|n| self.after.joined.contains(*n))
            {
                let s = self.step(
                    StepKind::DeviceGroup {
                        dg: dg.name.as_str().into(),
                        primary: Some(n.as_str().into()),
                        maintenance: false,
                    },
                    &self.reason.clone(),
                );
                self.flags.pre.push(s);
            }
        }
    }

    /// Groups a join brings online (a new cluster formed, stranded groups, Failback, scalable
    /// groups below their desired primaries): (group, placement, why).
    fn rejoin_goals(&mut self, ns: &[String], forming: bool) -> Vec<(String, Auto, String)> {
        let mut goals = Vec::new();
        for g in self.st.resource_groups.values() {
            if !g.managed || self.frozen(g) {
                continue;
            }
            if forming {
                if g.auto_start_on_new_cluster {
                    goals.push((
                        g.name.to_string(),
                        Auto {
                            strand_if_empty: true,
                            ..Auto::default()
                        },
                        format!(
                            "new cluster formed: {} starts (Auto_start_on_new_cluster=TRUE)",
                            g.name
                        ),
                    ));
                } else if g.stranded {
                    let s = self.step(
                        StepKind::SetStranded {
                            rg: g.name.as_str().into(),
                            stranded: false,
                        },
                        "Auto_start_on_new_cluster=FALSE",
                    );
                    self.flags.pre.push(s);
                }
                continue;
            }
            if !g
                .nodelist
                .iter()
                .any(|n| self.after.joined.contains(n.as_str()))
            {
                continue;
            }
            let m = self.mastered(g);
            if g.stranded && m.is_empty() {
                goals.push((
                    g.name.to_string(),
                    Auto {
                        sticky: true,
                        strand_if_empty: true,
                        ..Auto::default()
                    },
                    format!("{} joined: {} had nowhere to run", ns.join(","), g.name),
                ));
            } else if g.failback && !m.is_empty() {
                goals.push((
                    g.name.to_string(),
                    Auto {
                        failback: true,
                        ..Auto::default()
                    },
                    format!("{} joined: Failback=TRUE on {}", ns.join(","), g.name),
                ));
            } else if g.mode == RgMode::Scalable
                && !m.is_empty()
                && m.len() < g.desired_primaries.min(g.maximum_primaries) as usize
            {
                goals.push((
                    g.name.to_string(),
                    Auto {
                        sticky: true,
                        ..Auto::default()
                    },
                    format!(
                        "{} joined: {} runs on {} of {} desired primaries",
                        ns.join(","),
                        g.name,
                        m.len(),
                        g.desired_primaries
                    ),
                ));
            }
        }
        goals
    }
}

/// Votes the given members hold (node votes plus the quorum devices they reach) and the
/// cluster's total.
pub fn quorum_votes(state: &ClusterState, members: &dyn Fn(&str) -> bool) -> (u32, u32) {
    let total: u32 = state.cluster.nodes.iter().map(|n| n.votes).sum::<u32>()
        + state
            .cluster
            .quorum_devices
            .iter()
            .map(|q| q.votes)
            .sum::<u32>();
    let have: u32 = state
        .cluster
        .nodes
        .iter()
        .filter(|n| members(&n.name))
        .map(|n| n.votes)
        .sum::<u32>()
        + state
            .cluster
            .quorum_devices
            .iter()
            .filter(|q| q.nodes.iter().any(|n| members(n)))
            .map(|q| q.votes)
            .sum::<u32>();
    (have, total)
}

/// A majority of the configured votes.
pub fn has_quorum(have: u32, total: u32) -> bool {
    have * 2 > total
}
