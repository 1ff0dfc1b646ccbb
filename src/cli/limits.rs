//! Limits on what the command line may ask for, and how much of it messages echo.
//!
//! * A negative number where clap would see an option (`-K -1`, `scsim log --last -1`,
//!   `scsim time advance -5s`) is named as such instead of clap's "unexpected argument".
//! * `--state ""` is refused with a message.
//! * Numbers that feed simulated-time arithmetic are bounded (`-K`, `time advance`).
//! * Messages echo long input cut, as long object names are cut: a word of a message longer
//!   than [`ECHO_MAX`] characters is shortened (`abc…` plus its length).

use super::words::{self, Word};
use crate::error::{Result, ScError};
use std::path::Path;

pub use crate::printer::{ECHO_MAX, cut, cut_message};
/// Largest `scswitch -S -K` (seconds), as on Sun Cluster (`clnode evacuate -T`).
pub const MAX_KEEP_OFF_S: u64 = 65_535;
/// Latest simulated time `scsim time advance` may reach: 9999-12-31T23:59:59Z, in ms.
pub use crate::timefmt::MAX_SIM_TIME_MS;

/// Whether `w` reads as a negative number (`-1`, `-5s`, `-0.5`).
fn is_negative(w: &str) -> bool {
    w.strip_prefix('-')
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
}

/// Refuse a negative number in the words of `root` with a message that says so, where clap
/// would take it for an option. Values of options that accept a leading hyphen are left alone,
/// and so are the words of a command that passes them on.
pub fn check_negative(root: &clap::Command, words: &[String]) -> Result<()> {
    let (chain, seen) = words::walk(root, words);
    for (i, kind) in seen {
        let w = &words[i];
        if !is_negative(w) {
            continue;
        }
        let abs = &w[1..];
        if kind == Word::Value {
            let opt = &words[i - 1];
            if words::value_option(&chain, opt).is_some_and(|a| a.is_allow_hyphen_values_set()) {
                continue;
            }
            return Err(
                ScError::inval(format!("{opt} {}: the value cannot be negative", cut(w))).hint(
                    format!("give a value of 0 or more, e.g. {opt} {}", cut(abs)),
                ),
            );
        }
        if kind == Word::Other {
            return Err(
                ScError::inval(format!("{}: negative values are not accepted", cut(w))).hint(
                    format!(
                        "counts and durations are 0 or more (simulated time only moves forward), e.g. {}",
                        cut(abs)
                    ),
                ),
            );
        }
    }
    Ok(())
}

/// clap's "a value is required" for an option given an empty word (`--state ''`, `--state=`),
/// said as it is. (A value that is missing altogether keeps clap's message.)
pub fn empty_value(e: &clap::Error, words: &[String]) -> Option<ScError> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::InvalidValue
        || !matches!(e.get(ContextKind::InvalidValue), Some(ContextValue::String(v)) if v.is_empty())
    {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let name = arg.split([' ', '=']).next().unwrap_or(arg);
    if !words
        .iter()
        .any(|w| w.is_empty() || w.strip_suffix('=') == Some(name))
    {
        return None;
    }
    let err = ScError::inval(format!("{name} was given an empty value"));
    Some(if name == "--state" {
        err.hint("give the state file's path, e.g. --state /var/tmp/cluster.json")
    } else {
        err.hint(format!("give {name} a value"))
    })
}

/// `--state` must name a file.
pub fn check_state_option(p: &Path) -> Result<()> {
    if p.as_os_str().is_empty() {
        return Err(ScError::inval("--state was given an empty file name")
            .hint("give the state file's path, e.g. --state /var/tmp/cluster.json"));
    }
    Ok(())
}

/// `scswitch -S -K seconds` in ms, refusing values past [`MAX_KEEP_OFF_S`].
pub fn keep_off_ms(seconds: u64) -> Result<u64> {
    if seconds > MAX_KEEP_OFF_S {
        return Err(
            ScError::inval(format!("-K {seconds}: at most {MAX_KEEP_OFF_S} seconds"))
                .hint("give the seconds the evacuated node is not chosen, from 0 to 65535"),
        );
    }
    Ok(seconds * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_cut_short_ones_kept() {
        assert_eq!(cut("abc"), "abc");
        let long = "x".repeat(100_000);
        let c = cut(&long);
        assert!(c.len() < 80 && c.contains("100000 characters"), "{c}");
        let msg = format!("unknown property {long} of resource r");
        let m = cut_message(&msg);
        assert!(m.len() < 200, "{m}");
        assert!(m.starts_with("unknown property xxx") && m.ends_with("of resource r"));
        assert!(matches!(
            cut_message("short"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn negatives() {
        assert!(is_negative("-1") && is_negative("-5s") && is_negative("-.5"));
        assert!(
            !is_negative("-K") && !is_negative("--last") && !is_negative("-") && !is_negative("5")
        );
    }

    #[test]
    fn bounds() {
        assert_eq!(keep_off_ms(60).unwrap(), 60_000);
        assert!(keep_off_ms(u64::MAX).is_err());
        assert!(keep_off_ms(9_223_372_036_854_775_807).is_err());
    }
}
