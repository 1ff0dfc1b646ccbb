//! The edge: which command was invoked, its environment, and dispatch.
//!
//! The executable is `scsim`; invoked through a link named `scrgadm`, `scswitch` or `scstat` it
//! *is* that command (busybox style). Each personality has its own parser in its own module and
//! reports errors under its own name. Only [`Env`] reads the process environment.

#![deny(clippy::too_many_lines)]

pub mod cl;
pub mod complete;
pub mod eco;
pub mod import;
pub mod json_out;
pub mod limits;
pub mod log;
pub mod manual;
pub mod msgtools;
pub mod native;
pub mod native_pcmk;
pub mod ops;
pub mod registry;
pub mod sc31;
pub mod scconf;
pub mod scha;
pub mod scinstall;
pub mod scrgadm;
pub mod scstat;
pub mod scswitch;
pub mod show;
pub mod words;

use crate::error::{ErrorCode, Result, ScError};
use crate::printer::Printer;
use crate::service::{Auto, Service};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Which command the process is: the native `scsim`, or a personality of the registry.
#[derive(Debug, Clone, Copy)]
pub enum Personality {
    Native,
    Sc(&'static registry::Entry),
}

impl PartialEq for Personality {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Personality {}

impl Personality {
    /// From the file name of argv[0]: `/usr/cluster/bin/scrgadm` → scrgadm; anything else is
    /// the native `scsim`.
    pub fn from_argv0(argv0: &str) -> Personality {
        let file = Path::new(argv0)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = file.strip_suffix(".exe").unwrap_or(&file);
        Self::from_name(stem).unwrap_or(Personality::Native)
    }
    /// The personality of this name (`scsim` included).
    pub fn from_name(name: &str) -> Option<Personality> {
        if name == registry::NATIVE {
            return Some(Personality::Native);
        }
        registry::find(name).map(Personality::Sc)
    }
    pub fn name(self) -> &'static str {
        match self {
            Personality::Native => registry::NATIVE,
            Personality::Sc(e) => e.name,
        }
    }
    /// The clap command of this personality (for help, completions, man pages).
    pub fn command(self) -> clap::Command {
        manual::decorate(match self {
            Personality::Native => native::command(),
            Personality::Sc(e) => (e.command)(),
        })
    }
    /// Man page section.
    pub fn section(self) -> &'static str {
        match self {
            Personality::Native => "1",
            Personality::Sc(e) => e.section,
        }
    }
}

/// The process environment that scsim honours, read once.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `SCSIM_STATE`
    pub state: Option<PathBuf>,
    /// `XDG_STATE_HOME`
    pub xdg_state_home: Option<PathBuf>,
    /// `HOME`
    pub home: Option<PathBuf>,
    /// `SCSIM_NOW`: pins the wall clock (seconds since the epoch or RFC 3339 UTC).
    pub now: Option<String>,
    /// `SCSIM_LOCK_TIMEOUT` (seconds).
    pub lock_timeout: Option<String>,
    /// `SCSIM_SYNC`: `grouped` (default) or `every`.
    pub sync: Option<String>,
    /// `SCSIM_NODE`, or the NODE of `scsim on NODE`: the node the command runs on.
    pub node: Option<String>,
    /// The command word `scsim on NODE` was given (`/opt/SUNWmsgsr/sbin/configutil`).
    pub invoked: Option<String>,
}

impl Env {
    /// Read the process environment. The only place scsim calls `std::env::var`.
    #[allow(clippy::disallowed_methods)]
    pub fn from_process() -> Env {
        let path = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let text = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Env {
            state: path("SCSIM_STATE"),
            xdg_state_home: path("XDG_STATE_HOME"),
            home: path("HOME"),
            now: text("SCSIM_NOW"),
            lock_timeout: text("SCSIM_LOCK_TIMEOUT"),
            sync: text("SCSIM_SYNC"),
            node: text("SCSIM_NODE"),
            invoked: None,
        }
    }

    /// State file path: explicit `--state`, else `SCSIM_STATE`, else the XDG default.
    pub fn state_path(&self, explicit: Option<&Path>) -> Result<PathBuf> {
        if let Some(p) = explicit {
            limits::check_state_option(p)?;
            return Ok(p.to_path_buf());
        }
        if let Some(p) = &self.state {
            return Ok(p.clone());
        }
        if let Some(x) = &self.xdg_state_home {
            return Ok(x.join("scsim").join("cluster.json"));
        }
        if let Some(h) = &self.home {
            return Ok(h.join(".local/state/scsim/cluster.json"));
        }
        Err(ScError::inval(
            "no state file: none given with --state, SCSIM_STATE is unset and so are XDG_STATE_HOME and HOME",
        )
        .hint("set SCSIM_STATE=/path/to/cluster.json"))
    }

    /// Wall-clock time in ms: `SCSIM_NOW` when set, else the system clock.
    pub fn now_ms(&self) -> Result<u64> {
        match &self.now {
            Some(s) => crate::timefmt::parse_time(s).ok_or_else(|| {
                ScError::inval(format!(
                    "SCSIM_NOW={s} is not a time: give seconds since the epoch or YYYY-MM-DDTHH:MM:SSZ"
                ))
            }),
            None => Ok(std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as u64)
                .unwrap_or(0)),
        }
    }

    /// How commits wait for the disk: `SCSIM_SYNC`.
    pub fn sync(&self) -> Result<crate::store::durable::Sync> {
        match &self.sync {
            None => Ok(crate::store::durable::Sync::default()),
            Some(s) => crate::store::durable::Sync::parse(s).ok_or_else(|| {
                ScError::inval(format!(
                    "SCSIM_SYNC={} is not a sync mode: give `grouped` (the default: one sync per burst of commands) or `every` (a sync per command)",
                    limits::cut(s)
                ))
            }),
        }
    }

    pub fn lock_timeout(&self) -> Result<Duration> {
        match &self.lock_timeout {
            None => Ok(Duration::from_secs(10)),
            Some(s) => crate::service::parse_lock_timeout(s).ok_or_else(|| {
                ScError::inval(format!(
                    "SCSIM_LOCK_TIMEOUT={} is not a number of seconds from 0 to 86400",
                    limits::cut(s)
                ))
            }),
        }
    }
}

/// What a command needs: environment, printer, and the cluster service of its state file.
pub struct Ctx<'a> {
    pub env: &'a Env,
    pub out: &'a mut Printer,
    pub service: Service<Auto>,
}

impl<'a> Ctx<'a> {
    pub fn new(env: &'a Env, out: &'a mut Printer, state_path: PathBuf) -> Ctx<'a> {
        Ctx {
            env,
            out,
            service: Service::auto(state_path, env.lock_timeout())
                .syncing(env.sync())
                .on_node(env.node.clone()),
        }
    }
    pub fn now_ms(&self) -> Result<u64> {
        self.env.now_ms()
    }
    /// A failed command that exists on every release (scha_*, scsim, the node tools) spells
    /// the fixes of its hints in the command set of the cluster's release
    /// ([`registry::release_syntax`]): no `scswitch` line on a 4.x cluster, where scswitch
    /// does not exist. The release costs one more read, on the error path only.
    pub fn spell_for_release(&mut self, result: &Result<()>) {
        let Err(e) = result else { return };
        if !e.hints.iter().any(crate::fix::Hint::has_fix) {
            return;
        }
        if let Some(release) = self.service.release() {
            self.out.syntax = registry::release_syntax(release);
        }
    }
    /// The node this command runs on ([`crate::query::lookup::local_node`]).
    pub fn local_node(&self, state: &crate::model::ClusterState) -> Result<String> {
        crate::query::lookup::local_node(state, self.env.node.as_deref())
    }
}

/// Parse `args` (without argv[0]) with a clap-derive parser named `prog`, an SC command.
/// `Ok(None)`: help or version was printed, exit 0. Usage errors map to exit 3 and read as
/// scrgadm's do: clap's first line (the usage block would bury it) and a hint naming `-?`.
pub fn parse_with<T: clap::Parser>(
    prog: &str,
    args: Vec<OsString>,
    out: &mut Printer,
) -> Result<Option<T>> {
    parse_command::<T>(prog, T::command(), args, out).map_err(|e| {
        if e.code != ErrorCode::Inval || !e.hints.is_empty() {
            return e;
        }
        let first = e.message.lines().next().unwrap_or_default().to_string();
        ScError::inval(first).hint(forms_hint(prog))
    })
}

/// The hint of an SC command's usage errors: where the command forms are listed.
pub fn forms_hint(prog: &str) -> String {
    format!("{prog} -? lists the command forms")
}

/// As [`parse_with`], with the clap command given (a derived command adjusted by the caller).
/// Before clap, a Unicode dash in place of `-` is named with the real option; a stray operand
/// and a missing subcommand get messages that say what was meant ([`words`]).
pub fn parse_command<T: clap::FromArgMatches>(
    prog: &str,
    cmd: clap::Command,
    args: Vec<OsString>,
    out: &mut Printer,
) -> Result<Option<T>> {
    let cmd = manual::decorate(cmd.name(prog.to_string()).bin_name(prog.to_string()));
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    words::check_dashes(&cmd, &words)?;
    limits::check_negative(&cmd, &words)?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(OsString::from(prog));
    full.extend(args);
    let matches = cmd.clone().try_get_matches_from(full);
    let res = matches.and_then(|mut m| T::from_arg_matches_mut(&mut m));
    match res {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            use clap::error::{ContextKind, ContextValue, ErrorKind};
            match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    out.out(&e.render().to_string());
                    Ok(None)
                }
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    Err(words::missing_subcommand(&cmd, &words))
                }
                kind => {
                    if let Some(err) = limits::empty_value(&e, &words) {
                        return Err(err);
                    }
                    if kind == ErrorKind::UnknownArgument
                        && let Some(ContextValue::String(op)) = e.get(ContextKind::InvalidArg)
                        && !op.starts_with('-')
                        && let Some(err) = words::stray_operand(prog, &cmd, &words, op)
                    {
                        return Err(err);
                    }
                    let text = e.render().to_string();
                    let text = text.trim_end();
                    let text = text.strip_prefix("error: ").unwrap_or(text);
                    Err(ScError::new(ErrorCode::Inval, text.to_string()))
                }
            }
        }
    }
}

/// Run one invocation. `argv` includes argv[0]. Returns the exit status.
pub fn run(argv: Vec<OsString>, env: &Env, out: &mut Printer) -> i32 {
    let argv0 = argv
        .first()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_else(|| "scsim".into());
    let personality = Personality::from_argv0(&argv0);
    let args: Vec<OsString> = argv.into_iter().skip(1).collect();
    out.prog = personality.name().to_string();
    out.syntax = match personality {
        Personality::Native => registry::NATIVE_SYNTAX,
        Personality::Sc(e) => e.syntax,
    };
    let result = match personality {
        Personality::Native => native::run(args, env, out),
        Personality::Sc(p) => run_personality(p, None, args, env, out),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            out.error(&e);
            e.code.exit_code()
        }
    }
}

/// Run an SC command (`scrgadm`, `scswitch`, `scstat`, …), reached either through its link or
/// as `scsim NAME …` (then `--state` may come from the native command line).
pub fn run_personality(
    p: &'static registry::Entry,
    explicit_state: Option<&Path>,
    args: Vec<OsString>,
    env: &Env,
    out: &mut Printer,
) -> Result<()> {
    out.prog = p.name.to_string();
    out.syntax = p.syntax;
    let state_path = env.state_path(explicit_state)?;
    let mut ctx = Ctx::new(env, out, state_path);
    ctx.service.runs_on_node();
    let result = (p.run)(&mut ctx, args);
    if p.any_release {
        ctx.spell_for_release(&result);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personality_from_argv0() {
        let name = |a: &str| Personality::from_argv0(a).name();
        assert_eq!(name("/usr/cluster/bin/scrgadm"), "scrgadm");
        assert_eq!(name("scstat"), "scstat");
        assert_eq!(name("scswitch.exe"), "scswitch");
        assert_eq!(Personality::from_argv0("/x/scsim"), Personality::Native);
        assert_eq!(Personality::from_argv0("scrgadm2"), Personality::Native);
    }

    #[test]
    fn state_path_precedence() {
        let env = Env {
            state: Some("/e/s.json".into()),
            xdg_state_home: Some("/xdg".into()),
            home: Some("/home/u".into()),
            ..Env::default()
        };
        assert_eq!(
            env.state_path(Some(Path::new("/x.json"))).unwrap(),
            PathBuf::from("/x.json")
        );
        assert_eq!(env.state_path(None).unwrap(), PathBuf::from("/e/s.json"));
        let env = Env { state: None, ..env };
        assert_eq!(
            env.state_path(None).unwrap(),
            PathBuf::from("/xdg/scsim/cluster.json")
        );
        let env = Env {
            xdg_state_home: None,
            ..env
        };
        assert_eq!(
            env.state_path(None).unwrap(),
            PathBuf::from("/home/u/.local/state/scsim/cluster.json")
        );
    }
}
