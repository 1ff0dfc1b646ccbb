//! The scripting API commands of scha_cmds(1HA): scha_resource_get, scha_resourcegroup_get,
//! scha_resourcetype_get, scha_cluster_get (queries), scha_resource_setstatus and
//! scha_control (changes). They share one way of reading their words: `-O optag`, `-G group`,
//! `-R resource`, `-T type` in any order (`-Ooptag` too), optags in any case, then the operands
//! some optags take (a node, an extension property name). Each command's clap parser is built
//! from a [`Spec`]; answers come from `query::scha` and print in the "Results Format"
//! (`render::scha`). On an error nothing goes to stdout, so `x=$(scha_… )` captures nothing.

mod control;
mod get;
mod setstatus;

pub use control::{CONTROL_TAGS, control_command, parse_optag, run_control};
pub use get::{
    cluster_command, group_command, resource_command, run_cluster, run_group, run_resource,
    run_type, type_command,
};
pub use setstatus::{parse_status, run_setstatus, setstatus_command};

use super::Ctx;
use crate::error::Result;
use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;

/// Whether a command takes an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    No,
    Optional,
    Required,
}

/// How one scha command reads its words.
struct Spec {
    name: &'static str,
    about: &'static str,
    usage: &'static str,
    optag: Want,
    group: Want,
    resource: Want,
    rtype: Want,
    /// `-Q` (scha_resource_get: dependency qualifiers).
    quiet: bool,
    /// `-s status [-m msg]` (scha_resource_setstatus).
    status: bool,
    /// `-Z zonename` (3.2 and later: the zone cluster; only the global cluster exists here).
    zone: bool,
    operands: bool,
    after_help: String,
}

fn opt(id: &'static str, short: char, value: &'static str, help: &'static str, w: Want) -> Arg {
    Arg::new(id)
        .short(short)
        .value_name(value)
        .help(help)
        .required(w == Want::Required)
        .action(ArgAction::Set)
}

fn build(s: &Spec) -> Command {
    let mut c = Command::new(s.name)
        .about(s.about)
        .override_usage(s.usage)
        .after_help(s.after_help.clone())
        .disable_version_flag(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('?')
                .short_alias('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Print help"),
        );
    if s.optag != Want::No {
        c = c.arg(opt(
            "optag",
            'O',
            "optag",
            "What to ask or request (any case; see the list below)",
            s.optag,
        ));
    }
    if s.group != Want::No {
        c = c.arg(opt("group", 'G', "group", "The resource group", s.group));
    }
    if s.resource != Want::No {
        c = c.arg(opt("resource", 'R', "resource", "The resource", s.resource));
    }
    if s.rtype != Want::No {
        c = c.arg(opt("rtype", 'T', "type", "The resource type", s.rtype));
    }
    if s.quiet {
        c = c.arg(
            Arg::new("qualifiers")
                .short('Q')
                .action(ArgAction::SetTrue)
                .help("Include dependency qualifiers ({LOCAL_NODE}, …); scsim stores none"),
        );
    }
    if s.status {
        c = c
            .arg(
                Arg::new("status")
                    .short('s')
                    .value_name("status")
                    .required(true)
                    .help("OK, DEGRADED, FAULTED, UNKNOWN or OFFLINE (any case)"),
            )
            .arg(
                Arg::new("message")
                    .short('m')
                    .value_name("msg")
                    .allow_hyphen_values(true)
                    .help("The status message (scstat's Status Message column)"),
            );
    }
    if s.zone {
        c = c.arg(
            Arg::new("zone")
                .short('Z')
                .value_name("zonename")
                .action(ArgAction::Set)
                .help("The zone cluster (3.2 and later); scsim has only the global cluster: global or the cluster's name"),
        );
    }
    if s.operands {
        c = c.arg(
            Arg::new("args")
                .value_name("args")
                .num_args(0..)
                .action(ArgAction::Append)
                .help("Operands of the optag: a node name, an extension property name"),
        );
    }
    c
}

/// The words of one scha command line, as read by its parser.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Words {
    optag: String,
    group: Option<String>,
    resource: Option<String>,
    rtype: Option<String>,
    status: Option<String>,
    message: Option<String>,
    zone: Option<String>,
    operands: Vec<String>,
}

impl clap::FromArgMatches for Words {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let one = |id: &str| m.try_get_one::<String>(id).ok().flatten().cloned();
        Ok(Words {
            optag: one("optag").unwrap_or_default(),
            group: one("group"),
            resource: one("resource"),
            rtype: one("rtype"),
            status: one("status"),
            message: one("message"),
            zone: one("zone"),
            operands: m
                .try_get_many::<String>("args")
                .ok()
                .flatten()
                .map(|v| v.cloned().collect())
                .unwrap_or_default(),
        })
    }
    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

/// Read the words of `spec`'s command (`None`: help was printed).
fn parse(ctx: &mut Ctx, spec: &Spec, args: Vec<OsString>) -> Result<Option<Words>> {
    super::parse_command::<Words>(spec.name, build(spec), args, ctx.out)
}

/// An optag list for a help text, wrapped.
fn tag_list(tags: &[&str]) -> String {
    let mut out = String::new();
    let mut line = String::from(" ");
    for t in tags {
        if line.len() + t.len() > 78 {
            out.push_str(&line);
            out.push('\n');
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(t);
    }
    out.push_str(&line);
    out
}

#[cfg(test)]
mod tests;
