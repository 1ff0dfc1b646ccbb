//! The command lines that recreate a cluster, spelled for a release: the Sun Cluster 3.1
//! commands (`scrgadm`, `scswitch`) or the object CLI of 3.2 and 4.x (`clrt`, `clrg`, `clrs`,
//! `clrslh`, `clrssa`). Both spell the same [`plan`](super::plan); `scsim node down` stands
//! for nodes that are not members.

use super::Release;
use super::plan::{self, AUXNODE_LIST, HOSTNAME_LIST, NETIF_LIST, Net, Op, Prop};
use crate::model::ClusterState;
use crate::shellword;

/// Which command set spells the steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cli {
    Sc31,
    Object,
}

/// The script that recreates `state` with the commands of `release`.
pub(super) fn script(state: &ClusterState, release: Release) -> String {
    let ops = plan::plan(state);
    let cli = match release {
        Release::Sc31 => Cli::Sc31,
        Release::Sc32 | Release::Sc44 => Cli::Object,
    };
    let replay = replay_release(state, release, ops.iter().any(Op::needs_32));
    let mut s = Script::default();
    s.comment(&format!(
        "scsim export of cluster {} (generation {}) as {} commands; replay on a fresh cluster made with:",
        state.cluster.name,
        state.generation,
        release.model().product()
    ));
    s.comment(&format!("  {}", init_line(state, replay)));
    for op in &ops {
        match op {
            Op::Section(c) => s.section(c),
            Op::Note(c) => s.comment(c),
            op => {
                let words = match cli {
                    Cli::Sc31 => sc31(op),
                    Cli::Object => object(op),
                };
                s.line(&words);
            }
        }
    }
    s.text
}

/// The release of the fresh cluster to replay on: the cluster's own when it has the command
/// set (a 3.2 cluster has both), else the release asked for — 3.2 when 3.1 commands need 3.2
/// features (per-node switches, suspend, 3.2 properties), the one release with both sets.
fn replay_release(state: &ClusterState, release: Release, needs_32: bool) -> crate::model::Release {
    use crate::model::Release as R;
    let own = state.cluster.release;
    match release {
        Release::Sc31 if own == R::V32 || needs_32 => R::V32,
        Release::Sc32 | Release::Sc44 if own.has_object_cli() => own,
        r => r.model(),
    }
}

#[derive(Default)]
struct Script {
    text: String,
}

impl Script {
    fn comment(&mut self, c: &str) {
        self.text.push_str("# ");
        self.text.push_str(c);
        self.text.push('\n');
    }
    fn section(&mut self, c: &str) {
        self.text.push('\n');
        self.comment(c);
    }
    fn line(&mut self, words: &[String]) {
        self.text
            .push_str(&shellword::join(words.iter().map(String::as_str)));
        self.text.push('\n');
    }
}

fn w(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// `flag name=value` for every property.
fn flags(flag: &str, props: &[Prop]) -> Vec<String> {
    props
        .iter()
        .flat_map(|(k, v)| [flag.to_string(), format!("{k}={v}")])
        .collect()
}

/// `scsim init` for a fresh cluster like this one: nodes, name, quorum devices, device groups,
/// the release, and the host names and file systems its resources use (from the nodes' files).
fn init_line(state: &ClusterState, release: crate::model::Release) -> String {
    let c = &state.cluster;
    let mut words = w(&["scsim", "init", "--nodes"]);
    words.push(c.node_names().join(","));
    words.extend(["--cluster-name".to_string(), c.name.clone()]);
    if release != crate::model::Release::V31 {
        words.extend(["--release".to_string(), release.as_str().to_string()]);
    }
    words.extend([
        "--quorum-devices".to_string(),
        c.quorum_devices.len().to_string(),
    ]);
    for dg in &c.device_groups {
        words.push("--device-group".into());
        words.push(format!("{}@{}", dg.name, dg.nodes.join(",")));
    }
    let view = c.nodes.first().and_then(|n| state.files.nodes.get(&n.name));
    let mut hosts: Vec<String> = Vec::new();
    let mut mounts: Vec<String> = Vec::new();
    for r in state.resources.values() {
        for (k, v) in &r.extension {
            let crate::model::PropValue::List(list) = v else {
                continue;
            };
            if k.eq_ignore_ascii_case(HOSTNAME_LIST) {
                for h in list {
                    let Some(e) = view.and_then(|v| v.resolve(h)) else {
                        continue;
                    };
                    let arg = format!("{h}={}", e.addr);
                    if !hosts.contains(&arg) && !c.nodes.iter().any(|n| &n.name == h) {
                        hosts.push(arg);
                    }
                }
            } else if k.eq_ignore_ascii_case("FilesystemMountPoints") {
                for m in list {
                    if !mounts.contains(m) {
                        mounts.push(m.clone());
                    }
                }
            }
        }
    }
    for h in hosts {
        words.extend(["--host".to_string(), h]);
    }
    for m in mounts {
        words.extend(["--filesystem".to_string(), m]);
    }
    shellword::join(words.iter().map(String::as_str))
}

/// A step as Sun Cluster 3.1 spells it (`clrg suspend` for the one step 3.1 has no command
/// for; the script then needs a 3.2 cluster, as its first lines say).
fn sc31(op: &Op) -> Vec<String> {
    match op {
        Op::RegisterType { name, file, nodes } => {
            let mut l = w(&["scrgadm", "-a", "-t", name]);
            if let Some(f) = file {
                l.extend(["-f".to_string(), f.clone()]);
            }
            if let Some(n) = nodes {
                l.extend(["-h".to_string(), n.join(",")]);
            }
            l
        }
        Op::SystemType(t) => w(&["scrgadm", "-c", "-t", t, "-y", "RT_system=TRUE"]),
        Op::CreateGroup {
            name,
            nodes,
            scalable,
            props,
        } => {
            let mut l = w(&["scrgadm", "-a", "-g", name, "-h", &nodes.join(",")]);
            if *scalable {
                l.extend(w(&["-y", "RG_mode=Scalable"]));
            }
            l.extend(flags("-y", props));
            l
        }
        Op::CreateResource {
            name,
            group,
            rtype,
            standard,
            extension,
            ..
        } => {
            let mut l = w(&["scrgadm", "-a", "-j", name, "-g", group, "-t", rtype]);
            l.extend(flags("-y", standard));
            l.extend(flags("-x", extension));
            l
        }
        Op::SetGroup { name, props } => {
            let mut l = w(&["scrgadm", "-c", "-g", name]);
            l.extend(flags("-y", props));
            l
        }
        Op::SetResource { name, props } => {
            let mut l = w(&["scrgadm", "-c", "-j", name]);
            l.extend(flags("-y", props));
            l
        }
        Op::Manage(g) => w(&["scswitch", "-o", "-g", g]),
        Op::Enable(r) => w(&["scswitch", "-e", "-j", r]),
        Op::DisableOn(r, nodes) => w(&["scswitch", "-n", "-j", r, "-h", &nodes.join(",")]),
        Op::Unmonitor(r) => w(&["scswitch", "-n", "-M", "-j", r]),
        Op::UnmonitorOn(r, nodes) => w(&["scswitch", "-n", "-M", "-j", r, "-h", &nodes.join(",")]),
        Op::Place(g, nodes) => w(&["scswitch", "-z", "-g", g, "-h", &nodes.join(",")]),
        Op::Suspend(g) => w(&["clrg", "suspend", g]),
        op => common(op),
    }
}

/// Steps both command sets spell the same way.
fn common(op: &Op) -> Vec<String> {
    match op {
        Op::NodeDown(n) => w(&["scsim", "node", "down", n]),
        other => unreachable!("spelled by each command set: {other:?}"),
    }
}

/// A step as the 3.2 / 4.x object CLI spells it.
fn object(op: &Op) -> Vec<String> {
    match op {
        Op::RegisterType { name, file, nodes } => {
            let mut l = w(&["clrt", "register"]);
            if let Some(f) = file {
                l.extend(["-f".to_string(), f.clone()]);
            }
            if let Some(n) = nodes {
                l.extend(["-n".to_string(), n.join(",")]);
            }
            l.push(name.clone());
            l
        }
        Op::SystemType(t) => w(&["clrt", "set", "-p", "RT_system=TRUE", t]),
        Op::CreateGroup {
            name,
            nodes,
            scalable,
            props,
        } => {
            let mut l = w(&["clrg", "create"]);
            if *scalable {
                l.push("-S".into());
            }
            l.extend(["-n".to_string(), nodes.join(",")]);
            l.extend(flags("-p", props));
            l.push(name.clone());
            l
        }
        Op::CreateResource { net: Some(net), .. } => net_resource(op, *net),
        Op::CreateResource {
            name,
            group,
            rtype,
            standard,
            extension,
            net: None,
        } => {
            let mut l = w(&["clrs", "create", "-d", "-g", group, "-t", rtype]);
            l.extend(flags("-p", standard));
            l.extend(flags("-x", extension));
            l.push(name.clone());
            l
        }
        Op::SetGroup { name, props } => {
            let mut l = w(&["clrg", "set"]);
            l.extend(flags("-p", props));
            l.push(name.clone());
            l
        }
        Op::SetResource { name, props } => {
            let mut l = w(&["clrs", "set"]);
            l.extend(flags("-p", props));
            l.push(name.clone());
            l
        }
        Op::Manage(g) => w(&["clrg", "manage", g]),
        Op::Enable(r) => w(&["clrs", "enable", r]),
        Op::DisableOn(r, nodes) => w(&["clrs", "disable", "-n", &nodes.join(","), r]),
        Op::Unmonitor(r) => w(&["clrs", "unmonitor", r]),
        Op::UnmonitorOn(r, nodes) => w(&["clrs", "unmonitor", "-n", &nodes.join(","), r]),
        Op::Place(g, nodes) => w(&["clrg", "online", "-n", &nodes.join(","), g]),
        Op::Suspend(g) => w(&["clrg", "suspend", g]),
        op => common(op),
    }
}

/// `clrslh create` / `clrssa create`: HostnameList, NetIfList and AuxNodeList as `-h`, `-N`,
/// `-X`, every other property with `-p`.
fn net_resource(op: &Op, net: Net) -> Vec<String> {
    let Op::CreateResource {
        name,
        group,
        standard,
        extension,
        ..
    } = op
    else {
        unreachable!("a network resource is created by CreateResource")
    };
    let prog = match net {
        Net::Logical => "clrslh",
        Net::Shared => "clrssa",
    };
    let mut l = w(&[prog, "create", "-d", "-g", group]);
    let mut rest: Vec<Prop> = standard.clone();
    for (k, v) in extension {
        let flag = if k.eq_ignore_ascii_case(HOSTNAME_LIST) {
            "-h"
        } else if k.eq_ignore_ascii_case(NETIF_LIST) {
            "-N"
        } else if k.eq_ignore_ascii_case(AUXNODE_LIST) {
            "-X"
        } else {
            rest.push((k.clone(), v.clone()));
            continue;
        };
        if !v.is_empty() {
            l.extend([flag.to_string(), v.clone()]);
        }
    }
    l.extend(flags("-p", &rest));
    l.push(name.clone());
    l
}
