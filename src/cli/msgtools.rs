//! The Messaging Server tools installed on a node (`msg_svr_base/sbin`): `configure`,
//! `configutil`, `ha_ip_config`, `useconfig`, `start-msg`, `stop-msg`. They run on a node —
//! `scsim on NODE -- /opt/SUNWmsgsr/sbin/configutil -o NAME`, or through a link with
//! `SCSIM_NODE` — and are refused ("not found") where no Messaging Server is installed under
//! that path. Dialogues read their answers from stdin (the only reader of the process's
//! stdin); the logic is in `msgsrv` and `service::msgtools`.

use super::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::msgsrv::{self, Aborted, Dialogue};
use crate::service::msgtools::{MsgRequest, ToolOutput, ToolSite};
use std::ffi::OsString;
use std::io::BufRead;

fn tool(
    name: &'static str,
    about: &'static str,
    usage: &'static str,
    example: &'static str,
) -> clap::Command {
    clap::Command::new(name)
        .about(about)
        .override_usage(usage)
        .after_help(format!(
            "Runs on a node of the simulated cluster where the Messaging Server is installed.\n\nExamples:\n  {example}"
        ))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('?')
                .long("help")
                .help("Print help")
                .action(clap::ArgAction::Help),
        )
}

pub fn configure_command() -> clap::Command {
    tool(
        "configure",
        "Messaging Server initial runtime configuration (asks its questions on stdin)",
        "configure",
        "scsim on mail-1 -- /opt/SUNWmsgsr/sbin/configure",
    )
}

pub fn configutil_command() -> clap::Command {
    tool(
        "configutil",
        "Show or set Messaging Server configuration parameters",
        "configutil [-o option [-v value]] [-p prefix]",
        "scsim on mail-1 -- /opt/SUNWmsgsr/sbin/configutil -o local.autorestart -v 1",
    )
    .arg(
        clap::Arg::new("option")
            .short('o')
            .value_name("option")
            .help("The parameter to show, or to set with -v"),
    )
    .arg(
        clap::Arg::new("value")
            .short('v')
            .value_name("value")
            .requires("option")
            .allow_hyphen_values(true)
            .help("Set the parameter to this value (-v \"\" clears it)"),
    )
    .arg(
        clap::Arg::new("prefix")
            .short('p')
            .value_name("prefix")
            .conflicts_with("option")
            .help("List the parameters whose names start with prefix"),
    )
}

pub fn ha_ip_config_command() -> clap::Command {
    tool(
        "ha_ip_config",
        "Bind the Messaging Server to the HA logical IP address (asks on stdin)",
        "ha_ip_config",
        "scsim on mail-1 -- /opt/SUNWmsgsr/sbin/ha_ip_config",
    )
}

pub fn useconfig_command() -> clap::Command {
    tool(
        "useconfig",
        "Use the shared configuration of an earlier configure on this node",
        "useconfig SETTINGS_FILE",
        "scsim on mail-2 -- /opt/SUNWmsgsr/sbin/useconfig /global/mail1/msg/setup/configure_20261124090000",
    )
    .arg(
        clap::Arg::new("settings")
            .required(true)
            .value_name("SETTINGS_FILE")
            .help("The settings file configure saved (DATA_DIR/setup/configure_YYYYMMDDHHMMSS)"),
    )
}

const COMPONENTS: [&str; 12] = [
    "dispatcher",
    "job_controller",
    "smtp",
    "imap",
    "pop",
    "store",
    "http",
    "ens",
    "sched",
    "snmp",
    "sms",
    "mmp",
];

fn start_stop_command(
    name: &'static str,
    about: &'static str,
    usage: &'static str,
    example: &'static str,
) -> clap::Command {
    tool(name, about, usage, example).arg(
        clap::Arg::new("components")
            .num_args(0..)
            .value_name("COMPONENT")
            .help("ha (HA mode, as the cluster agent runs it), or components (all enabled ones are simulated)"),
    )
}

pub fn start_msg_command() -> clap::Command {
    start_stop_command(
        "start-msg",
        "Start the Messaging Server (start-msg ha: as the SUNW.ims agent does)",
        "start-msg [ha | COMPONENT...]",
        "scsim on mail-1 -- /opt/SUNWmsgsr/sbin/start-msg ha",
    )
}

pub fn stop_msg_command() -> clap::Command {
    start_stop_command(
        "stop-msg",
        "Stop the Messaging Server",
        "stop-msg [ha | COMPONENT...]",
        "scsim on mail-1 -- /opt/SUNWmsgsr/sbin/stop-msg ha",
    )
}

/// Parse `args` with `cmd` (`None`: help was printed).
fn parse(
    ctx: &mut Ctx,
    cmd: clap::Command,
    args: Vec<OsString>,
) -> Result<Option<clap::ArgMatches>> {
    #[derive(Debug)]
    struct M(clap::ArgMatches);
    impl clap::FromArgMatches for M {
        fn from_arg_matches(m: &clap::ArgMatches) -> std::result::Result<Self, clap::Error> {
            Ok(M(m.clone()))
        }
        fn update_from_arg_matches(
            &mut self,
            m: &clap::ArgMatches,
        ) -> std::result::Result<(), clap::Error> {
            self.0 = m.clone();
            Ok(())
        }
    }
    let name = cmd.get_name().to_string();
    Ok(super::parse_command::<M>(&name, cmd, args, ctx.out)?.map(|m| m.0))
}

/// The node and base a tool runs at.
fn site(ctx: &Ctx, name: &str) -> Result<ToolSite> {
    let word = ctx.env.invoked.clone().unwrap_or_else(|| name.to_string());
    ctx.service.tool_site(ctx.env.node.as_deref(), &word, name)
}

fn print(ctx: &mut Ctx, out: ToolOutput) {
    for l in out.lines {
        ctx.out.outln(&l);
    }
    for w in out.warnings {
        ctx.out.warn(&w);
    }
}

fn run_request(ctx: &mut Ctx, site: &ToolSite, req: MsgRequest) -> Result<()> {
    let now = ctx.now_ms()?;
    let out = ctx.service.msg_tool(site, &req, now)?;
    print(ctx, out);
    Ok(())
}

/// A dialogue on the process's stdin, prompts through the printer.
/// Answers read from a pipe are echoed after their question, so a transcript reads as the
/// dialogue did on a terminal.
struct Stdin<'a, 'b> {
    ctx: &'a mut Ctx<'b>,
    lines: std::io::Lines<std::io::StdinLock<'static>>,
    echo: bool,
}

impl<'a, 'b> Stdin<'a, 'b> {
    fn new(ctx: &'a mut Ctx<'b>) -> Self {
        use std::io::IsTerminal;
        let stdin = std::io::stdin();
        let echo = !stdin.is_terminal();
        Stdin {
            ctx,
            lines: stdin.lock().lines(),
            echo,
        }
    }
}

impl Dialogue for Stdin<'_, '_> {
    fn say(&mut self, text: &str) {
        self.ctx.out.out(text);
        self.ctx.out.flush_pending();
    }
    fn answer(&mut self) -> Option<String> {
        let line = self.lines.next().and_then(|l| l.ok())?;
        if self.echo {
            self.say(&format!("{line}\n"));
        }
        Some(line)
    }
}

fn aborted(tool: &str) -> ScError {
    ScError::new(
        ErrorCode::Inval,
        format!("{tool}: aborted (end of input); nothing was changed"),
    )
}

pub fn run_configure(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    if parse(ctx, configure_command(), args)?.is_none() {
        return Ok(());
    }
    let site = site(ctx, "configure")?;
    let answers = {
        let mut d = Stdin::new(ctx);
        msgsrv::configure_dialogue(&mut d, &site.node).map_err(|Aborted| aborted("configure"))?
    };
    run_request(ctx, &site, MsgRequest::Configure(answers))
}

pub fn run_configutil(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    let Some(m) = parse(ctx, configutil_command(), args)? else {
        return Ok(());
    };
    let site = site(ctx, "configutil")?;
    let get = |k: &str| m.get_one::<String>(k).cloned();
    let req = match (get("option"), get("value")) {
        (Some(o), Some(v)) => MsgRequest::Set(o, v),
        (Some(o), None) => MsgRequest::Get(o),
        _ => MsgRequest::List {
            prefix: get("prefix"),
        },
    };
    run_request(ctx, &site, req)
}

pub fn run_ha_ip_config(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    if parse(ctx, ha_ip_config_command(), args)?.is_none() {
        return Ok(());
    }
    let site = site(ctx, "ha_ip_config")?;
    let service = crate::service::Service::simulator(
        ctx.service.path().to_path_buf(),
        ctx.env.lock_timeout(),
    );
    let answers = {
        let mut d = Stdin::new(ctx);
        let check = |dir: &str| service.configured_base(&site, dir);
        msgsrv::ha_ip_dialogue(&mut d, &site.base, &check)
            .map_err(|Aborted| aborted("ha_ip_config"))?
    };
    run_request(ctx, &site, MsgRequest::HaIpConfig(answers))
}

pub fn run_useconfig(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    let Some(m) = parse(ctx, useconfig_command(), args)? else {
        return Ok(());
    };
    let site = site(ctx, "useconfig")?;
    let file = m.get_one::<String>("settings").cloned().unwrap_or_default();
    run_request(ctx, &site, MsgRequest::Useconfig(file))
}

fn start_stop(ctx: &mut Ctx, args: Vec<OsString>, start: bool) -> Result<()> {
    let (name, cmd) = if start {
        ("start-msg", start_msg_command())
    } else {
        ("stop-msg", stop_msg_command())
    };
    let Some(m) = parse(ctx, cmd, args)? else {
        return Ok(());
    };
    let words: Vec<String> = m
        .get_many::<String>("components")
        .map(|v| v.cloned().collect())
        .unwrap_or_default();
    let ha = words.iter().any(|w| w == "ha");
    if let Some(bad) = words
        .iter()
        .find(|w| *w != "ha" && !COMPONENTS.contains(&w.as_str()))
    {
        return Err(ScError::inval(format!("{name}: unknown component {bad}"))
            .suggest(bad, COMPONENTS.iter().copied().chain(["ha"])));
    }
    let site = site(ctx, name)?;
    run_request(
        ctx,
        &site,
        if start {
            MsgRequest::StartMsg { ha }
        } else {
            MsgRequest::StopMsg { ha }
        },
    )
}

pub fn run_start_msg(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    start_stop(ctx, args, true)
}

pub fn run_stop_msg(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    start_stop(ctx, args, false)
}
