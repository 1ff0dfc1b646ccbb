//! The syntax of an RG_affinities entry (`+RG`, `++RG`, `+++RG`, `-RG`, `--RG`), read the same
//! way by the checks of a change (`admin`), the engine's placement, export and the Pacemaker
//! mapping.

/// RG_affinities entry kinds (`+`, `++`, `+++`, `-`, `--`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AffKind {
    WeakPositive,
    StrongPositive,
    /// `+++`: strong positive with failover delegation.
    Delegate,
    WeakNegative,
    StrongNegative,
}

impl AffKind {
    pub fn prefix(self) -> &'static str {
        match self {
            AffKind::WeakPositive => "+",
            AffKind::StrongPositive => "++",
            AffKind::Delegate => "+++",
            AffKind::WeakNegative => "-",
            AffKind::StrongNegative => "--",
        }
    }
    /// `++` or `+++`: the group may only run where the other group runs.
    pub fn strong_positive(self) -> bool {
        matches!(self, AffKind::StrongPositive | AffKind::Delegate)
    }
}

/// The kind and the group of one entry, as written (no spaces trimmed): one to three `+` or
/// one or two `-`, then a group name that is not empty. Whether the name is a legal one is
/// the caller's question.
pub fn parse(entry: &str) -> Option<(AffKind, &str)> {
    let plus = entry.bytes().take_while(|b| *b == b'+').count();
    let minus = entry.bytes().take_while(|b| *b == b'-').count();
    let (kind, n) = match (plus, minus) {
        (1, 0) => (AffKind::WeakPositive, 1),
        (2, 0) => (AffKind::StrongPositive, 2),
        (3, 0) => (AffKind::Delegate, 3),
        (0, 1) => (AffKind::WeakNegative, 1),
        (0, 2) => (AffKind::StrongNegative, 2),
        _ => return None,
    };
    let group = &entry[n..];
    (!group.is_empty()).then_some((kind, group))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_parse() {
        assert_eq!(parse("+a"), Some((AffKind::WeakPositive, "a")));
        assert_eq!(parse("++DB"), Some((AffKind::StrongPositive, "DB")));
        assert_eq!(parse("+++DB"), Some((AffKind::Delegate, "DB")));
        assert_eq!(parse("-X"), Some((AffKind::WeakNegative, "X")));
        assert_eq!(parse("--X"), Some((AffKind::StrongNegative, "X")));
        for bad in ["a", "++++X", "---a", "++", "-", ""] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        // The name is the caller's to judge.
        assert_eq!(parse("+*a"), Some((AffKind::WeakPositive, "*a")));
        assert_eq!(parse("+-X"), Some((AffKind::WeakPositive, "-X")));
    }

    #[test]
    fn prefixes_round_trip() {
        for kind in [
            AffKind::WeakPositive,
            AffKind::StrongPositive,
            AffKind::Delegate,
            AffKind::WeakNegative,
            AffKind::StrongNegative,
        ] {
            assert_eq!(parse(&format!("{}g", kind.prefix())), Some((kind, "g")));
        }
    }
}
