//! The native `scsim` command: cluster creation, the SC commands without links, links,
//! completions, man pages, and the simulator's own verbs (log, node, fault, time, simulate).

use super::registry::{self, Entry, PERSONALITIES};
use super::{Ctx, Env, Personality, json_out, ops};
use crate::error::{ErrorCode, Result, ScError};
use crate::printer::Printer;
use crate::service::{InitOptions, create_cluster};
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;

/// Simulated Sun Cluster 3.1 resource management (scrgadm, scswitch, scstat).
#[derive(Debug, Parser)]
#[command(
    name = "scsim",
    version,
    disable_help_subcommand = true,
    subcommand_required = true,
    arg_required_else_help = true
)]
struct Globals {
    /// Cluster state file (default: $SCSIM_STATE, else $XDG_STATE_HOME/scsim/cluster.json)
    #[arg(long, global = true, value_name = "FILE")]
    state: Option<PathBuf>,
}

/// The `scsim` command line: `--state`, and one subcommand.
#[derive(Debug)]
pub struct Cli {
    pub state: Option<PathBuf>,
    pub command: Command,
}

/// A subcommand of `scsim`: its own verbs, or an SC command of the registry run as `scsim NAME
/// …` (listed between `init` and `install-links`).
#[derive(Debug)]
pub enum Command {
    Head(Head),
    Sc {
        entry: &'static Entry,
        args: Vec<OsString>,
    },
    Tail(Tail),
}

#[derive(Debug, Subcommand)]
pub enum Head {
    /// Create a new simulated cluster (the only command that creates a state file)
    Init(InitArgs),
}

#[derive(Debug, Subcommand)]
pub enum Tail {
    /// Run an SC command on NODE, as if logged in there (sets the local node)
    #[command(
        after_help = "Examples:\n  scsim on mail-2 -- scstat -g\n  scsim on 2 scswitch -z -g MAIL-RG -h mail-2\n\n\
The command is a command name or a path ending in one (/usr/cluster/bin/scstat). Without\n\
`scsim on`, commands run on the node named by SCSIM_NODE, else on the cluster member with\n\
the lowest node id. A node that does not exist or is down runs no command: exit 11 (the\n\
object commands: 36 CL_ENOENT, 9 CL_ESTATE)."
    )]
    On {
        /// The node (name or id)
        node: String,
        /// The command and its arguments
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "COMMAND"
        )]
        command: Vec<OsString>,
    },
    /// Install software on nodes (stands in for the Java ES installer)
    Install {
        #[command(subcommand)]
        what: Install,
    },
    /// Create links to this executable in DIR
    InstallLinks {
        /// Directory for the links (created if missing), e.g. /usr/cluster/bin
        dir: PathBuf,
        /// Replace existing files of those names
        #[arg(long)]
        force: bool,
    },
    /// Print the event log (method launches, state changes, commands)
    Log(super::log::LogArgs),
    /// Show the simulator's detail: settings, relationships, dependencies (not scstat's sections)
    Show(super::show::ShowArgs),
    /// Crash, shut down or boot a simulated node
    Node(ops::NodeArgs),
    /// Inject, list or clear simulated faults
    Fault(ops::FaultArgs),
    /// Let simulated time pass
    Time(ops::TimeArgs),
    /// What-if: apply faults to a copy of the state and report what would happen
    Simulate(ops::SimulateArgs),
    /// A real Pacemaker cluster in network namespaces on this machine (up, exec, crash, down)
    Lab(super::native_pcmk::LabArgs),
    /// Print a shell completion script (names completed from the state)
    Completions {
        /// bash, zsh or fish
        shell: clap_complete::Shell,
        /// Command to complete
        #[arg(long, default_value = "scsim")]
        command: String,
    },
    /// Candidates for the word under the cursor, one a line (called by the completion scripts)
    #[command(name = "__complete", hide = true)]
    Complete {
        /// The command being completed
        command: String,
        /// Index of the word under the cursor in WORDS
        index: usize,
        /// The words of the command line, the command name first
        #[arg(last = true)]
        words: Vec<OsString>,
    },
    /// Print the help of scsim, of one of its commands, or of an SC command
    Help {
        /// The command (and verb) to explain: node, fault inject, scrgadm, …
        #[arg(value_name = "COMMAND")]
        words: Vec<String>,
    },
    /// Print a man page (roff)
    Man {
        #[arg(default_value = "scsim")]
        command: String,
    },
    /// Write the configuration out: the commands that recreate the cluster
    Export(super::eco::ExportArgs),
    /// Create a state from a real cluster's captured scrgadm -pvv (and scstat) output
    Import(super::import::ImportArgs),
    /// List the kept earlier generations and the commands that changed them
    History(super::eco::HistoryArgs),
    /// Step back over the last N changes (the previous generation becomes current)
    Undo(super::eco::UndoArgs),
    /// Configuration and placement differences between two state files (exit 0 same, 1 different)
    Diff(super::eco::DiffArgs),
    /// Draw nodes, groups, resources, dependencies, affinities and placement (Graphviz)
    Graph(super::eco::GraphArgs),
    /// Show where the state file is, or dump it
    State {
        #[command(subcommand)]
        action: StateAction,
    },
}

impl clap::FromArgMatches for Cli {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut m.clone())
    }
    fn from_arg_matches_mut(m: &mut clap::ArgMatches) -> Result<Self, clap::Error> {
        let state = Globals::from_arg_matches_mut(m)?.state;
        let sc = m
            .subcommand_name()
            .and_then(super::registry::find)
            .map(|entry| {
                let args = m
                    .subcommand_matches(entry.name)
                    .and_then(|sub| sub.get_many::<OsString>("args"))
                    .map(|v| v.cloned().collect())
                    .unwrap_or_default();
                Command::Sc { entry, args }
            });
        let command = match sc {
            Some(c) => c,
            None if m.subcommand_name().is_some_and(Head::has_subcommand) => {
                Command::Head(Head::from_arg_matches_mut(m)?)
            }
            None => Command::Tail(Tail::from_arg_matches_mut(m)?),
        };
        Ok(Cli { state, command })
    }
    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

/// `scsim NAME …`: the words after NAME go to the SC command unparsed.
fn passthrough(e: &Entry) -> clap::Command {
    clap::Command::new(e.name)
        .about(e.about)
        .long_about(None)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("args")
                .value_name("ARGS")
                .help(format!("The options and operands of {}", e.name))
                .num_args(0..)
                .value_parser(clap::value_parser!(OsString))
                .action(clap::ArgAction::Append)
                .trailing_var_arg(true)
                .allow_hyphen_values(true),
        )
}

#[derive(Debug, Subcommand)]
pub enum Install {
    /// Sun Java System Messaging Server 6 2005Q4: its programs under msg_svr_base/sbin on
    /// each node's local disk
    #[command(
        after_help = "Example:\n  scsim install messaging-server --nodes mail-1,mail-2\n\nThen configure it on the first node (scsim on mail-1 -- /opt/SUNWmsgsr/sbin/configure)\nand run useconfig on the others."
    )]
    MessagingServer {
        /// The nodes to install on, comma-separated
        #[arg(long, value_delimiter = ',', required = true, value_name = "N1,N2,...")]
        nodes: Vec<String>,
        /// msg_svr_base, the installation directory
        #[arg(long, default_value = "/opt/SUNWmsgsr", value_name = "DIR")]
        base: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StateAction {
    /// Print the path of the state file in use
    Path,
    /// Print the state file as pretty JSON
    Show,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Cluster nodes in id order, comma-separated (ids 1..n)
    #[arg(long, value_delimiter = ',', required = true, value_name = "N1,N2,...")]
    pub nodes: Vec<String>,
    /// Cluster name
    #[arg(long, value_name = "NAME")]
    pub cluster_name: Option<String>,
    /// Number of dual-ported quorum disks, device k between the nodes of pair k (1-2, 3-4, …)
    /// with 1 vote (default: 1 on a 2-node cluster, 0 otherwise)
    #[arg(long, value_name = "N")]
    pub quorum_devices: Option<u32>,
    /// A quorum device and the nodes connected to it (all when omitted); it has one vote less
    /// than its connected nodes (repeatable; d4 = /dev/did/rdsk/d4s2)
    #[arg(
        long = "quorum-device",
        value_name = "dN[@node,...]",
        conflicts_with = "quorum_devices"
    )]
    pub quorum_device_specs: Vec<String>,
    /// Private interconnect adapters of a node (repeatable; default qfe1,hme1); a node pair gets
    /// one transport path per adapter position both have
    #[arg(long = "adapters", value_name = "NODE=ADAPTER,...")]
    pub adapters: Vec<String>,
    /// An IPMP group of a node over public adapters (repeatable; a node given here has only
    /// the groups given; default ipmp0 over qfe0,qfe4)
    #[arg(long = "ipmp", value_name = "GROUP@NODE=ADAPTER,...")]
    pub ipmp: Vec<String>,
    /// A device group, optionally with its node list (repeatable)
    #[arg(long = "device-group", value_name = "NAME[@node,...]")]
    pub device_groups: Vec<String>,
    /// Size from which the messages file beside the state (the event log) is rotated to
    /// FILE.1, FILE.2, …: bytes, or with a suffix K, M, G [default: 1M]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub log_size: Option<u64>,
    /// Messages files kept in all, the current one included; the oldest is removed at
    /// rotation [default: 8]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub log_files: Option<u32>,
    /// Event-log entries to keep at least (sizes the messages files; older form of --log-size)
    #[arg(long, value_name = "N", hide = true, conflicts_with = "log_size",
          value_parser = clap::value_parser!(u64).range(10..=1_000_000))]
    pub log_capacity: Option<u64>,
    /// The release the cluster runs: 3.1 (scrgadm, scswitch, scstat), 3.2 (those and the object
    /// commands clrg, clrs, …), 4.4 (Oracle Solaris Cluster: the object commands only)
    #[arg(long, value_name = "3.1|3.2|4.4", default_value = "3.1", value_parser = parse_release)]
    pub release: crate::model::Release,
    /// A host name and address for every node's /etc/hosts (repeatable)
    #[arg(long = "host", value_name = "NAME=IP")]
    pub hosts: Vec<String>,
    /// A failover file system's mount point for every node's /etc/vfstab (repeatable)
    #[arg(long = "filesystem", value_name = "MOUNTPOINT")]
    pub filesystems: Vec<String>,
    /// Replace an existing state file
    #[arg(long)]
    pub force: bool,
    /// What runs the cluster: the simulator, or a Pacemaker cluster (live, or --cib-file)
    #[arg(long, value_enum, default_value = "simulator", value_name = "BACKEND")]
    pub backend: super::native_pcmk::BackendKind,
    /// With --backend pacemaker: act on this CIB file (created when missing) instead of the
    /// live cluster
    #[arg(long, value_name = "FILE", requires = "backend")]
    pub cib_file: Option<PathBuf>,
}

fn parse_release(s: &str) -> std::result::Result<crate::model::Release, String> {
    crate::model::Release::parse(s)
        .ok_or_else(|| format!("{s} is not a release scsim simulates: give 3.1, 3.2 or 4.4"))
}

/// `--log-size`: bytes, or a number with K, M or G (powers of 1024), at least 1K.
fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1u64 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => {
                    return Err(format!(
                        "{s}: give bytes or a size with K, M or G (64K, 4M)"
                    ));
                }
            };
            (&t[..i], m)
        }
        _ => (t, 1),
    };
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{s}: give bytes or a size with K, M or G (64K, 4M)"))?;
    match n.checked_mul(mult) {
        Some(b) if b >= 1024 => Ok(b),
        Some(_) => Err(format!("{s}: the smallest size is 1K")),
        None => Err(format!("{s}: too large")),
    }
}

/// The clap command of `scsim`: its own verbs with a subcommand per registry entry after
/// `init`, and `-?` as a help flag of every subcommand (as on the SC commands).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let names: Vec<&str> = registry::names().collect();
    let sc: Vec<&str> = registry::sc_commands().map(|e| e.name).collect();
    // The help texts that list the commands come from the registry.
    let tail = |c: &clap::Command| match c.get_name() {
        "install-links" => c.clone().about(format!(
            "Create {} links to this executable in DIR",
            registry::join(&sc, "and")
        )),
        "completions" => c.clone().mut_arg("command", |a| {
            a.help(format!(
                "Command to complete: {}",
                registry::join(&names, "or")
            ))
        }),
        "man" => c
            .clone()
            .mut_arg("command", |a| a.help(registry::join(&names, "or"))),
        _ => c.clone(),
    };
    let head = Head::augment_subcommands(clap::Command::new(registry::NATIVE));
    let rest = Tail::augment_subcommands(clap::Command::new(registry::NATIVE));
    let subs: Vec<clap::Command> = head
        .get_subcommands()
        .cloned()
        .chain(registry::sc_commands().map(passthrough))
        .chain(rest.get_subcommands().map(tail))
        .collect();
    let mut cmd = Globals::command();
    for (i, sub) in subs.into_iter().enumerate() {
        cmd = cmd.subcommand(super::manual::verb(sub).display_order(i));
    }
    super::words::question_mark_help(cmd)
}

/// `scsim on NODE [--] COMMAND ARGS…`: run a personality of the registry with the local node set.
fn on_node(
    node: String,
    mut command: Vec<OsString>,
    explicit: Option<&std::path::Path>,
    env: &Env,
    out: &mut Printer,
) -> Result<()> {
    if command.first().is_some_and(|w| w == "--") {
        command.remove(0);
    }
    let Some(first) = command.first() else {
        return Err(ScError::inval("no command given after the node")
            .hint("for example: scsim on mail-2 -- scstat -g"));
    };
    let word = first.to_string_lossy().into_owned();
    let name = std::path::Path::new(&word)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(entry) = registry::find(&name) else {
        let known: Vec<&str> = PERSONALITIES.iter().map(|e| e.name).collect();
        return Err(ScError::inval(format!(
            "{word} is not a command that scsim on can run (commands: {})",
            registry::join(&known, "and")
        ))
        .suggest(&name, known.iter().copied()));
    };
    let args: Vec<OsString> = command.into_iter().skip(1).collect();
    let (state, args) = take_state_option(Personality::Sc(entry), args)?;
    // The node is checked by the command's own reads (`Service::runs_on_node`), so that an
    // unknown or down node is refused in the command's own form (exit 11, CL_ENOENT 36 …).
    let env = Env {
        node: Some(node),
        invoked: Some(word),
        ..env.clone()
    };
    super::run_personality(entry, state.as_deref().or(explicit), args, &env, out)
}

/// The clap command of `scsim` with the verb `args` name alone, for `node` and `simulate`
/// (the verbs a large cluster's peak memory is measured on), when no word asks for help:
/// building the clap commands of every verb runs 0.3 MB of code and takes 0.6 MB of heap.
/// Anything this command does not parse is parsed again by the whole one, so help, errors
/// and every other verb read exactly as before.
fn single_verb(args: &[OsString]) -> Option<clap::Command> {
    use clap::{Args, CommandFactory};
    if args
        .iter()
        .any(|a| matches!(a.to_str(), Some("-h" | "--help" | "-?" | "help" | "--")))
    {
        return None;
    }
    let mut words = args.iter();
    let verb = loop {
        let w = words.next()?.to_str()?;
        if w == "--state" {
            words.next()?;
        } else if !w.starts_with("--state=") {
            break w;
        }
    };
    let sub = match verb {
        "node" => ops::NodeArgs::augment_args(clap::Command::new("node")),
        "simulate" => ops::SimulateArgs::augment_args(clap::Command::new("simulate")),
        _ => return None,
    };
    let cmd = Globals::command().subcommand(super::manual::verb(sub));
    Some(super::words::question_mark_help(cmd))
}

pub fn run(args: Vec<OsString>, env: &Env, out: &mut Printer) -> Result<()> {
    let quick = single_verb(&args).and_then(|cmd| {
        let mut scratch = Printer::new("scsim");
        super::parse_command::<Cli>("scsim", cmd, args.clone(), &mut scratch)
            .ok()
            .flatten()
    });
    let cli = match quick {
        Some(cli) => cli,
        None => match super::parse_command::<Cli>("scsim", command(), args, out)? {
            Some(cli) => cli,
            None => return Ok(()),
        },
    };
    let explicit = cli.state.as_deref();
    let sc = |p: &'static Entry, args: Vec<OsString>, out: &mut Printer| {
        // `--state` is scsim's global option; after `scsim scrgadm` it is taken out of the
        // SC command's words (which never use it) instead of failing as an unknown option.
        let (state, args) = take_state_option(Personality::Sc(p), args)?;
        let explicit = state.as_deref().or(explicit);
        super::run_personality(p, explicit, args, env, out)
    };
    let command = match cli.command {
        Command::Sc { entry, args } => return sc(entry, args, out),
        Command::Head(Head::Init(a)) => return init(a, env, explicit, out),
        Command::Tail(t) => t,
    };
    match command {
        Tail::On { node, command } => on_node(node, command, explicit, env, out),
        Tail::InstallLinks { dir, force } => install_links(&dir, force, out),
        Tail::Install {
            what: Install::MessagingServer { nodes, base },
        } => with_ctx(env, explicit, out, |ctx| {
            let now = ctx.now_ms()?;
            let done = ctx.service.install_messaging_server(&nodes, &base, now)?;
            for l in done.lines {
                ctx.out.outln(&l);
            }
            Ok(())
        }),
        Tail::Completions { shell, command } => {
            let p = personality_arg(&command)?;
            out.out(&super::complete::script(shell, p.name())?);
            Ok(())
        }
        Tail::Complete {
            command,
            index,
            words,
        } => {
            let state = env.state_path(explicit).ok().and_then(|path| {
                crate::service::Service::simulator(path, env.lock_timeout())
                    .snapshot()
                    .ok()
            });
            super::complete::run(&command, index, words, state, out)
        }
        Tail::Help { words } => help(&words, out),
        Tail::Man { command } => {
            let p = personality_arg(&command)?;
            out.out(&man_page(p)?);
            Ok(())
        }
        Tail::State { action } => {
            let path = env.state_path(explicit)?;
            match action {
                StateAction::Path => {
                    out.outln(&path.display().to_string());
                    Ok(())
                }
                StateAction::Show => {
                    let state =
                        crate::service::Service::simulator(path, env.lock_timeout()).snapshot()?;
                    let text = serde_json::to_string_pretty(&state)
                        .map_err(|e| ScError::internal(e.to_string()))?;
                    out.outln(&text);
                    Ok(())
                }
            }
        }
        Tail::Log(a) => with_ctx(env, explicit, out, |ctx| super::log::log(ctx, a)),
        Tail::Show(a) => with_ctx(env, explicit, out, |ctx| super::show::show(ctx, a)),
        Tail::Node(a) => with_ctx(env, explicit, out, |ctx| json_out::node(ctx, a)),
        Tail::Fault(a) => with_ctx(env, explicit, out, |ctx| json_out::fault(ctx, a)),
        Tail::Time(a) => with_ctx(env, explicit, out, |ctx| json_out::time(ctx, a)),
        Tail::Simulate(a) => with_ctx(env, explicit, out, |ctx| json_out::simulate(ctx, a)),
        Tail::Export(a) => with_ctx(env, explicit, out, |ctx| super::eco::export(ctx, a)),
        Tail::Import(a) => super::import::import(a, env, explicit, out),
        Tail::History(a) => with_ctx(env, explicit, out, |ctx| super::eco::history(ctx, a)),
        Tail::Undo(a) => with_ctx(env, explicit, out, |ctx| super::eco::undo(ctx, a)),
        Tail::Diff(a) => with_ctx(env, explicit, out, |ctx| super::eco::diff(ctx, a)),
        Tail::Graph(a) => with_ctx(env, explicit, out, |ctx| super::eco::graph(ctx, a)),
        Tail::Lab(a) => with_ctx(env, explicit, out, |ctx| super::native_pcmk::lab(ctx, a)),
    }
}

/// `scsim init`: create the state file.
fn init(
    a: InitArgs,
    env: &Env,
    explicit: Option<&std::path::Path>,
    out: &mut Printer,
) -> Result<()> {
    let path = env.state_path(explicit)?;
    let opts = InitOptions {
        nodes: a.nodes,
        cluster_name: a.cluster_name,
        quorum_devices: a.quorum_devices,
        quorum_device_specs: a.quorum_device_specs,
        adapters: a.adapters,
        ipmp: a.ipmp,
        device_groups: a.device_groups,
        log_capacity: a.log_capacity.unwrap_or(0) as usize,
        log_file_bytes: a.log_size.unwrap_or(0),
        log_files: a.log_files.unwrap_or(0),
        release: a.release,
        hosts: a.hosts,
        filesystems: a.filesystems,
        backend: super::native_pcmk::binding(a.backend, a.cib_file)?,
    };
    let state = create_cluster(&path, &opts, a.force, env.now_ms()?, env.lock_timeout())?;
    let release = match state.cluster.release {
        crate::model::Release::V31 => String::new(),
        r => format!(" ({})", r.product()),
    };
    out.outln(&format!(
        "Created cluster {}{release} with nodes {} in {}",
        state.cluster.name,
        state
            .cluster
            .nodes
            .iter()
            .map(|n| format!("{} (id {})", n.name, n.id))
            .collect::<Vec<_>>()
            .join(", "),
        path.display()
    ));
    Ok(())
}

/// Split `--state FILE` / `--state=FILE` off the words of an SC command run as `scsim NAME …`
/// (option values, which may be anything, are skipped; nothing after `--` is looked at).
fn take_state_option(
    p: Personality,
    args: Vec<OsString>,
) -> Result<(Option<PathBuf>, Vec<OsString>)> {
    let cmd = p.command();
    let mut state = None;
    let mut rest = Vec::with_capacity(args.len());
    let mut it = args.into_iter();
    let mut value_next = false;
    while let Some(a) = it.next() {
        let w = a.to_string_lossy().into_owned();
        if value_next {
            value_next = false;
            rest.push(a);
            continue;
        }
        if w == "--" {
            rest.push(a);
            rest.extend(it.by_ref());
            break;
        }
        if w == "--state" {
            let v = it
                .next()
                .ok_or_else(|| ScError::inval("--state needs a value: --state FILE"))?;
            state = Some(PathBuf::from(v));
            continue;
        }
        if let Some(v) = w.strip_prefix("--state=") {
            state = Some(PathBuf::from(v));
            continue;
        }
        value_next = super::words::takes_value(&[&cmd], &w);
        rest.push(a);
    }
    Ok((state, rest))
}

fn with_ctx(
    env: &Env,
    explicit: Option<&std::path::Path>,
    out: &mut Printer,
    f: impl FnOnce(&mut Ctx) -> Result<()>,
) -> Result<()> {
    let state_path = env.state_path(explicit)?;
    let mut ctx = Ctx::new(env, out, state_path);
    let result = f(&mut ctx);
    ctx.spell_for_release(&result);
    result
}

fn personality_arg(name: &str) -> Result<Personality> {
    Personality::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = registry::names().collect();
        ScError::inval(format!(
            "unknown command {name}: choose {}",
            registry::join(&names, "or")
        ))
    })
}

/// Roff man page of one command.
pub fn man_page(p: Personality) -> Result<String> {
    super::manual::man_page(p)
}

/// `scsim help [WORDS…]`: the help of scsim, of one of its verbs, or of an SC command.
fn help(words: &[String], out: &mut Printer) -> Result<()> {
    let mut cmd = match words.first().and_then(|w| registry::find(w)) {
        Some(e) => Personality::Sc(e).command(),
        None => Personality::Native.command(),
    };
    let root = cmd.clone();
    let skip = usize::from(cmd.get_name() != registry::NATIVE);
    let mut path = vec![cmd.get_name().to_string()];
    for w in words.iter().skip(skip) {
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        let Some(sub) = cmd.find_subcommand(w).cloned() else {
            let mut known: Vec<&str> = names.iter().map(String::as_str).collect();
            known.extend(PERSONALITIES.iter().map(|e| e.name));
            known.dedup();
            return Err(ScError::inval(format!(
                "no help for {w}: {} has no such command",
                path.join(" ")
            ))
            .suggest(w, known.iter().copied())
            .hint("scsim help lists the commands"));
        };
        path.push(w.clone());
        cmd = sub;
    }
    // Exactly what `PATH --help` prints: the parser asked for its help.
    let mut argv = path.clone();
    argv.push("--help".into());
    match root.try_get_matches_from(argv) {
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {
            out.out(&e.render().to_string());
        }
        _ => {
            let mut cmd = cmd.bin_name(path.join(" "));
            out.out(&cmd.render_long_help().to_string());
        }
    }
    Ok(())
}

fn install_links(dir: &std::path::Path, force: bool, out: &mut Printer) -> Result<()> {
    let exe = std::env::current_exe()
        .map_err(|e| ScError::internal(format!("cannot find this executable: {e}")))?;
    std::fs::create_dir_all(dir).map_err(|e| {
        ScError::new(
            ErrorCode::Access,
            format!("cannot create {}: {e}", dir.display()),
        )
    })?;
    let names: Vec<&str> = registry::sc_commands().map(|e| e.name).collect();
    // Check every name before creating any link: a refusal leaves the directory as it was.
    if !force {
        let existing: Vec<String> = names
            .iter()
            .map(|n| dir.join(n))
            .filter(|l| l.symlink_metadata().is_ok())
            .map(|l| l.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(ScError::new(
                ErrorCode::State,
                format!(
                    "{} already exist{}; no link was created",
                    existing.join(", "),
                    if existing.len() == 1 { "s" } else { "" }
                ),
            )
            .hint("pass --force to replace them"));
        }
    }
    for l in names.iter().map(|n| dir.join(n)) {
        if l.symlink_metadata().is_ok_and(|m| m.is_dir()) {
            return Err(ScError::new(
                ErrorCode::State,
                format!("{} is a directory; no link was created", l.display()),
            ));
        }
    }
    for name in names.iter().copied() {
        let link = dir.join(name);
        if link.symlink_metadata().is_ok() {
            std::fs::remove_file(&link).map_err(|e| {
                ScError::new(
                    ErrorCode::Access,
                    format!("cannot replace {}: {e}", link.display()),
                )
            })?;
        }
        make_link(&exe, &link)?;
        out.outln(&format!("{} -> {}", link.display(), exe.display()));
    }
    Ok(())
}

#[cfg(unix)]
fn make_link(target: &std::path::Path, link: &std::path::Path) -> Result<()> {
    std::os::unix::fs::symlink(target, link).map_err(|e| {
        ScError::new(
            ErrorCode::Access,
            format!("cannot create link {}: {e}", link.display()),
        )
    })
}

#[cfg(not(unix))]
fn make_link(target: &std::path::Path, link: &std::path::Path) -> Result<()> {
    std::fs::copy(target, link).map(|_| ()).map_err(|e| {
        ScError::new(
            ErrorCode::Access,
            format!("cannot create {}: {e}", link.display()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    /// What `cmd` makes of `args`, as text (None: help, or an error).
    fn parse(cmd: clap::Command, args: &[&str]) -> Option<String> {
        let mut out = Printer::new("scsim");
        super::super::parse_command::<Cli>("scsim", cmd, words(args), &mut out)
            .ok()
            .flatten()
            .map(|cli| format!("{cli:?}"))
    }

    #[test]
    fn a_single_verb_parses_as_the_whole_command_does() {
        let same: [&[&str]; 8] = [
            &["node", "down", "node-2"],
            &["--state", "s.json", "node", "down", "--clean", "n1"],
            &[
                "node",
                "down",
                "--dry-run",
                "--json",
                "n1",
                "--state",
                "x.json",
            ],
            &["node", "up", "a", "b", "--json"],
            &["node", "root", "mail-1"],
            &["simulate", "--node-down", "n2", "--fail", "r:Start@n1"],
            &["--state=s.json", "simulate", "--json", "--node-up", "n1"],
            &["simulate"],
        ];
        for args in same {
            let cmd = single_verb(&words(args)).expect("a single verb");
            let whole = parse(command(), args);
            assert!(whole.is_some(), "{args:?}");
            assert_eq!(parse(cmd, args), whole, "{args:?}");
        }
    }

    #[test]
    fn help_errors_and_other_verbs_go_to_the_whole_command() {
        // Refused by the single verb's parse: the whole command parses them again and reports
        // the error in its own words.
        let refused: [&[&str]; 5] = [
            &["node", "down"],
            &["node", "frobnicate", "n1"],
            &["node"],
            &["simulate", "--bogus"],
            &["node", "down", "a", "b"],
        ];
        for args in refused {
            let cmd = single_verb(&words(args)).expect("a single verb");
            assert_eq!(parse(cmd, args), None, "{args:?}");
        }
        // Never tried alone: help, other verbs, a missing verb.
        let whole: [&[&str]; 8] = [
            &["node", "down", "--help"],
            &["node", "-?"],
            &["simulate", "-h"],
            &["help", "node"],
            &["node", "down", "--", "n1"],
            &["fault", "list"],
            &["--state", "s.json"],
            &[],
        ];
        for args in whole {
            assert!(single_verb(&words(args)).is_none(), "{args:?}");
        }
    }
}
