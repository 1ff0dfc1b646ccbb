//! `scconf -p` / `-pv`: the cluster configuration listing, `Cluster name:` first.
//!
//! Verified layout (System Administration Guide 3.1, "How to View the Cluster Configuration",
//! 817-6546 / 819-2971, example `scconf -p`): the cluster lines with values at column 36
//! (`Cluster name:`, `Cluster ID:`, `Cluster install mode:`, `Cluster private net:`,
//! `Cluster private netmask:`, `Cluster new node authentication:`, `Cluster new node list:`,
//! `Cluster nodes:`), then one block per node with values at column 51 (`Cluster node name:`,
//! `Node ID:`, `Node enabled:`, `Node private hostname:`, `Node quorum vote count:`,
//! `Node reservation key:`, `Node transport adapters:`), each adapter's block
//! (`Node transport adapter:`, `Adapter enabled:`, `Adapter transport type:`,
//! `Adapter property:`), then `Cluster transport junctions:` and a block per junction.
//!
//! Reconstructed (the sample stops at the junctions): the cables, quorum device and device
//! group blocks, spelled like the verified ones; the cluster ID (a hash of the cluster name),
//! the reservation keys (cluster ID and node id), `clusternodeN-priv`, the 172.16.0.0/16
//! private network and the adapter properties. `-pv` qualifies every node, adapter, junction,
//! quorum-device and device-group line with its object in parentheses, as `scrgadm -pv` does,
//! and adds the adapter properties.

use crate::model::{Cluster, ClusterState};
use std::fmt::Write;

/// Value column of the cluster lines and of the object blocks.
const TOP: usize = 36;
const BLOCK: usize = 51;

/// The cluster ID: 0x and eight hex digits, stable for a cluster name (FNV-1a).
pub fn cluster_id(c: &Cluster) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in c.name.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("0x{h:08X}")
}

fn line(out: &mut String, indent: usize, qual: Option<&str>, label: &str, col: usize, value: &str) {
    let start = out.len();
    out.push_str(&" ".repeat(indent));
    if let Some(q) = qual {
        let _ = write!(out, "({q}) ");
    }
    out.push_str(label);
    if !value.is_empty() {
        let used = out.len() - start;
        out.push_str(&" ".repeat(col.saturating_sub(used).max(1)));
        out.push_str(value);
    }
    out.push('\n');
}

/// The junctions: one switch per adapter position (`switch1`, `switch2`, …), as
/// `scsim init` cables a node's k-th adapter to the k-th switch.
fn junctions(c: &Cluster) -> Vec<String> {
    let n = c.nodes.iter().map(|n| n.adapters.len()).max().unwrap_or(0);
    (1..=n).map(|k| format!("switch{k}")).collect()
}

/// The listing; `verbose` is the number of `v`s.
pub fn render(state: &ClusterState, verbose: u8) -> String {
    let c = &state.cluster;
    let v = verbose > 0;
    let id = cluster_id(c);
    let mut out = String::with_capacity(4096 + c.nodes.len() * 1024);
    let top = |out: &mut String, label: &str, value: &str| line(out, 0, None, label, TOP, value);
    top(&mut out, "Cluster name:", &c.name);
    top(&mut out, "Cluster ID:", &id);
    top(&mut out, "Cluster install mode:", "disabled");
    top(&mut out, "Cluster private net:", "172.16.0.0");
    top(&mut out, "Cluster private netmask:", "255.255.0.0");
    top(&mut out, "Cluster new node authentication:", "unix");
    top(
        &mut out,
        "Cluster new node list:",
        "<NULL - Allow any node>",
    );
    top(&mut out, "Cluster nodes:", &c.node_names().join(" "));
    for n in &c.nodes {
        out.push_str(" \n");
        let q = v.then_some(n.name.as_str());
        line(&mut out, 0, None, "Cluster node name:", BLOCK, &n.name);
        line(&mut out, 2, q, "Node ID:", BLOCK, &n.id.to_string());
        line(&mut out, 2, q, "Node enabled:", BLOCK, "yes");
        line(
            &mut out,
            2,
            q,
            "Node private hostname:",
            BLOCK,
            &format!("clusternode{}-priv", n.id),
        );
        line(
            &mut out,
            2,
            q,
            "Node quorum vote count:",
            BLOCK,
            &n.votes.to_string(),
        );
        line(
            &mut out,
            2,
            q,
            "Node reservation key:",
            BLOCK,
            &format!("{id}{:08X}", n.id),
        );
        line(
            &mut out,
            2,
            q,
            "Node transport adapters:",
            BLOCK,
            &n.adapters.join(" "),
        );
        for a in &n.adapters {
            out.push_str(" \n");
            let qa = format!("{}:{a}", n.name);
            let qa = v.then_some(qa.as_str());
            line(&mut out, 2, q, "Node transport adapter:", BLOCK, a);
            line(&mut out, 4, qa, "Adapter enabled:", BLOCK, "yes");
            line(&mut out, 4, qa, "Adapter transport type:", BLOCK, "dlpi");
            if v {
                let dev: String = a.chars().take_while(|c| !c.is_ascii_digit()).collect();
                let inst: String = a.chars().skip_while(|c| !c.is_ascii_digit()).collect();
                line(
                    &mut out,
                    4,
                    qa,
                    "Adapter property:",
                    BLOCK,
                    &format!("device_name={dev}"),
                );
                line(
                    &mut out,
                    4,
                    qa,
                    "Adapter property:",
                    BLOCK,
                    &format!("device_instance={inst}"),
                );
            }
        }
    }
    let js = junctions(c);
    out.push_str(" \n");
    line(
        &mut out,
        0,
        None,
        "Cluster transport junctions:",
        BLOCK,
        &js.join(" "),
    );
    let ports: Vec<String> = c.nodes.iter().map(|n| n.id.to_string()).collect();
    for j in &js {
        out.push_str(" \n");
        let q = v.then_some(j.as_str());
        line(&mut out, 0, None, "Cluster transport junction:", BLOCK, j);
        line(&mut out, 2, q, "Junction enabled:", BLOCK, "yes");
        line(&mut out, 2, q, "Junction type:", BLOCK, "switch");
        line(
            &mut out,
            2,
            q,
            "Junction port names:",
            BLOCK,
            &ports.join(" "),
        );
    }
    render_cables(&mut out, c, &js);
    render_quorum_and_devices(&mut out, c, v);
    out
}

fn render_cables(out: &mut String, c: &Cluster, js: &[String]) {
    out.push_str(" \nCluster transport cables\n \n");
    out.push_str(
        "                    Endpoint                      Endpoint                      State\n",
    );
    out.push_str(
        "                    --------                      --------                      -----\n",
    );
    for n in &c.nodes {
        for (k, a) in n.adapters.iter().enumerate() {
            let from = format!("{}:{a}@0", n.name);
            let to = format!("{}@{}", js[k], n.id);
            let _ = writeln!(out, "  Transport cable:   {from:<30}{to:<30}Enabled");
        }
    }
}

fn render_quorum_and_devices(out: &mut String, c: &Cluster, v: bool) {
    let short = |name: &str| {
        name.strip_prefix("/dev/did/rdsk/")
            .and_then(|s| s.strip_suffix("s2"))
            .unwrap_or(name)
            .to_string()
    };
    let qnames: Vec<String> = c.quorum_devices.iter().map(|d| short(&d.name)).collect();
    out.push_str(" \n");
    line(out, 0, None, "Quorum devices:", BLOCK, &qnames.join(" "));
    for (d, qn) in c.quorum_devices.iter().zip(&qnames) {
        out.push_str(" \n");
        let q = v.then_some(qn.as_str());
        line(out, 0, None, "Quorum device name:", BLOCK, qn);
        line(
            out,
            2,
            q,
            "Quorum device votes:",
            BLOCK,
            &d.votes.to_string(),
        );
        line(out, 2, q, "Quorum device enabled:", BLOCK, "yes");
        line(out, 2, q, "Quorum device name:", BLOCK, &d.name);
        line(
            out,
            2,
            q,
            "Quorum device hosts (enabled):",
            BLOCK,
            &d.nodes.join(" "),
        );
        line(out, 2, q, "Quorum device hosts (disabled):", BLOCK, "");
        line(out, 2, q, "Quorum device access mode:", BLOCK, "scsi2");
    }
    for g in &c.device_groups {
        out.push_str(" \n");
        let q = v.then_some(g.name.as_str());
        line(out, 0, None, "Device group name:", BLOCK, &g.name);
        line(out, 2, q, "Device group type:", BLOCK, "SVM");
        line(out, 2, q, "Device group failback enabled:", BLOCK, "no");
        line(
            out,
            2,
            q,
            "Device group node list:",
            BLOCK,
            &g.nodes.join(", "),
        );
        line(out, 2, q, "Device group ordered node list:", BLOCK, "yes");
        line(out, 2, q, "Diskset name:", BLOCK, &g.name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::init::{InitOptions, new_cluster};

    #[test]
    fn cluster_name_first_and_values_at_the_sample_columns() {
        let s = new_cluster(
            &InitOptions {
                nodes: vec!["phys-schost-1".into(), "phys-schost-2".into()],
                cluster_name: Some("cluster-1".into()),
                ..Default::default()
            },
            0,
        )
        .unwrap();
        let out = render(&s, 0);
        let first = out.lines().next().unwrap();
        assert_eq!(
            first,
            format!("Cluster name:{}cluster-1", " ".repeat(36 - 13))
        );
        assert!(
            out.contains(&format!("  Node ID:{}1\n", " ".repeat(51 - 10))),
            "{out}"
        );
        assert!(out.contains("Cluster nodes:                      phys-schost-1 phys-schost-2\n"));
        assert!(!out.lines().any(|l| l.ends_with(' ') && l != " "), "{out}");
        let v = render(&s, 1);
        assert!(v.contains("  (phys-schost-1) Node ID:"), "{v}");
        assert_eq!(cluster_id(&s.cluster), cluster_id(&s.cluster));
    }
}
