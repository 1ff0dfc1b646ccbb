//! What the cluster's commands know of the simulated nodes' system files: each node's
//! `/etc/hosts` and `/etc/vfstab`, the Messaging Server installations on its local disk and
//! the configuration they point at. `store::noderoot` reads the files into a [`NodeFiles`]
//! when it loads the state (it is never saved in the state file); the agents' Validate (admin)
//! and the SUNW.ims Start (engine) read it; [`FileChange`]s are what commands ask the store
//! to write. The line formats (hosts(4), vfstab(4)) are parsed and printed here.

use super::{ClusterState, PropValue};
use std::collections::BTreeMap;

/// The extension property of SUNW.HAStoragePlus naming its file systems.
pub const MOUNT_POINTS_PROP: &str = "FilesystemMountPoints";

/// The node files as read with the state (derived; not part of the state file).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeFiles {
    /// Whether node files were read. A state built in memory (unit tests, scenarios) has none
    /// and its agents check nothing against them.
    pub loaded: bool,
    /// Per node, by name.
    pub nodes: BTreeMap<String, NodeView>,
    /// Files the engine's simulated agents wrote during the command (Messaging Server log
    /// lines), written by the store when the command commits.
    pub outbox: Vec<FileChange>,
}

/// One node's system files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeView {
    pub hosts: Vec<HostEntry>,
    pub vfstab: Vec<VfstabEntry>,
    /// Messaging Server installations on the node's local disk, by base directory.
    pub msg: BTreeMap<String, MsgInstall>,
}

/// One `/etc/hosts` line: an address and its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostEntry {
    pub addr: String,
    pub names: Vec<String>,
}

/// One `/etc/vfstab` line (seven fields, `-` for an empty one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VfstabEntry {
    pub device: String,
    pub raw_device: String,
    pub mount_point: String,
    pub fs_type: String,
    pub fsck_pass: String,
    pub at_boot: String,
    pub options: String,
}

/// A Messaging Server installed on a node (`msg_svr_base`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MsgInstall {
    /// Where `msg_svr_base/config` points, as a path on the node (`None`: neither configure
    /// nor useconfig has run there).
    pub config_dir: Option<String>,
    /// The configuration in that directory, read from where its content lives (shared
    /// storage content is read whether or not it is mounted on the node); `None` when the
    /// directory holds no configuration.
    pub config: Option<MsgConfig>,
}

/// The parts of a Messaging Server configuration the cluster agent reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MsgConfig {
    /// configutil parameters (`msg.conf`).
    pub values: BTreeMap<String, String>,
    /// Host names that `imta.cnf` names (rewrite-rule patterns and channel tags).
    pub imta_hosts: Vec<String>,
}

impl MsgConfig {
    /// A boolean configutil parameter as the Messaging Server reads it (`1`, `yes`, `on`,
    /// `true`); `default` when unset.
    pub fn flag(&self, name: &str, default: bool) -> bool {
        match self.values.get(name) {
            None => default,
            Some(v) => matches!(v.to_ascii_lowercase().as_str(), "1" | "yes" | "on" | "true"),
        }
    }
}

/// A change to a node's files, by path on the node (`/opt/SUNWmsgsr/config/msg.conf`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    /// Replace (or create) a file.
    Write {
        node: String,
        path: String,
        content: String,
    },
    /// Append to a file (created if missing).
    Append {
        node: String,
        path: String,
        text: String,
    },
    /// Make `path` a symbolic link to the directory `target` (a path on the same node).
    Link {
        node: String,
        path: String,
        target: String,
    },
    /// Rename a file (`dispatcher.cnf` to `dispatcher.cnf.pre-ha`); nothing if it is missing.
    Rename {
        node: String,
        from: String,
        to: String,
    },
}

impl HostEntry {
    /// Parse one hosts(4) line; `None` for a comment or blank line.
    pub fn parse(line: &str) -> Option<HostEntry> {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let addr = words.next()?.to_string();
        let names: Vec<String> = words.map(str::to_string).collect();
        if names.is_empty() {
            return None;
        }
        Some(HostEntry { addr, names })
    }
}

impl VfstabEntry {
    /// Parse one vfstab(4) line; `None` for a comment, blank or short line.
    pub fn parse(line: &str) -> Option<VfstabEntry> {
        if line.trim_start().starts_with('#') {
            return None;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 7 {
            return None;
        }
        Some(VfstabEntry {
            device: f[0].into(),
            raw_device: f[1].into(),
            mount_point: f[2].into(),
            fs_type: f[3].into(),
            fsck_pass: f[4].into(),
            at_boot: f[5].into(),
            options: f[6].into(),
        })
    }

    /// A failover file system's line for `mount_point`, on a metadevice numbered `n`
    /// (`/dev/md/mailds/dsk/d100`).
    pub fn failover(mount_point: &str, n: usize) -> VfstabEntry {
        let d = 100 + n;
        VfstabEntry {
            device: format!("/dev/md/sc-ds/dsk/d{d}"),
            raw_device: format!("/dev/md/sc-ds/rdsk/d{d}"),
            mount_point: mount_point.into(),
            fs_type: "ufs".into(),
            fsck_pass: "2".into(),
            at_boot: "no".into(),
            options: "logging".into(),
        }
    }

    /// The line as vfstab(4) writes it (tab-separated).
    pub fn line(&self) -> String {
        [
            &self.device,
            &self.raw_device,
            &self.mount_point,
            &self.fs_type,
            &self.fsck_pass,
            &self.at_boot,
            &self.options,
        ]
        .map(|s| s.as_str())
        .join("\t")
    }

    /// A cluster (global) file system: `global` among the mount options.
    pub fn is_global(&self) -> bool {
        self.options.split(',').any(|o| o == "global")
    }

    /// Mounted at boot (field 6 `yes`).
    pub fn at_boot(&self) -> bool {
        self.at_boot.eq_ignore_ascii_case("yes")
    }
}

impl NodeView {
    /// The hosts entry naming `host` (case-insensitive, as the resolver is).
    pub fn resolve(&self, host: &str) -> Option<&HostEntry> {
        self.hosts
            .iter()
            .find(|e| e.names.iter().any(|n| n.eq_ignore_ascii_case(host)))
    }

    /// The vfstab line of `mount_point`.
    pub fn vfstab_entry(&self, mount_point: &str) -> Option<&VfstabEntry> {
        self.vfstab.iter().find(|e| e.mount_point == mount_point)
    }

    /// The vfstab line whose mount point holds `path` (the longest one).
    pub fn filesystem_of(&self, path: &str) -> Option<&VfstabEntry> {
        self.vfstab
            .iter()
            .filter(|e| under(path, &e.mount_point))
            .max_by_key(|e| e.mount_point.len())
    }
}

/// Whether `path` is `dir` or lies under it.
pub fn under(path: &str, dir: &str) -> bool {
    let dir = dir.trim_end_matches('/');
    path == dir || path.strip_prefix(dir).is_some_and(|r| r.starts_with('/'))
}

/// Whether `host` is an IPv4 or IPv6 literal (which needs no name service).
pub fn is_address(host: &str) -> bool {
    host.parse::<std::net::IpAddr>().is_ok()
}

impl ClusterState {
    /// The file systems an HAStoragePlus resource has mounted on `node` (running there).
    pub fn failover_mounts_on(&self, node: &str) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        // The registered HAStoragePlus types (one or two), looked up once rather than per
        // resource: most clusters have far more resources than types.
        let hasp: Vec<&str> = self
            .resource_types
            .iter()
            .filter(|(_, t)| t.resource_type.eq_ignore_ascii_case("HAStoragePlus"))
            .map(|(name, _)| name.as_str())
            .collect();
        if hasp.is_empty() {
            return out;
        }
        for r in self.resources.values() {
            if !hasp.contains(&r.rtype.as_str()) || !r.state_on(node).is_running() {
                continue;
            }
            if let Some(PropValue::List(mounts)) = r.extension.get(MOUNT_POINTS_PROP) {
                out.extend(mounts.iter().map(|m| (m.as_str(), r.name.as_str())));
            }
        }
        out
    }

    /// Whether the file system of vfstab line `e` is mounted on `node`: a cluster file
    /// system on every up node, a failover one where an HAStoragePlus resource that lists it
    /// runs.
    pub fn is_mounted(&self, node: &str, e: &VfstabEntry) -> bool {
        if e.is_global() {
            return self.cluster.is_up(node);
        }
        self.failover_mounts_on(node)
            .iter()
            .any(|(m, _)| *m == e.mount_point)
    }
}

/// The address a node has on the public network in the simulation (TEST-NET-2).
pub fn node_address(id: u32) -> String {
    format!("198.51.100.{id}")
}

/// An `/etc/hosts` file: localhost, the cluster's nodes, then `extra` (name, address).
pub fn hosts_file(state: &ClusterState, extra: &[(String, String)], note: &str) -> String {
    let mut s = String::from("#\n# Internet host table\n#\n");
    if !note.is_empty() {
        s.push_str(&format!("# {note}\n"));
    }
    s.push_str("127.0.0.1\tlocalhost\n");
    for n in &state.cluster.nodes {
        s.push_str(&format!("{}\t{}\n", node_address(n.id), n.name));
    }
    for (name, addr) in extra {
        s.push_str(&format!("{addr}\t{name}\n"));
    }
    s
}

/// An `/etc/vfstab` file with `entries` after the standard header.
pub fn vfstab_file(entries: &[VfstabEntry], note: &str) -> String {
    let mut s = String::from(
        "#device\t\tdevice\t\tmount\t\tFS\tfsck\tmount\tmount\n#to mount\tto fsck\t\tpoint\t\ttype\tpass\tat boot\toptions\n#\n",
    );
    if !note.is_empty() {
        s.push_str(&format!("# {note}\n"));
    }
    for e in entries {
        s.push_str(&e.line());
        s.push('\n');
    }
    s
}

/// The parameters of a `msg.conf` (`name = value`, `name = "value with blanks"`).
pub fn parse_msg_conf(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let (k, v) = l.split_once('=')?;
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v);
            Some((k.trim().to_string(), v.to_string()))
        })
        .filter(|(k, _)| !k.is_empty())
        .collect()
}

/// One `msg.conf` line in the listing format of configutil.
pub fn msg_conf_line(name: &str, value: &str) -> String {
    if value.is_empty() || value.contains(char::is_whitespace) {
        format!("{name} = \"{value}\"")
    } else {
        format!("{name} = {value}")
    }
}

/// Host names an `imta.cnf` names: the patterns of its rewrite rules (before the first blank
/// line) and the channel tags (the second line of every channel block), without comments and
/// the `$`-substitution parts.
pub fn imta_hosts(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |w: &str| {
        let w = w.trim_start_matches('.');
        if !w.is_empty() && !w.contains('$') && !w.contains('@') && !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('!')).collect();
    let split = lines
        .iter()
        .position(|l| l.trim().is_empty())
        .unwrap_or(lines.len());
    for l in &lines[..split] {
        if let Some(w) = l.split_whitespace().next() {
            push(w);
        }
    }
    for block in lines[split..].split(|l| l.trim().is_empty()) {
        if let Some(tag) = block.get(1).and_then(|l| l.split_whitespace().next()) {
            push(tag);
        }
    }
    out
}

/// The physical node names `hosts` still name (the first label of each host name).
pub fn physical_names<'a>(state: &'a ClusterState, hosts: &[String]) -> Vec<&'a str> {
    state
        .cluster
        .nodes
        .iter()
        .map(|n| n.name.as_str())
        .filter(|n| {
            hosts.iter().any(|h| {
                h.split('.')
                    .next()
                    .is_some_and(|l| l.eq_ignore_ascii_case(n))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_vfstab_lines() {
        let h = HostEntry::parse("192.0.2.10\tbudgie budgie.example.com # logical").unwrap();
        assert_eq!(h.addr, "192.0.2.10");
        assert_eq!(h.names, ["budgie", "budgie.example.com"]);
        assert!(HostEntry::parse("# comment").is_none());
        assert!(HostEntry::parse("10.0.0.1").is_none());
        let v = VfstabEntry::failover("/global/mail1", 0);
        assert_eq!(
            v.line(),
            "/dev/md/sc-ds/dsk/d100\t/dev/md/sc-ds/rdsk/d100\t/global/mail1\tufs\t2\tno\tlogging"
        );
        assert_eq!(VfstabEntry::parse(&v.line()), Some(v.clone()));
        assert!(!v.is_global() && !v.at_boot());
        let g = VfstabEntry::parse("/dev/a /dev/ra /global/x ufs 2 yes logging,global").unwrap();
        assert!(g.is_global() && g.at_boot());
        assert!(VfstabEntry::parse("#/dev/a /dev/ra /x ufs 2 yes -").is_none());
        assert!(VfstabEntry::parse("/dev/a /dev/ra /x ufs").is_none());
    }

    #[test]
    fn paths_under_mount_points() {
        assert!(under("/global/mail1/msg", "/global/mail1"));
        assert!(under("/global/mail1", "/global/mail1/"));
        assert!(!under("/global/mail10", "/global/mail1"));
        let view = NodeView {
            vfstab: vec![
                VfstabEntry::failover("/global", 0),
                VfstabEntry::failover("/global/mail1", 1),
            ],
            ..Default::default()
        };
        assert_eq!(
            view.filesystem_of("/global/mail1/a").unwrap().mount_point,
            "/global/mail1"
        );
        assert!(view.filesystem_of("/var/x").is_none());
    }

    #[test]
    fn msg_conf_and_imta_cnf() {
        let conf = parse_msg_conf("# c\nlocal.autorestart = 1\nservice.imap.banner = \"a b\"\n");
        assert_eq!(conf["local.autorestart"], "1");
        assert_eq!(conf["service.imap.banner"], "a b");
        assert_eq!(msg_conf_line("x", "a b"), "x = \"a b\"");
        let imta = "! rules\nmail-1.example.com $U%mail-1.example.com@ims-ms-daemon\n.example.com $U%$H@tcp\n\nl subdirs 20\nmail-1.example.com\n\nims-ms\nims-ms-daemon\n";
        assert_eq!(
            imta_hosts(imta),
            ["mail-1.example.com", "example.com", "ims-ms-daemon"]
        );
    }

    #[test]
    fn flags_read_as_the_server_does() {
        let mut c = MsgConfig::default();
        assert!(c.flag("local.watcher.enable", true));
        c.values.insert("local.autorestart".into(), "1".into());
        c.values.insert("local.watcher.enable".into(), "no".into());
        assert!(c.flag("local.autorestart", false));
        assert!(!c.flag("local.watcher.enable", true));
    }
}
