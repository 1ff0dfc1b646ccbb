//! Completion of names from the state: `scsim completions SHELL --command NAME` prints a small
//! script that asks `scsim __complete NAME INDEX -- WORDS…` for the candidates of the word under
//! the cursor. That hidden verb runs clap_complete's completion engine on the command's parser
//! with the values of its options attached from the state: groups, resources, types, nodes,
//! device groups, and the properties of the type at hand (`-y`/`-x` after `-j R` or `-t T`).
//! Lists complete their last item (`-h mail-1,ma<TAB>`).

use super::{Personality, registry};
use crate::error::{Result, ScError};
use crate::model::ClusterState;
use crate::printer::Printer;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::ffi::OsString;

/// Options and what their values are: (short `-g`, long `--group`, or positional id, kind).
type Table = &'static [(&'static str, Kind)];

/// What the values of an option are.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Group,
    Resource,
    Type,
    Node,
    DeviceGroup,
    Method,
    /// `-y`/`-x`/`-p`: `NAME=` of the type's standard (`Some(false)`), extension
    /// (`Some(true)`) or all (`None`) properties; the type is that of `-j R`, `-t T` or a
    /// resource named among the words. Without one, after `-g`: the group properties.
    Property(Option<bool>),
    /// `NAME=` of the resource group properties (`clrg create|set -p`).
    GroupProperty,
    /// The optags of a scha command (any case).
    Optag(&'static [&'static str]),
}

/// Names of a kind in `state`; `words` give the context of property names.
fn names(state: &ClusterState, kind: Kind, words: &[String]) -> Vec<String> {
    match kind {
        Kind::Group => state
            .resource_groups
            .keys()
            .map(|n| n.to_string())
            .collect(),
        Kind::Resource => state.resources.keys().map(|n| n.to_string()).collect(),
        Kind::Type => {
            // Registered types by full name; shipped ones not registered yet by their name
            // without version (registering gives the version of the cluster's release).
            let base = |n: &str| n.split(':').next().unwrap_or(n).to_string();
            let mut v: Vec<String> = state.resource_types.keys().cloned().collect();
            for b in crate::rtr::builtin_types() {
                let name = base(&b.name);
                if !v.iter().any(|r| base(r) == name) {
                    v.push(name);
                }
            }
            v
        }
        Kind::Node => state.cluster.node_names(),
        Kind::DeviceGroup => state
            .cluster
            .device_groups
            .iter()
            .map(|d| d.name.clone())
            .collect(),
        Kind::Method => crate::model::Method::ALL
            .iter()
            .map(|m| m.rtr_name().to_string())
            .collect(),
        Kind::Property(ext) => properties(state, ext, words),
        Kind::GroupProperty => group_properties(),
        // Only the optags the cluster's release has.
        Kind::Optag(tags) => tags
            .iter()
            .filter(|t| crate::query::scha::check_release(state, t, "").is_ok())
            .filter(|t| {
                state.cluster.release.has_32_features()
                    || super::scha::parse_optag(t).is_err()
                    || super::scha::parse_optag(t).is_ok_and(|(op, _)| !op.since_32())
            })
            .map(|t| t.to_string())
            .collect(),
    }
}

/// `NAME=` of every settable group property.
fn group_properties() -> Vec<String> {
    crate::model::props::rg_properties()
        .iter()
        .filter(|p| !p.query_only)
        .map(|p| format!("{}=", p.name))
        .collect()
}

/// `NAME=` of the properties of the type at hand (see [`Kind::Property`]).
fn properties(state: &ClusterState, ext: Option<bool>, words: &[String]) -> Vec<String> {
    let after = |flags: &[&str]| {
        words
            .windows(2)
            .find(|w| flags.contains(&w[0].as_str()))
            .map(|w| w[1].clone())
    };
    let rtype = after(&["-j"])
        .and_then(|r| state.resources.get(&r).map(|r| r.rtype.to_string()))
        .or_else(|| after(&["-t", "--type"]))
        .or_else(|| {
            words
                .iter()
                .skip(1)
                .find_map(|w| state.resources.get(w).map(|r| r.rtype.to_string()))
        });
    let rt = rtype.and_then(|t| crate::query::types::registered_type(state, &t).ok());
    // 3.2 and later: a PER_NODE extension property also takes `NAME{node}=` (one node per
    // word: `{a,b}` would need quoting against the shell's brace expansion).
    let per_node = state.cluster.release.has_32_features();
    let nodes = state.cluster.node_names();
    match (rt, after(&["-g"]), ext) {
        (Some(rt), _, _) => crate::model::props::all_params(rt)
            .into_iter()
            .filter(|d| {
                ext.is_none_or(|e| d.extension == e) && !crate::model::props::is_query_only(&d.name)
            })
            .flat_map(|d| {
                let mut words = vec![format!("{}=", d.name)];
                if per_node && d.per_node && d.extension {
                    words.extend(nodes.iter().map(|n| format!("{}{{{n}}}=", d.name)));
                }
                words
            })
            .collect(),
        (None, Some(_), Some(false)) => group_properties(),
        _ => Vec::new(),
    }
}

/// Candidates for `current`: names starting with its last comma-separated item, each with the
/// items before it.
fn candidates(all: &[String], current: &str) -> Vec<CompletionCandidate> {
    let (head, last) = match current.rfind(',') {
        Some(i) => current.split_at(i + 1),
        None => ("", current),
    };
    all.iter()
        .filter(|n| n.starts_with(last) && !head.split(',').any(|h| h == n.as_str()))
        .map(|n| CompletionCandidate::new(format!("{head}{n}")))
        .collect()
}

fn completer(state: &ClusterState, kind: Kind, words: &[String]) -> ArgValueCompleter {
    let all = names(state, kind, words);
    let any_case = matches!(kind, Kind::Optag(_));
    ArgValueCompleter::new(move |current: &std::ffi::OsStr| {
        let current = current.to_string_lossy();
        if any_case {
            // Optags are case-insensitive: `-O rg_<TAB>` offers RG_STATE, …
            return candidates(&all, &current.to_ascii_uppercase());
        }
        candidates(&all, &current)
    })
}

/// Attach completers from `table` to `cmd` and every subcommand below it (the object CLI's
/// verbs); `operand` completes the operands of every verb but `create`, whose operands are
/// new names.
fn attach_all(
    cmd: clap::Command,
    table: &[(&str, Kind)],
    operand: Option<Kind>,
    state: &ClusterState,
    words: &[String],
) -> clap::Command {
    let mut cmd = attach(cmd, table, state, words);
    if let Some(kind) = operand
        && cmd.get_name() != "create"
    {
        cmd = attach(cmd, &[("operands", kind)], state, words);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, |c| attach_all(c, table, operand, state, words));
    }
    cmd
}

/// The object CLI's options and what its operands are, by command.
fn object_cli(name: &str) -> (Vec<(&'static str, Kind)>, Option<Kind>) {
    use Kind::*;
    let mut table = vec![
        ("-g", Group),
        ("-n", Node),
        ("-t", Type),
        ("-X", Node),
        ("-y", Property(Some(false))),
        ("-x", Property(Some(true))),
    ];
    let (prop, operand) = match name {
        "clresourcegroup" | "clrg" => (Some(GroupProperty), Some(Group)),
        "clresource"
        | "clrs"
        | "clreslogicalhostname"
        | "clrslh"
        | "clressharedaddress"
        | "clrssa" => (Some(Property(None)), Some(Resource)),
        "clresourcetype" | "clrt" => (None, Some(Type)),
        "clnode" => (None, Some(Node)),
        "cldevicegroup" | "cldg" => (None, Some(DeviceGroup)),
        _ => (None, None),
    };
    if let Some(p) = prop {
        table.push(("-p", p));
    }
    (table, operand)
}

/// The optags of a scha command.
fn optags(name: &str) -> &'static [&'static str] {
    use crate::query::scha as q;
    match name {
        "scha_resource_get" => q::RESOURCE_TAGS,
        "scha_resourcegroup_get" => q::GROUP_TAGS,
        "scha_resourcetype_get" => q::TYPE_TAGS,
        "scha_cluster_get" => q::CLUSTER_TAGS,
        "scha_control" => super::scha::CONTROL_TAGS,
        _ => &[],
    }
}

/// Attach completers to the options of `cmd` named in `table` (short letter or long name).
fn attach(
    mut cmd: clap::Command,
    table: &[(&str, Kind)],
    state: &ClusterState,
    words: &[String],
) -> clap::Command {
    for (flag, kind) in table {
        let id = cmd.get_arguments().find_map(|a| {
            let hit = match flag.strip_prefix("--") {
                Some(long) => a.get_long() == Some(long),
                None if flag.len() == 2 => a.get_short() == flag.chars().nth(1),
                None => a.get_id() == *flag,
            };
            hit.then(|| a.get_id().clone())
        });
        if let Some(id) = id {
            let c = completer(state, *kind, words);
            cmd = cmd.mut_arg(id, |a| a.add(c));
        }
    }
    cmd
}

/// The personality's parser with completers for its options' values.
fn completing(p: Personality, state: &ClusterState, words: &[String]) -> clap::Command {
    use Kind::*;
    let sc: &[(&str, Kind)] = &[
        ("-g", Group),
        ("-j", Resource),
        ("-t", Type),
        ("-h", Node),
        ("-D", DeviceGroup),
        ("-X", Node),
        ("-y", Property(Some(false))),
        ("-x", Property(Some(true))),
    ];
    let cmd = p.command();
    let name = p.name();
    if name.starts_with("scha_") {
        let table = [
            ("-O", Optag(optags(name))),
            ("-G", Group),
            ("-R", Resource),
            ("-T", Type),
        ];
        return attach(cmd, &table, state, words);
    }
    if let Personality::Sc(e) = p
        && e.section == "1CL"
    {
        let (table, operand) = object_cli(name);
        return attach_all(cmd, &table, operand, state, words);
    }
    if p != Personality::Native {
        return attach(cmd, sc, state, words);
    }
    let verbs: &[(&[&str], Table)] = &[
        (&["node", "down"], &[("node", Node)]),
        (&["node", "up"], &[("nodes", Node)]),
        (
            &["fault", "inject"],
            &[
                ("--resource", Resource),
                ("--node", Node),
                ("--method", Method),
            ],
        ),
        (&["fault", "clear"], &[("--resource", Resource)]),
        (
            &["log"],
            &[
                ("--group", Group),
                ("--resource", Resource),
                ("--node", Node),
            ],
        ),
        (
            &["simulate"],
            &[
                ("--node-down", Node),
                ("--node-up", Node),
                ("--fail", Resource),
            ],
        ),
    ];
    let mut cmd = cmd;
    for (path, table) in verbs {
        cmd = match path {
            [one] => cmd.mut_subcommand(*one, |c| attach(c, table, state, words)),
            [one, two] => cmd.mut_subcommand(*one, |c| {
                c.mut_subcommand(*two, |c| attach(c, table, state, words))
            }),
            _ => cmd,
        };
    }
    cmd
}

/// `scsim __complete NAME INDEX -- WORDS…`: one candidate a line (nothing when the state cannot
/// be read: completion must never print an error into the command line).
pub fn run(
    name: &str,
    index: usize,
    words: Vec<OsString>,
    state: Option<ClusterState>,
    out: &mut Printer,
) -> Result<()> {
    let p = Personality::from_name(name)
        .ok_or_else(|| ScError::inval(format!("__complete: unknown command {name}")))?;
    let state = state.unwrap_or_else(empty_state);
    let text: Vec<String> = words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    if p == Personality::Native {
        match handover(&text, index) {
            Handover::None => {}
            Handover::Nodes => {
                // The nodes a command can run on: the members (a down node is refused).
                let up = state.cluster.up_members();
                return print(out, &up, &text, index);
            }
            Handover::Commands => {
                let names: Vec<String> = registry::PERSONALITIES
                    .iter()
                    .filter(|e| !e.node_tool)
                    .map(|e| e.name.to_string())
                    .collect();
                return print(out, &names, &text, index);
            }
            Handover::To(at) => {
                let cmd = std::path::Path::new(&text[at])
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if Personality::from_name(&cmd).is_none_or(|p| p == Personality::Native) {
                    return Ok(());
                }
                let rest = words.into_iter().skip(at).collect();
                return run(&cmd, index - at, rest, Some(state), out);
            }
        }
    }
    let mut cmd = completing(p, &state, &text);
    let mut words = words;
    if words.is_empty() {
        words.push(OsString::from(name));
    }
    while words.len() <= index {
        words.push(OsString::new());
    }
    let found = clap_complete::engine::complete(&mut cmd, words, index, None).unwrap_or_default();
    for c in found {
        out.outln(&c.get_value().to_string_lossy());
    }
    Ok(())
}

/// What `scsim` hands a word over to: `scsim on NODE [--] CMD ARGS…` completes NODE from the
/// state, CMD from the registry and ARGS as CMD completes them; `scsim NAME ARGS…` as NAME.
#[derive(Debug, PartialEq, Eq)]
enum Handover {
    None,
    Nodes,
    Commands,
    /// The command whose words start at this index.
    To(usize),
}

fn handover(words: &[String], index: usize) -> Handover {
    let mut i = 1;
    while let Some(w) = words.get(i) {
        match w.as_str() {
            "--state" => i += 2,
            w if w.starts_with("--state=") => i += 1,
            _ => break,
        }
    }
    if i >= index {
        return Handover::None;
    }
    let Some(verb) = words.get(i) else {
        return Handover::None;
    };
    if verb == "on" {
        let node = i + 1;
        if index == node {
            return Handover::Nodes;
        }
        let cmd = if words.get(node + 1).is_some_and(|w| w == "--") {
            node + 2
        } else {
            node + 1
        };
        return match index.cmp(&cmd) {
            std::cmp::Ordering::Less => Handover::None,
            std::cmp::Ordering::Equal => Handover::Commands,
            std::cmp::Ordering::Greater => Handover::To(cmd),
        };
    }
    if registry::find(verb).is_some() {
        return Handover::To(i);
    }
    Handover::None
}

/// The names starting with the word under the cursor, one a line.
fn print(out: &mut Printer, names: &[String], words: &[String], index: usize) -> Result<()> {
    let current = words.get(index).map_or("", String::as_str);
    for c in candidates(names, current) {
        out.outln(&c.get_value().to_string_lossy());
    }
    Ok(())
}

/// No state file (yet): complete options and fixed values only.
fn empty_state() -> ClusterState {
    let opts = crate::admin::init::InitOptions {
        nodes: vec!["node".into()],
        ..Default::default()
    };
    let mut s = crate::admin::init::new_cluster(&opts, 0).expect("a one-node cluster is valid");
    s.cluster.nodes.clear();
    s
}

/// The registration script of `name` for `shell`: it calls `scsim __complete`.
pub fn script(shell: clap_complete::Shell, name: &str) -> Result<String> {
    use clap_complete::Shell;
    let exe = registry::NATIVE;
    let f = format!("_{}_complete", name.replace('-', "_"));
    Ok(match shell {
        Shell::Bash => format!(
            "# bash completion for {name} (names from the scsim state); source this file\n\
{f}() {{\n\
    local line=${{COMP_LINE:0:COMP_POINT}} IFS=$' \\t\\n' c\n\
    local -a words\n\
    read -r -a words <<< \"$line\"\n\
    [[ $line =~ [[:space:]]$ || ${{#words[@]}} -eq 0 ]] && words+=(\"\")\n\
    local cur=${{words[${{#words[@]}}-1]}}\n\
    local prefix=${{cur%\"${{COMP_WORDS[COMP_CWORD]}}\"}}\n\
    COMPREPLY=()\n\
    while IFS= read -r c; do\n\
        COMPREPLY+=(\"${{c#\"$prefix\"}}\")\n\
        [[ $c == *[=,] ]] && compopt -o nospace 2>/dev/null\n\
    done < <({exe} __complete {name} $((${{#words[@]}} - 1)) -- \"${{words[@]}}\" 2>/dev/null)\n\
}}\n\
complete -o nosort -o default -F {f} {name}\n"
        ),
        Shell::Zsh => format!(
            "#compdef {name}\n# zsh completion for {name} (names from the scsim state); put it on $fpath as _{name}\n\
local -a cands\ncands=(\"${{(@f)$({exe} __complete {name} $((CURRENT - 1)) -- \"${{words[@]}}\" 2>/dev/null)}}\")\n\
compadd -Q -- \"${{cands[@]}}\"\n"
        ),
        Shell::Fish => format!(
            "# fish completion for {name} (names from the scsim state)\n\
complete -c {name} -f -a '({exe} __complete {name} (count (commandline -opc)) -- (commandline -opc) (commandline -ct) 2>/dev/null)'\n"
        ),
        other => {
            return Err(ScError::inval(format!(
                "completions for {other} are not available: choose bash, zsh or fish"
            )));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_complete_their_last_item() {
        let all = vec![
            "mail-1".to_string(),
            "mail-2".to_string(),
            "web-1".to_string(),
        ];
        let v: Vec<String> = candidates(&all, "mail-1,ma")
            .iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect();
        assert_eq!(v, ["mail-1,mail-2"]);
    }
}
