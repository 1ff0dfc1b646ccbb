//! `scrgadm`: the Sun Cluster 3.1 configuration command, at the edge.
//!
//! Three steps: clap parses the raw SC flags verbatim ([`Args`]: `-a/-c/-r/-p` modes, `-v` as a
//! count so `-pvv` works, `-y`/`-x` repeatable in any order; `-h` is the node list, so help is
//! `-?`/`--help`); a hidden catch-all collects stray operands so that a list split by a space
//! after a comma gets a useful error, and Unicode dashes in place of `-` are caught before
//! clap; then `Request::try_from` turns the flags into one typed [`Request`] per command form,
//! rejecting flag combinations that belong to no form (exit 3, naming the flags). [`run`] then
//! prints (`-p`: read-only, no lock) or changes the state in one transaction: admin prepares
//! the change, the engine validates it and reacts to it, the command is logged, the state is
//! committed. Nothing is written when anything fails, or with `--dry-run`.

use super::Ctx;
use crate::error::{Result, ScError};
use crate::render::listing;
use crate::service::config::{NetKind, PrintRequest, PropArg, Request, RtrFile, split_list};
use crate::service::{CommandLine, Mode};
use clap::ArgAction;
use std::ffi::OsString;

/// scrgadm command line (the SC 3.1 flags, verbatim).
#[derive(Debug, Default, clap::Parser)]
#[command(
    name = "scrgadm",
    disable_help_flag = true,
    disable_version_flag = true,
    about = "Register resource types, create and change resource groups and resources, print the configuration",
    override_usage = "scrgadm -p[v[v]] [-t RT] [-g RG] [-j R] [--json]
       scrgadm -a -t RT [-h installed_nodes] [-f rtr_file]
       scrgadm -c -t RT [-h installed_nodes] [-y RT_system={TRUE|FALSE}]
       scrgadm -r -t RT
       scrgadm -a -g RG [-h nodelist] [-y property=value ...]
       scrgadm -c -g RG [-h nodelist] [-y property=value ...]
       scrgadm -r -g RG
       scrgadm -a -j R -t RT -g RG [-y property=value ...] [-x extension_property=value ...]
       scrgadm -c -j R [-y property=value ...] [-x extension_property=value ...]
       scrgadm -r -j R
       scrgadm -a -L -g RG -l hostnamelist [-j R] [-n netiflist] [-y property=value ...]
       scrgadm -a -S -g RG -l hostnamelist [-j R] [-n netiflist] [-X auxnodelist] [-y property=value ...]",
    after_help = "Lists are comma-separated without spaces (-h mail-1,mail-2) or quoted. Property names are case-insensitive.\nChanges accept --dry-run (check and show what would change, write nothing)."
)]
pub struct Args {
    /// Print help
    #[arg(short = '?', long = "help", action = ArgAction::Help)]
    help: Option<bool>,
    /// Add: register a type, create a group or a resource
    #[arg(short = 'a')]
    pub add: bool,
    /// Change properties of a type, group or resource
    #[arg(short = 'c')]
    pub change: bool,
    /// Remove a type, group or resource
    #[arg(short = 'r')]
    pub remove: bool,
    /// Print the configuration (-pv, -pvv for more)
    #[arg(short = 'p')]
    pub print: bool,
    /// More detail with -p (-pv, -pvv)
    #[arg(short = 'v', action = ArgAction::Count)]
    pub verbose: u8,
    /// Resource type name
    #[arg(short = 't', value_name = "RT")]
    pub rtype: Option<String>,
    /// Resource group name
    #[arg(short = 'g', value_name = "RG")]
    pub group: Option<String>,
    /// Resource name
    #[arg(short = 'j', value_name = "R")]
    pub resource: Option<String>,
    /// Node list: a group's Nodelist, or a type's Installed_nodes
    #[arg(short = 'h', value_name = "NODES")]
    pub nodes: Option<String>,
    /// RTR file of the type to register
    #[arg(short = 'f', value_name = "FILE")]
    pub file: Option<String>,
    /// Standard property (repeatable)
    #[arg(short = 'y', value_name = "PROPERTY=VALUE")]
    pub std_props: Vec<String>,
    /// Extension property (repeatable)
    #[arg(short = 'x', value_name = "PROPERTY=VALUE")]
    pub ext_props: Vec<String>,
    /// With -a: create a SUNW.LogicalHostname resource
    #[arg(short = 'L')]
    pub logical: bool,
    /// With -a: create a SUNW.SharedAddress resource
    #[arg(short = 'S')]
    pub shared: bool,
    /// Host names of a LogicalHostname/SharedAddress resource (HostnameList)
    #[arg(short = 'l', value_name = "HOSTS")]
    pub hosts: Option<String>,
    /// IPMP groups per node, ipmpgroup@node (NetIfList)
    #[arg(short = 'n', value_name = "NETIFS")]
    pub netifs: Option<String>,
    /// Auxiliary nodes of a SharedAddress resource (AuxNodeList)
    #[arg(short = 'X', value_name = "NODES")]
    pub auxnodes: Option<String>,
    /// Check the change and show what it would do; write nothing
    #[arg(long = "dry-run")]
    pub dry_run: bool,
    /// With -p: print the configuration as JSON
    #[arg(long = "json")]
    pub json: bool,
    /// Stray operands (scrgadm takes none; caught to explain the usual cause)
    #[arg(hide = true, value_name = "OPERAND")]
    pub operands: Vec<String>,
}

pub fn command() -> clap::Command {
    <Args as clap::CommandFactory>::command()
}

/// Whether `word` (an option word) leaves its value to the next word.
#[cfg(test)]
fn wants_value(word: &str) -> bool {
    super::words::takes_value(&[&command()], word)
}

/// Reject words that start with a Unicode dash instead of `-` (pasted from documents), with
/// a hint naming the real option.
fn check_dashes(raw: &[String]) -> Result<()> {
    super::words::check_dashes(&command(), raw)
}

/// Explain stray operands: scrgadm takes none, so one is almost always a list value split by
/// a space after a comma, or an unquoted value with spaces.
fn check_operands(operands: &[String], raw: &[String]) -> Result<()> {
    match operands.first() {
        None => Ok(()),
        Some(op) => Err(super::words::stray_operand("scrgadm", &command(), raw, op)
            .unwrap_or_else(|| ScError::inval(format!("unexpected operand \"{op}\"")))),
    }
}

/// `-y name=value` → [`PropArg`].
fn prop_arg(flag: &str, raw: &str) -> Result<PropArg> {
    let Some((name, value)) = raw.split_once('=') else {
        return Err(ScError::inval(format!(
            "{flag} {raw}: no value; write {flag} {raw}=VALUE ({flag} NAME=VALUE)"
        )));
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
        ..PropArg::default()
    })
}

/// The options given, for "not used with" checks.
struct Given<'a>(&'a Args);

impl Given<'_> {
    fn list(&self) -> Vec<(&'static str, bool)> {
        let a = self.0;
        vec![
            ("-t", a.rtype.is_some()),
            ("-g", a.group.is_some()),
            ("-j", a.resource.is_some()),
            ("-h", a.nodes.is_some()),
            ("-f", a.file.is_some()),
            ("-y", !a.std_props.is_empty()),
            ("-x", !a.ext_props.is_empty()),
            ("-L", a.logical),
            ("-S", a.shared),
            ("-l", a.hosts.is_some()),
            ("-n", a.netifs.is_some()),
            ("-X", a.auxnodes.is_some()),
        ]
    }
    /// Fail if any option outside `allowed` is present; `form` names the command form.
    fn only(&self, allowed: &[&str], form: &str) -> Result<()> {
        if let Some((flag, _)) = self
            .list()
            .into_iter()
            .find(|(f, on)| *on && !allowed.contains(f))
        {
            return Err(ScError::inval(format!("{flag} is not used with {form}"))
                .hint(format!("usage: {}", form_usage(form))));
        }
        Ok(())
    }
}

fn form_usage(form: &str) -> &'static str {
    match form {
        "-p" => "scrgadm -p[v[v]] [-t RT] [-g RG] [-j R]",
        "-a -t" => "scrgadm -a -t RT [-h installed_nodes] [-f rtr_file]",
        "-c -t" => "scrgadm -c -t RT [-h installed_nodes] [-y RT_system={TRUE|FALSE}]",
        "-a -g" => "scrgadm -a -g RG [-h nodelist] [-y property=value ...]",
        "-c -g" => "scrgadm -c -g RG [-h nodelist] [-y property=value ...]",
        "-a -j" => "scrgadm -a -j R -t RT -g RG [-y property=value ...] [-x property=value ...]",
        "-c -j" => "scrgadm -c -j R [-y property=value ...] [-x property=value ...]",
        "-a -L" => {
            "scrgadm -a -L -g RG -l hostnamelist [-j R] [-n netiflist] [-y property=value ...]"
        }
        "-a -S" => {
            "scrgadm -a -S -g RG -l hostnamelist [-j R] [-n netiflist] [-X auxnodelist] [-y property=value ...]"
        }
        "-r -t" => "scrgadm -r -t RT",
        "-r -g" => "scrgadm -r -g RG",
        "-r -j" => "scrgadm -r -j R",
        _ => "scrgadm -? for the list of forms",
    }
}

/// A required option value, non-empty.
fn need<'a>(v: &'a Option<String>, flag: &str, what: &str, form: &str) -> Result<&'a str> {
    match v.as_deref() {
        Some(s) if !s.trim().is_empty() => Ok(s),
        Some(_) => Err(ScError::inval(format!(
            "{flag} needs {what}; it was given empty"
        ))),
        None => Err(ScError::inval(format!("{form} needs {flag} {what}"))
            .hint(format!("usage: {}", form_usage(form)))),
    }
}

fn opt_list(v: &Option<String>, flag: &str) -> Result<Option<Vec<String>>> {
    v.as_deref().map(|s| split_list(flag, s)).transpose()
}

impl TryFrom<Args> for Request {
    type Error = ScError;

    fn try_from(a: Args) -> Result<Request> {
        let modes: Vec<&str> = [
            ("-a", a.add),
            ("-c", a.change),
            ("-r", a.remove),
            ("-p", a.print),
        ]
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(f, _)| f)
        .collect();
        match modes.as_slice() {
            [] => {
                return Err(ScError::inval(
                    "no action: give one of -a (add), -c (change), -r (remove) or -p (print)",
                )
                .hint("scrgadm -? lists the command forms"));
            }
            [_] => {}
            many => {
                return Err(ScError::inval(format!(
                    "{} cannot be combined: give one of -a, -c, -r, -p",
                    many.join(" and ")
                )));
            }
        }
        if a.verbose > 0 && !a.print {
            return Err(ScError::inval("-v goes with -p (-pv, -pvv)"));
        }
        if a.json && !a.print && !a.dry_run {
            return Err(ScError::inval("--json goes with -p or --dry-run"));
        }
        if a.dry_run && a.print {
            return Err(ScError::inval(
                "--dry-run goes with -a, -c and -r; -p never changes anything",
            ));
        }
        if (a.logical || a.shared) && !a.add {
            let f = if a.logical { "-L" } else { "-S" };
            return Err(ScError::inval(format!(
                "{f} creates a network address resource and goes with -a; change it with -c -j R"
            )));
        }
        let given = Given(&a);
        for (flag, v) in [
            ("-t", &a.rtype),
            ("-g", &a.group),
            ("-j", &a.resource),
            ("-f", &a.file),
            ("-h", &a.nodes),
            ("-l", &a.hosts),
            ("-n", &a.netifs),
            ("-X", &a.auxnodes),
        ] {
            if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
                return Err(ScError::inval(format!("{flag} was given an empty value")));
            }
        }
        if a.print {
            given.only(&["-t", "-g", "-j"], "-p")?;
            return Ok(Request::Print(PrintRequest {
                verbosity: a.verbose,
                rtype: a.rtype.clone(),
                group: a.group.clone(),
                resource: a.resource.clone(),
                json: a.json,
            }));
        }
        if a.add {
            return add_request(&a);
        }
        change_or_remove_request(&a)
    }
}

/// The `-y` and `-x` arguments, in order (`-y` first).
fn props(a: &Args) -> Result<Vec<PropArg>> {
    let mut v = Vec::with_capacity(a.std_props.len() + a.ext_props.len());
    for p in &a.std_props {
        v.push(prop_arg("-y", p)?);
    }
    for p in &a.ext_props {
        v.push(prop_arg("-x", p)?);
    }
    Ok(v)
}

/// `-a`: register a type, create a group, a resource or a network address resource.
fn add_request(a: &Args) -> Result<Request> {
    let given = Given(a);
    if a.logical && a.shared {
        return Err(ScError::inval(
            "-L and -S cannot be combined: -L creates a LogicalHostname, -S a SharedAddress resource",
        ));
    }
    if a.logical || a.shared {
        let (kind, form) = if a.logical {
            (NetKind::Logical, "-a -L")
        } else {
            (NetKind::Shared, "-a -S")
        };
        let mut allowed = vec!["-L", "-S", "-g", "-l", "-j", "-n", "-y"];
        if a.shared {
            allowed.push("-X");
        }
        if a.auxnodes.is_some() && a.logical {
            return Err(ScError::inval(
                "-X (auxiliary nodes) is for SharedAddress resources (-S), not -L",
            ));
        }
        if a.rtype.is_some() {
            return Err(ScError::inval(format!(
                "-t is not used with {form}: it always creates a {} resource",
                kind.type_name()
            )));
        }
        if a.nodes.is_some() {
            return Err(ScError::inval(format!(
                "-h is not used with {form}: the host names go with -l, the nodes come from the group's Nodelist"
            ))
            .hint(format!("usage: {}", form_usage(form))));
        }
        if !a.ext_props.is_empty() {
            return Err(ScError::inval(format!(
                "-x is not used with {form}: HostnameList comes from -l, NetIfList from -n{}",
                if a.shared {
                    ", AuxNodeList from -X"
                } else {
                    ""
                }
            ))
            .hint("set other extension properties afterwards: scrgadm -c -j R -x NAME=VALUE"));
        }
        given.only(&allowed, form)?;
        let group = need(&a.group, "-g", "a resource group", form)?.to_string();
        let hosts = split_list("-l", need(&a.hosts, "-l", "a host name list", form)?)?;
        return Ok(Request::CreateNetAddress {
            kind,
            group,
            hosts,
            resource: a.resource.clone(),
            netifs: opt_list(&a.netifs, "-n")?,
            auxnodes: opt_list(&a.auxnodes, "-X")?,
            props: props(a)?,
        });
    }
    if a.resource.is_some() {
        given.only(&["-j", "-t", "-g", "-y", "-x"], "-a -j")?;
        return Ok(Request::CreateResource {
            resource: a.resource.clone().unwrap_or_default(),
            rtype: need(&a.rtype, "-t", "a resource type", "-a -j")?.to_string(),
            group: need(&a.group, "-g", "a resource group", "-a -j")?.to_string(),
            props: props(a)?,
        });
    }
    if a.group.is_some() {
        if a.rtype.is_some() {
            return Err(ScError::inval(
                "-t is not used with -a -g: to create a resource, name it with -j (scrgadm -a -j R -t RT -g RG)",
            ));
        }
        given.only(&["-g", "-h", "-y", "-x"], "-a -g")?;
        return Ok(Request::CreateGroup {
            group: a.group.clone().unwrap_or_default(),
            nodelist: opt_list(&a.nodes, "-h")?,
            props: props(a)?,
        });
    }
    if a.rtype.is_some() {
        given.only(&["-t", "-h", "-f"], "-a -t")?;
        let file = a.file.clone().map(|path| RtrFile {
            path,
            text: String::new(),
        });
        return Ok(Request::RegisterType {
            rtype: a.rtype.clone().unwrap_or_default(),
            installed_nodes: opt_list(&a.nodes, "-h")?,
            file,
        });
    }
    Err(ScError::inval(
        "-a needs an object: -t RT (register a type), -g RG (create a group), -j R (create a resource), -L or -S (create an address)",
    )
    .hint("scrgadm -? lists the command forms"))
}

/// `-c` and `-r`: change or remove one type, group or resource.
fn change_or_remove_request(a: &Args) -> Result<Request> {
    let given = Given(a);
    // -c and -r take exactly one object.
    let objects: Vec<&str> = [
        ("-j", a.resource.is_some()),
        ("-g", a.group.is_some()),
        ("-t", a.rtype.is_some()),
    ]
    .into_iter()
    .filter(|(_, on)| *on)
    .map(|(f, _)| f)
    .collect();
    let mode = if a.change { "-c" } else { "-r" };
    let object = match objects.as_slice() {
        [one] => *one,
        [] => {
            return Err(ScError::inval(format!(
                "{mode} needs the object to {}: -t RT, -g RG or -j R",
                if a.change { "change" } else { "remove" }
            )));
        }
        many => {
            return Err(ScError::inval(format!(
                "{mode} takes one object, but {} were given",
                many.join(" and ")
            ))
            .hint(format!(
                "usage: {}",
                form_usage(&format!("{mode} {}", many[0]))
            )));
        }
    };
    let form = format!("{mode} {object}");
    if a.remove {
        given.only(&[object], &form)?;
        return Ok(match object {
            "-j" => Request::RemoveResource {
                resource: a.resource.clone().unwrap_or_default(),
            },
            "-g" => Request::RemoveGroup {
                group: a.group.clone().unwrap_or_default(),
            },
            _ => Request::RemoveType {
                rtype: a.rtype.clone().unwrap_or_default(),
            },
        });
    }
    match object {
        "-j" => {
            given.only(&["-j", "-y", "-x"], &form)?;
            let props = props(a)?;
            if props.is_empty() {
                return Err(ScError::inval(
                    "-c -j needs properties to change: -y NAME=VALUE or -x NAME=VALUE",
                )
                .hint(format!("usage: {}", form_usage(&form))));
            }
            Ok(Request::ChangeResource {
                resource: a.resource.clone().unwrap_or_default(),
                props,
            })
        }
        "-g" => {
            if !a.ext_props.is_empty() {
                return Err(ScError::inval(
                    "-x is not used with -c -g: resource groups have no extension properties; set group properties with -y",
                ));
            }
            given.only(&["-g", "-h", "-y"], &form)?;
            if a.nodes.is_none() && a.std_props.is_empty() {
                return Err(ScError::inval(
                    "-c -g needs something to change: -h NODELIST or -y NAME=VALUE",
                )
                .hint(format!("usage: {}", form_usage(&form))));
            }
            Ok(Request::ChangeGroup {
                group: a.group.clone().unwrap_or_default(),
                nodelist: opt_list(&a.nodes, "-h")?,
                props: props(a)?,
            })
        }
        _ => {
            if !a.ext_props.is_empty() {
                return Err(ScError::inval(
                    "-x is not used with -c -t: a resource type's only changeable properties are Installed_nodes (-h) and RT_system (-y)",
                ));
            }
            given.only(&["-t", "-h", "-y"], &form)?;
            if a.nodes.is_none() && a.std_props.is_empty() {
                return Err(ScError::inval(
                    "-c -t needs something to change: -h NODES or -y RT_system=TRUE|FALSE",
                )
                .hint(format!("usage: {}", form_usage(&form))));
            }
            Ok(Request::ChangeType {
                rtype: a.rtype.clone().unwrap_or_default(),
                installed_nodes: opt_list(&a.nodes, "-h")?,
                props: props(a)?,
            })
        }
    }
}

/// Read the RTR file named by `-f` (a file the administrator gave, not the state).
pub(crate) fn load_rtr_file(req: &mut Request) -> Result<()> {
    if let Request::RegisterType { file: Some(f), .. } = req {
        let bytes = crate::service::read_type_file(std::path::Path::new(&f.path));
        let text = bytes.and_then(|b| {
            String::from_utf8(b).map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text")
            })
        });
        f.text = text.map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                _ => e.to_string(),
            };
            ScError::inval(format!("cannot read RTR file {}: {why}", f.path))
                .hint("give the path of the type's registration file, e.g. -f /opt/cluster/lib/rgm/rtreg/VENDOR.type")
        })?;
    }
    Ok(())
}

/// Parse with clap. Help (`-?`, `--help`) prints and returns `None`; a usage error keeps
/// clap's first line (the twelve-line usage would bury it) and points at `-?` (exit 3).
fn parse(args: Vec<OsString>, ctx: &mut Ctx) -> Result<Option<Args>> {
    use clap::FromArgMatches;
    use clap::error::ErrorKind;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(OsString::from("scrgadm"));
    full.extend(args);
    let parsed = super::manual::decorate(command())
        .try_get_matches_from(full)
        .and_then(|mut m| Args::from_arg_matches_mut(&mut m));
    match parsed {
        Ok(a) => Ok(Some(a)),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            ctx.out.out(&e.render().to_string());
            Ok(None)
        }
        Err(e) => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            Err(ScError::inval(first.to_string()).hint("scrgadm -? lists the command forms"))
        }
    }
}

pub fn run(ctx: &mut Ctx, args: Vec<OsString>) -> Result<()> {
    ctx.service.require(crate::service::CommandSet::Sc31);
    let raw: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    check_dashes(&raw)?;
    let Some(parsed) = parse(args, ctx)? else {
        return Ok(());
    };
    check_operands(&parsed.operands, &raw)?;
    let dry_run = parsed.dry_run;
    let json = parsed.json;
    let mut req = Request::try_from(parsed)?;
    if let Request::Print(p) = &req {
        let state = ctx.service.snapshot()?;
        let out = &mut *ctx.out;
        listing::render_to(&state, p, &mut |chunk| out.out(chunk))?;
        crate::let_go(state);
        return Ok(());
    }
    load_rtr_file(&mut req)?;
    let now = ctx.now_ms()?;
    let mode = Mode::dry_run_if(dry_run);
    let cmd = CommandLine {
        prog: "scrgadm",
        words: &raw,
    };
    let mut warnings = Vec::new();
    let done = ctx.service.configure(cmd, &req, mode, now, &mut warnings);
    for w in &warnings {
        ctx.out.warn(w);
    }
    let done = done?;
    if mode.is_dry_run() && json {
        let v = serde_json::json!({
            "format_version": crate::render::FORMAT_VERSION,
            "command": "scrgadm",
            "dry_run": true,
            "would": done.description,
            "warnings": warnings,
        });
        ctx.out
            .outln(&serde_json::to_string_pretty(&v).unwrap_or_default());
    } else if mode.is_dry_run() {
        ctx.out.outln(&format!(
            "dry run: would {}; nothing was written",
            done.description
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use clap::Parser;

    fn req(line: &str) -> Result<Request> {
        let mut words = vec!["scrgadm".to_string()];
        words.extend(line.split_whitespace().map(str::to_string));
        let a = Args::try_parse_from(words).map_err(|e| ScError::inval(e.to_string()))?;
        Request::try_from(a)
    }

    #[test]
    fn verbosity_clusters() {
        for (l, v) in [
            ("-p", 0),
            ("-pv", 1),
            ("-pvv", 2),
            ("-pvvv", 3),
            ("-p -v -v", 2),
        ] {
            match req(l).unwrap() {
                Request::Print(p) => assert_eq!(p.verbosity, v, "{l}"),
                other => panic!("{l}: {other:?}"),
            }
        }
    }

    #[test]
    fn forms() {
        assert!(matches!(
            req("-a -t SUNW.gds").unwrap(),
            Request::RegisterType { .. }
        ));
        assert!(matches!(
            req("-a -g RG -h a,b").unwrap(),
            Request::CreateGroup { .. }
        ));
        assert!(matches!(
            req("-a -j R -g RG -t T -x A=1 -y B=2 -x C=3").unwrap(),
            Request::CreateResource { props, .. } if props.len() == 3
        ));
        assert!(matches!(
            req("-a -L -g RG -l h1,h2").unwrap(),
            Request::CreateNetAddress {
                kind: NetKind::Logical,
                ..
            }
        ));
        assert!(matches!(
            req("-a -S -g RG -l h -X 3").unwrap(),
            Request::CreateNetAddress {
                kind: NetKind::Shared,
                ..
            }
        ));
        assert!(matches!(
            req("-c -j R -y A=1").unwrap(),
            Request::ChangeResource { .. }
        ));
        assert!(matches!(
            req("-c -g RG -h a").unwrap(),
            Request::ChangeGroup { .. }
        ));
        assert!(matches!(
            req("-c -t T -y RT_system=true").unwrap(),
            Request::ChangeType { .. }
        ));
        assert!(matches!(
            req("-r -j R").unwrap(),
            Request::RemoveResource { .. }
        ));
        assert!(matches!(
            req("-r -g R").unwrap(),
            Request::RemoveGroup { .. }
        ));
        assert!(matches!(
            req("-r -t R").unwrap(),
            Request::RemoveType { .. }
        ));
    }

    #[test]
    fn bad_combinations_exit_3() {
        for l in [
            "",
            "-a -r -g RG",
            "-v -a -g RG",
            "-a -g RG -t T",
            "-a -g RG -f x",
            "-a -j R -g RG",
            "-a -L -g RG",
            "-a -L -g RG -l h -X 1",
            "-r -g RG -j R",
            "-r -g RG -y A=1",
            "-c -j R",
            "-c -g RG -x A=1",
            "-a -j R -t T -g RG -y noequals",
            "-p -y A=1",
            "-a",
        ] {
            let e = req(l).unwrap_err();
            assert_eq!(e.code, ErrorCode::Inval, "{l}: {}", e.message);
        }
    }

    #[test]
    fn value_taking_words() {
        assert!(wants_value("-g"));
        assert!(wants_value("-ag"));
        assert!(!wants_value("-gRG"));
        assert!(!wants_value("-pvv"));
        assert!(!wants_value("--json"));
        assert!(!wants_value("RG"));
    }

    #[test]
    fn unicode_dashes_name_the_real_option() {
        let e = check_dashes(&["-a".into(), "\u{2013}g".into(), "RG".into()]).unwrap_err();
        assert!(e.message.contains("did you mean -g?"), "{}", e.message);
        let e = check_dashes(&["\u{2014}pvv".into()]).unwrap_err();
        assert!(e.message.contains("did you mean -pvv?"), "{}", e.message);
        let e = check_dashes(&["-a".into(), "\u{2013}\u{2013}dry-run".into()]).unwrap_err();
        assert!(
            e.message.contains("did you mean --dry-run?"),
            "{}",
            e.message
        );
        // A value may contain anything.
        assert!(check_dashes(&["-y".into(), "\u{2013}x".into()]).is_ok());
    }

    #[test]
    fn split_list_operand_is_explained() {
        let raw: Vec<String> = [
            "-a",
            "-j",
            "d",
            "-x",
            "ServicePaths=/global/mail1,",
            "/global/mail2",
        ]
        .map(String::from)
        .to_vec();
        let e = check_operands(&["/global/mail2".into()], &raw).unwrap_err();
        assert!(e.message.contains("without spaces"), "{}", e.message);
        assert!(
            e.message
                .contains("-x ServicePaths=/global/mail1,/global/mail2"),
            "{}",
            e.message
        );
    }
}
