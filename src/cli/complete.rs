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
    /// `-y`/`-x`: `NAME=` of the type's standard (`false`) or extension (`true`) properties.
    Property(bool),
}

/// Names of a kind in `state`; `words` give the context of property names.
fn names(state: &ClusterState, kind: Kind, words: &[String]) -> Vec<String> {
    match kind {
        Kind::Group => state.resource_groups.keys().cloned().collect(),
        Kind::Resource => state.resources.keys().cloned().collect(),
        Kind::Type => {
            let mut v: Vec<String> = state.resource_types.keys().cloned().collect();
            for b in crate::rtr::builtin_types() {
                if !v.contains(&b.name) {
                    v.push(b.name.clone());
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
        Kind::Property(ext) => {
            let after = |flag: &str| {
                words
                    .windows(2)
                    .find(|w| w[0] == flag)
                    .map(|w| w[1].clone())
            };
            let rtype = after("-j")
                .and_then(|r| state.resources.get(&r).map(|r| r.rtype.clone()))
                .or_else(|| after("-t"));
            let rt = rtype.and_then(|t| crate::query::types::registered_type(state, &t).ok());
            let mut v: Vec<String> = match (rt, after("-g"), ext) {
                (Some(rt), _, _) => crate::model::props::all_params(rt)
                    .into_iter()
                    .filter(|d| d.extension == ext && !crate::model::props::is_query_only(&d.name))
                    .map(|d| d.name)
                    .collect(),
                (None, Some(_), false) => crate::model::props::rg_properties()
                    .iter()
                    .filter(|p| !p.query_only)
                    .map(|p| p.name.to_string())
                    .collect(),
                _ => Vec::new(),
            };
            for n in &mut v {
                n.push('=');
            }
            v
        }
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
    ArgValueCompleter::new(move |current: &std::ffi::OsStr| {
        candidates(&all, &current.to_string_lossy())
    })
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
        ("-y", Property(false)),
        ("-x", Property(true)),
    ];
    let cmd = p.command();
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
