//! `scsim export` and `scsim lab`: the native verbs of the Pacemaker backend (the work is in
//! `crate::pacemaker`; this file only parses and prints).

use super::Ctx;
use crate::error::{Result, ScError};

/// `scsim export --cib`: the cluster as a Pacemaker CIB, with what does not map noted on
/// stderr.
pub fn export_cib(ctx: &mut Ctx) -> Result<()> {
    let state = ctx.service.snapshot()?;
    let cib = crate::pacemaker::cib::export(&state);
    ctx.out.out(&cib.to_xml());
    for n in &cib.notes {
        ctx.out.note(n);
    }
    Ok(())
}

/// `scsim init --backend`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BackendKind {
    /// The simulated cluster (default)
    Simulator,
    /// A Pacemaker/Corosync cluster
    Pacemaker,
}

/// The binding `scsim init` records for `--backend` and `--cib-file`.
pub fn binding(
    kind: BackendKind,
    cib_file: Option<std::path::PathBuf>,
) -> Result<Option<crate::model::Binding>> {
    match kind {
        BackendKind::Simulator if cib_file.is_some() => {
            Err(ScError::inval("--cib-file needs --backend pacemaker")
                .hint("scsim init --backend pacemaker --cib-file FILE --nodes ..."))
        }
        BackendKind::Simulator => Ok(None),
        BackendKind::Pacemaker => {
            let cib_file = match cib_file {
                Some(f) => Some(
                    std::path::absolute(&f)
                        .map_err(|e| ScError::inval(format!("--cib-file {}: {e}", f.display())))?,
                ),
                None => None,
            };
            Ok(Some(crate::model::Binding {
                kind: "pacemaker".to_string(),
                cib_file,
            }))
        }
    }
}

/// `scsim lab`: a real Corosync/Pacemaker cluster in network namespaces on this machine.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  scsim lab up --nodes mail-1,mail-2\n  \
                        scsim lab exec mail-1 -- scrgadm -a -g MAIL-RG -h mail-1,mail-2\n  \
                        scsim lab exec mail-1 -- crm_mon -1\n  scsim lab crash mail-2\n  \
                        scsim lab down")]
pub struct LabArgs {
    /// Where the lab keeps its nodes' files, its record and its cluster state
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        default_value = "/tmp/scsim-lab"
    )]
    pub dir: PathBuf,
    #[command(subcommand)]
    pub action: LabAction,
}

#[derive(Debug, clap::Subcommand)]
pub enum LabAction {
    /// Start a cluster of these nodes (root; Pacemaker and Corosync installed)
    Up {
        /// Node names, comma-separated
        #[arg(long, value_delimiter = ',', required = true, value_name = "N1,N2,...")]
        nodes: Vec<String>,
        /// Prefix of the network namespaces the lab creates
        #[arg(long, default_value = "scsimlab", value_name = "PREFIX")]
        prefix: String,
        /// A host name and address for the nodes' /etc/hosts, as scsim init takes it
        /// (use addresses of 192.0.2.0/24, the lab's network)
        #[arg(long = "host", value_name = "NAME=IP")]
        hosts: Vec<String>,
        /// A failover file system's mount point, as scsim init takes it
        #[arg(long = "filesystem", value_name = "MOUNTPOINT")]
        filesystems: Vec<String>,
    },
    /// Run a command on a node, with the lab's state (bound to the live cluster) in use
    Exec {
        /// The lab node to run it on
        node: String,
        /// The command and its words (after --)
        #[arg(last = true, required = true, value_name = "CMD")]
        command: Vec<String>,
    },
    /// Crash a node as a power failure would
    Crash {
        /// The lab node to crash
        node: String,
    },
    /// Stop every process the lab started, remove its namespaces and files
    Down,
}

use crate::pacemaker::lab::{self, Lab};
use std::path::PathBuf;

/// PATH inside a lab node: the lab's links to scsim first.
fn lab_path(lab: &Lab) -> String {
    format!(
        "{}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        lab.dir.join("bin").display()
    )
}

fn exec_on(ctx: &mut Ctx, lab: &Lab, node: &str, argv: &[String]) -> Result<i32> {
    let n = lab.node(node)?;
    let out = lab::on_node(n, argv)
        .env("SCSIM_STATE", lab.state_path())
        .env("PATH", lab_path(lab))
        .output()
        .map_err(|e| ScError::internal(format!("cannot run {} on {node}: {e}", argv[0])))?;
    ctx.out.out(&String::from_utf8_lossy(&out.stdout));
    ctx.out.err_text(&String::from_utf8_lossy(&out.stderr));
    Ok(out.status.code().unwrap_or(-1))
}

/// The `scsim init` that binds the lab's state to its live cluster.
fn init_words(exe: String, nodes: &[String], hosts: &[String], fss: &[String]) -> Vec<String> {
    let mut v = vec![exe, "init".to_string(), "--backend".to_string()];
    v.extend([
        "pacemaker".to_string(),
        "--nodes".to_string(),
        nodes.join(","),
    ]);
    for h in hosts {
        v.extend(["--host".to_string(), h.clone()]);
    }
    for f in fss {
        v.extend(["--filesystem".to_string(), f.clone()]);
    }
    v
}

pub fn lab(ctx: &mut Ctx, a: LabArgs) -> Result<()> {
    match a.action {
        LabAction::Up {
            nodes,
            prefix,
            hosts,
            filesystems,
        } => {
            let lab = lab::up(&a.dir, &prefix, &nodes)?;
            let exe = std::env::current_exe()
                .map_err(|e| ScError::internal(format!("cannot find this executable: {e}")))?;
            let bin = lab.dir.join("bin").to_string_lossy().into_owned();
            let exe = exe.to_string_lossy().into_owned();
            let first = lab.nodes[0].name.clone();
            for argv in [
                vec![exe.clone(), "install-links".to_string(), bin],
                init_words(exe, &nodes, &hosts, &filesystems),
            ] {
                let code = exec_on(ctx, &lab, &first, &argv)?;
                if code != 0 {
                    return Err(ScError::internal(format!(
                        "{} failed on {first} (exit {code}); stop the lab with scsim lab down",
                        argv[1]
                    )));
                }
            }
            ctx.out.outln(&format!(
                "Lab up in {}: {}",
                lab.dir.display(),
                lab.nodes
                    .iter()
                    .map(|n| format!("{} ({})", n.name, n.addr))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            Ok(())
        }
        LabAction::Exec { node, command } => {
            let lab = Lab::load(&a.dir)?;
            match exec_on(ctx, &lab, &node, &command)? {
                0 => Ok(()),
                code => Err(ScError::new(
                    crate::error::ErrorCode::Internal,
                    format!("{} exited with status {code} on {node}", command[0]),
                )),
            }
        }
        LabAction::Crash { node } => {
            let mut lab = Lab::load(&a.dir)?;
            lab::crash(&mut lab, &node)?;
            ctx.out.outln(&format!("{node} crashed"));
            Ok(())
        }
        LabAction::Down => {
            let lab = Lab::load(&a.dir)?;
            lab::down(&lab)?;
            ctx.out
                .outln(&format!("Lab in {} is down", a.dir.display()));
            Ok(())
        }
    }
}
