//! `scswitch`: every form of the Sun Cluster 3.1/3.2 command, parsed with the SC flag letters
//! (`-h` is the node list; help is `-?`/`--help`), turned into an engine [`Intent`], planned,
//! executed on the simulated cluster and committed. Like the real command it prints nothing
//! on success; `-v` prints what ran and where the groups ended up, `--dry-run` prints the plan
//! and the simulated result and writes nothing. Exit status: 0 when the requested result was
//! reached, 10 (SCHA_ERR_METHOD) when a method failed or a group did not end where asked, the
//! scha code of the refusal otherwise (nothing written then).

use super::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::render::plan as render;
use crate::service::{Applied, CommandLine, Intent, Mode};
use std::ffi::OsString;

/// scswitch command line.
#[derive(Debug, clap::Parser)]
#[command(
    name = "scswitch",
    disable_help_flag = true,
    about = "Perform ownership and state changes of resource groups, resources and device groups",
    override_usage = "scswitch -Z [-g rg,...]
       scswitch -z -g rg,... [-h node,...]
       scswitch -z -D dg,... -h node
       scswitch -F {-g rg,... | -D dg,...}
       scswitch -m -D dg,...
       scswitch -R -h node,... -g rg,...
       scswitch -S -h node [-K seconds]
       scswitch {-u | -o} -g rg,...
       scswitch {-e | -n} [-M] -j resource,...
       scswitch -c -h node,... -j resource,... -f STOP_FAILED
       scswitch -Q [-g rg,...] [-k]
       scswitch {-s | -r} [-g rg,...] [-k]",
    after_help = "Lists are comma-separated without spaces (-h mail-1,mail-2) or quoted.\nChanges accept --dry-run (show the plan and the simulated result, write nothing) and -v (show what ran)."
)]
pub struct Args {
    /// Print help
    #[arg(short = '?', long = "help", action = clap::ArgAction::Help)]
    help: Option<bool>,
    /// Clear an error flag (-f STOP_FAILED) of resources on nodes
    #[arg(short = 'c')]
    clear: bool,
    /// Enable resources (or, with -M, their fault monitors)
    #[arg(short = 'e')]
    enable: bool,
    /// Disable resources (or, with -M, their fault monitors)
    #[arg(short = 'n')]
    disable: bool,
    /// Take resource groups or device groups offline
    #[arg(short = 'F')]
    offline: bool,
    /// Put device groups in maintenance
    #[arg(short = 'm')]
    maintenance: bool,
    /// Quiesce resource groups
    #[arg(short = 'Q')]
    quiesce: bool,
    /// Restart resource groups on nodes
    #[arg(short = 'R')]
    restart: bool,
    /// Resume automatic recovery
    #[arg(short = 'r')]
    resume: bool,
    /// Evacuate a node
    #[arg(short = 'S')]
    evacuate: bool,
    /// Suspend automatic recovery
    #[arg(short = 's')]
    suspend: bool,
    /// Make resource groups unmanaged
    #[arg(short = 'u')]
    unmanage: bool,
    /// Make resource groups managed
    #[arg(short = 'o')]
    manage: bool,
    /// Manage, enable and bring resource groups online
    #[arg(short = 'Z')]
    online: bool,
    /// Switch resource groups or device groups to nodes
    #[arg(short = 'z')]
    switch: bool,
    /// With -e/-n: the fault monitor only
    #[arg(short = 'M')]
    monitor: bool,
    /// With -Q/-s: kill running methods
    #[arg(short = 'k')]
    kill: bool,
    /// Resource groups (comma-separated)
    #[arg(short = 'g', value_delimiter = ',', value_name = "rg,...")]
    groups: Vec<String>,
    /// Resources (comma-separated)
    #[arg(short = 'j', value_delimiter = ',', value_name = "resource,...")]
    resources: Vec<String>,
    /// Nodes (comma-separated)
    #[arg(short = 'h', value_delimiter = ',', value_name = "node,...")]
    nodes: Vec<String>,
    /// Device groups (comma-separated)
    #[arg(short = 'D', value_delimiter = ',', value_name = "dg,...")]
    device_groups: Vec<String>,
    /// Error flag to clear with -c (STOP_FAILED)
    #[arg(short = 'f', value_name = "flag")]
    flag: Option<String>,
    /// With -S: seconds the evacuated node is not chosen (default 60)
    #[arg(short = 'K', value_name = "seconds")]
    keep_off: Option<u64>,
    /// Print what ran and where the groups ended up (scsim extension)
    #[arg(short = 'v', long = "verbose")]
    verbose: bool,
    /// Print the plan and the simulated result; change nothing (scsim extension)
    #[arg(long = "dry-run")]
    dry_run: bool,
    /// Print the outcome (what ran or would run, the resulting placement) as JSON (scsim
    /// extension; docs/json.md)
    #[arg(long = "json")]
    json: bool,
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

fn trimmed(list: &[String]) -> Vec<String> {
    list.iter().map(|s| s.trim().to_string()).collect()
}

fn usage(msg: impl Into<String>) -> ScError {
    ScError::inval(msg).hint(super::forms_hint("scswitch"))
}

/// Default of `-K` (seconds).
pub const DEFAULT_KEEP_OFF_S: u64 = 60;

impl Args {
    /// Turn the flags into an intent, refusing invalid combinations (exit 3).
    pub fn intent(&self) -> Result<Intent> {
        // A quoted list may have spaces after its commas ("a, b"), as with scrgadm.
        let a = Args {
            groups: trimmed(&self.groups),
            resources: trimmed(&self.resources),
            nodes: trimmed(&self.nodes),
            device_groups: trimmed(&self.device_groups),
            flag: self.flag.as_ref().map(|f| f.trim().to_string()),
            ..*self
        };
        a.intent_of_trimmed()
    }

    fn intent_of_trimmed(&self) -> Result<Intent> {
        let mode = self.checked_mode()?;
        self.intent_of_mode(mode)
    }

    /// The one action flag given, after checking that the other options go with it.
    fn checked_mode(&self) -> Result<&'static str> {
        let modes: Vec<(&'static str, bool)> = vec![
            ("-c", self.clear),
            ("-e", self.enable),
            ("-n", self.disable),
            ("-F", self.offline),
            ("-m", self.maintenance),
            ("-Q", self.quiesce),
            ("-R", self.restart),
            ("-r", self.resume),
            ("-S", self.evacuate),
            ("-s", self.suspend),
            ("-u", self.unmanage),
            ("-o", self.manage),
            ("-Z", self.online),
            ("-z", self.switch),
        ];
        let chosen: Vec<&'static str> = modes
            .iter()
            .filter(|(_, on)| *on)
            .map(|(f, _)| *f)
            .collect();
        let mode = match chosen.as_slice() {
            [] => {
                return Err(usage(
                    "no action given: use one of -c, -e, -n, -F, -m, -Q, -R, -r, -S, -s, -u, -o, -Z, -z",
                ));
            }
            [one] => *one,
            many => {
                return Err(usage(format!(
                    "{} cannot be combined: give one action per command",
                    many.join(" and ")
                )));
            }
        };
        for e in self.groups.iter().chain(&self.resources).chain(&self.nodes) {
            if e.is_empty() {
                return Err(usage(
                    "empty name in a list: write lists comma-separated without spaces or empty entries (e.g. -h mail-1,mail-2)",
                ));
            }
        }
        // Which options each form accepts.
        let allowed: &[char] = match mode {
            "-c" => &['h', 'j', 'f'],
            "-e" | "-n" => &['j', 'M', 'h'],
            "-F" => &['g', 'D'],
            "-m" => &['D'],
            "-Q" => &['g', 'k'],
            "-R" => &['h', 'g'],
            "-r" => &['g'],
            "-S" => &['h', 'K'],
            "-s" => &['g', 'k'],
            "-u" | "-o" => &['g'],
            "-Z" => &['g'],
            "-z" => &['g', 'h', 'D'],
            _ => &[],
        };
        let given: Vec<(char, bool)> = vec![
            ('g', !self.groups.is_empty()),
            ('j', !self.resources.is_empty()),
            ('h', !self.nodes.is_empty()),
            ('D', !self.device_groups.is_empty()),
            ('f', self.flag.is_some()),
            ('K', self.keep_off.is_some()),
            ('M', self.monitor),
            ('k', self.kill),
        ];
        for (c, on) in given {
            if on && !allowed.contains(&c) {
                return Err(usage(format!("-{c} cannot be used with {mode}")));
            }
        }
        Ok(mode)
    }

    /// The intent of form `mode` (options already checked).
    fn intent_of_mode(&self, mode: &str) -> Result<Intent> {
        let need = |ok: bool, what: &str| -> Result<()> {
            if ok {
                Ok(())
            } else {
                Err(usage(format!("{mode} needs {what}")))
            }
        };
        let g = self.groups.clone();
        Ok(match mode {
            "-Z" => Intent::Online { rgs: g },
            "-z" => {
                if !self.device_groups.is_empty() {
                    if !self.groups.is_empty() {
                        return Err(usage("-z takes either -g or -D, not both"));
                    }
                    need(self.nodes.len() == 1, "exactly one node (-h node) with -D")?;
                    Intent::DeviceSwitch {
                        dgs: self.device_groups.clone(),
                        node: self.nodes[0].clone(),
                    }
                } else {
                    need(!g.is_empty(), "-g rg,... (or -D dg,...)")?;
                    if self.nodes.is_empty() {
                        Intent::Rebalance { rgs: g }
                    } else {
                        Intent::Switch {
                            rgs: g,
                            nodes: self.nodes.clone(),
                        }
                    }
                }
            }
            "-F" => match (g.is_empty(), self.device_groups.is_empty()) {
                (false, true) => Intent::Offline { rgs: g },
                (true, false) => Intent::DeviceOffline {
                    dgs: self.device_groups.clone(),
                },
                (false, false) => return Err(usage("-F takes either -g or -D, not both")),
                (true, true) => return Err(usage("-F needs -g rg,... or -D dg,...")),
            },
            "-m" => {
                need(!self.device_groups.is_empty(), "-D dg,...")?;
                Intent::DeviceMaintenance {
                    dgs: self.device_groups.clone(),
                }
            }
            "-R" => {
                need(!self.nodes.is_empty(), "-h node,...")?;
                need(!g.is_empty(), "-g rg,...")?;
                Intent::Restart {
                    rgs: g,
                    nodes: self.nodes.clone(),
                }
            }
            "-S" => {
                need(self.nodes.len() == 1, "exactly one node (-h node)")?;
                Intent::Evacuate {
                    node: self.nodes[0].clone(),
                    keep_off_ms: super::limits::keep_off_ms(
                        self.keep_off.unwrap_or(DEFAULT_KEEP_OFF_S),
                    )?,
                }
            }
            "-u" => {
                need(!g.is_empty(), "-g rg,...")?;
                Intent::Unmanage { rgs: g }
            }
            "-o" => {
                need(!g.is_empty(), "-g rg,...")?;
                Intent::Manage { rgs: g }
            }
            "-e" | "-n" => {
                need(!self.resources.is_empty(), "-j resource,...")?;
                if !self.nodes.is_empty() {
                    // Per-node switches (3.2); the engine refuses them on a 3.1 cluster.
                    return Ok(Intent::NodeSwitch {
                        resources: self.resources.clone(),
                        nodes: self.nodes.clone(),
                        on: mode == "-e",
                        monitor_only: self.monitor,
                    });
                }
                if mode == "-e" {
                    Intent::Enable {
                        resources: self.resources.clone(),
                        monitor_only: self.monitor,
                    }
                } else {
                    Intent::Disable {
                        resources: self.resources.clone(),
                        monitor_only: self.monitor,
                    }
                }
            }
            "-c" => {
                need(!self.nodes.is_empty(), "-h node,...")?;
                need(!self.resources.is_empty(), "-j resource,...")?;
                match self.flag.as_deref() {
                    Some(f) if f.eq_ignore_ascii_case("STOP_FAILED") => {}
                    Some(f) => {
                        return Err(usage(format!(
                            "-f {f}: the only error flag scswitch clears is STOP_FAILED"
                        )));
                    }
                    None => return Err(usage("-c needs -f STOP_FAILED")),
                }
                Intent::ClearStopFailed {
                    resources: self.resources.clone(),
                    nodes: self.nodes.clone(),
                }
            }
            "-Q" => Intent::Quiesce {
                rgs: g,
                kill: self.kill,
            },
            "-s" => Intent::Suspend {
                rgs: g,
                kill: self.kill,
            },
            "-r" => Intent::Resume { rgs: g },
            _ => return Err(usage("unknown action")),
        })
    }
}

pub fn run(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    ctx.service.require(crate::service::CommandSet::Sc31);
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let Some(a) = super::parse_with::<Args>("scswitch", args, ctx.out)? else {
        return Ok(());
    };
    let intent = a.intent()?;
    let now = ctx.now_ms()?;
    let mode = Mode::dry_run_if(a.dry_run);
    let cmd = CommandLine {
        prog: "scswitch",
        words: &words,
    };
    let done = ctx.service.apply_intent(cmd, &intent, mode, now)?;
    let tr = &done.transition;
    if a.json {
        let report = if mode.is_dry_run() {
            render::dry_run(tr, &done.state)
        } else {
            render::transition(tr)
        };
        ctx.out.out(&crate::render::outcome::json(
            "scswitch",
            mode.is_dry_run(),
            &report,
            &done.state,
            None,
        ));
        for w in &done.warnings {
            ctx.out.warn(w);
        }
        return outcome(&done);
    }
    if mode.is_dry_run() {
        ctx.out.out(&render::dry_run(tr, &done.state));
        return outcome(&done);
    }
    if a.verbose {
        ctx.out.out(&render::transition(tr));
        let groups = tr.groups(&done.state);
        if !groups.is_empty() {
            ctx.out.outln("Resulting placement:");
            ctx.out.out(&render::placement(&done.state, &groups));
        }
    }
    if !a.verbose {
        for n in &tr.notes {
            ctx.out.note(n);
        }
    }
    for w in &done.warnings {
        ctx.out.warn(w);
    }
    let result = outcome(&done);
    crate::let_go(done);
    result
}

/// Exit 10 when a method failed or the requested result was not reached.
fn outcome(done: &Applied) -> Result<()> {
    if done.reached() {
        return Ok(());
    }
    let mut msg = String::new();
    for f in &done.transition.failures {
        if !msg.is_empty() {
            msg.push_str("; ");
        }
        msg.push_str(&format!(
            "{} of resource {} {} on {} ({})",
            f.method.rtr_name(),
            f.resource,
            if f.timed_out { "timed out" } else { "failed" },
            f.node,
            f.recovery
        ));
    }
    if !done.unmet.is_empty() {
        if !msg.is_empty() {
            msg.push_str("; ");
        }
        let unmet: Vec<String> = done.unmet.iter().map(ToString::to_string).collect();
        msg.push_str(&format!(
            "requested result not reached: {}",
            unmet.join("; ")
        ));
    }
    let mut e = ScError::new(ErrorCode::Method, msg);
    for h in done
        .transition
        .failures
        .iter()
        .filter_map(|f| f.clear_hint(&done.state))
    {
        e = e.hint(h);
    }
    if let Some(g) = done.group_to_inspect() {
        e = e.hint(format!(
            "see what happened with: scsim log --group {g} --last 40; scstat -g"
        ));
    }
    Err(e)
}
