//! Checks on the raw argument words that every personality shares, derived from its clap
//! command (which options take a value, which subcommands pass their words on): a Unicode dash
//! pasted in place of `-` is named with the real option; a stray operand is explained (a list
//! split by a space after a comma, a value given to an option that takes none); a missing
//! subcommand lists the choices. Nothing here knows a particular command's flags.

use crate::error::{Result, ScError};
use clap::Command;

/// Characters that look like `-` but are not.
const FAKE_DASHES: &[(char, &str)] = &[
    ('\u{2013}', "an en dash (U+2013)"),
    ('\u{2014}', "an em dash (U+2014)"),
    ('\u{2012}', "a figure dash (U+2012)"),
    ('\u{2212}', "a minus sign (U+2212)"),
    ('\u{2010}', "a Unicode hyphen (U+2010)"),
    ('\u{2011}', "a non-breaking hyphen (U+2011)"),
];

fn fake_dash(c: char) -> Option<&'static str> {
    FAKE_DASHES.iter().find(|(d, _)| *d == c).map(|(_, w)| *w)
}

/// A subcommand that hands its words to another parser (`scsim scrgadm …`).
fn passes_words_on(cmd: &Command) -> bool {
    cmd.get_positionals().any(|a| a.is_trailing_var_arg_set())
}

/// Whether option word `word` leaves its value to the next word, for the options of `chain`
/// (a command and its ancestors, whose global options also apply).
pub fn takes_value(chain: &[&Command], word: &str) -> bool {
    value_option(chain, word).is_some()
}

/// The option whose value the word after `word` is, if any (see [`takes_value`]).
pub(super) fn value_option<'c>(chain: &[&'c Command], word: &str) -> Option<&'c clap::Arg> {
    let arg_by = |f: &dyn Fn(&clap::Arg) -> bool| {
        chain
            .iter()
            .rev()
            .find_map(|c| c.get_arguments().find(|a| f(a)))
    };
    if let Some(long) = word.strip_prefix("--") {
        if long.is_empty() || long.contains('=') {
            return None;
        }
        return arg_by(&|a| a.get_long() == Some(long)).filter(|a| a.get_action().takes_values());
    }
    let rest = word.strip_prefix('-')?;
    for (i, c) in rest.char_indices() {
        let a = arg_by(&|a| a.get_short() == Some(c))?;
        if a.get_action().takes_values() {
            // A value-taking short option takes the rest of the word, or the next word.
            return (i + c.len_utf8() == rest.len()).then_some(a);
        }
    }
    None
}

/// What a word of the command line is, as clap will read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Word {
    /// The value of the option before it.
    Value,
    /// A subcommand name.
    Subcommand,
    /// An option, or an operand.
    Other,
}

/// Walk `words` through `root` as clap would: the chain of (sub)commands reached, and what
/// each word is. Stops at `--` and at a subcommand that passes its words on (their own parser
/// checks them).
pub(super) fn walk<'c>(
    root: &'c Command,
    words: &[String],
) -> (Vec<&'c Command>, Vec<(usize, Word)>) {
    let mut chain = vec![root];
    let mut seen = Vec::with_capacity(words.len());
    let mut value_next = false;
    for (i, w) in words.iter().enumerate() {
        if value_next {
            value_next = false;
            seen.push((i, Word::Value));
            continue;
        }
        if w == "--" {
            break;
        }
        let cur = *chain.last().expect("chain has the root");
        if !w.starts_with('-')
            && let Some(sub) = cur.find_subcommand(w)
        {
            seen.push((i, Word::Subcommand));
            chain.push(sub);
            if passes_words_on(sub) {
                break;
            }
            continue;
        }
        seen.push((i, Word::Other));
        value_next = takes_value(&chain, w);
    }
    (chain, seen)
}

/// Reject a word that starts with a Unicode dash instead of `-` (pasted from a document or a
/// word processor), naming the option that was meant. Option values may contain anything.
pub fn check_dashes(root: &Command, words: &[String]) -> Result<()> {
    let (chain, seen) = walk(root, words);
    for (i, kind) in seen {
        if kind == Word::Value {
            continue;
        }
        let w = &words[i];
        let Some(what) = w.chars().next().and_then(fake_dash) else {
            continue;
        };
        let dashes = w.chars().take_while(|c| fake_dash(*c).is_some()).count();
        let rest: String = w.chars().skip(dashes).collect();
        let name = rest.split('=').next().unwrap_or("");
        let long = chain
            .iter()
            .any(|c| c.get_arguments().any(|a| a.get_long() == Some(name)))
            || name == "help";
        let real = if dashes > 1 || (long && name.chars().count() > 1) {
            format!("--{rest}")
        } else {
            format!("-{rest}")
        };
        return Err(ScError::inval(format!(
            "\"{w}\" starts with {what}, not the ASCII hyphen '-' (often pasted from a document): did you mean {real}?"
        ))
        .hint(format!("retype the dash: {real}")));
    }
    Ok(())
}

/// Explain the stray operand `op` (`prog`'s options are those of `root`): most often a list
/// split by a space after a comma, or a value given to an option that takes none. `None` when
/// the (sub)command reached takes operands of its own (then clap's message stands).
pub fn stray_operand(prog: &str, root: &Command, words: &[String], op: &str) -> Option<ScError> {
    let (chain, seen) = walk(root, words);
    let cur = *chain.last().expect("chain has the root");
    if cur.get_positionals().any(|a| !a.is_hide_set()) {
        return None;
    }
    // Who takes no operands: the command, or its subcommand (`fault list`; errors print
    // under the root's name already).
    let names: Vec<&str> = chain.iter().skip(1).map(|c| c.get_name()).collect();
    let who = if names.is_empty() {
        prog.to_string()
    } else {
        names.join(" ")
    };
    // How values are written here: the first value-taking options (`-g RG`, `--group RG`).
    // (Its own options: global ones such as --state are no help here.)
    let example: Vec<String> = cur
        .get_arguments()
        .filter(|a| !a.is_global_set() || chain.len() == 1)
        .filter(|a| a.get_action().takes_values() && !a.is_positional() && !a.is_hide_set())
        .filter_map(|a| {
            let value = a.get_value_names()?.first()?.to_string();
            match (a.get_short(), a.get_long()) {
                (Some(c), _) => Some(format!("-{c} {value}")),
                (None, Some(l)) => Some(format!("--{l} {value}")),
                _ => None,
            }
        })
        .take(3)
        .collect();
    let follows = if example.is_empty() {
        "it takes no values".to_string()
    } else {
        format!("every value follows its option ({})", example.join(", "))
    };
    let pos = seen
        .iter()
        .find(|(i, kind)| *kind == Word::Other && words[*i] == op)
        .map(|(i, _)| *i);
    let prev_kind = pos.and_then(|i| {
        seen.iter()
            .find(|(j, _)| i > 0 && *j == i - 1)
            .map(|(_, k)| *k)
    });
    let prev = pos.filter(|&i| i > 0).map(|i| words[i - 1].as_str());
    let opt = pos
        .filter(|&i| i > 1 && takes_value(&chain, &words[i - 2]))
        .map(|i| format!("{} ", words[i - 2]))
        .unwrap_or_default();
    if let Some(p) = prev
        && p.ends_with(',')
    {
        return Some(ScError::inval(format!(
            "unexpected operand \"{op}\": the list \"{opt}{p} {op}\" is split by a space after the comma; lists are written without spaces ({opt}{p}{op}) or quoted ({opt}\"{p} {op}\")"
        )));
    }
    // `-x NAME VALUE` or `-y NAME: VALUE` for an option whose value is NAME=VALUE.
    let wants_pair = pos
        .filter(|&i| i > 1)
        .and_then(|i| value_option(&chain, &words[i - 2]))
        .and_then(|a| a.get_value_names())
        .is_some_and(|v| v.iter().any(|n| n.contains('=')));
    if let Some(p) = prev
        && wants_pair
        && !p.contains('=')
    {
        let name = p.trim_end_matches(':');
        return Some(
            ScError::inval(format!(
                "unexpected operand \"{op}\": the value \"{p}\" of {} has no '=': a property is set as NAME=VALUE",
                opt.trim_end()
            ))
            .hint(format!("write {opt}{name}={op}")),
        );
    }
    let mut e = ScError::inval(format!(
        "unexpected operand \"{op}\": {who} takes no operands; {follows}"
    ));
    match prev {
        _ if prev_kind == Some(Word::Subcommand) => {}
        Some(p) if p.starts_with('-') && p.len() > 1 && !opt.is_empty() => {}
        Some(p) if p.starts_with('-') && p.len() > 1 => {
            e = e.hint(format!(
                "{p} takes no value; {prog} -? lists the options and what they take"
            ));
        }
        // Only a NAME=VALUE value may contain spaces; names and lists may not.
        Some(p) if wants_pair => {
            e = e.hint(format!(
                "if \"{op}\" belongs to the value before it, quote the value: {opt}\"{p} {op}\""
            ));
        }
        _ => {}
    }
    Some(e)
}

/// The error for a command line that stops before a required subcommand (`scsim node`):
/// names the command and its subcommands.
pub fn missing_subcommand(root: &Command, words: &[String]) -> ScError {
    let (chain, _) = walk(root, words);
    let path: Vec<&str> = chain.iter().map(|c| c.get_name()).collect();
    let cur = chain.last().expect("chain has the root");
    let subs: Vec<&str> = cur
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name())
        .collect();
    // Errors print under the root's name already.
    let what = if path.len() > 1 {
        format!("{} needs a subcommand", path[1..].join(" "))
    } else {
        "a subcommand is needed".to_string()
    };
    ScError::inval(format!("{what}: {}", subs.join(", ")))
        .hint(format!("{} --help describes them", path.join(" ")))
}

/// Give every (sub)command that has clap's generated help flag `-?` as well (the SC commands'
/// help letter), so `-?` prints help everywhere. Commands with their own help flag are left
/// alone.
pub fn question_mark_help(cmd: Command) -> Command {
    let cmd = if cmd.is_disable_help_flag_set() {
        cmd
    } else {
        cmd.disable_help_flag(true).arg(
            clap::Arg::new("help")
                .short('h')
                .short_alias('?')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Print help (also -?)"),
        )
    };
    cmd.mut_subcommands(question_mark_help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, ArgAction};

    fn sample() -> Command {
        Command::new("prog")
            .arg(
                Arg::new("state")
                    .long("state")
                    .value_name("FILE")
                    .global(true),
            )
            .arg(Arg::new("g").short('g').value_name("RG"))
            .arg(Arg::new("a").short('a').action(ArgAction::SetTrue))
            .arg(Arg::new("y").short('y').value_name("NAME=VALUE"))
            .subcommand(
                Command::new("node").subcommand(
                    Command::new("down")
                        .arg(Arg::new("node"))
                        .arg(Arg::new("clean").long("clean").action(ArgAction::SetTrue)),
                ),
            )
            .subcommand(
                Command::new("pass").arg(
                    Arg::new("args")
                        .num_args(0..)
                        .trailing_var_arg(true)
                        .allow_hyphen_values(true),
                ),
            )
    }

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn value_taking_words() {
        let c = sample();
        let chain = [&c];
        assert!(takes_value(&chain, "-g"));
        assert!(takes_value(&chain, "-ag"));
        assert!(!takes_value(&chain, "-gRG"));
        assert!(!takes_value(&chain, "-a"));
        assert!(takes_value(&chain, "--state"));
        assert!(!takes_value(&chain, "--state=x"));
        assert!(!takes_value(&chain, "RG"));
    }

    #[test]
    fn dashes_name_the_real_option() {
        let c = sample();
        let e = check_dashes(&c, &words("-a \u{2013}g RG")).unwrap_err();
        assert!(e.message.contains("did you mean -g?"), "{}", e.message);
        let e = check_dashes(&c, &words("node down n1 \u{2013}clean")).unwrap_err();
        assert!(e.message.contains("did you mean --clean?"), "{}", e.message);
        let e = check_dashes(&c, &words("\u{2014}\u{2014}state x")).unwrap_err();
        assert!(e.message.contains("did you mean --state?"), "{}", e.message);
        // Values may contain anything; words handed on are for the other parser.
        assert!(check_dashes(&c, &words("-g \u{2013}x")).is_ok());
        assert!(check_dashes(&c, &words("--state \u{2013}x")).is_ok());
        assert!(check_dashes(&c, &words("pass -y \u{2013}x")).is_ok());
    }

    #[test]
    fn stray_operands_are_explained() {
        let c = sample();
        let e = stray_operand("prog", &c, &words("-g a, b"), "b").unwrap();
        assert!(e.message.contains("split by a space after the comma"));
        assert!(e.message.contains("(-g a,b)"), "{}", e.message);
        let e = stray_operand("prog", &c, &words("-a RG"), "RG").unwrap();
        assert!(
            e.message.contains(
                "prog takes no operands; every value follows its option (--state FILE, -g RG, -y NAME=VALUE)"
            ),
            "{}",
            e.message
        );
        assert!(e.hints[0].contains("-a takes no value"), "{:?}", e.hints);
        let e = stray_operand("prog", &c, &words("-y Failback: TRUE"), "TRUE").unwrap();
        assert!(e.message.contains("has no '='"), "{}", e.message);
        assert_eq!(e.hints, ["write -y Failback=TRUE"]);
        // A subcommand with operands of its own keeps clap's message.
        assert!(stray_operand("prog", &c, &words("node down n1 n2"), "n2").is_none());
        // One without is named, with its own options, and a subcommand is never "quoted".
        let e = stray_operand("prog", &c, &words("node x"), "x").unwrap();
        assert!(
            e.message
                .contains("node takes no operands; it takes no values"),
            "{}",
            e.message
        );
        assert!(e.hints.is_empty(), "{:?}", e.hints);
        // A name followed by a stray word is not a value to quote; a property value is.
        let e = stray_operand("prog", &c, &words("-g RG n2"), "n2").unwrap();
        assert!(e.hints.is_empty(), "{:?}", e.hints);
        let e = stray_operand("prog", &c, &words("-y Desc=a b"), "b").unwrap();
        assert_eq!(
            e.hints,
            ["if \"b\" belongs to the value before it, quote the value: -y \"Desc=a b\""]
        );
    }

    #[test]
    fn missing_subcommand_lists_the_choices() {
        let e = missing_subcommand(&sample(), &words("node"));
        assert_eq!(e.message, "node needs a subcommand: down");
        assert_eq!(e.hints, ["prog node --help describes them"]);
    }

    #[test]
    fn question_mark_is_help_everywhere() {
        let c = question_mark_help(sample());
        for argv in [
            vec!["prog", "-?"],
            vec!["prog", "node", "-?"],
            vec!["prog", "node", "down", "-?"],
            vec!["prog", "node", "down", "--help"],
        ] {
            let e = c.clone().try_get_matches_from(&argv).unwrap_err();
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp, "{argv:?}");
        }
    }
}
