//! `scsim lab`: a real Corosync/Pacemaker cluster of N nodes in network namespaces on this
//! machine (root, no systemd needed). Addresses exist only inside the namespaces the lab
//! creates (a "switch" namespace with a bridge, one namespace per node on a veth pair); every
//! process it starts is recorded and stopped by PID.

use super::map::LAB_NET;
use crate::error::{ErrorCode, Result, ScError};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long `lab up` waits for every node to be online.
pub const UP_TIMEOUT: Duration = Duration::from_secs(60);

/// One node of the lab.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LabNode {
    pub name: String,
    pub netns: String,
    pub addr: String,
    /// The node's init: the shell that mounts the node's directories and starts corosync and
    /// pacemakerd (its PID names the node's mount and UTS namespaces).
    pub init_pid: u32,
    #[serde(default)]
    pub crashed: bool,
}

/// What `lab up` recorded (`DIR/lab.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Lab {
    pub dir: PathBuf,
    pub switch_netns: String,
    pub nodes: Vec<LabNode>,
}

fn lab_err(msg: impl Into<String>) -> ScError {
    ScError::new(ErrorCode::Internal, msg.into())
}

/// Run a host command; an error quotes it.
fn sh(prog: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(prog)
        .args(args)
        .output()
        .map_err(|e| lab_err(format!("cannot run {prog}: {e}")))?;
    if !out.status.success() {
        return Err(lab_err(format!(
            "{prog} {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Why the lab cannot run here (`None`: it can): root, network namespaces, the tools.
pub fn missing_requirements() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let root = status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(2))
        == Some("0");
    if !root {
        return Some("the lab needs root (network namespaces, mounts)".to_string());
    }
    for prog in [
        "ip",
        "nsenter",
        "unshare",
        "corosync",
        "pacemakerd",
        "crm_mon",
        "crmadmin",
    ] {
        if !super::tools::installed(prog) {
            return Some(format!(
                "{prog} is not installed (Debian: apt-get install pacemaker corosync iproute2 util-linux)"
            ));
        }
    }
    let probe = format!("scsimprobe{}", std::process::id());
    if sh("ip", &["netns", "add", &probe]).is_err() {
        return Some("network namespaces cannot be created here".to_string());
    }
    let _ = sh("ip", &["netns", "del", &probe]);
    None
}

fn record_path(dir: &Path) -> PathBuf {
    dir.join("lab.json")
}

impl Lab {
    /// The lab recorded in `dir`.
    pub fn load(dir: &Path) -> Result<Lab> {
        let text = std::fs::read_to_string(record_path(dir)).map_err(|e| {
            ScError::new(
                ErrorCode::State,
                format!("no lab in {}: {e}", dir.display()),
            )
            .hint("start one with scsim lab up --nodes N1,N2")
        })?;
        serde_json::from_str(&text).map_err(|e| lab_err(format!("lab record unreadable: {e}")))
    }

    fn save(&self) -> Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(|e| lab_err(e.to_string()))?;
        std::fs::write(record_path(&self.dir), text)
            .map_err(|e| lab_err(format!("cannot write the lab record: {e}")))
    }

    /// The state file of the lab's cluster, bound to the live backend.
    pub fn state_path(&self) -> PathBuf {
        self.dir.join("cluster.json")
    }

    pub fn node(&self, name: &str) -> Result<&LabNode> {
        self.nodes.iter().find(|n| n.name == name).ok_or_else(|| {
            let names: Vec<&str> = self.nodes.iter().map(|n| n.name.as_str()).collect();
            ScError::new(ErrorCode::Node, format!("the lab has no node {name}"))
                .suggest(name, names.iter().copied())
        })
    }
}

fn corosync_conf(nodes: &[(String, String)]) -> String {
    let mut s = String::from(
        "totem {\n  version: 2\n  cluster_name: scsim-lab\n  transport: knet\n  token: 1000\n  \
         crypto_cipher: none\n  crypto_hash: none\n}\nnodelist {\n",
    );
    for (i, (name, addr)) in nodes.iter().enumerate() {
        s.push_str(&format!(
            "  node {{\n    ring0_addr: {addr}\n    name: {name}\n    nodeid: {}\n  }}\n",
            i + 1
        ));
    }
    s.push_str("}\nquorum {\n  provider: corosync_votequorum\n");
    if nodes.len() == 2 {
        s.push_str("  two_node: 1\n");
    }
    s.push_str("}\nlogging {\n  to_stderr: no\n  to_syslog: no\n  to_logfile: yes\n  logfile: /var/log/corosync/corosync.log\n}\n");
    s
}

const SEED_CIB: &str = r#"<cib validate-with="pacemaker-3.7" admin_epoch="0" epoch="1" num_updates="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="opt-stonith" name="stonith-enabled" value="false"/>
        <nvpair id="opt-deadtime" name="dc-deadtime" value="2s"/>
        <nvpair id="opt-name" name="cluster-name" value="scsim-lab"/>
      </cluster_property_set>
    </crm_config>
    <nodes/>
    <resources/>
    <constraints/>
  </configuration>
  <status/>
</cib>
"#;

/// The node's init script: its own hostname, /run and /dev/shm, its own copies of the
/// cluster directories, then corosync and pacemakerd in the foreground.
fn init_script(name: &str, root: &Path) -> String {
    let r = root.display();
    format!(
        "set -e\nhostname {name}\nmount -t tmpfs tmpfs /run\nmount -t tmpfs tmpfs /dev/shm\n\
         mkdir -p /run/crm /run/resource-agents\nchown hacluster:haclient /run/crm\n\
         mount --bind {r}/lib-pacemaker /var/lib/pacemaker\n\
         mount --bind {r}/lib-corosync /var/lib/corosync\n\
         mount --bind {r}/etc-corosync /etc/corosync\n\
         mkdir -p /var/log/pacemaker /var/log/corosync\n\
         mount --bind {r}/log /var/log/pacemaker\nmount --bind {r}/log /var/log/corosync\n\
         corosync -f &\nsleep 0.3\npacemakerd -f &\nwait\n"
    )
}

fn prepare_node_dir(root: &Path, conf: &str) -> Result<()> {
    let io = |e: std::io::Error| lab_err(format!("cannot prepare {}: {e}", root.display()));
    for d in [
        "lib-pacemaker/cib",
        "lib-pacemaker/pengine",
        "lib-pacemaker/blackbox",
        "lib-pacemaker/cores",
        "lib-corosync",
        "etc-corosync",
        "log",
    ] {
        std::fs::create_dir_all(root.join(d)).map_err(io)?;
    }
    std::fs::write(root.join("etc-corosync/corosync.conf"), conf).map_err(io)?;
    std::fs::write(root.join("lib-pacemaker/cib/cib.xml"), SEED_CIB).map_err(io)?;
    let lp = root.join("lib-pacemaker").to_string_lossy().into_owned();
    let log = root.join("log").to_string_lossy().into_owned();
    sh("chown", &["-R", "hacluster:haclient", &lp, &log])?;
    sh("chmod", &["-R", "u+rwX,g+rwX", &lp, &log])?;
    Ok(())
}

/// `scsim lab up`: namespaces, one cluster node in each, wait until every node is online.
pub fn up(dir: &Path, prefix: &str, names: &[String]) -> Result<Lab> {
    if let Some(why) = missing_requirements() {
        return Err(lab_err(format!("cannot start a lab: {why}")));
    }
    if record_path(dir).exists() {
        return Err(ScError::new(
            ErrorCode::State,
            format!("a lab is already up in {}", dir.display()),
        )
        .hint("stop it first: scsim lab down"));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| lab_err(format!("cannot create {}: {e}", dir.display())))?;
    let switch = format!("{prefix}-sw");
    sh("ip", &["netns", "add", &switch])?;
    let mut lab = Lab {
        dir: dir.to_path_buf(),
        switch_netns: switch.clone(),
        nodes: Vec::new(),
    };
    let result = start_nodes(&mut lab, prefix, names);
    // Whatever was started is recorded, so `lab down` can stop it even after a failure.
    lab.save()?;
    result?;
    wait_online(&lab)?;
    Ok(lab)
}

fn start_nodes(lab: &mut Lab, prefix: &str, names: &[String]) -> Result<()> {
    let sw = lab.switch_netns.clone();
    sh("ip", &["-n", &sw, "link", "add", "br0", "type", "bridge"])?;
    sh("ip", &["-n", &sw, "link", "set", "br0", "up"])?;
    let addrs: Vec<(String, String)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), format!("{LAB_NET}.{}", i + 1)))
        .collect();
    let conf = corosync_conf(&addrs);
    for (i, (name, addr)) in addrs.iter().enumerate() {
        let ns = format!("{prefix}-{}", i + 1);
        sh("ip", &["netns", "add", &ns])?;
        let port = format!("p{}", i + 1);
        sh(
            "ip",
            &[
                "-n", &sw, "link", "add", &port, "type", "veth", "peer", "name", "eth0", "netns",
                &ns,
            ],
        )?;
        sh(
            "ip",
            &["-n", &sw, "link", "set", &port, "master", "br0", "up"],
        )?;
        sh(
            "ip",
            &[
                "-n",
                &ns,
                "addr",
                "add",
                &format!("{addr}/24"),
                "dev",
                "eth0",
            ],
        )?;
        sh("ip", &["-n", &ns, "link", "set", "eth0", "up"])?;
        sh("ip", &["-n", &ns, "link", "set", "lo", "up"])?;
        let root = lab.dir.join(name);
        prepare_node_dir(&root, &conf)?;
        let log =
            std::fs::File::create(root.join("init.log")).map_err(|e| lab_err(e.to_string()))?;
        let err = log.try_clone().map_err(|e| lab_err(e.to_string()))?;
        let child = Command::new("ip")
            .args([
                "netns",
                "exec",
                &ns,
                "unshare",
                "-m",
                "-u",
                "--propagation",
                "private",
                "sh",
                "-c",
                &init_script(name, &root),
            ])
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(err)
            .spawn()
            .map_err(|e| lab_err(format!("cannot start node {name}: {e}")))?;
        lab.nodes.push(LabNode {
            name: name.clone(),
            netns: ns,
            addr: addr.clone(),
            init_pid: child.id(),
            crashed: false,
        });
    }
    Ok(())
}

/// A command line run on `node` (its network, mount and UTS namespaces).
pub fn on_node(node: &LabNode, argv: &[String]) -> Command {
    let mut cmd = Command::new("nsenter");
    cmd.args(["-t", &node.init_pid.to_string(), "-m", "-n", "-u", "--"]);
    cmd.args(argv);
    cmd
}

fn node_output(node: &LabNode, argv: &[&str]) -> Option<String> {
    let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
    let out = on_node(node, &argv).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn wait_online(lab: &Lab) -> Result<()> {
    let start = Instant::now();
    let first = &lab.nodes[0];
    while start.elapsed() < UP_TIMEOUT {
        if let Some(xml) = node_output(first, &["crm_mon", "--output-as=xml"])
            && let Ok(obs) = super::monitor::parse_crm_mon(&xml)
            && lab
                .nodes
                .iter()
                .all(|n| obs.nodes.get(&n.name) == Some(&true))
            && xml.contains("<current_dc present=\"true\"")
        {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(lab_err(format!(
        "the lab's nodes were not all online within {} s (logs in {})",
        UP_TIMEOUT.as_secs(),
        lab.dir.display()
    ))
    .hint("stop it with scsim lab down"))
}

/// PIDs of the processes in a namespace the lab created.
fn pids_in(netns: &str) -> Vec<String> {
    sh("ip", &["netns", "pids", netns])
        .map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

fn kill(signal: &str, pids: &[String]) {
    if !pids.is_empty() {
        let mut args = vec![signal];
        args.extend(pids.iter().map(String::as_str));
        let _ = sh("kill", &args);
    }
}

/// `scsim lab crash NODE`: as a power failure: the link goes down, every process of the node
/// is killed at once, the addresses its resources held go with it.
pub fn crash(lab: &mut Lab, name: &str) -> Result<()> {
    let node = lab.node(name)?.clone();
    sh("ip", &["-n", &node.netns, "link", "set", "eth0", "down"])?;
    kill("-KILL", &pids_in(&node.netns));
    let _ = sh("ip", &["-n", &node.netns, "addr", "flush", "dev", "eth0"]);
    if let Some(n) = lab.nodes.iter_mut().find(|n| n.name == name) {
        n.crashed = true;
    }
    lab.save()
}

/// `scsim lab down`: stop every process the lab started (TERM, then KILL after 10 s), delete
/// its namespaces and its directory.
pub fn down(lab: &Lab) -> Result<()> {
    let all: Vec<String> = lab.nodes.iter().flat_map(|n| pids_in(&n.netns)).collect();
    kill("-TERM", &all);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10)
        && lab.nodes.iter().any(|n| !pids_in(&n.netns).is_empty())
    {
        std::thread::sleep(Duration::from_millis(100));
    }
    let left: Vec<String> = lab.nodes.iter().flat_map(|n| pids_in(&n.netns)).collect();
    kill("-KILL", &left);
    std::thread::sleep(Duration::from_millis(100));
    for n in &lab.nodes {
        let _ = sh("ip", &["netns", "del", &n.netns]);
    }
    let _ = sh("ip", &["netns", "del", &lab.switch_netns]);
    std::fs::remove_dir_all(&lab.dir)
        .map_err(|e| lab_err(format!("cannot remove {}: {e}", lab.dir.display())))
}
