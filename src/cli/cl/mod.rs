//! The Sun Cluster 3.2 / Oracle Solaris Cluster object CLI: `clresourcetype` (clrt),
//! `clresourcegroup` (clrg), `clresource` (clrs), `clreslogicalhostname` (clrslh),
//! `clressharedaddress` (clrssa), `clnode`, `clquorum` (clq), `clinterconnect` (clintr),
//! `cldevicegroup` (cldg) and `cluster`.
//!
//! Each command parses `cmd subcommand [options] [operands]` into the same typed requests and
//! intents the 3.1 commands produce and runs them through the service, several steps in one
//! transaction where one verb does what several 3.1 commands did. Shared here: the clap
//! conventions (`-?`, `-V`, long options), operands (`+` = every object), property arguments
//! (`-p name=value`, `name+=value`, `name-=value`, `name{node}=value`), running the steps and
//! the outcome. Messages and CL_* exit codes: [`codes`]; how fixes are spelled: [`syntax`].

pub mod cldg;
pub mod clintr;
pub mod clnode;
pub mod clquorum;
pub mod clrg;
pub mod clrs;
pub mod clrslh;
pub mod clrt;
pub mod cluster;
pub mod codes;
pub mod examples;
pub mod syntax;

use super::Ctx;
use crate::error::{ErrorCode, Result, ScError};
use crate::render::plan as render_plan;
use crate::service::batch::{Batch, Step};
use crate::service::config::{PropArg, PropOp};
use crate::service::{CommandLine, CommandSet, Mode};
use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;

/// The object CLI's clap conventions on a derived command: `-?`/`--help` on the command and
/// every subcommand (`-h` is an option of some subcommands), `-V`/`--version`, no `help`
/// subcommand, the name it was invoked as, and the examples of the command and of each
/// subcommand ([`examples`]).
pub fn conventions(cmd: Command, name: &'static str) -> Command {
    let help = Arg::new("help")
        .short('?')
        .long("help")
        .action(ArgAction::Help)
        .help("Print help");
    let cmd = cmd
        .name(name)
        .bin_name(name)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .version(env!("CARGO_PKG_VERSION"))
        .arg(help.clone())
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Print the version"),
        )
        .mut_subcommands(move |s| {
            let ex = examples::of(name, Some(s.get_name()));
            super::manual::with_examples(s.disable_help_flag(true).arg(help.clone()), ex)
        });
    super::manual::with_examples(cmd, examples::of(name, None))
}

/// Parse the words with the command's clap parser. `Ok(None)`: help or version printed.
pub fn parse<T: clap::FromArgMatches>(
    ctx: &mut Ctx,
    prog: &'static str,
    cmd: Command,
    args: Vec<OsString>,
) -> Result<Option<T>> {
    super::parse_command::<T>(prog, cmd, args, ctx.out)
}

/// Run an object-CLI command: it exists on 3.2 and later only, and its errors take the
/// object CLI's form and exit codes.
pub fn run_cl(
    ctx: &mut Ctx,
    args: Vec<OsString>,
    body: impl FnOnce(&mut Ctx, Vec<OsString>) -> Result<()>,
) -> Result<()> {
    ctx.service.require(CommandSet::ObjectCli);
    body(ctx, args).map_err(codes::to_cl)
}

/// The words of the command line, for the event log.
pub fn words(args: &[OsString]) -> Vec<String> {
    args.iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// The objects an operand list names: `+` is every object (`all`), otherwise the names as
/// given (checked by the service). `what` names the operand for the error when none is given.
pub fn operands(
    ops: &[String],
    what: &str,
    all: impl FnOnce() -> Result<Vec<String>>,
) -> Result<Vec<String>> {
    if ops.iter().any(|o| o == "+") {
        if ops.len() > 1 {
            return Err(ScError::inval(format!(
                "+ stands for every {what} and cannot be combined with names"
            )));
        }
        return all();
    }
    if ops.is_empty() {
        return Err(ScError::inval(format!(
            "no {what} given: name one or more, or + for every {what}"
        )));
    }
    Ok(split(ops))
}

/// Operands for list, show and status: none or `+` means every object.
pub fn operands_or_all(
    ops: &[String],
    what: &str,
    all: impl FnOnce() -> Result<Vec<String>>,
) -> Result<Vec<String>> {
    if ops.is_empty() {
        return all();
    }
    operands(ops, what, all)
}

/// Comma-separated or repeated names, trimmed, without empty entries.
pub fn split(list: &[String]) -> Vec<String> {
    list.iter()
        .flat_map(|s| s.split(','))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `-v` of the verbs that print more with it (list, show, status of the cluster objects).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Detail {
    /// More detail
    #[arg(short = 'v', long = "verbose")]
    pub verbose: bool,
}

/// `-p name[,…]` of show (clrs, clrg, clrt): only the properties named.
#[derive(Debug, Clone, clap::Args)]
pub struct PropNames {
    /// Only these properties (names, any case)
    #[arg(short = 'p', long = "property", value_name = "name[,...]")]
    pub props: Vec<String>,
}

impl PropNames {
    /// What a show prints, with `-v` or not.
    pub fn shown(&self, verbose: bool) -> crate::render::cl::show::Shown {
        crate::render::cl::show::Shown::new(verbose, split(&self.props))
    }
}

/// `-l listtype` and `-p name[,…]` of list-props (clrs, clrt).
#[derive(Debug, Clone, clap::Args)]
pub struct PropListing {
    /// Which properties: all (the default), standard or extension
    #[arg(short = 'l', long = "listtype", value_name = "listtype")]
    pub list_type: Option<String>,
    #[command(flatten)]
    pub names: PropNames,
}

/// The list types of `list-props -l`.
const LIST_TYPES: [&str; 3] = ["all", "standard", "extension"];

impl PropListing {
    /// The rows of a list-props table (name, class, description) that `-l` and `-p` keep.
    /// `-l` another word is a usage error (3); a `-p` name in no row is CL_EPROP (15).
    pub fn keep(&self, rows: Vec<Vec<Vec<String>>>, what: &str) -> Result<Vec<Vec<Vec<String>>>> {
        let class = match self.list_type.as_deref() {
            None => None,
            Some(l) => match LIST_TYPES.iter().find(|k| k.eq_ignore_ascii_case(l)) {
                Some(&"all") => None,
                Some(k) => Some(*k),
                None => {
                    return Err(ScError::inval(format!(
                        "-l {l}: not a property list type (types: {})",
                        LIST_TYPES.join(", ")
                    ))
                    .suggest(l, LIST_TYPES));
                }
            },
        };
        let names = split(&self.names.props);
        let cell = |r: &Vec<Vec<String>>, i: usize| -> String {
            r.first()
                .and_then(|c| c.get(i))
                .cloned()
                .unwrap_or_default()
        };
        if let Some(p) = names
            .iter()
            .find(|p| !rows.iter().any(|r| cell(r, 0).eq_ignore_ascii_case(p)))
        {
            return Err(ScError::new(
                crate::error::ErrorCode::Prop,
                format!("-p {p}: no {what} listed has a property of that name"),
            )
            .suggest(
                p,
                rows.iter()
                    .filter_map(|r| r.first()?.first().map(String::as_str)),
            ));
        }
        Ok(rows
            .into_iter()
            .filter(|r| class.is_none_or(|c| cell(r, 1) == c))
            .filter(|r| {
                names.is_empty() || names.iter().any(|p| cell(r, 0).eq_ignore_ascii_case(p))
            })
            .collect())
    }
}

/// A show's `-p` names must each be a property of some object shown (CL_EPROP, 15, for a
/// name that matched nothing, so that a typing error does not print an empty block).
pub fn check_shown(o: &crate::render::cl::show::Shown, objects: usize, what: &str) -> Result<()> {
    let missed = o.unmatched();
    match missed.first() {
        Some(p) if objects > 0 => Err(ScError::new(
            crate::error::ErrorCode::Prop,
            format!("-p {p}: no {what} shown has a property of that name"),
        )
        .hint(if what == "node" {
            "clnode show lists the properties of a node".to_string()
        } else {
            format!("list-props lists the properties of each {what}")
        })),
        _ => Ok(()),
    }
}

/// The table of `list-props -v` (clrt, clrs).
pub const PROPS_TABLE: crate::render::cl::Table<'static> = crate::render::cl::Table {
    heads: &["Property Name", "Class", "Description"],
    min: &[32, 11],
    indent: "",
    gap: false,
};

/// A list verb's output: the names (the first cell of each row), or with `-v` the table.
pub fn names_or_table(
    out: &mut String,
    verbose: bool,
    table: &crate::render::cl::Table<'_>,
    rows: &[Vec<Vec<String>>],
) {
    if verbose {
        table.render(out, rows);
        return;
    }
    for r in rows {
        if let Some(name) = r.first().and_then(|c| c.first()) {
            out.push_str(name);
            out.push('\n');
        }
    }
}

/// The states `clrg list/status -s` take (rg_properties RG_state).
pub fn group_states() -> &'static [&'static str] {
    crate::model::props::rg_property("RG_state").map_or(&[], |d| d.enum_values)
}

/// The states `clrs list/status -s` take (r_properties Resource_state).
pub const RESOURCE_STATES: [&str; 8] = [
    "Online",
    "Offline",
    "Online_not_monitored",
    "Starting",
    "Stopping",
    "Start_failed",
    "Stop_failed",
    "Monitor_failed",
];

/// `-s` values, each one of `known` (any case); another word is a usage error naming them.
pub fn check_states(states: &[String], known: &[&str], what: &str) -> Result<Vec<String>> {
    for s in states {
        if !known.iter().any(|k| k.eq_ignore_ascii_case(s)) {
            return Err(ScError::inval(format!(
                "-s {s}: not a {what} state (states: {})",
                known.join(", ")
            ))
            .suggest(s, known.iter().copied()));
        }
    }
    Ok(states.to_vec())
}

/// `-t` values: the full names of the registered types they name (CL_ENOENT for a type that
/// is not registered).
pub fn check_types(state: &crate::model::ClusterState, types: &[String]) -> Result<Vec<String>> {
    types
        .iter()
        .map(|t| crate::query::types::registered_type(state, t).map(|rt| rt.name.clone()))
        .collect()
}

/// One `-p` argument: `name=value`, `name+=value`, `name-=value`, `name{node}=value`.
/// `flag` is the option it came from (`-p`: standard or extension; `-y`; `-x`).
pub fn prop_arg(flag: &str, raw: &str) -> Result<PropArg> {
    let Some((lhs, value)) = raw.split_once('=') else {
        return Err(ScError::inval(format!(
            "{flag} {raw}: no value; write {flag} NAME=VALUE (or NAME+=VALUE, NAME-=VALUE to edit a list)"
        )));
    };
    let (name, op) = if let Some(n) = lhs.strip_suffix('+') {
        (n, PropOp::Add)
    } else if let Some(n) = lhs.strip_suffix('-') {
        (n, PropOp::Remove)
    } else {
        (lhs, PropOp::Set)
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(ScError::inval(format!(
            "{flag} {raw}: the property name is missing; write {flag} NAME=VALUE"
        )));
    }
    Ok(PropArg {
        name: name.to_string(),
        value: value.to_string(),
        extension: flag == "-x",
        either: flag == "-p",
        op,
    })
}

/// Every `-p`, `-y` and `-x` argument, in the order of their flags.
pub fn prop_args(p: &[String], y: &[String], x: &[String]) -> Result<Vec<PropArg>> {
    let mut out = Vec::new();
    for (flag, list) in [("-p", p), ("-y", y), ("-x", x)] {
        for raw in list {
            out.push(prop_arg(flag, raw)?);
        }
    }
    Ok(out)
}

/// How a changing subcommand runs.
#[derive(Debug, Clone, Copy)]
pub struct Exec {
    pub prog: &'static str,
    /// Print the plan and the simulated result; change nothing (scsim extension).
    pub dry_run: bool,
    /// Print what ran and where the groups ended up (scsim extension).
    pub verbose: bool,
}

/// Run the steps in one transaction and report: nothing on success (as the real commands),
/// warnings on stderr, the plan with `--dry-run`, what ran with `-v`; exit 10 (CL_EMETHOD)
/// when a method failed or a result was not reached.
pub fn execute(ctx: &mut Ctx, how: Exec, words: &[String], steps: &[Step]) -> Result<()> {
    let now = ctx.now_ms()?;
    let mode = Mode::dry_run_if(how.dry_run);
    let cmd = CommandLine {
        prog: how.prog,
        words,
    };
    let done = ctx.service.run_steps(cmd, steps, mode, now)?;
    for w in &done.warnings {
        ctx.out.warn(w);
    }
    if how.dry_run {
        for d in &done.descriptions {
            ctx.out.outln(&format!("dry run: would {d}"));
        }
        for tr in &done.transitions {
            ctx.out.out(&render_plan::dry_run(tr, &done.state));
        }
        ctx.out.outln("dry run: nothing was written");
    } else if how.verbose {
        for tr in &done.transitions {
            ctx.out.out(&render_plan::transition(tr));
        }
        let groups: Vec<String> = done
            .transitions
            .iter()
            .flat_map(|t| t.groups(&done.state))
            .collect();
        if !groups.is_empty() {
            ctx.out.outln("Resulting placement:");
            ctx.out.out(&render_plan::placement(&done.state, &groups));
        }
    } else {
        for n in done.transitions.iter().flat_map(|t| &t.notes) {
            ctx.out.note(n);
        }
    }
    outcome(&done)
}

/// CL_EMETHOD when a method failed or the requested result was not reached.
fn outcome(done: &Batch) -> Result<()> {
    if done.reached() {
        return Ok(());
    }
    let mut parts: Vec<String> = Vec::new();
    for f in done.transitions.iter().flat_map(|t| &t.failures) {
        parts.push(format!(
            "{} of resource {} {} on {} ({})",
            f.method.rtr_name(),
            f.resource,
            if f.timed_out { "timed out" } else { "failed" },
            f.node,
            f.recovery
        ));
    }
    if !done.unmet.is_empty() {
        let unmet: Vec<String> = done.unmet.iter().map(ToString::to_string).collect();
        parts.push(format!(
            "requested result not reached: {}",
            unmet.join("; ")
        ));
    }
    let mut e = ScError::new(ErrorCode::Method, parts.join("; "));
    for h in done
        .transitions
        .iter()
        .flat_map(|t| &t.failures)
        .filter_map(|f| f.clear_hint(&done.state))
    {
        e = e.hint(h);
    }
    if let Some(g) = done.group_to_inspect() {
        e = e.hint(format!(
            "see what happened with: scsim log --group {g} --last 40; clrg status {g}; clrs status -g {g}"
        ));
    }
    Err(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_arguments() {
        let p = prop_arg("-p", "Retry_count=4").unwrap();
        assert_eq!(
            (p.name.as_str(), p.value.as_str(), p.op, p.either),
            ("Retry_count", "4", PropOp::Set, true)
        );
        let p = prop_arg("-p", "Resource_dependencies+=disk-rs").unwrap();
        assert_eq!(
            (p.name.as_str(), p.op),
            ("Resource_dependencies", PropOp::Add)
        );
        let p = prop_arg("-p", "Nodelist-=n2").unwrap();
        assert_eq!((p.name.as_str(), p.op), ("Nodelist", PropOp::Remove));
        let p = prop_arg("-x", "Port{n1}=80").unwrap();
        assert_eq!(
            (p.name.as_str(), p.extension, p.either),
            ("Port{n1}", true, false)
        );
        assert!(prop_arg("-p", "Retry_count").is_err());
        assert!(prop_arg("-p", "=4").is_err());
    }

    #[test]
    fn plus_means_all() {
        let all = || Ok(vec!["a".to_string(), "b".to_string()]);
        assert_eq!(operands(&["+".into()], "group", all).unwrap(), ["a", "b"]);
        assert_eq!(
            operands(&["x,y".into(), "z".into()], "group", all).unwrap(),
            ["x", "y", "z"]
        );
        assert!(operands(&[], "group", all).is_err());
        assert!(operands(&["+".into(), "a".into()], "group", all).is_err());
        assert_eq!(operands_or_all(&[], "group", all).unwrap(), ["a", "b"]);
    }
}
