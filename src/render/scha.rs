//! The "Results Format" of scha_cmds(1HA): how the scha_* query commands print an answer.
//! One value per line; booleans `TRUE`/`FALSE`; enums by name; a list one element per line;
//! a status as the keyword then the message; an extension property as its type then its value.

use crate::query::scha::Answer;

/// The text printed for `a` (empty for no value and for an empty list).
pub fn results(a: &Answer) -> String {
    let mut out = String::new();
    push(&mut out, a);
    out
}

fn push(out: &mut String, a: &Answer) {
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    match a {
        Answer::Str(s) | Answer::Enum(s) => line(s),
        Answer::Int(i) => line(&i.to_string()),
        Answer::Bool(b) => line(if *b { "TRUE" } else { "FALSE" }),
        Answer::List(l) => l.iter().for_each(|s| line(s)),
        Answer::Status { status, message } => {
            line(status);
            line(message);
        }
        Answer::Extension { ty, value } => {
            line(ty);
            if let Some(v) = value {
                push(out, v);
            }
        }
        Answer::Nothing => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_format() {
        assert_eq!(results(&Answer::Bool(true)), "TRUE\n");
        assert_eq!(results(&Answer::Int(-1)), "-1\n");
        assert_eq!(results(&Answer::Enum("ONLINE".into())), "ONLINE\n");
        assert_eq!(
            results(&Answer::List(vec!["a".into(), "b".into()])),
            "a\nb\n"
        );
        assert_eq!(results(&Answer::List(vec![])), "");
        assert_eq!(
            results(&Answer::Status {
                status: "DEGRADED".into(),
                message: "slow".into()
            }),
            "DEGRADED\nslow\n"
        );
        assert_eq!(
            results(&Answer::Extension {
                ty: "STRINGARRAY",
                value: Some(Box::new(Answer::List(vec!["/a".into(), "/b".into()])))
            }),
            "STRINGARRAY\n/a\n/b\n"
        );
        assert_eq!(results(&Answer::Nothing), "");
    }
}
