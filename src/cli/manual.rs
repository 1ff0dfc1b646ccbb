//! Help and man pages beyond what the parsers say: examples for every command and verb, and
//! the EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO sections of the man pages. `--help` shows
//! the examples ([`decorate`]); `scsim man NAME` renders the whole page ([`man_page`]).

use super::{Personality, registry};
use crate::error::{ErrorCode, Result, ScError};
use std::fmt::Write as _;

/// Examples of one command or `scsim` verb: (command line, what it does).
type Examples = &'static [(&'static str, &'static str)];

/// Examples of every command and `scsim` verb, by name.
static EXAMPLES: &[(&str, Examples)] = &[
    (
        "scrgadm",
        &[
            (
                "scrgadm -a -t SUNW.HAStoragePlus",
                "register a resource type",
            ),
            (
                "scrgadm -a -g MAIL-RG -h mail-1,mail-2",
                "create a failover resource group",
            ),
            (
                "scrgadm -a -L -g MAIL-RG -l budgie",
                "add a logical hostname resource",
            ),
            (
                "scrgadm -a -j disk-rs -g MAIL-RG -t SUNW.HAStoragePlus -x FilesystemMountPoints=/global/mail",
                "add a resource with an extension property",
            ),
            (
                "scrgadm -c -j mail-rs -y Retry_count=3",
                "change a standard property",
            ),
            (
                "scrgadm -pvv -g MAIL-RG",
                "list a group with every property",
            ),
            (
                "scrgadm -p --json",
                "the configuration as JSON (docs/json.md)",
            ),
            (
                "scrgadm -r -j disk-rs --dry-run",
                "check a removal without doing it",
            ),
        ],
    ),
    (
        "scswitch",
        &[
            (
                "scswitch -Z -g MAIL-RG",
                "manage, enable and bring a group online",
            ),
            (
                "scswitch -z -g MAIL-RG -h mail-2",
                "switch a group to mail-2",
            ),
            ("scswitch -e -j mail-rs", "enable a resource"),
            ("scswitch -n -M -j mail-rs", "stop monitoring a resource"),
            ("scswitch -F -g MAIL-RG", "take a group offline"),
            ("scswitch -S -h mail-1", "evacuate every group from mail-1"),
            (
                "scswitch -c -h mail-1 -j disk-rs -f STOP_FAILED",
                "clear a Stop_failed flag",
            ),
            (
                "scswitch -z -g MAIL-RG -h mail-2 --dry-run",
                "show the plan, change nothing",
            ),
        ],
    ),
    (
        "scstat",
        &[
            ("scstat", "the whole cluster"),
            ("scstat -g", "resource groups and resources"),
            ("scstat -g -h mail-1", "only what runs on mail-1"),
            ("scstat -q", "quorum votes"),
            ("scstat --json", "everything as JSON (docs/json.md)"),
        ],
    ),
    (
        "scsim",
        &[
            (
                "scsim init --nodes mail-1,mail-2",
                "create a two-node cluster",
            ),
            (
                "scsim install-links ~/bin",
                "scrgadm, scswitch and scstat as commands",
            ),
            ("scsim scstat -g", "run an SC command without links"),
            (
                "scsim node down mail-2",
                "crash a node; its groups fail over",
            ),
            (
                "scsim simulate --node-down mail-1",
                "what would happen, on a copy",
            ),
            (
                "scsim export > cluster.sh",
                "the commands that recreate the cluster",
            ),
            ("scsim undo", "step back over the last change"),
            ("scsim help node", "help on one verb"),
        ],
    ),
    (
        "scinstall",
        &[
            ("scinstall -p", "the release, e.g. 3.1u4"),
            (
                "scinstall -pv",
                "and the versions of the Sun Cluster packages",
            ),
        ],
    ),
    (
        "scconf",
        &[
            (
                "scconf -p",
                "the cluster, its nodes, adapters, junctions, cables, quorum devices, device groups",
            ),
            (
                "scconf -pv",
                "every node and device line qualified with its object",
            ),
        ],
    ),
    (
        "show",
        &[
            (
                "scsim show -g MAIL-RG",
                "a group's settings, relationships and dependencies",
            ),
            ("scsim show --json", "the whole status view as JSON"),
        ],
    ),
    (
        "init",
        &[
            (
                "scsim init --nodes mail-1,mail-2",
                "a two-node cluster with one quorum device",
            ),
            (
                "scsim init --nodes n1,n2,n3 --cluster-name web --device-group webdg@n1,n2",
                "three nodes and a device group",
            ),
        ],
    ),
    (
        "install-links",
        &[(
            "scsim install-links ~/bin",
            "links in ~/bin (put it on PATH)",
        )],
    ),
    (
        "log",
        &[
            ("scsim log --last 20", "the last 20 entries"),
            (
                "scsim log --group MAIL-RG --since 10m",
                "one group, the last ten minutes",
            ),
            ("scsim log --json", "as JSON (docs/json.md)"),
        ],
    ),
    (
        "node",
        &[
            ("scsim node down mail-2", "mail-2 crashes"),
            (
                "scsim node down mail-2 --clean --dry-run",
                "an orderly shutdown, shown only",
            ),
            ("scsim node up mail-2", "mail-2 boots and joins"),
        ],
    ),
    (
        "fault",
        &[
            (
                "scsim fault inject --resource disk-rs --method Start --node mail-2",
                "Start of disk-rs fails on mail-2",
            ),
            (
                "scsim fault inject --resource mail-rs --monitor",
                "the fault monitor reports a failure now",
            ),
            ("scsim fault list --json", "armed faults as JSON"),
            ("scsim fault clear", "remove every armed fault"),
        ],
    ),
    (
        "time",
        &[
            ("scsim time advance 10m", "ten simulated minutes pass"),
            ("scsim time advance 1h 30m --dry-run", "what would expire"),
        ],
    ),
    (
        "simulate",
        &[
            (
                "scsim simulate --node-down mail-1",
                "what a crash of mail-1 would do",
            ),
            (
                "scsim simulate --fail disk-rs:Start@mail-2 --node-down mail-1",
                "with a failing Start",
            ),
            (
                "scsim simulate --node-down mail-1 --json",
                "as JSON (docs/json.md)",
            ),
        ],
    ),
    (
        "state",
        &[
            ("scsim state path", "the state file in use"),
            ("scsim state show", "the whole state as stored"),
        ],
    ),
    (
        "install",
        &[(
            "scsim install messaging-server --nodes mail-1,mail-2",
            "the Messaging Server on both nodes' local disks",
        )],
    ),
    (
        "completions",
        &[
            (
                "scsim completions bash > ~/.local/share/bash-completion/completions/scsim",
                "bash",
            ),
            (
                "scsim completions fish --command scrgadm > ~/.config/fish/completions/scrgadm.fish",
                "fish",
            ),
        ],
    ),
    (
        "man",
        &[(
            "scsim man scrgadm > ~/.local/share/man/man1/scrgadm.1m",
            "install a man page",
        )],
    ),
    (
        "help",
        &[
            ("scsim help fault", "help on scsim fault"),
            ("scsim help scrgadm", "help on scrgadm"),
        ],
    ),
];

/// The examples of `name` (a personality, or `scsim VERB`; an object command's own).
pub fn examples(name: &str) -> Examples {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or_else(|| super::cl::examples::of(name, None), |(_, e)| e)
}

/// The examples as help text (`Examples:` and one indented line each).
fn examples_text(ex: Examples) -> String {
    let mut s = String::from("Examples:\n");
    for (cmd, what) in ex {
        let _ = writeln!(s, "  {cmd}\n      {what}");
    }
    s
}

/// Add the examples to the command's help, after its own notes (`scsim`'s verbs get theirs
/// from [`verb`] as `native::command` builds them).
pub fn decorate(cmd: clap::Command) -> clap::Command {
    let ex = examples(cmd.get_name());
    with_examples(cmd, ex)
}

/// A `scsim` verb with its examples, and each of its own verbs (`node down`) with those of
/// them that use it (from the table or the verb's notes).
pub fn verb(cmd: clap::Command) -> clap::Command {
    let name = cmd.get_name().to_string();
    let mut lines: Vec<String> = examples(&name)
        .iter()
        .map(|(l, what)| format!("{l}\n      {what}"))
        .collect();
    if let Some(h) = cmd.get_after_help() {
        lines.extend(split_examples(&h.to_string()).1);
    }
    let mut cmd = decorate(cmd);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    // Every verb in turn, those without examples too: mut_subcommand moves the verb it
    // changes to the end, so going through all of them keeps their order.
    for sub in subs {
        let prefix = format!("scsim {name} {sub}");
        let own: Vec<&String> = lines
            .iter()
            .filter(|l| {
                l.strip_prefix(&prefix)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\n']))
            })
            .collect();
        cmd = cmd.mut_subcommand(sub, |c| {
            if own.is_empty() {
                return c;
            }
            let mut text = String::from("Examples:\n");
            for l in own {
                let _ = writeln!(text, "  {l}");
            }
            let text = match c.get_after_help() {
                Some(h) => format!("{h}\n\n{text}"),
                None => text,
            };
            c.after_help(text.trim_end().to_string())
        });
    }
    cmd
}

/// `cmd` with `ex` after its notes in its help (unless its notes hold examples already).
pub fn with_examples(cmd: clap::Command, ex: Examples) -> clap::Command {
    if ex.is_empty()
        || cmd
            .get_after_help()
            .is_some_and(|h| h.to_string().contains("Example"))
    {
        return cmd;
    }
    let text = match cmd.get_after_help() {
        Some(h) => format!("{h}\n\n{}", examples_text(ex)),
        None => examples_text(ex),
    };
    cmd.after_help(text.trim_end().to_string())
}

/// The commands whose exit status is the `scha_err_t` number, whose pages get the table below
/// and whose help and examples the tests require (the object CLI has its own CL_* codes).
pub const SCHA_COMMANDS: [&str; 6] = [
    "scsim",
    "scrgadm",
    "scswitch",
    "scstat",
    "scinstall",
    "scconf",
];

/// What each exit status means (the `scha_err_t` numbers scsim uses).
pub const EXIT_CODES: [(ErrorCode, &str); 13] = [
    (
        ErrorCode::NoMem,
        "out of memory; scsim diff: the files differ",
    ),
    (
        ErrorCode::Inval,
        "invalid usage: unknown option, missing or conflicting options, bad value",
    ),
    (
        ErrorCode::Reconf,
        "the state file is locked by another command (SCSIM_LOCK_TIMEOUT)",
    ),
    (
        ErrorCode::Access,
        "the state file cannot be read or written",
    ),
    (ErrorCode::Depend, "a dependency forbids the operation"),
    (ErrorCode::State, "the object is in the wrong state"),
    (
        ErrorCode::Method,
        "a resource method failed, or the requested result was not reached",
    ),
    (ErrorCode::Node, "unknown or unusable node"),
    (
        ErrorCode::Rg,
        "resource group error (unknown, exists, not empty)",
    ),
    (
        ErrorCode::Rt,
        "resource type error (unknown, registered, in use, bad RTR file)",
    ),
    (
        ErrorCode::Rsrc,
        "resource error (unknown, exists, still enabled)",
    ),
    (
        ErrorCode::Prop,
        "property error (unknown, wrong type, out of range, not tunable)",
    ),
    (
        ErrorCode::Internal,
        "internal error; missing, corrupt or newer state file",
    ),
];

/// The environment variables scsim reads (all through `cli::Env`).
pub const ENVIRONMENT: [(&str, &str); 7] = [
    (
        "SCSIM_STATE",
        "the state file (else --state, else $XDG_STATE_HOME/scsim/cluster.json)",
    ),
    (
        "XDG_STATE_HOME",
        "where the default state file lives (default $HOME/.local/state)",
    ),
    ("HOME", "the last resort for the default state file"),
    (
        "SCSIM_NOW",
        "pin the wall clock: seconds since the epoch or YYYY-MM-DDTHH:MM:SSZ",
    ),
    (
        "SCSIM_NODE",
        "the node commands run on (name or id); default the member with the lowest id; an unknown or down node is refused",
    ),
    (
        "SCSIM_LOCK_TIMEOUT",
        "seconds to wait for another command's lock (default 10)",
    ),
    (
        "SCSIM_SYNC",
        "when a change waits for the disk: grouped (default; a change syncs when the last synced one is over a second or 8 changes old, so a script pays one sync per burst) or every (each change syncs)",
    ),
];

/// Roff text: backslashes and leading dots or quotes escaped, dashes as minus signs.
fn roff(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let l = line.replace('\\', "\\e").replace('-', "\\-");
        if l.starts_with('.') || l.starts_with('\'') {
            out.push_str("\\&");
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, ".SH {title}");
}

fn tagged(out: &mut String, tag: &str, text: &str) {
    out.push_str(".TP\n");
    let _ = writeln!(out, "\\fB{}\\fR", roff(tag).trim_end());
    out.push_str(&roff(text));
}

/// The full man page of a personality.
pub fn man_page(p: Personality) -> Result<String> {
    // The parser as written (its notes without the examples, which get their own section).
    let base = match p {
        Personality::Native => super::native::command(),
        Personality::Sc(e) => (e.command)(),
    }
    .name(p.name());
    let notes = base.get_after_help().map(|h| h.to_string());
    let cmd = base
        .clone()
        .after_help(None::<&'static str>)
        .after_long_help(None::<&'static str>);
    let man = clap_mangen::Man::new(cmd.clone()).section(p.section());
    let mut buf = Vec::new();
    let io = |e: std::io::Error| ScError::internal(format!("man page: {e}"));
    man.render_title(&mut buf).map_err(io)?;
    man.render_name_section(&mut buf).map_err(io)?;
    man.render_synopsis_section(&mut buf).map_err(io)?;
    man.render_description_section(&mut buf).map_err(io)?;
    man.render_options_section(&mut buf).map_err(io)?;
    let mut out = String::from_utf8_lossy(&buf).into_owned();
    let (notes, example_lines) = split_examples(notes.as_deref().unwrap_or(""));
    if !notes.trim().is_empty() {
        section(&mut out, "NOTES");
        out.push_str(&roff(notes.trim()));
    }
    if p == Personality::Native {
        commands(&mut out, &cmd);
    } else if cmd.has_subcommands() {
        subcommands(&mut out, &cmd, p.name());
    }
    if !examples(p.name()).is_empty() {
        section(&mut out, "EXAMPLES");
        for (line, what) in examples(p.name()) {
            tagged(&mut out, line, what);
        }
    } else if !example_lines.is_empty() {
        section(&mut out, "EXAMPLES");
        out.push_str(".nf\n");
        out.push_str(&roff(&example_lines.join("\n")));
        out.push_str(".fi\n");
    }
    match exits(p) {
        Exits::Scha => exit_status(&mut out, p),
        Exits::Cl => cl_exit_status(&mut out, p),
        Exits::Own => {}
    }
    section(&mut out, "ENVIRONMENT");
    for (var, what) in ENVIRONMENT {
        tagged(&mut out, var, what);
    }
    section(&mut out, "FILES");
    tagged(
        &mut out,
        "$XDG_STATE_HOME/scsim/cluster.json",
        "the default state file; FILE.lock beside it while a command changes it, FILE.history/ the kept earlier generations (scsim undo)",
    );
    section(&mut out, "SEE ALSO");
    let others: Vec<String> = registry::names()
        .filter_map(Personality::from_name)
        .filter(|o| *o != p)
        .map(|o| format!("{}({})", o.name(), o.section()))
        .collect();
    out.push_str(&roff(&format!(
        "{}; docs/exit-codes.md, docs/json.md and docs/decisions.md in the source.",
        others.join(", ")
    )));
    Ok(out)
}

/// `scsim`'s verbs, each with its synopsis, what it does and its examples (no separate pages).
fn commands(out: &mut String, cmd: &clap::Command) {
    section(out, "COMMANDS");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut sub = sub.clone().bin_name(format!("scsim {}", sub.get_name()));
        let usage = sub.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ").trim();
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        let mut text = about;
        // The object commands' examples are on their own pages.
        let own = super::cl::examples::short_name(sub.get_name()).is_none();
        for (line, what) in examples(sub.get_name()).iter().filter(|_| own) {
            let _ = write!(text, "\nExample: {line}  ({what})");
        }
        tagged(out, usage, &text);
    }
}

/// A parser's notes without the examples they hold (an `Examples:` line and the indented
/// lines after it), and those example lines (two leading spaces removed).
fn split_examples(notes: &str) -> (String, Vec<String>) {
    let mut rest = String::new();
    let mut lines = Vec::new();
    let mut inside = false;
    for line in notes.lines() {
        let head = line.trim();
        if !inside && lines.is_empty() && (head == "Examples:" || head == "Example:") {
            inside = true;
            continue;
        }
        if inside && line.starts_with(' ') {
            lines.push(line.strip_prefix("  ").unwrap_or(line).to_string());
            continue;
        }
        inside = false;
        if head.is_empty() && (rest.is_empty() || rest.ends_with("\n\n")) {
            continue;
        }
        rest.push_str(line);
        rest.push('\n');
    }
    (rest, lines)
}

/// Which exit status table a page gets.
#[derive(Debug, PartialEq, Eq)]
enum Exits {
    /// The scha_err_t numbers: scsim, the 3.1 commands, the scha_* commands.
    Scha,
    /// The CL_* codes of the object CLI.
    Cl,
    /// A node tool's own statuses (the Messaging Server's programs).
    Own,
}

fn exits(p: Personality) -> Exits {
    match p {
        Personality::Sc(e) if e.node_tool => Exits::Own,
        Personality::Sc(e) if e.section == "1CL" => Exits::Cl,
        _ => Exits::Scha,
    }
}

/// The CL_* codes of the object CLI (Intro(1CL) "Exit Status"), as docs/exit-codes.md lists
/// them.
const CL_EXIT_CODES: [(i32, &str, &str); 13] = [
    (0, "CL_NOERR", "success (also --help)"),
    (
        3,
        "CL_EINVAL",
        "usage: unknown subcommand or option, missing operand, bad value syntax",
    ),
    (
        5,
        "CL_ERECONF",
        "the state file is locked by another command",
    ),
    (6, "CL_EACCESS", "the state file cannot be written"),
    (
        9,
        "CL_ESTATE",
        "wrong state: group online or unmanaged, resource enabled or Stop_failed, node down",
    ),
    (
        10,
        "CL_EMETHOD",
        "a method failed, Validate refused, the requested result was not reached",
    ),
    (
        15,
        "CL_EPROP",
        "unknown property, bad value, not tunable now, 3.2 property on 3.1",
    ),
    (
        18,
        "CL_EINTERNAL",
        "corrupt or missing state file, internal error",
    ),
    (
        36,
        "CL_ENOENT",
        "no such group, resource, type, node or device group",
    ),
    (37, "CL_EOP", "a dependency forbids it"),
    (38, "CL_EBUSY", "group not empty, type in use"),
    (39, "CL_EEXIST", "the object exists already"),
    (
        41,
        "CL_ETYPE",
        "a type that cannot be used so (bad RTR file, single instance, failover type in a scalable group)",
    ),
];

fn cl_exit_status(out: &mut String, p: Personality) {
    section(out, "EXIT STATUS");
    out.push_str(&roff(&format!(
        "{} exits with the CL_* codes of the object CLI; errors print as \"{}:  (Cnnnnnn) message\", the message id naming the class of error.",
        p.name(),
        p.name()
    )));
    for (code, name, what) in CL_EXIT_CODES {
        tagged(out, &format!("{code} ({name})"), what);
    }
    tagged(
        out,
        "127",
        "command not found: the cluster's release has no object CLI (Sun Cluster 3.1)",
    );
}

/// An object command's subcommands: synopsis, what it does, each option and operand, examples.
fn subcommands(out: &mut String, cmd: &clap::Command, prog: &str) {
    section(out, "SUBCOMMANDS");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut sub = sub.clone().bin_name(format!("{prog} {}", sub.get_name()));
        let usage = sub.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ").trim().to_string();
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        tagged(out, &usage, &about);
        out.push_str(".RS\n");
        for a in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            let name = match (a.get_short(), a.get_long()) {
                (Some(s), Some(l)) => format!("-{s}, --{l}"),
                (Some(s), None) => format!("-{s}"),
                (None, Some(l)) => format!("--{l}"),
                (None, None) => a
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map_or_else(|| a.get_id().to_string(), ToString::to_string),
            };
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            tagged(out, &name, &help);
        }
        for (line, what) in super::cl::examples::of(prog, Some(sub.get_name())) {
            tagged(out, &format!("Example: {line}"), what);
        }
        out.push_str(".RE\n");
    }
}

fn exit_status(out: &mut String, p: Personality) {
    section(out, "EXIT STATUS");
    out.push_str(&roff(&format!(
        "{} exits with Sun Cluster's scha_err_t numbers, as the real commands do; a warning never changes the status.",
        p.name()
    )));
    tagged(out, "0", "success (also --help)");
    for (code, what) in EXIT_CODES {
        tagged(
            out,
            &format!("{} ({})", code.exit_code(), code.scha_name()),
            what,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of the registry (3.1, scha, object CLI, node tools) and scsim, with its
    /// built parser.
    fn every_command() -> Vec<(Personality, clap::Command)> {
        std::iter::once(registry::NATIVE)
            .chain(registry::names())
            .filter_map(Personality::from_name)
            .map(|p| {
                let mut cmd = p.command();
                cmd.build();
                (p, cmd)
            })
            .collect()
    }

    /// Every argument of every command and verb says what it is.
    #[test]
    fn every_argument_is_described() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                if a.get_help().is_none() && a.get_long_help().is_none() {
                    missing.push(format!("{path} {}", a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, &format!("{path} {}", s.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        for (p, cmd) in every_command() {
            walk(&cmd, p.name(), &mut missing);
        }
        assert!(missing.is_empty(), "arguments without help: {missing:?}");
    }

    /// `scsim VERB [VERB] --help` shows examples for every verb (the SC commands' own help
    /// has theirs: `scsim NAME` passes the words on).
    #[test]
    fn every_scsim_verb_has_examples() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for s in cmd.get_subcommands() {
                let name = s.get_name();
                if name == "help" || s.is_hide_set() || registry::find(name).is_some() {
                    continue;
                }
                let path = format!("{path} {name}");
                let has = s
                    .get_after_help()
                    .is_some_and(|h| h.to_string().contains("Example"));
                if !has {
                    missing.push(path.clone());
                }
                walk(s, &path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&super::super::native::command(), "scsim", &mut missing);
        assert!(missing.is_empty(), "verbs without examples: {missing:?}");
    }

    /// Every command of the registry and every subcommand of the object CLI shows examples in
    /// its help, and every page has an EXAMPLES section.
    #[test]
    fn every_command_and_subcommand_has_examples() {
        let mut missing = Vec::new();
        for (p, mut cmd) in every_command() {
            if !cmd.render_long_help().to_string().contains("Example") {
                missing.push(p.name().to_string());
            }
            if super::super::cl::examples::short_name(p.name()).is_some() {
                for s in cmd.get_subcommands_mut() {
                    if !s.render_long_help().to_string().contains("Examples:") {
                        missing.push(format!("{} {}", p.name(), s.get_name()));
                    }
                }
            }
            let page = man_page(p).unwrap();
            if !page.contains(".SH EXAMPLES") {
                missing.push(format!("{}: man page", p.name()));
            }
        }
        assert!(missing.is_empty(), "without examples: {missing:?}");
        for name in SCHA_COMMANDS {
            assert!(!examples(name).is_empty(), "{name} has no examples");
        }
    }

    #[test]
    fn every_command_has_examples_and_the_pages_no_dangling_references() {
        for p in registry::names().filter_map(Personality::from_name) {
            let page = man_page(p).unwrap();
            let tool = exits(p) == Exits::Own;
            assert_eq!(page.contains(".SH EXIT STATUS"), !tool, "{}", p.name());
            if !tool {
                assert!(page.contains(".SH EXAMPLES"), "{}: no EXAMPLES", p.name());
                assert!(
                    !page.contains("Examples:"),
                    "{}: examples left in the notes",
                    p.name()
                );
            }
            for s in ["ENVIRONMENT", "SEE ALSO"] {
                assert!(page.contains(&format!(".SH {s}")), "{}: no {s}", p.name());
            }
            assert!(
                !page.contains("scsim\\-init(1)"),
                "{}: dangling page",
                p.name()
            );
        }
    }
}
