//! Reading Pacemaker back (roxmltree): `crm_mon --output-as=xml` into SC placement, and the
//! group target roles of a CIB.

use crate::error::{ErrorCode, Result, ScError};
use crate::model::{ClusterState, Name, NodeMap, RState, RStatus, ResourceNodeState, RgState};
use std::collections::{BTreeMap, BTreeSet};

/// Where one resource instance is active.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Active {
    pub node: String,
    pub failed: bool,
    pub blocked: bool,
}

/// What crm_mon shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observed {
    /// Node name → online (and not in standby).
    pub nodes: BTreeMap<String, bool>,
    /// Primitive id → where it is active.
    pub resources: BTreeMap<String, Vec<Active>>,
}

fn parse_err(what: &str, e: impl std::fmt::Display) -> ScError {
    ScError::new(
        ErrorCode::Internal,
        format!("cannot read {what} from Pacemaker: {e}"),
    )
}

/// Parse `crm_mon --output-as=xml`.
pub fn parse_crm_mon(xml: &str) -> Result<Observed> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| parse_err("crm_mon XML", e))?;
    let mut obs = Observed::default();
    for n in doc.descendants() {
        if n.has_tag_name("node") && n.parent().is_some_and(|p| p.has_tag_name("nodes")) {
            let online =
                n.attribute("online") == Some("true") && n.attribute("unclean") != Some("true");
            if let Some(name) = n.attribute("name") {
                obs.nodes.insert(name.to_string(), online);
            }
        }
        if n.has_tag_name("resource")
            && let Some(id) = n.attribute("id")
        {
            let id = id.split(':').next().unwrap_or(id).to_string();
            let role = n.attribute("role").unwrap_or("");
            let running = matches!(
                role,
                "Started" | "Promoted" | "Unpromoted" | "Master" | "Slave"
            ) || n.attribute("failed") == Some("true");
            let entry = obs.resources.entry(id).or_default();
            if !running {
                continue;
            }
            for at in n.children().filter(|c| c.has_tag_name("node")) {
                if let Some(node) = at.attribute("name") {
                    entry.push(Active {
                        node: node.to_string(),
                        failed: n.attribute("failed") == Some("true"),
                        blocked: n.attribute("blocked") == Some("true"),
                    });
                }
            }
        }
    }
    Ok(obs)
}

/// Target role of each group (or clone of a group) in a CIB's `<resources>` (or whole CIB):
/// group name → started.
pub fn group_roles(cib_xml: &str) -> Result<BTreeMap<String, bool>> {
    let doc = roxmltree::Document::parse(cib_xml).map_err(|e| parse_err("the CIB", e))?;
    let mut out = BTreeMap::new();
    for g in doc.descendants().filter(|n| n.has_tag_name("group")) {
        let Some(id) = g.attribute("id") else {
            continue;
        };
        // The role sits on the clone for a cloned group.
        let holder = match g.parent() {
            Some(p) if p.has_tag_name("clone") => p,
            _ => g,
        };
        let role = holder
            .children()
            .filter(|c| c.has_tag_name("meta_attributes"))
            .flat_map(|m| m.children())
            .find(|nv| nv.attribute("name") == Some("target-role"))
            .and_then(|nv| nv.attribute("value"));
        out.insert(id.to_string(), role != Some("Stopped"));
    }
    Ok(out)
}

/// Write what Pacemaker shows into the SC runtime fields of `state`: node membership, the
/// per-node state of every resource and group.
pub fn apply(state: &mut ClusterState, obs: &Observed) {
    for n in &mut state.cluster.nodes {
        if let Some(up) = obs.nodes.get(&n.name) {
            n.up = *up;
        }
    }
    let names: Vec<String> = state.resources.keys().map(|n| n.to_string()).collect();
    for name in names {
        let active = obs
            .resources
            .get(&super::xml::xml_id(&name))
            .cloned()
            .unwrap_or_default();
        let rt = state
            .resources
            .get(&name)
            .and_then(|r| state.resource_types.get(r.rtype.as_str()))
            .cloned();
        let Some(r) = state.resources.get_mut(&name) else {
            continue;
        };
        r.state.clear();
        for a in active {
            let monitored = rt
                .as_ref()
                .is_some_and(|t| t.has_method(crate::model::Method::MonitorStart));
            let (st, status) = if a.blocked {
                (RState::StopFailed, RStatus::Faulted)
            } else if a.failed {
                (RState::MonitorFailed, RStatus::Faulted)
            } else if r.monitored || !monitored {
                (RState::Online, RStatus::Online)
            } else {
                (RState::OnlineNotMonitored, RStatus::Online)
            };
            r.state.insert(
                a.node,
                ResourceNodeState {
                    state: st,
                    status,
                    message: if status == RStatus::Online {
                        "Started by Pacemaker".into()
                    } else {
                        "Failed in Pacemaker".into()
                    },
                },
            );
        }
    }
    let groups: Vec<String> = state
        .resource_groups
        .keys()
        .map(|n| n.to_string())
        .collect();
    for gname in groups {
        let members = state.resource_groups[&gname].resources.clone();
        let mut on: NodeMap<RgState> = NodeMap::new();
        for m in &members {
            for (node, s) in &state.resources[m].state {
                let gs = match s.state {
                    RState::StopFailed => RgState::ErrorStopFailed,
                    RState::MonitorFailed => RgState::OnlineFaulted,
                    _ => RgState::Online,
                };
                match on.get_mut(node) {
                    Some(e) if gs != RgState::Online => *e = gs,
                    Some(_) => {}
                    None => {
                        on.insert(node, gs);
                    }
                }
            }
        }
        if let Some(g) = state.resource_groups.get_mut(&gname) {
            g.state = on;
            g.stranded = false;
        }
    }
}

/// After [`apply`]: a group Pacemaker is asked to run (`roles`) that has nothing it could run
/// (no enabled member, or only members waiting for a dependee in another group) stays Online
/// where it was, as in SC; Pacemaker has no group state apart from its members.
pub fn keep_idle_groups(
    state: &mut ClusterState,
    before: &BTreeMap<String, NodeMap<RgState>>,
    roles: &BTreeMap<String, bool>,
) {
    let names: Vec<String> = state
        .resource_groups
        .keys()
        .map(|n| n.to_string())
        .collect();
    for name in names {
        let g = &state.resource_groups[&name];
        if !g.state.is_empty() || roles.get(&name) != Some(&true) {
            continue;
        }
        let idle = g.resources.iter().all(|r| {
            state
                .resources
                .get(r)
                .is_none_or(|x| !x.enabled || waits_for_other_group(state, x))
        });
        if !idle {
            continue;
        }
        let kept: NodeMap<RgState> = before
            .get(&name)
            .into_iter()
            .flatten()
            .filter(|(n, s)| **s == RgState::Online && state.cluster.is_up(n))
            .map(|(n, s)| (n, *s))
            .collect();
        if let Some(g) = state.resource_groups.get_mut(&name) {
            g.state = kept;
        }
    }
}

/// Groups that run only partly: (group, node, members that should run there and do not).
pub fn partial_groups(state: &ClusterState) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for g in state.resource_groups.values() {
        let enabled: Vec<&Name> = g
            .resources
            .iter()
            .filter(|r| state.resources.get(*r).is_some_and(|x| x.enabled))
            .collect();
        let nodes: BTreeSet<&str> = enabled
            .iter()
            .flat_map(|r| state.resources[*r].state.keys())
            .collect();
        for n in nodes {
            let missing: Vec<String> = enabled
                .iter()
                .filter(|r| !state.resources[**r].state.contains_key(n))
                .filter(|r| !waits_for_other_group(state, &state.resources[**r]))
                .map(|r| r.to_string())
                .collect();
            if !missing.is_empty() {
                out.push((g.name.to_string(), n.to_string(), missing));
            }
        }
    }
    out
}

/// `r` has a hard dependency on a resource of another group that runs nowhere: SC keeps the
/// group online with `r` waiting, so its absence does not make the group partial.
pub fn waits_for_other_group(state: &ClusterState, r: &crate::model::Resource) -> bool {
    r.dependencies.hard().any(|d| {
        state
            .resources
            .get(d)
            .is_some_and(|x| x.group != r.group && x.state.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testkit;

    const MON: &str = r#"<pacemaker-result>
  <nodes>
    <node name="mail-1" id="1" online="true" unclean="false"/>
    <node name="mail-2" id="2" online="false" unclean="false"/>
  </nodes>
  <resources>
    <group id="MAIL-RG" number_resources="3">
      <resource id="budgie" role="Started" active="true" failed="false" blocked="false"><node name="mail-1"/></resource>
      <resource id="disk-rs" role="Started" active="true" failed="false" blocked="false"><node name="mail-1"/></resource>
      <resource id="mail-rs" role="Stopped" active="false" failed="false" blocked="false"/>
    </group>
  </resources>
</pacemaker-result>"#;

    #[test]
    fn crm_mon_placement_becomes_sc_state_and_partial_groups_are_found() {
        let obs = parse_crm_mon(MON).unwrap();
        assert_eq!(obs.nodes.get("mail-2"), Some(&false));
        assert_eq!(obs.resources["budgie"][0].node, "mail-1");
        assert!(obs.resources["mail-rs"].is_empty());
        let mut s = testkit::seed(0);
        s.resource_groups.get_mut("MAIL-RG").unwrap().state.clear();
        apply(&mut s, &obs);
        assert!(!s.cluster.is_up("mail-2"));
        assert_eq!(
            s.resource_groups["MAIL-RG"].state_on("mail-1"),
            RgState::Online
        );
        assert_eq!(s.resources["mail-rs"].state_on("mail-1"), RState::Offline);
        assert_eq!(
            partial_groups(&s),
            [(
                "MAIL-RG".to_string(),
                "mail-1".to_string(),
                vec!["mail-rs".to_string()]
            )]
        );
    }

    #[test]
    fn group_roles_read_from_group_or_clone() {
        let cib = r#"<resources>
  <group id="A"><meta_attributes id="m"><nvpair id="x" name="target-role" value="Stopped"/></meta_attributes></group>
  <clone id="B-clone"><meta_attributes id="n"><nvpair id="y" name="target-role" value="Started"/></meta_attributes><group id="B"/></clone>
  <group id="C"/>
</resources>"#;
        let roles = group_roles(cib).unwrap();
        assert_eq!(roles.get("A"), Some(&false));
        assert_eq!(roles.get("B"), Some(&true));
        assert_eq!(roles.get("C"), Some(&true));
    }
}
