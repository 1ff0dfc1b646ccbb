//! `scsim init`: a new cluster, as scinstall would leave it.

use crate::error::{ErrorCode, Result, ScError};
use crate::fasthash::NameMap;
use crate::model::nodefiles::{self, FileChange, VfstabEntry};
use crate::model::{
    Clock, Cluster, ClusterState, DeviceGroup, EventLog, IpmpGroup, NamedMap, Node, SCHEMA_VERSION,
    TransportPath,
};

/// What `scsim init` was asked for.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    pub nodes: Vec<String>,
    pub cluster_name: Option<String>,
    /// `None` = one device on a 2-node cluster, none otherwise. Device k is dual-ported
    /// between the nodes of pair k (1-2, 3-4, … wrapping around).
    pub quorum_devices: Option<u32>,
    /// `NAME[@node,...]`: quorum devices with the nodes they are connected to (all nodes when
    /// no list is given); a device has one vote less than its connected nodes.
    pub quorum_device_specs: Vec<String>,
    /// `NODE=ADAPTER,...`: the private interconnect adapters of a node (default qfe1,hme1).
    pub adapters: Vec<String>,
    /// `GROUP@NODE=ADAPTER,...`: IPMP groups of a node (default one group ipmp0 over qfe0,qfe4).
    pub ipmp: Vec<String>,
    /// `NAME` or `NAME@node,node`.
    pub device_groups: Vec<String>,
    /// Event-log entries to keep at least (0 = the default); sizes the messages files when
    /// `log_file_bytes` is not given (older option, kept for scripts).
    pub log_capacity: usize,
    /// The release the cluster runs (which command sets exist).
    pub release: crate::model::Release,
    /// Size at which the messages file rotates (0 = the default).
    pub log_file_bytes: u64,
    /// Messages files kept in all, the current one included (0 = the default).
    pub log_files: u32,
    /// `NAME=IP` entries for every node's `/etc/hosts`.
    pub hosts: Vec<String>,
    /// Mount points of failover file systems for every node's `/etc/vfstab`.
    pub filesystems: Vec<String>,
    /// Bind the new state to a Pacemaker cluster (`None`: the simulator).
    pub backend: Option<crate::model::Binding>,
}

/// Bytes an entry takes in the messages file, about (for `--log-capacity`).
const ENTRY_BYTES: u64 = 320;

/// The event-log settings `opts` ask for.
fn log_settings(opts: &InitOptions) -> EventLog {
    let files = if opts.log_files == 0 {
        EventLog::DEFAULT_FILES
    } else {
        opts.log_files
    };
    let file_bytes = match (opts.log_file_bytes, opts.log_capacity) {
        (0, 0) => EventLog::DEFAULT_FILE_BYTES,
        // Rotation drops a whole file: keep `capacity` entries in the others.
        (0, cap) => (cap as u64 * ENTRY_BYTES)
            .div_ceil(u64::from(files.saturating_sub(1).max(1)))
            .max(4096),
        (b, _) => b,
    };
    let mut log = EventLog::new();
    log.file_bytes = file_bytes;
    log.files = files;
    log
}

/// Private interconnect adapters every simulated node gets (two paths per node pair).
pub const INTERCONNECT_ADAPTERS: [&str; 2] = ["qfe1", "hme1"];
/// Public-network adapters of the one IPMP group per node.
pub const PUBLIC_ADAPTERS: [&str; 2] = ["qfe0", "qfe4"];

/// Legal RGM-style name: ASCII letter first, then letters, digits, `-`, `_` (≤ 255).
pub fn is_legal_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && s.len() <= 255
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Build the initial state. Registers the pre-registered system types.
pub fn new_cluster(opts: &InitOptions, now_ms: u64) -> Result<ClusterState> {
    if opts.nodes.is_empty() {
        return Err(
            ScError::inval("init needs at least one node").hint("scsim init --nodes mail-1,mail-2")
        );
    }
    let mut nodes = new_nodes(opts)?;
    super::topology::apply_adapters(&mut nodes, &opts.adapters)?;
    super::topology::apply_ipmp(&mut nodes, &opts.ipmp)?;
    let transport_paths = full_mesh(&nodes);
    let all: Vec<String> = nodes.iter().map(|n| n.name.clone()).collect();
    let quorum_devices =
        super::topology::quorum_devices(&all, opts.quorum_devices, &opts.quorum_device_specs)?;
    let device_groups = new_device_groups(opts, &all)?;
    let name = opts
        .cluster_name
        .clone()
        .unwrap_or_else(|| "sc-cluster".to_string());
    if !is_legal_name(&name) {
        return Err(ScError::inval(format!(
            "cluster name \"{name}\" is not legal: it must start with a letter and contain only letters, digits, '-' and '_'"
        )));
    }
    let mut resource_types = NameMap::default();
    for rt in crate::rtr::builtin_types() {
        if rt.is_network_address() {
            let rt = super::catalog::for_release(rt, opts.release);
            resource_types.insert(rt.name.clone(), rt);
        }
    }
    Ok(ClusterState {
        schema_version: SCHEMA_VERSION,
        generation: 0,
        cluster: Cluster {
            name,
            nodes,
            transport_paths,
            quorum_devices,
            device_groups,
            release: opts.release,
        },
        resource_types,
        resource_groups: NamedMap::default(),
        resources: NamedMap::default(),
        clock: Clock { now_ms },
        events: log_settings(opts),
        faults: Vec::new(),
        files: Default::default(),
        backend: opts.backend.clone(),
    })
}

/// The nodes' initial system files: `/etc/hosts` with the nodes and every `--host`, and
/// `/etc/vfstab` with a failover file system's line for every `--filesystem`, on every node.
pub fn initial_files(opts: &InitOptions, state: &ClusterState) -> Result<Vec<FileChange>> {
    let mut hosts: Vec<(String, String)> = Vec::new();
    for h in &opts.hosts {
        let Some((name, addr)) = h.split_once('=') else {
            return Err(ScError::inval(format!(
                "--host {h}: write NAME=IP, e.g. --host budgie=192.0.2.10"
            )));
        };
        let (name, addr) = (name.trim(), addr.trim());
        if addr.parse::<std::net::IpAddr>().is_err() {
            return Err(ScError::inval(format!(
                "--host {h}: {addr} is not an IP address (e.g. 192.0.2.10)"
            )));
        }
        let legal = !name.is_empty()
            && name.len() <= 255
            && name
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        if !legal || nodefiles::is_address(name) {
            return Err(ScError::inval(format!(
                "--host {h}: \"{name}\" is not a host name (letters, digits, '-' and '.')"
            )));
        }
        if hosts.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
            || state
                .cluster
                .nodes
                .iter()
                .any(|n| n.name.eq_ignore_ascii_case(name))
        {
            return Err(ScError::inval(format!(
                "--host {h}: {name} is given twice (the nodes are in /etc/hosts already)"
            )));
        }
        hosts.push((name.to_string(), addr.to_string()));
    }
    let mut vfstab: Vec<VfstabEntry> = Vec::new();
    for m in &opts.filesystems {
        let m = m.trim().trim_end_matches('/');
        if !m.starts_with('/') || m.contains(char::is_whitespace) || m.split('/').any(|c| c == "..")
        {
            return Err(ScError::inval(format!(
                "--filesystem {m}: give the mount point as an absolute path without blanks, e.g. /global/mail1"
            )));
        }
        if vfstab.iter().any(|e| e.mount_point == m) {
            return Err(ScError::inval(format!("--filesystem {m} is given twice")));
        }
        vfstab.push(VfstabEntry::failover(m, vfstab.len()));
    }
    let mut out = Vec::new();
    for n in &state.cluster.nodes {
        out.push(FileChange::Write {
            node: n.name.clone(),
            path: "/etc/hosts".into(),
            content: nodefiles::hosts_file(state, &hosts, ""),
        });
        out.push(FileChange::Write {
            node: n.name.clone(),
            path: "/etc/vfstab".into(),
            content: nodefiles::vfstab_file(&vfstab, ""),
        });
    }
    Ok(out)
}

/// The nodes of `--nodes`, ids 1..n, each with the interconnect and public adapters.
fn new_nodes(opts: &InitOptions) -> Result<Vec<Node>> {
    let mut nodes: Vec<Node> = Vec::new();
    // A quoted list may have spaces after its commas ("a, b"), as scrgadm and scswitch allow.
    for (i, name) in opts.nodes.iter().map(|n| n.trim()).enumerate() {
        if name.is_empty() {
            return Err(ScError::inval(
                "--nodes has an empty node name: write the list without spaces or empty entries, e.g. --nodes mail-1,mail-2",
            ));
        }
        if !is_legal_name(name) {
            return Err(ScError::new(
                ErrorCode::Node,
                format!(
                    "node name \"{name}\" is not legal: it must start with a letter and contain only letters, digits, '-' and '_'"
                ),
            ));
        }
        if nodes.iter().any(|n| n.name == name) {
            return Err(ScError::new(
                ErrorCode::Node,
                format!("node {name} is listed twice in --nodes"),
            ));
        }
        if nodes.len() >= 64 {
            return Err(ScError::new(
                ErrorCode::Node,
                "a cluster has at most 64 nodes",
            ));
        }
        nodes.push(Node {
            id: i as u32 + 1,
            name: name.to_string(),
            up: true,
            votes: 1,
            adapters: INTERCONNECT_ADAPTERS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            ipmp_groups: vec![IpmpGroup {
                name: "ipmp0".to_string(),
                adapters: PUBLIC_ADAPTERS.iter().map(|s| s.to_string()).collect(),
            }],
            evacuated_until: None,
        });
    }
    Ok(nodes)
}

/// A transport path per pair of nodes and interconnect: a node's k-th adapter is cabled to the
/// k-th switch, so the pair gets one path per adapter position both nodes have.
fn full_mesh(nodes: &[Node]) -> Vec<TransportPath> {
    let mut transport_paths = Vec::new();
    for (i, a) in nodes.iter().enumerate() {
        for b in &nodes[i + 1..] {
            for (x, y) in a.adapters.iter().zip(&b.adapters) {
                transport_paths.push(TransportPath {
                    endpoint_a: format!("{}:{x}", a.name),
                    endpoint_b: format!("{}:{y}", b.name),
                });
            }
        }
    }
    transport_paths
}

/// The device groups of `--device-group NAME[@node,...]` (`all`: the cluster's nodes).
fn new_device_groups(opts: &InitOptions, all: &[String]) -> Result<Vec<DeviceGroup>> {
    let mut device_groups: Vec<DeviceGroup> = Vec::new();
    for spec in &opts.device_groups {
        let (name, list) = match spec.split_once('@') {
            Some((n, l)) => (n.trim(), Some(l)),
            None => (spec.trim(), None),
        };
        if !is_legal_name(name) {
            return Err(ScError::inval(format!(
                "device group name \"{name}\" is not legal: it must start with a letter and contain only letters, digits, '-' and '_'"
            )));
        }
        if device_groups.iter().any(|d| d.name == name) {
            return Err(ScError::inval(format!(
                "device group {name} is given twice"
            )));
        }
        let dg_nodes: Vec<String> = match list {
            None => all.to_vec(),
            Some(l) => l.split(',').map(|n| n.trim().to_string()).collect(),
        };
        for n in &dg_nodes {
            if !all.contains(n) {
                return Err(ScError::new(
                    ErrorCode::Node,
                    format!(
                        "device group {name}: node {n} is not one of --nodes ({})",
                        all.join(",")
                    ),
                ));
            }
        }
        device_groups.push(DeviceGroup {
            name: name.to_string(),
            primary: dg_nodes.first().cloned(),
            nodes: dg_nodes,
            maintenance: false,
        });
    }
    Ok(device_groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(nodes: &[&str]) -> InitOptions {
        InitOptions {
            nodes: nodes.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn two_node_cluster_gets_one_quorum_device() {
        let s = new_cluster(&opts(&["mail-1", "mail-2"]), 0).unwrap();
        assert_eq!(s.cluster.nodes[0].id, 1);
        assert_eq!(s.cluster.nodes[1].id, 2);
        assert_eq!(s.cluster.transport_paths.len(), 2);
        assert_eq!(s.cluster.quorum_devices.len(), 1);
        assert_eq!(s.cluster.quorum_devices[0].votes, 1);
    }

    #[test]
    fn four_nodes_two_dual_ported_disks_give_six_votes() {
        let mut o = opts(&["p1", "p2", "p3", "p4"]);
        o.quorum_devices = Some(2);
        let s = new_cluster(&o, 0).unwrap();
        let q = &s.cluster.quorum_devices;
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].nodes, ["p1", "p2"]);
        assert_eq!(q[1].nodes, ["p3", "p4"]);
        let possible: u32 = s.cluster.nodes.iter().map(|n| n.votes).sum::<u32>()
            + q.iter().map(|d| d.votes).sum::<u32>();
        assert_eq!(possible, 6);
    }

    #[test]
    fn adapters_ipmp_and_quorum_devices_as_given() {
        let mut o = opts(&["a", "b", "c"]);
        o.adapters = vec!["a=ce1,ce3".into(), "b=ce1,ce3".into(), "c=ce1".into()];
        o.ipmp = vec!["sc_ipmp0@a=ce0,ce2".into(), "sc_ipmp1@a=ce4".into()];
        o.quorum_device_specs = vec!["d4@a,b".into(), "/dev/did/rdsk/d9s2".into()];
        let s = new_cluster(&o, 0).unwrap();
        // a-b over both adapters, a-c and b-c over the first only.
        assert_eq!(s.cluster.transport_paths.len(), 4);
        assert_eq!(s.cluster.nodes[0].ipmp_groups.len(), 2);
        assert_eq!(s.cluster.nodes[0].ipmp_groups[0].name, "sc_ipmp0");
        assert_eq!(s.cluster.nodes[1].ipmp_groups[0].name, "ipmp0");
        let q = &s.cluster.quorum_devices;
        assert_eq!((q[0].name.as_str(), q[0].votes), ("/dev/did/rdsk/d4s2", 1));
        assert_eq!((q[1].name.as_str(), q[1].votes), ("/dev/did/rdsk/d9s2", 2));
        o.quorum_devices = Some(1);
        assert_eq!(new_cluster(&o, 0).unwrap_err().code, ErrorCode::Inval);
    }

    #[test]
    fn three_nodes_have_three_pairs_and_no_quorum_device() {
        let s = new_cluster(&opts(&["a", "b", "c"]), 0).unwrap();
        assert_eq!(s.cluster.transport_paths.len(), 6);
        assert!(s.cluster.quorum_devices.is_empty());
    }

    #[test]
    fn rejects_bad_nodes() {
        assert!(new_cluster(&opts(&["a", "a"]), 0).is_err());
        assert!(new_cluster(&opts(&["1a"]), 0).is_err());
        assert!(new_cluster(&opts(&[]), 0).is_err());
    }

    #[test]
    fn device_group_nodes_must_exist() {
        let mut o = opts(&["a", "b"]);
        o.device_groups = vec!["dg1@a,z".into()];
        assert_eq!(new_cluster(&o, 0).unwrap_err().code, ErrorCode::Node);
        o.device_groups = vec!["dg1@b,a".into()];
        let s = new_cluster(&o, 0).unwrap();
        assert_eq!(s.cluster.device_groups[0].primary.as_deref(), Some("b"));
    }
}
