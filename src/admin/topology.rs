//! The topology options of `scsim init`: interconnect adapters per node, IPMP groups per node,
//! and quorum devices with the nodes they are connected to. A quorum device has one vote less
//! than the nodes connected to it (a dual-ported disk between two nodes: 1 vote), the rule of
//! the Sun Cluster concepts guide; so the System Administration Guide's four nodes with two
//! dual-ported quorum disks have 6 votes possible and 4 needed.

use crate::error::{ErrorCode, Result, ScError};
use crate::model::{IpmpGroup, Node, QuorumDevice};

/// Split `KEY=a,b,c` (`what` names the option for messages).
fn key_list<'a>(spec: &'a str, what: &str, example: &str) -> Result<(&'a str, Vec<String>)> {
    let Some((key, list)) = spec.split_once('=') else {
        return Err(ScError::inval(format!("{what} {spec}: write {example}")));
    };
    let items: Vec<String> = list.split(',').map(|s| s.trim().to_string()).collect();
    if items.iter().any(String::is_empty) {
        return Err(ScError::inval(format!(
            "{what} {spec}: an adapter name is empty; write {example}"
        )));
    }
    Ok((key.trim(), items))
}

fn node_index(nodes: &[Node], name: &str, what: &str) -> Result<usize> {
    nodes.iter().position(|n| n.name == name).ok_or_else(|| {
        let names: Vec<&str> = nodes.iter().map(|n| n.name.as_str()).collect();
        ScError::new(
            ErrorCode::Node,
            format!("{what}: {name} is not one of --nodes ({})", names.join(",")),
        )
    })
}

fn check_adapter(what: &str, a: &str) -> Result<()> {
    if a.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    {
        Ok(())
    } else {
        Err(ScError::inval(format!(
            "{what}: \"{a}\" is not an adapter name (e.g. qfe1, ce0, bge2)"
        )))
    }
}

/// `--adapters NODE=ADAPTER,...`: the node's private interconnect adapters.
pub(super) fn apply_adapters(nodes: &mut [Node], specs: &[String]) -> Result<()> {
    let mut seen: Vec<usize> = Vec::new();
    for spec in specs {
        let what = format!("--adapters {spec}");
        let (node, list) = key_list(
            spec,
            "--adapters",
            "--adapters NODE=ADAPTER,ADAPTER (e.g. mail-1=qfe1,hme1)",
        )?;
        let i = node_index(nodes, node, &what)?;
        if seen.contains(&i) {
            return Err(ScError::inval(format!(
                "{what}: node {node} is given twice"
            )));
        }
        seen.push(i);
        for (k, a) in list.iter().enumerate() {
            check_adapter(&what, a)?;
            if list[..k].contains(a) {
                return Err(ScError::inval(format!(
                    "{what}: adapter {a} is listed twice"
                )));
            }
        }
        nodes[i].adapters = list;
    }
    Ok(())
}

/// `--ipmp GROUP@NODE=ADAPTER,...`: a node given here gets exactly the groups given for it,
/// in order (the first is the one NetIfList defaults use).
pub(super) fn apply_ipmp(nodes: &mut [Node], specs: &[String]) -> Result<()> {
    let mut given: Vec<(usize, IpmpGroup)> = Vec::new();
    for spec in specs {
        let what = format!("--ipmp {spec}");
        let example = "--ipmp GROUP@NODE=ADAPTER,ADAPTER (e.g. sc_ipmp0@mail-1=qfe0,qfe4)";
        let (key, adapters) = key_list(spec, "--ipmp", example)?;
        let Some((group, node)) = key.split_once('@') else {
            return Err(ScError::inval(format!("{what}: write {example}")));
        };
        let i = node_index(nodes, node.trim(), &what)?;
        let group = group.trim();
        if !super::init::is_legal_name(group) {
            return Err(ScError::inval(format!(
                "{what}: IPMP group name \"{group}\" is not legal: it must start with a letter and contain only letters, digits, '-' and '_'"
            )));
        }
        for a in &adapters {
            check_adapter(&what, a)?;
        }
        if given.iter().any(|(j, g)| *j == i && g.name == group) {
            return Err(ScError::inval(format!(
                "{what}: group {group} is given twice for {node}"
            )));
        }
        given.push((
            i,
            IpmpGroup {
                name: group.to_string(),
                adapters,
            },
        ));
    }
    for (i, n) in nodes.iter_mut().enumerate() {
        let mine: Vec<IpmpGroup> = given
            .iter()
            .filter(|(j, _)| *j == i)
            .map(|(_, g)| g.clone())
            .collect();
        if !mine.is_empty() {
            n.ipmp_groups = mine;
        }
    }
    Ok(())
}

/// The quorum devices: `count` dual-ported disks (`--quorum-devices N`, device k between
/// the nodes of pair k), or the devices of `specs` (`--quorum-device NAME[@node,...]`), or by
/// default one device on a 2-node cluster.
pub(super) fn quorum_devices(
    all: &[String],
    count: Option<u32>,
    specs: &[String],
) -> Result<Vec<QuorumDevice>> {
    if count.is_some() && !specs.is_empty() {
        return Err(ScError::inval(
            "--quorum-devices and --quorum-device cannot be combined",
        )
        .hint("give every device with --quorum-device NAME@NODE,NODE, or only a count with --quorum-devices N"));
    }
    if !specs.is_empty() {
        return from_specs(all, specs);
    }
    let n = count.unwrap_or(if all.len() == 2 { 1 } else { 0 });
    if n > 32 {
        return Err(ScError::inval(format!(
            "--quorum-devices {n}: at most 32 quorum devices"
        )));
    }
    if n > 0 && all.len() < 2 {
        return Err(ScError::inval(
            "--quorum-devices: a quorum device needs two nodes to connect to",
        ));
    }
    Ok((0..n as usize)
        .map(|k| {
            let a = (2 * k) % all.len();
            let b = (2 * k + 1) % all.len();
            let nodes = if all.len() == 2 {
                all.to_vec()
            } else {
                vec![all[a].clone(), all[b].clone()]
            };
            device(format!("/dev/did/rdsk/d{}s2", k + 2), nodes)
        })
        .collect())
}

fn device(name: String, nodes: Vec<String>) -> QuorumDevice {
    QuorumDevice {
        name,
        votes: (nodes.len() as u32).saturating_sub(1).max(1),
        nodes,
    }
}

fn from_specs(all: &[String], specs: &[String]) -> Result<Vec<QuorumDevice>> {
    let mut out: Vec<QuorumDevice> = Vec::new();
    for spec in specs {
        let what = format!("--quorum-device {spec}");
        let (name, list) = match spec.split_once('@') {
            Some((n, l)) => (n.trim(), Some(l)),
            None => (spec.trim(), None),
        };
        // `d4` is the DID device /dev/did/rdsk/d4s2, as scconf -a -q globaldev=d4 takes it.
        let name = if name.starts_with("/dev/") {
            name.to_string()
        } else if name.len() > 1
            && name.starts_with('d')
            && name[1..].chars().all(|c| c.is_ascii_digit())
        {
            format!("/dev/did/rdsk/{name}s2")
        } else {
            return Err(ScError::inval(format!(
                "{what}: \"{name}\" is not a DID device: write dN (e.g. d4) or a path such as /dev/did/rdsk/d4s2"
            )));
        };
        if out.iter().any(|d| d.name == name) {
            return Err(ScError::inval(format!("{what}: {name} is given twice")));
        }
        let nodes: Vec<String> = match list {
            None => all.to_vec(),
            Some(l) => l.split(',').map(|n| n.trim().to_string()).collect(),
        };
        for (k, n) in nodes.iter().enumerate() {
            if !all.contains(n) {
                return Err(ScError::new(
                    ErrorCode::Node,
                    format!("{what}: {n} is not one of --nodes ({})", all.join(",")),
                ));
            }
            if nodes[..k].contains(n) {
                return Err(ScError::new(
                    ErrorCode::Node,
                    format!("{what}: node {n} is listed twice"),
                ));
            }
        }
        if nodes.len() < 2 {
            return Err(ScError::new(
                ErrorCode::Node,
                format!("{what}: a quorum device is connected to at least two nodes"),
            ));
        }
        out.push(device(name, nodes));
    }
    Ok(out)
}
